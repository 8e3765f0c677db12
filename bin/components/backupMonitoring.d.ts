import * as pulumi from "@pulumi/pulumi";
import { CommonArgs } from "./sharedArgs";
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
export declare const BACKUP_MONITORING_ARGUMENTS: readonly ["resourceGroupName", "location", "vaultId", "alertEmails", "logAnalyticsWorkspaceId", "createWorkspace", "proxies", "tags", "keepTypeAliases"];
/**
 * Who hears of a failed backup and of a broken way out: the vault's built-in job-failure alerts
 * (turned on by `BackupVault`) routed by an alert processing rule to an action group that mails
 * `alertEmails`; the vault's Azure Backup logs in a Log Analytics workspace, in the
 * resource-specific tables; and each backup proxy watched, by its VM's availability metric and,
 * with a workspace, by a heartbeat that asks squid from inside the VM.
 */
export declare class BackupMonitoring extends pulumi.ComponentResource {
    /** The action group that mails `alertEmails`; undefined without them. */
    readonly actionGroupId: pulumi.Output<string | undefined>;
    /** The workspace the vault's logs go to; undefined without one. */
    readonly workspaceId: pulumi.Output<string | undefined>;
    constructor(name: string, args: BackupMonitoringArgs, opts?: pulumi.ComponentResourceOptions);
    /**
     * The VM is down: its platform metric `VmAvailabilityMetric` (1 available, 0 not; Microsoft.Compute/virtualMachines
     * supported metrics, learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/microsoft-compute-virtualmachines-metrics)
     * averages below 1 over five minutes. Metric alerts, REST API 2018-03-01
     * (specification/monitor/resource-manager/Microsoft.Insights/stable/2018-03-01/metricAlert_API.json:
     * `odata.type` Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria, `StaticThresholdCriterion`).
     */
    private proxyAvailabilityAlert;
    /**
     * One data collection rule for every proxy: their heartbeat's syslog facility to the workspace
     * (data collection rules, REST API 2022-06-01, Microsoft.Insights/stable/2022-06-01/dataCollectionRules_API.json: `SyslogDataSource`,
     * `LogAnalyticsDestination`, `DataFlow`; the Syslog table).
     */
    private proxyHealthCollection;
    /**
     * Squid stops answering: a timer on the proxy asks squid on its own address and port every
     * minute and logs the answer; the Azure Monitor agent ships the log, and a log search alert
     * fires when no "ok" line came in ten minutes. It needs no inbound opening: the probe runs
     * inside the VM, and only the agent goes out (HTTPS, as the proxy already may). The agent
     * signs in with the VM's managed identity, which the proxy then needs
     * (learn.microsoft.com/azure/azure-monitor/agents/azure-monitor-agent-requirements: "Managed
     * identity must be enabled on Azure virtual machines").
     */
    private proxyHeartbeat;
}
/** The proxies' "ok" heartbeat lines in the Syslog table; the alert adds the VM. */
export declare function proxyHeartbeatQuery(): string;
