import * as pulumi from "@pulumi/pulumi";
import { CommonArgs } from "./sharedArgs";
import * as alertsmanagement from "@pulumi/azure-native/alertsmanagement";
import * as compute from "@pulumi/azure-native/compute";
import * as monitor from "@pulumi/azure-native/monitor";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import { withoutTypeAliases } from "../lib/aliases";
import { argumentNames } from "../lib/arguments";
import { whenKnown } from "../lib/inputs";
import { componentLabel, parseResourceId, parseVmId, vmArgument } from "../lib/armIds";
import { ARM_TYPES } from "../policy/rulebook/azureTypes";
import { PROXY_HEALTH, renderProxyHealthScript } from "../lib/guestConfig";
import { checkAlertEmails, checkWorkspaceId } from "../lib/monitoring";
import { proxyClientRunCommandArgs } from "../lib/proxyClientRunCommand";
import { ProxyEndpoint, proxyEndpointInput } from "../lib/validation/addresses";
import { checkRegion, checkUniqueKeys } from "../lib/validation/names";
import { checkedTags } from "../lib/vaultSettings";
import { ADD_ACTION_GROUPS, BACKUP_LOG_CATEGORIES, DEDICATED_TABLES } from "../policy/rulebook/monitoring";
import { invalid } from "../policy/rulebook/errors";
import { knownRegions } from "../lib/regionData";

/** A backup proxy to watch. */
export interface MonitoredProxyArgs {
    /** A stable key for this proxy within the component; it names the proxy's alerts. */
    name: string;
    /** The proxy VM's ARM id. */
    vmId: pulumi.Input<string>;
    /** The proxy VM's own private IP, which the heartbeat asks squid on: behind a load balancer a backend's, not the frontend (see `BackupProxy.monitoredProxies`). */
    proxyIp: pulumi.Input<string>;
    /** @default 3128 */
    proxyPort?: pulumi.Input<number>;
}

export interface BackupMonitoringArgs extends CommonArgs {
    /** The resource group of the alerts, the action group and a created workspace. */
    resourceGroupName: pulumi.Input<string>;
    /** The region of a created workspace and of the proxies' data collection rule: the vault's. */
    location: string;
    /** The Recovery Services vault whose failed jobs are routed to `alertEmails` and whose logs go to the workspace. */
    vaultId: pulumi.Input<string>;
    /** E-mail addresses told of every failed backup job and of a proxy that stops. @default [] (alerts are raised in Azure Monitor; nobody is told) */
    alertEmails?: string[];
    /** An existing Log Analytics workspace, by ARM id, for the vault's logs and the proxies' heartbeat. */
    logAnalyticsWorkspaceId?: string;
    /** Create a Log Analytics workspace for them instead. @default false */
    createWorkspace?: boolean;
    /** Backup proxies to watch: one availability alert each, and with a workspace one alert each when squid stops answering. @default [] */
    proxies?: MonitoredProxyArgs[];
}

/** Every argument of `BackupMonitoring`, once. */
export const BACKUP_MONITORING_ARGUMENTS = argumentNames<BackupMonitoringArgs>()([
    "resourceGroupName", "location", "vaultId", "alertEmails", "logAnalyticsWorkspaceId", "createWorkspace", "proxies", "tags", "keepTypeAliases",
]);

/** A watched proxy, its endpoint checked. */
type CheckedProxy = MonitoredProxyArgs & { endpoint: ProxyEndpoint | pulumi.Output<ProxyEndpoint> };

/**
 * Days a created workspace keeps logs: 30 are included in the Pay-As-You-Go price. Workspaces,
 * REST API 2023-09-01 (specification/operationalinsights/.../stable/2023-09-01/Workspaces.json:
 * `sku.name` "PerGB2018", `retentionInDays`).
 */
const WORKSPACE_RETENTION_DAYS = 30;

/**
 * Who hears of a failed backup and of a broken way out: the vault's built-in job-failure alerts
 * (turned on by `BackupVault`) routed by an alert processing rule to an action group that mails
 * `alertEmails`; the vault's Azure Backup logs in a Log Analytics workspace, in the
 * resource-specific tables; and each backup proxy watched, by its VM's availability metric and,
 * with a workspace, by a heartbeat that asks squid from inside the VM.
 */
