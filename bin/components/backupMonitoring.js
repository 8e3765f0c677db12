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
exports.BackupMonitoring = exports.BACKUP_MONITORING_ARGUMENTS = void 0;
exports.proxyHeartbeatQuery = proxyHeartbeatQuery;
const pulumi = __importStar(require("@pulumi/pulumi"));
const alertsmanagement = __importStar(require("@pulumi/azure-native/alertsmanagement"));
const compute = __importStar(require("@pulumi/azure-native/compute"));
const monitor = __importStar(require("@pulumi/azure-native/monitor"));
const operationalinsights = __importStar(require("@pulumi/azure-native/operationalinsights"));
const aliases_1 = require("../lib/aliases");
const arguments_1 = require("../lib/arguments");
const inputs_1 = require("../lib/inputs");
const armIds_1 = require("../lib/armIds");
const azureTypes_1 = require("../policy/rulebook/azureTypes");
const guestConfig_1 = require("../lib/guestConfig");
const monitoring_1 = require("../lib/monitoring");
const proxyClientRunCommand_1 = require("../lib/proxyClientRunCommand");
const addresses_1 = require("../lib/validation/addresses");
const names_1 = require("../lib/validation/names");
const vaultSettings_1 = require("../lib/vaultSettings");
const monitoring_2 = require("../policy/rulebook/monitoring");
const errors_1 = require("../policy/rulebook/errors");
const regionData_1 = require("../lib/regionData");
/** Every argument of `BackupMonitoring`, once. */
exports.BACKUP_MONITORING_ARGUMENTS = (0, arguments_1.argumentNames)()([
    "resourceGroupName", "location", "vaultId", "alertEmails", "logAnalyticsWorkspaceId", "createWorkspace", "proxies", "tags", "keepTypeAliases",
]);
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
class BackupMonitoring extends pulumi.ComponentResource {
    /** The action group that mails `alertEmails`; undefined without them. */
    actionGroupId;
    /** The workspace the vault's logs go to; undefined without one. */
    workspaceId;
    constructor(name, args, opts) {
        super("backup-ready:index:BackupMonitoring", name, {}, (0, aliases_1.withoutTypeAliases)(opts, args.keepTypeAliases));
        (0, names_1.checkRegion)("location", args.location, (0, regionData_1.knownRegions)());
        const vaultId = pulumi.output(args.vaultId).apply((id) => ((0, armIds_1.parseResourceId)("vaultId", id, azureTypes_1.ARM_TYPES.vault), id));
        if (typeof args.vaultId === "string") {
            (0, armIds_1.parseResourceId)("vaultId", args.vaultId, azureTypes_1.ARM_TYPES.vault);
        }
        const emails = (0, monitoring_1.checkAlertEmails)("alertEmails", args.alertEmails ?? []);
        if (args.logAnalyticsWorkspaceId !== undefined) {
            (0, monitoring_1.checkWorkspaceId)("logAnalyticsWorkspaceId", args.logAnalyticsWorkspaceId);
            if (args.createWorkspace) {
                (0, errors_1.invalid)("createWorkspace", "false when logAnalyticsWorkspaceId names an existing workspace: the logs go to one workspace", args.createWorkspace);
            }
        }
        const proxies = (args.proxies ?? []).map((proxy) => ({ ...proxy, endpoint: (0, addresses_1.proxyEndpointInput)(proxy.proxyIp, proxy.proxyPort) }));
        (0, names_1.checkUniqueKeys)("proxies[].name", proxies.map((proxy) => proxy.name), "proxy");
        const tags = (0, vaultSettings_1.checkedTags)(args.tags);
        const group = { resourceGroupName: args.resourceGroupName };
        // Action groups and alert processing rules are global resources ("Global" in the REST examples:
        // specification/monitor/resource-manager/Microsoft.Insights/preview/2024-10-01-preview/examples/createOrUpdateActionGroup.json;
        // specification/alertsmanagement/resource-manager/Microsoft.AlertsManagement/stable/2021-08-08/AlertProcessingRules.json,
        // whose ManagedResource requires a location, and whose AddActionGroups action takes actionGroupIds).
        const actionGroup = emails.length > 0
            ? new monitor.ActionGroup(`${name}-action-group`, {
                ...group,
                location: "Global",
                enabled: true,
                // At most 12 characters: the name SMS and e-mail notifications show.
                groupShortName: "backupready",
                emailReceivers: emails.map((emailAddress, i) => ({ name: `email-${i + 1}`, emailAddress, useCommonAlertSchema: true })),
                tags,
            }, { parent: this })
            : undefined;
        const actionGroups = actionGroup ? [actionGroup.id] : [];
        if (actionGroup) {
            // The vault's built-in alerts name no action group of their own: a rule scoped to the
            // vault adds one (learn.microsoft.com/azure/backup/backup-azure-monitoring-built-in-monitor#configure-notifications-for-alerts).
            new alertsmanagement.AlertProcessingRuleByName(`${name}-vault-alerts`, {
                ...group,
                location: "Global",
                properties: {
                    scopes: [vaultId],
                    actions: [{ actionType: monitoring_2.ADD_ACTION_GROUPS, actionGroupIds: actionGroups }],
                    enabled: true,
                    description: "Sends every alert of the Recovery Services vault (failed backup jobs among them) to the backup action group.",
                },
                tags,
            }, { parent: this });
        }
        const workspaceId = args.logAnalyticsWorkspaceId
            ? args.logAnalyticsWorkspaceId
            : args.createWorkspace
                ? new operationalinsights.Workspace(`${name}-workspace`, { ...group, location: args.location, sku: { name: "PerGB2018" }, retentionInDays: WORKSPACE_RETENTION_DAYS, tags }, { parent: this }).id
                : undefined;
        if (workspaceId !== undefined) {
            // Diagnostic settings, REST API 2021-05-01-preview (Microsoft.Insights/preview/2021-05-01-preview/
            // diagnosticsSettings_API.json; its example createOrUpdateDiagnosticSetting.json sets
            // `logAnalyticsDestinationType` "Dedicated"): each category to its own resource-specific table.
            new monitor.DiagnosticSetting(`${name}-vault-logs`, {
                resourceUri: vaultId,
                name: "backup-ready-logs",
                workspaceId,
                logAnalyticsDestinationType: monitoring_2.DEDICATED_TABLES,
                logs: monitoring_2.BACKUP_LOG_CATEGORIES.map((category) => ({ category, enabled: true })),
            }, { parent: this });
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
    proxyAvailabilityAlert(name, proxy, args, actionGroups, tags) {
        new monitor.MetricAlert(`${name}-${proxy.name}-unavailable`, {
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
        }, { parent: this });
    }
    /**
     * One data collection rule for every proxy: their heartbeat's syslog facility to the workspace
     * (data collection rules, REST API 2022-06-01, Microsoft.Insights/stable/2022-06-01/dataCollectionRules_API.json: `SyslogDataSource`,
     * `LogAnalyticsDestination`, `DataFlow`; the Syslog table).
     */
    proxyHealthCollection(name, args, workspaceId, tags) {
        return new monitor.DataCollectionRule(`${name}-proxy-health`, {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            kind: "Linux",
            description: "The backup proxies' heartbeat (syslog) to Log Analytics.",
            dataSources: {
                syslog: [{ name: "proxyHealth", streams: ["Microsoft-Syslog"], facilityNames: [guestConfig_1.PROXY_HEALTH.facility], logLevels: ["Info", "Notice", "Warning", "Error", "Critical", "Alert", "Emergency"] }],
            },
            destinations: { logAnalytics: [{ name: "workspace", workspaceResourceId: workspaceId }] },
            dataFlows: [{ streams: ["Microsoft-Syslog"], destinations: ["workspace"] }],
            tags,
        }, { parent: this });
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
    proxyHeartbeat(name, proxy, args, rule, workspaceId, actionGroups, tags) {
        const vm = pulumi.output(proxy.vmId).apply((id) => (0, armIds_1.parseVmId)((0, armIds_1.vmArgument)(`proxies[${proxy.name}].vmId`, id, (0, armIds_1.componentLabel)("BackupMonitoring", name)), id));
        // Publisher and type of the Linux agent: learn.microsoft.com/azure/azure-monitor/agents/azure-monitor-agent-requirements.
        const agent = new compute.VirtualMachineExtension(`${name}-${proxy.name}-monitor-agent`, {
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
        }, { parent: this });
        new monitor.DataCollectionRuleAssociation(`${name}-${proxy.name}-proxy-health`, { resourceUri: proxy.vmId, associationName: "backup-proxy-health", dataCollectionRuleId: rule.id }, { parent: this, dependsOn: [agent] });
        new compute.VirtualMachineRunCommandByVirtualMachine(`${name}-${proxy.name}-heartbeat`, (0, proxyClientRunCommand_1.proxyClientRunCommandArgs)({ vmId: proxy.vmId, location: args.location, osType: "Linux", component: (0, armIds_1.componentLabel)("BackupMonitoring", name), argument: `proxies[${proxy.name}].vmId`, script: (0, inputs_1.whenKnown)(proxy.endpoint, guestConfig_1.renderProxyHealthScript), tags, runCommandName: guestConfig_1.PROXY_HEALTH.tag }, this), { parent: this });
        // Log search alerts, REST API 2025-01-01-preview (Microsoft.Insights/preview/2025-01-01-preview/
        // scheduledQueryRule_API.json; shape of examples/createOrUpdateScheduledQueryRule.json): no
        // result counts as 0, so "fewer than 1 ok line" fires when squid, the VM or the agent stops.
        new monitor.ScheduledQueryRule(`${name}-${proxy.name}-squid-silent`, {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            kind: "LogAlert",
            description: (0, inputs_1.whenKnown)(proxy.endpoint, ({ proxyIp, proxyPort }) => `Squid on backup proxy ${proxy.name} has not answered on ${proxyIp}:${proxyPort} for ten minutes`),
            severity: 1,
            enabled: true,
            scopes: [workspaceId],
            evaluationFrequency: "PT5M",
            windowSize: "PT10M",
            autoMitigate: true,
            criteria: {
                allOf: [
                    {
                        query: pulumi.interpolate `${proxyHeartbeatQuery()} and _ResourceId =~ "${proxy.vmId}"`,
                        timeAggregation: "Count",
                        operator: "LessThan",
                        threshold: 1,
                        failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 },
                    },
                ],
            },
            actions: { actionGroups },
            tags,
        }, { parent: this });
    }
}
exports.BackupMonitoring = BackupMonitoring;
/** The proxies' "ok" heartbeat lines in the Syslog table; the alert adds the VM. */
function proxyHeartbeatQuery() {
    return `Syslog | where ProcessName == "${guestConfig_1.PROXY_HEALTH.tag}" and SyslogMessage startswith "ok:"`;
}
