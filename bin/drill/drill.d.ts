/**
 * The restore drill: per protected VM, restore a recovery point as a new VM into the drill
 * resource group and quarantine subnet, follow the restore job, check the VM, and always remove
 * what the restore created. A sweeper first removes what a crashed drill left behind.
 *
 * REST specs (Azure/azure-rest-api-specs), at the API versions below:
 * - specification/recoveryservicesbackup/resource-manager/Microsoft.RecoveryServices/stable/2024-10-01/bms.json:
 *   BackupProtectedItems_List, RecoveryPoints_List, Restores_Trigger (IaasVMRestoreRequest),
 *   ProtectedItemOperationStatuses_Get (operationsStatus → properties.jobId), JobDetails_Get
 *   (examples/AzureIaasVm/TriggerRestore_ALR_IaasVMRestoreRequest.json, ProtectedItemOperationStatus.json,
 *   examples/Common/GetJobDetails.json)
 * - specification/recoveryservices/resource-manager/Microsoft.RecoveryServices/stable/2024-10-01/vaults.json: Vaults_Get
 * - specification/compute/resource-manager/Microsoft.Compute/ComputeRP/stable/2024-11-01/virtualMachine.json:
 *   VirtualMachines_Get, _InstanceView, _Delete (examples/virtualMachineExamples/VirtualMachine_Get_InstanceView.json)
 * - specification/compute/resource-manager/Microsoft.Compute/ComputeRP/stable/2024-11-01/runCommand.json:
 *   VirtualMachines_RunCommand (examples/runCommandExamples/VirtualMachineRunCommand.json)
 * - specification/compute/resource-manager/Microsoft.Compute/DiskRP/stable/2024-03-02/disk.json: Disks_Delete
 * - specification/network/resource-manager/Microsoft.Network/stable/2024-05-01/networkInterface.json,
 *   publicIpAddress.json, networkSecurityGroup.json, virtualNetwork.json
 * - specification/storage/resource-manager/Microsoft.Storage/stable/2024-01-01/storage.json: StorageAccounts_GetProperties
 * - specification/resources/resource-manager/Microsoft.Resources/stable/2024-03-01/resources.json:
 *   ResourceGroups_Get, Resources_ListByResourceGroup ($expand=createdTime), Tags_UpdateAtScope
 */
import { ArmClient } from "./arm";
/** The API versions azure-native 3.28 sends for these resource types (DiskRP versions separately). */
export declare const API: {
    readonly backup: "2024-10-01";
    readonly vault: "2024-10-01";
    readonly compute: "2024-11-01";
    readonly disks: "2024-03-02";
    readonly network: "2024-05-01";
    readonly resources: "2024-03-01";
    readonly storage: "2024-01-01";
};
export type RecoveryPointChoice = {
    kind: "latest";
} | {
    kind: "random";
    days: number;
};
export interface DrillOptions {
    vaultId: string;
    targetGroupId: string;
    subnetId: string;
    stagingAccountId: string;
    /** Source VM names; empty means every VM the vault protects. */
    vms: string[];
    maxParallel: number;
    recoveryPoint: RecoveryPointChoice;
    /** Bounds each VM's drill; its cleanup gets the same again. */
    timeoutMs: number;
    /** A script run in the restored VM; its exit status decides the "user check". */
    checkScript?: string;
}
export interface Check {
    name: string;
    ok: boolean;
    detail: string;
}
export interface Cleanup {
    ok: boolean;
    deleted: string[];
    leftover: string[];
}
export interface VmResult {
    vm: string;
    vmName: string;
    recoveryPoint: {
        id: string;
        time: string;
    } | null;
    restoreJobId: string | null;
    restoredVmId: string | null;
    result: "passed" | "failed";
    checks: Check[];
    cleanup: Cleanup;
    startedAt: string;
    finishedAt: string;
}
export interface DrillRun {
    vault: string;
    startedAt: string;
    finishedAt: string;
    sweep: Cleanup;
    vms: VmResult[];
}
/** The drill cannot run at all: bad arguments or an unusable vault/target (exit 2). */
export declare class DrillSetupError extends Error {
}
export type Log = (line: string) => void;
export interface ProtectedVm {
    name: string;
    sourceId: string;
    containerName: string;
    protectedItemName: string;
}
export interface Preflight {
    region: string;
    vms: ProtectedVm[];
}
/** Reads only: the vault's region, its protected VMs, the target group and the subnet's VNet. */
export declare function preflight(arm: ArmClient, options: DrillOptions, deadline: number): Promise<Preflight>;
export interface RecoveryPoint {
    id: string;
    name: string;
    time: string;
    properties: any;
}
/**
 * Recovery points a VM can be restored from: IaasVMRecoveryPoint with a Valid snapshot or vault
 * tier (an ArchivedRP alone needs rehydration first; RecoveryPoints_List example shows the tiers).
 */
export declare function restorable(points: any[]): RecoveryPoint[];
/** The latest restorable point, or one drawn at random among those of the last `days` days. */
export declare function choosePoint(points: RecoveryPoint[], choice: RecoveryPointChoice, now: number, random?: () => number): RecoveryPoint | undefined;
/**
 * The alternate-location restore request: a new VM in the drill group and the quarantine subnet
 * (IaasVMRestoreRequest in bms.json 2024-10-01; Learn: "Restore Azure VMs using REST API",
 * "Restore as another virtual machine"). ADE-encrypted points carry their key and secret.
 */
export declare function restoreRequest(options: DrillOptions, vm: ProtectedVm, point: RecoveryPoint, region: string, targetVmId: string): object;
export declare class Drill {
    private readonly arm;
    private readonly options;
    private readonly pollMs;
    private readonly log;
    constructor(arm: ArmClient, options: DrillOptions, pollMs: number, log: Log);
    run(setup: Preflight): Promise<DrillRun>;
    /** Removes drill resources older than the drill timeout: a crashed drill's leftovers. */
    sweep(): Promise<Cleanup>;
    drillVm(vm: ProtectedVm, region: string): Promise<VmResult>;
    private waitForJob;
    /** Polls the instance view until PowerState/running and a Ready VM agent, or the deadline. */
    private waitForBoot;
    /** Runs the user's script with Run Command; the exit status it reports decides. */
    private userCheck;
    /** Tags what the restore created so that the sweeper finds it after a crash; best effort. */
    private tag;
    /** Disks, NICs and (drill-named or drill-tagged) public IPs and NSGs that came with a restored VM. */
    private createdWith;
    /** Removes the restored VM and everything that came with it; by its properties and by tag/name. */
    private cleanup;
    /** Deletes in dependency order (retrying 429 and 409), then confirms each is gone. */
    private remove;
}
/** When a resource was created: ARM's createdTime, else the drill's tag, else the time in its drill name. */
export declare function birthOf(resource: any): number | undefined;
/**
 * The user's script, written to a file in the VM and run by its interpreter, followed by a line
 * `DRILL_CHECK_EXIT=<status>`: Run Command reports output, not the script's exit status.
 */
export declare function wrapCheckScript(script: string, windows: boolean): string[];
export declare function exitStatusOf(output: string): number | undefined;
/** Runs `work` over `items`, at most `limit` at once, keeping the input order in the results. */
export declare function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]>;
