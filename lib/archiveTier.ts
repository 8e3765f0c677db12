/**
 * The VM policy's archive tier, snapshot consistency and instant-restore resource group, and a
 * protected item's selective disk backup: checks that name the setting, and the properties they
 * become (REST API 2024-10-01, bms.json `AzureIaaSVMProtectionPolicy.tieringPolicy`,
 * `snapshotConsistencyType`, `instantRPDetails`, `AzureIaaSVMProtectedItem.extendedProperties`;
 * rules in policy/rulebook/vaultOptions.ts).
 */
import type { recoveryservices } from "@pulumi/azure-native/types/input";
import { invalid } from "../policy/rulebook/errors";
import { BackupPolicyType, StorageRedundancy } from "../policy/rulebook/vault";
import {
    ARCHIVE_AFTER_DAYS,
    ARCHIVE_MIN_RETENTION_LEFT_DAYS,
    ARCHIVE_TIERS,
    ARCHIVE_UNSUPPORTED_REDUNDANCY,
    ArchiveTier,
    DATA_DISK_LUNS,
    INSTANT_RESTORE_RG_CHARACTERS,
    INSTANT_RESTORE_RG_COUNTER_DIGITS,
    INSTANT_RESTORE_RG_MAX_LENGTH,
    longTermRetentionDays,
    MAX_BACKED_UP_DATA_DISKS,
    SNAPSHOT_CONSISTENCIES,
    SnapshotConsistency,
} from "../policy/rulebook/vaultOptions";
import { oneOf } from "./validation/choices";
import { wholeNumber } from "./validation/numbers";

export interface PolicyTierSettings {
    archiveTier: ArchiveTier;
    /** With "AfterDays": days in the standard tier before a monthly or yearly point moves to archive. */
    archiveAfterDays?: number;
    snapshotConsistency: SnapshotConsistency;
    instantRestoreResourceGroupPrefix?: string;
    instantRestoreResourceGroupSuffix?: string;
}

export const POLICY_TIER_DEFAULTS = { archiveTier: "Off", snapshotConsistency: "ApplicationOrFileSystem" } as const;

/** What the checks read of the rest of the policy and the vault. */
export interface PolicyContext {
    backupPolicyType: BackupPolicyType;
    monthlyRetentionMonths: number;
    yearlyRetentionYears: number;
    storageRedundancy: StorageRedundancy;
}

/** Every option alone and against the policy; `nameOf` gives the name the user set each by (the context's too). */
export function checkPolicyTiers(
    s: PolicyTierSettings,
    context: PolicyContext,
    nameOf: (argument: keyof PolicyTierSettings | keyof PolicyContext) => string = (argument) => argument,
): void {
    const tier = oneOf(nameOf("archiveTier"), s.archiveTier, Object.keys(ARCHIVE_TIERS) as ArchiveTier[]);
    const afterDays = s.archiveAfterDays === 0 ? undefined : s.archiveAfterDays;
    if (tier === "AfterDays") {
        wholeNumber(nameOf("archiveAfterDays"), afterDays as number, ARCHIVE_AFTER_DAYS);
    } else if (afterDays !== undefined) {
        invalid(nameOf("archiveAfterDays"), `unset (or 0) unless ${nameOf("archiveTier")} is "AfterDays"`, s.archiveAfterDays);
    }
    if (tier !== "Off") {
        const kept = longTermRetentionDays(context);
        if (kept === 0) {
            invalid(
                nameOf("archiveTier"),
                `"Off" without ${nameOf("monthlyRetentionMonths")} or ${nameOf("yearlyRetentionYears")}: Azure archives only monthly and yearly recovery points of a VM`,
                tier,
            );
        }
        const age = afterDays ?? ARCHIVE_AFTER_DAYS.min;
        if (kept < age + ARCHIVE_MIN_RETENTION_LEFT_DAYS) {
            invalid(
                nameOf("archiveTier"),
                `"Off" unless monthly or yearly points are kept at least ${age + ARCHIVE_MIN_RETENTION_LEFT_DAYS} days (${age} in the standard tier, then 6 months left, as Azure requires to archive); they are kept ${kept}`,
                tier,
            );
        }
        if (context.storageRedundancy === ARCHIVE_UNSUPPORTED_REDUNDANCY) {
            invalid(nameOf("archiveTier"), `"Off" with ${nameOf("storageRedundancy")} "ZoneRedundant": Azure does not archive from a zone-redundant vault`, tier);
        }
    }
    const consistency = oneOf(nameOf("snapshotConsistency"), s.snapshotConsistency, Object.keys(SNAPSHOT_CONSISTENCIES) as SnapshotConsistency[]);
    if (consistency === "CrashConsistent" && context.backupPolicyType !== "Enhanced") {
        invalid(nameOf("snapshotConsistency"), `"ApplicationOrFileSystem" with a Standard policy: crash-consistent snapshots are a feature of the Enhanced policy`, consistency);
    }
    checkInstantRestoreGroup(s, nameOf);
}

