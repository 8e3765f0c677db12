import * as pulumi from "@pulumi/pulumi";
import { CommonArgs } from "./sharedArgs";
export interface ProtectedVmArgs {
    /** A stable key for this VM within the vault component; it names the protected item's Pulumi resource. */
    name: string;
    /** The VM's ARM id. */
    id: pulumi.Input<string>;
    /** The VM's region; read from Azure when absent. It must be the vault's: Azure Backup does not protect across regions. */
    location?: pulumi.Input<string>;
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
}
/** Every argument of the vault's and its policy's settings, once (`BackupFleet` takes them too). */
export declare const BACKUP_VAULT_SETTINGS_ARGUMENTS: readonly ["vaultName", "policyName", "backupPolicyType", "backupTime", "timeZone", "retentionDays", "instantRestoreDays", "backupFrequency", "hourlyInterval", "hourlyWindowHours", "weeklyRetentionWeeks", "monthlyRetentionMonths", "yearlyRetentionYears", "retentionDay", "yearlyRetentionMonth", "protect", "softDelete", "softDeleteDays", "immutability", "allowIrreversibleSettings", "storageRedundancy", "crossRegionRestore", "publicNetworkAccess", "lock", "tags", "keepTypeAliases"];
/** Every argument of `BackupVault`, once. */
export declare const BACKUP_VAULT_ARGUMENTS: readonly ["vaultName", "policyName", "backupPolicyType", "backupTime", "timeZone", "retentionDays", "instantRestoreDays", "backupFrequency", "hourlyInterval", "hourlyWindowHours", "weeklyRetentionWeeks", "monthlyRetentionMonths", "yearlyRetentionYears", "retentionDay", "yearlyRetentionMonth", "protect", "softDelete", "softDeleteDays", "immutability", "allowIrreversibleSettings", "storageRedundancy", "crossRegionRestore", "publicNetworkAccess", "lock", "tags", "keepTypeAliases", "resourceGroupName", "location", "virtualMachines", "virtualMachineIds", "retiredVirtualMachines"];
/**
 * A Recovery Services vault in the VMs' region, a daily VM backup policy, and one protected
 * item per VM, with the container and item names Azure expects.
 */
export declare class BackupVault extends pulumi.ComponentResource {
    readonly vaultName: pulumi.Output<string>;
    readonly vaultId: pulumi.Output<string>;
    readonly policyId: pulumi.Output<string>;
    readonly protectedItemIds: pulumi.Output<string[]>;
    /** Each protected VM's item: VM id to protected item id. */
    readonly protectedItems: pulumi.Output<Record<string, string>>;
    constructor(name: string, args: BackupVaultArgs, opts?: pulumi.ComponentResourceOptions);
}
