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
exports.ENVIRONMENT_SETTINGS = exports.SETTING_KEYS = exports.CURRENT_SETTING_KEYS = exports.DEPRECATED_SETTINGS = exports.DEFAULT_SUBNET_PREFIX_LENGTH = exports.DEFAULT_APP_VM_IMAGES = exports.DEFAULTS = void 0;
exports.settingFor = settingFor;
exports.settingsOfArguments = settingsOfArguments;
exports.roleArguments = roleArguments;
exports.resolveSettings = resolveSettings;
exports.fleetRegionsOf = fleetRegionsOf;
exports.appVmNames = appVmNames;
exports.checkSettingKeys = checkSettingKeys;
/**
 * The reference environment's configuration: defaults, parsing and checks, as plain functions
 * that run before any resource is registered.
 */
const cidr_1 = require("./policy/rulebook/cidr");
const errors_1 = require("./policy/rulebook/errors");
const guestConfig_1 = require("./lib/guestConfig");
const vmArgs_1 = require("./lib/vmArgs");
const backup_1 = require("./policy/rulebook/backup");
const images_1 = require("./policy/rulebook/images");
const vmSizes_1 = require("./policy/rulebook/vmSizes");
const defaults_1 = require("./lib/defaults");
const pulumi = __importStar(require("@pulumi/pulumi"));
const addresses_1 = require("./lib/validation/addresses");
const privateEndpoint_1 = require("./lib/privateEndpoint");
const privateLink_1 = require("./policy/rulebook/privateLink");
const backupPolicy_1 = require("./lib/validation/backupPolicy");
const connectivity_1 = require("./lib/validation/connectivity");
const images_2 = require("./lib/validation/images");
const monitoring_1 = require("./lib/monitoring");
const names_1 = require("./lib/validation/names");
const numbers_1 = require("./lib/validation/numbers");
const sshKeys_1 = require("./lib/validation/sshKeys");
const fleet_1 = require("./lib/validation/fleet");
const patchWindow_1 = require("./lib/patchWindow");
const proxyLayout_1 = require("./lib/proxyLayout");
const backupFleet_1 = require("./components/backupFleet");
const backupMonitoring_1 = require("./components/backupMonitoring");
const backupProxy_1 = require("./components/backupProxy");
const backupReadyLinuxVm_1 = require("./components/backupReadyLinuxVm");
const backupReadyWindowsVm_1 = require("./components/backupReadyWindowsVm");
const backupVault_1 = require("./components/backupVault");
const nsgLockdown_1 = require("./components/nsgLockdown");
const restoreDrill_1 = require("./components/restoreDrill");
const restoreDrill_2 = require("./lib/restoreDrill");
const sharedArgs_1 = require("./components/sharedArgs");
const vaultPolicy_1 = require("./lib/vaultPolicy");
const vaultSettings_1 = require("./lib/vaultSettings");
const vault_1 = require("./policy/rulebook/vault");
const archiveTier_1 = require("./lib/archiveTier");
const vaultEncryption_1 = require("./lib/vaultEncryption");
const fleetDefinition_1 = require("./lib/validation/fleetDefinition");
const fleetDefinition_2 = require("./policy/rulebook/fleetDefinition");
const applicability_1 = require("./lib/applicability");
/** The stack defaults, the components' own where they have one; `Pulumi.yaml` declares the same values (a test keeps the two equal). */
exports.DEFAULTS = {
    location: "westeurope",
    connectivity: defaults_1.DEFAULTS.connectivity,
    addressSpace: "10.0.0.0/16",
    proxyPort: defaults_1.DEFAULTS.proxyPort,
    allowedDomains: defaults_1.DEFAULTS.allowedDomains,
    appVmCount: 1,
    appVmDataDiskCount: defaults_1.DEFAULTS.dataDiskCount,
    appVmSize: defaults_1.DEFAULTS.vmSize,
    windowsAppVmCount: 0,
    windowsAppVmSize: defaults_1.DEFAULTS.vmSize,
    proxyVmSize: defaults_1.DEFAULTS.vmSize,
    proxyCount: defaults_1.DEFAULTS.proxyCount,
    proxyPatchWindow: defaults_1.DEFAULTS.patchWindow,
    adminUsername: defaults_1.DEFAULTS.adminUsername,
    vaultName: defaults_1.DEFAULTS.vaultName,
    vaultProtect: defaults_1.DEFAULTS.protect,
    vaultSoftDelete: vaultSettings_1.VAULT_DEFAULTS.softDelete,
    backupTime: defaults_1.DEFAULTS.backupTime,
    timeZone: defaults_1.DEFAULTS.timeZone,
    retentionDays: defaults_1.DEFAULTS.retentionDays,
    instantRestoreDays: defaults_1.DEFAULTS.instantRestoreDays,
    backupPolicyType: defaults_1.DEFAULTS.backupPolicyType,
    ...vaultPolicy_1.VAULT_POLICY_DEFAULTS,
    softDeleteDays: vaultSettings_1.VAULT_DEFAULTS.softDeleteDays,
    vaultImmutability: vaultSettings_1.VAULT_DEFAULTS.immutability,
    vaultAllowIrreversibleSettings: vaultSettings_1.VAULT_DEFAULTS.allowIrreversibleSettings,
    storageRedundancy: vaultSettings_1.VAULT_DEFAULTS.storageRedundancy,
    crossRegionRestore: vaultSettings_1.VAULT_DEFAULTS.crossRegionRestore,
    vaultPublicNetworkAccess: vaultSettings_1.VAULT_DEFAULTS.publicNetworkAccess,
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
    vaultInfrastructureEncryption: vaultEncryption_1.VAULT_ENCRYPTION_DEFAULTS.infrastructureEncryption,
    resourceGuardId: "",
    crossSubscriptionRestore: vaultEncryption_1.VAULT_ENCRYPTION_DEFAULTS.crossSubscriptionRestore,
    archiveTier: archiveTier_1.POLICY_TIER_DEFAULTS.archiveTier,
    archiveAfterDays: 0,
    snapshotConsistency: archiveTier_1.POLICY_TIER_DEFAULTS.snapshotConsistency,
    instantRestoreResourceGroupPrefix: "",
    instantRestoreResourceGroupSuffix: "",
    appVmBackupDiskLuns: "",
    fleetDefinition: fleetDefinition_1.FLEET_DEFINITION_DEFAULT,
    vaultPrivateEndpoint: false,
    restoreDrill: false,
    restoreDrillSchedule: restoreDrill_2.RESTORE_DRILL_DEFAULTS.schedule,
    restoreDrillVms: [],
    vaultPrivateDnsZoneIds: [],
};
/** The app VMs' image when none is set: per enrolment, one its enrolment covers. */
exports.DEFAULT_APP_VM_IMAGES = {
    list: (0, images_1.formatImageUrn)(vmArgs_1.UBUNTU_LTS_IMAGE),
    // Ubuntu 22.04, which both the custom and the built-in enrolment definitions enrol. The custom one
    // (policy/rulebook/fleetDefinition.ts) also enrols 24.04, but a new default image would replace
    // the app VMs of every stack deployed with enrolment "policy" before it: set appVmImage for 24.04.
    policy: (0, images_1.formatImageUrn)(vmArgs_1.UBUNTU_22_04_IMAGE),
};
/** Subnets carved from the address space when none are given: the first and second /24. */
exports.DEFAULT_SUBNET_PREFIX_LENGTH = 24;
/** A vault protects up to 1000 VMs, and the reference environment's one vault protects every app VM. */
const APP_VM_COUNT = { min: 0, max: backup_1.MAX_VMS_PER_VAULT, reason: `a Recovery Services vault protects up to ${backup_1.MAX_VMS_PER_VAULT} Azure VMs` };
/** Settings renamed to follow the rule of {@link settingFor}: each old name still works, with a warning. */
exports.DEPRECATED_SETTINGS = {
    protectVault: "vaultProtect",
    allowIrreversibleVaultSettings: "vaultAllowIrreversibleSettings",
    appVmDataDisks: "appVmDataDiskCount",
};
/** The project's configuration keys in `Pulumi.yaml`; `location` is read from `azure-native:location`. */
exports.CURRENT_SETTING_KEYS = [
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
exports.SETTING_KEYS = [...exports.CURRENT_SETTING_KEYS, ...Object.keys(exports.DEPRECATED_SETTINGS)];
/**
 * Where each component's arguments come from. A setting that feeds a component's argument is
 * named after the component's role in the environment and the argument (`vault` + `protect` is
 * `vaultProtect`, `appVm` + `vmSize` is `appVmSize`: a word at the seam is said once), or is the
 * argument's own name where that stands alone (`backupTime`, `proxyPort`). A role that `shares`
 * another's takes that role's setting for the arguments both components have (Windows app VMs
 * the app VMs' `appVmDataDiskCount`, the fleet every vault setting).
 */
const ROLES = {
    vault: { prefix: "vault", names: backupVault_1.BACKUP_VAULT_ARGUMENTS },
    fleet: { prefix: "fleet", names: backupFleet_1.BACKUP_FLEET_ARGUMENTS, shares: { role: "vault", names: backupVault_1.BACKUP_VAULT_SETTINGS_ARGUMENTS } },
    proxy: { prefix: "proxy", names: backupProxy_1.BACKUP_PROXY_ARGUMENTS },
    lockdown: { prefix: "lockdown", names: nsgLockdown_1.NSG_LOCKDOWN_ARGUMENTS },
    appVm: { prefix: "appVm", names: backupReadyLinuxVm_1.BACKUP_READY_LINUX_VM_ARGUMENTS },
    windowsAppVm: { prefix: "windowsAppVm", names: backupReadyWindowsVm_1.BACKUP_READY_WINDOWS_VM_ARGUMENTS, shares: { role: "appVm", names: sharedArgs_1.BACKUP_READY_VM_ARGUMENTS } },
    monitoring: { prefix: "monitoring", names: backupMonitoring_1.BACKUP_MONITORING_ARGUMENTS },
    restoreDrill: { prefix: "restoreDrill", names: restoreDrill_1.RESTORE_DRILL_ARGUMENTS },
};
/** Settings that feed no component argument: they shape the environment itself. */
exports.ENVIRONMENT_SETTINGS = [
    "addressSpace", "proxySubnet", "appSubnet", "appVmCount", "windowsAppVmCount", "retiredVms", "enrolment", "enrolmentTag", "logAnalyticsWorkspace",
    "appVmBackupDiskLuns",
    "vaultPrivateEndpoint", "vaultPrivateEndpointSubnet",
    // Whether to drill, which of the environment's VMs (names and ids, from the topology) and where the quarantine subnet goes.
    "restoreDrill", "restoreDrillVms", "restoreDrillSubnet",
];
/** `prefix` + `argument`, a word at the seam said once: "vault" + "vaultName" is "vaultName", "appVm" + "vmSize" is "appVmSize". */
function prefixed(prefix, argument) {
    const lastWord = /[A-Z]?[a-z]+$/.exec(prefix)[0].toLowerCase();
    const rest = argument.startsWith(lastWord) && /^[A-Z]/.test(argument.slice(lastWord.length)) ? argument.slice(lastWord.length) : argument[0].toUpperCase() + argument.slice(1);
    return prefix + rest;
}
const READ_SETTINGS = [...exports.CURRENT_SETTING_KEYS, "location"];
/** The setting that feeds a role's argument, if one does. */
function settingFor(role, argument) {
    const spec = ROLES[role];
    const shared = spec.shares && spec.shares.names.includes(argument) ? settingFor(spec.shares.role, argument) : undefined;
    const candidates = [prefixed(spec.prefix, argument), shared, argument];
    return candidates.find((name) => name !== undefined && READ_SETTINGS.includes(name));
}
/** Every (role, argument) pair that a setting feeds, with that setting. */
function settingsOfArguments() {
    return Object.keys(ROLES).flatMap((role) => ROLES[role].names.flatMap((argument) => {
        const setting = settingFor(role, argument);
        return setting === undefined ? [] : [{ role, argument, setting }];
    }));
}
/** The arguments of a role's component that settings feed, under the component's names. */
function roleArguments(settings, role) {
    return Object.fromEntries(settingsOfArguments()
        .filter((entry) => entry.role === role)
        .map(({ argument, setting }) => [argument, settings[setting]]));
}
/**
 * The raw configuration under the current names: a deprecated name's value moves to its
 * replacement, with a warning. Both set is an error naming both. A replacement counts as set
 * when it differs from its default, since Pulumi gives every declared setting its default.
 */
function withCurrentNames(raw, options) {
    const current = { ...raw };
    const project = options.project ?? "backup-ready";
    const warn = options.warn ?? ((message) => pulumi.log.warn(message));
    for (const [old, replacement] of Object.entries(exports.DEPRECATED_SETTINGS)) {
        const value = text(raw, old);
        delete current[old];
        if (value === undefined) {
            continue;
        }
        const set = text(raw, replacement);
        if (set !== undefined && set !== String(exports.DEFAULTS[replacement])) {
            throw new errors_1.InvalidSettingError(`${old} and ${replacement}`, `${project}:${old} is the deprecated name of ${project}:${replacement}: set ${replacement} only`);
        }
        warn(`${project}:${old} is deprecated; set ${replacement} instead`);
        current[replacement] = value;
    }
    return current;
}
/**
 * Turns raw configuration into checked settings, or throws an error that names the key. The VM
 * sizes are checked against Azure's size data of the region where it is given
 * (lib/vmSizeData.ts), against Azure Backup's limits and their family otherwise.
 */
function resolveSettings(given, sizes, options = {}) {
    const raw = withCurrentNames(given, options);
    const location = text(raw, "location") ?? exports.DEFAULTS.location;
    const addressSpace = text(raw, "addressSpace") ?? exports.DEFAULTS.addressSpace;
    const space = (0, addresses_1.cidr)("addressSpace", addressSpace);
    const proxySubnet = text(raw, "proxySubnet") ?? defaultSubnet(space, 0);
    const appSubnet = text(raw, "appSubnet") ?? defaultSubnet(space, 1);
    const proxyIp = text(raw, "proxyIp") ?? (0, proxyLayout_1.defaultProxyIp)(proxySubnet, "proxySubnet");
    // Checked before it becomes part of a domain name, so that an error names this setting.
    const storageAccount = text(raw, "storageAccount");
    if (storageAccount !== undefined) {
        (0, names_1.checkStorageAccount)("storageAccount", storageAccount);
    }
    const enrolment = (0, fleet_1.checkEnrolment)("enrolment", text(raw, "enrolment") ?? exports.DEFAULTS.enrolment);
    const backupPolicyType = (0, backupPolicy_1.checkBackupPolicyType)("backupPolicyType", text(raw, "backupPolicyType") ?? exports.DEFAULTS.backupPolicyType);
    const endpoint = privateEndpointSettings(raw, space, proxySubnet, appSubnet);
    const settings = {
        location,
        connectivity: (0, connectivity_1.checkConnectivity)("connectivity", text(raw, "connectivity") ?? exports.DEFAULTS.connectivity),
        ipRangesFile: text(raw, "ipRangesFile"),
        addressSpace,
        proxySubnet,
        appSubnet,
        proxyIp,
        proxyPort: (0, addresses_1.checkProxyPort)("proxyPort", numberOrText(raw, "proxyPort") ?? exports.DEFAULTS.proxyPort),
        allowedDomains: (0, guestConfig_1.effectiveAllowedDomains)(list(raw, "allowedDomains") ?? [...exports.DEFAULTS.allowedDomains], storageAccount),
        storageAccount,
        appVmCount: integer(raw, "appVmCount", exports.DEFAULTS.appVmCount, APP_VM_COUNT),
        appVmDataDiskCount: integer(raw, "appVmDataDiskCount", exports.DEFAULTS.appVmDataDiskCount, { min: 0, ...(0, backup_1.dataDiskLimit)({}) }),
        appVmSize: text(raw, "appVmSize") ?? exports.DEFAULTS.appVmSize,
        appVmImage: (0, images_2.parseImageUrn)("appVmImage", text(raw, "appVmImage") ?? exports.DEFAULT_APP_VM_IMAGES[enrolment]),
        windowsAppVmCount: integer(raw, "windowsAppVmCount", exports.DEFAULTS.windowsAppVmCount, APP_VM_COUNT),
        windowsAppVmSize: text(raw, "windowsAppVmSize") ?? exports.DEFAULTS.windowsAppVmSize,
        proxyVmSize: text(raw, "proxyVmSize") ?? exports.DEFAULTS.proxyVmSize,
        proxyCount: integer(raw, "proxyCount", exports.DEFAULTS.proxyCount, proxyLayout_1.PROXY_COUNT),
        proxyPatchWindow: text(raw, "proxyPatchWindow") ?? exports.DEFAULTS.proxyPatchWindow,
        adminUsername: text(raw, "adminUsername") ?? exports.DEFAULTS.adminUsername,
        sshPublicKey: text(raw, "sshPublicKey"),
        sshSourceCidr: text(raw, "sshSourceCidr"),
        vaultName: text(raw, "vaultName") ?? exports.DEFAULTS.vaultName,
        vaultLocation: text(raw, "vaultLocation") ?? location,
        vaultProtect: boolean(raw, "vaultProtect", exports.DEFAULTS.vaultProtect),
        vaultSoftDelete: (0, vaultSettings_1.checkSoftDelete)("vaultSoftDelete", text(raw, "vaultSoftDelete") ?? exports.DEFAULTS.vaultSoftDelete),
        backupTime: text(raw, "backupTime") ?? exports.DEFAULTS.backupTime,
        timeZone: text(raw, "timeZone") ?? exports.DEFAULTS.timeZone,
        retentionDays: integer(raw, "retentionDays", exports.DEFAULTS.retentionDays, vault_1.RETENTION_DAYS),
        backupPolicyType,
        instantRestoreDays: integer(raw, "instantRestoreDays", exports.DEFAULTS.instantRestoreDays, vault_1.INSTANT_RESTORE_DAYS[backupPolicyType]),
        backupFrequency: (text(raw, "backupFrequency") ?? exports.DEFAULTS.backupFrequency),
        hourlyInterval: numberOrText(raw, "hourlyInterval") ?? exports.DEFAULTS.hourlyInterval,
        hourlyWindowHours: integer(raw, "hourlyWindowHours", exports.DEFAULTS.hourlyWindowHours, vault_1.HOURLY_WINDOW_HOURS),
        weeklyRetentionWeeks: integer(raw, "weeklyRetentionWeeks", exports.DEFAULTS.weeklyRetentionWeeks, vault_1.WEEKLY_RETENTION_WEEKS),
        monthlyRetentionMonths: integer(raw, "monthlyRetentionMonths", exports.DEFAULTS.monthlyRetentionMonths, vault_1.MONTHLY_RETENTION_MONTHS),
        yearlyRetentionYears: integer(raw, "yearlyRetentionYears", exports.DEFAULTS.yearlyRetentionYears, vault_1.YEARLY_RETENTION_YEARS),
        retentionDay: text(raw, "retentionDay") ?? exports.DEFAULTS.retentionDay,
        yearlyRetentionMonth: text(raw, "yearlyRetentionMonth") ?? exports.DEFAULTS.yearlyRetentionMonth,
        softDeleteDays: integer(raw, "softDeleteDays", exports.DEFAULTS.softDeleteDays, vault_1.SOFT_DELETE_DAYS),
        vaultImmutability: (text(raw, "vaultImmutability") ?? exports.DEFAULTS.vaultImmutability),
        vaultAllowIrreversibleSettings: boolean(raw, "vaultAllowIrreversibleSettings", exports.DEFAULTS.vaultAllowIrreversibleSettings),
        storageRedundancy: (text(raw, "storageRedundancy") ?? exports.DEFAULTS.storageRedundancy),
        crossRegionRestore: boolean(raw, "crossRegionRestore", exports.DEFAULTS.crossRegionRestore),
        vaultPublicNetworkAccess: (text(raw, "vaultPublicNetworkAccess") ?? exports.DEFAULTS.vaultPublicNetworkAccess),
        vaultLock: boolean(raw, "vaultLock", exports.DEFAULTS.vaultLock),
        keepTypeAliases: boolean(raw, "keepTypeAliases", exports.DEFAULTS.keepTypeAliases),
        tags: tags(raw),
        retiredVms: list(raw, "retiredVms", '["app-vm-3"]') ?? [...exports.DEFAULTS.retiredVms],
        enrolment,
        fleetRegions: list(raw, "fleetRegions", '["westeurope","northeurope"]') ?? [],
        fleetScope: text(raw, "fleetScope"),
        enrolmentTag: (0, fleet_1.parseEnrolmentTag)("enrolmentTag", text(raw, "enrolmentTag") ?? exports.DEFAULTS.enrolmentTag),
        alertEmails: list(raw, "alertEmails", '["ops@example.com"]') ?? [...exports.DEFAULTS.alertEmails],
        logAnalyticsWorkspaceId: text(raw, "logAnalyticsWorkspaceId"),
        logAnalyticsWorkspace: text(raw, "logAnalyticsWorkspace"),
        vaultCmkKeyUri: text(raw, "vaultCmkKeyUri"),
        vaultCmkIdentityId: text(raw, "vaultCmkIdentityId"),
        vaultInfrastructureEncryption: boolean(raw, "vaultInfrastructureEncryption", exports.DEFAULTS.vaultInfrastructureEncryption),
        resourceGuardId: text(raw, "resourceGuardId"),
        crossSubscriptionRestore: (text(raw, "crossSubscriptionRestore") ?? exports.DEFAULTS.crossSubscriptionRestore),
        archiveTier: (text(raw, "archiveTier") ?? exports.DEFAULTS.archiveTier),
        archiveAfterDays: optionalInteger(raw, "archiveAfterDays"),
        snapshotConsistency: (text(raw, "snapshotConsistency") ?? exports.DEFAULTS.snapshotConsistency),
        instantRestoreResourceGroupPrefix: text(raw, "instantRestoreResourceGroupPrefix"),
        instantRestoreResourceGroupSuffix: text(raw, "instantRestoreResourceGroupSuffix"),
        appVmBackupDiskLuns: diskLuns(raw),
        fleetDefinition: (0, fleetDefinition_1.checkFleetDefinition)("fleetDefinition", text(raw, "fleetDefinition") ?? exports.DEFAULTS.fleetDefinition),
        ...endpoint,
        restoreDrill: boolean(raw, "restoreDrill", exports.DEFAULTS.restoreDrill),
        restoreDrillSchedule: text(raw, "restoreDrillSchedule") ?? exports.DEFAULTS.restoreDrillSchedule,
        restoreDrillVms: list(raw, "restoreDrillVms", '["app-vm-1"]') ?? [...exports.DEFAULTS.restoreDrillVms],
        // After the endpoint's subnet, which belongs to the vault and so is placed first.
        restoreDrillSubnet: text(raw, "restoreDrillSubnet") ?? freeSubnet(space, exports.DEFAULT_SUBNET_PREFIX_LENGTH, [proxySubnet, appSubnet, endpoint.vaultPrivateEndpointSubnet]) ?? "",
    };
    // Before any other check: a setting that has no effect here is the mistake to name.
    (0, applicability_1.checkApplicability)(raw, settings, exports.DEFAULTS);
    return { ...settings, topology: checkSettings(settings, sizes) };
}
/** Every check of the settings, each alone and against the others; what they resolve to. */
function checkSettings(s, sizes) {
    (0, names_1.checkRegion)("azure-native:location", s.location);
    (0, names_1.checkRegion)("vaultLocation", s.vaultLocation);
    (0, names_1.checkSameRegion)("vaultLocation", s.vaultLocation, s.location, "the VMs' region");
    (0, addresses_1.checkAddressPlan)({ ...s, appVmCount: s.appVmCount + s.windowsAppVmCount });
    const proxy = (0, proxyLayout_1.proxyLayout)({ subnetAddressPrefix: s.proxySubnet, proxyIp: s.proxyIp, proxyPort: s.proxyPort, count: s.proxyCount }, { subnet: "proxySubnet", proxyIp: "proxyIp", count: "proxyCount" });
    (0, names_1.checkDomains)("allowedDomains", s.allowedDomains);
    (0, names_1.checkVmSize)("appVmSize", s.appVmSize);
    (0, names_1.checkVmSize)("windowsAppVmSize", s.windowsAppVmSize);
    (0, numbers_1.wholeNumber)("appVmCount + windowsAppVmCount", s.appVmCount + s.windowsAppVmCount, APP_VM_COUNT);
    (0, connectivity_1.checkWindowsWayOut)("connectivity", s.connectivity, s.windowsAppVmCount);
    (0, names_1.checkVmSize)("proxyVmSize", s.proxyVmSize);
    (0, patchWindow_1.parsePatchWindow)("proxyPatchWindow", s.proxyPatchWindow);
    (0, images_2.checkLinuxImage)("appVmImage", s.appVmImage);
    (0, names_1.checkAdminUsername)("adminUsername", s.adminUsername, { linux: true, windows: s.windowsAppVmCount > 0 });
    if (s.sshPublicKey !== undefined) {
        (0, sshKeys_1.checkSshPublicKey)("sshPublicKey", s.sshPublicKey);
    }
    (0, images_2.checkTrustedLaunch)("appVmImage", s.appVmImage, "appVmSize", s.appVmSize, sizes);
    (0, images_2.checkTrustedLaunch)("appVmImage", undefined, "windowsAppVmSize", s.windowsAppVmSize, sizes);
    (0, images_2.checkTrustedLaunch)("appVmImage", undefined, "proxyVmSize", s.proxyVmSize, sizes);
    for (const [count, sizeSetting] of [[s.appVmCount, "appVmSize"], [s.windowsAppVmCount, "windowsAppVmSize"]]) {
        if (count > 0) {
            const size = s[sizeSetting];
            (0, numbers_1.wholeNumber)("appVmDataDiskCount", s.appVmDataDiskCount, { min: 0, ...(0, backup_1.dataDiskLimit)({ size, sizeFacts: (0, vmSizes_1.findVmSize)(sizes, size) }) });
        }
    }
    (0, names_1.checkVaultName)("vaultName", s.vaultName);
    (0, vaultPolicy_1.checkVaultPolicy)(s);
    const vaultSetting = (argument) => settingFor("vault", argument);
    (0, vaultSettings_1.checkVaultSettings)(Object.fromEntries(Object.keys(vaultSettings_1.VAULT_DEFAULTS).map((argument) => [argument, s[vaultSetting(argument)]])), vaultSetting);
    checkVaultOptions(s, vaultSetting);
    const vaultRegions = s.enrolment === "policy" ? fleetRegionsOf(s).map((region) => [s.fleetRegions.length > 0 ? "fleetRegions" : "azure-native:location", region]) : [["vaultLocation", s.vaultLocation]];
    for (const [setting, region] of vaultRegions) {
        const names = { region: setting, storageRedundancy: vaultSetting("storageRedundancy"), crossRegionRestore: vaultSetting("crossRegionRestore") };
        (0, names_1.checkBackupRedundancy)(names, { region, storageRedundancy: s.storageRedundancy, crossRegionRestore: s.crossRegionRestore });
    }
    checkRetiredVms(s);
    checkFleet(s);
    checkPrivateEndpointSettings(s);
    (0, monitoring_1.checkAlertEmails)("alertEmails", s.alertEmails);
    (0, monitoring_1.checkWorkspaceChoice)("logAnalyticsWorkspace", s.logAnalyticsWorkspace, "logAnalyticsWorkspaceId", s.logAnalyticsWorkspaceId);
    checkRestoreDrill(s);
    if (s.backupPolicyType === "Standard" && s.appVmCount + s.windowsAppVmCount > 0) {
        (0, errors_1.invalid)("backupPolicyType", '"Enhanced" while this project creates VMs: they are Trusted Launch, which a Standard policy cannot protect', s.backupPolicyType);
    }
    return { proxy, appVmNames: appVmNames("app-vm", s.appVmCount), windowsVmNames: appVmNames("win-vm", s.windowsAppVmCount) };
}
/**
 * With `enrolment` "policy" (lib/applicability.ts keeps the fleet's settings to it) the regions and
 * scope must be ones Azure takes, and the app VMs' images ones the enrolment definition enrols.
 */
function checkFleet(s) {
    if (s.enrolment === "list") {
        return;
    }
    (0, fleet_1.checkFleetRegions)("fleetRegions", fleetRegionsOf(s));
    if (s.fleetScope !== undefined) {
        (0, fleet_1.checkFleetScope)("fleetScope", s.fleetScope);
    }
    if (s.appVmCount > 0) {
        (0, fleet_1.checkEnrolledImage)("appVmImage", s.appVmImage, (0, fleetDefinition_2.enrolmentDefinitionFor)(s.fleetDefinition, "include"));
    }
}
/** The vault's key, guard, restore and archive options and the app VMs' disk selection, each error naming its setting. */
function checkVaultOptions(s, vaultSetting) {
    const value = (argument) => s[vaultSetting(argument)];
    const encryption = ["cmkKeyUri", "cmkIdentityId", "infrastructureEncryption", "resourceGuardId", "crossSubscriptionRestore"];
    (0, vaultEncryption_1.checkVaultEncryption)(Object.fromEntries(encryption.map((argument) => [argument, value(argument)])), { name: "vaultAllowIrreversibleSettings", value: s.vaultAllowIrreversibleSettings }, vaultSetting);
    const tiers = ["archiveTier", "archiveAfterDays", "snapshotConsistency", "instantRestoreResourceGroupPrefix", "instantRestoreResourceGroupSuffix"];
    (0, archiveTier_1.checkPolicyTiers)(Object.fromEntries(tiers.map((argument) => [argument, value(argument)])), s, vaultSetting);
    if (s.appVmBackupDiskLuns !== undefined) {
        (0, archiveTier_1.checkBackupDiskLuns)("appVmBackupDiskLuns", s.appVmBackupDiskLuns, { count: s.appVmDataDiskCount, setting: "appVmDataDiskCount" });
    }
}
/**
 * Drills restore the reference vault's VMs: only with enrolment "list" (with "policy" the VMs
 * are Azure Policy's, in a vault per region), only the environment's protected app VMs, on a
 * schedule Container Apps takes, into a quarantine subnet of the address space apart from the
 * others.
 */
function checkRestoreDrill(s) {
    if (!s.restoreDrill) {
        return;
    }
    const protectedVms = [...appVmNames("app-vm", s.appVmCount), ...appVmNames("win-vm", s.windowsAppVmCount)];
    s.restoreDrillVms.forEach((name, i) => {
        if (!protectedVms.includes(name) || s.restoreDrillVms.indexOf(name) !== i) {
            (0, errors_1.invalid)("restoreDrillVms", `names of the protected app VMs (${protectedVms.join(", ") || "none: appVmCount and windowsAppVmCount are 0"}), each once`, name);
        }
    });
    (0, restoreDrill_2.checkDrillSettings)({ schedule: s.restoreDrillSchedule, vmNames: s.restoreDrillVms }, (argument) => settingFor("restoreDrill", argument) ?? `restoreDrill's ${argument}`);
    if (s.restoreDrillSubnet === "") {
        (0, errors_1.invalid)("restoreDrillSubnet", `a free range of addressSpace ${s.addressSpace} for the quarantine subnet: no /${exports.DEFAULT_SUBNET_PREFIX_LENGTH} of it is left, set one`, s.restoreDrillSubnet);
    }
    (0, restoreDrill_2.checkQuarantinePrefix)("restoreDrillSubnet", s.restoreDrillSubnet);
    const subnet = (0, cidr_1.parseCidr)(s.restoreDrillSubnet);
    if (!(0, cidr_1.containsCidr)((0, addresses_1.cidr)("addressSpace", s.addressSpace), subnet)) {
        (0, errors_1.invalid)("restoreDrillSubnet", `inside addressSpace ${s.addressSpace}`, s.restoreDrillSubnet);
    }
    for (const other of ["proxySubnet", "appSubnet", "vaultPrivateEndpointSubnet"]) {
        const prefix = s[other];
        if (prefix !== undefined && (0, cidr_1.overlaps)(subnet, (0, addresses_1.cidr)(other, prefix))) {
            (0, errors_1.invalid)("restoreDrillSubnet", `apart from ${other} ${prefix}: the quarantine must hold nothing but the drill's clones`, s.restoreDrillSubnet);
        }
    }
}
/** The first block of `prefixLength` in the address space that none of `taken` overlaps, if any. */
function freeSubnet(space, prefixLength, taken) {
    const blocks = taken.map((prefix) => (prefix === undefined ? undefined : (0, cidr_1.parseCidr)(prefix))).filter((block) => block !== undefined);
    const count = 2 ** (prefixLength - Math.min(space.prefixLength, prefixLength));
    for (let index = 0; index < count; index++) {
        const block = (0, cidr_1.subBlock)(space, prefixLength, index);
        if (block && !blocks.some((other) => (0, cidr_1.overlaps)(block, other))) {
            return (0, cidr_1.formatCidr)(block);
        }
    }
    return undefined;
}
/** The fleet's regions: those set, or the location. */
function fleetRegionsOf(s) {
    return s.fleetRegions.length > 0 ? s.fleetRegions : [s.location];
}
/** The names the reference environment gives its app VMs. */
function appVmNames(prefix, count) {
    return Array.from({ length: count }, (_, i) => `${prefix}-${i + 1}`);
}
const RETIRED_VM = /^(app-vm|win-vm)-([1-9]\d{0,3})$/;
/** Retired VMs are app VMs of this environment that the counts no longer hold, each named once. */
function checkRetiredVms(s) {
    const active = new Set([...appVmNames("app-vm", s.appVmCount), ...appVmNames("win-vm", s.windowsAppVmCount)]);
    s.retiredVms.forEach((name, i) => {
        const match = RETIRED_VM.exec(name);
        if (!match || s.retiredVms.indexOf(name) !== i) {
            (0, errors_1.invalid)("retiredVms", 'app VM names such as "app-vm-3" or "win-vm-2", each once', name);
        }
        if (Number(match[2]) > APP_VM_COUNT.max) {
            (0, errors_1.invalid)("retiredVms", `names this stack could have created: app-vm-N or win-vm-N with N up to ${APP_VM_COUNT.max} (${APP_VM_COUNT.reason})`, name);
        }
        if (active.has(name)) {
            (0, errors_1.invalid)("retiredVms", `names of VMs above appVmCount (${s.appVmCount}) or windowsAppVmCount (${s.windowsAppVmCount}): ${name} is still backed up`, name);
        }
    });
}
/** The private endpoint's settings; its subnet defaults to the first /26 of the space clear of the other subnets. */
function privateEndpointSettings(raw, space, proxySubnet, appSubnet) {
    const vaultPrivateEndpoint = boolean(raw, "vaultPrivateEndpoint", exports.DEFAULTS.vaultPrivateEndpoint);
    const free = () => freeSubnet(space, privateLink_1.PRIVATE_ENDPOINT_SUBNET_PREFIX_LENGTH, [proxySubnet, appSubnet]) ??
        (0, errors_1.invalid)("addressSpace", `large enough for a /${privateLink_1.PRIVATE_ENDPOINT_SUBNET_PREFIX_LENGTH} beside proxySubnet and appSubnet for the vault private endpoint, or set vaultPrivateEndpointSubnet`, (0, cidr_1.formatCidr)(space));
    const given = text(raw, "vaultPrivateEndpointSubnet");
    const zoneIds = list(raw, "vaultPrivateDnsZoneIds", '["/subscriptions/<guid>/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.we.backup.windowsazure.com"]');
    return {
        vaultPrivateEndpoint,
        vaultPrivateEndpointSubnet: given ?? (vaultPrivateEndpoint ? free() : undefined),
        // Pulumi gives the declared default, [], when the setting is not set: the same as none.
        vaultPrivateDnsZoneIds: zoneIds === undefined || zoneIds.length === 0 ? undefined : zoneIds,
    };
}
/** The endpoint's subnet and zones, with `vaultPrivateEndpoint` (lib/applicability.ts keeps them to it). */
function checkPrivateEndpointSettings(s) {
    if (!s.vaultPrivateEndpoint) {
        return;
    }
    (0, addresses_1.checkPrivateEndpointSubnet)("vaultPrivateEndpointSubnet", s.vaultPrivateEndpointSubnet, s, privateLink_1.PRIVATE_ENDPOINT_SUBNET_PREFIX_LENGTH, "a backup private endpoint uses 10 or more private IPs, and Microsoft suggests a /26");
    (0, privateEndpoint_1.checkVaultPrivateEndpoint)({ subnetId: s.vaultPrivateEndpointSubnet, location: s.vaultLocation, privateDnsZoneIds: s.vaultPrivateDnsZoneIds, publicNetworkAccess: s.vaultPublicNetworkAccess }, { subnetId: "vaultPrivateEndpointSubnet", privateDnsZoneIds: "vaultPrivateDnsZoneIds", publicNetworkAccess: "vaultPublicNetworkAccess", location: "azure-native:location" });
}
function defaultSubnet(space, index) {
    const block = (0, cidr_1.subBlock)(space, exports.DEFAULT_SUBNET_PREFIX_LENGTH, index);
    if (!block) {
        (0, errors_1.invalid)("addressSpace", `large enough for two /${exports.DEFAULT_SUBNET_PREFIX_LENGTH} subnets (a /23 or larger), or set proxySubnet and appSubnet`, (0, cidr_1.formatCidr)(space));
    }
    return (0, cidr_1.formatCidr)(block);
}
function text(raw, key) {
    const value = raw[key]?.trim();
    return value ? value : undefined;
}
/** Digits only: no sign, decimal point or exponent. */
const DIGITS = /^\d+$/;
function integer(raw, key, fallback, range) {
    const value = text(raw, key);
    if (value === undefined) {
        return fallback;
    }
    return (0, numbers_1.wholeNumber)(key, DIGITS.test(value) ? Number(value) : value, range);
}
/** A whole number, or undefined when unset or 0 (Pulumi.yaml's "not set"). */
function optionalInteger(raw, key) {
    const value = text(raw, key);
    if (value === undefined || value === "0") {
        return undefined;
    }
    return (DIGITS.test(value) ? Number(value) : value);
}
/** A JSON list of LUNs, `[]` included; undefined when unset. */
function diskLuns(raw) {
    const value = text(raw, "appVmBackupDiskLuns");
    return value === undefined ? undefined : (0, archiveTier_1.checkBackupDiskLuns)("appVmBackupDiskLuns", json(value));
}
function boolean(raw, key, fallback) {
    const value = text(raw, key);
    if (value === undefined) {
        return fallback;
    }
    if (value !== "true" && value !== "false") {
        (0, errors_1.invalid)(key, "true or false", value);
    }
    return value === "true";
}
/** A number where the text is digits, the text otherwise, for a check that lists the allowed values. */
function numberOrText(raw, key) {
    const value = text(raw, key);
    return value === undefined ? undefined : (DIGITS.test(value) ? Number(value) : value);
}
/** The JSON value of a setting, or its text when it is not JSON. */
function json(value) {
    try {
        return JSON.parse(value);
    }
    catch {
        return value;
    }
}
function tags(raw) {
    const value = text(raw, "tags");
    return value === undefined ? undefined : (0, vaultSettings_1.checkTags)("tags", json(value));
}
function list(raw, key, example = '[".blob.core.windows.net"]') {
    const value = text(raw, key);
    if (value === undefined) {
        return undefined;
    }
    const parsed = json(value);
    if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === "string")) {
        (0, errors_1.invalid)(key, `a list of strings, e.g. ${example}`, value);
    }
    return parsed;
}
/**
 * Configuration keys in the project's namespace that are no setting: a typo (`apVmCount`) would
 * otherwise be ignored without a word. The error names the nearest setting. `configKeys` are
 * fully qualified (`backup-ready:appVmCount`), as `pulumi.runtime.allConfig()` lists them.
 */
function checkSettingKeys(configKeys, project) {
    const known = exports.SETTING_KEYS;
    for (const key of configKeys) {
        const [namespace, name] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
        if (namespace === project && !known.includes(name)) {
            const nearest = [...known].sort((a, b) => editDistance(name, a) - editDistance(name, b))[0];
            const hint = editDistance(name, nearest) <= Math.max(2, Math.floor(name.length / 3)) ? `did you mean ${nearest}? ` : "";
            throw new errors_1.InvalidSettingError(name, `is not a setting of ${project}; ${hint}Pulumi.yaml lists every setting`);
        }
    }
}
/** Levenshtein distance, ignoring case: how many letters to insert, delete or change. */
function editDistance(a, b) {
    const [x, y] = [a.toLowerCase(), b.toLowerCase()];
    let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
    for (let i = 1; i <= x.length; i++) {
        const current = [i];
        for (let j = 1; j <= y.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[y.length];
}