function checkInstantRestoreGroup(s: PolicyTierSettings, nameOf: (argument: keyof PolicyTierSettings) => string): void {
    const [prefixName, suffixName] = [nameOf("instantRestoreResourceGroupPrefix"), nameOf("instantRestoreResourceGroupSuffix")];
    const { instantRestoreResourceGroupPrefix: prefix, instantRestoreResourceGroupSuffix: suffix } = s;
    const allowed = "letters, digits, periods, underscores, hyphens and parentheses (Azure's resource group characters)";
    for (const [name, value] of [[prefixName, prefix], [suffixName, suffix]] as const) {
        if (value !== undefined && (typeof value !== "string" || value === "" || !INSTANT_RESTORE_RG_CHARACTERS.test(value))) {
            invalid(name, allowed, value);
        }
    }
    if (suffix !== undefined && prefix === undefined) {
        invalid(suffixName, `unset without ${prefixName}: Azure names the group <prefix><n><suffix>, and the prefix is the mandatory part`, suffix);
    }
    if (prefix === undefined) {
        return;
    }
    const last = suffix ?? `${prefix}1`;
    if (last.endsWith(".")) {
        invalid(suffix === undefined ? prefixName : suffixName, "a name part that does not end with a period: Azure's resource group names can't", suffix ?? prefix);
    }
    const length = prefix.length + INSTANT_RESTORE_RG_COUNTER_DIGITS + (suffix?.length ?? 0);
    if (length > INSTANT_RESTORE_RG_MAX_LENGTH) {
        invalid(
            suffix === undefined ? prefixName : `${prefixName} + ${suffixName}`,
            `at most ${INSTANT_RESTORE_RG_MAX_LENGTH - INSTANT_RESTORE_RG_COUNTER_DIGITS} characters together: Azure Backup's group names take up to ${INSTANT_RESTORE_RG_MAX_LENGTH} with the counter n (${INSTANT_RESTORE_RG_COUNTER_DIGITS} digits held back)`,
            `${prefix}${suffix ?? ""}`,
        );
    }
}

/** The policy properties the options add; nothing for the defaults. */
export function policyTierProperties(
    s: PolicyTierSettings,
): Pick<recoveryservices.AzureIaaSVMProtectionPolicyArgs, "tieringPolicy" | "snapshotConsistencyType" | "instantRPDetails"> {
    const mode = ARCHIVE_TIERS[s.archiveTier];
    return {
        ...(mode !== undefined && {
            tieringPolicy: {
                ArchivedRP: mode === "TierAfter" ? { tieringMode: mode, duration: s.archiveAfterDays, durationType: "Days" } : { tieringMode: mode },
            },
        }),
        ...(SNAPSHOT_CONSISTENCIES[s.snapshotConsistency] !== undefined && { snapshotConsistencyType: SNAPSHOT_CONSISTENCIES[s.snapshotConsistency] }),
        ...(s.instantRestoreResourceGroupPrefix !== undefined && {
            instantRPDetails: {
                azureBackupRGNamePrefix: s.instantRestoreResourceGroupPrefix,
                ...(s.instantRestoreResourceGroupSuffix !== undefined && { azureBackupRGNameSuffix: s.instantRestoreResourceGroupSuffix }),
            },
        }),
    };
}

/**
 * The data disks to back up, by LUN, each once, each one the VM has (`dataDiskCount` disks at
 * LUNs 0..n-1, where known); the OS disk always is. An empty list backs up the OS disk alone.
 */
export function checkBackupDiskLuns(setting: string, luns: unknown, dataDiskCount?: { count: number; setting: string }): number[] {
    if (!Array.isArray(luns)) {
        invalid(setting, "a list of data disk LUNs such as [0,2] ([] for the OS disk alone)", luns);
    }
    luns.forEach((lun) => wholeNumber(setting, lun, DATA_DISK_LUNS));
    if (new Set(luns).size !== luns.length) {
        invalid(setting, "each LUN once", luns);
    }
    if (luns.length > MAX_BACKED_UP_DATA_DISKS) {
        invalid(setting, `at most ${MAX_BACKED_UP_DATA_DISKS} data disks: Azure Backup backs up 32 disks of a VM, its OS disk among them`, luns);
    }
    const missing = dataDiskCount && luns.find((lun: number) => lun >= dataDiskCount.count);
    if (dataDiskCount && missing !== undefined) {
        invalid(setting, `LUNs of the VMs' data disks, 0 to ${dataDiskCount.count - 1} (${dataDiskCount.setting} is ${dataDiskCount.count})`, missing);
    }
    return luns as number[];
}

/** The protected item's `extendedProperties` for a selection of disks: an inclusion list (the OS disk is always backed up). */
export function diskSelection(luns: number[] | undefined): Pick<recoveryservices.AzureIaaSComputeVMProtectedItemArgs, "extendedProperties"> {
    return luns === undefined ? {} : { extendedProperties: { diskExclusionProperties: { diskLunList: luns, isInclusionList: true } } };
}
