/** The backup policy's settings, within Azure's ranges. */
import { invalid } from "../../policy/rulebook/errors";
import { BACKUP_POLICY_TYPES, BACKUP_TIME, BackupPolicyType, INSTANT_RESTORE_DAYS, RETENTION_DAYS } from "../../policy/rulebook/vault";
import { WINDOWS_TIME_ZONES } from "../timeZones";
import { wholeNumber } from "./numbers";

export function checkBackupPolicyType(setting: string, value: string): BackupPolicyType {
    if (!(BACKUP_POLICY_TYPES as readonly string[]).includes(value)) {
        invalid(setting, `one of ${BACKUP_POLICY_TYPES.map((type) => `"${type}"`).join(", ")} (Enhanced also protects Trusted Launch VMs)`, value);
    }
    return value as BackupPolicyType;
}

export interface PolicySettings {
    backupPolicyType: BackupPolicyType;
    backupTime: string;
    timeZone: string;
    retentionDays: number;
    instantRestoreDays: number;
}

/** A Windows time zone id, which is what a backup policy takes (not an IANA name such as Europe/Berlin). */
export function checkTimeZone(setting: string, timeZone: string): void {
    if (!WINDOWS_TIME_ZONES.includes(timeZone)) {
        invalid(setting, 'a Windows time zone id as "tzutil /l" lists them, such as "UTC", "W. Europe Standard Time" or "Pacific Standard Time"', timeZone);
    }
}

/** A daily policy Azure accepts. */
export function checkPolicy(policy: PolicySettings): void {
    if (!BACKUP_TIME.test(policy.backupTime)) {
        invalid("backupTime", "a time of day on the hour or half hour, as HH:MM (e.g. 02:00 or 21:30)", policy.backupTime);
    }
    checkTimeZone("timeZone", policy.timeZone);
    wholeNumber("retentionDays", policy.retentionDays, RETENTION_DAYS);
    wholeNumber("instantRestoreDays", policy.instantRestoreDays, INSTANT_RESTORE_DAYS[policy.backupPolicyType]);
    if (policy.retentionDays < policy.instantRestoreDays) {
        invalid("retentionDays", `at least instantRestoreDays (${policy.instantRestoreDays}): a recovery point outlives its snapshot`, policy.retentionDays);
    }
}
