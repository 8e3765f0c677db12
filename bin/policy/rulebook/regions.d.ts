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
 * refused on it. ARM's list of the subscription's locations (GET /subscriptions/{id}/locations,
 * resources 2022-12-01 `Location.metadata.pairedRegion`) is the same data online; no azure-native
 * function reads it, so the extract is what the checks use.
 */
export interface AzureRegion {
    displayName: string;
    /** Three availability zones; undefined where the sources above did not say. */
    zones?: boolean;
    /**
     * The region it replicates to (geo-redundant storage, Cross Region Restore); null for a
     * region Microsoft lists as nonpaired; undefined where the sources above did not say.
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
/** The region's facts, by either form of its name; undefined for a region the extract does not list. */
export declare function azureRegion(name: string): AzureRegion | undefined;
/** The nearest listed regions to a name not in the list, for a hint ("westeurop" -> westeurope). */
export declare function nearestRegion(name: string): string | undefined;
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
 * Refused only where the extract above says the region has no pair (null) or no zones (false);
 * a region whose facts were not confirmed (undefined) is not refused.
 * Which choice is unavailable and why; undefined when both are available or not known to be unavailable.
 */
export declare function backupRedundancyProblem(regionName: string, redundancy: string, crossRegionRestore: boolean): {
    choice: "storageRedundancy" | "crossRegionRestore";
    reason: string;
} | undefined;
