/**
 * The reference environment's configuration: defaults, parsing and checks, as plain functions
 * that run before any resource is registered.
 */
import { checkEachOnce } from "./lib/validation/lists";
import { Cidr, containsCidr, formatCidr, formatIp, hostAddress, overlaps, parseCidr, subBlock } from "./policy/rulebook/cidr";
import { invalid, InvalidSettingError, nearestNames } from "./policy/rulebook/errors";
import { effectiveAllowedDomains } from "./lib/guestConfig";
import { UBUNTU_22_04_IMAGE, UBUNTU_LTS_IMAGE } from "./lib/vmArgs";
import { dataDiskLimit, MAX_VMS_PER_VAULT } from "./policy/rulebook/backup";
import { formatImageUrn, ImageReference } from "./policy/rulebook/images";
import { findVmSize, VmSizeData } from "./policy/rulebook/vmSizes";
import { REGION_EXTRACT, RegionData } from "./policy/rulebook/regions";
import { tagNameClash } from "./policy/rulebook/platform";
import { DEFAULTS as COMPONENT_DEFAULTS } from "./lib/defaults";
import * as pulumi from "@pulumi/pulumi";
import { checkAddressPlan, checkPrivateEndpointSubnet, checkProxyPort, cidr } from "./lib/validation/addresses";
import { checkVaultPrivateEndpoint } from "./lib/privateEndpoint";
import { PRIVATE_ENDPOINT_SUBNET_PREFIX_LENGTH } from "./policy/rulebook/privateLink";
import { checkBackupPolicyType } from "./lib/validation/backupPolicy";
import { checkConnectivity, checkWindowsWayOut, Connectivity } from "./lib/validation/connectivity";
import { checkLinuxImage, checkTrustedLaunch, parseImageUrn } from "./lib/validation/images";
import { checkAlertEmails, checkWorkspaceChoice } from "./lib/monitoring";
import { checkAdminUsername, checkBackupRedundancy, checkDomains, checkRegion, checkSameRegion, checkStorageAccount, checkVaultName, checkVmSize } from "./lib/validation/names";
import { WholeNumberRange, wholeNumber } from "./lib/validation/numbers";
import { checkSshPublicKey } from "./lib/validation/sshKeys";
import { checkEnrolledImage, checkEnrolment, checkFleetRegions, checkFleetScope, Enrolment, parseEnrolmentTag } from "./lib/validation/fleet";
import { parsePatchWindow } from "./lib/patchWindow";
import { defaultProxyIp, PROXY_COUNT, ProxyLayout, proxyLayout } from "./lib/proxyLayout";
import { BACKUP_FLEET_ARGUMENTS } from "./components/backupFleet";
import { BACKUP_MONITORING_ARGUMENTS } from "./components/backupMonitoring";
import { BACKUP_PROXY_ARGUMENTS } from "./components/backupProxy";
import { BACKUP_READY_LINUX_VM_ARGUMENTS } from "./components/backupReadyLinuxVm";
import { BACKUP_READY_WINDOWS_VM_ARGUMENTS } from "./components/backupReadyWindowsVm";
import { BACKUP_VAULT_ARGUMENTS, BACKUP_VAULT_SETTINGS_ARGUMENTS } from "./components/backupVault";
import { NSG_LOCKDOWN_ARGUMENTS } from "./components/nsgLockdown";
import { RESTORE_DRILL_ARGUMENTS } from "./components/restoreDrill";
import { checkDrillSettings, checkQuarantinePrefix, RESTORE_DRILL_DEFAULTS } from "./lib/restoreDrill";
import { BACKUP_READY_VM_ARGUMENTS } from "./components/sharedArgs";
import type {
    BackupFleetArgs,
    BackupMonitoringArgs,
    BackupProxyArgs,
    BackupReadyLinuxVmArgs,
    BackupReadyWindowsVmArgs,
    BackupVaultArgs,
    NsgLockdownArgs,
    RestoreDrillArgs,
} from "./components";
import { checkVaultPolicy, VaultPolicySettings, VAULT_POLICY_DEFAULTS } from "./lib/vaultPolicy";
import { checkSoftDelete, checkStorageAccountTags, checkTags, checkVaultSettings, VAULT_DEFAULTS, VaultSettings } from "./lib/vaultSettings";
import {
    BackupFrequency,
    BackupPolicyType,
    HOURLY_WINDOW_HOURS,
    Immutability,
    INSTANT_RESTORE_DAYS,
    MONTHLY_RETENTION_MONTHS,
    PublicNetworkAccess,
    RETENTION_DAYS,
    SOFT_DELETE_DAYS,
    SoftDelete,
    StorageRedundancy,
    WEEKLY_RETENTION_WEEKS,
    YEARLY_RETENTION_YEARS,
} from "./policy/rulebook/vault";
import { checkBackupDiskLuns, checkPolicyTiers, POLICY_TIER_DEFAULTS, PolicyTierSettings } from "./lib/archiveTier";
import { checkVaultEncryption, VAULT_ENCRYPTION_DEFAULTS, VaultEncryptionSettings } from "./lib/vaultEncryption";
import { checkFleetDefinition, FLEET_DEFINITION_DEFAULT, FleetDefinition } from "./lib/validation/fleetDefinition";
import { ArchiveTier, CrossSubscriptionRestore, SnapshotConsistency } from "./policy/rulebook/vaultOptions";
import { enrolmentDefinitionFor } from "./policy/rulebook/fleetDefinition";
import { checkApplicability } from "./applicability";

