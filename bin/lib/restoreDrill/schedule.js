"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseCron = parseCron;
exports.scheduleGaps = scheduleGaps;
exports.cronKqlPredicate = cronKqlPredicate;
/**
 * The drill's schedule: a Container Apps job cron expression, read and checked here, and what
 * follows from it (how long one run may take, how long a silence means a missed run, which
 * instants a run was due at, in KQL). Container Apps jobs take "the standard cron expression
 * format with five fields for minute, hour, day of month, month, and day of week", "evaluated in
 * Universal Time Coordinated (UTC)" (learn.microsoft.com/azure/container-apps/jobs#scheduled-jobs).
 */
const errors_1 = require("../../policy/rulebook/errors");
const FIELDS = [
    { name: "minute", min: 0, max: 59 },
    { name: "hour", min: 0, max: 23 },
    { name: "day of month", min: 1, max: 31 },
    { name: "month", min: 1, max: 12 },
    // 7 is Sunday too, as in cron(5).
    { name: "day of week", min: 0, max: 7 },
];
const ALLOWED = 'a cron expression of 5 fields (minute hour day-of-month month day-of-week), in UTC, as Container Apps jobs take it: numbers, "*", ranges "a-b", steps "*/n" or "a-b/n" and lists "a,b", e.g. "0 3 * * 6"';
function range(from, to, step = 1) {
    const values = [];
    for (let value = from; value <= to; value += step) {
        values.push(value);
    }
    return values;
}
function parseField(setting, expression, text, spec) {
    const values = new Set();
    for (const part of text.split(",")) {
        const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
        if (!match) {
            (0, errors_1.invalid)(setting, `${ALLOWED} (its ${spec.name} field "${text}" is not one)`, expression);
        }
        const [, whole, low, high, step] = match;
        const from = whole === "*" ? spec.min : Number(low);
        const to = whole === "*" ? spec.max : high !== undefined ? Number(high) : step !== undefined ? spec.max : from;
        const by = step === undefined ? 1 : Number(step);
        if (from < spec.min || to > spec.max || from > to || by < 1) {
            (0, errors_1.invalid)(setting, `${ALLOWED} (its ${spec.name} field takes ${spec.min}-${spec.max}; "${part}" is outside it)`, expression);
        }
        range(from, to, by).forEach((value) => values.add(value));
    }
    return [...values].sort((a, b) => a - b);
}
/** Reads a schedule, or an error naming `setting` and the forms Container Apps jobs take. */
function parseCron(setting, expression) {
    const fields = typeof expression === "string" ? expression.trim().split(/\s+/) : [];
    if (fields.length !== FIELDS.length) {
        (0, errors_1.invalid)(setting, ALLOWED, expression);
    }
    const [minutes, hours, daysOfMonth, months, daysOfWeek] = fields.map((text, i) => parseField(setting, expression, text, FIELDS[i]));
    return {
        expression: fields.join(" "),
        minutes,
        hours,
        daysOfMonth,
        months,
        daysOfWeek: [...new Set(daysOfWeek.map((day) => day % 7))].sort((a, b) => a - b),
        dayOfMonthRestricted: fields[2] !== "*",
        dayOfWeekRestricted: fields[4] !== "*",
    };
}
function dayMatches(schedule, date) {
    if (!schedule.months.includes(date.getUTCMonth() + 1)) {
        return false;
    }
    const dom = schedule.daysOfMonth.includes(date.getUTCDate());
    const dow = schedule.daysOfWeek.includes(date.getUTCDay());
    if (schedule.dayOfMonthRestricted && schedule.dayOfWeekRestricted) {
        return dom || dow;
    }
    return dom && dow;
}
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** Five years from a leap year: every calendar pattern, Feb 29 included, repeats within it. */
const SPAN_START = Date.UTC(2024, 0, 1);
const SPAN_DAYS = 5 * 366;
/** How far apart the runs fall; an error naming `setting` when the schedule never fires. */
function scheduleGaps(setting, schedule) {
    const times = schedule.hours.flatMap((hour) => schedule.minutes.map((minute) => hour * 60 + minute));
    let previous;
    let shortest = Infinity;
    let longest = 0;
    for (let day = 0; day < SPAN_DAYS; day++) {
        const start = SPAN_START + day * DAY_MS;
        if (!dayMatches(schedule, new Date(start))) {
            continue;
        }
        const base = start / MINUTE_MS;
        for (const offset of times) {
            const time = base + offset;
            if (previous !== undefined) {
                shortest = Math.min(shortest, time - previous);
                longest = Math.max(longest, time - previous);
            }
            previous = time;
        }
    }
    if (previous === undefined || shortest === Infinity) {
        (0, errors_1.invalid)(setting, `${ALLOWED} that fires (this one names no date that exists, or fires once in five years)`, schedule.expression);
    }
    return { shortestMinutes: shortest, longestMinutes: longest };
}
/**
 * A KQL predicate that holds when the datetime `column` is a minute the schedule fires at:
 * `datetime_part` and `dayofweek` read the same UTC fields the job's cron does (Kusto's
 * datetime_part(), dayofmonth() and dayofweek(), which returns a timespan of whole days since
 * Sunday).
 */
function cronKqlPredicate(schedule, column) {
    const full = (values, spec) => values.length === spec.max - spec.min + 1;
    const within = (expression, values) => `${expression} in (${values.join(", ")})`;
    const terms = [];
    if (!full(schedule.minutes, FIELDS[0]))
        terms.push(within(`datetime_part("minute", ${column})`, schedule.minutes));
    if (!full(schedule.hours, FIELDS[1]))
        terms.push(within(`datetime_part("hour", ${column})`, schedule.hours));
    if (!full(schedule.months, FIELDS[3]))
        terms.push(within(`datetime_part("month", ${column})`, schedule.months));
    const dom = within(`dayofmonth(${column})`, schedule.daysOfMonth);
    const dow = within(`toint(dayofweek(${column}) / 1d)`, schedule.daysOfWeek);
    if (schedule.dayOfMonthRestricted && schedule.dayOfWeekRestricted) {
        terms.push(`(${dom} or ${dow})`);
    }
    else if (schedule.dayOfMonthRestricted) {
        terms.push(dom);
    }
    else if (schedule.dayOfWeekRestricted) {
        terms.push(dow);
    }
    return terms.length === 0 ? "true" : terms.join(" and ");
}
