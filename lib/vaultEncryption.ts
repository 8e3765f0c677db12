/**
 * The vault's customer-managed key, Resource Guard and cross-subscription restore: checks that
 * name the setting, and the vault properties they become (REST API 2024-10-01, vaults.json
 * `VaultProperties.encryption`, `restoreSettings`, `IdentityData`; rules in policy/rulebook/vaultOptions.ts).
 */
import type { recoveryservices } from "@pulumi/azure-native/types/input";
import { parseResourceId } from "./armIds";
import { invalid } from "../policy/rulebook/errors";
import {
    CROSS_SUBSCRIPTION_RESTORE_STATES,
    CrossSubscriptionRestore,
    INFRASTRUCTURE_ENCRYPTION,
    KEY_URI_FORM,
    parseKeyUri,
    RESOURCE_GUARD_TYPE,
    USER_ASSIGNED_IDENTITY_TYPE,
} from "../policy/rulebook/vaultOptions";
import { oneOf } from "./validation/choices";

export interface VaultEncryptionSettings {
    cmkKeyUri?: string;
    cmkIdentityId?: string;
    infrastructureEncryption: boolean;
    resourceGuardId?: string;
    crossSubscriptionRestore: CrossSubscriptionRestore;
}

export const VAULT_ENCRYPTION_DEFAULTS = { infrastructureEncryption: false, crossSubscriptionRestore: "Disabled" } as const;

/** Every option alone and against the others; `nameOf` gives the name the user set each by. */
export function checkVaultEncryption(
    s: VaultEncryptionSettings,
    allowIrreversible: { name: string; value: boolean },
    nameOf: (argument: keyof VaultEncryptionSettings) => string = (argument) => argument,
): void {
    if (s.cmkKeyUri !== undefined && (typeof s.cmkKeyUri !== "string" || parseKeyUri(s.cmkKeyUri) === undefined)) {
        invalid(nameOf("cmkKeyUri"), `a key URI ${KEY_URI_FORM}`, s.cmkKeyUri);
    }
    if (s.cmkIdentityId !== undefined) {
        parseResourceId(nameOf("cmkIdentityId"), s.cmkIdentityId, USER_ASSIGNED_IDENTITY_TYPE);
        if (s.cmkKeyUri === undefined) {
            invalid(nameOf("cmkIdentityId"), `unset without ${nameOf("cmkKeyUri")}: it is the identity that reads the customer-managed key`, s.cmkIdentityId);
        }
    }
    if (typeof s.infrastructureEncryption !== "boolean") {
        invalid(nameOf("infrastructureEncryption"), "true or false", s.infrastructureEncryption);
    }
    if (s.infrastructureEncryption && s.cmkKeyUri === undefined) {
        invalid(nameOf("infrastructureEncryption"), `false without ${nameOf("cmkKeyUri")}: Azure configures infrastructure encryption only with a customer-managed key`, s.infrastructureEncryption);
    }
    if (s.resourceGuardId !== undefined) {
        parseResourceId(nameOf("resourceGuardId"), s.resourceGuardId, RESOURCE_GUARD_TYPE);
    }
    oneOf(nameOf("crossSubscriptionRestore"), s.crossSubscriptionRestore, CROSS_SUBSCRIPTION_RESTORE_STATES);
    if (s.crossSubscriptionRestore === "PermanentlyDisabled" && !allowIrreversible.value) {
        invalid(
            nameOf("crossSubscriptionRestore"),
            `"Enabled" or "Disabled" unless ${allowIrreversible.name} is true: "PermanentlyDisabled" is irreversible, cross-subscription restore can never be enabled again`,
            s.crossSubscriptionRestore,
        );
    }
}

/** The vault's `encryption` (with a key) and `restoreSettings` (always: Azure's default is Enabled). */
export function encryptionProperties(s: VaultEncryptionSettings): Pick<recoveryservices.VaultPropertiesArgs, "encryption" | "restoreSettings"> {
    return {
        ...(s.cmkKeyUri !== undefined && {
            encryption: {
                keyVaultProperties: { keyUri: s.cmkKeyUri },
                // "Mutually exclusive with 'userAssignedIdentity'" (vaults.json CmkKekIdentity).
                kekIdentity: s.cmkIdentityId !== undefined ? { userAssignedIdentity: s.cmkIdentityId } : { useSystemAssignedIdentity: true },
                infrastructureEncryption: INFRASTRUCTURE_ENCRYPTION[`${s.infrastructureEncryption}`],
            },
        }),
        restoreSettings: { crossSubscriptionRestoreSettings: { crossSubscriptionRestoreState: s.crossSubscriptionRestore } },
    };
}

/**
 * The vault's identity: the system-assigned one always (immutability and Azure Monitor alerts use
 * it), and the key's user-assigned identity attached beside it, as Azure needs it on the vault
 * too (vaults.json example PUTVault_WithCMK.json sends it under `userAssignedIdentities`).
 */
export function vaultIdentity(s: Pick<VaultEncryptionSettings, "cmkIdentityId">): recoveryservices.IdentityDataArgs {
    return s.cmkIdentityId === undefined
        ? { type: "SystemAssigned" }
        : { type: "SystemAssigned, UserAssigned", userAssignedIdentities: [s.cmkIdentityId] };
}