/** The stack defaults, the components' own where they have one; `Pulumi.yaml` declares the same values (a test keeps the two equal). */
export const DEFAULTS = {
    location: "westeurope",
    connectivity: COMPONENT_DEFAULTS.connectivity,
    addressSpace: "10.0.0.0/16",
    proxyPort: COMPONENT_DEFAULTS.proxyPort,
    allowedDomains: COMPONENT_DEFAULTS.allowedDomains,
    appVmCount: 1,
    appVmDataDiskCount: COMPONENT_DEFAULTS.dataDiskCount,
    appVmSize: COMPONENT_DEFAULTS.vmSize,
    windowsAppVmCount: 0,
    windowsAppVmSize: COMPONENT_DEFAULTS.vmSize,
    proxyVmSize: COMPONENT_DEFAULTS.vmSize,
    proxyCount: COMPONENT_DEFAULTS.proxyCount,
    proxyPatchWindow: COMPONENT_DEFAULTS.patchWindow,
    adminUsername: COMPONENT_DEFAULTS.adminUsername,
    vaultName: COMPONENT_DEFAULTS.vaultName,
    vaultProtect: COMPONENT_DEFAULTS.protect,
    vaultSoftDelete: VAULT_DEFAULTS.softDelete,
    backupTime: COMPONENT_DEFAULTS.backupTime,
    timeZone: COMPONENT_DEFAULTS.timeZone,
    retentionDays: COMPONENT_DEFAULTS.retentionDays,
    instantRestoreDays: COMPONENT_DEFAULTS.instantRestoreDays,
    backupPolicyType: COMPONENT_DEFAULTS.backupPolicyType,
    ...VAULT_POLICY_DEFAULTS,
    softDeleteDays: VAULT_DEFAULTS.softDeleteDays,
    vaultImmutability: VAULT_DEFAULTS.immutability,
    vaultAllowIrreversibleSettings: VAULT_DEFAULTS.allowIrreversibleSettings,
    storageRedundancy: VAULT_DEFAULTS.storageRedundancy,
    crossRegionRestore: VAULT_DEFAULTS.crossRegionRestore,
    vaultPublicNetworkAccess: VAULT_DEFAULTS.publicNetworkAccess,
    vaultLock: true,
    keepTypeAliases: false,
    retiredVms: [],
    enrolment: "list",
    fleetRegions: [],
    enrolmentTag: "backup=daily",
    alertEmails: [],
    // Encryption, Resource Guard, restore, archive, disks (issue 21).
    vaultCmkKeyUri: "",
    vaultCmkIdentityId: "",
    vaultInfrastructureEncryption: VAULT_ENCRYPTION_DEFAULTS.infrastructureEncryption,
    resourceGuardId: "",
    crossSubscriptionRestore: VAULT_ENCRYPTION_DEFAULTS.crossSubscriptionRestore,
    archiveTier: POLICY_TIER_DEFAULTS.archiveTier,
    archiveAfterDays: 0,
    snapshotConsistency: POLICY_TIER_DEFAULTS.snapshotConsistency,
    instantRestoreResourceGroupPrefix: "",
    instantRestoreResourceGroupSuffix: "",
    appVmBackupDiskLuns: "",
    fleetDefinition: FLEET_DEFINITION_DEFAULT,
    vaultPrivateEndpoint: false,
    restoreDrill: false,
    restoreDrillSchedule: RESTORE_DRILL_DEFAULTS.schedule,
    restoreDrillVms: [],
    vaultPrivateDnsZoneIds: [],
} as const;

/** The app VMs' image when none is set: per enrolment, one its enrolment covers. */
export const DEFAULT_APP_VM_IMAGES: Record<Enrolment, string> = {
    list: formatImageUrn(UBUNTU_LTS_IMAGE),
    // Ubuntu 22.04, which both the custom and the built-in enrolment definitions enrol. The custom one
    // (policy/rulebook/fleetDefinition.ts) also enrols 24.04, but a new default image would replace
    // the app VMs of every stack deployed with enrolment "policy" before it: set appVmImage for 24.04.
    policy: formatImageUrn(UBUNTU_22_04_IMAGE),
};

/** Subnets carved from the address space when none are given: the first and second /24. */
export const DEFAULT_SUBNET_PREFIX_LENGTH = 24;

/** A vault protects up to 1000 VMs, and the reference environment's one vault protects every app VM. */
const APP_VM_COUNT: WholeNumberRange = { min: 0, max: MAX_VMS_PER_VAULT, reason: `a Recovery Services vault protects up to ${MAX_VMS_PER_VAULT} Azure VMs` };

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
    /** Proxy VMs, behind a load balancer at `proxyIp` from the first on. */
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
    enrolmentTag: { name: string; value: string };
    /** Who is mailed when a backup job fails or a proxy stops; nobody when empty (the alerts are still raised). */
    alertEmails: string[];
    /** An existing Log Analytics workspace's ARM id for the vault's logs and the proxy heartbeat. */
    logAnalyticsWorkspaceId?: string;
    /** "create": a new workspace for them. */
    logAnalyticsWorkspace?: string;
    // ---- Encryption, Resource Guard, restore, archive, disks (issue 21; docs/vault.md) ----
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
    // A private endpoint for the vault (docs/vault.md#a-private-endpoint-for-the-vault).
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
export const DEPRECATED_SETTINGS = {
    protectVault: "vaultProtect",
    allowIrreversibleVaultSettings: "vaultAllowIrreversibleSettings",
    appVmDataDisks: "appVmDataDiskCount",
} as const;
export type DeprecatedSetting = keyof typeof DEPRECATED_SETTINGS;

/** A setting's name: one of the settings' keys. */
export type SettingKey = Exclude<keyof Settings, "location" | "topology">;