export class BackupMonitoring extends pulumi.ComponentResource {
    /** The action group that mails `alertEmails`; undefined without them. */
    public readonly actionGroupId: pulumi.Output<string | undefined>;
    /** The workspace the vault's logs go to; undefined without one. */
    public readonly workspaceId: pulumi.Output<string | undefined>;

    constructor(name: string, args: BackupMonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
        super("backup-ready:index:BackupMonitoring", name, {}, withoutTypeAliases(opts, args.keepTypeAliases));

        checkRegion("location", args.location, knownRegions());
        const vaultId = pulumi.output(args.vaultId).apply((id) => (parseResourceId("vaultId", id, ARM_TYPES.vault), id));
        if (typeof args.vaultId === "string") {
            parseResourceId("vaultId", args.vaultId, ARM_TYPES.vault);
        }
        const emails = checkAlertEmails("alertEmails", args.alertEmails ?? []);
        if (args.logAnalyticsWorkspaceId !== undefined) {
            checkWorkspaceId("logAnalyticsWorkspaceId", args.logAnalyticsWorkspaceId);
            if (args.createWorkspace) {
                invalid("createWorkspace", "false when logAnalyticsWorkspaceId names an existing workspace: the logs go to one workspace", args.createWorkspace);
            }
        }
        const proxies: CheckedProxy[] = (args.proxies ?? []).map((proxy) => ({ ...proxy, endpoint: proxyEndpointInput(proxy.proxyIp, proxy.proxyPort) }));
        checkUniqueKeys("proxies[].name", proxies.map((proxy) => proxy.name), "proxy");
        const tags = checkedTags(args.tags);
        const group = { resourceGroupName: args.resourceGroupName };

        // Action groups and alert processing rules are global resources ("Global" in the REST examples:
        // specification/monitor/resource-manager/Microsoft.Insights/preview/2024-10-01-preview/examples/createOrUpdateActionGroup.json;
        // specification/alertsmanagement/resource-manager/Microsoft.AlertsManagement/stable/2021-08-08/AlertProcessingRules.json,
        // whose ManagedResource requires a location, and whose AddActionGroups action takes actionGroupIds).
        const actionGroup =
            emails.length > 0
                ? new monitor.ActionGroup(
                      `${name}-action-group`,
                      {
                          ...group,
                          location: "Global",
                          enabled: true,
                          // At most 12 characters: the name SMS and e-mail notifications show.
                          groupShortName: "backupready",
                          emailReceivers: emails.map((emailAddress, i) => ({ name: `email-${i + 1}`, emailAddress, useCommonAlertSchema: true })),
                          tags,
                      },
                      { parent: this },
                  )
                : undefined;
        const actionGroups = actionGroup ? [actionGroup.id] : [];

        if (actionGroup) {
            // The vault's built-in alerts name no action group of their own: a rule scoped to the
            // vault adds one (learn.microsoft.com/azure/backup/backup-azure-monitoring-built-in-monitor#configure-notifications-for-alerts).
            new alertsmanagement.AlertProcessingRuleByName(
                `${name}-vault-alerts`,
                {
                    ...group,
                    location: "Global",
                    properties: {
                        scopes: [vaultId],
                        actions: [{ actionType: ADD_ACTION_GROUPS, actionGroupIds: actionGroups }],
                        enabled: true,
                        description: "Sends every alert of the Recovery Services vault (failed backup jobs among them) to the backup action group.",
                    },
                    tags,
                },
                { parent: this },
            );
        }

        const workspaceId: pulumi.Input<string> | undefined = args.logAnalyticsWorkspaceId
            ? args.logAnalyticsWorkspaceId
            : args.createWorkspace
              ? new operationalinsights.Workspace(
                    `${name}-workspace`,
                    { ...group, location: args.location, sku: { name: "PerGB2018" }, retentionInDays: WORKSPACE_RETENTION_DAYS, tags },
                    { parent: this },
                ).id
              : undefined;

        if (workspaceId !== undefined) {
            // Diagnostic settings, REST API 2021-05-01-preview (Microsoft.Insights/preview/2021-05-01-preview/
            // diagnosticsSettings_API.json; its example createOrUpdateDiagnosticSetting.json sets
            // `logAnalyticsDestinationType` "Dedicated"): each category to its own resource-specific table.
            new monitor.DiagnosticSetting(
                `${name}-vault-logs`,
                {
                    resourceUri: vaultId,
                    name: "backup-ready-logs",
                    workspaceId,
                    logAnalyticsDestinationType: DEDICATED_TABLES,
                    logs: BACKUP_LOG_CATEGORIES.map((category) => ({ category, enabled: true })),
                },
                { parent: this },
            );
        }

        const healthRule = workspaceId !== undefined && proxies.length > 0 ? this.proxyHealthCollection(name, args, workspaceId, tags) : undefined;
        for (const proxy of proxies) {
            this.proxyAvailabilityAlert(name, proxy, args, actionGroups, tags);
            if (healthRule !== undefined && workspaceId !== undefined) {
                this.proxyHeartbeat(name, proxy, args, healthRule, workspaceId, actionGroups, tags);
            }
        }

        this.actionGroupId = actionGroup ? actionGroup.id : pulumi.output(undefined);
        this.workspaceId = workspaceId !== undefined ? pulumi.output(workspaceId) : pulumi.output(undefined);
        this.registerOutputs({ actionGroupId: this.actionGroupId, workspaceId: this.workspaceId });
    }

