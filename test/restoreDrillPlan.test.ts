/**
 * RestoreDrill planned under mocks, in the reference environment's layout: the vault, the VNet
 * and the VMs share one resource group. The mock returns what Azure returns beyond the inputs
 * where the component reads it (the identity's principal and client ids, the endpoint's ingestion
 * URL, the rule's immutable id) and ARM-shaped ids. Shapes are those of the REST versions
 * azure-native 3.28 sends, each cited in components/restoreDrill.ts; the job's is that of
 * Microsoft.App 2025-02-02-preview examples/Job_CreateorUpdate.json (`configuration.replicaTimeout`,
 * `replicaRetryLimit`, `triggerType`, `template.containers[].volumeMounts`, `template.volumes`).
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { RestoreDrill, RestoreDrillArgs } from "../components/restoreDrill";
import { CUSTOM_ROLES, failedDrillQuery, overdueDrillQuery, parseCron, quarantineRules, RECORD_COLUMNS, RECORD_TABLE } from "../lib/restoreDrill";
import { uuidV5 } from "../lib/uuid";
import { InvalidSettingError } from "../policy/rulebook/errors";

const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";
const SHARED = `${SUB}/resourceGroups/backup-ready-rg`;
const VAULT = `${SHARED}/providers/Microsoft.RecoveryServices/vaults/backup-vault`;
const VNET = `${SHARED}/providers/Microsoft.Network/virtualNetworks/backup-ready-vnet`;
const VMS = ["app-1", "app-2"].map((vm) => `${SHARED}/providers/Microsoft.Compute/virtualMachines/${vm}`);
const ACTION_GROUP = `${SHARED}/providers/Microsoft.Insights/actionGroups/backup-alerts`;
const WORKSPACE = `${SHARED}/providers/Microsoft.OperationalInsights/workspaces/backup-logs`;

interface Planned {
    type: string;
    name: string;
    id: string;
    inputs: Record<string, any>;
    outputs: Record<string, any>;
}

/** ARM paths of the types the drill creates, below their resource group. */
const PATHS: Record<string, (inputs: Record<string, any>) => string> = {
    "azure-native:network:NetworkSecurityGroup": (i) => `Microsoft.Network/networkSecurityGroups/${i.networkSecurityGroupName}`,
    "azure-native:network:Subnet": (i) => `Microsoft.Network/virtualNetworks/${i.virtualNetworkName}/subnets/${i.subnetName}`,
    "azure-native:storage:StorageAccount": (i) => `Microsoft.Storage/storageAccounts/${i.accountName}`,
    "azure-native:managedidentity:UserAssignedIdentity": (i) => `Microsoft.ManagedIdentity/userAssignedIdentities/${i.resourceName}`,
    "azure-native:operationalinsights:Workspace": () => "Microsoft.OperationalInsights/workspaces/created",
    "azure-native:monitor:DataCollectionEndpoint": () => "Microsoft.Insights/dataCollectionEndpoints/drill",
    "azure-native:monitor:DataCollectionRule": () => "Microsoft.Insights/dataCollectionRules/drill",
    "azure-native:app:ManagedEnvironment": () => "Microsoft.App/managedEnvironments/drill",
    "azure-native:app:Job": (i) => `Microsoft.App/jobs/${i.jobName}`,
};

function mockOutputs(type: string, name: string): Record<string, unknown> {
    switch (type) {
        case "azure-native:managedidentity:UserAssignedIdentity":
            return { principalId: uuidV5(`principal|${name}`), clientId: uuidV5(`client|${name}`) };
        case "azure-native:monitor:DataCollectionEndpoint":
            return { logsIngestion: { endpoint: "https://drill-abcd.westeurope-1.ingest.monitor.azure.com" } };
        case "azure-native:monitor:DataCollectionRule":
            return { immutableId: "dcr-00000000000000000000000000000001" };
        default:
            return {};
    }
}

