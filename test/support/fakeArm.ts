/**
 * A fake Azure Resource Manager on 127.0.0.1 for the restore drill's tests. Requests and answers
 * follow the REST specs (Azure/azure-rest-api-specs) of the API versions the drill uses:
 * - recoveryservicesbackup 2024-10-01 (…/Microsoft.RecoveryServices/stable/2024-10-01/bms.json and its
 *   examples AzureIaasVm/BackupProtectedItems_List.json, RecoveryPoints_List.json,
 *   TriggerRestore_ALR_IaasVMRestoreRequest.json, ProtectedItemOperationStatus.json,
 *   ProtectedItemOperationResults.json, Common/GetJobDetails.json); vault GET per recoveryservices
 *   2024-10-01 vaults.json;
 * - compute 2024-11-01 (ComputeRP/stable/2024-11-01/virtualMachine.json, runCommand.json; examples
 *   VirtualMachine_Get.json, VirtualMachine_Get_InstanceView.json, VirtualMachine_Delete_Force.json,
 *   runCommandExamples/VirtualMachineRunCommand.json) and disks 2024-03-02 (DiskRP/stable/2024-03-02/disk.json,
 *   Disk_Delete.json);
 * - network 2024-05-01 (networkInterface.json, NetworkInterfaceGet.json; virtualNetwork.json);
 * - storage 2024-01-01 (storage.json, StorageAccounts_GetProperties); resources 2024-03-01
 *   (resources.json: ResourceGroups_Get, Resources_ListByResourceGroup, Tags_UpdateAtScope);
 * - Azure Monitor Logs Ingestion 2023-01-01 (monitor/data-plane/ingestion/stable/2023-01-01/DataCollectionRules.json);
 * - the managed identity endpoint of Container Apps (IDENTITY_ENDPOINT, X-IDENTITY-HEADER, api-version 2019-08-01).
 * Errors are CloudError bodies `{"error":{"code","message"}}`; long-running operations answer 202 with
 * Location (and Azure-AsyncOperation where the service sends it). Every request is recorded.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from "http";
import { AddressInfo } from "net";
import { randomUUID } from "crypto";

export const SUB = "00000000-0000-0000-0000-000000000000";
export const LOCATION = "westeurope";
export const VAULT_GROUP = `/subscriptions/${SUB}/resourceGroups/rg-backup`;
export const VAULT_ID = `${VAULT_GROUP}/providers/Microsoft.RecoveryServices/vaults/vault1`;
export const APP_GROUP = `/subscriptions/${SUB}/resourceGroups/rg-app`;
export const DRILL_GROUP = `/subscriptions/${SUB}/resourceGroups/rg-drill`;
export const VNET_ID = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-drill`;
export const SUBNET_ID = `${VNET_ID}/subnets/quarantine`;
/** In the drill group on purpose: the drill must leave what it did not create. */
export const STAGING_ID = `${DRILL_GROUP}/providers/Microsoft.Storage/storageAccounts/drillstaging`;
export const ARM_TOKEN = "fake-arm-token";
export const MONITOR_TOKEN = "fake-monitor-token";

export interface FakeRecoveryPoint {
    name: string;
    time: string;
    /** recoveryPointTierDetails; a Valid HardenedRP when absent. */
    tiers?: { type: string; status: string }[];
}

export interface FakeVm {
    name: string;
    osType?: "Linux" | "Windows";
    recoveryPoints?: FakeRecoveryPoint[];
    /** The restore job ends Failed, leaving a half-made OS disk behind. */
    restoreFails?: boolean;
    /** The restored VM runs but its agent never reports Ready. */
    agentNeverReady?: boolean;
    /** The exit status the check script reports in the restored VM. */
    checkExit?: number;
}

export interface FakeArmOptions {
    vms: FakeVm[];
    /** The first DELETE of a disk answers 429 with this Retry-After (seconds). */
    throttleFirstDiskDelete?: number;
    /** Polls of a backup job that still answer InProgress. */
    jobPolls?: number;
    identity?: { header: string; clientId: string };
    logs?: { ruleId: string; stream: string; columns: { name: string; type: string }[] };
    vnetLocation?: string;
}

export interface Recorded {
    method: string;
    path: string;
    query: Record<string, string>;
    body: any;
    status: number;
    at: number;
}

interface Resource {
    id: string;
    type: string;
    name: string;
    body: any;
    createdTime: string;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

const VERSIONS = {
    backup: "2024-10-01",
    compute: "2024-11-01",
    disks: "2024-03-02",
    network: "2024-05-01",
    storage: "2024-01-01",
    resources: "2024-03-01",
};

export function isoDaysAgo(days: number): string {
    return new Date(Date.now() - days * 86_400_000).toISOString();
}

export class FakeArm {
    readonly requests: Recorded[] = [];
    /** Requests no route knew: a client bug. */
    readonly unknown: Recorded[] = [];
    readonly ingested: any[] = [];
    readonly resources = new Map<string, Resource>();
    url = "";
    private server?: Server;
    private readonly operations = new Map<string, { polls: number; done: () => Reply; running?: Reply }>();
    private readonly jobs = new Map<string, { vm: FakeVm; targetVmId: string; polls: number; status: string; start: string }>();
    private readonly bootPolls = new Map<string, number>();
    private diskDeletes = 0;
    private readonly restoredFrom = new Map<string, FakeVm>();

