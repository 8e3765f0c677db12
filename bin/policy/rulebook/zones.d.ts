/**
 * Availability zones: where Azure says a region has them.
 *
 * With Azure's data (the Resource SKUs list the program reads before anything is created,
 * lib/vmSizeData.ts) a VM size's `locationInfo[].zones` names the zones it is offered in, less
 * any `restrictions` of type `Zone` for the subscription
 * (https://learn.microsoft.com/rest/api/compute/resource-skus/list: ResourceSkuLocationInfo.zones,
 * ResourceSkuRestrictions.restrictionInfo.zones). Where that data does not say, the region table
 * does: online Azure's locations list (the logical zones it maps for the subscription), offline
 * the regions Microsoft's region list marks with three availability zones (policy/rulebook/regions.ts,
 * its extract and date); a region outside the extract is unknown offline, not known to lack zones.
 */
import { RegionData } from "./regions";
export declare const DOCUMENTED_ZONES: readonly ["1", "2", "3"];
/** Public regions with availability zones, by their programmatic names. */
export declare const REGIONS_WITH_ZONES: readonly string[];
/** Where a region's zones were learnt: Azure's SKU data, Azure's locations list, Microsoft's list offline, or nowhere. */
export type ZoneSource = "Azure's VM size data" | "Azure's locations list" | "Microsoft's region list" | "unknown offline";
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
/** The zones of a region: Azure's SKU data for the size when it says, the region table (Azure's list online, Microsoft's offline) otherwise. */
export declare function regionZones(location: string, fromSkuData: string[] | undefined, data?: RegionData): RegionZones;
