import * as pulumi from "@pulumi/pulumi";
import { CommonArgs } from "./sharedArgs";
import * as authorization from "@pulumi/azure-native/authorization";
import * as recoveryservices from "@pulumi/azure-native/recoveryservices";
import { withoutTypeAliases } from "../lib/aliases";
import { argumentNames } from "../lib/arguments";
import { reading } from "../lib/outputs";
import { componentLabel, parseVmId, vmArgument } from "../lib/armIds";
import { lookUpVm } from "../lib/vmLookup";
import { DEFAULTS } from "../lib/defaults";
import { checkBackupPolicyType } from "../lib/validation/backupPolicy";
import { checkBackupRedundancy, checkRegion, checkSameRegion, checkUniqueKeys, checkVaultName } from "../lib/validation/names";
import { checkVaultPolicy, retentionPolicy, schedulePolicy, scheduleRunTime, VAULT_POLICY_DEFAULTS, VaultPolicySettings } from "../lib/vaultPolicy";
import { checkedTags, checkVaultSettings, VAULT_DEFAULTS, VAULT_LOCK, vaultProperties, VaultSettings } from "../lib/vaultSettings";
import { protectedItemName, protectionContainerName, VmReference } from "../policy/rulebook/backup";
import { POLICY_TYPE_VERSIONS } from "../policy/rulebook/vault";
import { InvalidSettingError } from "../policy/rulebook/errors";
import { checkBackupDiskLuns, checkPolicyTiers, diskSelection, POLICY_TIER_DEFAULTS, PolicyTierSettings, policyTierProperties } from "../lib/archiveTier";
import { checkVaultEncryption, encryptionProperties, VAULT_ENCRYPTION_DEFAULTS, VaultEncryptionSettings, vaultIdentity } from "../lib/vaultEncryption";
import { RESOURCE_GUARD_PROXY_NAME } from "../policy/rulebook/vaultOptions";
import { checkEndpointSubnetId, checkVaultPrivateEndpoint, PrivateEndpointNames, vaultPrivateEndpoint } from "../lib/privateEndpoint";
import { knownRegions } from "../lib/regionData";

/** The private endpoint's arguments under BackupVault's names, for errors. */
const PRIVATE_ENDPOINT_ARGUMENTS: PrivateEndpointNames = { subnetId: "privateEndpointSubnetId", privateDnsZoneIds: "privateDnsZoneIds", publicNetworkAccess: "publicNetworkAccess", location: "location" };

export interface ProtectedVmArgs {
    /** A stable key for this VM within the vault component; it names the protected item's Pulumi resource. */
    name: string;
    /** The VM's ARM id. */
    id: pulumi.Input<string>;
    /** The VM's region; read from Azure when absent. It must be the vault's: Azure Backup does not protect across regions. */
    location?: pulumi.Input<string>;
    /**
     * Selective disk backup: the LUNs of the data disks to back up, the OS disk always with them;
     * `[]` backs up the OS disk alone. Restores of such recovery points are disk restores only. @default every disk
     */
    backupDiskLuns?: number[];
}

/** A VM whose protection is stopped and whose recovery points are kept: it may be deleted already. */
export interface RetiredVmArgs {
    /** The key it was protected under in `virtualMachines`: its protected item keeps its Pulumi resource. */
    name: string;
    /** The VM's ARM id, as it was when protected. */
    id: pulumi.Input<string>;
}

