"use strict";
/**
 * The Recovery Services vault and its VM backup policy: the values and ranges Azure accepts.
 * Shapes and values are those of the REST API 2024-10-01, the version azure-native 3.28 sends
 * (Azure/azure-rest-api-specs, specification/recoveryservices/.../stable/2024-10-01/vaults.json
 * and specification/recoveryservicesbackup/.../stable/2024-10-01/bms.json).
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.PUBLIC_NETWORK_ACCESS = exports.STORAGE_REDUNDANCIES = exports.IMMUTABILITY_STATES = exports.SOFT_DELETE_DAYS = exports.SOFT_DELETE_STATES = exports.HOURLY_WINDOW_HOURS = exports.HOURLY_INTERVALS = exports.BACKUP_FREQUENCIES = exports.MONTHS = exports.DAYS_OF_WEEK = exports.YEARLY_RETENTION_YEARS = exports.MONTHLY_RETENTION_MONTHS = exports.WEEKLY_RETENTION_WEEKS = exports.BACKUP_TIME = exports.INSTANT_RESTORE_DAYS = exports.RETENTION_DAYS = exports.POLICY_TYPE_VERSIONS = exports.BACKUP_POLICY_TYPES = void 0;
/**
 * Azure Backup's two VM policies: Enhanced (policy V2), which also protects Trusted Launch VMs,
 * and Standard (V1), which does not (learn.microsoft.com/azure/backup/backup-azure-vms-enhanced-policy).
 */
exports.BACKUP_POLICY_TYPES = ["Enhanced", "Standard"];
/** Azure's name for each policy type (`AzureIaaSVMProtectionPolicy.policyType`). */
exports.POLICY_TYPE_VERSIONS = { Enhanced: "V2", Standard: "V1" };
/**
 * Days a daily recovery point is kept: 7 to 9999 (Azure Backup support matrix, "Retention limits":
 * learn.microsoft.com/azure/backup/backup-support-matrix-iaas#backup-policy).
 */
exports.RETENTION_DAYS = { min: 7, max: 9999, reason: "Azure's range for daily recovery points" };
/**
 * Days instant-restore snapshots are kept (`instantRpRetentionRangeInDays`): 1-30 with an Enhanced
 * policy, 1-5 with a Standard daily one (learn.microsoft.com/azure/backup/backup-instant-restore-capability).
 */
exports.INSTANT_RESTORE_DAYS = {
    Enhanced: { min: 1, max: 30, reason: "Azure's range for an enhanced policy" },
    Standard: { min: 1, max: 5, reason: "Azure's range for a standard daily policy" },
};
/** Azure runs daily backups on the hour or the half hour (the portal's and the API's `scheduleRunTimes`). */
exports.BACKUP_TIME = /^(?:[01]\d|2[0-3]):[03]0$/;
/**
 * The longest retention of each tier, 0 turning it off. Microsoft documents the same maxima for
 * every vault-tier recovery point (Azure Backup support matrices: 9999 days, 5163 weeks, 1188
 * months, 99 years; e.g. "Maximum retention of weekly recovery points | 5163 weeks", "[...] monthly
 * [...] | 1188 months", "[...] yearly [...] | 99 years", MicrosoftDocs/azure-docs
 * articles/backup/azure-file-share-support-matrix.md, vault-standard tier); the daily range is {@link RETENTION_DAYS}.
 */
exports.WEEKLY_RETENTION_WEEKS = { min: 0, max: 5163, reason: "0 turns it off; Azure keeps weekly points up to 5163 weeks" };
exports.MONTHLY_RETENTION_MONTHS = { min: 0, max: 1188, reason: "0 turns it off; Azure keeps monthly points up to 1188 months" };
exports.YEARLY_RETENTION_YEARS = { min: 0, max: 99, reason: "0 turns it off; Azure keeps yearly points up to 99 years" };
/** The API's `DayOfWeek` and `MonthOfYear` values. */
exports.DAYS_OF_WEEK = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
exports.MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/** `scheduleRunFrequency` of a VM policy this project writes: Hourly is the Enhanced (V2) policy's `hourlySchedule`. */
exports.BACKUP_FREQUENCIES = ["Daily", "Hourly"];
/** `hourlySchedule.interval`: "Interval at which backup needs to be triggered. For hourly the value can be 4/6/8/12" (the API's description). */
exports.HOURLY_INTERVALS = [4, 6, 8, 12];
/**
 * `hourlySchedule.scheduleWindowDuration`, in hours: the portal's and azurerm's `hour_duration`
 * range, 4 to 24. UNVERIFIED 2026-12: bms.json gives the property no range, and neither the
 * azurerm documentation nor a Learn page stating 4-24 was found in the search corpora.
 */
exports.HOURLY_WINDOW_HOURS = { min: 4, max: 24, reason: "Azure's backup window for hourly backups" };
/**
 * Soft delete as Azure has it since its "secure by default" change: enforced on every Recovery
 * Services vault ("Soft delete is now enforced by default as part of secure-by-default assurance
 * for Azure Backup ... a soft-delete state can no longer be modified", learn.microsoft.com/azure/backup/secure-by-default).
 * `AlwaysOn` is the API's `AlwaysON`: it can never be turned back.
 */
exports.SOFT_DELETE_STATES = { Enabled: "Enabled", AlwaysOn: "AlwaysON" };
/** Days a deleted item is kept: 14 by default, up to 180 (same page; Azure/azure-cli command_modules/backup custom.py refuses others: "Retention duration must be between 14 and 180 days"). */
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
