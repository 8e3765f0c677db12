/**
 * The VM backup policy's schedule and retention, as plain functions: the shapes each policy type
 * takes, and Azure's ranges for them. Shapes are those of the Recovery Services backup REST API
 * 2024-10-01, the version azure-native 3.28 sends for `ProtectionPolicy` (Azure/azure-rest-api-specs,
 * specification/recoveryservicesbackup/.../stable/2024-10-01/examples/AzureIaasVm/V2Policy/IaaS_v2_hourly.json
 * and ProtectionPolicies_CreateOrUpdate_Complex.json).
 */
import type { recoveryservices } from "@pulumi/azure-native/types/input";
import { invalid } from "../policy/rulebook/errors";
import { BackupPolicyType, checkPolicy, PolicySettings } from "./validation/backupPolicy";
import { wholeNumber, WholeNumberRange } from "./validation/numbers";

/**
 * A daily schedule in the shape each policy type takes: Standard (V1) lists the run times on the
 * schedule, Enhanced (V2) under `dailySchedule`.
 */
export function dailySchedulePolicy(
    policyType: "Enhanced" | "Standard",
    runTime: string,
): recoveryservices.SimpleSchedulePolicyV2Args | recoveryservices.SimpleSchedulePolicyArgs {
    return policyType === "Enhanced"
        ? { schedulePolicyType: "SimpleSchedulePolicyV2", scheduleRunFrequency: "Daily", dailySchedule: { scheduleRunTimes: [runTime] } }
        : { schedulePolicyType: "SimpleSchedulePolicy", scheduleRunFrequency: "Daily", scheduleRunTimes: [runTime] };
}

/** Azure's name for each policy type. */
export const POLICY_TYPE_VERSIONS = { Enhanced: "V2", Standard: "V1" } as const;

/**
 * The policy's daily run time as the API wants it: an ISO date-time of which only the time
 * counts. The date is fixed so that plans are reproducible.
 */
export function scheduleRunTime(backupTime: string): string {
    return `2024-01-01T${backupTime}:00Z`;
}


/**
 * The longest retention of each tier, 0 turning it off. Microsoft documents the same maxima for
 * every vault-tier recovery point (Azure Backup support matrices: 9999 days, 5163 weeks, 1188
 * months, 99 years); the daily range is `RETENTION_DAYS`.
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
/** `hourlySchedule.scheduleWindowDuration`, in hours: the portal's and azurerm's `hour_duration` range, 4 to 24. */
export const HOURLY_WINDOW_HOURS: WholeNumberRange = { min: 4, max: 24, reason: "Azure's backup window for hourly backups" };

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

export const VAULT_POLICY_DEFAULTS = {
    backupFrequency: "Daily",
    hourlyInterval: 4,
    hourlyWindowHours: 24,
    weeklyRetentionWeeks: 0,
    monthlyRetentionMonths: 0,
    yearlyRetentionYears: 0,
    retentionDay: "Sunday",
    yearlyRetentionMonth: "January",
} as const;

