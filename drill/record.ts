/**
 * The drill's record in Log Analytics: one row per drilled VM, sent through the Azure Monitor
 * Logs Ingestion API (POST {endpoint}/dataCollectionRules/{immutableId}/streams/{stream}
 * ?api-version=2023-01-01, body a JSON array, 204 on success, token audience
 * https://monitor.azure.com/; specification/monitor/data-plane/ingestion/stable/2023-01-01/DataCollectionRules.json).
 * The RestoreDrill component declares the same columns in its table and DCR stream.
 */
import type { DrillRun, VmResult } from "./drill";

/** Column types as a DCR stream declaration spells them. */
export const RECORD_COLUMNS = [
    { name: "TimeGenerated", type: "datetime" },
    { name: "Vault", type: "string" },
    { name: "Vm", type: "string" },
    { name: "VmName", type: "string" },
    { name: "Result", type: "string" },
    { name: "RecoveryPointId", type: "string" },
    { name: "RecoveryPointTime", type: "datetime" },
    { name: "RestoreJobId", type: "string" },
    { name: "RestoredVmId", type: "string" },
    { name: "DurationSeconds", type: "real" },
    { name: "Checks", type: "dynamic" },
    { name: "CleanupOk", type: "boolean" },
    { name: "Leftover", type: "dynamic" },
] as const;

export type RecordColumn = (typeof RECORD_COLUMNS)[number]["name"];
export type DrillRecord = Record<RecordColumn, string | number | boolean | null | object>;

export function recordOf(vault: string, vm: VmResult): DrillRecord {
    return {
        TimeGenerated: vm.finishedAt,
        Vault: vault,
        Vm: vm.vm,
        VmName: vm.vmName,
        Result: vm.result,
        RecoveryPointId: vm.recoveryPoint?.id ?? "",
        RecoveryPointTime: vm.recoveryPoint?.time ?? null,
        RestoreJobId: vm.restoreJobId ?? "",
        RestoredVmId: vm.restoredVmId ?? "",
        DurationSeconds: (Date.parse(vm.finishedAt) - Date.parse(vm.startedAt)) / 1000,
        Checks: vm.checks,
        CleanupOk: vm.cleanup.ok,
        Leftover: vm.cleanup.leftover,
    };
}

export function recordsOf(run: DrillRun): DrillRecord[] {
    return run.vms.map((vm) => recordOf(run.vault, vm));
}

export interface LogsTarget {
    endpoint: string;
    ruleId: string;
    stream: string;
}

export const LOGS_API_VERSION = "2023-01-01";

export function ingestionUrl(target: LogsTarget): string {
    const base = target.endpoint.replace(/\/+$/, "");
    return `${base}/dataCollectionRules/${encodeURIComponent(target.ruleId)}/streams/${encodeURIComponent(target.stream)}?api-version=${LOGS_API_VERSION}`;
}

/** Posts the records; throws with the service's error when it does not answer 204. */
export async function postRecords(target: LogsTarget, token: string, records: DrillRecord[], timeoutMs = 60_000): Promise<void> {
    if (records.length === 0) {
        return;
    }
    const response = await fetch(ingestionUrl(target), {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(records),
        signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.status !== 204 && !response.ok) {
        const body: any = await response.json().catch(() => undefined);
        throw new Error(`logs ingestion answered ${response.status}${body?.error ? ` ${body.error.code}: ${body.error.message}` : ""}`);
    }
}

/** The report file: what `--report` writes. */
export function reportOf(run: DrillRun): object {
    return {
        vault: run.vault,
        startedAt: run.startedAt,
        finishedAt: run.finishedAt,
        vms: run.vms.map((vm) => ({
            vm: vm.vm,
            recoveryPoint: vm.recoveryPoint,
            restoreJobId: vm.restoreJobId,
            restoredVmId: vm.restoredVmId,
            result: vm.result,
            checks: vm.checks,
            cleanup: vm.cleanup,
        })),
    };
}
