"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkBackupPolicyType = checkBackupPolicyType;
exports.checkTimeZone = checkTimeZone;
exports.checkPolicy = checkPolicy;
/** The backup policy's settings, within Azure's ranges. */
const errors_1 = require("../../policy/rulebook/errors");
const vault_1 = require("../../policy/rulebook/vault");
const timeZones_1 = require("../timeZones");
const numbers_1 = require("./numbers");
function checkBackupPolicyType(setting, value) {
    if (!vault_1.BACKUP_POLICY_TYPES.includes(value)) {
        (0, errors_1.invalid)(setting, `one of ${vault_1.BACKUP_POLICY_TYPES.map((type) => `"${type}"`).join(", ")} (Enhanced also protects Trusted Launch VMs)`, value);
    }
    return value;
}
/** A Windows time zone id, which is what a backup policy takes (not an IANA name such as Europe/Berlin). */
function checkTimeZone(setting, timeZone) {
    if (!timeZones_1.WINDOWS_TIME_ZONES.includes(timeZone)) {
        (0, errors_1.invalid)(setting, 'a Windows time zone id as "tzutil /l" lists them, such as "UTC", "W. Europe Standard Time" or "Pacific Standard Time"', timeZone);
    }
}
/** A daily policy Azure accepts. */
function checkPolicy(policy) {
    if (!vault_1.BACKUP_TIME.test(policy.backupTime)) {
        (0, errors_1.invalid)("backupTime", "a time of day on the hour or half hour, as HH:MM (e.g. 02:00 or 21:30)", policy.backupTime);
    }
    checkTimeZone("timeZone", policy.timeZone);
    (0, numbers_1.wholeNumber)("retentionDays", policy.retentionDays, vault_1.RETENTION_DAYS);
    (0, numbers_1.wholeNumber)("instantRestoreDays", policy.instantRestoreDays, vault_1.INSTANT_RESTORE_DAYS[policy.backupPolicyType]);
    if (policy.retentionDays < policy.instantRestoreDays) {
        (0, errors_1.invalid)("retentionDays", `at least instantRestoreDays (${policy.instantRestoreDays}): a recovery point outlives its snapshot`, policy.retentionDays);
    }
}
