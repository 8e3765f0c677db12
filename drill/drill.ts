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
import { ArmClient, ArmError, DeadlineError } from "./arm";
import {
    DRILL_TAG,
    DRILL_TAG_SOURCE,
    DRILL_TAG_STARTED,
    drillNameOf,
    drillVmName,
    isInGroup,
    parseId,
    protectedItemPath,
    sameId,
    vnetOfSubnet,
} from "./ids";

/** The API versions azure-native 3.28 sends for these resource types (DiskRP versions separately). */
export const API = {
    backup: "2024-10-01",
    vault: "2024-10-01",
    compute: "2024-11-01",
    disks: "2024-03-02",
    network: "2024-05-01",
    resources: "2024-03-01",
    storage: "2024-01-01",
} as const;

/** What the drill may delete, in the order it deletes: a VM before its NICs and disks, a NIC before its public IP. */
const DELETABLE: { type: string; apiVersion: string }[] = [
    { type: "microsoft.compute/virtualmachines", apiVersion: API.compute },
    { type: "microsoft.network/networkinterfaces", apiVersion: API.network },
    { type: "microsoft.network/publicipaddresses", apiVersion: API.network },
    { type: "microsoft.network/networksecuritygroups", apiVersion: API.network },
    { type: "microsoft.compute/disks", apiVersion: API.disks },
];

export type RecoveryPointChoice = { kind: "latest" } | { kind: "random"; days: number };

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
    recoveryPoint: { id: string; time: string } | null;
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
export class DrillSetupError extends Error {}

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
export async function preflight(arm: ArmClient, options: DrillOptions, deadline: number): Promise<Preflight> {
    const vault = await arm.find(options.vaultId, API.vault, deadline);
    if (!vault) {
        throw new DrillSetupError(`--vault: no Recovery Services vault ${options.vaultId}`);
    }
    const region = String(vault.location ?? "");
    const items = await arm.list(`${options.vaultId}/backupProtectedItems`, API.backup, deadline, {
        $filter: "backupManagementType eq 'AzureIaasVM' and itemType eq 'VM'",
    });
    const protectedVms: ProtectedVm[] = [];
    for (const item of items) {
        const properties = item?.properties ?? {};
        const path = protectedItemPath(String(item?.id ?? ""));
        if (!path || !/^Microsoft\.Compute\/virtualMachines$/i.test(String(properties.protectedItemType ?? ""))) {
            continue;
        }
        const sourceId = String(properties.sourceResourceId ?? properties.virtualMachineId ?? "");
        const name = String(properties.friendlyName ?? parseId(sourceId)?.name ?? "");
        protectedVms.push({ name, sourceId, ...path });
    }
    const selected: ProtectedVm[] = [];
    for (const wanted of options.vms) {
        const match = protectedVms.find((vm) => vm.name.toLowerCase() === wanted.toLowerCase());
        if (!match) {
            const known = protectedVms.map((vm) => vm.name).join(", ") || "none";
            throw new DrillSetupError(`--vm ${wanted}: the vault protects no VM of that name (it protects: ${known})`);
        }
        if (!selected.includes(match)) {
            selected.push(match);
        }
    }
    if (!(await arm.find(options.targetGroupId, API.resources, deadline))) {
        throw new DrillSetupError(`--target-resource-group: no resource group ${options.targetGroupId}`);
    }
    const vnet = await arm.find(vnetOfSubnet(options.subnetId), API.network, deadline);
    const subnet = vnet && (await arm.find(options.subnetId, API.network, deadline));
    if (!subnet) {
        throw new DrillSetupError(`--quarantine-subnet: no subnet ${options.subnetId}`);
    }
    if (normalRegion(vnet.location) !== normalRegion(region)) {
        throw new DrillSetupError(
            `--quarantine-subnet: its virtual network is in ${vnet.location}, the vault in ${region}; a VM restores into the vault's region`,
        );
    }
    const staging = await arm.find(options.stagingAccountId, API.storage, deadline);
    if (!staging) {
        throw new DrillSetupError(`--staging-account: no storage account ${options.stagingAccountId}`);
    }
    if (normalRegion(staging.location) !== normalRegion(region)) {
        throw new DrillSetupError(`--staging-account: it is in ${staging.location}, the vault in ${region}; the restore stages in the vault's region`);
    }
    const vms = options.vms.length > 0 ? selected : protectedVms;
    if (vms.length === 0) {
        throw new DrillSetupError(`--vault: ${vault.name ?? options.vaultId} protects no Azure VM; there is nothing to drill`);
    }
    return { region, vms };
}

