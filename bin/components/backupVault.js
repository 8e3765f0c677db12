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
exports.BackupVault = exports.BACKUP_VAULT_ARGUMENTS = exports.BACKUP_VAULT_SETTINGS_ARGUMENTS = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const authorization = __importStar(require("@pulumi/azure-native/authorization"));
const recoveryservices = __importStar(require("@pulumi/azure-native/recoveryservices"));
const aliases_1 = require("../lib/aliases");
const arguments_1 = require("../lib/arguments");
const outputs_1 = require("../lib/outputs");
const armIds_1 = require("../lib/armIds");
const vmLookup_1 = require("../lib/vmLookup");
const defaults_1 = require("../lib/defaults");
const backupPolicy_1 = require("../lib/validation/backupPolicy");
const names_1 = require("../lib/validation/names");
const vaultPolicy_1 = require("../lib/vaultPolicy");
const vaultSettings_1 = require("../lib/vaultSettings");
const backup_1 = require("../policy/rulebook/backup");
const vault_1 = require("../policy/rulebook/vault");
const errors_1 = require("../policy/rulebook/errors");
const archiveTier_1 = require("../lib/archiveTier");
const vaultEncryption_1 = require("../lib/vaultEncryption");
const vaultOptions_1 = require("../policy/rulebook/vaultOptions");
const privateEndpoint_1 = require("../lib/privateEndpoint");
const regionData_1 = require("../lib/regionData");
/** The private endpoint's arguments under BackupVault's names, for errors. */
const PRIVATE_ENDPOINT_ARGUMENTS = { subnetId: "privateEndpointSubnetId", privateDnsZoneIds: "privateDnsZoneIds", publicNetworkAccess: "publicNetworkAccess", location: "location" };
/** Every argument of the vault's and its policy's settings, once (`BackupFleet` takes them too). */
exports.BACKUP_VAULT_SETTINGS_ARGUMENTS = (0, arguments_1.argumentNames)()([
    "vaultName", "policyName", "backupPolicyType", "backupTime", "timeZone", "retentionDays", "instantRestoreDays", "backupFrequency", "hourlyInterval",
    "hourlyWindowHours", "weeklyRetentionWeeks", "monthlyRetentionMonths", "yearlyRetentionYears", "retentionDay", "yearlyRetentionMonth", "protect", "softDelete",
    "softDeleteDays", "immutability", "allowIrreversibleSettings", "storageRedundancy", "crossRegionRestore", "publicNetworkAccess", "lock", "tags", "keepTypeAliases",
    "cmkKeyUri", "cmkIdentityId", "infrastructureEncryption", "resourceGuardId", "crossSubscriptionRestore",
    "archiveTier", "archiveAfterDays", "snapshotConsistency", "instantRestoreResourceGroupPrefix", "instantRestoreResourceGroupSuffix",
]);
/** Every argument of `BackupVault`, once. */
exports.BACKUP_VAULT_ARGUMENTS = (0, arguments_1.argumentNames)()([
    ...exports.BACKUP_VAULT_SETTINGS_ARGUMENTS, "resourceGroupName", "location", "virtualMachines", "virtualMachineIds", "retiredVirtualMachines",
    "privateEndpointSubnetId", "privateDnsZoneIds",
]);
/**
 * A Recovery Services vault in the VMs' region, a daily VM backup policy, and one protected
 * item per VM, with the container and item names Azure expects.
 */
