/**
 * Azure Monitor for Azure Backup: the vault's built-in alerts, where they are routed, and the
 * logs a vault sends to a Log Analytics workspace. Property names are those of the API versions
 * azure-native 3.28 sends (each cited where it is used).
 */
import { AZURE_TYPES } from "./azureTypes";
import { Finding } from "./checks";
import { isText, list, ResourceLike } from "./resources";

/**
 * The vault's monitoring settings: built-in Azure Monitor alerts for every failed job on, the
 * classic alerts (retired by Azure Backup) off. Recovery Services REST API 2024-10-01,
 * specification/recoveryservices/resource-manager/Microsoft.RecoveryServices/stable/2024-10-01/vaults.json
 * (`MonitoringSettings`: `azureMonitorAlertSettings.alertsForAllJobFailures`,
 * `classicAlertSettings.alertsForCriticalOperations`, each an `AlertsState` "Enabled" or "Disabled";
 * the request of examples/PUTVault_WithMonitoringSettings.json sets exactly these two).
 */
export const VAULT_MONITORING_SETTINGS = {
    azureMonitorAlertSettings: { alertsForAllJobFailures: "Enabled" },
    classicAlertSettings: { alertsForCriticalOperations: "Disabled" },
} as const;

/**
 * Azure Backup's resource-specific diagnostic categories for a Recovery Services vault; with
 * `logAnalyticsDestinationType` "Dedicated" each lands in the table of the same name
 * (learn.microsoft.com/azure/backup/backup-azure-diagnostic-events: "CoreAzureBackup,
 * AddonAzureBackupJobs, AddonAzureBackupAlerts, AddonAzureBackupPolicy, AddonAzureBackupStorage,
 * AddonAzureBackupProtectedInstance", to be sent in resource-specific mode; data model:
 * learn.microsoft.com/azure/backup/backup-azure-reports-data-model).
 */
export const BACKUP_LOG_CATEGORIES = [
    "CoreAzureBackup",
    "AddonAzureBackupJobs",
    "AddonAzureBackupPolicy",
    "AddonAzureBackupStorage",
    "AddonAzureBackupProtectedInstance",
    "AddonAzureBackupAlerts",
] as const;

/** The resource-specific destination of a diagnostic setting (REST API 2021-05-01-preview, diagnosticsSettings_API.json, `logAnalyticsDestinationType`). */
export const DEDICATED_TABLES = "Dedicated";

/**
 * The receiver lists of an action group (Microsoft.Insights actionGroups 2024-10-01-preview,
 * actionGroups_API.json `ActionGroup`): any entry in any of them is someone, or something, notified.
 */
export const ACTION_GROUP_RECEIVERS = [
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
] as const;

/** An alert processing rule's action that adds action groups (alertsmanagement 2021-08-08, AlertProcessingRules.json `AddActionGroups`). */
export const ADD_ACTION_GROUPS = "AddActionGroups";

/** The built-in alerts for failed jobs of a vault's inputs or outputs: `properties.monitoringSettings...alertsForAllJobFailures` is "Enabled". */
export function jobFailureAlertsOn(vault: ResourceLike): boolean {
    const properties = vault.props.properties as { monitoringSettings?: { azureMonitorAlertSettings?: { alertsForAllJobFailures?: unknown } } } | undefined;
    return properties?.monitoringSettings?.azureMonitorAlertSettings?.alertsForAllJobFailures === "Enabled";
}

/** Whether an alert processing rule's scope covers a resource: the resource itself, or a resource group or subscription above it (ARM ids ignore case). */
export function scopeCovers(scope: string, resourceId: string): boolean {
    const a = scope.toLowerCase().replace(/\/+$/, "");
    const b = resourceId.toLowerCase();
    return a === b || b.startsWith(`${a}/`);
}

interface AlertProcessingRuleProps {
    alertProcessingRuleName?: string;
    name?: string;
    properties?: { scopes?: string[]; enabled?: boolean; actions?: Array<{ actionType?: string; actionGroupIds?: string[] }> };
}

interface ActionGroupProps {
    actionGroupName?: string;
    name?: string;
    id?: string;
    enabled?: boolean;
    [receivers: string]: unknown;
}

/** Who an action group notifies, e-mail addresses by name, the others by their kind. */
function receiversOf(group: ActionGroupProps): string[] {
    return ACTION_GROUP_RECEIVERS.flatMap((kind) =>
        list(group[kind] as Array<{ emailAddress?: string; name?: string }> | undefined).map((receiver) =>
            kind === "emailReceivers" && isText(receiver.emailAddress) ? receiver.emailAddress : `${kind.replace(/Receivers$/, "")} ${receiver.name ?? ""}`.trim(),
        ),
    );
}

function label(resource: ResourceLike, ...names: Array<unknown>): string {
    return names.find(isText) ?? resource.name;
}

/**
 * Whether a failed backup of the vault reaches someone: its built-in job-failure alerts are on,
 * and an enabled alert processing rule whose scope covers the vault adds an enabled action group
 * with at least one receiver. Resources carry their ARM id in `props.id` (outputs have it; the
 * offline plan adds the planned id). A failing finding is a warning: the alerts are still raised
 * in Azure Monitor, only nobody is told.
 */
export function failureNotificationFinding(vault: ResourceLike, resources: readonly ResourceLike[]): Finding {
    const vaultName = label(vault, vault.props.vaultName, vault.props.name);
    if (!jobFailureAlertsOn(vault)) {
        return {
            pass: false,
            why: `vault "${vaultName}" has no built-in alerts for failed jobs (properties.monitoringSettings.azureMonitorAlertSettings.alertsForAllJobFailures is not "Enabled"): a failed backup raises no alert`,
        };
    }
    const vaultId = vault.props.id;
    const groups = resources.filter((resource) => resource.type === AZURE_TYPES.actionGroup);
    const routes = resources
        .filter((resource) => resource.type === AZURE_TYPES.alertProcessingRule)
        .map((rule) => ({ rule, props: rule.props as AlertProcessingRuleProps }))
        .filter(({ props }) => props.properties?.enabled !== false && isText(vaultId) && list(props.properties?.scopes).some((scope) => isText(scope) && scopeCovers(scope, vaultId)))
        .flatMap(({ rule, props }) =>
            list(props.properties?.actions)
                .filter((action) => action.actionType === ADD_ACTION_GROUPS)
                .flatMap((action) => list(action.actionGroupIds))
                .map((groupId) => groups.find((group) => isText(group.props.id) && group.props.id.toLowerCase() === String(groupId).toLowerCase()))
                .filter((group): group is ResourceLike => group !== undefined && (group.props as ActionGroupProps).enabled !== false)
                .map((group) => ({ rule, group, receivers: receiversOf(group.props as ActionGroupProps) })),
        );
    const route = routes.find(({ receivers }) => receivers.length > 0);
    if (route === undefined) {
        return {
            pass: false,
            why: `vault "${vaultName}" raises an alert in Azure Monitor for every failed job, but no alert processing rule routes it to an action group with a receiver: nobody is notified (set alertEmails)`,
        };
    }
    const rule = label(route.rule, (route.rule.props as AlertProcessingRuleProps).alertProcessingRuleName, route.rule.props.name);
    const group = label(route.group, (route.group.props as ActionGroupProps).actionGroupName, route.group.props.name);
    return {
        pass: true,
        why: `vault "${vaultName}" alerts on every failed job; alert processing rule "${rule}" routes them to action group "${group}": ${route.receivers.join(", ")}`,
    };
}
