/**
 * Azure's public regions, which Azure writes both as "westeurope" and "West Europe": their
 * display names, whether they have availability zones, and the region each replicates to.
 *
 * An extract, refreshed 2026-11, of Microsoft's region list
 * (https://learn.microsoft.com/azure/reliability/regions-list: name, display name, "Availability
 * zone support") and its paired regions (https://learn.microsoft.com/azure/reliability/cross-region-replication-azure,
 * "Azure paired regions"; Brazil South, West India and West US 3 pair one way, and the regions
 * marked "Nonpaired" have none). ARM's list of the subscription's locations
 * (GET /subscriptions/{id}/locations, resources 2022-12-01 `Location.metadata.pairedRegion`)
 * is the same data online; no azure-native function reads it, so the extract is what the checks use.
 */

export interface AzureRegion {
    displayName: string;
    /** Three availability zones. */
    zones: boolean;
    /** The region it replicates to (geo-redundant storage, Cross Region Restore); none for a nonpaired region. */
    pair?: string;
}

const region = (displayName: string, zones: boolean, pair?: string): AzureRegion => ({ displayName, zones, pair });

/** Public regions by programmatic name. */
export const AZURE_REGIONS: Readonly<Record<string, AzureRegion>> = {
    // Americas
    brazilsouth: region("Brazil South", true, "southcentralus"),
    brazilsoutheast: region("Brazil Southeast", false, "brazilsouth"),
    canadacentral: region("Canada Central", true, "canadaeast"),
    canadaeast: region("Canada East", false, "canadacentral"),
    centralus: region("Central US", true, "eastus2"),
    chilecentral: region("Chile Central", true),
    eastus: region("East US", true, "westus"),
    eastus2: region("East US 2", true, "centralus"),
    mexicocentral: region("Mexico Central", true),
    northcentralus: region("North Central US", false, "southcentralus"),
    southcentralus: region("South Central US", true, "northcentralus"),
    westcentralus: region("West Central US", false, "westus2"),
    westus: region("West US", false, "eastus"),
    westus2: region("West US 2", true, "westcentralus"),
    westus3: region("West US 3", true, "eastus"),
    // Europe
    austriaeast: region("Austria East", true),
    belgiumcentral: region("Belgium Central", true),
    francecentral: region("France Central", true, "francesouth"),
    francesouth: region("France South", false, "francecentral"),
    germanynorth: region("Germany North", false, "germanywestcentral"),
    germanywestcentral: region("Germany West Central", true, "germanynorth"),
    italynorth: region("Italy North", true),
    northeurope: region("North Europe", true, "westeurope"),
    norwayeast: region("Norway East", true, "norwaywest"),
    norwaywest: region("Norway West", false, "norwayeast"),
    polandcentral: region("Poland Central", true),
    spaincentral: region("Spain Central", true),
    swedencentral: region("Sweden Central", true, "swedensouth"),
    swedensouth: region("Sweden South", false, "swedencentral"),
    switzerlandnorth: region("Switzerland North", true, "switzerlandwest"),
    switzerlandwest: region("Switzerland West", false, "switzerlandnorth"),
    uksouth: region("UK South", true, "ukwest"),
    ukwest: region("UK West", false, "uksouth"),
    westeurope: region("West Europe", true, "northeurope"),
    // Middle East and Africa
    israelcentral: region("Israel Central", true),
    qatarcentral: region("Qatar Central", true),
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
    indonesiacentral: region("Indonesia Central", true),
    japaneast: region("Japan East", true, "japanwest"),
    japanwest: region("Japan West", true, "japaneast"),
    jioindiacentral: region("Jio India Central", false, "jioindiawest"),
    jioindiawest: region("Jio India West", false, "jioindiacentral"),
    koreacentral: region("Korea Central", true, "koreasouth"),
    koreasouth: region("Korea South", false, "koreacentral"),
    malaysiawest: region("Malaysia West", true),
    newzealandnorth: region("New Zealand North", true),
    southeastasia: region("Southeast Asia", true, "eastasia"),
    southindia: region("South India", false, "centralindia"),
    westindia: region("West India", false, "southindia"),
};

/** When the extract above was last compared with Microsoft's pages. */
export const REGIONS_REFRESHED = "2026-11";

/** A region name in either form. */
const REGION = /^[a-z][a-z0-9]*(?: [a-z0-9]+)*$/i;

/** Shaped like a region name, whether or not Azure has it. */
export function isRegionName(region: string): boolean {
    return REGION.test(region);
}

/** The programmatic form: "West Europe" -> "westeurope". */
export function normalizeRegion(region: string): string {
    return region.replace(/\s+/g, "").toLowerCase();
}

export function sameRegion(a: string, b: string): boolean {
    return normalizeRegion(a) === normalizeRegion(b);
}

/** The region's facts, by either form of its name; undefined for a region the extract does not list. */
export function azureRegion(name: string): AzureRegion | undefined {
    return typeof name === "string" && isRegionName(name) ? AZURE_REGIONS[normalizeRegion(name)] : undefined;
}

/** The nearest listed regions to a name not in the list, for a hint ("westeurop" -> westeurope). */
export function nearestRegion(name: string): string | undefined {
    const wanted = normalizeRegion(name);
    return Object.keys(AZURE_REGIONS).find((known) => known.startsWith(wanted.slice(0, Math.max(4, wanted.length - 2))));
}

/**
 * The storage redundancies and Cross Region Restore Azure Backup offers a vault in the region
 * (https://learn.microsoft.com/azure/reliability/reliability-backup: zone-redundant storage
 * "replicates your backup data in availability zones", so only where the region has them;
 * geo-redundant storage "replicates your backup data to a secondary region", the paired one, and
 * Cross Region Restore restores from that copy in the paired region,
 * https://learn.microsoft.com/azure/backup/backup-azure-arm-restore-vms#cross-region-restore).
 * Which choice is unavailable and why; undefined when both are available or the region is unknown.
 */
export function backupRedundancyProblem(
    regionName: string,
    redundancy: string,
    crossRegionRestore: boolean,
): { choice: "storageRedundancy" | "crossRegionRestore"; reason: string } | undefined {
    const facts = azureRegion(regionName);
    if (facts === undefined) {
        return undefined;
    }
    if (redundancy === "ZoneRedundant" && !facts.zones) {
        return { choice: "storageRedundancy", reason: `${facts.displayName} has no availability zones, so Azure Backup offers no ZoneRedundant storage there` };
    }
    if (facts.pair === undefined && (redundancy === "GeoRedundant" || crossRegionRestore)) {
        const choice = redundancy === "GeoRedundant" ? "storageRedundancy" : "crossRegionRestore";
        return { choice, reason: `${facts.displayName} has no paired region, so Azure Backup offers no ${choice === "storageRedundancy" ? "GeoRedundant storage" : "Cross Region Restore"} there` };
    }
    return undefined;
}