function normalRegion(region: unknown): string {
    return String(region ?? "").replace(/\s+/g, "").toLowerCase();
}

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
export function restorable(points: any[]): RecoveryPoint[] {
    return points
        .filter((point) => point?.properties?.objectType === "IaasVMRecoveryPoint")
        .filter((point) => {
            const tiers: any[] = point.properties.recoveryPointTierDetails ?? [];
            return tiers.length === 0 || tiers.some((tier) => /^(InstantRP|HardenedRP)$/.test(tier?.type) && tier?.status === "Valid");
        })
        .map((point) => ({ id: String(point.id), name: String(point.name), time: String(point.properties.recoveryPointTime), properties: point.properties }))
        .filter((point) => !Number.isNaN(Date.parse(point.time)))
        .sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
}

/** The latest restorable point, or one drawn at random among those of the last `days` days. */
export function choosePoint(points: RecoveryPoint[], choice: RecoveryPointChoice, now: number, random: () => number = Math.random): RecoveryPoint | undefined {
    if (choice.kind === "latest") {
        return points[0];
    }
    const window = points.filter((point) => Date.parse(point.time) >= now - choice.days * 86_400_000);
    return window.length === 0 ? undefined : window[Math.min(window.length - 1, Math.floor(random() * window.length))];
}

/**
 * The alternate-location restore request: a new VM in the drill group and the quarantine subnet
 * (IaasVMRestoreRequest in bms.json 2024-10-01; Learn: "Restore Azure VMs using REST API",
 * "Restore as another virtual machine"). ADE-encrypted points carry their key and secret.
 */
export function restoreRequest(options: DrillOptions, vm: ProtectedVm, point: RecoveryPoint, region: string, targetVmId: string): object {
    const keys = point.properties.keyAndSecret;
    const encryptionDetails =
        point.properties.isSourceVMEncrypted && keys
            ? {
                  encryptionEnabled: true,
                  kekUrl: keys.kekDetails?.keyUrl,
                  kekVaultId: keys.kekDetails?.keyVaultId,
                  secretKeyUrl: keys.bekDetails?.secretUrl,
                  secretKeyVaultId: keys.bekDetails?.secretVaultId,
              }
            : { encryptionEnabled: false };
    return {
        properties: {
            objectType: "IaasVMRestoreRequest",
            recoveryPointId: point.name,
            recoveryType: "AlternateLocation",
            sourceResourceId: vm.sourceId,
            targetVirtualMachineId: targetVmId,
            targetResourceGroupId: options.targetGroupId,
            storageAccountId: options.stagingAccountId,
            virtualNetworkId: vnetOfSubnet(options.subnetId),
            subnetId: options.subnetId,
            region,
            createNewCloudService: false,
            originalStorageAccountOption: false,
            encryptionDetails,
        },
    };
}

const JOB_DONE_OK = /^(Completed|CompletedWithWarnings)$/;
const JOB_DONE_BAD = /^(Failed|Cancelled)$/;

export class Drill {
    constructor(
        private readonly arm: ArmClient,
        private readonly options: DrillOptions,
        private readonly pollMs: number,
        private readonly log: Log,
    ) {}

    async run(setup: Preflight): Promise<DrillRun> {
        const startedAt = new Date().toISOString();
        this.log(`drill: vault ${parseId(this.options.vaultId)?.name} in ${setup.region}, ${setup.vms.length} VM(s), at most ${this.options.maxParallel} at a time`);
        const sweep = await this.sweep();
        const vms = await pool(setup.vms, this.options.maxParallel, (vm) => this.drillVm(vm, setup.region));
        return { vault: this.options.vaultId, startedAt, finishedAt: new Date().toISOString(), sweep, vms };
    }

