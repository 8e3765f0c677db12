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
/** A region's facts, from the extract or from Azure's locations list. */
export interface AzureRegion {
    /** As Azure writes it: "West Europe". */
    displayName: string;
    /** Availability zones; undefined where the extract's sources did not say. */
    zones?: boolean;
    /** The logical zones the subscription sees (`"1"`, `"2"`, `"3"`), where Azure's list says; the extract does not. */
    zoneNames?: readonly string[];
    /**
     * The region it replicates to (geo-redundant storage, Cross Region Restore); null for a
     * region Microsoft lists as nonpaired (or Azure's list pairs with none); undefined where the
     * extract's sources did not say.
     */
    pair?: string | null;
}
/** Public regions by programmatic name. */
export declare const AZURE_REGIONS: Readonly<Record<string, AzureRegion>>;
/** When the extract above was last compared with Microsoft's pages. */
export declare const REGIONS_REFRESHED = "2026-12";
/** Shaped like a region name, whether or not Azure has it. */
export declare function isRegionName(region: string): boolean;
/** The programmatic form: "West Europe" -> "westeurope". */
export declare function normalizeRegion(region: string): string;
export declare function sameRegion(a: string, b: string): boolean;
/** A table of regions: the extract in policy/rulebook/regions.ts offline, the subscription's locations list online. */
export interface RegionData {
    /** Regions by programmatic name. */
    regions: Readonly<Record<string, AzureRegion>>;
    /** Names Azure lists as Logical regions (a geography such as "europe"): no resource is placed in one. */
    logical: readonly string[];
    /** Where the table comes from, as an error message names it. */
    source: string;
    /** True when read from Azure: every fact is known, and a name it does not list is no region of the subscription. */
    fromAzure: boolean;
}
/** The extract above: what the checks use offline, and until a program has read Azure's list. */
export declare const REGION_EXTRACT: RegionData;
/**
 * One entry of Azure's locations list, as far as it is read here: Subscriptions - List Locations,
 * `GET /subscriptions/{subscriptionId}/locations?api-version=2022-12-01`, which answers a
 * `LocationListResult` `{ value: Location[] }` without paging ("x-ms-pageable": nextLinkName null)
 * (Azure/azure-rest-api-specs specification/resources/resource-manager/Microsoft.Resources/stable/2022-12-01/subscriptions.json,
 * definitions Location, LocationMetadata, PairedRegion, AvailabilityZoneMappings; example GetLocations.json).
 * `type` is "Region" or "EdgeZone" (edge zones only with `includeExtendedLocations`);
 * `metadata.regionType` "Physical" or "Logical"; `availabilityZoneMappings` maps the
 * subscription's logical zones to physical ones.
 */
export interface ArmLocation {
    name?: string;
    type?: string;
    displayName?: string;
    metadata?: {
        regionType?: string;
        regionCategory?: string;
        pairedRegion?: Array<{
            name?: string;
            id?: string;
        }>;
    };
    availabilityZoneMappings?: Array<{
        logicalZone?: string;
        physicalZone?: string;
    }>;
}
/**
 * Azure's locations list as a region table. Only regions (not edge zones) count. A Physical
 * region has zones where Azure maps logical zones for the subscription, and its pair is the
 * first of `metadata.pairedRegion`, none (null) where Azure names none. Logical regions are kept
 * apart, so that naming one is refused for what it is.
 */
export declare function regionDataFromArm(locations: readonly ArmLocation[]): RegionData;
/** The region's facts, by either form of its name; undefined for a name the table does not list as a physical region. */
export declare function azureRegion(name: string, data?: RegionData): AzureRegion | undefined;
/** Why a region-shaped name is no region resources can be placed in; undefined when it is one. */
export declare function regionNameProblem(name: string, data: RegionData): string | undefined;
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
export declare function backupRedundancyProblem(regionName: string, redundancy: string, crossRegionRestore: boolean, data?: RegionData): {
    choice: "storageRedundancy" | "crossRegionRestore";
    reason: string;
} | undefined;
