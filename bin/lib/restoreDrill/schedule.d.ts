/** A parsed schedule: the allowed values of each field, and whether the day fields were restricted. */
export interface CronSchedule {
    expression: string;
    minutes: number[];
    hours: number[];
    daysOfMonth: number[];
    months: number[];
    /** 0 (Sunday) to 6. */
    daysOfWeek: number[];
    /** cron(5): when both day fields are restricted, a day matches either; else both. */
    dayOfMonthRestricted: boolean;
    dayOfWeekRestricted: boolean;
}
/** Reads a schedule, or an error naming `setting` and the forms Container Apps jobs take. */
export declare function parseCron(setting: string, expression: string): CronSchedule;
/** The gaps between consecutive runs, shortest and longest, in minutes, over five calendar years. */
export interface ScheduleGaps {
    shortestMinutes: number;
    longestMinutes: number;
}
/** How far apart the runs fall; an error naming `setting` when the schedule never fires. */
export declare function scheduleGaps(setting: string, schedule: CronSchedule): ScheduleGaps;
/**
 * A KQL predicate that holds when the datetime `column` is a minute the schedule fires at:
 * `datetime_part` and `dayofweek` read the same UTC fields the job's cron does (Kusto's
 * datetime_part(), dayofmonth() and dayofweek(), which returns a timespan of whole days since
 * Sunday).
 */
export declare function cronKqlPredicate(schedule: CronSchedule, column: string): string;
