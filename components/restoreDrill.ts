import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as app from "@pulumi/azure-native/app";
import * as authorization from "@pulumi/azure-native/authorization";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as monitor from "@pulumi/azure-native/monitor";
import * as network from "@pulumi/azure-native/network";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import * as resources from "@pulumi/azure-native/resources";
import * as storage from "@pulumi/azure-native/storage";
import { CommonArgs } from "./sharedArgs";
import { withoutTypeAliases } from "../lib/aliases";
import { argumentNames } from "../lib/arguments";
import { parseResourceId } from "../lib/armIds";
import { whenAllKnown, whenKnown } from "../lib/inputs";
import { checkWorkspaceId } from "../lib/monitoring";
import { checkRegion } from "../lib/validation/names";
import { checkedTags, checkStorageAccountTags } from "../lib/vaultSettings";
import {
    assignmentName,
    checkDrillSettings,
    checkQuarantinePrefix,
    CUSTOM_ROLES,
    CustomRole,
    customRoleGuid,
    DrillSettings,
    drillGrants,
    Grant,
    FAILED_DRILL_WINDOW_MINUTES,
    failedDrillQuery,
    isoMinutes,
    overdueDrillQuery,
    packageRunner,
    QUARANTINE_NSG_NAME,
    QUARANTINE_SUBNET_NAME,
    quarantineRules,
    RECORD_STREAM,
    RECORD_TABLE,
    RUNNER_ENTRY,
    RUNNER_MOUNT,
    runnerEnvironment,
    stagingAccountName,
    streamColumns,
    tableColumns,
    ALERT_LOOKBACK_MINUTES,
} from "../lib/restoreDrill";
import { ARM_TYPES } from "../policy/rulebook/azureTypes";
import { invalid } from "../policy/rulebook/errors";
import { knownRegions } from "../lib/regionData";

export interface RestoreDrillArgs extends CommonArgs {
    /** The Recovery Services vault whose protected VMs are drilled, by ARM id. */
    vaultId: pulumi.Input<string>;
    /** The vault's region: a restore stays in it, and so do the drill's resources. */
    location: string;
    /** The virtual network that gets the quarantine subnet, by ARM id; or give `virtualNetworkName` and `virtualNetworkResourceGroupName`. */
    virtualNetworkId?: pulumi.Input<string>;
    /** The virtual network's name, with `virtualNetworkResourceGroupName`, instead of `virtualNetworkId`. @default read from virtualNetworkId */
    virtualNetworkName?: pulumi.Input<string>;
    /** The virtual network's resource group, with `virtualNetworkName`. @default read from virtualNetworkId */
    virtualNetworkResourceGroupName?: pulumi.Input<string>;
    /** The quarantine subnet's address prefix: a free range of the virtual network, a /29 or larger. */
    quarantineSubnetPrefix: pulumi.Input<string>;
    /** Who hears of a failed or missed drill: an action group, by ARM id (`BackupMonitoring`'s `actionGroupId`). @default none: the alerts are raised in Azure Monitor, nobody is told */
    actionGroupId?: pulumi.Input<string>;
    /** The Log Analytics workspace of the drill's records and alerts, by ARM id. @default a workspace created in the drill's resource group */
    logAnalyticsWorkspaceId?: pulumi.Input<string>;
    /** The drill's own resource group: clones, staging account, runner. Never a group production lives in. @default "<name>-rg" */
    resourceGroupName?: string;
    /** The VMs to drill, by name. @default [] (every VM the vault protects) */
    vmNames?: string[];
    /**
     * The ARM ids of the VMs drilled: Azure Backup lets only a caller who may write a VM restore a
     * copy of it, so the runner gets exactly `Microsoft.Compute/virtualMachines/write` on each, at
     * the VM itself. A VM drilled but not listed here fails its drill, and the failure alert fires.
     * @default []
     */
    sourceVmIds?: pulumi.Input<string>[];
    /** VMs restored at once, 1 to 10. @default 2 */
    maxParallel?: number;
    /** "latest": the newest recovery point; "random": one drawn from the last `recoveryPointWindowDays`. @default "latest" */
    recoveryPoint?: string;
    /** With `recoveryPoint` "random": the days back a recovery point is drawn from. @default 7 */
    recoveryPointWindowDays?: number;
    /** When drills run: a 5-field cron expression in UTC, as Container Apps jobs take it. @default "0 3 * * 6" (Saturdays 03:00 UTC) */
    schedule?: string;
    /** How long one VM's drill (restore, boot, checks, removal) may take, in minutes, 15 to 1440. @default 120 */
    timeoutMinutes?: number;
    /** A script run in each restored VM by Run Command (shell on Linux, PowerShell on Windows); a non-zero exit fails the drill. @default none: the VM must boot and its agent answer */
    checkScript?: string;
    /** Seconds between two looks at a restore job. @default 30 */
    pollSeconds?: number;
    /** Days the records are kept (auditors ask for a year of restore tests), 4 to 730. @default 365 */
    recordRetentionDays?: number;
    /**
     * An existing Container Apps environment (with a workload profile named "Consumption") to run
     * the drill's job in, by ARM id: subscriptions hold a limited number of environments per region
     * (learn.microsoft.com/azure/container-apps/quotas). @default a consumption-only environment
     * created in the drill's resource group
     */
    containerAppsEnvironmentId?: pulumi.Input<string>;
    /** The runner's image: a stock Node.js image, no image of our own. @default "mcr.microsoft.com/azurelinux/base/nodejs:20" */
    runnerImage?: string;
    /** The folder of the compiled runner (`runner.js` and what it requires). @default this package's `bin/drill` */
    runnerFolder?: string;
}

