/**
 * How docs/settings.md groups the keys of Pulumi.yaml, and what it says beyond each key's
 * `description` there (which is what `pulumi config` shows, and stays one line): limits that come
 * from Azure's data, examples, and where each topic is explained. Every key of Pulumi.yaml is in
 * exactly one topic; the generator stops, naming the key, when a topic names a key Pulumi.yaml
 * does not declare (a renamed setting) or a declared key is in no topic.
 */
export interface SettingsTopic {
    title: string;
    /** One sentence under the title, with a link to the page that explains the topic. */
    intro: string;
    keys: string[];
}

export const SETTINGS_TOPICS: SettingsTopic[] = [
    {
        title: "Region and network",
        intro: "Where everything goes, and how the VMs reach Azure Storage: see [the ways out](ways-out.md).",
        keys: ["azure-native:location", "connectivity", "ipRangesFile", "addressSpace", "proxySubnet", "appSubnet"],
    },
    {
        title: "The proxy",
        intro: "The backup proxy, with `connectivity=proxy`: see [several proxies behind one address](ways-out.md#several-proxies-behind-one-address).",
        keys: ["proxyIp", "proxyPort", "allowedDomains", "storageAccount", "proxyVmSize", "proxyCount", "proxyPatchWindow", "sshSourceCidr"],
    },
    {
        title: "App VMs",
        intro: "The VMs the vault protects; a VM that goes keeps its backups: see [retiring a VM](operations.md#retiring-a-vm).",
        keys: ["appVmCount", "appVmDataDiskCount", "appVmSize", "appVmImage", "windowsAppVmCount", "windowsAppVmSize", "adminUsername", "sshPublicKey", "retiredVms", "appVmBackupDiskLuns"],
    },
    {
        title: "The vault",
        intro: "The Recovery Services vault and what guards it: see [the vault](vault.md) and the [safety defaults](../README.md#safety-defaults).",
        keys: [
            "vaultName",
            "vaultLocation",
            "vaultProtect",
            "vaultSoftDelete",
            "softDeleteDays",
            "vaultImmutability",
            "vaultAllowIrreversibleSettings",
            "storageRedundancy",
            "crossRegionRestore",
            "vaultPublicNetworkAccess",
            "vaultLock",
            "vaultCmkKeyUri",
            "vaultCmkIdentityId",
            "vaultInfrastructureEncryption",
            "resourceGuardId",
            "crossSubscriptionRestore",
        ],
    },
    {
        title: "Vault private endpoint",
        intro: "A private endpoint for file recovery and workload backup inside the VNet: see [a private endpoint for the vault](vault.md#a-private-endpoint-for-the-vault).",
        keys: ["vaultPrivateEndpoint", "vaultPrivateEndpointSubnet", "vaultPrivateDnsZoneIds"],
    },
    {
        title: "Backup policy",
        intro: "When backups run and how long recovery points are kept, as the vault's `AzureIaasVM` policy: see [the vault](vault.md).",
        keys: [
            "backupPolicyType",
            "backupFrequency",
            "hourlyInterval",
            "hourlyWindowHours",
            "backupTime",
            "timeZone",
            "retentionDays",
            "instantRestoreDays",
            "weeklyRetentionWeeks",
            "monthlyRetentionMonths",
            "yearlyRetentionYears",
            "retentionDay",
            "yearlyRetentionMonth",
            "archiveTier",
            "archiveAfterDays",
            "snapshotConsistency",
            "instantRestoreResourceGroupPrefix",
            "instantRestoreResourceGroupSuffix",
        ],
    },
    {
        title: "Fleets",
        intro: "Enrolment by Azure Policy instead of a list: see [fleets](fleets.md).",
        keys: ["enrolment", "fleetRegions", "fleetScope", "enrolmentTag", "fleetDefinition"],
    },
    {
        title: "Monitoring",
        intro: "Who hears of a failed backup or a stopped proxy, and where the logs go: see [knowing when a backup fails](monitoring.md).",
        keys: ["alertEmails", "logAnalyticsWorkspaceId", "logAnalyticsWorkspace"],
    },
    {
        title: "Restore drills",
        intro: "Every protected VM restored on a schedule into a quarantine subnet, checked and removed, a failed or missed drill alerted: see [the restore drill example](../examples/03-restore-drill/README.md).",
        keys: ["restoreDrill", "restoreDrillSchedule", "restoreDrillVms", "restoreDrillSubnet"],
    },
    {
        title: "Every resource",
        intro: "What every component takes (`CommonArgs`): see [the components](using-components.md).",
        keys: ["tags", "keepTypeAliases"],
    },
];

/** What the reference adds to a key's description in Pulumi.yaml. */
export const SETTINGS_NOTES: Record<string, string> = {
    "azure-native:location": "The region of everything, the vault included.",
    proxyPort: "Not 22.",
    proxyCount: "See [several proxies](ways-out.md#several-proxies-behind-one-address).",
    appVmCount: "With Windows VMs, 1000 at most: a vault's limit.",
    appVmDataDiskCount:
        "At most what the VM size takes (by Azure's size data for the region: `Standard_B2s` takes 4) and Azure Backup's 32 for managed disks.",
    appVmImage:
        "CoreOS and Flatcar are refused, and with `enrolment=policy` an image the enrolment definition does not list (see [fleets](fleets.md)).",
    windowsAppVmCount: "Windows Server 2022; the app subnet then gets a NAT gateway for their KMS (activation).",
    adminUsername: "A Linux user name; with Windows VMs also at most 20 characters, Azure's limit for a Windows admin.",
    sshPublicKey: "RSA of 2048 bits or more, or Ed25519, for the Linux admin user.",
    vaultProtect:
        "Pulumi's `protect` on the vault, and `retainOnDelete` on its protected items: they stay in Azure whenever Pulumi lets go of them (see [the vault](vault.md)).",
    softDeleteDays: "While the vault holds deleted backups it cannot be deleted.",
    vaultPublicNetworkAccess: "See [the vault](vault.md).",
    vaultLock: "See [the vault](vault.md).",
    tags: "`pulumi config set tags '{\"env\":\"prod\",\"owner\":\"platform\"}'`",
    keepTypeAliases: "See [benchmarks](benchmarks.md).",
    retiredVms: "Their recovery points are kept (see [retiring a VM](operations.md#retiring-a-vm)).",
    enrolment: "With `policy` no protected item is planned. See [fleets](fleets.md).",
    alertEmails: "`pulumi config set --path 'alertEmails[0]' ops@example.com`, `--path 'alertEmails[1]'` for a second; without them the readiness report warns.",
    logAnalyticsWorkspaceId: "Shaped `/subscriptions/.../providers/Microsoft.OperationalInsights/workspaces/NAME`.",
    logAnalyticsWorkspace: "The new workspace is Pay-As-You-Go and keeps logs 30 days.",
    backupFrequency: "Hourly backs up every `hourlyInterval` hours for `hourlyWindowHours` from `backupTime`.",
    hourlyWindowHours: "At least `hourlyInterval`.",
    backupTime: "Also the start of the hourly window.",
    vaultPrivateEndpoint: "Refused in a region without a known geo code unless `vaultPrivateDnsZoneIds` names the zones; a new endpoint on a vault that protected items is called a change Azure will refuse by the offline diff.",
    vaultPrivateDnsZoneIds: "Each `/subscriptions/.../providers/Microsoft.Network/privateDnsZones/ZONE`; exactly the three zones.",
};