/** The vault's and its policy's settings, which `BackupFleet` gives every vault of a fleet. */
export interface BackupVaultSettingsArgs extends CommonArgs {
    /** @default "vm-backup-vault" */
    vaultName?: string;
    /** @default "daily-vm-backup" */
    policyName?: string;
    /** "Enhanced" (policy V2, which also protects Trusted Launch VMs) or "Standard" (V1). @default "Enhanced" */
    backupPolicyType?: string;
    /** Daily backup time, HH:MM on the hour or half hour. @default "02:00" */
    backupTime?: string;
    /** Windows time zone id of the backup time. @default "UTC" */
    timeZone?: string;
    /** Days to keep daily recovery points (7-9999). @default 30 */
    retentionDays?: number;
    /** Days to keep instant-restore snapshots (1-30 with Enhanced, 1-5 with Standard). @default 2 */
    instantRestoreDays?: number;
    /** "Daily" or "Hourly" (Enhanced only: every `hourlyInterval` hours from `backupTime` for `hourlyWindowHours`). @default "Daily" */
    backupFrequency?: string;
    /** Hours between hourly backups: 4, 6, 8 or 12. @default 4 */
    hourlyInterval?: number;
    /** Hours the hourly backup window lasts (4-24). @default 24 */
    hourlyWindowHours?: number;
    /** Weeks to keep the backup of `retentionDay` (0-5163; 0 = off). @default 0 */
    weeklyRetentionWeeks?: number;
    /** Months to keep the backup of the month's first `retentionDay` (0-1188; 0 = off). @default 0 */
    monthlyRetentionMonths?: number;
    /** Years to keep the backup of the first `retentionDay` of `yearlyRetentionMonth` (0-99; 0 = off). @default 0 */
    yearlyRetentionYears?: number;
    /** The day of the week whose backup the weekly, monthly and yearly tiers keep. @default "Sunday" */
    retentionDay?: string;
    /** The month whose backup the yearly tier keeps. @default "January" */
    yearlyRetentionMonth?: string;
    /**
     * Protects the vault and the protected items from deletion by Pulumi (`protect`), so a
     * `pulumi destroy` or a replacement can never drop recovery points. @default true
     */
    protect?: boolean;
    /**
     * Soft delete, which Azure enforces on every vault: "Enabled", or "AlwaysOn" (irreversible).
     * Deleted backups are kept `softDeleteDays`, and the vault cannot be deleted meanwhile. @default "Enabled"
     */
    softDelete?: string;
    /** Days soft-deleted backups are kept (14-180). @default 14 */
    softDeleteDays?: number;
    /** "Disabled", "Unlocked" or "Locked" (irreversible, only with `allowIrreversibleSettings`). @default "Unlocked" */
    immutability?: string;
    /** Allow the settings that can never be undone: `immutability` "Locked". @default false */
    allowIrreversibleSettings?: boolean;
    /** "GeoRedundant", "ZoneRedundant" or "LocallyRedundant"; Azure refuses a change once items are protected. @default "GeoRedundant" */
    storageRedundancy?: string;
    /** Cross Region Restore (GeoRedundant only, with public network access). @default false */
    crossRegionRestore?: boolean;
    /** "Enabled" or "Disabled"; Azure VM backup works with either (see the README). @default "Disabled" */
    publicNetworkAccess?: string;
    /** A CanNotDelete management lock on the vault, which stops its deletion outside Pulumi too. @default true */
    lock?: boolean;
    // ---- Encryption, Resource Guard, restore and archive (docs/vault.md) ----
    /**
     * Customer-managed key: a Key Vault or Managed HSM key URI, versioned or not
     * (`https://<vault>.vault.azure.net/keys/<name>[/<version>]`). Only on a vault that never
     * protected an item, and irreversible; the identity must hold Key Vault Crypto Service
     * Encryption User on the key first (your step). @default none (platform-managed keys)
     */
    cmkKeyUri?: string;
    /** The user-assigned identity (ARM id) that reads the key, attached to the vault too. @default the vault's system-assigned identity */
    cmkIdentityId?: string;
    /** Infrastructure (double) encryption, only with `cmkKeyUri`; Azure never changes it afterwards. @default false */
    infrastructureEncryption?: boolean;
    /** A Resource Guard's ARM id (Microsoft.DataProtection/resourceGuards, in the vault's region): multi-user authorization. @default none */
    resourceGuardId?: string;
    /** "Enabled", "Disabled" or "PermanentlyDisabled" (irreversible, only with `allowIrreversibleSettings`). @default "Disabled" */
    crossSubscriptionRestore?: string;
    /** Archive tier of monthly and yearly points: "Off", "Recommended" or "AfterDays" (with `archiveAfterDays`). @default "Off" */
    archiveTier?: string;
    /** With `archiveTier` "AfterDays": days in the standard tier before archive (at least 90). @default none */
    archiveAfterDays?: number;
    /** "ApplicationOrFileSystem" or "CrashConsistent" (Enhanced policy only). @default "ApplicationOrFileSystem" */
    snapshotConsistency?: string;
    /** The instant-restore resource group's name before Azure's counter n. @default Azure's AzureBackupRG_<geo>_<n> */
    instantRestoreResourceGroupPrefix?: string;
    /** The instant-restore resource group's name after the counter n, with a prefix only. @default none */
    instantRestoreResourceGroupSuffix?: string;
}

