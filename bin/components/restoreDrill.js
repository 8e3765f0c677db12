"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.RestoreDrill = exports.DEFAULT_RUNNER_IMAGE = exports.RESTORE_DRILL_ARGUMENTS = void 0;
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const pulumi = __importStar(require("@pulumi/pulumi"));
const app = __importStar(require("@pulumi/azure-native/app"));
const authorization = __importStar(require("@pulumi/azure-native/authorization"));
const managedidentity = __importStar(require("@pulumi/azure-native/managedidentity"));
const monitor = __importStar(require("@pulumi/azure-native/monitor"));
const network = __importStar(require("@pulumi/azure-native/network"));
const operationalinsights = __importStar(require("@pulumi/azure-native/operationalinsights"));
const resources = __importStar(require("@pulumi/azure-native/resources"));
const storage = __importStar(require("@pulumi/azure-native/storage"));
const aliases_1 = require("../lib/aliases");
const arguments_1 = require("../lib/arguments");
const armIds_1 = require("../lib/armIds");
const inputs_1 = require("../lib/inputs");
const monitoring_1 = require("../lib/monitoring");
const names_1 = require("../lib/validation/names");
const vaultSettings_1 = require("../lib/vaultSettings");
const restoreDrill_1 = require("../lib/restoreDrill");
const azureTypes_1 = require("../policy/rulebook/azureTypes");
const errors_1 = require("../policy/rulebook/errors");
const regionData_1 = require("../lib/regionData");
/** Every argument's name, held complete by the compiler (the reference environment maps its settings onto them). */
exports.RESTORE_DRILL_ARGUMENTS = (0, arguments_1.argumentNames)()([
    "tags",
    "keepTypeAliases",
    "vaultId",
    "location",
    "virtualNetworkId",
    "virtualNetworkName",
    "virtualNetworkResourceGroupName",
    "quarantineSubnetPrefix",
    "actionGroupId",
    "logAnalyticsWorkspaceId",
    "resourceGroupName",
    "vmNames",
    "sourceVmIds",
    "maxParallel",
    "recoveryPoint",
    "recoveryPointWindowDays",
    "schedule",
    "timeoutMinutes",
    "checkScript",
    "pollSeconds",
    "recordRetentionDays",
    "containerAppsEnvironmentId",
    "runnerImage",
    "runnerFolder",
]);
/**
 * Microsoft's Azure Linux 3.0 Node.js 20 image on MCR (mcr.microsoft.com/azurelinux/base/nodejs):
 * a stock runtime the runner's files are mounted into.
 */
exports.DEFAULT_RUNNER_IMAGE = "mcr.microsoft.com/azurelinux/base/nodejs:20";
/** This package's compiled runner: `bin/drill` beside `bin/components` (compiled) or `components` (sources). */
function defaultRunnerFolder() {
    let dir = __dirname;
    for (let i = 0; i < 4 && !fs.existsSync(path.join(dir, "package.json")); i++) {
        dir = path.dirname(dir);
    }
    return path.join(dir, "bin", "drill");
}
/**
 * Restore drills: every protected VM of a vault restored on a schedule into a quarantine subnet,
 * booted, checked and removed, each result a record in Log Analytics, and a failed or missed
 * drill an alert to an action group.
 *
 * Where it runs: a Container Apps job on a cron schedule (Microsoft.App/jobs), in a
 * consumption-only environment, running the project's runner with a stock Node.js image and a
 * user-assigned identity. A job is the fit: a container that runs to completion, for hours if a
 * restore needs them (the replica timeout), on a cron schedule, billed per second of a run, with
 * code delivered as mounted secrets, so no registry, no image build and no upload. Azure Functions
 * has the timer, but wants the code deployed as a package (a zip upload beside the deployment)
 * and stops a run after 10 minutes on the classic Consumption plan; Automation runbooks run
 * PowerShell or Python, not this project's TypeScript; Logic Apps would rewrite the drill as a
 * workflow definition, which cannot be tested offline as the runner is.
 */
