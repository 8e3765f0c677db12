/**
 * The VM backup policy's schedule and retention, as plain functions: the shapes each policy type
 * takes, and Azure's ranges for them. Shapes are those of the Recovery Services backup REST API
 * 2024-10-01, the version azure-native 3.28 sends for `ProtectionPolicy` (Azure/azure-rest-api-specs,
 * specification/recoveryservicesbackup/.../stable/2024-10-01/examples/AzureIaasVm/V2Policy/IaaS_v2_hourly.json
 * and ProtectionPolicies_CreateOrUpdate_Complex.json).
 */
import type { recoveryservices } from "@pulumi/azure-native/types/input";
import { PolicySettings } from "./validation/backupPolicy";
import { WholeNumberRange } from "./validation/numbers";
/**
 * A daily schedule in the shape each policy type takes: Standard (V1) lists the run times on the
 * schedule, Enhanced (V2) under `dailySchedule`.
 */
export declare function dailySchedulePolicy(policyType: "Enhanced" | "Standard", runTime: string): recoveryservices.SimpleSchedulePolicyV2Args | recoveryservices.SimpleSchedulePolicyArgs;
/** Azure's name for each policy type. */
export declare const POLICY_TYPE_VERSIONS: {
    readonly Enhanced: "V2";
    readonly Standard: "V1";
};
/**
 * The policy's daily run time as the API wants it: an ISO date-time of which only the time
 * counts. The date is fixed so that plans are reproducible.
 */
export declare function scheduleRunTime(backupTime: string): string;
/**
 * The longest retention of each tier, 0 turning it off. Microsoft documents the same maxima for
 * every vault-tier recovery point (Azure Backup support matrices: 9999 days, 5163 weeks, 1188
 * months, 99 years); the daily range is `RETENTION_DAYS`.
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
/** `hourlySchedule.scheduleWindowDuration`, in hours: the portal's and azurerm's `hour_duration` range, 4 to 24. */
export declare const HOURLY_WINDOW_HOURS: WholeNumberRange;
export interface VaultPolicySettings extends PolicySettings {
    backupFrequency: BackupFrequency;
    hourlyInterval: number;
    hourlyWindowHours: number;
    weeklyRetentionWeeks: number;
    monthlyRetentionMonths: number;
    yearlyRetentionYears: number;
    retentionDay: string;
    yearlyRetentionMonth: string;
}
export declare const VAULT_POLICY_DEFAULTS: {
    readonly backupFrequency: "Daily";
    readonly hourlyInterval: 4;
    readonly hourlyWindowHours: 24;
    readonly weeklyRetentionWeeks: 0;
    readonly monthlyRetentionMonths: 0;
    readonly yearlyRetentionYears: 0;
    readonly retentionDay: "Sunday";
    readonly yearlyRetentionMonth: "January";
};
/** One of a list of allowed values, or an error that names the setting and lists them. */
export declare function oneOf<T extends string | number>(setting: string, value: unknown, allowed: readonly T[], why?: string): T;
/** Everything the policy takes, each value in Azure's range and the combinations Azure accepts. */
export declare function checkVaultPolicy(policy: VaultPolicySettings): void;
/**
 * The schedule in the shape of its policy type: V1 (Standard) daily, V2 (Enhanced) daily, or V2
 * hourly from `runTime` for `hourlyWindowHours`, every `hourlyInterval` hours.
 */
export declare function schedulePolicy(policy: Pick<VaultPolicySettings, "backupPolicyType" | "backupFrequency" | "hourlyInterval" | "hourlyWindowHours">, runTime: string): recoveryservices.SimpleSchedulePolicyV2Args | recoveryservices.SimpleSchedulePolicyArgs;
/**
 * Daily retention, and each tier that is on: weekly on `retentionDay`, monthly and yearly on the
 * first such day of the month (yearly in `yearlyRetentionMonth`), all from the backup at `runTime`.
 */
export declare function retentionPolicy(policy: Pick<VaultPolicySettings, "retentionDays" | "weeklyRetentionWeeks" | "monthlyRetentionMonths" | "yearlyRetentionYears" | "retentionDay" | "yearlyRetentionMonth">, runTime: string): recoveryservices.LongTermRetentionPolicyArgs;
