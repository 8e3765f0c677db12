"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FAILED_DRILL_WINDOW_MINUTES = exports.INGESTION_GRACE_MINUTES = exports.ALERT_LOOKBACK_MINUTES = exports.RECORD_COLUMNS = exports.DRILL_RESULTS = exports.RECORD_STREAM = exports.RECORD_TABLE = void 0;
exports.tableColumns = tableColumns;
exports.streamColumns = streamColumns;
exports.isoMinutes = isoMinutes;
exports.failedDrillQuery = failedDrillQuery;
exports.overdueDrillQuery = overdueDrillQuery;
/**
 * The drill's record: one row per VM and run in the Log Analytics table `RestoreDrill_CL`, sent
 * by the runner through the Logs Ingestion API (a data collection endpoint and rule), and the
 * two alerts read from it. Written once here for the table, the rule's stream, the alerts and
 * the tests that parse the alerts' KQL.
 */
const schedule_1 = require("./schedule");
exports.RECORD_TABLE = "RestoreDrill_CL";
/** The DCR's input and output stream: custom streams are `Custom-<table>` (Logs Ingestion API). */
exports.RECORD_STREAM = `Custom-${exports.RECORD_TABLE}`;
/** A record's `Result`: what the runner writes and the alerts read. */
exports.DRILL_RESULTS = { passed: "passed", failed: "failed" };
/** The columns, in KQL's own type names. */
exports.RECORD_COLUMNS = [
    { name: "TimeGenerated", type: "datetime", description: "When the runner wrote the record." },
    { name: "Vault", type: "string", description: "The Recovery Services vault's ARM id." },
    { name: "Vm", type: "string", description: "The source VM's ARM id." },
    { name: "VmName", type: "string", description: "The source VM's name." },
    { name: "Result", type: "string", description: "passed or failed." },
    { name: "RecoveryPointId", type: "string", description: "The recovery point restored." },
    { name: "RecoveryPointTime", type: "datetime", description: "When that recovery point was taken." },
    { name: "RestoreJobId", type: "string", description: "The vault's restore job." },
    { name: "RestoredVmId", type: "string", description: "The clone's ARM id, deleted afterwards." },
    { name: "DurationSeconds", type: "real", description: "From restore request to cleanup." },
    { name: "Checks", type: "dynamic", description: "Each check of the clone and its outcome." },
    { name: "CleanupOk", type: "boolean", description: "Whether every resource the drill made is gone." },
    { name: "Leftover", type: "dynamic", description: "ARM ids of what cleanup could not remove." },
];
/**
 * The table's columns: Log Analytics names its date type `dateTime` (operationalinsights
 * 2023-09-01, Tables.json `Column.type`: string, int, long, real, boolean, dateTime, guid, dynamic).
 */
function tableColumns() {
    return exports.RECORD_COLUMNS.map(({ name, type, description }) => ({ name, type: type === "datetime" ? "dateTime" : type, description }));
}
/**
 * The DCR's stream declaration: data collection rules name it `datetime` (Microsoft.Insights
 * 2022-06-01, dataCollectionRules_API.json `ColumnDefinition.type`: string, int, long, real,
 * boolean, datetime, dynamic).
 */
function streamColumns() {
    return exports.RECORD_COLUMNS.map(({ name, type }) => ({ name, type }));
}
/**
 * Log search alerts look at no more than two days of data, whatever the query asks
 * (learn.microsoft.com/azure/azure-monitor/alerts/alerts-create-log-alert-rule: "The alert time
 * range is limited to a maximum of two days. Even if the query contains an ago command with a
 * time range of longer than two days, the two-day maximum time range is applied").
 */
exports.ALERT_LOOKBACK_MINUTES = 2 * 24 * 60;
/** How long after a run ends its records may still be arriving (Logs Ingestion latency is minutes). */
exports.INGESTION_GRACE_MINUTES = 30;
/** ISO 8601 duration of whole minutes, as the alert rule's `windowSize` and `evaluationFrequency` take it. */
function isoMinutes(minutes) {
    if (minutes % (24 * 60) === 0)
        return `P${minutes / (24 * 60)}D`;
    if (minutes % 60 === 0)
        return `PT${minutes / 60}H`;
    return `PT${minutes}M`;
}
/** Every failed drill, as it arrives: one alert per evaluation that finds one. */
function failedDrillQuery() {
    return `${exports.RECORD_TABLE} | where Result == "${exports.DRILL_RESULTS.failed}" | project TimeGenerated, VmName, Vm, RecoveryPointId, RestoreJobId, Checks, CleanupOk, Leftover`;
}
/** The failure alert reads each record once: its window is its frequency. */
exports.FAILED_DRILL_WINDOW_MINUTES = 15;
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
function overdueDrillQuery(args) {
    const settle = args.runMinutes + exports.INGESTION_GRACE_MINUTES;
    const expected = JSON.stringify(args.vmNames);
    return [
        `let lastDue = toscalar(range t from bin(now() - ${exports.ALERT_LOOKBACK_MINUTES}m, 1m) to bin(now() - ${settle}m, 1m) step 1m`,
        `    | where ${(0, schedule_1.cronKqlPredicate)(args.schedule, "t")}`,
        "    | summarize max(t));",
        `let since = ${exports.RECORD_TABLE} | where isnotnull(lastDue) and TimeGenerated >= lastDue;`,
        `let expected = print VmName = dynamic(${expected}) | mv-expand VmName to typeof(string);`,
        `let seen = ${exports.RECORD_TABLE} | where TimeGenerated > now() - ${exports.ALERT_LOOKBACK_MINUTES}m | distinct VmName;`,
        "let silentVms = union expected, seen | distinct VmName",
        "    | join kind=leftanti (since | distinct VmName) on VmName",
        "    | where isnotnull(lastDue)",
        '    | project Problem = strcat("no drill record of ", VmName, " since the run due at ", tostring(lastDue));',
        "let silentRun = print records = toscalar(since | count)",
        "    | where isnotnull(lastDue) and records == 0",
        '    | project Problem = strcat("no drill record at all since the run due at ", tostring(lastDue));',
        ...(args.periodMinutes <= exports.ALERT_LOOKBACK_MINUTES
            ? [
                `let unproven = ${exports.RECORD_TABLE} | where TimeGenerated > now() - ${args.periodMinutes}m`,
                `    | summarize passed = countif(Result == "${exports.DRILL_RESULTS.passed}") by VmName`,
                "    | where passed == 0",
                `    | project Problem = strcat("no passed drill of ", VmName, " in two schedule periods (${args.periodMinutes} minutes)");`,
                "union silentVms, silentRun, unproven",
            ]
            : ["union silentVms, silentRun"]),
    ].join("\n");
}
