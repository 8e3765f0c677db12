/**
 * The vault's and the VM policy's further options (issue 21): customer-managed keys, Resource
 * Guard, cross-subscription restore, the archive tier, crash-consistent snapshots, the
 * instant-restore resource group and selective disk backup. Shapes are those of the REST API
 * 2024-10-01 that azure-native 3.28 sends (Azure/azure-rest-api-specs,
 * specification/recoveryservices/resource-manager/Microsoft.RecoveryServices/stable/2024-10-01/vaults.json
 * and specification/recoveryservicesbackup/.../stable/2024-10-01/bms.json); each rule names its source.
 */
import { Finding } from "./checks";
import { WholeNumberRange } from "./vault";
/**
 * A Key Vault or Managed HSM key URI, versioned or not:
 * `https://<vault>.vault.azure.net/keys/<name>[/<version>]` (vaults.json example PUTVault_WithCMK.json
 * sends a versioned one; a versionless one lets Azure Backup follow the key's new versions, Learn
 * "Encryption of backup data using customer-managed keys"); Managed HSM keys as
 * `https://<hsm>.managedhsm.azure.net/keys/<name>[/<version>]` (Azure/bicep-registry-modules,
 * avm/res/recovery-services/vault/main.bicep). Vault and HSM names: 3-24 letters, digits and
 * hyphens, starting with a letter, ending with a letter or digit, no "--"; key names 1-127 letters,
 * digits and hyphens; versions 32 hex digits (learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftkeyvault,
 * learn.microsoft.com/azure/key-vault/general/about-keys-secrets-certificates#object-identifiers).
 */
export declare const KEY_URI: RegExp;
export declare const KEY_URI_FORM = "https://<vault>.vault.azure.net/keys/<name>[/<32-hex version>] or https://<hsm>.managedhsm.azure.net/keys/<name>[/<version>]";
/** The parts of a key URI, or undefined when it is not one. */
export declare function parseKeyUri(uri: string): {
    vaultName: string;
    managedHsm: boolean;
    keyName: string;
    version?: string;
} | undefined;
/** ARM type of a user-assigned managed identity, as `kekIdentity.userAssignedIdentity` and `identity.userAssignedIdentities` take it. */
export declare const USER_ASSIGNED_IDENTITY_TYPE = "Microsoft.ManagedIdentity/userAssignedIdentities";
/**
 * The least-privilege built-in role for the vault's identity on an RBAC key vault: "Key Vault
 * Crypto Service Encryption User" ("Read metadata of keys and perform wrap/unwrap operations",
 * learn.microsoft.com/azure/role-based-access-control/built-in-roles/security#key-vault-crypto-service-encryption-user);
 * with access policies: Get, List, Wrap Key and Unwrap Key (Learn, encryption-at-rest-with-cmk).
 */
export declare const KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER = "e147488a-f6f5-4113-8e2d-b22465e65bf6";
/**
 * `encryption.infrastructureEncryption`: "Infrastructure encryption can only be configured if you
 * first choose to use your own keys for encryption at rest" (Learn, backup-encryption.md).
 * Azure refuses to change it, or to remove the encryption, once set (azurerm PR #14718), and
 * "you can't revert to using PMKs" (Learn, encryption-at-rest-with-cmk).
 */
export declare const INFRASTRUCTURE_ENCRYPTION: {
    readonly true: "Enabled";
    readonly false: "Disabled";
};
/** `resourceGuardResourceId` is a Resource Guard (bms.json example ResourceGuardProxyCRUD/PutResourceGuardProxy.json). */
export declare const RESOURCE_GUARD_TYPE = "Microsoft.DataProtection/resourceGuards";
/** The service refuses any other proxy name: "The service start to return error if the name is not `VaultProxy`" (hashicorp/terraform-provider-azurerm PR #23301). */
export declare const RESOURCE_GUARD_PROXY_NAME = "VaultProxy";
/**
 * `restoreSettings.crossSubscriptionRestoreSettings.crossSubscriptionRestoreState`. Azure enables
 * it by default; "CSR once permanently disabled on a vault can't be re-enabled because it's an
 * irreversible operation" (Learn, backup-azure-arm-restore-vms.md#cross-subscription-restore).
 * CIS Azure Storage Services Benchmark 5.2.7 asks for Disabled or PermanentlyDisabled.
 */