    /** Removes drill resources older than the drill timeout: a crashed drill's leftovers. */
    async sweep(): Promise<Cleanup> {
        const deadline = Date.now() + this.options.timeoutMs;
        const cutoff = Date.now() - this.options.timeoutMs;
        const resources = await this.arm.list(`${this.options.targetGroupId}/resources`, API.resources, deadline, { $expand: "createdTime" });
        const stale = new Set<string>();
        for (const resource of resources) {
            const born = birthOf(resource);
            const marked = resource?.tags?.[DRILL_TAG] !== undefined || drillNameOf(String(resource?.name ?? "")) !== undefined;
            if (marked && born !== undefined && born < cutoff) {
                stale.add(String(resource.id));
            }
        }
        if (stale.size === 0) {
            this.log("sweep: nothing left behind by earlier drills");
            return { ok: true, deleted: [], leftover: [] };
        }
        for (const id of [...stale]) {
            if (parseId(id)?.type.toLowerCase() === "microsoft.compute/virtualmachines") {
                const vm = await this.arm.find(id, API.compute, deadline).catch(() => undefined);
                for (const child of await this.createdWith(vm, deadline)) {
                    stale.add(child);
                }
            }
        }
        this.log(`sweep: removing ${stale.size} resource(s) left behind by earlier drills`);
        const result = await this.remove([...stale], deadline);
        this.log(`sweep: ${result.ok ? "done" : `left over: ${result.leftover.join(", ")}`}`);
        return result;
    }

    async drillVm(vm: ProtectedVm, region: string): Promise<VmResult> {
        const started = Date.now();
        const deadline = started + this.options.timeoutMs;
        const say = (line: string) => this.log(`[${vm.name}] ${line}`);
        const result: VmResult = {
            vm: vm.sourceId,
            vmName: vm.name,
            recoveryPoint: null,
            restoreJobId: null,
            restoredVmId: null,
            result: "failed",
            checks: [],
            cleanup: { ok: true, deleted: [], leftover: [] },
            startedAt: new Date(started).toISOString(),
            finishedAt: "",
        };
        const check = (name: string, ok: boolean, detail: string) => {
            result.checks.push({ name, ok, detail });
            say(`${ok ? "ok" : "FAILED"} ${name}: ${detail}`);
        };
        let step = "recovery point";
        let restoredName: string | undefined;
        try {
            const itemPath = `${this.options.vaultId}/backupFabrics/Azure/protectionContainers/${vm.containerName}/protectedItems/${vm.protectedItemName}`;
            const points = restorable(await this.arm.list(`${itemPath}/recoveryPoints`, API.backup, deadline));
            const point = choosePoint(points, this.options.recoveryPoint, Date.now());
            if (!point) {
                const which = this.options.recoveryPoint.kind === "latest" ? "" : ` within the last ${this.options.recoveryPoint.days} day(s)`;
                check(step, false, `no restorable recovery point${which}`);
                return result;
            }
            result.recoveryPoint = { id: point.id, time: point.time };
            check(step, true, `${point.name} of ${point.time}`);

            step = "restore job";
            restoredName = drillVmName(started);
            const targetVmId = `${this.options.targetGroupId}/providers/Microsoft.Compute/virtualMachines/${restoredName}`;
            result.restoredVmId = targetVmId;
            const restoreUrl = this.arm.url(`${itemPath}/recoveryPoints/${encodeURIComponent(point.name)}/restore`, API.backup);
            say(`restoring ${point.name} as ${restoredName}`);
            const accepted = await this.arm.call("POST", restoreUrl, {
                deadline,
                body: restoreRequest(this.options, vm, point, region, targetVmId),
            });
            if (!accepted.headers.get("azure-asyncoperation")) {
                throw new ArmError("POST", restoreUrl, accepted.status, "NoAsyncOperation", "the restore answered no Azure-AsyncOperation to learn its job from");
            }
            const operation = await this.arm.followOperation(accepted, deadline, "restore request");
            const jobName = String(operation?.properties?.jobId ?? "");
            if (jobName === "") {
                throw new ArmError("GET", "operationsStatus", 200, "NoJobId", "the restore operation finished without a jobId");
            }
            result.restoreJobId = `${this.options.vaultId}/backupJobs/${jobName}`;
            say(`restore job ${jobName} started`);
            const job = await this.waitForJob(result.restoreJobId, deadline);
            const status = String(job?.properties?.status);
            if (!JOB_DONE_OK.test(status)) {
                const errors: any[] = job?.properties?.errorDetails ?? [];
                const why = errors.map((error) => error?.errorString ?? error?.errorTitle ?? error?.errorCode).filter(Boolean).join("; ");
                check(step, false, `job ${jobName} ${status}${why ? `: ${why}` : ""}`);
                return result;
            }
            check(step, true, `job ${jobName} ${status}`);

            step = "provisioning";
            const restored = await this.arm.find(targetVmId, API.compute, deadline);
            if (!restored) {
                check(step, false, `the job completed but ${restoredName} does not exist`);
                return result;
            }
            await this.tag([targetVmId, ...(await this.createdWith(restored, deadline))], restoredName, vm.name, started, deadline);
            const provisioning = String(restored.properties?.provisioningState);
            check(step, provisioning === "Succeeded", `provisioningState ${provisioning}`);

            step = "boot";
            await this.waitForBoot(targetVmId, deadline, check);

            if (this.options.checkScript !== undefined && result.checks.every((c) => c.ok)) {
                step = "user check";
                await this.userCheck(targetVmId, restored, deadline, check);
            }
        } catch (error) {
            check(step, false, describe(error, this.options.timeoutMs));
        } finally {
            if (restoredName) {
                result.cleanup = await this.cleanup(restoredName, result.restoredVmId!, say);
            }
            result.result = result.checks.length > 0 && result.checks.every((c) => c.ok) && result.cleanup.ok ? "passed" : "failed";
            result.finishedAt = new Date().toISOString();
            say(`${result.result} in ${Math.round((Date.now() - started) / 1000)} s`);
        }
        return result;
    }

