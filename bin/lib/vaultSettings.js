"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.VAULT_LOCK = exports.VAULT_SETTING_NAMES = exports.VAULT_DEFAULTS = exports.PUBLIC_NETWORK_ACCESS = exports.STORAGE_REDUNDANCIES = exports.IMMUTABILITY_STATES = exports.SOFT_DELETE_DAYS = exports.SOFT_DELETE_STATES = void 0;
exports.checkSoftDelete = checkSoftDelete;
exports.checkVaultSettings = checkVaultSettings;
exports.vaultProperties = vaultProperties;
exports.checkTags = checkTags;
exports.checkTag = checkTag;
exports.checkedTags = checkedTags;
const errors_1 = require("../policy/rulebook/errors");
const monitoring_1 = require("../policy/rulebook/monitoring");
const vaultPolicy_1 = require("./vaultPolicy");
const numbers_1 = require("./validation/numbers");
/**
 * Soft delete as Azure has it since its "secure by default" change: enforced on every Recovery
 * Services vault ("Soft delete is now enforced by default as part of secure-by-default assurance
 * for Azure Backup ... a soft-delete state can no longer be modified", learn.microsoft.com/azure/backup/secure-by-default).
 * `AlwaysOn` is the API's `AlwaysON`: it can never be turned back.
 */
exports.SOFT_DELETE_STATES = { Enabled: "Enabled", AlwaysOn: "AlwaysON" };
/** Days a deleted item is kept: 14 by default, up to 180 (same page). */
exports.SOFT_DELETE_DAYS = { min: 14, max: 180, reason: "Azure's soft-delete retention" };
/**
 * `ImmutabilitySettings.state`. `Unlocked` blocks what would remove recovery points before they
 * expire (deleting backup data, reducing retention) and can be turned off; `Locked` never can
 * (learn.microsoft.com/azure/backup/backup-azure-immutable-vault-concept).
 */
exports.IMMUTABILITY_STATES = ["Disabled", "Unlocked", "Locked"];
/** `redundancySettings.standardTierStorageRedundancy`. */
exports.STORAGE_REDUNDANCIES = ["GeoRedundant", "ZoneRedundant", "LocallyRedundant"];
/**
 * `publicNetworkAccess`. Azure VM backup "doesn't require private endpoints for backup and restore
 * of disks" (learn.microsoft.com/azure/backup/private-endpoints-overview): snapshots and their
 * transfer run inside Azure, so a vault closed to public networks still backs up VMs; only file
 * recovery and agents (MARS, workloads in VMs) need a private endpoint then. Azure does not allow
 * denying public access on a vault with Cross Region Restore (learn.microsoft.com/azure/backup/backup-azure-private-endpoints-configure-manage).
 */