/** The project's configuration keys in `Pulumi.yaml`; `location` is read from `azure-native:location`. */
export const CURRENT_SETTING_KEYS: SettingKey[] = [
    "connectivity", "ipRangesFile", "addressSpace", "proxySubnet", "appSubnet", "proxyIp", "proxyPort", "allowedDomains",
    "storageAccount", "appVmCount", "appVmDataDiskCount", "appVmSize", "appVmImage", "windowsAppVmCount", "windowsAppVmSize",
    "proxyVmSize", "proxyCount", "proxyPatchWindow", "adminUsername", "sshPublicKey", "sshSourceCidr", "vaultName", "vaultLocation", "vaultProtect", "vaultSoftDelete",
    "backupPolicyType", "backupTime", "timeZone", "retentionDays", "instantRestoreDays",
    "backupFrequency", "hourlyInterval", "hourlyWindowHours", "weeklyRetentionWeeks", "monthlyRetentionMonths", "yearlyRetentionYears",
    "retentionDay", "yearlyRetentionMonth", "softDeleteDays", "vaultImmutability", "vaultAllowIrreversibleSettings", "storageRedundancy",
    "crossRegionRestore", "vaultPublicNetworkAccess", "vaultLock", "tags", "retiredVms", "keepTypeAliases",
    "enrolment", "fleetRegions", "fleetScope", "enrolmentTag",
    "alertEmails", "logAnalyticsWorkspaceId", "logAnalyticsWorkspace",
    "vaultCmkKeyUri", "vaultCmkIdentityId", "vaultInfrastructureEncryption", "resourceGuardId", "crossSubscriptionRestore",
    "archiveTier", "archiveAfterDays", "snapshotConsistency", "instantRestoreResourceGroupPrefix", "instantRestoreResourceGroupSuffix",
    "appVmBackupDiskLuns", "fleetDefinition",
    "vaultPrivateEndpoint", "vaultPrivateEndpointSubnet", "vaultPrivateDnsZoneIds",
    "restoreDrill", "restoreDrillSchedule", "restoreDrillVms", "restoreDrillSubnet",
];

/** Every key the program reads: the settings, and the deprecated names that still work. */
export const SETTING_KEYS: (SettingKey | DeprecatedSetting)[] = [...CURRENT_SETTING_KEYS, ...(Object.keys(DEPRECATED_SETTINGS) as DeprecatedSetting[])];

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
const ROLES = {
    vault: { prefix: "vault", names: BACKUP_VAULT_ARGUMENTS },
    fleet: { prefix: "fleet", names: BACKUP_FLEET_ARGUMENTS, shares: { role: "vault", names: BACKUP_VAULT_SETTINGS_ARGUMENTS } },
    proxy: { prefix: "proxy", names: BACKUP_PROXY_ARGUMENTS },
    lockdown: { prefix: "lockdown", names: NSG_LOCKDOWN_ARGUMENTS },
    appVm: { prefix: "appVm", names: BACKUP_READY_LINUX_VM_ARGUMENTS },
    windowsAppVm: { prefix: "windowsAppVm", names: BACKUP_READY_WINDOWS_VM_ARGUMENTS, shares: { role: "appVm", names: BACKUP_READY_VM_ARGUMENTS } },
    monitoring: { prefix: "monitoring", names: BACKUP_MONITORING_ARGUMENTS },
    restoreDrill: { prefix: "restoreDrill", names: RESTORE_DRILL_ARGUMENTS },
} as const satisfies Record<string, { prefix: string; names: readonly string[]; shares?: { role: string; names: readonly string[] } }>;

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
export const ENVIRONMENT_SETTINGS: readonly SettingKey[] = [
    "addressSpace", "proxySubnet", "appSubnet", "appVmCount", "windowsAppVmCount", "retiredVms", "enrolment", "enrolmentTag", "logAnalyticsWorkspace",
    "appVmBackupDiskLuns",
    "vaultPrivateEndpoint", "vaultPrivateEndpointSubnet",
    // Whether to drill, which of the environment's VMs (names and ids, from the topology) and where the quarantine subnet goes.
    "restoreDrill", "restoreDrillVms", "restoreDrillSubnet",
];

/** `prefix` + `argument`, a word at the seam said once: "vault" + "vaultName" is "vaultName", "appVm" + "vmSize" is "appVmSize". */
function prefixed(prefix: string, argument: string): string {
    const lastWord = (/[A-Z]?[a-z]+$/.exec(prefix) as RegExpExecArray)[0].toLowerCase();
    const rest = argument.startsWith(lastWord) && /^[A-Z]/.test(argument.slice(lastWord.length)) ? argument.slice(lastWord.length) : argument[0].toUpperCase() + argument.slice(1);
    return prefix + rest;
}

const READ_SETTINGS: readonly string[] = [...CURRENT_SETTING_KEYS, "location"];

/** The setting that feeds a role's argument, if one does. */
export function settingFor(role: Role, argument: string): SettingKey | "location" | undefined {
    const spec: { prefix: string; shares?: { role: string; names: readonly string[] } } = ROLES[role];
    const shared = spec.shares && spec.shares.names.includes(argument) ? settingFor(spec.shares.role as Role, argument) : undefined;
    const candidates = [prefixed(spec.prefix, argument), shared, argument];
    return candidates.find((name) => name !== undefined && READ_SETTINGS.includes(name)) as SettingKey | "location" | undefined;
}

/** Every (role, argument) pair that a setting feeds, with that setting. */
export function settingsOfArguments(): { role: Role; argument: string; setting: SettingKey | "location" }[] {
    return (Object.keys(ROLES) as Role[]).flatMap((role) =>
        (ROLES[role].names as readonly string[]).flatMap((argument) => {
            const setting = settingFor(role, argument);
            return setting === undefined ? [] : [{ role, argument, setting }];
        }),
    );
}

/** The arguments of a role's component that settings feed, under the component's names. */
export function roleArguments<R extends Role>(settings: Settings, role: R): Partial<RoleArgs[R]> {
    return Object.fromEntries(
        settingsOfArguments()
            .filter((entry) => entry.role === role)
            .map(({ argument, setting }) => [argument, settings[setting]]),
    ) as Partial<RoleArgs[R]>;
}

