import { Finding } from "./checks";
import { ResourceLike } from "./resources";
/**
 * The vault's monitoring settings: built-in Azure Monitor alerts for every failed job on, the
 * classic alerts (retired by Azure Backup) off. Recovery Services REST API 2024-10-01,
 * specification/recoveryservices/resource-manager/Microsoft.RecoveryServices/stable/2024-10-01/vaults.json
 * (`MonitoringSettings`: `azureMonitorAlertSettings.alertsForAllJobFailures`,
 * `classicAlertSettings.alertsForCriticalOperations`, each an `AlertsState` "Enabled" or "Disabled";
 * the request of examples/PUTVault_WithMonitoringSettings.json sets exactly these two).
 */
export declare const VAULT_MONITORING_SETTINGS: {
    readonly azureMonitorAlertSettings: {
        readonly alertsForAllJobFailures: "Enabled";
    };
    readonly classicAlertSettings: {
        readonly alertsForCriticalOperations: "Disabled";
    };
};
/**
 * Azure Backup's resource-specific diagnostic categories for a Recovery Services vault; with
 * `logAnalyticsDestinationType` "Dedicated" each lands in the table of the same name
 * (learn.microsoft.com/azure/backup/backup-azure-diagnostic-events: "CoreAzureBackup,
 * AddonAzureBackupJobs, AddonAzureBackupAlerts, AddonAzureBackupPolicy, AddonAzureBackupStorage,
 * AddonAzureBackupProtectedInstance", to be sent in resource-specific mode; data model:
 * learn.microsoft.com/azure/backup/backup-azure-reports-data-model).
 */
export declare const BACKUP_LOG_CATEGORIES: readonly ["CoreAzureBackup", "AddonAzureBackupJobs", "AddonAzureBackupPolicy", "AddonAzureBackupStorage", "AddonAzureBackupProtectedInstance", "AddonAzureBackupAlerts"];
/** The resource-specific destination of a diagnostic setting (REST API 2021-05-01-preview, diagnosticsSettings_API.json, `logAnalyticsDestinationType`). */
export declare const DEDICATED_TABLES = "Dedicated";
/**
 * The receiver lists of an action group (Microsoft.Insights actionGroups 2024-10-01-preview,
 * actionGroups_API.json `ActionGroup`): any entry in any of them is someone, or something, notified.
 */
export declare const ACTION_GROUP_RECEIVERS: readonly ["emailReceivers", "smsReceivers", "webhookReceivers", "itsmReceivers", "azureAppPushReceivers", "automationRunbookReceivers", "voiceReceivers", "logicAppReceivers", "azureFunctionReceivers", "armRoleReceivers", "eventHubReceivers", "incidentReceivers"];
/** An alert processing rule's action that adds action groups (alertsmanagement 2021-08-08, AlertProcessingRules.json `AddActionGroups`). */
export declare const ADD_ACTION_GROUPS = "AddActionGroups";
/** The built-in alerts for failed jobs of a vault's inputs or outputs: `properties.monitoringSettings...alertsForAllJobFailures` is "Enabled". */
export declare function jobFailureAlertsOn(vault: ResourceLike): boolean;
/** Whether an alert processing rule's scope covers a resource: the resource itself, or a resource group or subscription above it (ARM ids ignore case). */
export declare function scopeCovers(scope: string, resourceId: string): boolean;
/**
 * Whether a failed backup of the vault reaches someone: its built-in job-failure alerts are on,
 * and an enabled alert processing rule whose scope covers the vault adds an enabled action group
 * with at least one receiver. Resources carry their ARM id in `props.id` (outputs have it; the
 * offline plan adds the planned id). A failing finding is a warning: the alerts are still raised
 * in Azure Monitor, only nobody is told.
 */
export declare function failureNotificationFinding(vault: ResourceLike, resources: readonly ResourceLike[]): Finding;