    constructor(readonly options: FakeArmOptions) {
        for (const vm of options.vms) {
            this.put(`${APP_GROUP}/providers/Microsoft.Compute/virtualMachines/${vm.name}`, "Microsoft.Compute/virtualMachines", vmBody(vm.name, APP_GROUP, vm.osType ?? "Linux", `${vm.name}-osdisk`, [], `${vm.name}-nic`));
        }
        this.put(STAGING_ID, "Microsoft.Storage/storageAccounts", { location: LOCATION, kind: "StorageV2", sku: { name: "Standard_LRS" }, properties: { provisioningState: "Succeeded" } });
    }

    async start(): Promise<string> {
        this.server = createServer((request, response) => void this.handle(request, response));
        await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
        this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
        return this.url;
    }

    async stop(): Promise<void> {
        if (this.server) {
            this.server.closeAllConnections();
            await new Promise<void>((resolve) => this.server!.close(() => resolve()));
        }
    }

    /** Writes (anything but GET) that are neither in the drill group nor the restore call. */
    writesOutsideDrillGroup(): Recorded[] {
        return this.requests.filter(
            (r) =>
                r.method !== "GET" &&
                !r.path.toLowerCase().startsWith(`${DRILL_GROUP.toLowerCase()}/`) &&
                !(r.method === "POST" && /\/recoveryPoints\/[^/]+\/restore$/i.test(r.path) && r.path.toLowerCase().startsWith(VAULT_ID.toLowerCase())) &&
                !r.path.startsWith("/dataCollectionRules/"),
        );
    }

    /** What is in the drill group besides what was there before the drill (the staging account). */
    leftovers(): string[] {
        return [...this.resources.values()].filter((r) => r.id.toLowerCase().startsWith(`${DRILL_GROUP.toLowerCase()}/`) && r.id !== STAGING_ID).map((r) => r.id);
    }

    put(id: string, type: string, body: any, createdTime = new Date().toISOString()): void {
        const name = id.split("/").pop()!;
        this.resources.set(id.toLowerCase(), { id, type, name, body: { ...body, id, name, type }, createdTime });
    }

    private get(id: string): Resource | undefined {
        return this.resources.get(id.toLowerCase());
    }

    private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
        const url = new URL(request.url ?? "/", "http://127.0.0.1");
        const chunks: Buffer[] = [];
        for await (const chunk of request) {
            chunks.push(chunk as Buffer);
        }
        const text = Buffer.concat(chunks).toString("utf8");
        let body: any;
        let malformed = false;
        try {
            body = text === "" ? undefined : JSON.parse(text);
        } catch {
            malformed = true;
        }
        const record: Recorded = { method: request.method ?? "GET", path: decodeURIComponent(url.pathname), query: Object.fromEntries(url.searchParams), body, status: 0, at: Date.now() };
        this.requests.push(record);
        let reply: Reply;
        if (malformed) {
            reply = error(400, "InvalidRequestContent", "The request content was invalid and could not be deserialized.");
        } else {
            reply = this.route(record, request.headers);
        }
        record.status = reply.status;
        const headers: Record<string, string> = { ...(reply.headers ?? {}) };
        if (reply.body !== undefined) {
            headers["content-type"] = "application/json; charset=utf-8";
        }
        response.writeHead(reply.status, headers);
        response.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
    }