/** Every argument's name, held complete by the compiler (the reference environment maps its settings onto them). */
export const RESTORE_DRILL_ARGUMENTS = argumentNames<RestoreDrillArgs>()([
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
export const DEFAULT_RUNNER_IMAGE = "mcr.microsoft.com/azurelinux/base/nodejs:20";

/** This package's compiled runner: `bin/drill` beside `bin/components` (compiled) or `components` (sources). */
function defaultRunnerFolder(): string {
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
export class RestoreDrill extends pulumi.ComponentResource {
    /** The drill's resource group. */
    public readonly resourceGroupId: pulumi.Output<string>;
    /** The quarantine subnet the clones join. */
    public readonly quarantineSubnetId: pulumi.Output<string>;
    /** The quarantine subnet's NSG. */
    public readonly quarantineNsgId: pulumi.Output<string>;
    /** The runner's managed identity, by principal id. */
    public readonly principalId: pulumi.Output<string>;
    /** The Container Apps job that runs the drill. */
    public readonly jobId: pulumi.Output<string>;
    /** The workspace holding the `RestoreDrill_CL` records. */
    public readonly workspaceId: pulumi.Output<string>;
    /** The schedule, as the job runs it (UTC). */
    public readonly schedule: string;

    constructor(name: string, args: RestoreDrillArgs, opts?: pulumi.ComponentResourceOptions) {
        super("backup-ready:index:RestoreDrill", name, {}, withoutTypeAliases(opts, args.keepTypeAliases));

        checkRegion("location", args.location, knownRegions());
        const settings = checkDrillSettings(args);
        const tags = checkedTags(args.tags);
        checkStorageAccountTags("tags", tags, "the drill's staging storage account");
        const files = packageRunner("runnerFolder", args.runnerFolder ?? defaultRunnerFolder());
        const vaultId = checkedId("vaultId", args.vaultId, ARM_TYPES.vault);
        const vnet = virtualNetworkOf(args);
        const subnetPrefix = whenKnown(args.quarantineSubnetPrefix, (prefix) => checkQuarantinePrefix("quarantineSubnetPrefix", prefix));
        const actionGroupId = args.actionGroupId === undefined ? undefined : checkedId("actionGroupId", args.actionGroupId, "Microsoft.Insights/actionGroups");
        if (typeof args.logAnalyticsWorkspaceId === "string") {
            checkWorkspaceId("logAnalyticsWorkspaceId", args.logAnalyticsWorkspaceId);
        }
        const givenEnvironment = args.containerAppsEnvironmentId === undefined ? undefined : checkedId("containerAppsEnvironmentId", args.containerAppsEnvironmentId, "Microsoft.App/managedEnvironments");
        const sourceVmInputs = args.sourceVmIds ?? [];
        const sourceVmIds = pulumi.all(sourceVmInputs.map((id, i) => checkedId(`sourceVmIds[${i}]`, id, ARM_TYPES.virtualMachine)));
        const parent = { parent: this };
        const located = { location: args.location, tags };

        // The drill's group is deleted with the drill: it must hold nothing else, least of all what is drilled.
        const groupName = whenAllKnown([args.vaultId, vnet.resourceGroupName, ...sourceVmInputs], ([vault, vnetGroup, ...vms]) =>
            checkDrillGroup(args.resourceGroupName ?? `${name}-rg`, [vault, ...vms], vnetGroup),
        );
        const group = new resources.ResourceGroup(`${name}-rg`, { resourceGroupName: groupName, ...located }, parent);
        const inGroup = { resourceGroupName: group.name, ...located };

        const { subnet, nsg } = this.quarantine(name, vnet, subnetPrefix, located);
        const staging = this.stagingAccount(name, vaultId, inGroup);
        // The runner's own identity (managedidentity 2023-01-31): granted only what lib/restoreDrill/roles.ts lists.
        const identity = new managedidentity.UserAssignedIdentity(`${name}-identity`, { ...inGroup, resourceName: `${name}-runner` }, parent);

        const workspaceId: pulumi.Output<string> =
            args.logAnalyticsWorkspaceId !== undefined
                ? pulumi.output(args.logAnalyticsWorkspaceId).apply((id) => checkWorkspaceId("logAnalyticsWorkspaceId", id))
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
        const job = this.job(name, settings, files, args.runnerImage ?? DEFAULT_RUNNER_IMAGE, environmentId, inGroup, grants, {
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
    private quarantine(name: string, vnet: VirtualNetworkRef, prefix: pulumi.Input<string>, located: { location: string; tags?: Record<string, string> }) {
        const resourceGroupName = vnet.resourceGroupName;
        const nsg = new network.NetworkSecurityGroup(
            `${name}-quarantine-nsg`,
            { resourceGroupName, networkSecurityGroupName: QUARANTINE_NSG_NAME, securityRules: quarantineRules(), ...located },
            { parent: this },
        );
        const subnet = new network.Subnet(
            `${name}-quarantine-subnet`,
            {
                resourceGroupName,
                virtualNetworkName: vnet.name,
                subnetName: QUARANTINE_SUBNET_NAME,
                addressPrefix: prefix,
                networkSecurityGroup: { id: nsg.id },
                defaultOutboundAccess: false,
            },
            { parent: this },
        );
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
    private stagingAccount(name: string, vaultId: pulumi.Output<string>, inGroup: { resourceGroupName: pulumi.Input<string>; location: string; tags?: Record<string, string> }) {
        return new storage.StorageAccount(
            `${name}-staging`,
            {
                ...inGroup,
                accountName: vaultId.apply((id) => stagingAccountName(id, name)),
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
            },
            { parent: this },
        );
    }

    /**
     * Where results go: the table `RestoreDrill_CL` (operationalinsights 2023-09-01, Tables.json
     * `Schema.columns`), a data collection endpoint and a rule whose custom stream lands in it
     * unchanged (Microsoft.Insights 2022-06-01, dataCollectionRules_API.json `streamDeclarations`,
     * `DataFlow.transformKql`, `outputStream`; the Logs Ingestion API takes the endpoint, the rule's
     * immutable id and the stream).
     */
    private record(name: string, settings: DrillSettings, workspaceId: pulumi.Output<string>, inGroup: { resourceGroupName: pulumi.Input<string>; location: string; tags?: Record<string, string> }) {
        const workspace = workspaceId.apply((id) => parseResourceId("logAnalyticsWorkspaceId", id, ARM_TYPES.workspace));
        const table = new operationalinsights.Table(
            `${name}-records`,
            {
                resourceGroupName: workspace.apply((parts) => parts.resourceGroupName),
                workspaceName: workspace.apply((parts) => parts.names[0]),
                tableName: RECORD_TABLE,
                plan: "Analytics",
                retentionInDays: settings.recordRetentionDays,
                totalRetentionInDays: settings.recordRetentionDays,
                schema: { name: RECORD_TABLE, columns: tableColumns() },
            },
            // The records are the proof that restores were tested: they outlive the drill.
            { parent: this, retainOnDelete: true },
        );
        const endpoint = new monitor.DataCollectionEndpoint(`${name}-ingestion`, { ...inGroup, networkAcls: { publicNetworkAccess: "Enabled" } }, { parent: this });
        const rule = new monitor.DataCollectionRule(
            `${name}-ingestion`,
            {
                ...inGroup,
                description: "Restore drill results to the RestoreDrill_CL table.",
                dataCollectionEndpointId: endpoint.id,
                streamDeclarations: { [RECORD_STREAM]: { columns: streamColumns() } },
                destinations: { logAnalytics: [{ name: "workspace", workspaceResourceId: workspaceId }] },
                dataFlows: [{ streams: [RECORD_STREAM], destinations: ["workspace"], transformKql: "source", outputStream: RECORD_STREAM }],
            },
            { parent: this, dependsOn: [table] },
        );
        return { table, endpoint, rule };
    }

    /**
     * The runner's roles (lib/restoreDrill/roles.ts), each assigned at the one resource it
     * concerns. Custom roles live in the vault's subscription and may be assigned only in the
     * resource groups of the resources they are granted on. Role definitions and assignments:
     * Microsoft.Authorization 2022-05-01-preview and 2022-04-01 (the assignment's name a GUID).
     */
    private grant(
        name: string,
        targets: {
            principalId: pulumi.Output<string>;
            vaultId: pulumi.Output<string>;
            drillGroupId: pulumi.Output<string>;
            subnetId: pulumi.Output<string>;
            stagingAccountId: pulumi.Output<string>;
            recordRuleId: pulumi.Output<string>;
            sourceVmIds: pulumi.Output<string[]>;
            sourceVmCount: number;
        },
    ): pulumi.Resource[] {
        const plan = pulumi
            .all([targets.vaultId, targets.drillGroupId, targets.subnetId, targets.stagingAccountId, targets.recordRuleId, targets.sourceVmIds])
            .apply(([vaultId, drillGroupId, subnetId, stagingAccountId, recordRuleId, sourceVmIds]) =>
                drillGrants({ vaultId, drillGroupId, subnetId, stagingAccountId, recordRuleId, sourceVmIds }),
            );
        const subscription = targets.vaultId.apply((id) => `/subscriptions/${id.split("/")[2]}`);
        const definitions = new Map<CustomRole["key"], { id: pulumi.Output<string>; resource: authorization.RoleDefinition }>();
        for (const role of Object.values(CUSTOM_ROLES)) {
            const guid = targets.vaultId.apply((vaultId) => customRoleGuid(role.key, `${vaultId.toLowerCase()}|${name}`));
            const assignableScopes = plan.apply((grants) => [...new Set(grants.filter((grant) => grant.role === role.key).map((grant) => grant.assignableScope))]);
            const resource = new authorization.RoleDefinition(
                `${name}-role-${role.key}`,
                {
                    scope: subscription,
                    roleDefinitionId: guid,
                    roleName: guid.apply((id) => `Restore drill ${role.key} ${id.slice(0, 8)}`),
                    description: role.description,
                    permissions: [{ actions: [...role.actions], notActions: [], dataActions: [], notDataActions: [] }],
                    assignableScopes,
                },
                { parent: this },
            );
            definitions.set(role.key, { id: pulumi.interpolate`${subscription}/providers/Microsoft.Authorization/roleDefinitions/${guid}`, resource });
        }
        // The grants' keys are known now (one per source VM), their scopes only when the ids resolve.
        return grantKeys(targets.sourceVmCount).map((key) => {
            const grant = plan.apply((grants) => grants.find((candidate) => candidate.key === key) as Grant);
            const roleDefinitionId = grant.apply((g) => g.role).apply((role) =>
                typeof role === "string" ? (definitions.get(role) as { id: pulumi.Output<string> }).id : pulumi.interpolate`${subscription}/providers/Microsoft.Authorization/roleDefinitions/${role.builtIn}`,
            );
            const roleKey = key.startsWith("source-vm-") ? "source-vm" : key === "record" ? undefined : (key as CustomRole["key"]);
            return new authorization.RoleAssignment(
                `${name}-grant-${key}`,
                {
                    scope: grant.apply((g) => g.scope),
                    roleDefinitionId,
                    principalId: targets.principalId,
                    principalType: "ServicePrincipal",
                    roleAssignmentName: pulumi.all([grant, roleDefinitionId, targets.principalId]).apply(([g, roleId, principalId]) => assignmentName(g.scope, roleId, principalId ?? "")),
                    description: `Restore drill ${name}: ${key}`,
                },
                { parent: this, dependsOn: roleKey ? [(definitions.get(roleKey) as { resource: pulumi.Resource }).resource] : [] },
            );
        });
    }

    /**
     * A consumption-only environment for the job (Microsoft.App 2025-02-02-preview,
     * ManagedEnvironments.json `workloadProfiles`, `appLogsConfiguration.destination` "azure-monitor"),
     * its logs sent to the workspace by a diagnostic setting.
     */
    private environment(name: string, workspaceId: pulumi.Output<string>, inGroup: { resourceGroupName: pulumi.Input<string>; location: string; tags?: Record<string, string> }): pulumi.Output<string> {
        const environment = new app.ManagedEnvironment(
            `${name}-environment`,
            { ...inGroup, workloadProfiles: [{ name: "Consumption", workloadProfileType: "Consumption" }], appLogsConfiguration: { destination: "azure-monitor" } },
            { parent: this },
        );
        new monitor.DiagnosticSetting(
            `${name}-environment-logs`,
            { resourceUri: environment.id, name: "restore-drill-logs", workspaceId, logs: [{ categoryGroup: "allLogs", enabled: true }] },
            { parent: this },
        );
        return environment.id;
    }

    /**
     * The job (Microsoft.App 2025-02-02-preview, Jobs.json: `triggerType` "Schedule",
     * `scheduleTriggerConfig.cronExpression`, `replicaTimeout` in seconds, `replicaRetryLimit`),
     * on the environment's "Consumption" workload profile. One replica, no retry: a retried run would restore again while the
     * first run's clones may still exist; a run that dies is the dead man's switch's to report.
     */
    private job(
        name: string,
        settings: DrillSettings,
        files: ReturnType<typeof packageRunner>,
        image: string,
        environmentId: pulumi.Output<string>,
        inGroup: { resourceGroupName: pulumi.Input<string>; location: string; tags?: Record<string, string> },
        grants: pulumi.Resource[],
        env: {
            vaultId: pulumi.Output<string>;
            targetResourceGroupId: pulumi.Output<string>;
            quarantineSubnetId: pulumi.Output<string>;
            stagingAccountId: pulumi.Output<string>;
            identityId: pulumi.Output<string>;
            clientId: pulumi.Output<string>;
            logsEndpoint: pulumi.Output<string>;
            logsRuleId: pulumi.Output<string>;
        },
    ): app.Job {
        const variables = pulumi
            .all([env.vaultId, env.targetResourceGroupId, env.quarantineSubnetId, env.stagingAccountId, env.clientId, env.logsEndpoint, env.logsRuleId])
            .apply(([vaultId, targetResourceGroupId, quarantineSubnetId, stagingAccountId, clientId, logsEndpoint, logsRuleId]) =>
                runnerEnvironment(settings, { vaultId, targetResourceGroupId, quarantineSubnetId, stagingAccountId, clientId, logsEndpoint, logsRuleId, logsStream: RECORD_STREAM }),
            );
        return new app.Job(
            `${name}-job`,
            {
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
                            command: ["node", `${RUNNER_MOUNT}/${RUNNER_ENTRY}`],
                            env: variables,
                            resources: { cpu: 0.25, memory: "0.5Gi" },
                            volumeMounts: [{ volumeName: "runner", mountPath: RUNNER_MOUNT }],
                        },
                    ],
                    volumes: [{ name: "runner", storageType: "Secret", secrets: files.map((file) => ({ secretRef: file.secretName, path: file.path })) }],
                },
            },
            // The first run must find its roles in place.
            { parent: this, dependsOn: grants },
        );
    }

    /**
     * Who hears of it: a failed drill, as it arrives; and the dead man's switch, a run that was due
     * and left no record (lib/restoreDrill/record.ts). Log search alerts, Microsoft.Insights
     * 2025-01-01-preview (scheduledQueryRule_API.json; frequency and window within the two days an
     * alert may read).
     */
    private alerts(
        name: string,
        settings: DrillSettings,
        workspaceId: pulumi.Output<string>,
        actionGroupId: pulumi.Output<string> | undefined,
        inGroup: { resourceGroupName: pulumi.Input<string>; location: string; tags?: Record<string, string> },
        table: pulumi.Resource,
    ): void {
        const common = { ...inGroup, kind: "LogAlert", enabled: true, scopes: [workspaceId], actions: { actionGroups: actionGroupId ? [actionGroupId] : [] } };
        new monitor.ScheduledQueryRule(
            `${name}-drill-failed`,
            {
                ...common,
                ruleName: `${name}-drill-failed`,
                description: "A restore drill failed: a VM of the vault could not be restored, booted, checked or removed.",
                severity: 1,
                evaluationFrequency: isoMinutes(FAILED_DRILL_WINDOW_MINUTES),
                windowSize: isoMinutes(FAILED_DRILL_WINDOW_MINUTES),
                autoMitigate: false,
                criteria: { allOf: [{ query: failedDrillQuery(), timeAggregation: "Count", operator: "GreaterThan", threshold: 0, failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 } }] },
            },
            { parent: this, dependsOn: [table] },
        );
        new monitor.ScheduledQueryRule(
            `${name}-drill-overdue`,
            {
                ...common,
                ruleName: `${name}-drill-overdue`,
                description: `No restore drill record since a run was due (schedule "${settings.schedule.expression}" UTC): the drill stopped running, or left VMs out.`,
                severity: 1,
                evaluationFrequency: "PT1H",
                windowSize: isoMinutes(ALERT_LOOKBACK_MINUTES),
                autoMitigate: true,
                criteria: {
                    allOf: [
                        {
                            query: overdueDrillQuery({ schedule: settings.schedule, runMinutes: settings.runMinutes, vmNames: settings.vmNames, periodMinutes: settings.periodMinutes }),
                            timeAggregation: "Count",
                            operator: "GreaterThan",
                            threshold: 0,
                            failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 },
                        },
                    ],
                },
            },
            { parent: this, dependsOn: [table] },
        );
    }
}

/** The drill's group is none of the groups of the vault, the drilled VMs or the VNet (ARM names ignore case). */
function checkDrillGroup(groupName: string, ids: string[], vnetGroup: string): string {
    const taken = [...ids.map((id) => id.split("/")[4] ?? ""), vnetGroup];
    if (taken.some((other) => other.toLowerCase() === groupName.toLowerCase())) {
        invalid("resourceGroupName", "a resource group of the drill's own, which it creates and deletes with everything in it: not the vault's, the VMs' or the virtual network's", groupName);
    }
    return groupName;
}

interface VirtualNetworkRef {
    resourceGroupName: pulumi.Input<string>;
    name: pulumi.Input<string>;
}

/** The VNet by id, or by name and group: one form or the other. */
function virtualNetworkOf(args: RestoreDrillArgs): VirtualNetworkRef {
    const byName = args.virtualNetworkName !== undefined || args.virtualNetworkResourceGroupName !== undefined;
    if (args.virtualNetworkId !== undefined && byName) {
        invalid("virtualNetworkId", "set alone, or virtualNetworkName and virtualNetworkResourceGroupName instead: not both", "both");
    }
    if (args.virtualNetworkId !== undefined) {
        const parts = whenKnown(args.virtualNetworkId, (id) => parseResourceId("virtualNetworkId", id, ARM_TYPES.virtualNetwork));
        return pulumi.Output.isInstance(parts)
            ? { resourceGroupName: parts.apply((p) => p.resourceGroupName), name: parts.apply((p) => p.names[0]) }
            : { resourceGroupName: parts.resourceGroupName, name: parts.names[0] };
    }
    if (args.virtualNetworkName === undefined || args.virtualNetworkResourceGroupName === undefined) {
        invalid("virtualNetworkId", "the ARM id of the virtual network that gets the quarantine subnet, or virtualNetworkName and virtualNetworkResourceGroupName", args.virtualNetworkId);
    }
    return { resourceGroupName: args.virtualNetworkResourceGroupName, name: args.virtualNetworkName };
}

/** An id argument checked now when plain, when it resolves otherwise. */
function checkedId(setting: string, id: pulumi.Input<string>, typePath: string): pulumi.Output<string> {
    return pulumi.output(whenKnown(id, (known) => (parseResourceId(setting, known, typePath), known)));
}

/** The grants' keys, known before their scopes: they depend on the number of source VMs only. */
function grantKeys(sourceVms: number): string[] {
    const unknown = "/subscriptions/-/resourceGroups/-/providers/-/-/-";
    return drillGrants({ vaultId: unknown, drillGroupId: unknown, subnetId: unknown, stagingAccountId: unknown, recordRuleId: unknown, sourceVmIds: Array(sourceVms).fill(unknown) }).map((grant) => grant.key);
}
