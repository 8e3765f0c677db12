"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ADD_ACTION_GROUPS = exports.ACTION_GROUP_RECEIVERS = exports.DEDICATED_TABLES = exports.BACKUP_LOG_CATEGORIES = exports.VAULT_MONITORING_SETTINGS = void 0;
exports.jobFailureAlertsOn = jobFailureAlertsOn;
exports.scopeCovers = scopeCovers;
exports.failureNotificationFinding = failureNotificationFinding;
/**
 * Azure Monitor for Azure Backup: the vault's built-in alerts, where they are routed, and the
 * logs a vault sends to a Log Analytics workspace. Property names are those of the API versions
 * azure-native 3.28 sends (each cited where it is used).
 */
const azureTypes_1 = require("./azureTypes");
const resources_1 = require("./resources");
/**
 * The vault's monitoring settings: built-in Azure Monitor alerts for every failed job on, the
 * classic alerts (retired by Azure Backup) off. Recovery Services REST API 2024-10-01,
 * specification/recoveryservices/resource-manager/Microsoft.RecoveryServices/stable/2024-10-01/vaults.json
 * (`MonitoringSettings`: `azureMonitorAlertSettings.alertsForAllJobFailures`,
 * `classicAlertSettings.alertsForCriticalOperations`, each an `AlertsState` "Enabled" or "Disabled";
 * the request of examples/PUTVault_WithMonitoringSettings.json sets exactly these two).
 */
exports.VAULT_MONITORING_SETTINGS = {
    azureMonitorAlertSettings: { alertsForAllJobFailures: "Enabled" },
    classicAlertSettings: { alertsForCriticalOperations: "Disabled" },
};
/**
 * Azure Backup's resource-specific diagnostic categories for a Recovery Services vault; with
 * `logAnalyticsDestinationType` "Dedicated" each lands in the table of the same name
 * (learn.microsoft.com/azure/backup/backup-azure-diagnostic-events: "CoreAzureBackup,
 * AddonAzureBackupJobs, AddonAzureBackupAlerts, AddonAzureBackupPolicy, AddonAzureBackupStorage,
 * AddonAzureBackupProtectedInstance", to be sent in resource-specific mode; data model:
 * learn.microsoft.com/azure/backup/backup-azure-reports-data-model).
 */
exports.BACKUP_LOG_CATEGORIES = [
    "CoreAzureBackup",
    "AddonAzureBackupJobs",
    "AddonAzureBackupPolicy",
    "AddonAzureBackupStorage",
    "AddonAzureBackupProtectedInstance",
    "AddonAzureBackupAlerts",
];
/** The resource-specific destination of a diagnostic setting (REST API 2021-05-01-preview, diagnosticsSettings_API.json, `logAnalyticsDestinationType`). */
exports.DEDICATED_TABLES = "Dedicated";
/**
 * The receiver lists of an action group (Microsoft.Insights actionGroups 2024-10-01-preview,
 * actionGroups_API.json `ActionGroup`): any entry in any of them is someone, or something, notified.
 */
exports.ACTION_GROUP_RECEIVERS = [
    "emailReceivers",
    "smsReceivers",
    "webhookReceivers",
    "itsmReceivers",
    "azureAppPushReceivers",
    "automationRunbookReceivers",
    "voiceReceivers",
    "logicAppReceivers",
    "azureFunctionReceivers",
    "armRoleReceivers",
    "eventHubReceivers",
    "incidentReceivers",
];
/** An alert processing rule's action that adds action groups (alertsmanagement 2021-08-08, AlertProcessingRules.json `AddActionGroups`). */
exports.ADD_ACTION_GROUPS = "AddActionGroups";
/** The built-in alerts for failed jobs of a vault's inputs or outputs: `properties.monitoringSettings...alertsForAllJobFailures` is "Enabled". */
function jobFailureAlertsOn(vault) {
    const properties = vault.props.properties;
    return properties?.monitoringSettings?.azureMonitorAlertSettings?.alertsForAllJobFailures === "Enabled";
}
/** Whether an alert processing rule's scope covers a resource: the resource itself, or a resource group or subscription above it (ARM ids ignore case). */
function scopeCovers(scope, resourceId) {
    const a = scope.toLowerCase().replace(/\/+$/, "");
    const b = resourceId.toLowerCase();
    return a === b || b.startsWith(`${a}/`);
}
/** Who an action group notifies, e-mail addresses by name, the others by their kind. */
function receiversOf(group) {
    return exports.ACTION_GROUP_RECEIVERS.flatMap((kind) => (0, resources_1.list)(group[kind]).map((receiver) => kind === "emailReceivers" && (0, resources_1.isText)(receiver.emailAddress) ? receiver.emailAddress : `${kind.replace(/Receivers$/, "")} ${receiver.name ?? ""}`.trim()));
}
function label(resource, ...names) {
    return names.find(resources_1.isText) ?? resource.name;
}
/**
 * Whether a failed backup of the vault reaches someone: its built-in job-failure alerts are on,
 * and an enabled alert processing rule whose scope covers the vault adds an enabled action group
 * with at least one receiver. Resources carry their ARM id in `props.id` (outputs have it; the
 * offline plan adds the planned id). A failing finding is a warning: the alerts are still raised
 * in Azure Monitor, only nobody is told.
 */
function failureNotificationFinding(vault, resources) {
    const vaultName = label(vault, vault.props.vaultName, vault.props.name);
    if (!jobFailureAlertsOn(vault)) {
        return {
            pass: false,
            why: `vault "${vaultName}" has no built-in alerts for failed jobs (properties.monitoringSettings.azureMonitorAlertSettings.alertsForAllJobFailures is not "Enabled"): a failed backup raises no alert`,
        };
    }
    const vaultId = vault.props.id;
    const groups = resources.filter((resource) => resource.type === azureTypes_1.AZURE_TYPES.actionGroup);
    const routes = resources
        .filter((resource) => resource.type === azureTypes_1.AZURE_TYPES.alertProcessingRule)
        .map((rule) => ({ rule, props: rule.props }))
        .filter(({ props }) => props.properties?.enabled !== false && (0, resources_1.isText)(vaultId) && (0, resources_1.list)(props.properties?.scopes).some((scope) => (0, resources_1.isText)(scope) && scopeCovers(scope, vaultId)))
        .flatMap(({ rule, props }) => (0, resources_1.list)(props.properties?.actions)
        .filter((action) => action.actionType === exports.ADD_ACTION_GROUPS)
        .flatMap((action) => (0, resources_1.list)(action.actionGroupIds))
        .map((groupId) => groups.find((group) => (0, resources_1.isText)(group.props.id) && group.props.id.toLowerCase() === String(groupId).toLowerCase()))
        .filter((group) => group !== undefined && group.props.enabled !== false)
        .map((group) => ({ rule, group, receivers: receiversOf(group.props) })));
    const route = routes.find(({ receivers }) => receivers.length > 0);
    if (route === undefined) {
        return {
            pass: false,
            why: `vault "${vaultName}" raises an alert in Azure Monitor for every failed job, but no alert processing rule routes it to an action group with a receiver: nobody is notified (set alertEmails)`,
        };
    }
    const rule = label(route.rule, route.rule.props.alertProcessingRuleName, route.rule.props.name);
    const group = label(route.group, route.group.props.actionGroupName, route.group.props.name);
    return {
        pass: true,
        why: `vault "${vaultName}" alerts on every failed job; alert processing rule "${rule}" routes them to action group "${group}": ${route.receivers.join(", ")}`,
    };
}
