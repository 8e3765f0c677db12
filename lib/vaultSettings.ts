/**
 * The Recovery Services vault's settings: soft delete, immutability, storage redundancy, public
 * network access, identity, and the tags every resource may carry. Plain functions; each check
 * names the setting, against Azure's values in policy/rulebook/vault.ts. Property names and values are those of the vault in the REST API 2024-10-01,
 * the version azure-native 3.28 sends (Azure/azure-rest-api-specs,
 * specification/recoveryservices/.../stable/2024-10-01/vaults.json: `SecuritySettings`,
 * `SoftDeleteSettings`, `ImmutabilitySettings`, `redundancySettings`, `publicNetworkAccess`).
 */
import type { recoveryservices } from "@pulumi/azure-native/types/input";
import { invalid } from "../policy/rulebook/errors";
import { VAULT_MONITORING_SETTINGS } from "../policy/rulebook/monitoring";
import { TAG_LIMITS, tagLimitProblems, tagNameClash } from "../policy/rulebook/platform";
import {
    Immutability,
    IMMUTABILITY_STATES,
    PUBLIC_NETWORK_ACCESS,
    PublicNetworkAccess,
    SOFT_DELETE_DAYS,
    SOFT_DELETE_STATES,
    SoftDelete,
    STORAGE_REDUNDANCIES,
    StorageRedundancy,
} from "../policy/rulebook/vault";
import { oneOf } from "./validation/choices";
import { wholeNumber } from "./validation/numbers";

export interface VaultSettings {
    softDelete: SoftDelete;
    softDeleteDays: number;
    immutability: Immutability;
    allowIrreversibleSettings: boolean;
    storageRedundancy: StorageRedundancy;
    crossRegionRestore: boolean;
    publicNetworkAccess: PublicNetworkAccess;
}

export const VAULT_DEFAULTS: VaultSettings = {
    softDelete: "Enabled",
    softDeleteDays: 14,
    immutability: "Unlocked",
    allowIrreversibleSettings: false,
    storageRedundancy: "GeoRedundant",
    crossRegionRestore: false,
    publicNetworkAccess: "Disabled",
};

/** `Enabled` or `AlwaysOn`; `false` is refused with the reason, since Azure no longer honours it. */
export function checkSoftDelete(setting: string, value: unknown): SoftDelete {
    if (value === false || value === "false" || value === "Disabled") {
        invalid(
            setting,
            '"Enabled" or "AlwaysOn": Azure enforces soft delete on every Recovery Services vault since its 2025 secure-by-default change, so it cannot be turned off (see the README for tearing down a throwaway stack)',
            value,
        );
    }
    return oneOf(setting, value, Object.keys(SOFT_DELETE_STATES) as SoftDelete[], " (AlwaysOn is irreversible: soft delete can then never be turned back to Enabled)");
}

/**
 * Every vault setting alone and against the others; each error names the value as `nameOf` calls
 * it (a component's argument by default, the reference environment's setting from there).
 */
export function checkVaultSettings(s: VaultSettings, nameOf: (argument: keyof VaultSettings) => string = (argument) => argument): void {
    const name = Object.fromEntries(Object.keys(VAULT_DEFAULTS).map((key) => [key, nameOf(key as keyof VaultSettings)])) as Record<keyof VaultSettings, string>;
    checkSoftDelete(name.softDelete, s.softDelete);
    wholeNumber(name.softDeleteDays, s.softDeleteDays, SOFT_DELETE_DAYS);
    oneOf(name.immutability, s.immutability, IMMUTABILITY_STATES);
    if (typeof s.allowIrreversibleSettings !== "boolean") {
        invalid(name.allowIrreversibleSettings, "true or false", s.allowIrreversibleSettings);
    }
    if (s.immutability === "Locked" && !s.allowIrreversibleSettings) {
        invalid(
            name.immutability,
            `"Disabled" or "Unlocked" unless ${name.allowIrreversibleSettings} is true: "Locked" is irreversible, no one can unlock the vault or shorten a retention afterwards`,
            s.immutability,
        );
    }
    oneOf(name.storageRedundancy, s.storageRedundancy, STORAGE_REDUNDANCIES, " (Azure refuses a change once the vault protects items)");
    oneOf(name.publicNetworkAccess, s.publicNetworkAccess, PUBLIC_NETWORK_ACCESS);
    if (typeof s.crossRegionRestore !== "boolean") {
        invalid(name.crossRegionRestore, "true or false", s.crossRegionRestore);
    }
    if (s.crossRegionRestore && s.storageRedundancy !== "GeoRedundant") {
        invalid(name.crossRegionRestore, `false with ${name.storageRedundancy} "${s.storageRedundancy}": Cross Region Restore restores from the paired region's copy, which only GeoRedundant keeps`, s.crossRegionRestore);
    }
    if (s.crossRegionRestore && s.publicNetworkAccess === "Disabled") {
        invalid(name.crossRegionRestore, `false with ${name.publicNetworkAccess} "Disabled": Azure does not deny public access to a vault with Cross Region Restore`, s.crossRegionRestore);
    }
}

