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
import { VmSizeData } from "../policy/rulebook/vmSizes";
/** Where the size data of a region comes from. */
export type VmSizeSource = (location: string) => Promise<VmSizeData>;
/** The sizes Azure offers in the region, from ARM. */
export declare const azureVmSizes: VmSizeSource;
/** The offline extract's size data, for the offline plan, its readiness report and tests. */
export declare function offlineVmSizeData(location: string): VmSizeData;
export declare const offlineVmSizes: VmSizeSource;
/** Where {@link lookUpVmSizes} reads from: Azure by default; the offline plan sets {@link offlineVmSizes}. */
export declare function useVmSizeSource(next: VmSizeSource): void;
export declare function lookUpVmSizes(location: string): Promise<VmSizeData>;
