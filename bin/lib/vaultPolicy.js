"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.VAULT_POLICY_DEFAULTS = void 0;
exports.dailySchedulePolicy = dailySchedulePolicy;
exports.scheduleRunTime = scheduleRunTime;
exports.checkVaultPolicy = checkVaultPolicy;
exports.schedulePolicy = schedulePolicy;
exports.retentionPolicy = retentionPolicy;
const errors_1 = require("../policy/rulebook/errors");
const vault_1 = require("../policy/rulebook/vault");
const backupPolicy_1 = require("./validation/backupPolicy");
const choices_1 = require("./validation/choices");
const numbers_1 = require("./validation/numbers");
/**
 * A daily schedule in the shape each policy type takes: Standard (V1) lists the run times on the
 * schedule, Enhanced (V2) under `dailySchedule`.
 */
function dailySchedulePolicy(policyType, runTime) {
    return policyType === "Enhanced"
        ? { schedulePolicyType: "SimpleSchedulePolicyV2", scheduleRunFrequency: "Daily", dailySchedule: { scheduleRunTimes: [runTime] } }
        : { schedulePolicyType: "SimpleSchedulePolicy", scheduleRunFrequency: "Daily", scheduleRunTimes: [runTime] };
}
/**
 * The policy's daily run time as the API wants it: an ISO date-time of which only the time
 * counts. The date is fixed so that plans are reproducible.
 */
function scheduleRunTime(backupTime) {
    return `2024-01-01T${backupTime}:00Z`;
}
exports.VAULT_POLICY_DEFAULTS = {
    backupFrequency: "Daily",
    hourlyInterval: 4,
    hourlyWindowHours: 24,
    weeklyRetentionWeeks: 0,
    monthlyRetentionMonths: 0,
    yearlyRetentionYears: 0,
    retentionDay: "Sunday",
    yearlyRetentionMonth: "January",
};
/** Everything the policy takes, each value in Azure's range and the combinations Azure accepts. */
function checkVaultPolicy(policy) {
    (0, backupPolicy_1.checkPolicy)(policy);
    (0, choices_1.oneOf)("backupFrequency", policy.backupFrequency, vault_1.BACKUP_FREQUENCIES);
    if (policy.backupFrequency === "Hourly") {
        if (policy.backupPolicyType !== "Enhanced") {
            (0, errors_1.invalid)("backupFrequency", '"Daily" with a Standard policy: hourly backups are a feature of the Enhanced policy (V2)', policy.backupFrequency);
        }
        (0, choices_1.oneOf)("hourlyInterval", policy.hourlyInterval, vault_1.HOURLY_INTERVALS, " (hours between backups)");
        (0, numbers_1.wholeNumber)("hourlyWindowHours", policy.hourlyWindowHours, vault_1.HOURLY_WINDOW_HOURS);
        if (policy.hourlyWindowHours < policy.hourlyInterval) {
            (0, errors_1.invalid)("hourlyWindowHours", `at least hourlyInterval (${policy.hourlyInterval}): the window must hold a backup`, policy.hourlyWindowHours);
        }
    }
    (0, numbers_1.wholeNumber)("weeklyRetentionWeeks", policy.weeklyRetentionWeeks, vault_1.WEEKLY_RETENTION_WEEKS);
    (0, numbers_1.wholeNumber)("monthlyRetentionMonths", policy.monthlyRetentionMonths, vault_1.MONTHLY_RETENTION_MONTHS);
    (0, numbers_1.wholeNumber)("yearlyRetentionYears", policy.yearlyRetentionYears, vault_1.YEARLY_RETENTION_YEARS);
    (0, choices_1.oneOf)("retentionDay", policy.retentionDay, vault_1.DAYS_OF_WEEK);
    (0, choices_1.oneOf)("yearlyRetentionMonth", policy.yearlyRetentionMonth, vault_1.MONTHS);
}
/**
 * The schedule in the shape of its policy type: V1 (Standard) daily, V2 (Enhanced) daily, or V2
 * hourly from `runTime` for `hourlyWindowHours`, every `hourlyInterval` hours.
 */
function schedulePolicy(policy, runTime) {
    if (policy.backupFrequency === "Hourly") {
        return {
            schedulePolicyType: "SimpleSchedulePolicyV2",
            scheduleRunFrequency: "Hourly",
            hourlySchedule: { interval: policy.hourlyInterval, scheduleWindowStartTime: runTime, scheduleWindowDuration: policy.hourlyWindowHours },
        };
    }
    return dailySchedulePolicy(policy.backupPolicyType, runTime);
}
/**
 * Daily retention, and each tier that is on: weekly on `retentionDay`, monthly and yearly on the
 * first such day of the month (yearly in `yearlyRetentionMonth`), all from the backup at `runTime`.
 */
function retentionPolicy(policy, runTime) {
    const retentionTimes = [runTime];
    const day = [policy.retentionDay];
    const firstDayOfMonth = { daysOfTheWeek: day, weeksOfTheMonth: ["First"] };
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
                monthsOfYear: [policy.yearlyRetentionMonth],
                retentionScheduleWeekly: firstDayOfMonth,
                retentionTimes,
                retentionDuration: { count: policy.yearlyRetentionYears, durationType: "Years" },
            },
        }),
    };
}
