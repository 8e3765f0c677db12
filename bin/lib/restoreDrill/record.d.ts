/**
 * The drill's record: one row per VM and run in the Log Analytics table `RestoreDrill_CL`, sent
 * by the runner through the Logs Ingestion API (a data collection endpoint and rule), and the
 * two alerts read from it. Written once here for the table, the rule's stream, the alerts and
 * the tests that parse the alerts' KQL.
 */
import { CronSchedule } from "./schedule";
export declare const RECORD_TABLE = "RestoreDrill_CL";
/** The DCR's input and output stream: custom streams are `Custom-<table>` (Logs Ingestion API). */
export declare const RECORD_STREAM = "Custom-RestoreDrill_CL";
/** A record's `Result`: what the runner writes and the alerts read. */
export declare const DRILL_RESULTS: {
    readonly passed: "passed";
    readonly failed: "failed";
};
type KqlType = "string" | "datetime" | "real" | "boolean" | "dynamic";
/** The columns, in KQL's own type names. */
export declare const RECORD_COLUMNS: ReadonlyArray<{
    name: string;
    type: KqlType;
    description: string;
}>;
/**
 * The table's columns: Log Analytics names its date type `dateTime` (operationalinsights
 * 2023-09-01, Tables.json `Column.type`: string, int, long, real, boolean, dateTime, guid, dynamic).
 */
export declare function tableColumns(): Array<{
    name: string;
    type: string;
    description: string;
}>;
/**
 * The DCR's stream declaration: data collection rules name it `datetime` (Microsoft.Insights
 * 2022-06-01, dataCollectionRules_API.json `ColumnDefinition.type`: string, int, long, real,
 * boolean, datetime, dynamic).
 */
export declare function streamColumns(): Array<{
    name: string;
    type: string;
}>;
/**
 * Log search alerts look at no more than two days of data, whatever the query asks
 * (learn.microsoft.com/azure/azure-monitor/alerts/alerts-create-log-alert-rule: "The alert time
 * range is limited to a maximum of two days. Even if the query contains an ago command with a
 * time range of longer than two days, the two-day maximum time range is applied").
 */
export declare const ALERT_LOOKBACK_MINUTES: number;
/** How long after a run ends its records may still be arriving (Logs Ingestion latency is minutes). */
export declare const INGESTION_GRACE_MINUTES = 30;
/** ISO 8601 duration of whole minutes, as the alert rule's `windowSize` and `evaluationFrequency` take it. */
export declare function isoMinutes(minutes: number): string;
/** Every failed drill, as it arrives: one alert per evaluation that finds one. */
export declare function failedDrillQuery(): string;
/** The failure alert reads each record once: its window is its frequency. */
export declare const FAILED_DRILL_WINDOW_MINUTES = 15;
export interface OverdueQueryArgs {
    schedule: CronSchedule;
    /** How long one run may take (the job's replica timeout), in minutes. */
    runMinutes: number;
    /** The VMs every run must drill; empty when the runner drills every protected item. */
    vmNames: readonly string[];
    /** Two schedule periods (twice the longest gap between runs), in minutes. */
    periodMinutes: number;
}
/**
 * The dead man's switch: a run was due (the schedule fired between two days ago and the time a
 * run takes, plus ingestion, ago) and since then no record arrived at all, or a VM the drill must
 * cover sent none. A run that failed is the other alert's; this one is about silence: a job that
 * stopped running, a runner that crashed, a VM dropped from the run. Two days is Azure's limit on
 * what an alert can read, which a schedule of weekly drills (two periods: fourteen days) exceeds:
 * instead of looking back two periods, the query finds the last run that was due from the
 * schedule itself, so a silent run is caught within the hour after it should have ended, whatever
 * the period. Where two periods do fit in those two days (drills twice a day or more often), it
 * also names every VM without a passed drill in two periods: one that keeps failing.
 */
export declare function overdueDrillQuery(args: OverdueQueryArgs): string;
export {};
