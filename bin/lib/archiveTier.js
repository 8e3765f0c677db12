"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.POLICY_TIER_DEFAULTS = void 0;
exports.checkPolicyTiers = checkPolicyTiers;
exports.policyTierProperties = policyTierProperties;
exports.checkBackupDiskLuns = checkBackupDiskLuns;
exports.diskSelection = diskSelection;
const errors_1 = require("../policy/rulebook/errors");
const vaultOptions_1 = require("../policy/rulebook/vaultOptions");
const choices_1 = require("./validation/choices");
const numbers_1 = require("./validation/numbers");
exports.POLICY_TIER_DEFAULTS = { archiveTier: "Off", snapshotConsistency: "ApplicationOrFileSystem" };
/** Every option alone and against the policy; `nameOf` gives the name the user set each by (the context's too). */
function checkPolicyTiers(s, context, nameOf = (argument) => argument) {
    const tier = (0, choices_1.oneOf)(nameOf("archiveTier"), s.archiveTier, Object.keys(vaultOptions_1.ARCHIVE_TIERS));
    const afterDays = s.archiveAfterDays === 0 ? undefined : s.archiveAfterDays;
    if (tier === "AfterDays") {
        (0, numbers_1.wholeNumber)(nameOf("archiveAfterDays"), afterDays, vaultOptions_1.ARCHIVE_AFTER_DAYS);
    }
    else if (afterDays !== undefined) {
        (0, errors_1.invalid)(nameOf("archiveAfterDays"), `unset (or 0) unless ${nameOf("archiveTier")} is "AfterDays"`, s.archiveAfterDays);
    }
    if (tier !== "Off") {
        const kept = (0, vaultOptions_1.longTermRetentionDays)(context);
        if (kept === 0) {
            (0, errors_1.invalid)(nameOf("archiveTier"), `"Off" without ${nameOf("monthlyRetentionMonths")} or ${nameOf("yearlyRetentionYears")}: Azure archives only monthly and yearly recovery points of a VM`, tier);
        }
        const age = afterDays ?? vaultOptions_1.ARCHIVE_AFTER_DAYS.min;
        if (kept < age + vaultOptions_1.ARCHIVE_MIN_RETENTION_LEFT_DAYS) {
            (0, errors_1.invalid)(nameOf("archiveTier"), `"Off" unless monthly or yearly points are kept at least ${age + vaultOptions_1.ARCHIVE_MIN_RETENTION_LEFT_DAYS} days (${age} in the standard tier, then 6 months left, as Azure requires to archive); they are kept ${kept}`, tier);
        }
        if (context.storageRedundancy === vaultOptions_1.ARCHIVE_UNSUPPORTED_REDUNDANCY) {
            (0, errors_1.invalid)(nameOf("archiveTier"), `"Off" with ${nameOf("storageRedundancy")} "ZoneRedundant": Azure does not archive from a zone-redundant vault`, tier);
        }
    }
    const consistency = (0, choices_1.oneOf)(nameOf("snapshotConsistency"), s.snapshotConsistency, Object.keys(vaultOptions_1.SNAPSHOT_CONSISTENCIES));
    if (consistency === "CrashConsistent" && context.backupPolicyType !== "Enhanced") {
        (0, errors_1.invalid)(nameOf("snapshotConsistency"), `"ApplicationOrFileSystem" with a Standard policy: crash-consistent snapshots are a feature of the Enhanced policy`, consistency);
    }
    checkInstantRestoreGroup(s, nameOf);
}
function checkInstantRestoreGroup(s, nameOf) {
    const [prefixName, suffixName] = [nameOf("instantRestoreResourceGroupPrefix"), nameOf("instantRestoreResourceGroupSuffix")];
    const { instantRestoreResourceGroupPrefix: prefix, instantRestoreResourceGroupSuffix: suffix } = s;
    const allowed = "letters, digits, periods, underscores, hyphens and parentheses (Azure's resource group characters)";
    for (const [name, value] of [[prefixName, prefix], [suffixName, suffix]]) {
        if (value !== undefined && (typeof value !== "string" || value === "" || !vaultOptions_1.INSTANT_RESTORE_RG_CHARACTERS.test(value))) {
            (0, errors_1.invalid)(name, allowed, value);
        }
    }
    if (suffix !== undefined && prefix === undefined) {
        (0, errors_1.invalid)(suffixName, `unset without ${prefixName}: Azure names the group <prefix><n><suffix>, and the prefix is the mandatory part`, suffix);
    }
    if (prefix === undefined) {
        return;
    }
    const last = suffix ?? `${prefix}1`;
    if (last.endsWith(".")) {
        (0, errors_1.invalid)(suffix === undefined ? prefixName : suffixName, "a name part that does not end with a period: Azure's resource group names can't", suffix ?? prefix);
    }
    const length = prefix.length + vaultOptions_1.INSTANT_RESTORE_RG_COUNTER_DIGITS + (suffix?.length ?? 0);
    if (length > vaultOptions_1.INSTANT_RESTORE_RG_MAX_LENGTH) {
        (0, errors_1.invalid)(suffix === undefined ? prefixName : `${prefixName} + ${suffixName}`, `at most ${vaultOptions_1.INSTANT_RESTORE_RG_MAX_LENGTH - vaultOptions_1.INSTANT_RESTORE_RG_COUNTER_DIGITS} characters together: Azure Backup's group names take up to ${vaultOptions_1.INSTANT_RESTORE_RG_MAX_LENGTH} with the counter n (${vaultOptions_1.INSTANT_RESTORE_RG_COUNTER_DIGITS} digits held back)`, `${prefix}${suffix ?? ""}`);
    }
}
/** The policy properties the options add; nothing for the defaults. */
function policyTierProperties(s) {
    const mode = vaultOptions_1.ARCHIVE_TIERS[s.archiveTier];
    return {
        ...(mode !== undefined && {
            tieringPolicy: {
                ArchivedRP: mode === "TierAfter" ? { tieringMode: mode, duration: s.archiveAfterDays, durationType: "Days" } : { tieringMode: mode },
            },
        }),
        ...(vaultOptions_1.SNAPSHOT_CONSISTENCIES[s.snapshotConsistency] !== undefined && { snapshotConsistencyType: vaultOptions_1.SNAPSHOT_CONSISTENCIES[s.snapshotConsistency] }),
        ...(s.instantRestoreResourceGroupPrefix !== undefined && {
            instantRPDetails: {
                azureBackupRGNamePrefix: s.instantRestoreResourceGroupPrefix,
                ...(s.instantRestoreResourceGroupSuffix !== undefined && { azureBackupRGNameSuffix: s.instantRestoreResourceGroupSuffix }),
            },
        }),
    };
}
/**
 * The data disks to back up, by LUN, each once, each one the VM has (`dataDiskCount` disks at
 * LUNs 0..n-1, where known); the OS disk always is. An empty list backs up the OS disk alone.
 */