export interface BackupVaultArgs extends BackupVaultSettingsArgs {
    /** The resource group of the vault. */
    resourceGroupName: pulumi.Input<string>;
    /** The vault's region: the region of every VM it protects. @default the region of the VMs */
    location?: pulumi.Input<string>;
    /** VMs to protect with the policy, keyed by a name of your choosing; their ids may be Outputs. @default [] */
    virtualMachines?: ProtectedVmArgs[];
    /**
     * Existing VMs to protect, by ARM id, each keyed by its resource group and name; their regions
     * are read from Azure. For an id that is an Output, use `virtualMachines`, which names the key. @default []
     */
    virtualMachineIds?: string[];
    /**
     * VMs no longer backed up whose recovery points stay: their protected items are kept with
     * protection stopped and no policy. Move a VM here from `virtualMachines` under the same name
     * instead of dropping it. @default []
     */
    retiredVirtualMachines?: RetiredVmArgs[];

    // A private endpoint for the vault (docs/vault.md#a-private-endpoint-for-the-vault).
    /**
     * A subnet of its own (a /26 or larger) for a private endpoint of the vault, group `AzureBackup`:
     * file recovery and workload backup then reach the vault inside the VNet. `publicNetworkAccess`
     * must stay "Disabled". Only on a vault that has never protected an item: Azure refuses it on
     * one that has. The private DNS zones are created and linked to the subnet's VNet unless
     * `privateDnsZoneIds` names existing ones. @default none: no private endpoint
     */
    privateEndpointSubnetId?: pulumi.Input<string>;
    /**
     * Existing private DNS zones for the private endpoint, by id: `privatelink.<geo>.backup.windowsazure.com`,
     * `privatelink.blob.core.windows.net` and `privatelink.queue.core.windows.net`, each linked to
     * the VNet by its owner. @default the three zones, created in the vault's resource group
     */
    privateDnsZoneIds?: string[];
}

/** Every argument of the vault's and its policy's settings, once (`BackupFleet` takes them too). */
export const BACKUP_VAULT_SETTINGS_ARGUMENTS = argumentNames<BackupVaultSettingsArgs>()([
    "vaultName", "policyName", "backupPolicyType", "backupTime", "timeZone", "retentionDays", "instantRestoreDays", "backupFrequency", "hourlyInterval",
    "hourlyWindowHours", "weeklyRetentionWeeks", "monthlyRetentionMonths", "yearlyRetentionYears", "retentionDay", "yearlyRetentionMonth", "protect", "softDelete",
    "softDeleteDays", "immutability", "allowIrreversibleSettings", "storageRedundancy", "crossRegionRestore", "publicNetworkAccess", "lock", "tags", "keepTypeAliases",
    "cmkKeyUri", "cmkIdentityId", "infrastructureEncryption", "resourceGuardId", "crossSubscriptionRestore",
    "archiveTier", "archiveAfterDays", "snapshotConsistency", "instantRestoreResourceGroupPrefix", "instantRestoreResourceGroupSuffix",
]);

/** Every argument of `BackupVault`, once. */
export const BACKUP_VAULT_ARGUMENTS = argumentNames<BackupVaultArgs>()([
    ...BACKUP_VAULT_SETTINGS_ARGUMENTS, "resourceGroupName", "location", "virtualMachines", "virtualMachineIds", "retiredVirtualMachines",
    "privateEndpointSubnetId", "privateDnsZoneIds",
]);

/**
 * A Recovery Services vault in the VMs' region, a daily VM backup policy, and one protected
 * item per VM, with the container and item names Azure expects.
 */