exports.PUBLIC_NETWORK_ACCESS = ["Enabled", "Disabled"];
exports.VAULT_DEFAULTS = {
    softDelete: "Enabled",
    softDeleteDays: 14,
    immutability: "Unlocked",
    allowIrreversibleVaultSettings: false,
    storageRedundancy: "GeoRedundant",
    crossRegionRestore: false,
    publicNetworkAccess: "Disabled",
};
/** The setting names of the reference environment, which the component's checks name too. */
exports.VAULT_SETTING_NAMES = {
    softDelete: "vaultSoftDelete",
    softDeleteDays: "softDeleteDays",
    immutability: "vaultImmutability",
    allowIrreversibleVaultSettings: "allowIrreversibleVaultSettings",
    storageRedundancy: "storageRedundancy",
    crossRegionRestore: "crossRegionRestore",
    publicNetworkAccess: "vaultPublicNetworkAccess",
};
/** `Enabled` or `AlwaysOn`; `false` is refused with the reason, since Azure no longer honours it. */
function checkSoftDelete(setting, value) {
    if (value === false || value === "false" || value === "Disabled") {
        (0, errors_1.invalid)(setting, '"Enabled" or "AlwaysOn": Azure enforces soft delete on every Recovery Services vault since its 2025 secure-by-default change, so it cannot be turned off (see the README for tearing down a throwaway stack)', value);
    }
    return (0, vaultPolicy_1.oneOf)(setting, value, Object.keys(exports.SOFT_DELETE_STATES), " (AlwaysOn is irreversible: soft delete can then never be turned back to Enabled)");
}
/** Every vault setting alone and against the others. */
function checkVaultSettings(s) {
    const name = exports.VAULT_SETTING_NAMES;
    checkSoftDelete(name.softDelete, s.softDelete);
    (0, numbers_1.wholeNumber)(name.softDeleteDays, s.softDeleteDays, exports.SOFT_DELETE_DAYS);
    (0, vaultPolicy_1.oneOf)(name.immutability, s.immutability, exports.IMMUTABILITY_STATES);
    if (typeof s.allowIrreversibleVaultSettings !== "boolean") {
        (0, errors_1.invalid)(name.allowIrreversibleVaultSettings, "true or false", s.allowIrreversibleVaultSettings);
    }
    if (s.immutability === "Locked" && !s.allowIrreversibleVaultSettings) {
        (0, errors_1.invalid)(name.immutability, `"Disabled" or "Unlocked" unless ${name.allowIrreversibleVaultSettings} is true: "Locked" is irreversible, no one can unlock the vault or shorten a retention afterwards`, s.immutability);
    }
    (0, vaultPolicy_1.oneOf)(name.storageRedundancy, s.storageRedundancy, exports.STORAGE_REDUNDANCIES, " (Azure refuses a change once the vault protects items)");
    (0, vaultPolicy_1.oneOf)(name.publicNetworkAccess, s.publicNetworkAccess, exports.PUBLIC_NETWORK_ACCESS);
    if (typeof s.crossRegionRestore !== "boolean") {
        (0, errors_1.invalid)(name.crossRegionRestore, "true or false", s.crossRegionRestore);
    }
    if (s.crossRegionRestore && s.storageRedundancy !== "GeoRedundant") {
        (0, errors_1.invalid)(name.crossRegionRestore, `false with ${name.storageRedundancy} "${s.storageRedundancy}": Cross Region Restore restores from the paired region's copy, which only GeoRedundant keeps`, s.crossRegionRestore);
    }
    if (s.crossRegionRestore && s.publicNetworkAccess === "Disabled") {
        (0, errors_1.invalid)(name.crossRegionRestore, `false with ${name.publicNetworkAccess} "Disabled": Azure does not deny public access to a vault with Cross Region Restore`, s.crossRegionRestore);
    }
}
/** The vault's `properties` and `identity` for checked settings. */
function vaultProperties(s) {
    return {
        properties: {
            publicNetworkAccess: s.publicNetworkAccess,
            securitySettings: {
                softDeleteSettings: { softDeleteState: exports.SOFT_DELETE_STATES[s.softDelete], softDeleteRetentionPeriodInDays: s.softDeleteDays },
                immutabilitySettings: { state: s.immutability },
            },
            redundancySettings: { standardTierStorageRedundancy: s.storageRedundancy, crossRegionRestore: s.crossRegionRestore ? "Enabled" : "Disabled" },
            // Every failed job raises an Azure Monitor alert, whether or not anyone is routed to it.
            monitoringSettings: monitoring_1.VAULT_MONITORING_SETTINGS,
        },
        // What immutability, customer-managed keys and Azure Monitor alerts need later.
        identity: { type: "SystemAssigned" },
    };
}
/** The management lock that stops deletion of the vault, and of what lives in it, outside Pulumi too. */
exports.VAULT_LOCK = {
    lockName: "backup-ready-vault-lock",
    level: "CanNotDelete",
    notes: "Keeps the Recovery Services vault and its backups from deletion; remove it on purpose (vaultLock=false) before a teardown.",
};
/**
 * Azure's limits for tags: at most 50 per resource, names up to 512 characters without `<>%&\?/`,
 * values up to 256 (learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations).
 */
const MAX_TAGS = 50;
const TAG_NAME = /^[^<>%&\\?/]{1,512}$/;
const MAX_TAG_VALUE_LENGTH = 256;
/** Tags as Azure accepts them. */
function checkTags(setting, tags) {
    const allowed = 'an object of up to 50 tags such as {"env":"prod","owner":"platform"}: names of 1 to 512 characters without <>%&\\?/, values of text up to 256';
    if (typeof tags !== "object" || tags === null || Array.isArray(tags)) {
        (0, errors_1.invalid)(setting, allowed, tags);
    }
    const entries = Object.entries(tags);
    if (entries.length > MAX_TAGS || entries.some(([key, value]) => !TAG_NAME.test(key) || typeof value !== "string" || value.length > MAX_TAG_VALUE_LENGTH)) {
        (0, errors_1.invalid)(setting, allowed, tags);
    }
    return tags;
}
/** One tag, as a tag policy names it: `name=value`, by Azure's limits. */
function checkTag(setting, name, value) {
    if (!TAG_NAME.test(name) || value.length > MAX_TAG_VALUE_LENGTH || name.trim() !== name) {
        (0, errors_1.invalid)(setting, 'a tag "name=value" such as "backup=daily": a name of 1 to 512 characters without <>%&\\?/ or surrounding spaces, a value up to 256', `${name}=${value}`);
    }
}
/** A component's `tags` argument, checked; `undefined` stays so, and the resources get no tags. */
function checkedTags(tags) {
    return tags === undefined ? undefined : checkTags("tags", tags);
}