async function plan(args: Partial<RestoreDrillArgs>): Promise<Planned[]> {
    const planned: Planned[] = [];
    const failures: unknown[] = [];
    const onRejection = (reason: unknown) => failures.push(reason);
    await pulumi.runtime.setMocks(
        {
            newResource: (req) => {
                const inputs = req.inputs as Record<string, any>;
                const id =
                    req.type === "azure-native:resources:ResourceGroup"
                        ? `${SUB}/resourceGroups/${inputs.resourceGroupName}`
                        : PATHS[req.type]
                          ? `${SUB}/resourceGroups/${inputs.resourceGroupName}/providers/${PATHS[req.type](inputs)}`
                          : `${req.name}-id`;
                const outputs = { ...inputs, name: inputs.resourceGroupName && req.type === "azure-native:resources:ResourceGroup" ? inputs.resourceGroupName : req.name, ...mockOutputs(req.type, req.name) };
                planned.push({ type: req.type, name: req.name, id, inputs, outputs });
                return { id, state: outputs };
            },
            call: () => ({}),
        },
        "test",
        "test",
        false,
    );
    process.on("unhandledRejection", onRejection);
    try {
        await pulumi.runtime.runInPulumiStack(async () => {
            new RestoreDrill("drill", { ...BASE, ...args } as RestoreDrillArgs);
            return {};
        });
        await pulumi.runtime.disconnect();
        for (let turn = 0; turn < 10 && failures.length === 0; turn++) {
            await new Promise((resolve) => setImmediate(resolve));
        }
    } finally {
        process.off("unhandledRejection", onRejection);
    }
    if (failures.length > 0) {
        throw failures[0];
    }
    return planned;
}

let runnerFolder: string;
let BASE: RestoreDrillArgs;

function only(resources: Planned[], type: string): Planned {
    const found = resources.filter((r) => r.type === type);
    expect(found, type).to.have.length(1);
    return found[0];
}