class RestoreDrill extends pulumi.ComponentResource {
    /** The drill's resource group. */
    resourceGroupId;
    /** The quarantine subnet the clones join. */
    quarantineSubnetId;
    /** The quarantine subnet's NSG. */
    quarantineNsgId;
    /** The runner's managed identity, by principal id. */
    principalId;
    /** The Container Apps job that runs the drill. */
    jobId;
    /** The workspace holding the `RestoreDrill_CL` records. */
    workspaceId;
    /** The schedule, as the job runs it (UTC). */
    schedule;
    constructor(name, args, opts) {
        super("backup-ready:index:RestoreDrill", name, {}, (0, aliases_1.withoutTypeAliases)(opts, args.keepTypeAliases));
        (0, names_1.checkRegion)("location", args.location, (0, regionData_1.knownRegions)());
        const settings = (0, restoreDrill_1.checkDrillSettings)(args);
        const tags = (0, vaultSettings_1.checkedTags)(args.tags);
        (0, vaultSettings_1.checkStorageAccountTags)("tags", tags, "the drill's staging storage account");
        const files = (0, restoreDrill_1.packageRunner)("runnerFolder", args.runnerFolder ?? defaultRunnerFolder());
        const vaultId = checkedId("vaultId", args.vaultId, azureTypes_1.ARM_TYPES.vault);
        const vnet = virtualNetworkOf(args);
        const subnetPrefix = (0, inputs_1.whenKnown)(args.quarantineSubnetPrefix, (prefix) => (0, restoreDrill_1.checkQuarantinePrefix)("quarantineSubnetPrefix", prefix));
        const actionGroupId = args.actionGroupId === undefined ? undefined : checkedId("actionGroupId", args.actionGroupId, "Microsoft.Insights/actionGroups");
        if (typeof args.logAnalyticsWorkspaceId === "string") {
            (0, monitoring_1.checkWorkspaceId)("logAnalyticsWorkspaceId", args.logAnalyticsWorkspaceId);
        }
        const givenEnvironment = args.containerAppsEnvironmentId === undefined ? undefined : checkedId("containerAppsEnvironmentId", args.containerAppsEnvironmentId, "Microsoft.App/managedEnvironments");
        const sourceVmInputs = args.sourceVmIds ?? [];
        const sourceVmIds = pulumi.all(sourceVmInputs.map((id, i) => checkedId(`sourceVmIds[${i}]`, id, azureTypes_1.ARM_TYPES.virtualMachine)));
        const parent = { parent: this };
        const located = { location: args.location, tags };
        // The drill's group is deleted with the drill: it must hold nothing else, least of all what is drilled.
        const groupName = (0, inputs_1.whenAllKnown)([args.vaultId, vnet.resourceGroupName, ...sourceVmInputs], ([vault, vnetGroup, ...vms]) => checkDrillGroup(args.resourceGroupName ?? `${name}-rg`, [vault, ...vms], vnetGroup));
        const group = new resources.ResourceGroup(`${name}-rg`, { resourceGroupName: groupName, ...located }, parent);
        const inGroup = { resourceGroupName: group.name, ...located };
        const { subnet, nsg } = this.quarantine(name, vnet, subnetPrefix, located);
        const staging = this.stagingAccount(name, vaultId, inGroup);
        // The runner's own identity (managedidentity 2023-01-31): granted only what lib/restoreDrill/roles.ts lists.
        const identity = new managedidentity.UserAssignedIdentity(`${name}-identity`, { ...inGroup, resourceName: `${name}-runner` }, parent);
        const workspaceId = args.logAnalyticsWorkspaceId !== undefined
            ? pulumi.output(args.logAnalyticsWorkspaceId).apply((id) => (0, monitoring_1.checkWorkspaceId)("logAnalyticsWorkspaceId", id))
            : new operationalinsights.Workspace(`${name}-workspace`, { ...inGroup, sku: { name: "PerGB2018" }, retentionInDays: 30 }, parent).id;
        const record = this.record(name, settings, workspaceId, inGroup);
        const grants = this.grant(name, {
            principalId: identity.principalId,
            vaultId,
            drillGroupId: group.id,
            subnetId: subnet.id,
            stagingAccountId: staging.id,
            recordRuleId: record.rule.id,
            sourceVmIds,
            sourceVmCount: sourceVmInputs.length,
        });
        const environmentId = givenEnvironment ?? this.environment(name, workspaceId, inGroup);
        const job = this.job(name, settings, files, args.runnerImage ?? exports.DEFAULT_RUNNER_IMAGE, environmentId, inGroup, grants, {
            vaultId,
            targetResourceGroupId: group.id,
            quarantineSubnetId: subnet.id,
            stagingAccountId: staging.id,
            identityId: identity.id,
            clientId: identity.clientId,
            logsEndpoint: record.endpoint.logsIngestion.apply((ingestion) => ingestion?.endpoint ?? ""),
            logsRuleId: record.rule.immutableId.apply((id) => id ?? ""),
        });
        this.alerts(name, settings, workspaceId, actionGroupId, inGroup, record.table);
        this.resourceGroupId = group.id;
        this.quarantineSubnetId = subnet.id;
        this.quarantineNsgId = nsg.id;
        this.principalId = identity.principalId;
        this.jobId = job.id;
        this.workspaceId = workspaceId;
        this.schedule = settings.schedule.expression;
        this.registerOutputs({
            resourceGroupId: this.resourceGroupId,
            quarantineSubnetId: this.quarantineSubnetId,
            quarantineNsgId: this.quarantineNsgId,
            principalId: this.principalId,
            jobId: this.jobId,
            workspaceId: this.workspaceId,
        });
    }
    /**
     * The quarantine: a subnet of the VNet with no default outbound access (network 2024-05-01,
     * subnet `defaultOutboundAccess`), behind an NSG in the VNet's group that admits nothing and
     * lets out nothing but the wire server (lib/restoreDrill/quarantine.ts).
     */
    quarantine(name, vnet, prefix, located) {
        const resourceGroupName = vnet.resourceGroupName;
        const nsg = new network.NetworkSecurityGroup(`${name}-quarantine-nsg`, { resourceGroupName, networkSecurityGroupName: restoreDrill_1.QUARANTINE_NSG_NAME, securityRules: (0, restoreDrill_1.quarantineRules)(), ...located }, { parent: this });
        const subnet = new network.Subnet(`${name}-quarantine-subnet`, {
            resourceGroupName,
            virtualNetworkName: vnet.name,
            subnetName: restoreDrill_1.QUARANTINE_SUBNET_NAME,
            addressPrefix: prefix,
            networkSecurityGroup: { id: nsg.id },
            defaultOutboundAccess: false,
        }, { parent: this });
        return { subnet, nsg };
    }
    /**
     * The staging account a restore request names (`storageAccountId` of an `IaasVMRestoreRequest`,
     * recoveryservicesbackup 2024-10-01 examples/AzureIaasVm/TriggerRestore_ALR_IaasVMRestoreRequest.json).
     * Azure Backup: in the vault's region, not zone-redundant, not a BlobStorage account; for a VM
     * with managed disks restored as a new VM "Azure Backup doesn't use the specified storage
     * account" (learn.microsoft.com/azure/backup/backup-azure-arm-restore-vms#storage-accounts), so
     * it can be closed: no public blob access, no shared keys, TLS 1.2, and a firewall that admits
     * only trusted Azure services (Azure Backup among them). Storage 2024-01-01.
     */
    stagingAccount(name, vaultId, inGroup) {
        return new storage.StorageAccount(`${name}-staging`, {
            ...inGroup,
            accountName: vaultId.apply((id) => (0, restoreDrill_1.stagingAccountName)(id, name)),
            kind: "StorageV2",
            sku: { name: "Standard_LRS" },
            minimumTlsVersion: "TLS1_2",
            enableHttpsTrafficOnly: true,
            allowBlobPublicAccess: false,
            allowSharedKeyAccess: false,
            allowCrossTenantReplication: false,
            defaultToOAuthAuthentication: true,
            publicNetworkAccess: "Enabled",
            networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices", ipRules: [], virtualNetworkRules: [] },
        }, { parent: this });
    }
    /**
     * Where results go: the table `RestoreDrill_CL` (operationalinsights 2023-09-01, Tables.json
     * `Schema.columns`), a data collection endpoint and a rule whose custom stream lands in it
     * unchanged (Microsoft.Insights 2022-06-01, dataCollectionRules_API.json `streamDeclarations`,
     * `DataFlow.transformKql`, `outputStream`; the Logs Ingestion API takes the endpoint, the rule's
     * immutable id and the stream).
     */
    record(name, settings, workspaceId, inGroup) {
        const workspace = workspaceId.apply((id) => (0, armIds_1.parseResourceId)("logAnalyticsWorkspaceId", id, azureTypes_1.ARM_TYPES.workspace));
        const table = new operationalinsights.Table(`${name}-records`, {
            resourceGroupName: workspace.apply((parts) => parts.resourceGroupName),
            workspaceName: workspace.apply((parts) => parts.names[0]),
            tableName: restoreDrill_1.RECORD_TABLE,
            plan: "Analytics",
            retentionInDays: settings.recordRetentionDays,
            totalRetentionInDays: settings.recordRetentionDays,
            schema: { name: restoreDrill_1.RECORD_TABLE, columns: (0, restoreDrill_1.tableColumns)() },
        }, 
        // The records are the proof that restores were tested: they outlive the drill.
        { parent: this, retainOnDelete: true });
        const endpoint = new monitor.DataCollectionEndpoint(`${name}-ingestion`, { ...inGroup, networkAcls: { publicNetworkAccess: "Enabled" } }, { parent: this });
        const rule = new monitor.DataCollectionRule(`${name}-ingestion`, {
            ...inGroup,
            description: "Restore drill results to the RestoreDrill_CL table.",
            dataCollectionEndpointId: endpoint.id,
            streamDeclarations: { [restoreDrill_1.RECORD_STREAM]: { columns: (0, restoreDrill_1.streamColumns)() } },
            destinations: { logAnalytics: [{ name: "workspace", workspaceResourceId: workspaceId }] },
            dataFlows: [{ streams: [restoreDrill_1.RECORD_STREAM], destinations: ["workspace"], transformKql: "source", outputStream: restoreDrill_1.RECORD_STREAM }],
        }, { parent: this, dependsOn: [table] });
        return { table, endpoint, rule };
    }
    /**
     * The runner's roles (lib/restoreDrill/roles.ts), each assigned at the one resource it
     * concerns. Custom roles live in the vault's subscription and may be assigned only in the
     * resource groups of the resources they are granted on. Role definitions and assignments:
     * Microsoft.Authorization 2022-05-01-preview and 2022-04-01 (the assignment's name a GUID).
     */
    grant(name, targets) {
        const plan = pulumi
            .all([targets.vaultId, targets.drillGroupId, targets.subnetId, targets.stagingAccountId, targets.recordRuleId, targets.sourceVmIds])
            .apply(([vaultId, drillGroupId, subnetId, stagingAccountId, recordRuleId, sourceVmIds]) => (0, restoreDrill_1.drillGrants)({ vaultId, drillGroupId, subnetId, stagingAccountId, recordRuleId, sourceVmIds }));
        const subscription = targets.vaultId.apply((id) => `/subscriptions/${id.split("/")[2]}`);
        const definitions = new Map();
        for (const role of Object.values(restoreDrill_1.CUSTOM_ROLES)) {
            const guid = targets.vaultId.apply((vaultId) => (0, restoreDrill_1.customRoleGuid)(role.key, `${vaultId.toLowerCase()}|${name}`));
            const assignableScopes = plan.apply((grants) => [...new Set(grants.filter((grant) => grant.role === role.key).map((grant) => grant.assignableScope))]);
            const resource = new authorization.RoleDefinition(`${name}-role-${role.key}`, {
                scope: subscription,
                roleDefinitionId: guid,
                roleName: guid.apply((id) => `Restore drill ${role.key} ${id.slice(0, 8)}`),
                description: role.description,
                permissions: [{ actions: [...role.actions], notActions: [], dataActions: [], notDataActions: [] }],
                assignableScopes,
            }, { parent: this });
            definitions.set(role.key, { id: pulumi.interpolate `${subscription}/providers/Microsoft.Authorization/roleDefinitions/${guid}`, resource });
        }
        // The grants' keys are known now (one per source VM), their scopes only when the ids resolve.
        return grantKeys(targets.sourceVmCount).map((key) => {
            const grant = plan.apply((grants) => grants.find((candidate) => candidate.key === key));
            const roleDefinitionId = grant.apply((g) => g.role).apply((role) => typeof role === "string" ? definitions.get(role).id : pulumi.interpolate `${subscription}/providers/Microsoft.Authorization/roleDefinitions/${role.builtIn}`);
            const roleKey = key.startsWith("source-vm-") ? "source-vm" : key === "record" ? undefined : key;
            return new authorization.RoleAssignment(`${name}-grant-${key}`, {
                scope: grant.apply((g) => g.scope),
                roleDefinitionId,
                principalId: targets.principalId,
                principalType: "ServicePrincipal",
                roleAssignmentName: pulumi.all([grant, roleDefinitionId, targets.principalId]).apply(([g, roleId, principalId]) => (0, restoreDrill_1.assignmentName)(g.scope, roleId, principalId ?? "")),
                description: `Restore drill ${name}: ${key}`,
            }, { parent: this, dependsOn: roleKey ? [definitions.get(roleKey).resource] : [] });
        });
    }
    /**
     * A consumption-only environment for the job (Microsoft.App 2025-02-02-preview,
     * ManagedEnvironments.json `workloadProfiles`, `appLogsConfiguration.destination` "azure-monitor"),
     * its logs sent to the workspace by a diagnostic setting.
     */
    environment(name, workspaceId, inGroup) {
        const environment = new app.ManagedEnvironment(`${name}-environment`, { ...inGroup, workloadProfiles: [{ name: "Consumption", workloadProfileType: "Consumption" }], appLogsConfiguration: { destination: "azure-monitor" } }, { parent: this });
        new monitor.DiagnosticSetting(`${name}-environment-logs`, { resourceUri: environment.id, name: "restore-drill-logs", workspaceId, logs: [{ categoryGroup: "allLogs", enabled: true }] }, { parent: this });
        return environment.id;
    }
    /**
     * The job (Microsoft.App 2025-02-02-preview, Jobs.json: `triggerType` "Schedule",
     * `scheduleTriggerConfig.cronExpression`, `replicaTimeout` in seconds, `replicaRetryLimit`),
     * on the environment's "Consumption" workload profile. One replica, no retry: a retried run would restore again while the
     * first run's clones may still exist; a run that dies is the dead man's switch's to report.
     */
    job(name, settings, files, image, environmentId, inGroup, grants, env) {
        const variables = pulumi
            .all([env.vaultId, env.targetResourceGroupId, env.quarantineSubnetId, env.stagingAccountId, env.clientId, env.logsEndpoint, env.logsRuleId])
            .apply(([vaultId, targetResourceGroupId, quarantineSubnetId, stagingAccountId, clientId, logsEndpoint, logsRuleId]) => (0, restoreDrill_1.runnerEnvironment)(settings, { vaultId, targetResourceGroupId, quarantineSubnetId, stagingAccountId, clientId, logsEndpoint, logsRuleId, logsStream: restoreDrill_1.RECORD_STREAM }));
        return new app.Job(`${name}-job`, {
            ...inGroup,
            jobName: `${name}-job`.toLowerCase().slice(0, 32),
            environmentId,
            workloadProfileName: "Consumption",
            identity: { type: "UserAssigned", userAssignedIdentities: [env.identityId] },
            configuration: {
                triggerType: "Schedule",
                scheduleTriggerConfig: { cronExpression: settings.schedule.expression, parallelism: 1, replicaCompletionCount: 1 },
                replicaTimeout: settings.runMinutes * 60,
                replicaRetryLimit: 0,
                secrets: files.map((file) => ({ name: file.secretName, value: file.content })),
            },
            template: {
                containers: [
                    {
                        name: "runner",
                        image,
                        command: ["node", `${restoreDrill_1.RUNNER_MOUNT}/${restoreDrill_1.RUNNER_ENTRY}`],
                        env: variables,
                        resources: { cpu: 0.25, memory: "0.5Gi" },
                        volumeMounts: [{ volumeName: "runner", mountPath: restoreDrill_1.RUNNER_MOUNT }],
                    },
                ],
                volumes: [{ name: "runner", storageType: "Secret", secrets: files.map((file) => ({ secretRef: file.secretName, path: file.path })) }],
            },
        }, 
        // The first run must find its roles in place.
        { parent: this, dependsOn: grants });
    }
    /**
     * Who hears of it: a failed drill, as it arrives; and the dead man's switch, a run that was due
     * and left no record (lib/restoreDrill/record.ts). Log search alerts, Microsoft.Insights
     * 2025-01-01-preview (scheduledQueryRule_API.json; frequency and window within the two days an
     * alert may read).
     */
    alerts(name, settings, workspaceId, actionGroupId, inGroup, table) {
        const common = { ...inGroup, kind: "LogAlert", enabled: true, scopes: [workspaceId], actions: { actionGroups: actionGroupId ? [actionGroupId] : [] } };
        new monitor.ScheduledQueryRule(`${name}-drill-failed`, {
            ...common,
            ruleName: `${name}-drill-failed`,
            description: "A restore drill failed: a VM of the vault could not be restored, booted, checked or removed.",
            severity: 1,
            evaluationFrequency: (0, restoreDrill_1.isoMinutes)(restoreDrill_1.FAILED_DRILL_WINDOW_MINUTES),
            windowSize: (0, restoreDrill_1.isoMinutes)(restoreDrill_1.FAILED_DRILL_WINDOW_MINUTES),
            autoMitigate: false,
            criteria: { allOf: [{ query: (0, restoreDrill_1.failedDrillQuery)(), timeAggregation: "Count", operator: "GreaterThan", threshold: 0, failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 } }] },
        }, { parent: this, dependsOn: [table] });
        new monitor.ScheduledQueryRule(`${name}-drill-overdue`, {
            ...common,
            ruleName: `${name}-drill-overdue`,
            description: `No restore drill record since a run was due (schedule "${settings.schedule.expression}" UTC): the drill stopped running, or left VMs out.`,
            severity: 1,
            evaluationFrequency: "PT1H",
            windowSize: (0, restoreDrill_1.isoMinutes)(restoreDrill_1.ALERT_LOOKBACK_MINUTES),
            autoMitigate: true,
            criteria: {
                allOf: [
                    {
                        query: (0, restoreDrill_1.overdueDrillQuery)({ schedule: settings.schedule, runMinutes: settings.runMinutes, vmNames: settings.vmNames, periodMinutes: settings.periodMinutes }),
                        timeAggregation: "Count",
                        operator: "GreaterThan",
                        threshold: 0,
                        failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 },
                    },
                ],
            },
        }, { parent: this, dependsOn: [table] });
    }
}
exports.RestoreDrill = RestoreDrill;
/** The drill's group is none of the groups of the vault, the drilled VMs or the VNet (ARM names ignore case). */
function checkDrillGroup(groupName, ids, vnetGroup) {
    const taken = [...ids.map((id) => id.split("/")[4] ?? ""), vnetGroup];
    if (taken.some((other) => other.toLowerCase() === groupName.toLowerCase())) {
        (0, errors_1.invalid)("resourceGroupName", "a resource group of the drill's own, which it creates and deletes with everything in it: not the vault's, the VMs' or the virtual network's", groupName);
    }
    return groupName;
}
/** The VNet by id, or by name and group: one form or the other. */
function virtualNetworkOf(args) {
    const byName = args.virtualNetworkName !== undefined || args.virtualNetworkResourceGroupName !== undefined;
    if (args.virtualNetworkId !== undefined && byName) {
        (0, errors_1.invalid)("virtualNetworkId", "set alone, or virtualNetworkName and virtualNetworkResourceGroupName instead: not both", "both");
    }
    if (args.virtualNetworkId !== undefined) {
        const parts = (0, inputs_1.whenKnown)(args.virtualNetworkId, (id) => (0, armIds_1.parseResourceId)("virtualNetworkId", id, azureTypes_1.ARM_TYPES.virtualNetwork));
        return pulumi.Output.isInstance(parts)
            ? { resourceGroupName: parts.apply((p) => p.resourceGroupName), name: parts.apply((p) => p.names[0]) }
            : { resourceGroupName: parts.resourceGroupName, name: parts.names[0] };
    }
    if (args.virtualNetworkName === undefined || args.virtualNetworkResourceGroupName === undefined) {
        (0, errors_1.invalid)("virtualNetworkId", "the ARM id of the virtual network that gets the quarantine subnet, or virtualNetworkName and virtualNetworkResourceGroupName", args.virtualNetworkId);
    }
    return { resourceGroupName: args.virtualNetworkResourceGroupName, name: args.virtualNetworkName };
}
/** An id argument checked now when plain, when it resolves otherwise. */
function checkedId(setting, id, typePath) {
    return pulumi.output((0, inputs_1.whenKnown)(id, (known) => ((0, armIds_1.parseResourceId)(setting, known, typePath), known)));
}
/** The grants' keys, known before their scopes: they depend on the number of source VMs only. */
function grantKeys(sourceVms) {
    const unknown = "/subscriptions/-/resourceGroups/-/providers/-/-/-";
    return (0, restoreDrill_1.drillGrants)({ vaultId: unknown, drillGroupId: unknown, subnetId: unknown, stagingAccountId: unknown, recordRuleId: unknown, sourceVmIds: Array(sourceVms).fill(unknown) }).map((grant) => grant.key);
}
