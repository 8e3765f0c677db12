import * as pulumi from "@pulumi/pulumi";
import { CommonArgs } from "./sharedArgs";
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
export declare const RESTORE_DRILL_ARGUMENTS: readonly ["tags", "keepTypeAliases", "vaultId", "location", "virtualNetworkId", "virtualNetworkName", "virtualNetworkResourceGroupName", "quarantineSubnetPrefix", "actionGroupId", "logAnalyticsWorkspaceId", "resourceGroupName", "vmNames", "sourceVmIds", "maxParallel", "recoveryPoint", "recoveryPointWindowDays", "schedule", "timeoutMinutes", "checkScript", "pollSeconds", "recordRetentionDays", "containerAppsEnvironmentId", "runnerImage", "runnerFolder"];
/**
 * Microsoft's Azure Linux 3.0 Node.js 20 image on MCR (mcr.microsoft.com/azurelinux/base/nodejs):
 * a stock runtime the runner's files are mounted into.
 */
export declare const DEFAULT_RUNNER_IMAGE = "mcr.microsoft.com/azurelinux/base/nodejs:20";
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
export declare class RestoreDrill extends pulumi.ComponentResource {
    /** The drill's resource group. */
    readonly resourceGroupId: pulumi.Output<string>;
    /** The quarantine subnet the clones join. */
    readonly quarantineSubnetId: pulumi.Output<string>;
    /** The quarantine subnet's NSG. */
    readonly quarantineNsgId: pulumi.Output<string>;
    /** The runner's managed identity, by principal id. */
    readonly principalId: pulumi.Output<string>;
    /** The Container Apps job that runs the drill. */
    readonly jobId: pulumi.Output<string>;
    /** The workspace holding the `RestoreDrill_CL` records. */
    readonly workspaceId: pulumi.Output<string>;
    /** The schedule, as the job runs it (UTC). */
    readonly schedule: string;
    constructor(name: string, args: RestoreDrillArgs, opts?: pulumi.ComponentResourceOptions);
    /**
     * The quarantine: a subnet of the VNet with no default outbound access (network 2024-05-01,
     * subnet `defaultOutboundAccess`), behind an NSG in the VNet's group that admits nothing and
     * lets out nothing but the wire server (lib/restoreDrill/quarantine.ts).
     */
    private quarantine;
    /**
     * The staging account a restore request names (`storageAccountId` of an `IaasVMRestoreRequest`,
     * recoveryservicesbackup 2024-10-01 examples/AzureIaasVm/TriggerRestore_ALR_IaasVMRestoreRequest.json).
     * Azure Backup: in the vault's region, not zone-redundant, not a BlobStorage account; for a VM
     * with managed disks restored as a new VM "Azure Backup doesn't use the specified storage
     * account" (learn.microsoft.com/azure/backup/backup-azure-arm-restore-vms#storage-accounts), so
     * it can be closed: no public blob access, no shared keys, TLS 1.2, and a firewall that admits
     * only trusted Azure services (Azure Backup among them). Storage 2024-01-01.
     */
    private stagingAccount;
    /**
     * Where results go: the table `RestoreDrill_CL` (operationalinsights 2023-09-01, Tables.json
     * `Schema.columns`), a data collection endpoint and a rule whose custom stream lands in it
     * unchanged (Microsoft.Insights 2022-06-01, dataCollectionRules_API.json `streamDeclarations`,
     * `DataFlow.transformKql`, `outputStream`; the Logs Ingestion API takes the endpoint, the rule's
     * immutable id and the stream).
     */
    private record;
    /**
     * The runner's roles (lib/restoreDrill/roles.ts), each assigned at the one resource it
     * concerns. Custom roles live in the vault's subscription and may be assigned only in the
     * resource groups of the resources they are granted on. Role definitions and assignments:
     * Microsoft.Authorization 2022-05-01-preview and 2022-04-01 (the assignment's name a GUID).
     */
    private grant;
    /**
     * A consumption-only environment for the job (Microsoft.App 2025-02-02-preview,
     * ManagedEnvironments.json `workloadProfiles`, `appLogsConfiguration.destination` "azure-monitor"),
     * its logs sent to the workspace by a diagnostic setting.
     */
    private environment;
    /**
     * The job (Microsoft.App 2025-02-02-preview, Jobs.json: `triggerType` "Schedule",
     * `scheduleTriggerConfig.cronExpression`, `replicaTimeout` in seconds, `replicaRetryLimit`),
     * on the environment's "Consumption" workload profile. One replica, no retry: a retried run would restore again while the
     * first run's clones may still exist; a run that dies is the dead man's switch's to report.
     */
    private job;
    /**
     * Who hears of it: a failed drill, as it arrives; and the dead man's switch, a run that was due
     * and left no record (lib/restoreDrill/record.ts). Log search alerts, Microsoft.Insights
     * 2025-01-01-preview (scheduledQueryRule_API.json; frequency and window within the two days an
     * alert may read).
     */
    private alerts;
}
