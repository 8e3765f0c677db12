import { WholeNumberRange } from "./numbers";
/**
 * Azure Backup's two VM policies: Enhanced (policy V2), which also protects Trusted Launch VMs,
 * and Standard (V1), which does not.
 */
export declare const BACKUP_POLICY_TYPES: readonly ["Enhanced", "Standard"];
export type BackupPolicyType = (typeof BACKUP_POLICY_TYPES)[number];
export declare const RETENTION_DAYS: WholeNumberRange;
export declare const INSTANT_RESTORE_DAYS: Record<BackupPolicyType, WholeNumberRange>;
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