/** One of a list of allowed values, or an error that names the setting and lists them. */
export function oneOf<T extends string | number>(setting: string, value: unknown, allowed: readonly T[], why = ""): T {
    if (!(allowed as readonly unknown[]).includes(value)) {
        invalid(setting, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}${why}`, value);
    }
    return value as T;
}

/** Everything the policy takes, each value in Azure's range and the combinations Azure accepts. */
export function checkVaultPolicy(policy: VaultPolicySettings): void {
    checkPolicy(policy);
    oneOf("backupFrequency", policy.backupFrequency, BACKUP_FREQUENCIES);
    if (policy.backupFrequency === "Hourly") {
        if (policy.backupPolicyType !== "Enhanced") {
            invalid("backupFrequency", '"Daily" with a Standard policy: hourly backups are a feature of the Enhanced policy (V2)', policy.backupFrequency);
        }
        oneOf("hourlyInterval", policy.hourlyInterval, HOURLY_INTERVALS, " (hours between backups)");
        wholeNumber("hourlyWindowHours", policy.hourlyWindowHours, HOURLY_WINDOW_HOURS);
        if (policy.hourlyWindowHours < policy.hourlyInterval) {
            invalid("hourlyWindowHours", `at least hourlyInterval (${policy.hourlyInterval}): the window must hold a backup`, policy.hourlyWindowHours);
        }
    }
    wholeNumber("weeklyRetentionWeeks", policy.weeklyRetentionWeeks, WEEKLY_RETENTION_WEEKS);
    wholeNumber("monthlyRetentionMonths", policy.monthlyRetentionMonths, MONTHLY_RETENTION_MONTHS);
    wholeNumber("yearlyRetentionYears", policy.yearlyRetentionYears, YEARLY_RETENTION_YEARS);
    oneOf("retentionDay", policy.retentionDay, DAYS_OF_WEEK);
    oneOf("yearlyRetentionMonth", policy.yearlyRetentionMonth, MONTHS);
}

/**
 * The schedule in the shape of its policy type: V1 (Standard) daily, V2 (Enhanced) daily, or V2
 * hourly from `runTime` for `hourlyWindowHours`, every `hourlyInterval` hours.
 */
export function schedulePolicy(
    policy: Pick<VaultPolicySettings, "backupPolicyType" | "backupFrequency" | "hourlyInterval" | "hourlyWindowHours">,
    runTime: string,
): recoveryservices.SimpleSchedulePolicyV2Args | recoveryservices.SimpleSchedulePolicyArgs {
    if (policy.backupFrequency === "Hourly") {
        return {
            schedulePolicyType: "SimpleSchedulePolicyV2",
            scheduleRunFrequency: "Hourly",
            hourlySchedule: { interval: policy.hourlyInterval, scheduleWindowStartTime: runTime, scheduleWindowDuration: policy.hourlyWindowHours },
        };
    }
    return dailySchedulePolicy(policy.backupPolicyType as BackupPolicyType, runTime);
}

/**
 * Daily retention, and each tier that is on: weekly on `retentionDay`, monthly and yearly on the
 * first such day of the month (yearly in `yearlyRetentionMonth`), all from the backup at `runTime`.
 */
export function retentionPolicy(
    policy: Pick<VaultPolicySettings, "retentionDays" | "weeklyRetentionWeeks" | "monthlyRetentionMonths" | "yearlyRetentionYears" | "retentionDay" | "yearlyRetentionMonth">,
    runTime: string,
): recoveryservices.LongTermRetentionPolicyArgs {
    const retentionTimes = [runTime];
    const day = [policy.retentionDay as (typeof DAYS_OF_WEEK)[number]];
    const firstDayOfMonth = { daysOfTheWeek: day, weeksOfTheMonth: ["First" as const] };
    return {
        retentionPolicyType: "LongTermRetentionPolicy",
        dailySchedule: { retentionTimes, retentionDuration: { count: policy.retentionDays, durationType: "Days" } },
        ...(policy.weeklyRetentionWeeks > 0 && {
            weeklySchedule: { daysOfTheWeek: day, retentionTimes, retentionDuration: { count: policy.weeklyRetentionWeeks, durationType: "Weeks" } },
        }),
        ...(policy.monthlyRetentionMonths > 0 && {
            monthlySchedule: {
                retentionScheduleFormatType: "Weekly",
                retentionScheduleWeekly: firstDayOfMonth,
                retentionTimes,
                retentionDuration: { count: policy.monthlyRetentionMonths, durationType: "Months" },
            },
        }),
        ...(policy.yearlyRetentionYears > 0 && {
            yearlySchedule: {
                retentionScheduleFormatType: "Weekly",
                monthsOfYear: [policy.yearlyRetentionMonth as (typeof MONTHS)[number]],
                retentionScheduleWeekly: firstDayOfMonth,
                retentionTimes,
                retentionDuration: { count: policy.yearlyRetentionYears, durationType: "Years" },
            },
        }),
    };
}