    private route(r: Recorded, headers: IncomingMessage["headers"]): Reply {
        const p = r.path;
        if (p === "/msi/token") {
            return this.identityToken(r, headers);
        }
        if (p.startsWith("/dataCollectionRules/")) {
            return this.ingest(r, headers);
        }
        if (headers.authorization !== `Bearer ${ARM_TOKEN}`) {
            return error(401, "InvalidAuthenticationToken", "The access token is invalid.");
        }
        const m = (pattern: RegExp) => pattern.exec(p);
        let match: RegExpExecArray | null;
        const version = (expected: string): Reply | undefined => {
            const given = r.query["api-version"];
            if (!given) {
                return error(400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.");
            }
            return given === expected ? undefined : error(400, "InvalidApiVersionParameter", `The api-version '${given}' is invalid. The supported versions are '${expected}'.`);
        };
        const vault = VAULT_ID.replace(/[.]/g, "\\.");
        const item = `${vault}/backupFabrics/Azure/protectionContainers/([^/]+)/protectedItems/([^/]+)`;

        if ((match = m(new RegExp(`^${vault}$`, "i"))) && r.method === "GET") {
            return version(VERSIONS.backup) ?? { status: 200, body: { id: VAULT_ID, name: "vault1", type: "Microsoft.RecoveryServices/vaults", location: LOCATION, sku: { name: "Standard" }, properties: { provisioningState: "Succeeded" } } };
        }
        if (m(new RegExp(`^${vault}/backupProtectedItems$`, "i")) && r.method === "GET") {
            return version(VERSIONS.backup) ?? this.protectedItems(r);
        }
        if ((match = m(new RegExp(`^${item}/recoveryPoints$`, "i"))) && r.method === "GET") {
            return version(VERSIONS.backup) ?? this.recoveryPoints(match[2]);
        }
        if ((match = m(new RegExp(`^${item}/recoveryPoints/([^/]+)/restore$`, "i"))) && r.method === "POST") {
            return version(VERSIONS.backup) ?? this.restore(r, match[1], match[2], match[3]);
        }
        if ((match = m(new RegExp(`^${item}/(operationsStatus|operationResults)/([^/]+)$`, "i"))) && r.method === "GET") {
            // The restore's own headers carry api-version=2017-07-01, as in the spec's example.
            return version("2017-07-01") ?? this.backupOperation(match[3], match[4]);
        }
        if ((match = m(new RegExp(`^${vault}/backupJobs/([^/]+)$`, "i"))) && r.method === "GET") {
            return version(VERSIONS.backup) ?? this.job(match[1]);
        }
        if ((match = m(/^\/subscriptions\/[^/]+\/providers\/Microsoft\.(Compute|Network)\/locations\/[^/]+\/(operations|operationResults|nfvOperations)\/([^/]+)$/i)) && r.method === "GET") {
            return this.operation(match[3]);
        }
        if ((match = m(/^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/virtualMachines\/[^/]+)\/instanceView$/i)) && r.method === "GET") {
            return version(VERSIONS.compute) ?? this.instanceView(match[1]);
        }
        if ((match = m(/^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/virtualMachines\/[^/]+)\/runCommand$/i)) && r.method === "POST") {
            return version(VERSIONS.compute) ?? this.runCommand(match[1], r.body);
        }
        if ((match = m(/^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/.+)\/providers\/Microsoft\.Resources\/tags\/default$/i)) && r.method === "PATCH") {
            return version(VERSIONS.resources) ?? this.tags(match[1], r.body);
        }
        if ((match = m(/^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/resources$/i)) && r.method === "GET") {
            return version(VERSIONS.resources) ?? this.listGroup(match[1], r.query.$expand);
        }
        if ((match = m(/^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)$/i)) && r.method === "GET") {
            const known = ["rg-backup", "rg-app", "rg-drill", "rg-net"].includes(match[1].toLowerCase());
            return (
                version(VERSIONS.resources) ??
                (known
                    ? { status: 200, body: { id: p, name: match[1], type: "Microsoft.Resources/resourceGroups", location: LOCATION, properties: { provisioningState: "Succeeded" } } }
                    : error(404, "ResourceGroupNotFound", `Resource group '${match[1]}' could not be found.`))
            );
        }
        if (p.toLowerCase() === VNET_ID.toLowerCase() && r.method === "GET") {
            return version(VERSIONS.network) ?? { status: 200, body: { id: VNET_ID, name: "vnet-drill", type: "Microsoft.Network/virtualNetworks", location: this.options.vnetLocation ?? LOCATION, properties: { provisioningState: "Succeeded", addressSpace: { addressPrefixes: ["10.90.0.0/24"] }, subnets: [{ id: SUBNET_ID, name: "quarantine" }] } } };
        }
        if (p.toLowerCase() === SUBNET_ID.toLowerCase() && r.method === "GET") {
            return version(VERSIONS.network) ?? { status: 200, body: { id: SUBNET_ID, name: "quarantine", type: "Microsoft.Network/virtualNetworks/subnets", properties: { provisioningState: "Succeeded", addressPrefix: "10.90.0.0/26" } } };
        }
        const resourceMatch = m(/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/(Microsoft\.[A-Za-z]+\/[A-Za-z]+)\/[^/]+$/i);
        if (resourceMatch && (r.method === "GET" || r.method === "DELETE")) {
            const type = resourceMatch[1].toLowerCase();
            const expected = (
                {
                    "microsoft.compute/virtualmachines": VERSIONS.compute,
                    "microsoft.compute/disks": VERSIONS.disks,
                    "microsoft.network/networkinterfaces": VERSIONS.network,
                    "microsoft.network/publicipaddresses": VERSIONS.network,
                    "microsoft.storage/storageaccounts": VERSIONS.storage,
                } as Record<string, string>
            )[type];
            if (expected) {
                return version(expected) ?? (r.method === "GET" ? this.getResource(p) : this.deleteResource(p, r.query));
            }
        }
        this.unknown.push(r);
        return error(404, "InvalidResourceType", `The resource type could not be found for ${r.method} ${p}.`);
    }

    private protectedItems(r: Recorded): Reply {
        const filter = r.query.$filter;
        if (filter !== undefined && !/backupManagementType eq 'AzureIaasVM'/.test(filter)) {
            return error(400, "BMSUserErrorInvalidInput", `Unsupported $filter ${filter}`);
        }
        // One item per page, so that the client must follow nextLink.
        const skip = Number(r.query.$skipToken ?? "0");
        const page = this.options.vms.slice(skip, skip + 1).map((vm) => {
            const container = `IaasVMContainer;iaasvmcontainerv2;rg-app;${vm.name}`;
            const itemName = `VM;iaasvmcontainerv2;rg-app;${vm.name}`;
            const sourceId = `${APP_GROUP}/providers/Microsoft.Compute/virtualMachines/${vm.name}`;
            const points = vm.recoveryPoints ?? [];
            return {
                // As in BackupProtectedItems_List.json: the id has no backupFabrics segment.
                id: `${VAULT_ID}/protectionContainers/${container}/protectedItems/${itemName}`,
                name: itemName,
                type: "Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems",
                properties: {
                    friendlyName: vm.name,
                    virtualMachineId: sourceId,
                    protectionStatus: "Healthy",
                    protectionState: "Protected",
                    healthStatus: "Passed",
                    lastBackupStatus: "Completed",
                    protectedItemType: "Microsoft.Compute/virtualMachines",
                    backupManagementType: "AzureIaasVM",
                    workloadType: "VM",
                    containerName: `iaasvmcontainerv2;rg-app;${vm.name}`,
                    sourceResourceId: sourceId,
                    policyId: `${VAULT_ID}/backupPolicies/DefaultPolicy`,
                    lastRecoveryPoint: points[0]?.time ?? null,
                },
            };
        });
        const more = skip + 1 < this.options.vms.length;
        const next = new URL(`${this.url}${VAULT_ID}/backupProtectedItems`);
        next.searchParams.set("api-version", VERSIONS.backup);
        if (filter) {
            next.searchParams.set("$filter", filter);
        }
        next.searchParams.set("$skipToken", String(skip + 1));
        return { status: 200, body: { value: page, nextLink: more ? next.href : undefined } };
    }

    private vmOfItem(itemName: string): FakeVm | undefined {
        return this.options.vms.find((vm) => `VM;iaasvmcontainerv2;rg-app;${vm.name}`.toLowerCase() === itemName.toLowerCase());
    }

    private recoveryPoints(itemName: string): Reply {
        const vm = this.vmOfItem(itemName);
        if (!vm) {
            return error(404, "BMSUserErrorItemNotFound", `Item ${itemName} not found.`);
        }
        const container = `IaasVMContainer;iaasvmcontainerv2;rg-app;${vm.name}`;
        return {
            status: 200,
            body: {
                value: (vm.recoveryPoints ?? []).map((point) => ({
                    id: `${VAULT_ID}/backupFabrics/Azure/protectionContainers/${container}/protectedItems/${itemName}/recoveryPoints/${point.name}`,
                    name: point.name,
                    type: "Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems/recoveryPoints",
                    properties: {
                        objectType: "IaasVMRecoveryPoint",
                        recoveryPointType: "CrashConsistent",
                        recoveryPointTime: point.time,
                        recoveryPointAdditionalInfo: "",
                        sourceVMStorageType: "NormalStorage",
                        isSourceVMEncrypted: false,
                        isInstantIlrSessionActive: false,
                        recoveryPointTierDetails: point.tiers ?? [{ type: "InstantRP", status: "Deleted" }, { type: "HardenedRP", status: "Valid" }],
                        isManagedVirtualMachine: true,
                        virtualMachineSize: "Standard_B2s",
                        originalStorageAccountOption: false,
                        osType: vm.osType ?? "Linux",
                    },
                })),
                nextLink: null,
            },
        };
    }

    /** Restores_Trigger with an IaasVMRestoreRequest (bms.json 2024-10-01), checked as the service would. */
    private restore(r: Recorded, containerName: string, itemName: string, pointName: string): Reply {
        const vm = this.vmOfItem(itemName);
        if (!vm || !(vm.recoveryPoints ?? []).some((point) => point.name === pointName)) {
            return error(404, "BMSUserErrorRecoveryPointNotFound", `Recovery point ${pointName} of ${itemName} not found.`);
        }
        const problem = restoreRequestProblem(r.body, vm.name, pointName, this.options.vms);
        if (problem) {
            return error(400, "BMSUserErrorInvalidInput", problem);
        }
        const targetVmId: string = r.body.properties.targetVirtualMachineId;
        if (this.get(targetVmId)) {
            return error(400, "UserErrorVmAlreadyExists", `A VM ${targetVmId} already exists; a restore never replaces one.`);
        }
        const jobId = randomUUID();
        const operationId = randomUUID();
        this.jobs.set(jobId, { vm, targetVmId, polls: 0, status: "InProgress", start: new Date().toISOString() });
        this.operations.set(operationId, {
            polls: 0,
            running: { status: 200, body: { id: operationId, name: operationId, status: "InProgress", startTime: new Date().toISOString() } },
            done: () => ({
                status: 200,
                body: { id: operationId, name: operationId, status: "Succeeded", startTime: new Date().toISOString(), endTime: new Date().toISOString(), properties: { objectType: "OperationStatusJobExtendedInfo", jobId } },
            }),
        });
        const base = `${this.url}${VAULT_ID}/backupFabrics/Azure/protectionContainers/${containerName}/protectedItems/${itemName}`;
        return {
            status: 202,
            headers: {
                Location: `${base}/operationResults/${operationId}?api-version=2017-07-01`,
                "Azure-AsyncOperation": `${base}/operationsStatus/${operationId}?api-version=2017-07-01`,
            },
        };
    }

    private backupOperation(kind: string, operationId: string): Reply {
        const operation = this.operations.get(operationId);
        if (!operation) {
            return error(404, "BMSUserErrorOperationNotFound", `Operation ${operationId} not found.`);
        }
        operation.polls++;
        const finished = operation.polls > 1;
        if (kind.toLowerCase() === "operationresults") {
            return finished ? { status: 204 } : { status: 202 };
        }
        return finished ? operation.done() : operation.running!;
    }

    private job(jobId: string): Reply {
        const job = this.jobs.get(jobId);
        if (!job) {
            return error(404, "BMSUserErrorJobNotFound", `Job ${jobId} not found.`);
        }
        job.polls++;
        if (job.status === "InProgress" && job.polls > (this.options.jobPolls ?? 1)) {
            job.status = job.vm.restoreFails ? "Failed" : "Completed";
            this.finishRestore(job.vm, job.targetVmId, job.vm.restoreFails === true);
        }
        const failed = job.status === "Failed";
        return {
            status: 200,
            body: {
                id: `${VAULT_ID}/backupJobs/${jobId}`,
                name: jobId,
                type: "Microsoft.RecoveryServices/vaults/backupJobs",
                properties: {
                    jobType: "AzureIaaSVMJob",
                    duration: "PT9.8782791S",
                    virtualMachineVersion: "Compute",
                    entityFriendlyName: job.vm.name,
                    backupManagementType: "AzureIaasVM",
                    operation: "Restore",
                    status: job.status,
                    startTime: job.start,
                    ...(job.status === "InProgress" ? {} : { endTime: new Date().toISOString() }),
                    activityId: randomUUID(),
                    ...(failed
                        ? { errorDetails: [{ errorCode: 400101, errorString: "Restore failed: the target subnet has no free address.", recommendations: ["Choose a subnet with free addresses."] }] }
                        : {}),
                    extendedInfo: { tasksList: [{ taskId: "Transfer data from vault", duration: "PT0S", status: job.status === "InProgress" ? "InProgress" : failed ? "Failed" : "Completed" }], propertyBag: { "VM Name": job.vm.name } },
                },
            },
        };
    }

    /** What an alternate-location restore leaves in the target group: VM, disks, NIC; a half-made disk when it fails. */
    private finishRestore(vm: FakeVm, targetVmId: string, failed: boolean): void {
        const group = targetVmId.replace(/\/providers\/.*$/, "");
        const name = targetVmId.split("/").pop()!;
        const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
        const osDisk = `${name}-osdisk-${stamp}`;
        if (failed) {
            this.put(`${group}/providers/Microsoft.Compute/disks/${osDisk}`, "Microsoft.Compute/disks", diskBody(undefined));
            return;
        }
        const dataDisk = `${name}-datadisk-000-${stamp}`;
        const nic = `${name}-nic-${stamp}`;
        this.restoredFrom.set(targetVmId.toLowerCase(), vm);
        this.put(targetVmId, "Microsoft.Compute/virtualMachines", vmBody(name, group, vm.osType ?? "Linux", osDisk, [dataDisk], nic));
        this.put(`${group}/providers/Microsoft.Compute/disks/${osDisk}`, "Microsoft.Compute/disks", diskBody(targetVmId));
        this.put(`${group}/providers/Microsoft.Compute/disks/${dataDisk}`, "Microsoft.Compute/disks", diskBody(targetVmId));
        this.put(`${group}/providers/Microsoft.Network/networkInterfaces/${nic}`, "Microsoft.Network/networkInterfaces", nicBody(targetVmId));
    }

    private sourceOf(restoredVmId: string): FakeVm | undefined {
        return this.restoredFrom.get(restoredVmId.toLowerCase());
    }

    private instanceView(vmId: string): Reply {
        const vm = this.get(vmId);
        if (!vm) {
            return notFound(vmId);
        }
        const source = this.sourceOf(vmId);
        const polls = (this.bootPolls.get(vmId.toLowerCase()) ?? 0) + 1;
        this.bootPolls.set(vmId.toLowerCase(), polls);
        const booted = polls > 1;
        const ready = booted && !source?.agentNeverReady;
        return {
            status: 200,
            body: {
                computerName: vm.name,
                osName: vm.body.properties.storageProfile.osDisk.osType === "Windows" ? "Windows Server 2022 Datacenter" : "ubuntu",
                vmAgent: ready
                    ? { vmAgentVersion: "2.7.41491.949", statuses: [{ code: "ProvisioningState/succeeded", level: "Info", displayStatus: "Ready", message: "GuestAgent is running and accepting new configurations.", time: new Date().toISOString() }] }
                    : { vmAgentVersion: "Unknown", statuses: [{ code: "ProvisioningState/Unavailable", level: "Warning", displayStatus: "Not Ready", message: "VM Agent is unresponsive.", time: new Date().toISOString() }] },
                statuses: [
                    { code: "ProvisioningState/succeeded", level: "Info", displayStatus: "Provisioning succeeded", time: new Date().toISOString() },
                    booted ? { code: "PowerState/running", level: "Info", displayStatus: "VM running" } : { code: "PowerState/starting", level: "Info", displayStatus: "VM starting" },
                ],
            },
        };
    }

    readonly scripts: { vmId: string; commandId: string; script: string[] }[] = [];

    /** VirtualMachines_RunCommand (runCommand.json 2024-11-01): RunCommandInput in, RunCommandResult out. */
    private runCommand(vmId: string, body: any): Reply {
        const vm = this.get(vmId);
        if (!vm) {
            return notFound(vmId);
        }
        if (typeof body?.commandId !== "string") {
            return error(400, "InvalidParameter", "Required parameter 'commandId' is missing (null).");
        }
        const windows = vm.body.properties.storageProfile.osDisk.osType === "Windows";
        if (body.commandId !== (windows ? "RunPowerShellScript" : "RunShellScript")) {
            return error(400, "InvalidParameter", `Command ${body.commandId} is not supported for ${windows ? "Windows" : "Linux"} VMs.`);
        }
        if (body.script !== undefined && (!Array.isArray(body.script) || !body.script.every((line: unknown) => typeof line === "string"))) {
            return error(400, "InvalidParameter", "The value of parameter script is invalid: expected an array of strings.");
        }
        this.scripts.push({ vmId, commandId: body.commandId, script: body.script ?? [] });
        const exit = this.sourceOf(vmId)?.checkExit ?? 0;
        return this.longRunning(() => ({
            status: 200,
            body: {
                value: [
                    { code: "ComponentStatus/StdOut/succeeded", level: "Info", displayStatus: "Provisioning succeeded", message: `checked\nDRILL_CHECK_EXIT=${exit}` },
                    { code: "ComponentStatus/StdErr/succeeded", level: "Info", displayStatus: "Provisioning succeeded", message: "" },
                ],
            },
        }));
    }

    /** A compute-style 202 with Location (VirtualMachine_Delete_Force.json): 202 once more, then the result. */
    private longRunning(done: () => Reply, onDone?: () => void): Reply {
        const id = randomUUID();
        let finished = false;
        this.operations.set(id, {
            polls: 0,
            running: { status: 202, headers: { Location: `${this.url}/subscriptions/${SUB}/providers/Microsoft.Compute/locations/${LOCATION}/operations/${id}?monitor=true&api-version=${VERSIONS.compute}` } },
            done: () => {
                if (!finished) {
                    finished = true;
                    onDone?.();
                }
                return done();
            },
        });
        return { status: 202, headers: this.operations.get(id)!.running!.headers };
    }

    private operation(id: string): Reply {
        const operation = this.operations.get(id);
        if (!operation) {
            return error(404, "NotFound", `Operation ${id} not found.`);
        }
        operation.polls++;
        return operation.polls > 1 ? operation.done() : operation.running!;
    }

    private tags(id: string, body: any): Reply {
        const resource = this.get(id);
        if (!resource) {
            return notFound(id);
        }
        if (!["Merge", "Replace", "Delete"].includes(body?.operation) || typeof body?.properties?.tags !== "object" || !Object.values(body.properties.tags).every((v) => typeof v === "string")) {
            return error(400, "InvalidRequestContent", "Tags_UpdateAtScope needs operation Merge|Replace|Delete and properties.tags of strings.");
        }
        resource.body.tags = body.operation === "Replace" ? { ...body.properties.tags } : { ...(resource.body.tags ?? {}), ...body.properties.tags };
        return { status: 200, body: { id: `${id}/providers/Microsoft.Resources/tags/default`, name: "default", type: "Microsoft.Resources/tags", properties: { tags: resource.body.tags } } };
    }

    private listGroup(group: string, expand: string | undefined): Reply {
        const prefix = `/subscriptions/${SUB}/resourcegroups/${group.toLowerCase()}/`;
        const value = [...this.resources.values()]
            .filter((r) => r.id.toLowerCase().startsWith(prefix))
            .map((r) => ({ id: r.id, name: r.name, type: r.type, location: LOCATION, tags: r.body.tags, ...(expand?.includes("createdTime") ? { createdTime: r.createdTime } : {}) }));
        return { status: 200, body: { value } };
    }

    private getResource(id: string): Reply {
        const resource = this.get(id);
        return resource ? { status: 200, body: resource.body } : notFound(id);
    }

    private deleteResource(id: string, query: Record<string, string>): Reply {
        const resource = this.get(id);
        if (!resource) {
            return { status: 204 };
        }
        const type = resource.type.toLowerCase();
        if (type === "microsoft.compute/virtualmachines") {
            if (query.forceDeletion !== undefined && !["true", "false"].includes(query.forceDeletion)) {
                return error(400, "InvalidParameter", "forceDeletion must be true or false.");
            }
            return this.longRunning(() => ({ status: 200 }), () => {
                this.resources.delete(id.toLowerCase());
                for (const other of this.resources.values()) {
                    if (other.body.managedBy?.toLowerCase() === id.toLowerCase()) {
                        delete other.body.managedBy;
                        other.body.properties.diskState = "Unattached";
                    }
                    if (other.body.properties?.virtualMachine?.id?.toLowerCase() === id.toLowerCase()) {
                        delete other.body.properties.virtualMachine;
                    }
                }
            });
        }
        if (type === "microsoft.compute/disks") {
            this.diskDeletes++;
            if (this.diskDeletes === 1 && this.options.throttleFirstDiskDelete !== undefined) {
                return { ...error(429, "TooManyRequests", "The request is being throttled."), headers: { "Retry-After": String(this.options.throttleFirstDiskDelete) } };
            }
            if (resource.body.managedBy) {
                return error(409, "OperationNotAllowed", `Disk ${resource.name} is attached to VM ${resource.body.managedBy}.`);
            }
            return this.longRunning(() => ({ status: 200 }), () => this.resources.delete(id.toLowerCase()));
        }
        if (type === "microsoft.network/networkinterfaces") {
            if (resource.body.properties?.virtualMachine) {
                return error(400, "NicInUse", `Network Interface ${id} is used by existing resource ${resource.body.properties.virtualMachine.id}.`);
            }
            this.resources.delete(id.toLowerCase());
            return { status: 200 };
        }
        if (id === STAGING_ID) {
            return error(409, "ScopeLocked", "The staging account is not the drill's to delete.");
        }
        this.resources.delete(id.toLowerCase());
        return { status: 200 };
    }

    private identityToken(r: Recorded, headers: IncomingMessage["headers"]): Reply {
        const identity = this.options.identity;
        if (!identity || headers["x-identity-header"] !== identity.header) {
            return { status: 401, body: { error: "invalid_request", error_description: "X-IDENTITY-HEADER is missing or wrong" } };
        }
        if (r.query["api-version"] !== "2019-08-01" || r.query.client_id !== identity.clientId) {
            return { status: 400, body: { error: "invalid_request", error_description: "api-version 2019-08-01 and the identity's client_id are required" } };
        }
        const token = r.query.resource === "https://monitor.azure.com/" ? MONITOR_TOKEN : r.query.resource === "https://management.azure.com/" ? ARM_TOKEN : undefined;
        if (!token) {
            return { status: 400, body: { error: "invalid_resource", error_description: `unknown resource ${r.query.resource}` } };
        }
        return { status: 200, body: { access_token: token, expires_on: String(Math.floor(Date.now() / 1000) + 3600), resource: r.query.resource, token_type: "Bearer", client_id: identity.clientId } };
    }

    /** Logs Ingestion Upload (2023-01-01): a JSON array of rows with the stream's declared columns, 204. */
    private ingest(r: Recorded, headers: IncomingMessage["headers"]): Reply {
        const logs = this.options.logs;
        const match = /^\/dataCollectionRules\/([^/]+)\/streams\/([^/]+)$/.exec(r.path);
        if (headers.authorization !== `Bearer ${MONITOR_TOKEN}`) {
            return error(401, "InvalidToken", "The token is not valid for https://monitor.azure.com/.");
        }
        if (!logs || !match || match[1] !== logs.ruleId || match[2] !== logs.stream) {
            return error(404, "NotFound", "Data collection rule or stream not found.");
        }
        if (r.query["api-version"] !== "2023-01-01") {
            return error(400, "InvalidApiVersion", "api-version 2023-01-01 is required.");
        }
        if (!Array.isArray(r.body)) {
            return error(400, "InvalidPayload", "The body must be a JSON array.");
        }
        for (const row of r.body) {
            for (const [key, value] of Object.entries(row)) {
                const column = logs.columns.find((c) => c.name === key);
                if (!column) {
                    return error(400, "InvalidPayload", `Column ${key} is not declared in stream ${logs.stream}.`);
                }
                if (value !== null && !fitsType(value, column.type)) {
                    return error(400, "InvalidPayload", `Column ${key} expects ${column.type}, got ${JSON.stringify(value)}.`);
                }
            }
        }
        this.ingested.push(...r.body);
        return { status: 204 };
    }
}

