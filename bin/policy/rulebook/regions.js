"use strict";
/**
 * Azure's public regions, which Azure writes both as "westeurope" and "West Europe": their
 * display names, whether they have availability zones, and the region each replicates to.
 *
 * Checked, refreshed 2026-12, row by row against Microsoft's region list, "Azure regions list"
 * (https://learn.microsoft.com/azure/reliability/regions-list; source
 * MicrosoftDocs/azure-docs articles/reliability/regions-list.md: columns "Availability zone
 * support" and "Paired region", "n/a" for none; the current page also gives "Austria East 3 N/A"
 * and "Belgium Central 3 N/A") and its pairs table, "Azure regional pairs"
 * (https://learn.microsoft.com/azure/reliability/cross-region-replication-azure, which also says
 * "West India is paired in one direction only. West India's secondary region is South India, but
 * South India's secondary region is Central India" and "Brazil South's secondary region is South
 * Central US. The secondary region of South Central US isn't Brazil South"; the "Regions with
 * availability zones and no region pair" table lists Qatar Central, Poland Central, Israel
 * Central, Italy North, Austria East, Spain Central). Every row below matched.
 *
 * Where those sources gave no row (Chile Central, Malaysia West, Jio India Central/West; Sweden
 * South's zones), the fact is left unknown (`undefined`) rather than guessed, and nothing is
 * refused on it.
 *
 * That extract is what the checks use offline. Online they use Azure's own list of the
 * subscription's locations ({@link regionDataFromArm}, read by lib/regionData.ts), so that a
 * region Azure adds after the extract's date is taken, with its zones and pair.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.REGION_EXTRACT = exports.REGIONS_REFRESHED = exports.AZURE_REGIONS = void 0;
exports.isRegionName = isRegionName;
exports.normalizeRegion = normalizeRegion;
exports.sameRegion = sameRegion;
exports.regionDataFromArm = regionDataFromArm;
exports.azureRegion = azureRegion;
exports.regionNameProblem = regionNameProblem;
exports.backupRedundancyProblem = backupRedundancyProblem;
const errors_1 = require("./errors");
const region = (displayName, zones, pair) => ({ displayName, zones, pair });
/** Microsoft lists the region as nonpaired ("n/a" / "N/A" in the Paired region column). */
const NONE = null;
/** Not confirmed from a source at the last refresh. */
const UNKNOWN = undefined;
/** Public regions by programmatic name. */
exports.AZURE_REGIONS = {
    // Americas
    brazilsouth: region("Brazil South", true, "southcentralus"),
    brazilsoutheast: region("Brazil Southeast", false, "brazilsouth"),
    canadacentral: region("Canada Central", true, "canadaeast"),
    canadaeast: region("Canada East", false, "canadacentral"),
    centralus: region("Central US", true, "eastus2"),
    chilecentral: region("Chile Central", UNKNOWN, UNKNOWN),
    eastus: region("East US", true, "westus"),
    eastus2: region("East US 2", true, "centralus"),
    mexicocentral: region("Mexico Central", true, NONE),
    northcentralus: region("North Central US", false, "southcentralus"),
    southcentralus: region("South Central US", true, "northcentralus"),
    westcentralus: region("West Central US", false, "westus2"),
    westus: region("West US", false, "eastus"),
    westus2: region("West US 2", true, "westcentralus"),
    westus3: region("West US 3", true, "eastus"),
    // Europe
    austriaeast: region("Austria East", true, NONE),
    belgiumcentral: region("Belgium Central", true, NONE),
    francecentral: region("France Central", true, "francesouth"),
    francesouth: region("France South", false, "francecentral"),
    germanynorth: region("Germany North", false, "germanywestcentral"),
    germanywestcentral: region("Germany West Central", true, "germanynorth"),
    italynorth: region("Italy North", true, NONE),
    northeurope: region("North Europe", true, "westeurope"),
    norwayeast: region("Norway East", true, "norwaywest"),
    norwaywest: region("Norway West", false, "norwayeast"),
    polandcentral: region("Poland Central", true, NONE),
    spaincentral: region("Spain Central", true, NONE),
    swedencentral: region("Sweden Central", true, "swedensouth"),
    swedensouth: region("Sweden South", UNKNOWN, "swedencentral"),
    switzerlandnorth: region("Switzerland North", true, "switzerlandwest"),
    switzerlandwest: region("Switzerland West", false, "switzerlandnorth"),
    uksouth: region("UK South", true, "ukwest"),
    ukwest: region("UK West", false, "uksouth"),
    westeurope: region("West Europe", true, "northeurope"),
    // Middle East and Africa
    israelcentral: region("Israel Central", true, NONE),
    qatarcentral: region("Qatar Central", true, NONE),
    southafricanorth: region("South Africa North", true, "southafricawest"),
    southafricawest: region("South Africa West", false, "southafricanorth"),
    uaecentral: region("UAE Central", false, "uaenorth"),
    uaenorth: region("UAE North", true, "uaecentral"),
    // Asia Pacific
    australiacentral: region("Australia Central", false, "australiacentral2"),
    australiacentral2: region("Australia Central 2", false, "australiacentral"),
    australiaeast: region("Australia East", true, "australiasoutheast"),
    australiasoutheast: region("Australia Southeast", false, "australiaeast"),
    centralindia: region("Central India", true, "southindia"),
    eastasia: region("East Asia", true, "southeastasia"),
    indonesiacentral: region("Indonesia Central", true, NONE),
    japaneast: region("Japan East", true, "japanwest"),
    japanwest: region("Japan West", true, "japaneast"),
    jioindiacentral: region("Jio India Central", UNKNOWN, UNKNOWN),
    jioindiawest: region("Jio India West", UNKNOWN, UNKNOWN),
    koreacentral: region("Korea Central", true, "koreasouth"),
    koreasouth: region("Korea South", false, "koreacentral"),
    malaysiawest: region("Malaysia West", UNKNOWN, UNKNOWN),
    newzealandnorth: region("New Zealand North", true, NONE),
    southeastasia: region("Southeast Asia", true, "eastasia"),
    southindia: region("South India", false, "centralindia"),
    westindia: region("West India", false, "southindia"),
};
/** When the extract above was last compared with Microsoft's pages. */
exports.REGIONS_REFRESHED = "2026-12";
/** A region name in either form. */
const REGION = /^[a-z][a-z0-9]*(?: [a-z0-9]+)*$/i;
/** Shaped like a region name, whether or not Azure has it. */
function isRegionName(region) {
    return REGION.test(region);
}
/** The programmatic form: "West Europe" -> "westeurope". */
function normalizeRegion(region) {
    return region.replace(/\s+/g, "").toLowerCase();
}
function sameRegion(a, b) {
    return normalizeRegion(a) === normalizeRegion(b);
}
/** The extract above: what the checks use offline, and until a program has read Azure's list. */
exports.REGION_EXTRACT = {
    regions: exports.AZURE_REGIONS,
    logical: [],
    source: `Microsoft's region list (policy/rulebook/regions.ts, ${exports.REGIONS_REFRESHED})`,
    fromAzure: false,
};
/**
 * Azure's locations list as a region table. Only regions (not edge zones) count. A Physical
 * region has zones where Azure maps logical zones for the subscription, and its pair is the
 * first of `metadata.pairedRegion`, none (null) where Azure names none. Logical regions are kept
 * apart, so that naming one is refused for what it is.
 */
