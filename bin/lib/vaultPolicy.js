"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.VAULT_POLICY_DEFAULTS = exports.HOURLY_WINDOW_HOURS = exports.HOURLY_INTERVALS = exports.BACKUP_FREQUENCIES = exports.MONTHS = exports.DAYS_OF_WEEK = exports.YEARLY_RETENTION_YEARS = exports.MONTHLY_RETENTION_MONTHS = exports.WEEKLY_RETENTION_WEEKS = exports.POLICY_TYPE_VERSIONS = void 0;
exports.dailySchedulePolicy = dailySchedulePolicy;
exports.scheduleRunTime = scheduleRunTime;
exports.oneOf = oneOf;
exports.checkVaultPolicy = checkVaultPolicy;
exports.schedulePolicy = schedulePolicy;
exports.retentionPolicy = retentionPolicy;
const errors_1 = require("../policy/rulebook/errors");
const backupPolicy_1 = require("./validation/backupPolicy");
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
/** Azure's name for each policy type. */
exports.POLICY_TYPE_VERSIONS = { Enhanced: "V2", Standard: "V1" };
/**
 * The policy's daily run time as the API wants it: an ISO date-time of which only the time
 * counts. The date is fixed so that plans are reproducible.
 */
function scheduleRunTime(backupTime) {
    return `2024-01-01T${backupTime}:00Z`;
}
/**
 * The longest retention of each tier, 0 turning it off. Microsoft documents the same maxima for
 * every vault-tier recovery point (Azure Backup support matrices: 9999 days, 5163 weeks, 1188
 * months, 99 years); the daily range is `RETENTION_DAYS`.
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
/** `hourlySchedule.scheduleWindowDuration`, in hours: the portal's and azurerm's `hour_duration` range, 4 to 24. */
exports.HOURLY_WINDOW_HOURS = { min: 4, max: 24, reason: "Azure's backup window for hourly backups" };
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
/** One of a list of allowed values, or an error that names the setting and lists them. */
function oneOf(setting, value, allowed, why = "") {
    if (!allowed.includes(value)) {
        (0, errors_1.invalid)(setting, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}${why}`, value);
    }
    return value;
}
/** Everything the policy takes, each value in Azure's range and the combinations Azure accepts. */
function checkVaultPolicy(policy) {
    (0, backupPolicy_1.checkPolicy)(policy);
    oneOf("backupFrequency", policy.backupFrequency, exports.BACKUP_FREQUENCIES);
    if (policy.backupFrequency === "Hourly") {
        if (policy.backupPolicyType !== "Enhanced") {
            (0, errors_1.invalid)("backupFrequency", '"Daily" with a Standard policy: hourly backups are a feature of the Enhanced policy (V2)', policy.backupFrequency);
        }
        oneOf("hourlyInterval", policy.hourlyInterval, exports.HOURLY_INTERVALS, " (hours between backups)");
        (0, numbers_1.wholeNumber)("hourlyWindowHours", policy.hourlyWindowHours, exports.HOURLY_WINDOW_HOURS);
        if (policy.hourlyWindowHours < policy.hourlyInterval) {
            (0, errors_1.invalid)("hourlyWindowHours", `at least hourlyInterval (${policy.hourlyInterval}): the window must hold a backup`, policy.hourlyWindowHours);
        }
    }
    (0, numbers_1.wholeNumber)("weeklyRetentionWeeks", policy.weeklyRetentionWeeks, exports.WEEKLY_RETENTION_WEEKS);
    (0, numbers_1.wholeNumber)("monthlyRetentionMonths", policy.monthlyRetentionMonths, exports.MONTHLY_RETENTION_MONTHS);
    (0, numbers_1.wholeNumber)("yearlyRetentionYears", policy.yearlyRetentionYears, exports.YEARLY_RETENTION_YEARS);
    oneOf("retentionDay", policy.retentionDay, exports.DAYS_OF_WEEK);
    oneOf("yearlyRetentionMonth", policy.yearlyRetentionMonth, exports.MONTHS);
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