function fitsType(value: unknown, type: string): boolean {
    switch (type) {
        case "string":
            return typeof value === "string";
        case "datetime":
            return typeof value === "string" && !Number.isNaN(Date.parse(value));
        case "real":
            return typeof value === "number";
        case "boolean":
            return typeof value === "boolean";
        case "dynamic":
            return typeof value === "object";
        default:
            return false;
    }
}

/** The IaasVMRestoreRequest checks: RestoreRequest's required objectType (bms.json), then what an ALR needs. */
export function restoreRequestProblem(body: any, vmName: string, pointName: string, vms: FakeVm[]): string | undefined {
    const p = body?.properties;
    if (typeof p !== "object" || p === null) {
        return "The request body needs 'properties' (RestoreRequestResource).";
    }
    if (p.objectType !== "IaasVMRestoreRequest") {
        return `properties.objectType must be 'IaasVMRestoreRequest', got ${JSON.stringify(p.objectType)}.`;
    }
    if (!["OriginalLocation", "AlternateLocation", "RestoreDisks", "Offline"].includes(p.recoveryType)) {
        return `properties.recoveryType ${JSON.stringify(p.recoveryType)} is not a RecoveryType.`;
    }
    if (p.recoveryType !== "AlternateLocation") {
        return "Only AlternateLocation restores are expected from the drill.";
    }
    const strings = ["recoveryPointId", "sourceResourceId", "targetVirtualMachineId", "targetResourceGroupId", "storageAccountId", "virtualNetworkId", "subnetId", "region"];
    for (const key of strings) {
        if (typeof p[key] !== "string" || p[key] === "") {
            return `properties.${key} is required for an alternate-location restore.`;
        }
    }
    for (const key of ["createNewCloudService", "originalStorageAccountOption"]) {
        if (typeof p[key] !== "boolean") {
            return `properties.${key} must be a boolean.`;
        }
    }
    if (typeof p.encryptionDetails?.encryptionEnabled !== "boolean") {
        return "properties.encryptionDetails.encryptionEnabled must be a boolean.";
    }
    if (p.recoveryPointId !== pointName) {
        return `properties.recoveryPointId ${p.recoveryPointId} does not match the recovery point ${pointName} of the URL.`;
    }
    if (p.sourceResourceId.toLowerCase() !== `${APP_GROUP}/providers/Microsoft.Compute/virtualMachines/${vmName}`.toLowerCase()) {
        return `properties.sourceResourceId ${p.sourceResourceId} is not the protected VM.`;
    }
    if (!p.targetVirtualMachineId.toLowerCase().startsWith(`${p.targetResourceGroupId.toLowerCase()}/providers/microsoft.compute/virtualmachines/`)) {
        return "properties.targetVirtualMachineId must be a VM in targetResourceGroupId.";
    }
    if (!p.subnetId.toLowerCase().startsWith(`${p.virtualNetworkId.toLowerCase()}/subnets/`)) {
        return "properties.subnetId must be a subnet of virtualNetworkId.";
    }
    if (p.region !== LOCATION) {
        return `properties.region ${p.region} is not the vault's region ${LOCATION}.`;
    }
    if (p.storageAccountId.toLowerCase() !== STAGING_ID.toLowerCase()) {
        return `properties.storageAccountId ${p.storageAccountId} does not exist.`;
    }
    if (vms.some((vm) => p.targetVirtualMachineId.toLowerCase().endsWith(`/${vm.name.toLowerCase()}`))) {
        return "properties.targetVirtualMachineId names a source VM.";
    }
    return undefined;
}

