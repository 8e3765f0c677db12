"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LOGS_API_VERSION = exports.RECORD_COLUMNS = void 0;
exports.recordOf = recordOf;
exports.recordsOf = recordsOf;
exports.ingestionUrl = ingestionUrl;
exports.postRecords = postRecords;
exports.reportOf = reportOf;
/** Column types as a DCR stream declaration spells them. */
exports.RECORD_COLUMNS = [
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
];
function recordOf(vault, vm) {
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
function recordsOf(run) {
    return run.vms.map((vm) => recordOf(run.vault, vm));
}
exports.LOGS_API_VERSION = "2023-01-01";
function ingestionUrl(target) {
    const base = target.endpoint.replace(/\/+$/, "");
    return `${base}/dataCollectionRules/${encodeURIComponent(target.ruleId)}/streams/${encodeURIComponent(target.stream)}?api-version=${exports.LOGS_API_VERSION}`;
}
/** Posts the records; throws with the service's error when it does not answer 204. */
async function postRecords(target, token, records, timeoutMs = 60_000) {
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
        const body = await response.json().catch(() => undefined);
        throw new Error(`logs ingestion answered ${response.status}${body?.error ? ` ${body.error.code}: ${body.error.message}` : ""}`);
    }
}
/** The report file: what `--report` writes. */
function reportOf(run) {
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