    private async waitForJob(jobId: string, deadline: number): Promise<any> {
        for (;;) {
            const job = await this.arm.get(jobId, API.backup, deadline);
            const status = String(job?.properties?.status ?? "");
            if (JOB_DONE_OK.test(status) || JOB_DONE_BAD.test(status)) {
                return job;
            }
            await sleepUntil(this.pollMs, deadline, "restore job");
        }
    }

    /** Polls the instance view until PowerState/running and a Ready VM agent, or the deadline. */
    private async waitForBoot(vmId: string, deadline: number, check: (name: string, ok: boolean, detail: string) => void): Promise<void> {
        let power = "no PowerState yet";
        let agent = "no VM agent status yet";
        for (;;) {
            let view: any;
            try {
                view = await this.arm.get(`${vmId}/instanceView`, API.compute, deadline);
            } catch (error) {
                if (error instanceof DeadlineError) {
                    break;
                }
                throw error;
            }
            const statuses: any[] = view?.statuses ?? [];
            power = String(statuses.find((s) => String(s?.code).startsWith("PowerState/"))?.code ?? power);
            const agentStatus = (view?.vmAgent?.statuses ?? [])[0];
            if (agentStatus) {
                agent = `${agentStatus.displayStatus ?? agentStatus.code}${agentStatus.message ? ` (${agentStatus.message})` : ""}`;
            }
            const running = power === "PowerState/running";
            const ready = agentStatus?.code === "ProvisioningState/succeeded" && agentStatus?.displayStatus === "Ready";
            if (running && ready) {
                check("power state", true, power);
                check("VM agent", true, `${agent}, version ${view?.vmAgent?.vmAgentVersion ?? "unknown"}`);
                return;
            }
            if (Date.now() + this.pollMs > deadline) {
                break;
            }
            await sleepUntil(this.pollMs, deadline, "boot");
        }
        const minutes = this.options.timeoutMs / 60_000;
        check("power state", power === "PowerState/running", `${power}${power === "PowerState/running" ? "" : ` after ${minutes} min`}`);
        check("VM agent", false, `not Ready after ${minutes} min: ${agent}`);
    }

    /** Runs the user's script with Run Command; the exit status it reports decides. */
    private async userCheck(vmId: string, vm: any, deadline: number, check: (name: string, ok: boolean, detail: string) => void): Promise<void> {
        const windows = String(vm?.properties?.storageProfile?.osDisk?.osType) === "Windows";
        const url = this.arm.url(`${vmId}/runCommand`, API.compute);
        const accepted = await this.arm.call("POST", url, {
            deadline,
            body: { commandId: windows ? "RunPowerShellScript" : "RunShellScript", script: wrapCheckScript(this.options.checkScript!, windows) },
        });
        const outcome = await this.arm.followOperation(accepted, deadline, "run command");
        const messages: string[] = (outcome?.value ?? []).map((status: any) => String(status?.message ?? ""));
        const exit = exitStatusOf(messages.join("\n"));
        const output = messages.join(" ").replace(/DRILL_CHECK_EXIT=\d+/g, "").replace(/\s+/g, " ").trim().slice(-200);
        check("user check", exit === 0, exit === undefined ? `the script reported no exit status${output ? `: ${output}` : ""}` : `exit status ${exit}${output ? `: ${output}` : ""}`);
    }

