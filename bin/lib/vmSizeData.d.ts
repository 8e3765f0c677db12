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
