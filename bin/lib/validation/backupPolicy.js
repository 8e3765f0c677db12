"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.INSTANT_RESTORE_DAYS = exports.RETENTION_DAYS = exports.BACKUP_POLICY_TYPES = void 0;
exports.checkBackupPolicyType = checkBackupPolicyType;
exports.checkTimeZone = checkTimeZone;
exports.checkPolicy = checkPolicy;
/** The backup policy's settings, within Azure's ranges. */
const errors_1 = require("../../policy/rulebook/errors");
const timeZones_1 = require("../timeZones");
const numbers_1 = require("./numbers");
/**
 * Azure Backup's two VM policies: Enhanced (policy V2), which also protects Trusted Launch VMs,
 * and Standard (V1), which does not.
 */
exports.BACKUP_POLICY_TYPES = ["Enhanced", "Standard"];
exports.RETENTION_DAYS = { min: 7, max: 9999, reason: "Azure's range for daily recovery points" };
exports.INSTANT_RESTORE_DAYS = {
    Enhanced: { min: 1, max: 30, reason: "Azure's range for an enhanced policy" },
    Standard: { min: 1, max: 5, reason: "Azure's range for a standard daily policy" },
};
function checkBackupPolicyType(setting, value) {
    if (!exports.BACKUP_POLICY_TYPES.includes(value)) {
        (0, errors_1.invalid)(setting, `one of ${exports.BACKUP_POLICY_TYPES.map((type) => `"${type}"`).join(", ")} (Enhanced also protects Trusted Launch VMs)`, value);
    }
    return value;
}
/** Azure runs daily backups on the hour or the half hour. */
const BACKUP_TIME = /^(?:[01]\d|2[0-3]):[03]0$/;
/** A Windows time zone id, which is what a backup policy takes (not an IANA name such as Europe/Berlin). */
function checkTimeZone(setting, timeZone) {
    if (!timeZones_1.WINDOWS_TIME_ZONES.includes(timeZone)) {
        (0, errors_1.invalid)(setting, 'a Windows time zone id as "tzutil /l" lists them, such as "UTC", "W. Europe Standard Time" or "Pacific Standard Time"', timeZone);
    }
}
/** A daily policy Azure accepts. */
function checkPolicy(policy) {
    if (!BACKUP_TIME.test(policy.backupTime)) {
        (0, errors_1.invalid)("backupTime", "a time of day on the hour or half hour, as HH:MM (e.g. 02:00 or 21:30)", policy.backupTime);
    }
    checkTimeZone("timeZone", policy.timeZone);
    (0, numbers_1.wholeNumber)("retentionDays", policy.retentionDays, exports.RETENTION_DAYS);
    (0, numbers_1.wholeNumber)("instantRestoreDays", policy.instantRestoreDays, exports.INSTANT_RESTORE_DAYS[policy.backupPolicyType]);
    if (policy.retentionDays < policy.instantRestoreDays) {
        (0, errors_1.invalid)("retentionDays", `at least instantRestoreDays (${policy.instantRestoreDays}): a recovery point outlives its snapshot`, policy.retentionDays);
    }
}
