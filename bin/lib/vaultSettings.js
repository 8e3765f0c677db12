"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.VAULT_LOCK = exports.VAULT_DEFAULTS = void 0;
exports.checkSoftDelete = checkSoftDelete;
exports.checkVaultSettings = checkVaultSettings;
exports.vaultProperties = vaultProperties;
exports.checkTags = checkTags;
exports.checkStorageAccountTags = checkStorageAccountTags;
exports.checkTag = checkTag;
exports.checkedTags = checkedTags;
const errors_1 = require("../policy/rulebook/errors");
const monitoring_1 = require("../policy/rulebook/monitoring");
const platform_1 = require("../policy/rulebook/platform");
const vault_1 = require("../policy/rulebook/vault");
const choices_1 = require("./validation/choices");
const numbers_1 = require("./validation/numbers");
exports.VAULT_DEFAULTS = {
    softDelete: "Enabled",
    softDeleteDays: 14,
    immutability: "Unlocked",
    allowIrreversibleSettings: false,
    storageRedundancy: "GeoRedundant",
    crossRegionRestore: false,
    publicNetworkAccess: "Disabled",
};
/** `Enabled` or `AlwaysOn`; `false` is refused with the reason, since Azure no longer honours it. */
function checkSoftDelete(setting, value) {
    if (value === false || value === "false" || value === "Disabled") {
        (0, errors_1.invalid)(setting, '"Enabled" or "AlwaysOn": Azure enforces soft delete on every Recovery Services vault since its 2025 secure-by-default change, so it cannot be turned off (see the README for tearing down a throwaway stack)', value);
    }
    return (0, choices_1.oneOf)(setting, value, Object.keys(vault_1.SOFT_DELETE_STATES), " (AlwaysOn is irreversible: soft delete can then never be turned back to Enabled)");
}
/**
 * Every vault setting alone and against the others; each error names the value as `nameOf` calls
 * it (a component's argument by default, the reference environment's setting from there).
 */
function checkVaultSettings(s, nameOf = (argument) => argument) {
    const name = Object.fromEntries(Object.keys(exports.VAULT_DEFAULTS).map((key) => [key, nameOf(key)]));
    checkSoftDelete(name.softDelete, s.softDelete);
    (0, numbers_1.wholeNumber)(name.softDeleteDays, s.softDeleteDays, vault_1.SOFT_DELETE_DAYS);
    (0, choices_1.oneOf)(name.immutability, s.immutability, vault_1.IMMUTABILITY_STATES);
    if (typeof s.allowIrreversibleSettings !== "boolean") {
        (0, errors_1.invalid)(name.allowIrreversibleSettings, "true or false", s.allowIrreversibleSettings);
    }
    if (s.immutability === "Locked" && !s.allowIrreversibleSettings) {
        (0, errors_1.invalid)(name.immutability, `"Disabled" or "Unlocked" unless ${name.allowIrreversibleSettings} is true: "Locked" is irreversible, no one can unlock the vault or shorten a retention afterwards`, s.immutability);
    }
    (0, choices_1.oneOf)(name.storageRedundancy, s.storageRedundancy, vault_1.STORAGE_REDUNDANCIES, " (Azure refuses a change once the vault protects items)");
    (0, choices_1.oneOf)(name.publicNetworkAccess, s.publicNetworkAccess, vault_1.PUBLIC_NETWORK_ACCESS);
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
                softDeleteSettings: { softDeleteState: vault_1.SOFT_DELETE_STATES[s.softDelete], softDeleteRetentionPeriodInDays: s.softDeleteDays },
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
/** Tags as Azure accepts them. */
function checkTags(setting, tags) {
    const allowed = 'an object of up to 50 tags such as {"env":"prod","owner":"platform"}: names of 1 to 512 characters without <>%&\\?/, values of text up to 256';
    if (typeof tags !== "object" || tags === null || Array.isArray(tags)) {
        (0, errors_1.invalid)(setting, allowed, tags);
    }
    const entries = Object.entries(tags);
    if (entries.some(([, value]) => typeof value !== "string") || (0, platform_1.tagLimitProblems)(tags, false).length > 0) {
        (0, errors_1.invalid)(setting, allowed, tags);
    }
    const clash = (0, platform_1.tagNameClash)(entries.map(([name]) => name));
    if (clash !== undefined) {
        (0, errors_1.invalid)(setting, `tag names that differ in more than case: Azure's tag names ignore case, so "${clash[0]}" and "${clash[1]}" are one tag`, tags);
    }
    return tags;
}
/** Tags that `account`, a storage account, gets as well: Azure takes shorter tag names there. */
function checkStorageAccountTags(setting, tags, account) {
    const long = Object.keys(tags ?? {}).find((name) => name.length > platform_1.TAG_LIMITS.storageAccountMaxNameLength);
    if (long !== undefined) {
        (0, errors_1.invalid)(setting, `tag names of up to ${platform_1.TAG_LIMITS.storageAccountMaxNameLength} characters: ${account} gets them, and a storage account takes no longer ones`, long);
    }
}
/** One tag, as a tag policy names it: `name=value`, by Azure's limits. */
function checkTag(setting, name, value) {
    if (!platform_1.TAG_LIMITS.name.test(name) || value.length > platform_1.TAG_LIMITS.maxValueLength || name.trim() !== name) {
        (0, errors_1.invalid)(setting, 'a tag "name=value" such as "backup=daily": a name of 1 to 512 characters without <>%&\\?/ or surrounding spaces, a value up to 256', `${name}=${value}`);
    }
}
/** A component's `tags` argument, checked; `undefined` stays so, and the resources get no tags. */
function checkedTags(tags) {
    return tags === undefined ? undefined : checkTags("tags", tags);
}