/** The vault's `properties` and `identity` for checked settings. */
export function vaultProperties(s: VaultSettings): { properties: recoveryservices.VaultPropertiesArgs; identity: recoveryservices.IdentityDataArgs } {
    return {
        properties: {
            publicNetworkAccess: s.publicNetworkAccess,
            securitySettings: {
                softDeleteSettings: { softDeleteState: SOFT_DELETE_STATES[s.softDelete], softDeleteRetentionPeriodInDays: s.softDeleteDays },
                immutabilitySettings: { state: s.immutability },
            },
            redundancySettings: { standardTierStorageRedundancy: s.storageRedundancy, crossRegionRestore: s.crossRegionRestore ? "Enabled" : "Disabled" },
            // Every failed job raises an Azure Monitor alert, whether or not anyone is routed to it.
            monitoringSettings: VAULT_MONITORING_SETTINGS,
        },
        // What immutability, customer-managed keys and Azure Monitor alerts need later.
        identity: { type: "SystemAssigned" },
    };
}

/** The management lock that stops deletion of the vault, and of what lives in it, outside Pulumi too. */
export const VAULT_LOCK = {
    lockName: "backup-ready-vault-lock",
    level: "CanNotDelete",
    notes: "Keeps the Recovery Services vault and its backups from deletion; remove it on purpose (vaultLock=false) before a teardown.",
} as const;

/** Tags as Azure accepts them. */
export function checkTags(setting: string, tags: unknown): Record<string, string> {
    const allowed = 'an object of up to 50 tags such as {"env":"prod","owner":"platform"}: names of 1 to 512 characters without <>%&\\?/, values of text up to 256';
    if (typeof tags !== "object" || tags === null || Array.isArray(tags)) {
        invalid(setting, allowed, tags);
    }
    const entries = Object.entries(tags as Record<string, unknown>);
    if (entries.some(([, value]) => typeof value !== "string") || tagLimitProblems(tags as Record<string, unknown>, false).length > 0) {
        invalid(setting, allowed, tags);
    }
    const clash = tagNameClash(entries.map(([name]) => name));
    if (clash !== undefined) {
        invalid(setting, `tag names that differ in more than case: Azure's tag names ignore case, so "${clash[0]}" and "${clash[1]}" are one tag`, tags);
    }
    return tags as Record<string, string>;
}

/** Tags that `account`, a storage account, gets as well: Azure takes shorter tag names there. */
export function checkStorageAccountTags(setting: string, tags: Record<string, string> | undefined, account: string): void {
    const long = Object.keys(tags ?? {}).find((name) => name.length > TAG_LIMITS.storageAccountMaxNameLength);
    if (long !== undefined) {
        invalid(setting, `tag names of up to ${TAG_LIMITS.storageAccountMaxNameLength} characters: ${account} gets them, and a storage account takes no longer ones`, long);
    }
}

/** One tag, as a tag policy names it: `name=value`, by Azure's limits. */
export function checkTag(setting: string, name: string, value: string): void {
    if (!TAG_LIMITS.name.test(name) || value.length > TAG_LIMITS.maxValueLength || name.trim() !== name) {
        invalid(setting, 'a tag "name=value" such as "backup=daily": a name of 1 to 512 characters without <>%&\\?/ or surrounding spaces, a value up to 256', `${name}=${value}`);
    }
}

/** A component's `tags` argument, checked; `undefined` stays so, and the resources get no tags. */
export function checkedTags(tags: Record<string, string> | undefined): Record<string, string> | undefined {
    return tags === undefined ? undefined : checkTags("tags", tags);
}