export declare const CROSS_SUBSCRIPTION_RESTORE_STATES: readonly ["Enabled", "Disabled", "PermanentlyDisabled"];
export type CrossSubscriptionRestore = (typeof CROSS_SUBSCRIPTION_RESTORE_STATES)[number];
/** `archiveTier`, and the `TieringMode` each sends under `tieringPolicy.ArchivedRP` ("Off" sends no tiering policy). */
export declare const ARCHIVE_TIERS: {
    readonly Off: undefined;
    readonly Recommended: "TierRecommended";
    readonly AfterDays: "TierAfter";
};
export type ArchiveTier = keyof typeof ARCHIVE_TIERS;
/**
 * Azure VM recovery points move to archive only when (Learn "Overview of Archive tier in Azure
 * Backup", archive-tier-support.md): "Only monthly and yearly recovery points", "Age >= 3 months
 * in Vault-standard tier", "Retention left >= 6 months"; and "Archive tier is not supported on
 * vaults configured with ZRS storage". No rule ties it to the Standard or Enhanced policy.
 * Months are counted as 30 days here, so a day count is never shorter than Azure's months.
 */
export declare const ARCHIVE_MIN_AGE_DAYS = 90;
export declare const ARCHIVE_MIN_RETENTION_LEFT_DAYS = 180;
/** At most the longest a point is kept (99 years of 365 days) less the 6 months it must have left. */
export declare const ARCHIVE_AFTER_DAYS: WholeNumberRange;
export declare const ARCHIVE_UNSUPPORTED_REDUNDANCY = "ZoneRedundant";
/** Days a monthly or yearly recovery point is kept, months as 30 days and years as 365. */
export declare function longTermRetentionDays(policy: {
    monthlyRetentionMonths: number;
    yearlyRetentionYears: number;
}): number;
/**
 * `snapshotConsistency`: the default app- or file-system-consistent snapshot sends no property;
 * CrashConsistent sends `OnlyCrashConsistent` (bms.json example AzureIaasVm/V2Policy/IaaS_v2_daily.json).
 * "Agentless crash-consistent backup is supported only with Enhanced Policy" (Learn,
 * includes/backup-azure-agentless-multi-disk-crash-consistent-vm-backup-support-scenarios.md).
 */
export declare const SNAPSHOT_CONSISTENCIES: {
    readonly ApplicationOrFileSystem: undefined;
    readonly CrashConsistent: "OnlyCrashConsistent";
};
export type SnapshotConsistency = keyof typeof SNAPSHOT_CONSISTENCIES;
/**
 * The resource group Azure Backup keeps instant-restore snapshots in is named
 * `<prefix><n><suffix>`, n counting from 1 when a group is full (600 restore point collections):
 * "The first <alpha-numeric-string> is mandatory while the second one after 'n' is optional";
 * "Resource group names only allow alphanumeric characters, periods, underscores, hyphens, and
 * parenthesis. They can't end in a period."; "Resource group names can contain up to 74
 * characters, including the name of the RG and the suffix" (Learn, backup-during-vm-creation.md,
 * "Azure Backup resource group for Virtual Machines"). The counter's width is not documented: two
 * digits are held back (a vault protects up to 1000 VMs, one collection each: two groups).
 */
export declare const INSTANT_RESTORE_RG_CHARACTERS: RegExp;
export declare const INSTANT_RESTORE_RG_MAX_LENGTH = 74;
export declare const INSTANT_RESTORE_RG_COUNTER_DIGITS = 2;
/**
 * LUNs of data disks: 0-63 (learn.microsoft.com/azure/virtual-machines/managed-disks-overview
 * "data disks ... a LUN"; compute 2024-11-01 `DataDisk.lun`), at most 32 disks backed up ("Support
 * for backup of Azure VMs is up to 32 disks", backup-support-matrix-iaas). "The OS disk is by
 * default added to the VM backup and can't be excluded" (Learn, selective-disk-backup-restore.md):
 * an empty inclusion list is the OS disk alone, as `az backup protection enable-for-vm
 * --exclude-all-data-disks` sends it (Azure/azure-cli, command_modules/backup/custom.py:
 * `DiskExclusionProperties(disk_lun_list=[], is_inclusion_list=True)`).
 */
export declare const DATA_DISK_LUNS: WholeNumberRange;
export declare const MAX_BACKED_UP_DATA_DISKS = 31;
/**
 * What readiness says of a vault's customer-managed key: whether its identity may use the key
 * cannot be seen in a plan (a key URI names the key vault's host, not its resource), so it is the
 * user's step, said as a warning with the role to grant.
 */
export declare function keyAccessFinding(vaultName: string, props: {
    properties?: {
        encryption?: {
            keyVaultProperties?: {
                keyUri?: string;
            };
            kekIdentity?: {
                userAssignedIdentity?: string;
            };
        };
    };
}): Finding | undefined;
