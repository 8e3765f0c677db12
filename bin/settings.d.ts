import { ImageReference } from "./policy/rulebook/images";
import { VmSizeData } from "./policy/rulebook/vmSizes";
import { Connectivity } from "./lib/validation/connectivity";
import { Enrolment } from "./lib/validation/fleet";
import { ProxyLayout } from "./lib/proxyLayout";
import type { BackupFleetArgs, BackupMonitoringArgs, BackupProxyArgs, BackupReadyLinuxVmArgs, BackupReadyWindowsVmArgs, BackupVaultArgs, NsgLockdownArgs, RestoreDrillArgs } from "./components";
import { VaultPolicySettings } from "./lib/vaultPolicy";
import { BackupPolicyType, Immutability, PublicNetworkAccess, SoftDelete, StorageRedundancy } from "./policy/rulebook/vault";
import { FleetDefinition } from "./lib/validation/fleetDefinition";
import { ArchiveTier, CrossSubscriptionRestore, SnapshotConsistency } from "./policy/rulebook/vaultOptions";
/** The stack defaults, the components' own where they have one; `Pulumi.yaml` declares the same values (a test keeps the two equal). */
export declare const DEFAULTS: {
    readonly softDeleteDays: number;
    readonly vaultImmutability: "Disabled" | "Unlocked" | "Locked";
    readonly vaultAllowIrreversibleSettings: boolean;
    readonly storageRedundancy: "ZoneRedundant" | "GeoRedundant" | "LocallyRedundant";
    readonly crossRegionRestore: boolean;
    readonly vaultPublicNetworkAccess: "Disabled" | "Enabled";
    readonly vaultLock: true;
    readonly keepTypeAliases: false;
    readonly retiredVms: readonly [];
    readonly enrolment: "list";
    readonly fleetRegions: readonly [];
    readonly enrolmentTag: "backup=daily";
    readonly alertEmails: readonly [];
    readonly vaultCmkKeyUri: "";
    readonly vaultCmkIdentityId: "";
    readonly vaultInfrastructureEncryption: false;
    readonly resourceGuardId: "";
    readonly crossSubscriptionRestore: "Disabled";
    readonly archiveTier: "Off";
    readonly archiveAfterDays: 0;
    readonly snapshotConsistency: "ApplicationOrFileSystem";
    readonly instantRestoreResourceGroupPrefix: "";
    readonly instantRestoreResourceGroupSuffix: "";
    readonly appVmBackupDiskLuns: "";
    readonly fleetDefinition: "custom" | "builtIn";
    readonly vaultPrivateEndpoint: false;
    readonly restoreDrill: false;
    readonly restoreDrillSchedule: "0 3 * * 6";
    readonly restoreDrillVms: readonly [];
    readonly vaultPrivateDnsZoneIds: readonly [];
    readonly backupFrequency: "Daily";
    readonly hourlyInterval: 4;
    readonly hourlyWindowHours: 24;
    readonly weeklyRetentionWeeks: 0;
    readonly monthlyRetentionMonths: 0;
    readonly yearlyRetentionYears: 0;
    readonly retentionDay: "Sunday";
    readonly yearlyRetentionMonth: "January";
    readonly location: "westeurope";
    readonly connectivity: "proxy";
    readonly addressSpace: "10.0.0.0/16";
    readonly proxyPort: 3128;
    readonly allowedDomains: readonly [".blob.core.windows.net"];
    readonly appVmCount: 1;
    readonly appVmDataDiskCount: 0;
    readonly appVmSize: "Standard_B2s";
    readonly windowsAppVmCount: 0;
    readonly windowsAppVmSize: "Standard_B2s";
    readonly proxyVmSize: "Standard_B2s";
    readonly proxyCount: 1;
    readonly proxyPatchWindow: "Sun 03:00";
    readonly adminUsername: "azureuser";
    readonly vaultName: "vm-backup-vault";
    readonly vaultProtect: true;
    readonly vaultSoftDelete: "Enabled" | "AlwaysOn";
    readonly backupTime: "02:00";
    readonly timeZone: "UTC";
    readonly retentionDays: 30;
    readonly instantRestoreDays: 2;
    readonly backupPolicyType: "Enhanced";
};
/** The app VMs' image when none is set: per enrolment, one its enrolment covers. */
export declare const DEFAULT_APP_VM_IMAGES: Record<Enrolment, string>;
/** Subnets carved from the address space when none are given: the first and second /24. */
export declare const DEFAULT_SUBNET_PREFIX_LENGTH = 24;
/** The reference environment's settings, the policy's among them. */
export interface Settings extends VaultPolicySettings {
    location: string;
    connectivity: Connectivity;
    /** Azure's service-tags JSON file: literal prefixes instead of tags, with `serviceTags`. */
    ipRangesFile?: string;
    addressSpace: string;
    proxySubnet: string;
    appSubnet: string;
    proxyIp: string;
    proxyPort: number;
    allowedDomains: string[];
    storageAccount?: string;
    appVmCount: number;
    /** Empty managed data disks per app VM, Linux and Windows. */
    appVmDataDiskCount: number;
    appVmSize: string;
    appVmImage: ImageReference;
    windowsAppVmCount: number;
    windowsAppVmSize: string;
    proxyVmSize: string;
    /** Proxy VMs; two or more stand behind a load balancer at `proxyIp`. */
    proxyCount: number;
    /** The first proxy's patch window (`Sun 03:00`, UTC); each further proxy an hour later. */
    proxyPatchWindow: string;
    adminUsername: string;
    sshPublicKey?: string;
    sshSourceCidr?: string;
    vaultName: string;
    vaultLocation: string;
    vaultProtect: boolean;
    vaultSoftDelete: SoftDelete;
    backupTime: string;
    timeZone: string;
    retentionDays: number;
    instantRestoreDays: number;
    backupPolicyType: BackupPolicyType;
    softDeleteDays: number;
    vaultImmutability: Immutability;
    vaultAllowIrreversibleSettings: boolean;
    storageRedundancy: StorageRedundancy;
    crossRegionRestore: boolean;
    vaultPublicNetworkAccess: PublicNetworkAccess;
    vaultLock: boolean;
    /** Keep azure-native's API-versioned type aliases (every component's `keepTypeAliases`). */
    keepTypeAliases: boolean;
    /** Tags for every resource that takes them; none when absent. */
    tags?: Record<string, string>;
    /** App VMs (`app-vm-N`, `win-vm-N`) no longer in the counts whose protected items keep their recovery points. */
    retiredVms: string[];
    /** "list": a protected item per app VM; "policy": a fleet of vaults, and Azure Policy enrols the tagged VMs. */
    enrolment: Enrolment;
    /** With "policy": the regions that get a vault and an assignment; none means the location (`fleetRegionsOf`). */
    fleetRegions: string[];
    /** With "policy": the assignments' scope; the reference resource group when absent. */
    fleetScope?: string;
    /** With "policy": the tag that enrols a VM. */
    enrolmentTag: {
        name: string;
        value: string;
    };
    /** Who is mailed when a backup job fails or a proxy stops; nobody when empty (the alerts are still raised). */
    alertEmails: string[];
    /** An existing Log Analytics workspace's ARM id for the vault's logs and the proxy heartbeat. */
    logAnalyticsWorkspaceId?: string;
    /** "create": a new workspace for them. */
    logAnalyticsWorkspace?: string;
    vaultCmkKeyUri?: string;
    vaultCmkIdentityId?: string;
    vaultInfrastructureEncryption: boolean;
    resourceGuardId?: string;
    crossSubscriptionRestore: CrossSubscriptionRestore;
    archiveTier: ArchiveTier;
    archiveAfterDays?: number;
    snapshotConsistency: SnapshotConsistency;
    instantRestoreResourceGroupPrefix?: string;
    instantRestoreResourceGroupSuffix?: string;
    /** The app VMs' data disks to back up, by LUN (the OS disk always); every disk when absent. */
    appVmBackupDiskLuns?: number[];
    /** With "policy": the project's custom enrolment definition, or Azure's built-in one. */
    fleetDefinition: FleetDefinition;
    /** A private endpoint (group AzureBackup) for the vault in a subnet of its own, and its private DNS. */
    vaultPrivateEndpoint: boolean;
    /** The endpoint's subnet; the first free /26 of the address space when absent. */
    vaultPrivateEndpointSubnet?: string;
    /** Existing private DNS zones (backup, blob, queue) instead of new ones. */
    vaultPrivateDnsZoneIds?: string[];
    /** Restore drills of the vault's VMs (RestoreDrill). */
    restoreDrill: boolean;
    /** When drills run: a 5-field cron expression in UTC. */
    restoreDrillSchedule: string;
    /** The app VMs drilled, by name; every protected app VM when empty. */
    restoreDrillVms: string[];
    /** The quarantine subnet's CIDR: the first /24 of addressSpace that no other subnet takes, when not set. */
    restoreDrillSubnet: string;
    /** Not a setting: what the settings resolve to, computed once and passed down. */
    topology: Topology;
}
/** The reference environment's resolved layout: where the proxies sit, and the app VMs' names. */
export interface Topology {
    proxy: ProxyLayout;
    appVmNames: string[];
    windowsVmNames: string[];
}
/** Settings renamed to follow the rule of {@link settingFor}: each old name still works, with a warning. */
export declare const DEPRECATED_SETTINGS: {
    readonly protectVault: "vaultProtect";
    readonly allowIrreversibleVaultSettings: "vaultAllowIrreversibleSettings";
    readonly appVmDataDisks: "appVmDataDiskCount";
};
export type DeprecatedSetting = keyof typeof DEPRECATED_SETTINGS;
/** A setting's name: one of the settings' keys. */
export type SettingKey = Exclude<keyof Settings, "location" | "topology">;
/** The project's configuration keys in `Pulumi.yaml`; `location` is read from `azure-native:location`. */
export declare const CURRENT_SETTING_KEYS: SettingKey[];
/** Every key the program reads: the settings, and the deprecated names that still work. */
export declare const SETTING_KEYS: (SettingKey | DeprecatedSetting)[];
/** Raw configuration as strings (arrays as JSON), keyed by the names in `Pulumi.yaml`; `location` is `azure-native:location`. */
export type RawConfig = Partial<Record<SettingKey | DeprecatedSetting | "location", string>>;
/**
 * Where each component's arguments come from. A setting that feeds a component's argument is
 * named after the component's role in the environment and the argument (`vault` + `protect` is
 * `vaultProtect`, `appVm` + `vmSize` is `appVmSize`: a word at the seam is said once), or is the
 * argument's own name where that stands alone (`backupTime`, `proxyPort`). A role that `shares`
 * another's takes that role's setting for the arguments both components have (Windows app VMs
 * the app VMs' `appVmDataDiskCount`, the fleet every vault setting).
 */
