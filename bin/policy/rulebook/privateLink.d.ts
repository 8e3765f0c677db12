import { Finding } from "./checks";
import { ResourceLike } from "./resources";
/** The vault's sub-resource for backup (`VaultSubResourceType`, azure-native 3.28 types/enums/recoveryservices). Not `AzureSiteRecovery`, which AVM defaults to. */
export declare const BACKUP_PRIVATE_ENDPOINT_GROUP = "AzureBackup";
/**
 * Microsoft's geo codes, which name the backup zone `privatelink.<geo>.backup.windowsazure.com`:
 * https://learn.microsoft.com/azure/backup/scripts/geo-code-list (azure-docs
 * articles/backup/scripts/geo-code-list.md, commits 78a92811 and 092fdbcf), read on 2026-12-08.
 * A region not listed here is refused rather than guessed: give existing zones instead.
 */
export declare const BACKUP_GEO_CODES: Readonly<Record<string, string>>;
/** The region's geo code, or undefined where Microsoft's list (as read) has none. */
export declare function backupGeoCode(region: string): string | undefined;
/** The three zones the vault's endpoint needs, "for all three services - Azure Backup, Azure Blobs, and Queues" (v2 configure page). */
export type BackupZoneRole = "backup" | "blob" | "queue";
export declare const BACKUP_ZONE_ROLES: readonly BackupZoneRole[];
/** The private DNS zone names (v1 page, "Private DNS zones"). */
export declare function backupPrivateDnsZoneNames(geoCode: string): Record<BackupZoneRole, string>;
/** The region's zone names, or an error naming `locationSetting` and what to do instead. */
export declare function requiredBackupZones(locationSetting: string, region: string, zonesSetting: string): Record<BackupZoneRole, string>;
/** The smallest subnet for the endpoint: "a private endpoint for a vault uses 10 private IPs, and the count may increase", and v1 suggests a /26. */
export declare const PRIVATE_ENDPOINT_SUBNET_PREFIX_LENGTH = 26;
/** The ARM type of a private DNS zone, as its ids spell it (privatedns 2024-06-01). */
export declare const PRIVATE_DNS_ZONE_TYPE = "Microsoft.Network/privateDnsZones";
/**
 * Existing zones' ids: each a private DNS zone, together naming the backup zone (the region's,
 * where its code is known), the blob zone and the queue zone. Returns them by role.
 */
export declare function checkPrivateDnsZoneIds(setting: string, ids: readonly string[], region: string | undefined): Record<BackupZoneRole, string>;
/** Public access and the endpoint: Microsoft recommends "public network access is set to Deny along with private endpoint setup" (v2 concept page). */
export declare function checkPrivateEndpointAccess(setting: string, publicNetworkAccess: string): void;
/** The backup private endpoints that name the vault: by id, or where the id is not known yet, by dependency. */
export declare function vaultPrivateEndpoints(vault: ResourceLike, resources: readonly ResourceLike[]): ResourceLike[];
/**
 * Whether a vault's private endpoint can answer: its zone group names each of the three zones,
 * and each zone the plan creates is linked to the endpoint's VNet without auto-registration.
 * Undefined when the vault has no private endpoint.
 */
export declare function privateEndpointFinding(vault: ResourceLike, resources: readonly ResourceLike[]): Finding | undefined;
/** Advisory: a vault open to public networks with no private endpoint (v2 concept page recommends Deny with an endpoint). */
export declare function publicVaultWithoutEndpoint(vault: ResourceLike, resources: readonly ResourceLike[]): string | undefined;