function regionDataFromArm(locations) {
    const regions = {};
    const logical = [];
    for (const location of locations) {
        if (typeof location.name !== "string" || (location.type ?? "Region") !== "Region") {
            continue;
        }
        const name = normalizeRegion(location.name);
        if (location.metadata?.regionType === "Logical") {
            logical.push(name);
            continue;
        }
        const zoneNames = (location.availabilityZoneMappings ?? []).flatMap(({ logicalZone }) => (logicalZone ? [logicalZone] : [])).sort();
        const pair = location.metadata?.pairedRegion?.find((paired) => typeof paired.name === "string")?.name;
        regions[name] = {
            displayName: location.displayName ?? location.name,
            zones: zoneNames.length > 0,
            ...(zoneNames.length > 0 ? { zoneNames } : {}),
            pair: pair === undefined ? null : normalizeRegion(pair),
        };
    }
    return { regions, logical, source: "the subscription's locations list from Azure Resource Manager", fromAzure: true };
}
/** The region's facts, by either form of its name; undefined for a name the table does not list as a physical region. */
function azureRegion(name, data = exports.REGION_EXTRACT) {
    return typeof name === "string" && isRegionName(name) ? data.regions[normalizeRegion(name)] : undefined;
}
/** Why a region-shaped name is no region resources can be placed in; undefined when it is one. */
function regionNameProblem(name, data) {
    if (azureRegion(name, data) !== undefined) {
        return undefined;
    }
    if (data.logical.includes(normalizeRegion(name))) {
        return `a physical Azure region: ${data.source} lists it as a Logical region (a geography, not a place for VMs and vaults)`;
    }
    const nearest = (0, errors_1.nearestNames)(normalizeRegion(name), Object.keys(data.regions));
    return `a public Azure region in ${data.source}${nearest.length > 0 ? `; did you mean ${nearest.map((known) => `"${known}"`).join(" or ")}?` : ""}`;
}
/**
 * The storage redundancies and Cross Region Restore Azure Backup offers a vault in the region,
 * refreshed 2026-12:
 * - GeoRedundant and Cross Region Restore need a paired region. "Regions without a pair will not
 *   have geo-redundant storage (GRS)."
 *   (https://learn.microsoft.com/azure/reliability/cross-region-replication-azure, "Regions with
 *   availability zones and no region pair"); "To achieve regional redundancy for your backup
 *   data, Azure Backup allows you to replicate your backups to an additional Azure paired region
 *   by using geo-redundant storage (GRS) [...] by using Cross Region Restore you can access and
 *   perform restores from the secondary region recovery points"
 *   (https://learn.microsoft.com/azure/reliability/reliability-backup, "Cross-region disaster
 *   recovery and business continuity").
 * - ZoneRedundant needs availability zones: "Zone-redundant storage (ZRS): To replicate your
 *   backup data in availability zones, you can use ZRS."
 *   (https://learn.microsoft.com/azure/reliability/reliability-backup).
 * Refused only where the region table (the extract offline, Azure's list online) says the region
 * has no pair (null) or no zones (false); a region whose facts were not confirmed (undefined) is
 * not refused.
 * Which choice is unavailable and why; undefined when both are available or not known to be unavailable.
 */
function backupRedundancyProblem(regionName, redundancy, crossRegionRestore, data = exports.REGION_EXTRACT) {
    const facts = azureRegion(regionName, data);
    if (facts === undefined) {
        return undefined;
    }
    if (redundancy === "ZoneRedundant" && facts.zones === false) {
        return { choice: "storageRedundancy", reason: `${facts.displayName} has no availability zones, so Azure Backup offers no ZoneRedundant storage there` };
    }
    if (facts.pair === null && (redundancy === "GeoRedundant" || crossRegionRestore)) {
        const choice = redundancy === "GeoRedundant" ? "storageRedundancy" : "crossRegionRestore";
        return { choice, reason: `${facts.displayName} has no paired region, so Azure Backup offers no ${choice === "storageRedundancy" ? "GeoRedundant storage" : "Cross Region Restore"} there` };
    }
    return undefined;
}
