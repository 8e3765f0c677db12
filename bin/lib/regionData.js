"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.offlineRegions = exports.azureRegions = void 0;
exports.useRegionSource = useRegionSource;
exports.lookUpRegions = lookUpRegions;
exports.knownRegions = knownRegions;
/**
 * Azure's regions, read before anything is created: the subscription's locations list
 * (Subscriptions - List Locations, `GET /subscriptions/{id}/locations?api-version=2022-12-01`,
 * Azure/azure-rest-api-specs specification/resources/resource-manager/Microsoft.Resources/stable/2022-12-01/subscriptions.json).
 * azure-native 3.28 has no function for this list (none under resources or subscription), so
 * the program asks ARM itself with the provider's own credentials (lib/armRead.ts). Its regions,
 * their zones and pairs then decide every region check: a region Azure adds after the extract in
 * policy/rulebook/regions.ts is taken. A list that cannot be read stops the program, as the
 * size data does: the checks never fall back to the extract unsaid.
 *
 * The offline plan has no Azure: it answers from the extract, whose date the errors name.
 */
const regions_1 = require("../policy/rulebook/regions");
const errors_1 = require("../policy/rulebook/errors");
const armRead_1 = require("./armRead");
/** The version whose `Location` has `availabilityZoneMappings` and `metadata.pairedRegion`. */
const LOCATIONS_API_VERSION = "2022-12-01";
/** The subscription's regions, from ARM. */
const azureRegions = async () => {
    const what = "Azure's regions (the subscription's locations list)";
    const data = (0, regions_1.regionDataFromArm)(await (0, armRead_1.readArmList)(what, `/locations?api-version=${LOCATIONS_API_VERSION}`));
    if (Object.keys(data.regions).length === 0) {
        throw new errors_1.OneLineError(`reading ${what}: Azure listed no physical region`, "AzureReadError");
    }
    return data;
};
exports.azureRegions = azureRegions;
/** The extract's regions, for the offline plan and tests. */
const offlineRegions = async () => regions_1.REGION_EXTRACT;
exports.offlineRegions = offlineRegions;
let source = exports.azureRegions;
let read;
let known = regions_1.REGION_EXTRACT;
/** Where {@link lookUpRegions} reads from: Azure by default; the offline plan sets {@link offlineRegions}. */
function useRegionSource(next) {
    source = next;
    read = undefined;
    known = regions_1.REGION_EXTRACT;
}
/**
 * The region table, read once per source: Azure's list of the subscription's regions. A program
 * awaits it before it creates components, whose region checks then use it ({@link knownRegions}).
 */
function lookUpRegions() {
    if (read === undefined) {
        const from = source;
        read = from().then((data) => {
            known = source === from ? data : known;
            return data;
        });
    }
    return read;
}
/**
 * The region table the components check against: the one {@link lookUpRegions} has read, the
 * extract until then (a component is created synchronously and cannot wait for Azure).
 */
function knownRegions() {
    return known;
}