/** Options of {@link resolveSettings}: the project (the settings' namespace), where deprecation warnings go, and the regions to check against. */
export interface ResolveOptions {
    project?: string;
    warn?: (message: string) => void;
    /** Azure's regions (lib/regionData.ts: the subscription's locations list online); the extract of policy/rulebook/regions.ts when not given. */
    regions?: RegionData;
}

/**
 * The raw configuration under the current names: a deprecated name's value moves to its
 * replacement, with a warning. Both set is an error naming both. A replacement counts as set
 * when it differs from its default, since Pulumi gives every declared setting its default.
 */
function withCurrentNames(raw: RawConfig, options: ResolveOptions): RawConfig {
    const current: RawConfig = { ...raw };
    const project = options.project ?? "backup-ready";
    const warn = options.warn ?? ((message: string) => pulumi.log.warn(message));
    for (const [old, replacement] of Object.entries(DEPRECATED_SETTINGS) as [DeprecatedSetting, SettingKey][]) {
        const value = text(raw, old);
        delete current[old];
        if (value === undefined) {
            continue;
        }
        const set = text(raw, replacement);
        if (set !== undefined && set !== String(DEFAULTS[replacement as keyof typeof DEFAULTS])) {
            throw new InvalidSettingError(`${old} and ${replacement}`, `${project}:${old} is the deprecated name of ${project}:${replacement}: set ${replacement} only`);
        }
        warn(`${project}:${old} is deprecated; set ${replacement} instead`);
        current[replacement] = value;
    }
    return current;
}

/**
 * Turns raw configuration into checked settings, or throws an error that names the key. The VM
 * sizes are checked against Azure's size data of the region where it is given
 * (lib/vmSizeData.ts), against Azure Backup's limits and their family otherwise; the regions,
 * their zones and pairs against `options.regions`.
 */
