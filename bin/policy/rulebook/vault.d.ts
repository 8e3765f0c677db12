/**
 * The Recovery Services vault and its VM backup policy: the values and ranges Azure accepts.
 * Shapes and values are those of the REST API 2024-10-01, the version azure-native 3.28 sends
 * (Azure/azure-rest-api-specs, specification/recoveryservices/.../stable/2024-10-01/vaults.json
 * and specification/recoveryservicesbackup/.../stable/2024-10-01/bms.json).
 */
/** An inclusive range of whole numbers, and why it is what it is. */
export interface WholeNumberRange {
    min: number;
    max: number;
    reason?: string;
}
/**
 * Azure Backup's two VM policies: Enhanced (policy V2), which also protects Trusted Launch VMs,
 * and Standard (V1), which does not (learn.microsoft.com/azure/backup/backup-azure-vms-enhanced-policy).
 */
export declare const BACKUP_POLICY_TYPES: readonly ["Enhanced", "Standard"];
export type BackupPolicyType = (typeof BACKUP_POLICY_TYPES)[number];
/** Azure's name for each policy type (`AzureIaaSVMProtectionPolicy.policyType`). */
export declare const POLICY_TYPE_VERSIONS: {
    readonly Enhanced: "V2";
    readonly Standard: "V1";
};
/**
 * Days a daily recovery point is kept: 7 to 9999 (Azure Backup support matrix, "Retention limits":
 * learn.microsoft.com/azure/backup/backup-support-matrix-iaas#backup-policy).
 */
export declare const RETENTION_DAYS: WholeNumberRange;
/**
 * Days instant-restore snapshots are kept (`instantRpRetentionRangeInDays`): 1-30 with an Enhanced
 * policy, 1-5 with a Standard daily one (learn.microsoft.com/azure/backup/backup-instant-restore-capability).
 */
export declare const INSTANT_RESTORE_DAYS: Record<BackupPolicyType, WholeNumberRange>;
/** Azure runs daily backups on the hour or the half hour (the portal's and the API's `scheduleRunTimes`). */
export declare const BACKUP_TIME: RegExp;
/**
 * The longest retention of each tier, 0 turning it off. Microsoft documents the same maxima for
 * every vault-tier recovery point (Azure Backup support matrices: 9999 days, 5163 weeks, 1188
 * months, 99 years; e.g. "Maximum retention of weekly recovery points | 5163 weeks", "[...] monthly
 * [...] | 1188 months", "[...] yearly [...] | 99 years", MicrosoftDocs/azure-docs
 * articles/backup/azure-file-share-support-matrix.md, vault-standard tier); the daily range is {@link RETENTION_DAYS}.
 */
export declare const WEEKLY_RETENTION_WEEKS: WholeNumberRange;
export declare const MONTHLY_RETENTION_MONTHS: WholeNumberRange;
export declare const YEARLY_RETENTION_YEARS: WholeNumberRange;
/** The API's `DayOfWeek` and `MonthOfYear` values. */
export declare const DAYS_OF_WEEK: readonly ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
export declare const MONTHS: readonly ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/** `scheduleRunFrequency` of a VM policy this project writes: Hourly is the Enhanced (V2) policy's `hourlySchedule`. */
export declare const BACKUP_FREQUENCIES: readonly ["Daily", "Hourly"];
export type BackupFrequency = (typeof BACKUP_FREQUENCIES)[number];
/** `hourlySchedule.interval`: "Interval at which backup needs to be triggered. For hourly the value can be 4/6/8/12" (the API's description). */
export declare const HOURLY_INTERVALS: readonly [4, 6, 8, 12];
/**
 * `hourlySchedule.scheduleWindowDuration`, in hours: the portal's and azurerm's `hour_duration`
 * range, 4 to 24. UNVERIFIED 2026-12: bms.json gives the property no range, and neither the
 * azurerm documentation nor a Learn page stating 4-24 was found in the search corpora.
 */
export declare const HOURLY_WINDOW_HOURS: WholeNumberRange;
/**
 * Soft delete as Azure has it since its "secure by default" change: enforced on every Recovery
 * Services vault ("Soft delete is now enforced by default as part of secure-by-default assurance
 * for Azure Backup ... a soft-delete state can no longer be modified", learn.microsoft.com/azure/backup/secure-by-default).
 * `AlwaysOn` is the API's `AlwaysON`: it can never be turned back.
 */
export declare const SOFT_DELETE_STATES: {
    readonly Enabled: "Enabled";
    readonly AlwaysOn: "AlwaysON";
};
export type SoftDelete = keyof typeof SOFT_DELETE_STATES;
/** Days a deleted item is kept: 14 by default, up to 180 (same page; Azure/azure-cli command_modules/backup custom.py refuses others: "Retention duration must be between 14 and 180 days"). */
export declare const SOFT_DELETE_DAYS: WholeNumberRange;
/**
 * `ImmutabilitySettings.state`. `Unlocked` blocks what would remove recovery points before they
 * expire (deleting backup data, reducing retention) and can be turned off; `Locked` never can
 * (learn.microsoft.com/azure/backup/backup-azure-immutable-vault-concept).
 */
export declare const IMMUTABILITY_STATES: readonly ["Disabled", "Unlocked", "Locked"];
export type Immutability = (typeof IMMUTABILITY_STATES)[number];
/** `redundancySettings.standardTierStorageRedundancy`. */
export declare const STORAGE_REDUNDANCIES: readonly ["GeoRedundant", "ZoneRedundant", "LocallyRedundant"];
export type StorageRedundancy = (typeof STORAGE_REDUNDANCIES)[number];
/**
 * `publicNetworkAccess`. Azure VM backup "doesn't require private endpoints for backup and restore
 * of disks" (learn.microsoft.com/azure/backup/private-endpoints-overview): snapshots and their
 * transfer run inside Azure, so a vault closed to public networks still backs up VMs; only file
 * recovery and agents (MARS, workloads in VMs) need a private endpoint then. Azure does not allow
 * denying public access on a vault with Cross Region Restore (learn.microsoft.com/azure/backup/backup-azure-private-endpoints-configure-manage).
 */
export declare const PUBLIC_NETWORK_ACCESS: readonly ["Enabled", "Disabled"];
export type PublicNetworkAccess = (typeof PUBLIC_NETWORK_ACCESS)[number];