    /**
     * The VM is down: its platform metric `VmAvailabilityMetric` (1 available, 0 not; Microsoft.Compute/virtualMachines
     * supported metrics, learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/microsoft-compute-virtualmachines-metrics)
     * averages below 1 over five minutes. Metric alerts, REST API 2018-03-01
     * (specification/monitor/resource-manager/Microsoft.Insights/stable/2018-03-01/metricAlert_API.json:
     * `odata.type` Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria, `StaticThresholdCriterion`).
     */
    private proxyAvailabilityAlert(name: string, proxy: MonitoredProxyArgs, args: BackupMonitoringArgs, actionGroups: pulumi.Input<string>[], tags: Record<string, string> | undefined): void {
        new monitor.MetricAlert(
            `${name}-${proxy.name}-unavailable`,
            {
                resourceGroupName: args.resourceGroupName,
                location: "global",
                description: `Backup proxy ${proxy.name} is unavailable: no VM on the network path to Azure Backup's storage`,
                severity: 1,
                enabled: true,
                scopes: [proxy.vmId],
                evaluationFrequency: "PT1M",
                windowSize: "PT5M",
                autoMitigate: true,
                criteria: {
                    odataType: "Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria",
                    allOf: [
                        {
                            criterionType: "StaticThresholdCriterion",
                            name: "vm-availability",
                            metricNamespace: "Microsoft.Compute/virtualMachines",
                            metricName: "VmAvailabilityMetric",
                            operator: "LessThan",
                            threshold: 1,
                            timeAggregation: "Average",
                        },
                    ],
                },
                actions: actionGroups.map((actionGroupId) => ({ actionGroupId })),
                tags,
            },
            { parent: this },
        );
    }