export function resolveSettings(given: RawConfig, sizes?: VmSizeData, options: ResolveOptions = {}): Settings {
    const raw = withCurrentNames(given, options);
    const location = text(raw, "location") ?? DEFAULTS.location;
    const addressSpace = text(raw, "addressSpace") ?? DEFAULTS.addressSpace;
    const space = cidr("addressSpace", addressSpace);
    const proxySubnet = text(raw, "proxySubnet") ?? defaultSubnet(space, 0);
    const appSubnet = text(raw, "appSubnet") ?? defaultSubnet(space, 1);
    const proxyIp = text(raw, "proxyIp") ?? defaultProxyIp(proxySubnet, "proxySubnet");
    // Checked before it becomes part of a domain name, so that an error names this setting.
    const storageAccount = text(raw, "storageAccount");
    if (storageAccount !== undefined) {
        checkStorageAccount("storageAccount", storageAccount);
    }

    const enrolment = checkEnrolment("enrolment", text(raw, "enrolment") ?? DEFAULTS.enrolment);
    const backupPolicyType = checkBackupPolicyType("backupPolicyType", text(raw, "backupPolicyType") ?? DEFAULTS.backupPolicyType);

    const endpoint = privateEndpointSettings(raw, space, proxySubnet, appSubnet);
    const settings: Omit<Settings, "topology"> = {
        location,
        connectivity: checkConnectivity("connectivity", text(raw, "connectivity") ?? DEFAULTS.connectivity),
        ipRangesFile: text(raw, "ipRangesFile"),
        addressSpace,
        proxySubnet,
        appSubnet,
        proxyIp,
        proxyPort: checkProxyPort("proxyPort", numberOrText(raw, "proxyPort") ?? DEFAULTS.proxyPort),
        allowedDomains: effectiveAllowedDomains(list(raw, "allowedDomains") ?? [...DEFAULTS.allowedDomains], storageAccount),
        storageAccount,
        appVmCount: integer(raw, "appVmCount", DEFAULTS.appVmCount, APP_VM_COUNT),
        appVmDataDiskCount: integer(raw, "appVmDataDiskCount", DEFAULTS.appVmDataDiskCount, { min: 0, ...dataDiskLimit({}) }),
        appVmSize: text(raw, "appVmSize") ?? DEFAULTS.appVmSize,
        appVmImage: parseImageUrn("appVmImage", text(raw, "appVmImage") ?? DEFAULT_APP_VM_IMAGES[enrolment]),
        windowsAppVmCount: integer(raw, "windowsAppVmCount", DEFAULTS.windowsAppVmCount, APP_VM_COUNT),
        windowsAppVmSize: text(raw, "windowsAppVmSize") ?? DEFAULTS.windowsAppVmSize,
        proxyVmSize: text(raw, "proxyVmSize") ?? DEFAULTS.proxyVmSize,
        proxyCount: integer(raw, "proxyCount", DEFAULTS.proxyCount, PROXY_COUNT),
        proxyPatchWindow: text(raw, "proxyPatchWindow") ?? DEFAULTS.proxyPatchWindow,
        adminUsername: text(raw, "adminUsername") ?? DEFAULTS.adminUsername,
        sshPublicKey: text(raw, "sshPublicKey"),
        sshSourceCidr: text(raw, "sshSourceCidr"),
        vaultName: text(raw, "vaultName") ?? DEFAULTS.vaultName,
        vaultLocation: text(raw, "vaultLocation") ?? location,
        vaultProtect: boolean(raw, "vaultProtect", DEFAULTS.vaultProtect),
        vaultSoftDelete: checkSoftDelete("vaultSoftDelete", text(raw, "vaultSoftDelete") ?? DEFAULTS.vaultSoftDelete),
        backupTime: text(raw, "backupTime") ?? DEFAULTS.backupTime,
        timeZone: text(raw, "timeZone") ?? DEFAULTS.timeZone,
        retentionDays: integer(raw, "retentionDays", DEFAULTS.retentionDays, RETENTION_DAYS),
        backupPolicyType,
        instantRestoreDays: integer(raw, "instantRestoreDays", DEFAULTS.instantRestoreDays, INSTANT_RESTORE_DAYS[backupPolicyType]),
        backupFrequency: (text(raw, "backupFrequency") ?? DEFAULTS.backupFrequency) as BackupFrequency,
        hourlyInterval: numberOrText(raw, "hourlyInterval") ?? DEFAULTS.hourlyInterval,
        hourlyWindowHours: integer(raw, "hourlyWindowHours", DEFAULTS.hourlyWindowHours, HOURLY_WINDOW_HOURS),
        weeklyRetentionWeeks: integer(raw, "weeklyRetentionWeeks", DEFAULTS.weeklyRetentionWeeks, WEEKLY_RETENTION_WEEKS),
        monthlyRetentionMonths: integer(raw, "monthlyRetentionMonths", DEFAULTS.monthlyRetentionMonths, MONTHLY_RETENTION_MONTHS),
        yearlyRetentionYears: integer(raw, "yearlyRetentionYears", DEFAULTS.yearlyRetentionYears, YEARLY_RETENTION_YEARS),
        retentionDay: text(raw, "retentionDay") ?? DEFAULTS.retentionDay,
        yearlyRetentionMonth: text(raw, "yearlyRetentionMonth") ?? DEFAULTS.yearlyRetentionMonth,
        softDeleteDays: integer(raw, "softDeleteDays", DEFAULTS.softDeleteDays, SOFT_DELETE_DAYS),
        vaultImmutability: (text(raw, "vaultImmutability") ?? DEFAULTS.vaultImmutability) as Immutability,
        vaultAllowIrreversibleSettings: boolean(raw, "vaultAllowIrreversibleSettings", DEFAULTS.vaultAllowIrreversibleSettings),
        storageRedundancy: (text(raw, "storageRedundancy") ?? DEFAULTS.storageRedundancy) as StorageRedundancy,
        crossRegionRestore: boolean(raw, "crossRegionRestore", DEFAULTS.crossRegionRestore),
        vaultPublicNetworkAccess: (text(raw, "vaultPublicNetworkAccess") ?? DEFAULTS.vaultPublicNetworkAccess) as PublicNetworkAccess,
        vaultLock: boolean(raw, "vaultLock", DEFAULTS.vaultLock),
        keepTypeAliases: boolean(raw, "keepTypeAliases", DEFAULTS.keepTypeAliases),
        tags: tags(raw),
        retiredVms: list(raw, "retiredVms", '["app-vm-3"]') ?? [...DEFAULTS.retiredVms],
        enrolment,
        fleetRegions: list(raw, "fleetRegions", '["westeurope","northeurope"]') ?? [],
        fleetScope: text(raw, "fleetScope"),
        enrolmentTag: parseEnrolmentTag("enrolmentTag", text(raw, "enrolmentTag") ?? DEFAULTS.enrolmentTag),
        alertEmails: list(raw, "alertEmails", '["ops@example.com"]') ?? [...DEFAULTS.alertEmails],
        logAnalyticsWorkspaceId: text(raw, "logAnalyticsWorkspaceId"),
        logAnalyticsWorkspace: text(raw, "logAnalyticsWorkspace"),
        vaultCmkKeyUri: text(raw, "vaultCmkKeyUri"),
        vaultCmkIdentityId: text(raw, "vaultCmkIdentityId"),
        vaultInfrastructureEncryption: boolean(raw, "vaultInfrastructureEncryption", DEFAULTS.vaultInfrastructureEncryption),
        resourceGuardId: text(raw, "resourceGuardId"),
        crossSubscriptionRestore: (text(raw, "crossSubscriptionRestore") ?? DEFAULTS.crossSubscriptionRestore) as CrossSubscriptionRestore,
        archiveTier: (text(raw, "archiveTier") ?? DEFAULTS.archiveTier) as ArchiveTier,
        archiveAfterDays: optionalInteger(raw, "archiveAfterDays"),
        snapshotConsistency: (text(raw, "snapshotConsistency") ?? DEFAULTS.snapshotConsistency) as SnapshotConsistency,
        instantRestoreResourceGroupPrefix: text(raw, "instantRestoreResourceGroupPrefix"),
        instantRestoreResourceGroupSuffix: text(raw, "instantRestoreResourceGroupSuffix"),
        appVmBackupDiskLuns: diskLuns(raw),
        fleetDefinition: checkFleetDefinition("fleetDefinition", text(raw, "fleetDefinition") ?? DEFAULTS.fleetDefinition),
        ...endpoint,
        restoreDrill: boolean(raw, "restoreDrill", DEFAULTS.restoreDrill),
        restoreDrillSchedule: text(raw, "restoreDrillSchedule") ?? DEFAULTS.restoreDrillSchedule,
        restoreDrillVms: list(raw, "restoreDrillVms", '["app-vm-1"]') ?? [...DEFAULTS.restoreDrillVms],
        // After the endpoint's subnet, which belongs to the vault and so is placed first.
        restoreDrillSubnet: text(raw, "restoreDrillSubnet") ?? freeSubnet(space, DEFAULT_SUBNET_PREFIX_LENGTH, [proxySubnet, appSubnet, endpoint.vaultPrivateEndpointSubnet]) ?? "",
    };
    // Before any other check: a setting that has no effect here is the mistake to name.
    checkApplicability(raw, settings, DEFAULTS);
    return { ...settings, topology: checkSettings(settings, sizes, options.regions ?? REGION_EXTRACT, text(raw, "vaultLocation") !== undefined) };
}