function vmBody(name: string, group: string, osType: string, osDisk: string, dataDisks: string[], nic: string): any {
    return {
        location: LOCATION,
        properties: {
            vmId: randomUUID(),
            hardwareProfile: { vmSize: "Standard_B2s" },
            storageProfile: {
                osDisk: { osType, name: osDisk, createOption: "Attach", caching: "ReadWrite", managedDisk: { storageAccountType: "Standard_LRS", id: `${group}/providers/Microsoft.Compute/disks/${osDisk}` }, diskSizeGB: 30 },
                dataDisks: dataDisks.map((disk, lun) => ({ lun, name: disk, createOption: "Attach", caching: "ReadWrite", managedDisk: { storageAccountType: "Standard_LRS", id: `${group}/providers/Microsoft.Compute/disks/${disk}` }, diskSizeGB: 32 })),
            },
            networkProfile: { networkInterfaces: [{ id: `${group}/providers/Microsoft.Network/networkInterfaces/${nic}` }] },
            provisioningState: "Succeeded",
            timeCreated: new Date().toISOString(),
        },
    };
}

function diskBody(managedBy: string | undefined): any {
    return { location: LOCATION, ...(managedBy ? { managedBy } : {}), sku: { name: "Standard_LRS" }, properties: { diskSizeGB: 30, diskState: managedBy ? "Attached" : "Unattached", provisioningState: "Succeeded" } };
}

function nicBody(vmId: string): any {
    return {
        location: LOCATION,
        properties: {
            provisioningState: "Succeeded",
            ipConfigurations: [{ name: "ipconfig1", properties: { privateIPAllocationMethod: "Dynamic", subnet: { id: SUBNET_ID }, primary: true } }],
            virtualMachine: { id: vmId },
        },
    };
}

function error(status: number, code: string, message: string): Reply {
    return { status, body: { error: { code, message } } };
}

function notFound(id: string): Reply {
    const parts = id.split("/");
    return error(404, "ResourceNotFound", `The Resource '${parts.slice(-3).join("/")}' under resource group '${parts[4]}' was not found.`);
}