    /**
     * One data collection rule for every proxy: their heartbeat's syslog facility to the workspace
     * (data collection rules, REST API 2022-06-01, Microsoft.Insights/stable/2022-06-01/dataCollectionRules_API.json: `SyslogDataSource`,
     * `LogAnalyticsDestination`, `DataFlow`; the Syslog table).
     */
    private proxyHealthCollection(name: string, args: BackupMonitoringArgs, workspaceId: pulumi.Input<string>, tags: Record<string, string> | undefined): monitor.DataCollectionRule {
        return new monitor.DataCollectionRule(
            `${name}-proxy-health`,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                kind: "Linux",
                description: "The backup proxies' heartbeat (syslog) to Log Analytics.",
                dataSources: {
                    syslog: [{ name: "proxyHealth", streams: ["Microsoft-Syslog"], facilityNames: [PROXY_HEALTH.facility], logLevels: ["Info", "Notice", "Warning", "Error", "Critical", "Alert", "Emergency"] }],
                },
                destinations: { logAnalytics: [{ name: "workspace", workspaceResourceId: workspaceId }] },
                dataFlows: [{ streams: ["Microsoft-Syslog"], destinations: ["workspace"] }],
                tags,
            },
            { parent: this },
        );
    }

    /**
     * Squid stops answering: a timer on the proxy asks squid on its own address and port every
     * minute and logs the answer; the Azure Monitor agent ships the log, and a log search alert
     * fires when no "ok" line came in ten minutes. It needs no inbound opening: the probe runs
     * inside the VM, and only the agent goes out (HTTPS, as the proxy already may). The agent
     * signs in with the VM's managed identity, which the proxy then needs
     * (learn.microsoft.com/azure/azure-monitor/agents/azure-monitor-agent-requirements: "Managed
     * identity must be enabled on Azure virtual machines").
     */
    private proxyHeartbeat(
        name: string,
        proxy: CheckedProxy,
        args: BackupMonitoringArgs,
        rule: monitor.DataCollectionRule,
        workspaceId: pulumi.Input<string>,
        actionGroups: pulumi.Input<string>[],
        tags: Record<string, string> | undefined,
    ): void {
        const vm = pulumi.output(proxy.vmId).apply((id) => parseVmId(vmArgument(`proxies[${proxy.name}].vmId`, id, componentLabel("BackupMonitoring", name)), id));
        // Publisher and type of the Linux agent: learn.microsoft.com/azure/azure-monitor/agents/azure-monitor-agent-requirements.
        const agent = new compute.VirtualMachineExtension(
            `${name}-${proxy.name}-monitor-agent`,
            {
                resourceGroupName: vm.resourceGroupName,
                vmName: vm.vmName,
                vmExtensionName: "AzureMonitorLinuxAgent",
                location: args.location,
                publisher: "Microsoft.Azure.Monitor",
                type: "AzureMonitorLinuxAgent",
                typeHandlerVersion: "1.0",
                autoUpgradeMinorVersion: true,
                enableAutomaticUpgrade: true,
                tags,
            },
            { parent: this },
        );
        new monitor.DataCollectionRuleAssociation(
            `${name}-${proxy.name}-proxy-health`,
            { resourceUri: proxy.vmId, associationName: "backup-proxy-health", dataCollectionRuleId: rule.id },
            { parent: this, dependsOn: [agent] },
        );
        new compute.VirtualMachineRunCommandByVirtualMachine(
            `${name}-${proxy.name}-heartbeat`,
            proxyClientRunCommandArgs(
                { vmId: proxy.vmId, location: args.location, osType: "Linux", component: componentLabel("BackupMonitoring", name), argument: `proxies[${proxy.name}].vmId`, script: whenKnown(proxy.endpoint, renderProxyHealthScript), tags, runCommandName: PROXY_HEALTH.tag },
                this,
            ),
            { parent: this },
        );
        // Log search alerts, REST API 2025-01-01-preview (Microsoft.Insights/preview/2025-01-01-preview/
        // scheduledQueryRule_API.json; shape of examples/createOrUpdateScheduledQueryRule.json): no
        // result counts as 0, so "fewer than 1 ok line" fires when squid, the VM or the agent stops.
        new monitor.ScheduledQueryRule(
            `${name}-${proxy.name}-squid-silent`,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                kind: "LogAlert",
                description: whenKnown(proxy.endpoint, ({ proxyIp, proxyPort }) => `Squid on backup proxy ${proxy.name} has not answered on ${proxyIp}:${proxyPort} for ten minutes`),
                severity: 1,
                enabled: true,
                scopes: [workspaceId],
                evaluationFrequency: "PT5M",
                windowSize: "PT10M",
                autoMitigate: true,
                criteria: {
                    allOf: [
                        {
                            query: pulumi.interpolate`${proxyHeartbeatQuery()} and _ResourceId =~ "${proxy.vmId}"`,
                            timeAggregation: "Count",
                            operator: "LessThan",
                            threshold: 1,
                            failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 },
                        },
                    ],
                },
                actions: { actionGroups },
                tags,
            },
            { parent: this },
        );
    }
}

/** The proxies' "ok" heartbeat lines in the Syslog table; the alert adds the VM. */
export function proxyHeartbeatQuery(): string {
    return `Syslog | where ProcessName == "${PROXY_HEALTH.tag}" and SyslogMessage startswith "ok:"`;
}
