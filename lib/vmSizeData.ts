/**
 * Azure's size data for the VMs' region, read before anything is created: the Resource SKUs
 * list (`GET /subscriptions/{id}/providers/Microsoft.Compute/skus?api-version=2021-07-01&$filter=location eq '<region>'`,
 * https://learn.microsoft.com/rest/api/compute/resource-skus/list). azure-native has no function
 * for this list, so the program asks ARM itself with the provider's own credentials
 * (`azure-native:authorization:getClientToken` and `getClientConfig`).
 *
 * The offline plan has no Azure: it answers from `vmSizes.offline.json`, an extract in the same
 * format for the sizes the README documents (their `MaxDataDiskCount` and `HyperVGenerations`
 * from Microsoft's size pages). A size outside the extract is then planned with a note that it
 * was not checked, never as if it had been.
 */
import * as authorization from "@pulumi/azure-native/authorization";
import { ResourceSku, VmSizeData, vmSizeData } from "../policy/rulebook/vmSizes";
import OFFLINE_EXTRACT from "./vmSizes.offline.json";

const ARM = "https://management.azure.com";
const SKUS_API_VERSION = "2021-07-01";

/** Where the size data of a region comes from. */
export type VmSizeSource = (location: string) => Promise<VmSizeData>;

/** The sizes Azure offers in the region, from ARM. */
export const azureVmSizes: VmSizeSource = async (location) => {
    const [{ token }, { subscriptionId }] = await Promise.all([authorization.getClientToken(), authorization.getClientConfig()]);
    const skus: ResourceSku[] = [];
    let url: string | undefined =
        `${ARM}/subscriptions/${subscriptionId}/providers/Microsoft.Compute/skus?api-version=${SKUS_API_VERSION}&$filter=${encodeURIComponent(`location eq '${location}'`)}`;
    for (let page = 0; url !== undefined && page < 100; page++) {
        const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
        if (!response.ok) {
            throw new Error(`reading Azure's VM sizes for ${location}: HTTP ${response.status} ${await response.text()}`);
        }
        const body = (await response.json()) as { value?: ResourceSku[]; nextLink?: string };
        skus.push(...(body.value ?? []));
        url = body.nextLink;
    }
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
