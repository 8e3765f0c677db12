/**
 * The Recovery Services vault's settings: soft delete, immutability, storage redundancy, public
 * network access, identity, and the tags every resource may carry. Plain functions; each check
 * names the setting, against Azure's values in policy/rulebook/vault.ts. Property names and values are those of the vault in the REST API 2024-10-01,
 * the version azure-native 3.28 sends (Azure/azure-rest-api-specs,
 * specification/recoveryservices/.../stable/2024-10-01/vaults.json: `SecuritySettings`,
 * `SoftDeleteSettings`, `ImmutabilitySettings`, `redundancySettings`, `publicNetworkAccess`).
 */
import type { recoveryservices } from "@pulumi/azure-native/types/input";
import { Immutability, PublicNetworkAccess, SoftDelete, StorageRedundancy } from "../policy/rulebook/vault";
export interface VaultSettings {
    softDelete: SoftDelete;
    softDeleteDays: number;
    immutability: Immutability;
    allowIrreversibleSettings: boolean;
    storageRedundancy: StorageRedundancy;
    crossRegionRestore: boolean;
    publicNetworkAccess: PublicNetworkAccess;
}
export declare const VAULT_DEFAULTS: VaultSettings;
/** `Enabled` or `AlwaysOn`; `false` is refused with the reason, since Azure no longer honours it. */
export declare function checkSoftDelete(setting: string, value: unknown): SoftDelete;
/**
 * Every vault setting alone and against the others; each error names the value as `nameOf` calls
 * it (a component's argument by default, the reference environment's setting from there).
 */
export declare function checkVaultSettings(s: VaultSettings, nameOf?: (argument: keyof VaultSettings) => string): void;
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
/** Tags that `account`, a storage account, gets as well: Azure takes shorter tag names there. */
export declare function checkStorageAccountTags(setting: string, tags: Record<string, string> | undefined, account: string): void;
/** One tag, as a tag policy names it: `name=value`, by Azure's limits. */
export declare function checkTag(setting: string, name: string, value: string): void;
/** A component's `tags` argument, checked; `undefined` stays so, and the resources get no tags. */
export declare function checkedTags(tags: Record<string, string> | undefined): Record<string, string> | undefined;
