import { BackupPolicyType } from "../../policy/rulebook/vault";
export declare function checkBackupPolicyType(setting: string, value: string): BackupPolicyType;
export interface PolicySettings {
    backupPolicyType: BackupPolicyType;
    backupTime: string;
    timeZone: string;
    retentionDays: number;
    instantRestoreDays: number;
}
/** A Windows time zone id, which is what a backup policy takes (not an IANA name such as Europe/Berlin). */
export declare function checkTimeZone(setting: string, timeZone: string): void;
/** A daily policy Azure accepts. */
export declare function checkPolicy(policy: PolicySettings): void;
