/**
 * The VM policy's archive tier, snapshot consistency and instant-restore resource group, and a
 * protected item's selective disk backup: checks that name the setting, and the properties they
 * become (REST API 2024-10-01, bms.json `AzureIaaSVMProtectionPolicy.tieringPolicy`,
 * `snapshotConsistencyType`, `instantRPDetails`, `AzureIaaSVMProtectedItem.extendedProperties`;
 * rules in policy/rulebook/vaultOptions.ts).
 */
import type { recoveryservices } from "@pulumi/azure-native/types/input";
import { BackupPolicyType, StorageRedundancy } from "../policy/rulebook/vault";
import { ArchiveTier, SnapshotConsistency } from "../policy/rulebook/vaultOptions";
export interface PolicyTierSettings {
    archiveTier: ArchiveTier;
    /** With "AfterDays": days in the standard tier before a monthly or yearly point moves to archive. */
    archiveAfterDays?: number;
    snapshotConsistency: SnapshotConsistency;
    instantRestoreResourceGroupPrefix?: string;
    instantRestoreResourceGroupSuffix?: string;
}
export declare const POLICY_TIER_DEFAULTS: {
    readonly archiveTier: "Off";
    readonly snapshotConsistency: "ApplicationOrFileSystem";
};
/** What the checks read of the rest of the policy and the vault. */
export interface PolicyContext {
    backupPolicyType: BackupPolicyType;
    monthlyRetentionMonths: number;
    yearlyRetentionYears: number;
    storageRedundancy: StorageRedundancy;
}
/** Every option alone and against the policy; `nameOf` gives the name the user set each by (the context's too). */
export declare function checkPolicyTiers(s: PolicyTierSettings, context: PolicyContext, nameOf?: (argument: keyof PolicyTierSettings | keyof PolicyContext) => string): void;
/** The policy properties the options add; nothing for the defaults. */
export declare function policyTierProperties(s: PolicyTierSettings): Pick<recoveryservices.AzureIaaSVMProtectionPolicyArgs, "tieringPolicy" | "snapshotConsistencyType" | "instantRPDetails">;
/**
 * The data disks to back up, by LUN, each once, each one the VM has (`dataDiskCount` disks at
 * LUNs 0..n-1, where known); the OS disk always is. An empty list backs up the OS disk alone.
 */
export declare function checkBackupDiskLuns(setting: string, luns: unknown, dataDiskCount?: {
    count: number;
    setting: string;
}): number[];
/** The protected item's `extendedProperties` for a selection of disks: an inclusion list (the OS disk is always backed up). */
export declare function diskSelection(luns: number[] | undefined): Pick<recoveryservices.AzureIaaSComputeVMProtectedItemArgs, "extendedProperties">;
