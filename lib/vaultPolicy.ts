/**
 * The VM backup policy's schedule and retention, as plain functions: the shapes each policy type
 * takes, checked against Azure's ranges (policy/rulebook/vault.ts). Shapes are those of the Recovery Services backup REST API
 * 2024-10-01, the version azure-native 3.28 sends for `ProtectionPolicy` (Azure/azure-rest-api-specs,
 * specification/recoveryservicesbackup/.../stable/2024-10-01/examples/AzureIaasVm/V2Policy/IaaS_v2_hourly.json
 * and ProtectionPolicies_CreateOrUpdate_Complex.json).
 */
import type { recoveryservices } from "@pulumi/azure-native/types/input";
import { invalid } from "../policy/rulebook/errors";
import {
    BACKUP_FREQUENCIES,
    BackupFrequency,
    BackupPolicyType,
    DAYS_OF_WEEK,
    HOURLY_INTERVALS,
    HOURLY_WINDOW_HOURS,
    MONTHLY_RETENTION_MONTHS,
    MONTHS,
    WEEKLY_RETENTION_WEEKS,
    YEARLY_RETENTION_YEARS,
} from "../policy/rulebook/vault";
import { checkPolicy, PolicySettings } from "./validation/backupPolicy";
import { oneOf } from "./validation/choices";
import { wholeNumber } from "./validation/numbers";

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

/**
 * The policy's daily run time as the API wants it: an ISO date-time of which only the time
 * counts. The date is fixed so that plans are reproducible.
 */
export function scheduleRunTime(backupTime: string): string {
    return `2024-01-01T${backupTime}:00Z`;
}

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
