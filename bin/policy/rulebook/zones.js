"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REGIONS_WITH_ZONES = exports.DOCUMENTED_ZONES = void 0;
exports.skuZones = skuZones;
exports.regionZones = regionZones;
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
const regions_1 = require("./regions");
exports.DOCUMENTED_ZONES = ["1", "2", "3"];
/** Public regions with availability zones, by their programmatic names. */
exports.REGIONS_WITH_ZONES = Object.keys(regions_1.AZURE_REGIONS).filter((name) => regions_1.AZURE_REGIONS[name].zones);
/** The zones a size is offered in within a region, by Azure's SKU data: its zones there less those restricted. */
function skuZones(sku, location) {
    const info = (sku.locationInfo ?? []).find((entry) => entry.location !== undefined && (0, regions_1.normalizeRegion)(entry.location) === (0, regions_1.normalizeRegion)(location));
    if (info === undefined) {
        return undefined;
    }
    const restricted = new Set((sku.restrictions ?? []).filter((restriction) => restriction.type === "Zone").flatMap((restriction) => restriction.restrictionInfo?.zones ?? []));
    return (info.zones ?? []).filter((zone) => !restricted.has(zone)).sort();
}
/** The zones of a region: Azure's SKU data for the size when it says, the region table (Azure's list online, Microsoft's offline) otherwise. */
function regionZones(location, fromSkuData, data = regions_1.REGION_EXTRACT) {
    if (fromSkuData !== undefined) {
        return { zones: fromSkuData, source: "Azure's VM size data" };
    }
    if (data.fromAzure) {
        return { zones: [...((0, regions_1.azureRegion)(location, data)?.zoneNames ?? [])], source: "Azure's locations list" };
    }
    if (exports.REGIONS_WITH_ZONES.includes((0, regions_1.normalizeRegion)(location))) {
        return { zones: [...exports.DOCUMENTED_ZONES], source: "Microsoft's region list" };
    }
    return { zones: [], source: "unknown offline" };
}
