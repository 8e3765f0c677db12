"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.vmSizeFacts = vmSizeFacts;
exports.vmSizeData = vmSizeData;
exports.findVmSize = findVmSize;
/**
 * What a VM size allows, read from Azure's own data: the Resource SKUs list
 * (`GET /subscriptions/{id}/providers/Microsoft.Compute/skus`, api-version 2021-07-01, which
 * `az vm list-skus --resource-type virtualMachines -o json` prints). Each entry's
 * `capabilities` are name/value strings: `MaxDataDiskCount` ("4"), `HyperVGenerations`
 * ("V1,V2") and `TrustedLaunchDisabled` ("True" where the size cannot run Trusted Launch).
 * https://learn.microsoft.com/rest/api/compute/resource-skus/list
 * https://learn.microsoft.com/azure/virtual-machines/trusted-launch#virtual-machines-sizes
 */
const regions_1 = require("./regions");
const zones_1 = require("./zones");
function capability(sku, name) {
    return sku.capabilities?.find((entry) => entry.name === name)?.value;
}
/** The facts of one VM size entry. */
function vmSizeFacts(sku) {
    const generations = (capability(sku, "HyperVGenerations") ?? "V1").split(",").map((generation) => generation.trim().toUpperCase());
    return {
        name: sku.name,
        maxDataDiskCount: Number(capability(sku, "MaxDataDiskCount") ?? 0),
        trustedLaunch: generations.includes("V2") && capability(sku, "TrustedLaunchDisabled")?.toLowerCase() !== "true",
    };
}
/** Whether the SKU is a VM size offered to the subscription in the location. */
function offeredIn(sku, location) {
    const inLocation = (sku.locations ?? []).some((name) => (0, regions_1.sameRegion)(name, location));
    const restricted = (sku.restrictions ?? []).some((restriction) => restriction.type === "Location" && (restriction.values ?? []).some((name) => (0, regions_1.sameRegion)(name, location)));
    return (sku.resourceType ?? "virtualMachines") === "virtualMachines" && inLocation && !restricted;
}
/**
 * The VM sizes of a Resource SKUs list offered in the location. An extract (not `complete`) may
 * leave out `locations`: its facts then hold in every region.
 */
function vmSizeData(skus, location, complete) {
    const sizes = new Map();
    for (const sku of skus.filter((entry) => (!complete && entry.locations === undefined) || offeredIn(entry, location))) {
        const zones = complete ? (0, zones_1.skuZones)(sku, location) : undefined;
        sizes.set(sku.name.toLowerCase(), zones === undefined ? vmSizeFacts(sku) : { ...vmSizeFacts(sku), zones });
    }
    return { location, sizes, complete };
}
/** A size's facts; sizes compare ignoring case, as Azure's do. */
function findVmSize(data, size) {
    return data?.sizes.get(size.toLowerCase());
}
