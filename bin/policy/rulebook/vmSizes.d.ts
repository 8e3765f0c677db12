import { SkuZoneInfo } from "./zones";
/** One entry of the Resource SKUs list, as far as it is read here. */
export interface ResourceSku extends SkuZoneInfo {
    resourceType?: string;
    name: string;
    locations?: string[];
    capabilities?: Array<{
        name: string;
        value: string;
    }>;
    /** `{ type: "Location", reasonCode: "NotAvailableForSubscription", values: [...] }` where the size is not offered. */
    restrictions?: Array<{
        type?: string;
        reasonCode?: string;
        values?: string[];
        restrictionInfo?: {
            locations?: string[];
            zones?: string[];
        };
    }>;
}
/** What the rules need to know of a size. */
export interface VmSizeFacts {
    name: string;
    maxDataDiskCount: number;
    /** Whether the size runs Trusted Launch (Generation 2, and not disabled for the size). */
    trustedLaunch: boolean;
    /** The availability zones the size is offered in within the region, where Azure's data says (never in the offline extract). */
    zones?: string[];
}
/** The sizes Azure's data knows, and whether that data is the whole list of the region (from Azure) or an offline extract. */
export interface VmSizeData {
    location: string;
    sizes: ReadonlyMap<string, VmSizeFacts>;
    /** True when read from Azure: a size missing from it is not offered in the region. False for the offline extract. */
    complete: boolean;
}
/** The facts of one VM size entry. */
export declare function vmSizeFacts(sku: ResourceSku): VmSizeFacts;
/**
 * The VM sizes of a Resource SKUs list offered in the location. An extract (not `complete`) may
 * leave out `locations`: its facts then hold in every region.
 */
export declare function vmSizeData(skus: readonly ResourceSku[], location: string, complete: boolean): VmSizeData;
/** A size's facts; sizes compare ignoring case, as Azure's do. */
export declare function findVmSize(data: VmSizeData | undefined, size: string): VmSizeFacts | undefined;