declare const ROLES: {
    readonly vault: {
        readonly prefix: "vault";
        readonly names: readonly ["vaultName", "policyName", "backupPolicyType", "backupTime", "timeZone", "retentionDays", "instantRestoreDays", "backupFrequency", "hourlyInterval", "hourlyWindowHours", "weeklyRetentionWeeks", "monthlyRetentionMonths", "yearlyRetentionYears", "retentionDay", "yearlyRetentionMonth", "protect", "softDelete", "softDeleteDays", "immutability", "allowIrreversibleSettings", "storageRedundancy", "crossRegionRestore", "publicNetworkAccess", "lock", "tags", "keepTypeAliases", "cmkKeyUri", "cmkIdentityId", "infrastructureEncryption", "resourceGuardId", "crossSubscriptionRestore", "archiveTier", "archiveAfterDays", "snapshotConsistency", "instantRestoreResourceGroupPrefix", "instantRestoreResourceGroupSuffix", "resourceGroupName", "location", "virtualMachines", "virtualMachineIds", "retiredVirtualMachines", "privateEndpointSubnetId", "privateDnsZoneIds"];
    };
    readonly fleet: {
        readonly prefix: "fleet";
        readonly names: readonly ["vaultName", "policyName", "backupPolicyType", "backupTime", "timeZone", "retentionDays", "instantRestoreDays", "backupFrequency", "hourlyInterval", "hourlyWindowHours", "weeklyRetentionWeeks", "monthlyRetentionMonths", "yearlyRetentionYears", "retentionDay", "yearlyRetentionMonth", "protect", "softDelete", "softDeleteDays", "immutability", "allowIrreversibleSettings", "storageRedundancy", "crossRegionRestore", "publicNetworkAccess", "lock", "tags", "keepTypeAliases", "cmkKeyUri", "cmkIdentityId", "infrastructureEncryption", "resourceGuardId", "crossSubscriptionRestore", "archiveTier", "archiveAfterDays", "snapshotConsistency", "instantRestoreResourceGroupPrefix", "instantRestoreResourceGroupSuffix", "resourceGroupName", "regions", "scope", "tagName", "tagValue", "excludeTagged", "definition"];
        readonly shares: {
            readonly role: "vault";
            readonly names: readonly ["vaultName", "policyName", "backupPolicyType", "backupTime", "timeZone", "retentionDays", "instantRestoreDays", "backupFrequency", "hourlyInterval", "hourlyWindowHours", "weeklyRetentionWeeks", "monthlyRetentionMonths", "yearlyRetentionYears", "retentionDay", "yearlyRetentionMonth", "protect", "softDelete", "softDeleteDays", "immutability", "allowIrreversibleSettings", "storageRedundancy", "crossRegionRestore", "publicNetworkAccess", "lock", "tags", "keepTypeAliases", "cmkKeyUri", "cmkIdentityId", "infrastructureEncryption", "resourceGuardId", "crossSubscriptionRestore", "archiveTier", "archiveAfterDays", "snapshotConsistency", "instantRestoreResourceGroupPrefix", "instantRestoreResourceGroupSuffix"];
        };
    };
    readonly proxy: {
        readonly prefix: "proxy";
        readonly names: readonly ["resourceGroupName", "location", "subnetId", "subnetAddressPrefix", "proxyIp", "proxyPort", "clientAddressPrefixes", "allowedDomains", "storageAccount", "vmName", "vmSize", "adminUsername", "sshPublicKey", "managedIdentity", "count", "zones", "patchWindow", "tags", "keepTypeAliases"];
    };
    readonly lockdown: {
        readonly prefix: "lockdown";
        readonly names: readonly ["resourceGroupName", "location", "networkSecurityGroupName", "existingNetworkSecurityGroupId", "existingSubnetId", "connectivity", "proxyIp", "proxyPort", "clientAddressPrefixes", "ipRangesFile", "allowWindowsActivation", "sshSourceCidr", "priorityBase", "outboundOnly", "backendIps", "proxyBackendAddresses", "tags", "keepTypeAliases"];
    };
    readonly appVm: {
        readonly prefix: "appVm";
        readonly names: readonly ["resourceGroupName", "location", "subnetId", "proxyIp", "proxyPort", "vmName", "vmSize", "adminUsername", "dataDiskCount", "dataDiskSizeGb", "tags", "keepTypeAliases", "image", "sshPublicKey"];
    };
    readonly windowsAppVm: {
        readonly prefix: "windowsAppVm";
        readonly names: readonly ["resourceGroupName", "location", "subnetId", "proxyIp", "proxyPort", "vmName", "vmSize", "adminUsername", "dataDiskCount", "dataDiskSizeGb", "tags", "keepTypeAliases", "image", "adminPassword"];
        readonly shares: {
            readonly role: "appVm";
            readonly names: readonly ["resourceGroupName", "location", "subnetId", "proxyIp", "proxyPort", "vmName", "vmSize", "adminUsername", "dataDiskCount", "dataDiskSizeGb", "tags", "keepTypeAliases"];
        };
    };
    readonly monitoring: {
        readonly prefix: "monitoring";
        readonly names: readonly ["resourceGroupName", "location", "vaultId", "alertEmails", "logAnalyticsWorkspaceId", "createWorkspace", "proxies", "tags", "keepTypeAliases"];
    };
    readonly restoreDrill: {
        readonly prefix: "restoreDrill";
        readonly names: readonly ["tags", "keepTypeAliases", "vaultId", "location", "virtualNetworkId", "virtualNetworkName", "virtualNetworkResourceGroupName", "quarantineSubnetPrefix", "actionGroupId", "logAnalyticsWorkspaceId", "resourceGroupName", "vmNames", "sourceVmIds", "maxParallel", "recoveryPoint", "recoveryPointWindowDays", "schedule", "timeoutMinutes", "checkScript", "pollSeconds", "recordRetentionDays", "containerAppsEnvironmentId", "runnerImage", "runnerFolder"];
    };
};
export type Role = keyof typeof ROLES;
/** The arguments of each role's component. */
interface RoleArgs {
    vault: BackupVaultArgs;
    fleet: BackupFleetArgs;
    proxy: BackupProxyArgs;
    lockdown: NsgLockdownArgs;
    appVm: BackupReadyLinuxVmArgs;
    windowsAppVm: BackupReadyWindowsVmArgs;
    monitoring: BackupMonitoringArgs;
    restoreDrill: RestoreDrillArgs;
}
/** Settings that feed no component argument: they shape the environment itself. */
export declare const ENVIRONMENT_SETTINGS: readonly SettingKey[];
/** The setting that feeds a role's argument, if one does. */
export declare function settingFor(role: Role, argument: string): SettingKey | "location" | undefined;
/** Every (role, argument) pair that a setting feeds, with that setting. */
export declare function settingsOfArguments(): {
    role: Role;
    argument: string;
    setting: SettingKey | "location";
}[];
/** The arguments of a role's component that settings feed, under the component's names. */
export declare function roleArguments<R extends Role>(settings: Settings, role: R): Partial<RoleArgs[R]>;
/** Options of {@link resolveSettings}: the project (the settings' namespace) and where deprecation warnings go. */
export interface ResolveOptions {
    project?: string;
    warn?: (message: string) => void;
}
/**
 * Turns raw configuration into checked settings, or throws an error that names the key. The VM
 * sizes are checked against Azure's size data of the region where it is given
 * (lib/vmSizeData.ts), against Azure Backup's limits and their family otherwise.
 */
export declare function resolveSettings(given: RawConfig, sizes?: VmSizeData, options?: ResolveOptions): Settings;
/** The fleet's regions: those set, or the location. */
export declare function fleetRegionsOf(s: Pick<Settings, "fleetRegions" | "location">): string[];
/** The names the reference environment gives its app VMs. */
export declare function appVmNames(prefix: "app-vm" | "win-vm", count: number): string[];
/**
 * Configuration keys in the project's namespace that are no setting: a typo (`apVmCount`) would
 * otherwise be ignored without a word. The error names the nearest setting. `configKeys` are
 * fully qualified (`backup-ready:appVmCount`), as `pulumi.runtime.allConfig()` lists them.
 */
export declare function checkSettingKeys(configKeys: readonly string[], project: string): void;
export {};