    /** Tags what the restore created so that the sweeper finds it after a crash; best effort. */
    private async tag(ids: string[], restoredName: string, source: string, started: number, deadline: number): Promise<void> {
        for (const id of ids) {
            const url = this.arm.url(`${id}/providers/Microsoft.Resources/tags/default`, API.resources);
            const body = { operation: "Merge", properties: { tags: { [DRILL_TAG]: restoredName, [DRILL_TAG_STARTED]: new Date(started).toISOString(), [DRILL_TAG_SOURCE]: source } } };
            const response = await this.arm.send("PATCH", url, { deadline, body }).catch((error) => ({ status: 0, body: String(error) }) as const);
            if (response.status >= 300 || response.status === 0) {
                this.log(`[${source}] could not tag ${id} (${response.status}); the sweeper still finds it by name`);
            }
        }
    }

    /** Disks, NICs and (drill-named or drill-tagged) public IPs and NSGs that came with a restored VM. */
    private async createdWith(vm: any, deadline: number): Promise<string[]> {
        if (!vm?.properties) {
            return [];
        }
        const storage = vm.properties.storageProfile ?? {};
        const ids: string[] = [];
        const add = (id: unknown) => typeof id === "string" && id !== "" && ids.push(id);
        add(storage.osDisk?.managedDisk?.id);
        for (const disk of storage.dataDisks ?? []) {
            add(disk?.managedDisk?.id);
        }
        for (const nicRef of vm.properties.networkProfile?.networkInterfaces ?? []) {
            const nicId = nicRef?.id;
            if (typeof nicId !== "string" || !isInGroup(nicId, this.options.targetGroupId)) {
                continue;
            }
            add(nicId);
            const nic = await this.arm.find(nicId, API.network, deadline).catch(() => undefined);
            for (const config of nic?.properties?.ipConfigurations ?? []) {
                add(config?.properties?.publicIPAddress?.id);
            }
            const nsg = nic?.properties?.networkSecurityGroup?.id;
            if (typeof nsg === "string" && drillNameOf(parseId(nsg)?.name ?? "")) {
                add(nsg);
            }
        }
        return ids.filter((id) => isInGroup(id, this.options.targetGroupId));
    }

    /** Removes the restored VM and everything that came with it; by its properties and by tag/name. */
    private async cleanup(restoredName: string, restoredVmId: string, say: Log): Promise<Cleanup> {
        const deadline = Date.now() + this.options.timeoutMs;
        const ids = new Set<string>();
        try {
            const vm = await this.arm.find(restoredVmId, API.compute, deadline);
            if (vm) {
                ids.add(restoredVmId);
                for (const id of await this.createdWith(vm, deadline)) {
                    ids.add(id);
                }
            }
            for (const resource of await this.arm.list(`${this.options.targetGroupId}/resources`, API.resources, deadline)) {
                const name = String(resource?.name ?? "");
                if (drillNameOf(name) === restoredName || resource?.tags?.[DRILL_TAG] === restoredName) {
                    ids.add(String(resource.id));
                }
            }
        } catch (error) {
            say(`cleanup could not list what the restore created: ${describe(error, this.options.timeoutMs)}`);
            return { ok: false, deleted: [], leftover: [restoredVmId] };
        }
        if (ids.size === 0) {
            say("cleanup: the restore created nothing");
            return { ok: true, deleted: [], leftover: [] };
        }
        say(`cleanup: deleting ${ids.size} resource(s)`);
        const result = await this.remove(dedupe([...ids]), deadline);
        say(result.ok ? `cleanup: deleted ${result.deleted.length}` : `cleanup: LEFT OVER ${result.leftover.join(", ")}`);
        return result;
    }

