export declare const DOCUMENTED_ZONES: readonly ["1", "2", "3"];
/** Public regions with availability zones, by their programmatic names. */
export declare const REGIONS_WITH_ZONES: readonly string[];
/** Where a region's zones were learnt: Azure's SKU data, Microsoft's list offline, or nowhere. */
export type ZoneSource = "Azure's VM size data" | "Microsoft's region list" | "unknown offline";
export interface RegionZones {
    /** Zones to spread VMs over; empty where there are none (or none known). */
    zones: string[];
    source: ZoneSource;
}
/** One entry's zone facts in the Resource SKUs list. */
export interface SkuZoneInfo {
    locationInfo?: Array<{
        location?: string;
        zones?: string[];
    }>;
    restrictions?: Array<{
        type?: string;
        restrictionInfo?: {
            locations?: string[];
            zones?: string[];
        };
    }>;
}
/** The zones a size is offered in within a region, by Azure's SKU data: its zones there less those restricted. */
export declare function skuZones(sku: SkuZoneInfo, location: string): string[] | undefined;
/** The zones of a region: Azure's SKU data for the size when it says, Microsoft's list otherwise. */
export declare function regionZones(location: string, fromSkuData: string[] | undefined): RegionZones;