describe("RestoreDrill in the plan (vault, VNet and VMs in one resource group)", function () {
    this.timeout(60_000);
    let resources: Planned[];

    before(async () => {
        runnerFolder = fs.mkdtempSync(path.join(os.tmpdir(), "drill-runner-"));
        fs.writeFileSync(path.join(runnerFolder, "runner.js"), "require('./arm.js');\n");
        fs.writeFileSync(path.join(runnerFolder, "arm.js"), "module.exports = {};\n");
        BASE = {
            vaultId: VAULT,
            location: "westeurope",
            virtualNetworkId: VNET,
            quarantineSubnetPrefix: "10.0.250.0/24",
            actionGroupId: ACTION_GROUP,
            logAnalyticsWorkspaceId: WORKSPACE,
            sourceVmIds: VMS,
            vmNames: ["app-1", "app-2"],
            runnerFolder,
            tags: { env: "test" },
        };
        resources = await plan({});
    });
    after(() => fs.rmSync(runnerFolder, { recursive: true, force: true }));

    it("grants the runner's identity exactly what the drill needs, each at one resource, nothing on the shared group", () => {
        const identity = only(resources, "azure-native:managedidentity:UserAssignedIdentity");
        const group = only(resources, "azure-native:resources:ResourceGroup");
        const subnet = only(resources, "azure-native:network:Subnet");
        const staging = only(resources, "azure-native:storage:StorageAccount");
        const rule = only(resources, "azure-native:monitor:DataCollectionRule");
        const definitions = resources.filter((r) => r.type === "azure-native:authorization:RoleDefinition");
        const roleOf = (roleDefinitionId: string) => {
            const guid = roleDefinitionId.split("/").pop();
            const custom = definitions.find((d) => d.inputs.roleDefinitionId === guid);
            return custom ? `custom:${custom.name.replace("drill-role-", "")}` : `built-in:${guid}`;
        };
        const assignments = resources.filter((r) => r.type === "azure-native:authorization:RoleAssignment");
        expect(assignments.map((a) => [a.inputs.scope, roleOf(a.inputs.roleDefinitionId)])).to.have.deep.members([
            [VAULT, "custom:vault"],
            [group.id, "custom:drill-group"],
            [subnet.id, "custom:subnet"],
            [VNET, "custom:vnet"],
            [staging.id, "custom:staging"],
            [rule.id, "built-in:3913510d-42f4-4e42-8a64-420c390055eb"],
            [VMS[0], "custom:source-vm"],
            [VMS[1], "custom:source-vm"],
        ]);
        for (const assignment of assignments) {
            expect(assignment.inputs.principalId).to.equal(identity.outputs.principalId);
            expect(assignment.inputs.principalType).to.equal("ServicePrincipal");
            expect(assignment.inputs.roleAssignmentName).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
            const scope = String(assignment.inputs.scope).toLowerCase();
            expect(scope, "no grant on the group production shares").to.not.equal(SHARED.toLowerCase());
            expect(scope === group.id.toLowerCase() || scope.includes("/providers/"), `${scope} is one resource or the drill's own group`).to.equal(true);
        }
        expect(group.id.toLowerCase()).to.not.equal(SHARED.toLowerCase());
    });

    it("defines each custom role with its exact actions, assignable only where it is granted", () => {
        const definitions = resources.filter((r) => r.type === "azure-native:authorization:RoleDefinition");
        expect(definitions.map((d) => d.name).sort()).to.deep.equal(Object.keys(CUSTOM_ROLES).map((key) => `drill-role-${key}`).sort());
        const group = only(resources, "azure-native:resources:ResourceGroup");
        const byKey = Object.fromEntries(definitions.map((d) => [d.name.replace("drill-role-", ""), d.inputs]));
        expect(byKey.vault.permissions).to.deep.equal([{ actions: CUSTOM_ROLES.vault.actions, notActions: [], dataActions: [], notDataActions: [] }]);
        expect(byKey.vault.permissions[0].actions).to.include("Microsoft.RecoveryServices/Vaults/backupFabrics/protectionContainers/protectedItems/recoveryPoints/restore/action");
        expect(byKey.vault.permissions[0].actions.some((a: string) => /delete|backupPolicies|\*$/i.test(a)), "no delete, no policy change, no wildcard on the vault").to.equal(false);
        expect(byKey.subnet.permissions[0].actions).to.deep.equal(["Microsoft.Network/virtualNetworks/subnets/read", "Microsoft.Network/virtualNetworks/subnets/join/action"]);
        expect(byKey["source-vm"].permissions[0].actions).to.deep.equal(["Microsoft.Compute/virtualMachines/write"]);
        expect(byKey.vault.scope).to.equal(SUB);
        expect(byKey.vault.assignableScopes).to.deep.equal([SHARED]);
        expect(byKey["drill-group"].assignableScopes).to.deep.equal([group.id]);
        expect(byKey.staging.assignableScopes).to.deep.equal([group.id]);
    });

    it("adds the quarantine subnet to the VNet, without default outbound access, behind an NSG that admits nothing", () => {
        const nsg = only(resources, "azure-native:network:NetworkSecurityGroup");
        const subnet = only(resources, "azure-native:network:Subnet");
        expect(subnet.inputs).to.deep.include({
            resourceGroupName: "backup-ready-rg",
            virtualNetworkName: "backup-ready-vnet",
            subnetName: "restore-drill-quarantine",
            addressPrefix: "10.0.250.0/24",
            defaultOutboundAccess: false,
            networkSecurityGroup: { id: nsg.id },
        });
        expect(nsg.inputs.securityRules).to.deep.equal(quarantineRules());
        expect(nsg.inputs).to.deep.include({ resourceGroupName: "backup-ready-rg", location: "westeurope" });
    });

    it("closes the staging account: its region, LRS, no public blobs, no shared keys, TLS 1.2, trusted services only", () => {
        expect(only(resources, "azure-native:storage:StorageAccount").inputs).to.deep.include({
            location: "westeurope",
            kind: "StorageV2",
            sku: { name: "Standard_LRS" },
            minimumTlsVersion: "TLS1_2",
            enableHttpsTrafficOnly: true,
            allowBlobPublicAccess: false,
            allowSharedKeyAccess: false,
            networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices", ipRules: [], virtualNetworkRules: [] },
        });
    });

    it("runs node on the shipped runner on the schedule, with the runner's identity and environment", () => {
        const job = only(resources, "azure-native:app:Job");
        const identity = only(resources, "azure-native:managedidentity:UserAssignedIdentity");
        const environment = only(resources, "azure-native:app:ManagedEnvironment");
        expect(job.inputs.environmentId).to.equal(environment.id);
        expect(environment.inputs.workloadProfiles).to.deep.equal([{ name: "Consumption", workloadProfileType: "Consumption" }]);
        expect(job.inputs.identity.type).to.equal("UserAssigned");
        expect(JSON.stringify(job.inputs.identity.userAssignedIdentities)).to.contain(identity.id);
        expect(job.inputs.configuration).to.deep.include({
            triggerType: "Schedule",
            scheduleTriggerConfig: { cronExpression: "0 3 * * 6", parallelism: 1, replicaCompletionCount: 1 },
            replicaTimeout: 24 * 3600,
            replicaRetryLimit: 0,
        });
        const [container] = job.inputs.template.containers;
        expect(container.image).to.equal("mcr.microsoft.com/azurelinux/base/nodejs:20");
        expect(container.command).to.deep.equal(["node", "/opt/restore-drill/runner.js"]);
        expect(container.volumeMounts).to.deep.equal([{ volumeName: "runner", mountPath: "/opt/restore-drill" }]);
        const secrets = Object.fromEntries(job.inputs.configuration.secrets.map((s: { name: string; value: string }) => [s.name, s.value]));
        const [volume] = job.inputs.template.volumes;
        expect(volume.storageType).to.equal("Secret");
        const mounted = Object.fromEntries(volume.secrets.map((s: { secretRef: string; path: string }) => [s.path, secrets[s.secretRef]]));
        expect(mounted).to.deep.equal({ "arm.js": "module.exports = {};\n", "runner.js": "require('./arm.js');\n" });

        const env = Object.fromEntries(container.env.map((v: { name: string; value: string }) => [v.name, v.value]));
        expect(env).to.deep.equal({
            DRILL_VAULT_ID: VAULT,
            DRILL_TARGET_RESOURCE_GROUP_ID: only(resources, "azure-native:resources:ResourceGroup").id,
            DRILL_QUARANTINE_SUBNET_ID: only(resources, "azure-native:network:Subnet").id,
            DRILL_STAGING_ACCOUNT_ID: only(resources, "azure-native:storage:StorageAccount").id,
            DRILL_VMS: '["app-1","app-2"]',
            DRILL_MAX_PARALLEL: "2",
            DRILL_RECOVERY_POINT: "latest",
            DRILL_TIMEOUT_MINUTES: "120",
            DRILL_POLL_SECONDS: "30",
            AZURE_CLIENT_ID: identity.outputs.clientId,
            DRILL_LOGS_ENDPOINT: "https://drill-abcd.westeurope-1.ingest.monitor.azure.com",
            DRILL_LOGS_RULE_ID: "dcr-00000000000000000000000000000001",
            DRILL_LOGS_STREAM: "Custom-RestoreDrill_CL",
        });
        expect(job.inputs.location).to.equal("westeurope");
    });

    it("records each result in RestoreDrill_CL through a data collection endpoint and rule", () => {
        const table = only(resources, "azure-native:operationalinsights:Table");
        expect(table.inputs).to.deep.include({ resourceGroupName: "backup-ready-rg", workspaceName: "backup-logs", tableName: RECORD_TABLE, plan: "Analytics", retentionInDays: 365 });
        expect(table.inputs.schema.columns.map((c: { name: string }) => c.name)).to.deep.equal(RECORD_COLUMNS.map((c) => c.name));
        const endpoint = only(resources, "azure-native:monitor:DataCollectionEndpoint");
        const rule = only(resources, "azure-native:monitor:DataCollectionRule");
        expect(rule.inputs.dataCollectionEndpointId).to.equal(endpoint.id);
        expect(Object.keys(rule.inputs.streamDeclarations)).to.deep.equal(["Custom-RestoreDrill_CL"]);
        expect(rule.inputs.destinations).to.deep.equal({ logAnalytics: [{ name: "workspace", workspaceResourceId: WORKSPACE }] });
        expect(rule.inputs.dataFlows).to.deep.equal([{ streams: ["Custom-RestoreDrill_CL"], destinations: ["workspace"], transformKql: "source", outputStream: "Custom-RestoreDrill_CL" }]);
        expect(resources.some((r) => r.type === "azure-native:operationalinsights:Workspace"), "an existing workspace is used, none created").to.equal(false);
    });

    it("alerts the action group on a failed drill and on a silent one, from the workspace, within two days of data", () => {
        const alerts = resources.filter((r) => r.type === "azure-native:monitor:ScheduledQueryRule");
        expect(alerts.map((a) => a.name).sort()).to.deep.equal(["drill-drill-failed", "drill-drill-overdue"]);
        for (const alert of alerts) {
            expect(alert.inputs).to.deep.include({ kind: "LogAlert", enabled: true, scopes: [WORKSPACE], actions: { actionGroups: [ACTION_GROUP] } });
        }
        const failed = alerts.find((a) => a.name === "drill-drill-failed") as Planned;
        expect(failed.inputs).to.deep.include({ evaluationFrequency: "PT15M", windowSize: "PT15M" });
        expect(failed.inputs.criteria.allOf[0]).to.deep.include({ query: failedDrillQuery(), timeAggregation: "Count", operator: "GreaterThan", threshold: 0 });
        const overdue = alerts.find((a) => a.name === "drill-drill-overdue") as Planned;
        expect(overdue.inputs).to.deep.include({ evaluationFrequency: "PT1H", windowSize: "P2D" });
        expect(overdue.inputs.criteria.allOf[0].query).to.equal(overdueDrillQuery({ schedule: parseCron("schedule", "0 3 * * 6"), runMinutes: 24 * 60, vmNames: ["app-1", "app-2"], periodMinutes: 14 * 24 * 60 }));
    });

    it("sends the job's own logs to the workspace and tags what takes tags", () => {
        const environment = only(resources, "azure-native:app:ManagedEnvironment");
        expect(environment.inputs.appLogsConfiguration).to.deep.equal({ destination: "azure-monitor" });
        const diagnostics = only(resources, "azure-native:monitor:DiagnosticSetting");
        expect(diagnostics.inputs).to.deep.include({ resourceUri: environment.id, workspaceId: WORKSPACE });
        for (const type of ["azure-native:app:Job", "azure-native:storage:StorageAccount", "azure-native:network:NetworkSecurityGroup", "azure-native:monitor:ScheduledQueryRule"]) {
            for (const resource of resources.filter((r) => r.type === type)) {
                expect(resource.inputs.tags, resource.name).to.deep.equal({ env: "test" });
            }
        }
    });

    it("takes the VNet by name and resource group as well as by id", async () => {
        const byName = await plan({ virtualNetworkId: undefined, virtualNetworkName: "backup-ready-vnet", virtualNetworkResourceGroupName: "backup-ready-rg" });
        const pick = (r: Planned[]) => only(r, "azure-native:network:Subnet").inputs;
        expect(pick(byName)).to.deep.equal(pick(resources));
    });

    it("runs in an existing Container Apps environment when given one, creating none", async () => {
        const existing = `${SHARED}/providers/Microsoft.App/managedEnvironments/shared-env`;
        const own = await plan({ containerAppsEnvironmentId: existing });
        expect(own.filter((r) => r.type === "azure-native:app:ManagedEnvironment")).to.deep.equal([]);
        expect(only(own, "azure-native:app:Job").inputs.environmentId).to.equal(existing);
    });

    it("creates a workspace of its own when given none", async () => {
        const own = await plan({ logAnalyticsWorkspaceId: undefined });
        const workspace = only(own, "azure-native:operationalinsights:Workspace");
        expect(only(own, "azure-native:monitor:DataCollectionRule").inputs.destinations.logAnalytics[0].workspaceResourceId).to.equal(workspace.id);
        expect(own.filter((r) => r.type === "azure-native:monitor:ScheduledQueryRule").every((a) => a.inputs.scopes[0] === workspace.id)).to.equal(true);
    });

    it("refuses a wrong argument in one line naming it, before anything is created", async () => {
        for (const [args, setting] of [
            [{ vaultId: VNET }, "vaultId"],
            [{ virtualNetworkId: VAULT }, "virtualNetworkId"],
            [{ quarantineSubnetPrefix: "10.0.250.7/24" }, "quarantineSubnetPrefix"],
            [{ quarantineSubnetPrefix: "10.0.250.0/30" }, "quarantineSubnetPrefix"],
            [{ virtualNetworkName: "backup-ready-vnet", virtualNetworkResourceGroupName: "backup-ready-rg" }, "virtualNetworkId"],
            [{ virtualNetworkId: undefined, virtualNetworkName: "backup-ready-vnet" }, "virtualNetworkId"],
            [{ schedule: "0 3 * * * *" }, "schedule"],
            [{ sourceVmIds: [VAULT] }, "sourceVmIds[0]"],
            [{ location: "West Europe!" }, "location"],
            [{ containerAppsEnvironmentId: VNET }, "containerAppsEnvironmentId"],
            [{ resourceGroupName: "BACKUP-READY-RG" }, "resourceGroupName"],
        ] as Array<[Partial<RestoreDrillArgs>, string]>) {
            let caught: unknown;
            try {
                await plan(args);
            } catch (err) {
                caught = err;
            }
            expect(caught, setting).to.be.instanceOf(InvalidSettingError);
            expect((caught as InvalidSettingError).setting).to.equal(setting);
        }
    });
});
