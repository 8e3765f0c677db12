/**
 * Azure's size data for the VMs' region, read before anything is created: the Resource SKUs
 * list (`GET /subscriptions/{id}/providers/Microsoft.Compute/skus?api-version=2021-07-01&$filter=location eq '<region>'`,
 * https://learn.microsoft.com/rest/api/compute/resource-skus/list). azure-native has no function
 * for this list, so the program asks ARM itself with the provider's own credentials (lib/armRead.ts).
 *
 * The offline plan has no Azure: it answers from `vmSizes.offline.json`, an extract in the same
 * format for the sizes the README documents (their `MaxDataDiskCount` and `HyperVGenerations`
 * from Microsoft's size pages). A size outside the extract is then planned with a note that it
 * was not checked, never as if it had been.
 */
import { ResourceSku, VmSizeData, vmSizeData } from "../policy/rulebook/vmSizes";
import { readArmList } from "./armRead";
import OFFLINE_EXTRACT from "./vmSizes.offline.json";

const SKUS_API_VERSION = "2021-07-01";

/** Where the size data of a region comes from. */
export type VmSizeSource = (location: string) => Promise<VmSizeData>;

/** The sizes Azure offers in the region, from ARM. */
export const azureVmSizes: VmSizeSource = async (location) => {
    const filter = encodeURIComponent(`location eq '${location}'`);
    const skus = await readArmList<ResourceSku>(`Azure's VM sizes for ${location}`, `/providers/Microsoft.Compute/skus?api-version=${SKUS_API_VERSION}&$filter=${filter}`);
    return vmSizeData(skus, location, true);
};

/** The offline extract's size data, for the offline plan, its readiness report and tests. */
export function offlineVmSizeData(location: string): VmSizeData {
    return vmSizeData(OFFLINE_EXTRACT as ResourceSku[], location, false);
}

export const offlineVmSizes: VmSizeSource = async (location) => offlineVmSizeData(location);

let source: VmSizeSource = azureVmSizes;

/** The size data of each region, read once per region and source. */
const read = new Map<string, Promise<VmSizeData>>();

/** Where {@link lookUpVmSizes} reads from: Azure by default; the offline plan sets {@link offlineVmSizes}. */
export function useVmSizeSource(next: VmSizeSource): void {
    source = next;
    read.clear();
}

export function lookUpVmSizes(location: string): Promise<VmSizeData> {
    const key = location.replace(/\s+/g, "").toLowerCase();
    const found = read.get(key) ?? source(location);
    read.set(key, found);
    return found;
}