class BackupVault extends pulumi.ComponentResource {
    vaultName;
    vaultId;
    policyId;
    protectedItemIds;
    /** Each protected VM's item: VM id to protected item id. */
    protectedItems;
    constructor(name, args, opts) {
        super("backup-ready:index:BackupVault", name, {}, (0, aliases_1.withoutTypeAliases)(opts, args.keepTypeAliases));
        const vaultName = args.vaultName ?? defaults_1.DEFAULTS.vaultName;
        const policy = {
            backupPolicyType: (0, backupPolicy_1.checkBackupPolicyType)("backupPolicyType", args.backupPolicyType ?? defaults_1.DEFAULTS.backupPolicyType),
            backupTime: args.backupTime ?? defaults_1.DEFAULTS.backupTime,
            timeZone: args.timeZone ?? defaults_1.DEFAULTS.timeZone,
            retentionDays: args.retentionDays ?? defaults_1.DEFAULTS.retentionDays,
            instantRestoreDays: args.instantRestoreDays ?? defaults_1.DEFAULTS.instantRestoreDays,
            backupFrequency: (args.backupFrequency ?? vaultPolicy_1.VAULT_POLICY_DEFAULTS.backupFrequency),
            hourlyInterval: args.hourlyInterval ?? vaultPolicy_1.VAULT_POLICY_DEFAULTS.hourlyInterval,
            hourlyWindowHours: args.hourlyWindowHours ?? vaultPolicy_1.VAULT_POLICY_DEFAULTS.hourlyWindowHours,
            weeklyRetentionWeeks: args.weeklyRetentionWeeks ?? vaultPolicy_1.VAULT_POLICY_DEFAULTS.weeklyRetentionWeeks,
            monthlyRetentionMonths: args.monthlyRetentionMonths ?? vaultPolicy_1.VAULT_POLICY_DEFAULTS.monthlyRetentionMonths,
            yearlyRetentionYears: args.yearlyRetentionYears ?? vaultPolicy_1.VAULT_POLICY_DEFAULTS.yearlyRetentionYears,
            retentionDay: args.retentionDay ?? vaultPolicy_1.VAULT_POLICY_DEFAULTS.retentionDay,
            yearlyRetentionMonth: args.yearlyRetentionMonth ?? vaultPolicy_1.VAULT_POLICY_DEFAULTS.yearlyRetentionMonth,
        };
        const settings = {
            softDelete: args.softDelete ?? vaultSettings_1.VAULT_DEFAULTS.softDelete,
            softDeleteDays: args.softDeleteDays ?? vaultSettings_1.VAULT_DEFAULTS.softDeleteDays,
            immutability: args.immutability ?? vaultSettings_1.VAULT_DEFAULTS.immutability,
            allowIrreversibleSettings: args.allowIrreversibleSettings ?? vaultSettings_1.VAULT_DEFAULTS.allowIrreversibleSettings,
            storageRedundancy: args.storageRedundancy ?? vaultSettings_1.VAULT_DEFAULTS.storageRedundancy,
            crossRegionRestore: args.crossRegionRestore ?? vaultSettings_1.VAULT_DEFAULTS.crossRegionRestore,
            publicNetworkAccess: args.publicNetworkAccess ?? vaultSettings_1.VAULT_DEFAULTS.publicNetworkAccess,
        };
        const protect = args.protect ?? defaults_1.DEFAULTS.protect;
        const tags = (0, vaultSettings_1.checkedTags)(args.tags);
        const component = (0, armIds_1.componentLabel)("BackupVault", name);
        const virtualMachines = [
            ...(args.virtualMachines ?? []).map((vm) => ({ ...vm, label: `virtualMachines[${vm.name}]`, component })),
            ...(args.virtualMachineIds ?? []).map((id, index) => existingVm(id, index, component)),
        ];
        const retired = args.retiredVirtualMachines ?? [];
        (0, names_1.checkVaultName)("vaultName", vaultName);
        (0, vaultPolicy_1.checkVaultPolicy)(policy);
        (0, vaultSettings_1.checkVaultSettings)(settings);
        const encryption = {
            cmkKeyUri: args.cmkKeyUri,
            cmkIdentityId: args.cmkIdentityId,
            infrastructureEncryption: args.infrastructureEncryption ?? vaultEncryption_1.VAULT_ENCRYPTION_DEFAULTS.infrastructureEncryption,
            resourceGuardId: args.resourceGuardId,
            crossSubscriptionRestore: (args.crossSubscriptionRestore ?? vaultEncryption_1.VAULT_ENCRYPTION_DEFAULTS.crossSubscriptionRestore),
        };
        (0, vaultEncryption_1.checkVaultEncryption)(encryption, { name: "allowIrreversibleSettings", value: settings.allowIrreversibleSettings });
        const tiers = {
            archiveTier: args.archiveTier ?? archiveTier_1.POLICY_TIER_DEFAULTS.archiveTier,
            archiveAfterDays: args.archiveAfterDays,
            snapshotConsistency: args.snapshotConsistency ?? archiveTier_1.POLICY_TIER_DEFAULTS.snapshotConsistency,
            instantRestoreResourceGroupPrefix: args.instantRestoreResourceGroupPrefix,
            instantRestoreResourceGroupSuffix: args.instantRestoreResourceGroupSuffix,
        };
        (0, archiveTier_1.checkPolicyTiers)(tiers, { ...policy, storageRedundancy: settings.storageRedundancy });
        virtualMachines.forEach((vm) => vm.backupDiskLuns !== undefined && (0, archiveTier_1.checkBackupDiskLuns)(about(vm, ".backupDiskLuns"), vm.backupDiskLuns));
        (0, names_1.checkUniqueKeys)("virtualMachines[].name", [...virtualMachines, ...retired].map((vm) => vm.name), "VM");
        (0, privateEndpoint_1.checkEndpointSubnetId)("privateEndpointSubnetId", args.privateEndpointSubnetId);
        (0, privateEndpoint_1.checkVaultPrivateEndpoint)({ ...args, subnetId: args.privateEndpointSubnetId, publicNetworkAccess: settings.publicNetworkAccess }, PRIVATE_ENDPOINT_ARGUMENTS);
        if (typeof args.location === "string") {
            (0, names_1.checkRegion)("location", args.location, (0, regionData_1.knownRegions)());
            (0, names_1.checkBackupRedundancy)({ region: "location", storageRedundancy: "storageRedundancy", crossRegionRestore: "crossRegionRestore" }, { region: args.location, ...settings }, (0, regionData_1.knownRegions)());
            virtualMachines.forEach((vm) => checkVmRegion(vm, vm.location, args.location));
        }
        // A VM's region is read from Azure only when the caller does not give it.
        const vms = virtualMachines.map((vm) => ({
            ...vm,
            location: vm.location ?? pulumi.output(vm.id).apply((id) => (0, vmLookup_1.lookUpVm)(about(vm, "", id), id, this).location),
            regionFromAzure: vm.location === undefined,
        }));
        const location = args.location === undefined
            ? regionOfAll(vms)
            : typeof args.location === "string"
                ? args.location
                : pulumi.output(args.location).apply((region) => {
                    (0, names_1.checkRegion)("location", region, (0, regionData_1.knownRegions)());
                    (0, names_1.checkBackupRedundancy)({ region: "location", storageRedundancy: "storageRedundancy", crossRegionRestore: "crossRegionRestore" }, { region, ...settings }, (0, regionData_1.knownRegions)());
                    return region;
                });
        const vault = new recoveryservices.Vault(`${name}-vault`, {
            resourceGroupName: args.resourceGroupName,
            vaultName,
            location,
            sku: { name: "Standard" },
            ...withEncryption((0, vaultSettings_1.vaultProperties)(settings), encryption),
            tags,
        }, { parent: this, protect });
        const runTime = (0, vaultPolicy_1.scheduleRunTime)(policy.backupTime);
        const backupPolicy = new recoveryservices.ProtectionPolicy(`${name}-policy`, {
            resourceGroupName: args.resourceGroupName,
            vaultName: vault.name,
            policyName: args.policyName ?? defaults_1.DEFAULTS.policyName,
            properties: {
                backupManagementType: "AzureIaasVM",
                policyType: vault_1.POLICY_TYPE_VERSIONS[policy.backupPolicyType],
                instantRpRetentionRangeInDays: policy.instantRestoreDays,
                timeZone: policy.timeZone,
                schedulePolicy: (0, vaultPolicy_1.schedulePolicy)(policy, runTime),
                retentionPolicy: (0, vaultPolicy_1.retentionPolicy)(policy, runTime),
                ...(0, archiveTier_1.policyTierProperties)(tiers),
            },
            tags,
        }, { parent: this });
        const endpoint = args.privateEndpointSubnetId === undefined
            ? []
            : (0, privateEndpoint_1.vaultPrivateEndpoint)(name, { ...args, location, vaultName, vaultId: vault.id, subnetId: args.privateEndpointSubnetId, publicNetworkAccess: settings.publicNetworkAccess, tags }, PRIVATE_ENDPOINT_ARGUMENTS, this);
        /** A VM's protected item, under Azure's container and item names; `protection` is its policy or its stopped state. */
        const item = (key, vm, sourceResourceId, protection, backupDiskLuns) => (0, outputs_1.reading)()((lean) => new recoveryservices.ProtectedItem(`${name}-${key}`, {
            resourceGroupName: args.resourceGroupName,
            vaultName: vault.name,
            fabricName: "Azure",
            containerName: vm.apply(backup_1.protectionContainerName),
            protectedItemName: vm.apply(backup_1.protectedItemName),
            properties: { protectedItemType: "Microsoft.Compute/virtualMachines", sourceResourceId, ...protection, ...(0, archiveTier_1.diskSelection)(backupDiskLuns) },
            tags,
        }, 
        // Not `protect`: a protected item that leaves the program (its VM gone, not yet
        // retired) would fail the deployment. Kept in Azure instead, recovery points
        // and all, when Pulumi lets go of it (a destroy, a replacement, a forgotten VM).
        // After the private endpoint and its DNS, where there is one: Azure takes a backup endpoint only on a vault that never protected an item.
        { parent: this, retainOnDelete: protect, dependsOn: endpoint, ...lean }));
        const protectedItems = vms.map((vm) => {
            const reference = pulumi
                .all([vm.id, vm.location, location])
                .apply(([id, vmLocation, vaultLocation]) => {
                checkVmRegion(vm, vmLocation, vaultLocation, id);
                return (0, armIds_1.parseVmId)(about(vm, ".id", id), id);
            });
            return item(vm.name, reference, vm.id, { policyId: backupPolicy.id }, vm.backupDiskLuns);
        });
        // "Stop protection and retain data" is the item with protectionState ProtectionStopped and
        // no policy (REST API 2024-10-01, examples/AzureIaasVm/StopProtection.json). Same resource
        // name as while protected, so Pulumi updates the item in place instead of deleting it.
        const retiredItems = retired.map((vm) => item(vm.name, pulumi.output(vm.id).apply((id) => (0, armIds_1.parseVmId)((0, armIds_1.vmArgument)(`retiredVirtualMachines[${vm.name}].id`, id, component), id)), vm.id, {
            protectionState: "ProtectionStopped",
        }));
        if (encryption.resourceGuardId !== undefined) {
            // Multi-user authorization. Removing the proxy is itself an operation the guard
            // protects, so Pulumi never deletes it: kept in Azure when it leaves the program.
            new recoveryservices.ResourceGuardProxy(`${name}-resource-guard`, {
                resourceGroupName: args.resourceGroupName,
                vaultName: vault.name,
                resourceGuardProxyName: vaultOptions_1.RESOURCE_GUARD_PROXY_NAME,
                properties: { resourceGuardResourceId: encryption.resourceGuardId },
            }, { parent: this, protect, retainOnDelete: true });
        }
        if (args.lock ?? true) {
            // Created after the items and so deleted before them: a teardown through Pulumi lifts it first.
            new authorization.ManagementLockByScope(`${name}-lock`, { scope: vault.id, ...vaultSettings_1.VAULT_LOCK }, { parent: this, dependsOn: [...protectedItems, ...retiredItems] });
        }
        this.vaultName = vault.name;
        this.vaultId = vault.id;
        this.policyId = backupPolicy.id;
        this.protectedItemIds = pulumi.all(protectedItems.map((item) => item.id));
        this.protectedItems = pulumi.all(vms.map((vm, i) => pulumi.all([vm.id, protectedItems[i].id]))).apply((pairs) => Object.fromEntries(pairs));
        this.registerOutputs({
            vaultName: this.vaultName,
            vaultId: this.vaultId,
            policyId: this.policyId,
            protectedItemIds: this.protectedItemIds,
            protectedItems: this.protectedItems,
        });
    }
}
exports.BackupVault = BackupVault;
/** An existing VM given by id, keyed by its group and name. */
function existingVm(id, index, component) {
    const label = `virtualMachineIds[${index}]`;
    if (typeof id !== "string") {
        throw new errors_1.InvalidSettingError(`${label} of ${component}`, "must be a VM's ARM id as a string: the id keys the protected item's resource; for an id that is an Output, use virtualMachines: [{ name, id }]");
    }
    const vm = (0, armIds_1.parseVmId)((0, armIds_1.vmArgument)(label, id, component), id);
    return { name: `${vm.resourceGroupName}-${vm.vmName}`.toLowerCase(), id, label, component };
}
/** The argument path under a VM of the vault, as errors name it; the VM's name from its id where known. */
function about(vm, path, id) {
    return (0, armIds_1.vmArgument)(`${vm.label}${path}`, typeof id === "string" ? id : typeof vm.id === "string" ? vm.id : vm.name, vm.component);
}
/** The one region all the VMs share; an error when they differ or there are none to read it from. */
function regionOfAll(vms) {
    if (vms.length === 0) {
        throw new errors_1.InvalidSettingError("location", "must be set when the vault protects no VM yet (otherwise it is read from the VMs)");
    }
    return pulumi.all(vms.map((vm) => vm.location)).apply((locations) => {
        vms.forEach((vm, i) => checkVmRegion(vm, locations[i], locations[0]));
        return locations[0];
    });
}
/** A VM's region, where known, must be the vault's; the error names what the user passed. */
function checkVmRegion(vm, vmLocation, vaultLocation, id) {
    if (typeof vmLocation === "string") {
        const setting = vm.regionFromAzure ? `${about(vm, "", id)} (its region, read from Azure)` : about(vm, ".location", id);
        (0, names_1.checkSameRegion)(setting, vmLocation, vaultLocation, "the vault's region");
    }
}
/**
 * The vault's properties with its key and restore settings, and its identity with the key's. The
 * encryption is in the vault's own PUT, which every protected item waits for (they name the
 * vault), so no item is registered before the key is set: Azure refuses a key on a vault that
 * ever had one ("Any vault that contains existing items registered or attempted to be registered
 * to it aren't supported", Learn, encryption-at-rest-with-cmk).
 */
function withEncryption(base, encryption) {
    return { properties: { ...base.properties, ...(0, vaultEncryption_1.encryptionProperties)(encryption) }, identity: (0, vaultEncryption_1.vaultIdentity)(encryption) };
}