/** Every check of the settings, each alone and against the others; what they resolve to. */
function checkSettings(s: Omit<Settings, "topology">, sizes: VmSizeData | undefined, regions: RegionData, vaultLocationSet: boolean): Topology {
    checkRegion("azure-native:location", s.location, regions);
    checkRegion("vaultLocation", s.vaultLocation, regions);
    checkSameRegion("vaultLocation", s.vaultLocation, s.location, "the VMs' region");
    checkAddressPlan({ ...s, appVmCount: s.appVmCount + s.windowsAppVmCount });
    // The default address goes in as unset, so that an error names what the user did set.
    const proxyIp = s.proxyIp === defaultProxyIp(s.proxySubnet, "proxySubnet") ? undefined : s.proxyIp;
    const proxy = proxyLayout({ subnetAddressPrefix: s.proxySubnet, proxyIp, proxyPort: s.proxyPort, count: s.proxyCount }, { subnet: "proxySubnet", proxyIp: "proxyIp", count: "proxyCount" });
    checkDomains("allowedDomains", s.allowedDomains);
    checkVmSize("appVmSize", s.appVmSize);
    checkVmSize("windowsAppVmSize", s.windowsAppVmSize);
    wholeNumber("appVmCount + windowsAppVmCount", s.appVmCount + s.windowsAppVmCount, APP_VM_COUNT);
    checkWindowsWayOut("connectivity", s.connectivity, s.windowsAppVmCount);
    checkVmSize("proxyVmSize", s.proxyVmSize);
    parsePatchWindow("proxyPatchWindow", s.proxyPatchWindow);
    checkLinuxImage("appVmImage", s.appVmImage);
    checkAdminUsername("adminUsername", s.adminUsername, { linux: true, windows: s.windowsAppVmCount > 0 });
    if (s.sshPublicKey !== undefined) {
        checkSshPublicKey("sshPublicKey", s.sshPublicKey);
    }
    checkTrustedLaunch("appVmImage", s.appVmImage, "appVmSize", s.appVmSize, sizes);
    checkTrustedLaunch("appVmImage", undefined, "windowsAppVmSize", s.windowsAppVmSize, sizes);
    checkTrustedLaunch("appVmImage", undefined, "proxyVmSize", s.proxyVmSize, sizes);
    for (const [count, sizeSetting] of [[s.appVmCount, "appVmSize"], [s.windowsAppVmCount, "windowsAppVmSize"]] as const) {
        if (count > 0) {
            const size = s[sizeSetting];
            wholeNumber("appVmDataDiskCount", s.appVmDataDiskCount, { min: 0, ...dataDiskLimit({ size, sizeFacts: findVmSize(sizes, size) }) });
        }
    }
    checkVaultName("vaultName", s.vaultName);
    checkVaultPolicy(s);
    const vaultSetting = (argument: string) => settingFor("vault", argument) as string;
    checkVaultSettings(
        Object.fromEntries(Object.keys(VAULT_DEFAULTS).map((argument) => [argument, s[vaultSetting(argument) as SettingKey]])) as unknown as VaultSettings,
        vaultSetting,
    );
    checkVaultOptions(s, vaultSetting);
    const vaultRegions = s.enrolment === "policy" ? fleetRegionsOf(s).map((region, i) => [s.fleetRegions.length > 0 ? `fleetRegions[${i}]` : "azure-native:location", region]) : [[vaultLocationSet ? "vaultLocation" : "azure-native:location", s.vaultLocation]];
    for (const [setting, region] of vaultRegions) {
        const names = { region: setting, storageRedundancy: vaultSetting("storageRedundancy"), crossRegionRestore: vaultSetting("crossRegionRestore") };
        checkBackupRedundancy(names, { region, storageRedundancy: s.storageRedundancy, crossRegionRestore: s.crossRegionRestore }, regions);
    }
    checkRetiredVms(s);
    checkFleet(s, regions);
    checkPrivateEndpointSettings(s);
    checkAlertEmails("alertEmails", s.alertEmails);
    checkWorkspaceChoice("logAnalyticsWorkspace", s.logAnalyticsWorkspace, "logAnalyticsWorkspaceId", s.logAnalyticsWorkspaceId);
    checkRestoreDrill(s);
    if (s.backupPolicyType === "Standard" && s.appVmCount + s.windowsAppVmCount > 0) {
        invalid("backupPolicyType", '"Enhanced" while this project creates VMs: they are Trusted Launch, which a Standard policy cannot protect', s.backupPolicyType);
    }
    return { proxy, appVmNames: appVmNames("app-vm", s.appVmCount), windowsVmNames: appVmNames("win-vm", s.windowsAppVmCount) };
}

/**
 * With `enrolment` "policy" (applicability.ts keeps the fleet's settings to it) the regions and
 * scope must be ones Azure takes, and the app VMs' images ones the enrolment definition enrols.
 */
function checkFleet(s: Omit<Settings, "topology">, regions: RegionData): void {
    if (s.enrolment === "list") {
        return;
    }
    checkFleetRegions("fleetRegions", fleetRegionsOf(s), regions);
    // The app VMs get `tags` and the enrolment tag together, and Azure keeps one tag of a name whatever its case.
    const clash = tagNameClash([s.enrolmentTag.name, ...Object.keys(s.tags ?? {})]);
    if (clash !== undefined) {
        invalid("tags", `tag names other than enrolmentTag's "${s.enrolmentTag.name}" in any case: the app VMs carry both, and Azure's tag names ignore case, so one would replace the other`, clash[1]);
    }
    if (s.fleetScope !== undefined) {
        checkFleetScope("fleetScope", s.fleetScope);
    }
    if (s.appVmCount > 0) {
        checkEnrolledImage("appVmImage", s.appVmImage, enrolmentDefinitionFor(s.fleetDefinition, "include"));
    }
}