export class BackupVault extends pulumi.ComponentResource {
    public readonly vaultName: pulumi.Output<string>;
    public readonly vaultId: pulumi.Output<string>;
    public readonly policyId: pulumi.Output<string>;
    public readonly protectedItemIds: pulumi.Output<string[]>;
    /** Each protected VM's item: VM id to protected item id. */
    public readonly protectedItems: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: BackupVaultArgs, opts?: pulumi.ComponentResourceOptions) {
        super("backup-ready:index:BackupVault", name, {}, withoutTypeAliases(opts, args.keepTypeAliases));

        const vaultName = args.vaultName ?? DEFAULTS.vaultName;
        const policy: VaultPolicySettings = {
            backupPolicyType: checkBackupPolicyType("backupPolicyType", args.backupPolicyType ?? DEFAULTS.backupPolicyType),
            backupTime: args.backupTime ?? DEFAULTS.backupTime,
            timeZone: args.timeZone ?? DEFAULTS.timeZone,
            retentionDays: args.retentionDays ?? DEFAULTS.retentionDays,
            instantRestoreDays: args.instantRestoreDays ?? DEFAULTS.instantRestoreDays,
            backupFrequency: (args.backupFrequency ?? VAULT_POLICY_DEFAULTS.backupFrequency) as VaultPolicySettings["backupFrequency"],
            hourlyInterval: args.hourlyInterval ?? VAULT_POLICY_DEFAULTS.hourlyInterval,
            hourlyWindowHours: args.hourlyWindowHours ?? VAULT_POLICY_DEFAULTS.hourlyWindowHours,
            weeklyRetentionWeeks: args.weeklyRetentionWeeks ?? VAULT_POLICY_DEFAULTS.weeklyRetentionWeeks,
            monthlyRetentionMonths: args.monthlyRetentionMonths ?? VAULT_POLICY_DEFAULTS.monthlyRetentionMonths,
            yearlyRetentionYears: args.yearlyRetentionYears ?? VAULT_POLICY_DEFAULTS.yearlyRetentionYears,
            retentionDay: args.retentionDay ?? VAULT_POLICY_DEFAULTS.retentionDay,
            yearlyRetentionMonth: args.yearlyRetentionMonth ?? VAULT_POLICY_DEFAULTS.yearlyRetentionMonth,
        };
        const settings = {
            softDelete: args.softDelete ?? VAULT_DEFAULTS.softDelete,
            softDeleteDays: args.softDeleteDays ?? VAULT_DEFAULTS.softDeleteDays,
            immutability: args.immutability ?? VAULT_DEFAULTS.immutability,
            allowIrreversibleSettings: args.allowIrreversibleSettings ?? VAULT_DEFAULTS.allowIrreversibleSettings,
            storageRedundancy: args.storageRedundancy ?? VAULT_DEFAULTS.storageRedundancy,
            crossRegionRestore: args.crossRegionRestore ?? VAULT_DEFAULTS.crossRegionRestore,
            publicNetworkAccess: args.publicNetworkAccess ?? VAULT_DEFAULTS.publicNetworkAccess,
        } as VaultSettings;
        const protect = args.protect ?? DEFAULTS.protect;
        const tags = checkedTags(args.tags);
        const component = componentLabel("BackupVault", name);
        const virtualMachines: VmToProtect[] = [
            ...(args.virtualMachines ?? []).map((vm) => ({ ...vm, label: `virtualMachines[${vm.name}]`, component })),
            ...(args.virtualMachineIds ?? []).map((id, index) => existingVm(id, index, component)),
        ];
        const retired = args.retiredVirtualMachines ?? [];
        checkVaultName("vaultName", vaultName);
        checkVaultPolicy(policy);
        checkVaultSettings(settings);
        const encryption: VaultEncryptionSettings = {
            cmkKeyUri: args.cmkKeyUri,
            cmkIdentityId: args.cmkIdentityId,
            infrastructureEncryption: args.infrastructureEncryption ?? VAULT_ENCRYPTION_DEFAULTS.infrastructureEncryption,
            resourceGuardId: args.resourceGuardId,
            crossSubscriptionRestore: (args.crossSubscriptionRestore ?? VAULT_ENCRYPTION_DEFAULTS.crossSubscriptionRestore) as VaultEncryptionSettings["crossSubscriptionRestore"],
        };
        checkVaultEncryption(encryption, { name: "allowIrreversibleSettings", value: settings.allowIrreversibleSettings });
        const tiers = {
            archiveTier: args.archiveTier ?? POLICY_TIER_DEFAULTS.archiveTier,
            archiveAfterDays: args.archiveAfterDays,
            snapshotConsistency: args.snapshotConsistency ?? POLICY_TIER_DEFAULTS.snapshotConsistency,
            instantRestoreResourceGroupPrefix: args.instantRestoreResourceGroupPrefix,
            instantRestoreResourceGroupSuffix: args.instantRestoreResourceGroupSuffix,
        } as PolicyTierSettings;
        checkPolicyTiers(tiers, { ...policy, storageRedundancy: settings.storageRedundancy });
        virtualMachines.forEach((vm) => vm.backupDiskLuns !== undefined && checkBackupDiskLuns(about(vm, ".backupDiskLuns"), vm.backupDiskLuns));
        checkUniqueKeys("virtualMachines[].name", [...virtualMachines, ...retired].map((vm) => vm.name), "VM");
        checkEndpointSubnetId("privateEndpointSubnetId", args.privateEndpointSubnetId);
        checkVaultPrivateEndpoint({ ...args, subnetId: args.privateEndpointSubnetId, publicNetworkAccess: settings.publicNetworkAccess }, PRIVATE_ENDPOINT_ARGUMENTS);
        if (typeof args.location === "string") {
            checkRegion("location", args.location, knownRegions());
            checkBackupRedundancy({ region: "location", storageRedundancy: "storageRedundancy", crossRegionRestore: "crossRegionRestore" }, { region: args.location, ...settings }, knownRegions());
            virtualMachines.forEach((vm) => checkVmRegion(vm, vm.location, args.location as string));
        }
        // A VM's region is read from Azure only when the caller does not give it.
        const vms = virtualMachines.map((vm) => ({
            ...vm,
            location: vm.location ?? pulumi.output(vm.id).apply((id) => lookUpVm(about(vm, "", id), id, this).location),
            regionFromAzure: vm.location === undefined,
        }));
        const location =
            args.location === undefined
                ? regionOfAll(vms)
                : typeof args.location === "string"
                  ? args.location
                  : pulumi.output(args.location).apply((region) => {
                        checkRegion("location", region, knownRegions());
                        checkBackupRedundancy({ region: "location", storageRedundancy: "storageRedundancy", crossRegionRestore: "crossRegionRestore" }, { region, ...settings }, knownRegions());
                        return region;
                    });

        const vault = new recoveryservices.Vault(
            `${name}-vault`,
            {
                resourceGroupName: args.resourceGroupName,
                vaultName,
                location,
                sku: { name: "Standard" },
                ...withEncryption(vaultProperties(settings), encryption),
                tags,
            },
            { parent: this, protect },
        );

        const runTime = scheduleRunTime(policy.backupTime);
        const backupPolicy = new recoveryservices.ProtectionPolicy(
            `${name}-policy`,
            {
                resourceGroupName: args.resourceGroupName,
                vaultName: vault.name,
                policyName: args.policyName ?? DEFAULTS.policyName,
                properties: {
                    backupManagementType: "AzureIaasVM",
                    policyType: POLICY_TYPE_VERSIONS[policy.backupPolicyType],
                    instantRpRetentionRangeInDays: policy.instantRestoreDays,
                    timeZone: policy.timeZone,
                    schedulePolicy: schedulePolicy(policy, runTime),
                    retentionPolicy: retentionPolicy(policy, runTime),
                    ...policyTierProperties(tiers),
                },
                tags,
            },
            { parent: this },
        );

        const endpoint =
            args.privateEndpointSubnetId === undefined
                ? []
                : vaultPrivateEndpoint(
                      name,
                      { ...args, location, vaultName, vaultId: vault.id, subnetId: args.privateEndpointSubnetId, publicNetworkAccess: settings.publicNetworkAccess, tags },
                      PRIVATE_ENDPOINT_ARGUMENTS,
                      this,
                  );

        /** A VM's protected item, under Azure's container and item names; `protection` is its policy or its stopped state. */
        const item = (
            key: string,
            vm: pulumi.Output<VmReference>,
            sourceResourceId: pulumi.Input<string>,
            protection: { policyId: pulumi.Input<string> } | { protectionState: "ProtectionStopped" },
            backupDiskLuns?: number[],
        ) =>
            reading()((lean) =>
                new recoveryservices.ProtectedItem(
                    `${name}-${key}`,
                    {
                        resourceGroupName: args.resourceGroupName,
                        vaultName: vault.name,
                        fabricName: "Azure",
                        containerName: vm.apply(protectionContainerName),
                        protectedItemName: vm.apply(protectedItemName),
                        properties: { protectedItemType: "Microsoft.Compute/virtualMachines", sourceResourceId, ...protection, ...diskSelection(backupDiskLuns) },
                        tags,
                    },
                    // Not `protect`: a protected item that leaves the program (its VM gone, not yet
                    // retired) would fail the deployment. Kept in Azure instead, recovery points
                    // and all, when Pulumi lets go of it (a destroy, a replacement, a forgotten VM).
                    // After the private endpoint and its DNS, where there is one: Azure takes a backup endpoint only on a vault that never protected an item.
                    { parent: this, retainOnDelete: protect, dependsOn: endpoint, ...lean },
                ));

        const protectedItems = vms.map((vm) => {
            const reference = pulumi
                .all([vm.id, vm.location, location])
                .apply(([id, vmLocation, vaultLocation]) => {
                    checkVmRegion(vm, vmLocation, vaultLocation, id);
                    return parseVmId(about(vm, ".id", id), id);
                });
            return item(vm.name, reference, vm.id, { policyId: backupPolicy.id }, vm.backupDiskLuns);
        });

        // "Stop protection and retain data" is the item with protectionState ProtectionStopped and
        // no policy (REST API 2024-10-01, examples/AzureIaasVm/StopProtection.json). Same resource
        // name as while protected, so Pulumi updates the item in place instead of deleting it.
        const retiredItems = retired.map((vm) =>
            item(vm.name, pulumi.output(vm.id).apply((id) => parseVmId(vmArgument(`retiredVirtualMachines[${vm.name}].id`, id, component), id)), vm.id, {
                protectionState: "ProtectionStopped",
            }),
        );

        if (encryption.resourceGuardId !== undefined) {
            // Multi-user authorization. Removing the proxy is itself an operation the guard
            // protects, so Pulumi never deletes it: kept in Azure when it leaves the program.
            new recoveryservices.ResourceGuardProxy(
                `${name}-resource-guard`,
                {
                    resourceGroupName: args.resourceGroupName,
                    vaultName: vault.name,
                    resourceGuardProxyName: RESOURCE_GUARD_PROXY_NAME,
                    properties: { resourceGuardResourceId: encryption.resourceGuardId },
                },
                { parent: this, protect, retainOnDelete: true },
            );
        }

        if (args.lock ?? true) {
            // Created after the items and so deleted before them: a teardown through Pulumi lifts it first.
            new authorization.ManagementLockByScope(`${name}-lock`, { scope: vault.id, ...VAULT_LOCK }, { parent: this, dependsOn: [...protectedItems, ...retiredItems] });
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

/** A VM the vault protects, how the user named it (`virtualMachines[erp]`, `virtualMachineIds[0]`) and to which vault, for errors. */
interface VmToProtect extends ProtectedVmArgs {
    label: string;
    component: string;
    /** Its region was read from Azure, not given. */
    regionFromAzure?: boolean;
}

/** An existing VM given by id, keyed by its group and name. */
function existingVm(id: string, index: number, component: string): VmToProtect {
    const label = `virtualMachineIds[${index}]`;
    if (typeof id !== "string") {
        throw new InvalidSettingError(`${label} of ${component}`, "must be a VM's ARM id as a string: the id keys the protected item's resource; for an id that is an Output, use virtualMachines: [{ name, id }]");
    }
    const vm = parseVmId(vmArgument(label, id, component), id);
    return { name: `${vm.resourceGroupName}-${vm.vmName}`.toLowerCase(), id, label, component };
}

/** The argument path under a VM of the vault, as errors name it; the VM's name from its id where known. */
function about(vm: VmToProtect, path: string, id?: unknown): string {
    return vmArgument(`${vm.label}${path}`, typeof id === "string" ? id : typeof vm.id === "string" ? vm.id : vm.name, vm.component);
}

/** The one region all the VMs share; an error when they differ or there are none to read it from. */
function regionOfAll(vms: (VmToProtect & { location: pulumi.Input<string> })[]): pulumi.Output<string> {
    if (vms.length === 0) {
        throw new InvalidSettingError("location", "must be set when the vault protects no VM yet (otherwise it is read from the VMs)");
    }
    return pulumi.all(vms.map((vm) => vm.location)).apply((locations) => {
        vms.forEach((vm, i) => checkVmRegion(vm, locations[i], locations[0]));
        return locations[0];
    });
}

/** A VM's region, where known, must be the vault's; the error names what the user passed. */
function checkVmRegion(vm: VmToProtect, vmLocation: pulumi.Input<string> | undefined, vaultLocation: string, id?: string): void {
    if (typeof vmLocation === "string") {
        const setting = vm.regionFromAzure ? `${about(vm, "", id)} (its region, read from Azure)` : about(vm, ".location", id);
        checkSameRegion(setting, vmLocation, vaultLocation, "the vault's region");
    }
}

/**
 * The vault's properties with its key and restore settings, and its identity with the key's. The
 * encryption is in the vault's own PUT, which every protected item waits for (they name the
 * vault), so no item is registered before the key is set: Azure refuses a key on a vault that
 * ever had one ("Any vault that contains existing items registered or attempted to be registered
 * to it aren't supported", Learn, encryption-at-rest-with-cmk).
 */
function withEncryption(
    base: ReturnType<typeof vaultProperties>,
    encryption: VaultEncryptionSettings,
): ReturnType<typeof vaultProperties> {
    return { properties: { ...base.properties, ...encryptionProperties(encryption) }, identity: vaultIdentity(encryption) };
}