    /** Deletes in dependency order (retrying 429 and 409), then confirms each is gone. */
    private async remove(ids: string[], deadline: number): Promise<Cleanup> {
        const inGroup = ids.filter((id) => isInGroup(id, this.options.targetGroupId));
        const ordered = [...inGroup].sort((a, b) => rank(a) - rank(b));
        const deleted: string[] = [];
        const leftover: string[] = [];
        for (const id of ordered) {
            const kind = DELETABLE[rank(id)];
            if (!kind) {
                leftover.push(id);
                continue;
            }
            try {
                const url = this.arm.url(id, kind.apiVersion);
                const response = await this.arm.send("DELETE", url, { deadline, retryConflict: true });
                if (response.status === 202) {
                    await this.arm.followOperation(response, deadline, `delete ${parseId(id)?.name}`);
                } else if (response.status >= 300 && response.status !== 404) {
                    throw new ArmError("DELETE", url, response.status, String(response.body?.error?.code ?? response.status), String(response.body?.error?.message ?? ""));
                }
                const still = await this.arm.find(id, kind.apiVersion, deadline);
                (still ? leftover : deleted).push(id);
            } catch (error) {
                this.log(`delete ${id}: ${describe(error, this.options.timeoutMs)}`);
                leftover.push(id);
            }
        }
        for (const id of ids.filter((id) => !isInGroup(id, this.options.targetGroupId))) {
            leftover.push(id);
        }
        return { ok: leftover.length === 0, deleted, leftover };
    }
}

function rank(id: string): number {
    const type = parseId(id)?.type.toLowerCase();
    const index = DELETABLE.findIndex((kind) => kind.type === type);
    return index === -1 ? DELETABLE.length : index;
}

function dedupe(ids: string[]): string[] {
    const out: string[] = [];
    for (const id of ids) {
        if (!out.some((known) => sameId(known, id))) {
            out.push(id);
        }
    }
    return out;
}

/** When a resource was created: ARM's createdTime, else the drill's tag, else the time in its drill name. */
export function birthOf(resource: any): number | undefined {
    const created = Date.parse(String(resource?.createdTime ?? ""));
    if (!Number.isNaN(created)) {
        return created;
    }
    const tagged = Date.parse(String(resource?.tags?.[DRILL_TAG_STARTED] ?? ""));
    if (!Number.isNaN(tagged)) {
        return tagged;
    }
    const name = drillNameOf(String(resource?.name ?? ""));
    return name ? parseInt(name.slice(3, 10), 36) * 1000 : undefined;
}

/**
 * The user's script, written to a file in the VM and run by its interpreter, followed by a line
 * `DRILL_CHECK_EXIT=<status>`: Run Command reports output, not the script's exit status.
 */
export function wrapCheckScript(script: string, windows: boolean): string[] {
    const lines = script.replace(/\r\n/g, "\n").replace(/\n+$/, "").split("\n");
    if (windows) {
        return [
            "$drillCheck = Join-Path $env:TEMP 'restore-drill-check.ps1'",
            "@'",
            ...lines,
            "'@ | Set-Content -Path $drillCheck -Encoding UTF8",
            "powershell.exe -NoProfile -ExecutionPolicy Bypass -File $drillCheck",
            '"DRILL_CHECK_EXIT=$LASTEXITCODE"',
        ];
    }
    const marker = "RESTORE_DRILL_CHECK_EOF";
    return [
        "drill_check=$(mktemp)",
        `cat > "$drill_check" <<'${marker}'`,
        ...lines,
        marker,
        'if command -v bash >/dev/null 2>&1; then bash "$drill_check"; else sh "$drill_check"; fi',
        'echo "DRILL_CHECK_EXIT=$?"',
        'rm -f "$drill_check"',
    ];
}

export function exitStatusOf(output: string): number | undefined {
    const matches = [...output.matchAll(/DRILL_CHECK_EXIT=(-?\d+)/g)];
    return matches.length === 0 ? undefined : Number(matches[matches.length - 1][1]);
}

function describe(error: unknown, timeoutMs: number): string {
    if (error instanceof DeadlineError) {
        return `timed out after ${timeoutMs / 60_000} min (${error.message})`;
    }
    return error instanceof Error ? error.message : String(error);
}

async function sleepUntil(ms: number, deadline: number, what: string): Promise<void> {
    if (Date.now() + ms > deadline) {
        throw new DeadlineError(`${what}: out of time`);
    }
    await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `work` over `items`, at most `limit` at once, keeping the input order in the results. */
export async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
    const results: R[] = new Array(items.length);
    let next = 0;
    const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await work(items[index]);
        }
    });
    await Promise.all(workers);
    return results;
}