/** The vault's key, guard, restore and archive options and the app VMs' disk selection, each error naming its setting. */
function checkVaultOptions(s: Omit<Settings, "topology">, vaultSetting: (argument: string) => string): void {
    const value = (argument: string) => s[vaultSetting(argument) as SettingKey];
    const encryption = ["cmkKeyUri", "cmkIdentityId", "infrastructureEncryption", "resourceGuardId", "crossSubscriptionRestore"] as const;
    checkVaultEncryption(
        Object.fromEntries(encryption.map((argument) => [argument, value(argument)])) as unknown as VaultEncryptionSettings,
        { name: "vaultAllowIrreversibleSettings", value: s.vaultAllowIrreversibleSettings },
        vaultSetting,
    );
    const tiers = ["archiveTier", "archiveAfterDays", "snapshotConsistency", "instantRestoreResourceGroupPrefix", "instantRestoreResourceGroupSuffix"] as const;
    checkPolicyTiers(Object.fromEntries(tiers.map((argument) => [argument, value(argument)])) as unknown as PolicyTierSettings, s, vaultSetting);
    if (s.appVmBackupDiskLuns !== undefined) {
        checkBackupDiskLuns("appVmBackupDiskLuns", s.appVmBackupDiskLuns, { count: s.appVmDataDiskCount, setting: "appVmDataDiskCount" });
    }
}

/**
 * Drills restore the reference vault's VMs: only with enrolment "list" (with "policy" the VMs
 * are Azure Policy's, in a vault per region), only the environment's protected app VMs, on a
 * schedule Container Apps takes, into a quarantine subnet of the address space apart from the
 * others.
 */
function checkRestoreDrill(s: Omit<Settings, "topology">): void {
    if (!s.restoreDrill) {
        return;
    }
    const protectedVms = [...appVmNames("app-vm", s.appVmCount), ...appVmNames("win-vm", s.windowsAppVmCount)];
    s.restoreDrillVms.forEach((name, i) => {
        if (!protectedVms.includes(name)) {
            invalid(`restoreDrillVms[${i}]`, `the name of a protected app VM (${protectedVms.join(", ") || "none: appVmCount and windowsAppVmCount are 0"})`, name);
        }
    });
    checkEachOnce("restoreDrillVms", s.restoreDrillVms, "each VM once");
    checkDrillSettings({ schedule: s.restoreDrillSchedule, vmNames: s.restoreDrillVms }, (argument) => settingFor("restoreDrill", argument) ?? `restoreDrill's ${argument}`);
    if (s.restoreDrillSubnet === "") {
        invalid("restoreDrillSubnet", `a free range of addressSpace ${s.addressSpace} for the quarantine subnet: no /${DEFAULT_SUBNET_PREFIX_LENGTH} of it is left, set one`, s.restoreDrillSubnet);
    }
    checkQuarantinePrefix("restoreDrillSubnet", s.restoreDrillSubnet);
    checkStorageAccountTags("tags", s.tags, "the restore drill's staging storage account");
    const subnet = parseCidr(s.restoreDrillSubnet) as Cidr;
    if (!containsCidr(cidr("addressSpace", s.addressSpace), subnet)) {
        invalid("restoreDrillSubnet", `inside addressSpace ${s.addressSpace}`, s.restoreDrillSubnet);
    }
    for (const other of ["proxySubnet", "appSubnet", "vaultPrivateEndpointSubnet"] as const) {
        const prefix = s[other];
        if (prefix !== undefined && overlaps(subnet, cidr(other, prefix))) {
            invalid("restoreDrillSubnet", `apart from ${other} ${prefix}: the quarantine must hold nothing but the drill's clones`, s.restoreDrillSubnet);
        }
    }
}

/** The first block of `prefixLength` in the address space that none of `taken` overlaps, if any. */
function freeSubnet(space: Cidr, prefixLength: number, taken: (string | undefined)[]): string | undefined {
    const blocks = taken.map((prefix) => (prefix === undefined ? undefined : parseCidr(prefix))).filter((block): block is Cidr => block !== undefined);
    const count = 2 ** (prefixLength - Math.min(space.prefixLength, prefixLength));
    for (let index = 0; index < count; index++) {
        const block = subBlock(space, prefixLength, index);
        if (block && !blocks.some((other) => overlaps(block, other))) {
            return formatCidr(block);
        }
    }
    return undefined;
}

/** The fleet's regions: those set, or the location. */
export function fleetRegionsOf(s: Pick<Settings, "fleetRegions" | "location">): string[] {
    return s.fleetRegions.length > 0 ? s.fleetRegions : [s.location];
}

/** The names the reference environment gives its app VMs. */
export function appVmNames(prefix: "app-vm" | "win-vm", count: number): string[] {
    return Array.from({ length: count }, (_, i) => `${prefix}-${i + 1}`);
}

const RETIRED_VM = /^(app-vm|win-vm)-([1-9]\d{0,3})$/;

/** Retired VMs are app VMs of this environment that the counts no longer hold, each named once. */
function checkRetiredVms(s: Omit<Settings, "topology">): void {
    const active = new Set([...appVmNames("app-vm", s.appVmCount), ...appVmNames("win-vm", s.windowsAppVmCount)]);
    s.retiredVms.forEach((name, i) => {
        const setting = `retiredVms[${i}]`;
        const match = RETIRED_VM.exec(name);
        if (!match) {
            invalid(setting, 'an app VM name such as "app-vm-3" or "win-vm-2"', name);
        }
        if (Number(match[2]) > APP_VM_COUNT.max) {
            invalid(setting, `a name this stack could have created: app-vm-N or win-vm-N with N up to ${APP_VM_COUNT.max} (${APP_VM_COUNT.reason})`, name);
        }
        if (active.has(name)) {
            invalid(setting, `the name of a VM above appVmCount (${s.appVmCount}) or windowsAppVmCount (${s.windowsAppVmCount}): ${name} is still backed up`, name);
        }
    });
    checkEachOnce("retiredVms", s.retiredVms, "each VM once");
}

