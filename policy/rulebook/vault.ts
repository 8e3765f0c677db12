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
export const BACKUP_POLICY_TYPES = ["Enhanced", "Standard"] as const;
export type BackupPolicyType = (typeof BACKUP_POLICY_TYPES)[number];

/** Azure's name for each policy type (`AzureIaaSVMProtectionPolicy.policyType`). */
export const POLICY_TYPE_VERSIONS = { Enhanced: "V2", Standard: "V1" } as const;

/**
 * Days a daily recovery point is kept: 7 to 9999 (Azure Backup support matrix, "Retention limits":
 * learn.microsoft.com/azure/backup/backup-support-matrix-iaas#backup-policy).
 */
export const RETENTION_DAYS: WholeNumberRange = { min: 7, max: 9999, reason: "Azure's range for daily recovery points" };

/**
 * Days instant-restore snapshots are kept (`instantRpRetentionRangeInDays`): 1-30 with an Enhanced
 * policy, 1-5 with a Standard daily one (learn.microsoft.com/azure/backup/backup-instant-restore-capability).
 */
export const INSTANT_RESTORE_DAYS: Record<BackupPolicyType, WholeNumberRange> = {
    Enhanced: { min: 1, max: 30, reason: "Azure's range for an enhanced policy" },
    Standard: { min: 1, max: 5, reason: "Azure's range for a standard daily policy" },
};

/** Azure runs daily backups on the hour or the half hour (the portal's and the API's `scheduleRunTimes`). */
export const BACKUP_TIME = /^(?:[01]\d|2[0-3]):[03]0$/;

/**
 * The longest retention of each tier, 0 turning it off. Microsoft documents the same maxima for
 * every vault-tier recovery point (Azure Backup support matrices: 9999 days, 5163 weeks, 1188
 * months, 99 years; e.g. "Maximum retention of weekly recovery points | 5163 weeks", "[...] monthly
 * [...] | 1188 months", "[...] yearly [...] | 99 years", MicrosoftDocs/azure-docs
 * articles/backup/azure-file-share-support-matrix.md, vault-standard tier); the daily range is {@link RETENTION_DAYS}.
 */
export const WEEKLY_RETENTION_WEEKS: WholeNumberRange = { min: 0, max: 5163, reason: "0 turns it off; Azure keeps weekly points up to 5163 weeks" };
export const MONTHLY_RETENTION_MONTHS: WholeNumberRange = { min: 0, max: 1188, reason: "0 turns it off; Azure keeps monthly points up to 1188 months" };
export const YEARLY_RETENTION_YEARS: WholeNumberRange = { min: 0, max: 99, reason: "0 turns it off; Azure keeps yearly points up to 99 years" };

/** The API's `DayOfWeek` and `MonthOfYear` values. */
export const DAYS_OF_WEEK = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;

/** `scheduleRunFrequency` of a VM policy this project writes: Hourly is the Enhanced (V2) policy's `hourlySchedule`. */
export const BACKUP_FREQUENCIES = ["Daily", "Hourly"] as const;
export type BackupFrequency = (typeof BACKUP_FREQUENCIES)[number];

/** `hourlySchedule.interval`: "Interval at which backup needs to be triggered. For hourly the value can be 4/6/8/12" (the API's description). */
export const HOURLY_INTERVALS = [4, 6, 8, 12] as const;
/**
 * `hourlySchedule.scheduleWindowDuration`, in hours: the portal's and azurerm's `hour_duration`
 * range, 4 to 24. UNVERIFIED 2026-12: bms.json gives the property no range, and neither the
 * azurerm documentation nor a Learn page stating 4-24 was found in the search corpora.
 */
export const HOURLY_WINDOW_HOURS: WholeNumberRange = { min: 4, max: 24, reason: "Azure's backup window for hourly backups" };

/**
 * Soft delete as Azure has it since its "secure by default" change: enforced on every Recovery
 * Services vault ("Soft delete is now enforced by default as part of secure-by-default assurance
 * for Azure Backup ... a soft-delete state can no longer be modified", learn.microsoft.com/azure/backup/secure-by-default).
 * `AlwaysOn` is the API's `AlwaysON`: it can never be turned back.
 */
export const SOFT_DELETE_STATES = { Enabled: "Enabled", AlwaysOn: "AlwaysON" } as const;
export type SoftDelete = keyof typeof SOFT_DELETE_STATES;
/** Days a deleted item is kept: 14 by default, up to 180 (same page; Azure/azure-cli command_modules/backup custom.py refuses others: "Retention duration must be between 14 and 180 days"). */
export const SOFT_DELETE_DAYS: WholeNumberRange = { min: 14, max: 180, reason: "Azure's soft-delete retention" };

/**
 * `ImmutabilitySettings.state`. `Unlocked` blocks what would remove recovery points before they
 * expire (deleting backup data, reducing retention) and can be turned off; `Locked` never can
 * (learn.microsoft.com/azure/backup/backup-azure-immutable-vault-concept).
 */
export const IMMUTABILITY_STATES = ["Disabled", "Unlocked", "Locked"] as const;
export type Immutability = (typeof IMMUTABILITY_STATES)[number];

/** `redundancySettings.standardTierStorageRedundancy`. */
export const STORAGE_REDUNDANCIES = ["GeoRedundant", "ZoneRedundant", "LocallyRedundant"] as const;
export type StorageRedundancy = (typeof STORAGE_REDUNDANCIES)[number];

/**
 * `publicNetworkAccess`. Azure VM backup "doesn't require private endpoints for backup and restore
 * of disks" (learn.microsoft.com/azure/backup/private-endpoints-overview): snapshots and their
 * transfer run inside Azure, so a vault closed to public networks still backs up VMs; only file
 * recovery and agents (MARS, workloads in VMs) need a private endpoint then. Azure does not allow
 * denying public access on a vault with Cross Region Restore (learn.microsoft.com/azure/backup/backup-azure-private-endpoints-configure-manage).
 */
export const PUBLIC_NETWORK_ACCESS = ["Enabled", "Disabled"] as const;
export type PublicNetworkAccess = (typeof PUBLIC_NETWORK_ACCESS)[number];
