/**
 * The drill's record in Log Analytics: one row per drilled VM, sent through the Azure Monitor
 * Logs Ingestion API (POST {endpoint}/dataCollectionRules/{immutableId}/streams/{stream}
 * ?api-version=2023-01-01, body a JSON array, 204 on success, token audience
 * https://monitor.azure.com/; specification/monitor/data-plane/ingestion/stable/2023-01-01/DataCollectionRules.json).
 * The RestoreDrill component declares the same columns in its table and DCR stream.
 */
import type { DrillRun, VmResult } from "./drill";
/** Column types as a DCR stream declaration spells them. */
export declare const RECORD_COLUMNS: readonly [{
    readonly name: "TimeGenerated";
    readonly type: "datetime";
}, {
    readonly name: "Vault";
    readonly type: "string";
}, {
    readonly name: "Vm";
    readonly type: "string";
}, {
    readonly name: "VmName";
    readonly type: "string";
}, {
    readonly name: "Result";
    readonly type: "string";
}, {
    readonly name: "RecoveryPointId";
    readonly type: "string";
}, {
    readonly name: "RecoveryPointTime";
    readonly type: "datetime";
}, {
    readonly name: "RestoreJobId";
    readonly type: "string";
}, {
    readonly name: "RestoredVmId";
    readonly type: "string";
}, {
    readonly name: "DurationSeconds";
    readonly type: "real";
}, {
    readonly name: "Checks";
    readonly type: "dynamic";
}, {
    readonly name: "CleanupOk";
    readonly type: "boolean";
}, {
    readonly name: "Leftover";
    readonly type: "dynamic";
}];
export type RecordColumn = (typeof RECORD_COLUMNS)[number]["name"];
export type DrillRecord = Record<RecordColumn, string | number | boolean | null | object>;
export declare function recordOf(vault: string, vm: VmResult): DrillRecord;
export declare function recordsOf(run: DrillRun): DrillRecord[];
export interface LogsTarget {
    endpoint: string;
    ruleId: string;
    stream: string;
}
export declare const LOGS_API_VERSION = "2023-01-01";
export declare function ingestionUrl(target: LogsTarget): string;
/** Posts the records; throws with the service's error when it does not answer 204. */
export declare function postRecords(target: LogsTarget, token: string, records: DrillRecord[], timeoutMs?: number): Promise<void>;
/** The report file: what `--report` writes. */
export declare function reportOf(run: DrillRun): object;