/** The private endpoint's settings; its subnet defaults to the first /26 of the space clear of the other subnets. */
function privateEndpointSettings(raw: RawConfig, space: Cidr, proxySubnet: string, appSubnet: string): Pick<Settings, "vaultPrivateEndpoint" | "vaultPrivateEndpointSubnet" | "vaultPrivateDnsZoneIds"> {
    const vaultPrivateEndpoint = boolean(raw, "vaultPrivateEndpoint", DEFAULTS.vaultPrivateEndpoint);
    const free = () =>
        freeSubnet(space, PRIVATE_ENDPOINT_SUBNET_PREFIX_LENGTH, [proxySubnet, appSubnet]) ??
        invalid("addressSpace", `large enough for a /${PRIVATE_ENDPOINT_SUBNET_PREFIX_LENGTH} beside proxySubnet and appSubnet for the vault private endpoint, or set vaultPrivateEndpointSubnet`, formatCidr(space));
    const given = text(raw, "vaultPrivateEndpointSubnet");
    const zoneIds = list(raw, "vaultPrivateDnsZoneIds", '["/subscriptions/<guid>/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.we.backup.windowsazure.com"]');
    return {
        vaultPrivateEndpoint,
        vaultPrivateEndpointSubnet: given ?? (vaultPrivateEndpoint ? free() : undefined),
        // Pulumi gives the declared default, [], when the setting is not set: the same as none.
        vaultPrivateDnsZoneIds: zoneIds === undefined || zoneIds.length === 0 ? undefined : zoneIds,
    };
}

/** The endpoint's subnet and zones, with `vaultPrivateEndpoint` (applicability.ts keeps them to it). */
function checkPrivateEndpointSettings(s: Omit<Settings, "topology">): void {
    if (!s.vaultPrivateEndpoint) {
        return;
    }
    checkPrivateEndpointSubnet(
        "vaultPrivateEndpointSubnet",
        s.vaultPrivateEndpointSubnet as string,
        s,
        PRIVATE_ENDPOINT_SUBNET_PREFIX_LENGTH,
        "a backup private endpoint uses 10 or more private IPs, and Microsoft suggests a /26",
    );
    checkVaultPrivateEndpoint(
        { subnetId: s.vaultPrivateEndpointSubnet, location: s.vaultLocation, privateDnsZoneIds: s.vaultPrivateDnsZoneIds, publicNetworkAccess: s.vaultPublicNetworkAccess },
        { subnetId: "vaultPrivateEndpointSubnet", privateDnsZoneIds: "vaultPrivateDnsZoneIds", publicNetworkAccess: "vaultPublicNetworkAccess", location: "azure-native:location" },
    );
}

function defaultSubnet(space: Cidr, index: number): string {
    const block = subBlock(space, DEFAULT_SUBNET_PREFIX_LENGTH, index);
    if (!block) {
        invalid(
            "addressSpace",
            `large enough for two /${DEFAULT_SUBNET_PREFIX_LENGTH} subnets (a /23 or larger), or set proxySubnet and appSubnet`,
            formatCidr(space),
        );
    }
    return formatCidr(block);
}

function text(raw: RawConfig, key: keyof RawConfig): string | undefined {
    const value = raw[key]?.trim();
    return value ? value : undefined;
}

/** Digits only: no sign, decimal point or exponent. */
const DIGITS = /^\d+$/;

function integer(raw: RawConfig, key: SettingKey, fallback: number, range: WholeNumberRange): number {
    const value = text(raw, key);
    if (value === undefined) {
        return fallback;
    }
    return wholeNumber(key, DIGITS.test(value) ? Number(value) : value, range);
}

/** A whole number, or undefined when unset or 0 (Pulumi.yaml's "not set"). */
function optionalInteger(raw: RawConfig, key: SettingKey): number | undefined {
    const value = text(raw, key);
    if (value === undefined || value === "0") {
        return undefined;
    }
    return (DIGITS.test(value) ? Number(value) : value) as number;
}

/** A JSON list of LUNs, `[]` included; undefined when unset. */
function diskLuns(raw: RawConfig): number[] | undefined {
    const value = text(raw, "appVmBackupDiskLuns");
    return value === undefined ? undefined : checkBackupDiskLuns("appVmBackupDiskLuns", json(value));
}

function boolean(raw: RawConfig, key: SettingKey, fallback: boolean): boolean {
    const value = text(raw, key);
    if (value === undefined) {
        return fallback;
    }
    if (value !== "true" && value !== "false") {
        invalid(key, "true or false", value);
    }
    return value === "true";
}

/** A number where the text is digits, the text otherwise, for a check that lists the allowed values. */
function numberOrText(raw: RawConfig, key: SettingKey): number | undefined {
    const value = text(raw, key);
    return value === undefined ? undefined : ((DIGITS.test(value) ? Number(value) : value) as number);
}

/** The JSON value of a setting, or its text when it is not JSON. */
function json(value: string): unknown {
    try {
        return JSON.parse(value);
    } catch {
        return value;
    }
}

function tags(raw: RawConfig): Record<string, string> | undefined {
    const value = text(raw, "tags");
    return value === undefined ? undefined : checkTags("tags", json(value));
}

function list(raw: RawConfig, key: SettingKey, example = '[".blob.core.windows.net"]'): string[] | undefined {
    const value = text(raw, key);
    if (value === undefined) {
        return undefined;
    }
    const parsed = json(value);
    if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === "string")) {
        invalid(key, `a list of strings, e.g. ${example}`, value);
    }
    return parsed;
}

/**
 * Configuration keys in the project's namespace that are no setting: a typo (`apVmCount`) would
 * otherwise be ignored without a word. The error names the nearest setting. `configKeys` are
 * fully qualified (`backup-ready:appVmCount`), as `pulumi.runtime.allConfig()` lists them.
 */
export function checkSettingKeys(configKeys: readonly string[], project: string): void {
    const known: readonly string[] = SETTING_KEYS;
    for (const key of configKeys) {
        const [namespace, name] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
        if (namespace === project && !known.includes(name)) {
            const [nearest] = nearestNames(name, known);
            const hint = nearest !== undefined ? `did you mean ${nearest}? ` : "";
            throw new InvalidSettingError(name, `is not a setting of ${project}; ${hint}Pulumi.yaml lists every setting`);
        }
    }
}