function checkBackupDiskLuns(setting, luns, dataDiskCount) {
    if (!Array.isArray(luns)) {
        (0, errors_1.invalid)(setting, "a list of data disk LUNs such as [0,2] ([] for the OS disk alone)", luns);
    }
    luns.forEach((lun) => (0, numbers_1.wholeNumber)(setting, lun, vaultOptions_1.DATA_DISK_LUNS));
    if (new Set(luns).size !== luns.length) {
        (0, errors_1.invalid)(setting, "each LUN once", luns);
    }
    if (luns.length > vaultOptions_1.MAX_BACKED_UP_DATA_DISKS) {
        (0, errors_1.invalid)(setting, `at most ${vaultOptions_1.MAX_BACKED_UP_DATA_DISKS} data disks: Azure Backup backs up 32 disks of a VM, its OS disk among them`, luns);
    }
    const missing = dataDiskCount && luns.find((lun) => lun >= dataDiskCount.count);
    if (dataDiskCount && missing !== undefined) {
        (0, errors_1.invalid)(setting, `LUNs of the VMs' data disks, 0 to ${dataDiskCount.count - 1} (${dataDiskCount.setting} is ${dataDiskCount.count})`, missing);
    }
    return luns;
}
/** The protected item's `extendedProperties` for a selection of disks: an inclusion list (the OS disk is always backed up). */
function diskSelection(luns) {
    return luns === undefined ? {} : { extendedProperties: { diskExclusionProperties: { diskLunList: luns, isInclusionList: true } } };
}
