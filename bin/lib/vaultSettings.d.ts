/**
 * The Recovery Services vault's settings: soft delete, immutability, storage redundancy, public
 * network access, identity, and the tags every resource may carry. Plain functions; each check
 * names the setting. Property names and values are those of the vault in the REST API 2024-10-01,
 * the version azure-native 3.28 sends (Azure/azure-rest-api-specs,
 * specification/recoveryservices/.../stable/2024-10-01/vaults.json: `SecuritySettings`,
 * `SoftDeleteSettings`, `ImmutabilitySettings`, `redundancySettings`, `publicNetworkAccess`).
 */
import type { recoveryservices } from "@pulumi/azure-native/types/input";
import { WholeNumberRange } from "./validation/numbers";
/**
 * Soft delete as Azure has it since its "secure by default" change: enforced on every Recovery
 * Services vault ("Soft delete is now enforced by default as part of secure-by-default assurance
 * for Azure Backup ... a soft-delete state can no longer be modified", learn.microsoft.com/azure/backup/secure-by-default).
 * `AlwaysOn` is the API's `AlwaysON`: it can never be turned back.
 */
export declare const SOFT_DELETE_STATES: {
    readonly Enabled: "Enabled";
    readonly AlwaysOn: "AlwaysON";
};
export type SoftDelete = keyof typeof SOFT_DELETE_STATES;
/** Days a deleted item is kept: 14 by default, up to 180 (same page). */
export declare const SOFT_DELETE_DAYS: WholeNumberRange;
/**
 * `ImmutabilitySettings.state`. `Unlocked` blocks what would remove recovery points before they
 * expire (deleting backup data, reducing retention) and can be turned off; `Locked` never can
 * (learn.microsoft.com/azure/backup/backup-azure-immutable-vault-concept).
 */
export declare const IMMUTABILITY_STATES: readonly ["Disabled", "Unlocked", "Locked"];
export type Immutability = (typeof IMMUTABILITY_STATES)[number];
/** `redundancySettings.standardTierStorageRedundancy`. */
export declare const STORAGE_REDUNDANCIES: readonly ["GeoRedundant", "ZoneRedundant", "LocallyRedundant"];
export type StorageRedundancy = (typeof STORAGE_REDUNDANCIES)[number];
/**
 * `publicNetworkAccess`. Azure VM backup "doesn't require private endpoints for backup and restore
 * of disks" (learn.microsoft.com/azure/backup/private-endpoints-overview): snapshots and their
 * transfer run inside Azure, so a vault closed to public networks still backs up VMs; only file
 * recovery and agents (MARS, workloads in VMs) need a private endpoint then. Azure does not allow
 * denying public access on a vault with Cross Region Restore (learn.microsoft.com/azure/backup/backup-azure-private-endpoints-configure-manage).
 */
export declare const PUBLIC_NETWORK_ACCESS: readonly ["Enabled", "Disabled"];
export type PublicNetworkAccess = (typeof PUBLIC_NETWORK_ACCESS)[number];
export interface VaultSettings {
    softDelete: SoftDelete;
    softDeleteDays: number;
    immutability: Immutability;
    allowIrreversibleVaultSettings: boolean;
    storageRedundancy: StorageRedundancy;
    crossRegionRestore: boolean;
    publicNetworkAccess: PublicNetworkAccess;
}
export declare const VAULT_DEFAULTS: VaultSettings;
/** The setting names of the reference environment, which the component's checks name too. */
export declare const VAULT_SETTING_NAMES: Record<keyof VaultSettings, string>;
/** `Enabled` or `AlwaysOn`; `false` is refused with the reason, since Azure no longer honours it. */
export declare function checkSoftDelete(setting: string, value: unknown): SoftDelete;
/** Every vault setting alone and against the others. */
export declare function checkVaultSettings(s: VaultSettings): void;
/** The vault's `properties` and `identity` for checked settings. */
export declare function vaultProperties(s: VaultSettings): {
    properties: recoveryservices.VaultPropertiesArgs;
    identity: recoveryservices.IdentityDataArgs;
};
/** The management lock that stops deletion of the vault, and of what lives in it, outside Pulumi too. */
export declare const VAULT_LOCK: {
    readonly lockName: "backup-ready-vault-lock";
    readonly level: "CanNotDelete";
    readonly notes: "Keeps the Recovery Services vault and its backups from deletion; remove it on purpose (vaultLock=false) before a teardown.";
};
/** Tags as Azure accepts them. */
export declare function checkTags(setting: string, tags: unknown): Record<string, string>;
/** One tag, as a tag policy names it: `name=value`, by Azure's limits. */
export declare function checkTag(setting: string, name: string, value: string): void;
/** A component's `tags` argument, checked; `undefined` stays so, and the resources get no tags. */
export declare function checkedTags(tags: Record<string, string> | undefined): Record<string, string> | undefined;
