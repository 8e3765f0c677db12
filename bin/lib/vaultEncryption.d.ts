/**
 * The vault's customer-managed key, Resource Guard and cross-subscription restore: checks that
 * name the setting, and the vault properties they become (REST API 2024-10-01, vaults.json
 * `VaultProperties.encryption`, `restoreSettings`, `IdentityData`; rules in policy/rulebook/vaultOptions.ts).
 */
import type { recoveryservices } from "@pulumi/azure-native/types/input";
import { CrossSubscriptionRestore } from "../policy/rulebook/vaultOptions";
export interface VaultEncryptionSettings {
    cmkKeyUri?: string;
    cmkIdentityId?: string;
    infrastructureEncryption: boolean;
    resourceGuardId?: string;
    crossSubscriptionRestore: CrossSubscriptionRestore;
}
export declare const VAULT_ENCRYPTION_DEFAULTS: {
    readonly infrastructureEncryption: false;
    readonly crossSubscriptionRestore: "Disabled";
};
/** Every option alone and against the others; `nameOf` gives the name the user set each by. */
export declare function checkVaultEncryption(s: VaultEncryptionSettings, allowIrreversible: {
    name: string;
    value: boolean;
}, nameOf?: (argument: keyof VaultEncryptionSettings) => string): void;
/** The vault's `encryption` (with a key) and `restoreSettings` (always: Azure's default is Enabled). */
export declare function encryptionProperties(s: VaultEncryptionSettings): Pick<recoveryservices.VaultPropertiesArgs, "encryption" | "restoreSettings">;
/**
 * The vault's identity: the system-assigned one always (immutability and Azure Monitor alerts use
 * it), and the key's user-assigned identity attached beside it, as Azure needs it on the vault
 * too (vaults.json example PUTVault_WithCMK.json sends it under `userAssignedIdentities`).
 */
export declare function vaultIdentity(s: Pick<VaultEncryptionSettings, "cmkIdentityId">): recoveryservices.IdentityDataArgs;
