"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.VAULT_ENCRYPTION_DEFAULTS = void 0;
exports.checkVaultEncryption = checkVaultEncryption;
exports.encryptionProperties = encryptionProperties;
exports.vaultIdentity = vaultIdentity;
const armIds_1 = require("./armIds");
const errors_1 = require("../policy/rulebook/errors");
const vaultOptions_1 = require("../policy/rulebook/vaultOptions");
const choices_1 = require("./validation/choices");
exports.VAULT_ENCRYPTION_DEFAULTS = { infrastructureEncryption: false, crossSubscriptionRestore: "Disabled" };
/** Every option alone and against the others; `nameOf` gives the name the user set each by. */
function checkVaultEncryption(s, allowIrreversible, nameOf = (argument) => argument) {
    if (s.cmkKeyUri !== undefined && (typeof s.cmkKeyUri !== "string" || (0, vaultOptions_1.parseKeyUri)(s.cmkKeyUri) === undefined)) {
        (0, errors_1.invalid)(nameOf("cmkKeyUri"), `a key URI ${vaultOptions_1.KEY_URI_FORM}`, s.cmkKeyUri);
    }
    if (s.cmkIdentityId !== undefined) {
        (0, armIds_1.parseResourceId)(nameOf("cmkIdentityId"), s.cmkIdentityId, vaultOptions_1.USER_ASSIGNED_IDENTITY_TYPE);
        if (s.cmkKeyUri === undefined) {
            (0, errors_1.invalid)(nameOf("cmkIdentityId"), `unset without ${nameOf("cmkKeyUri")}: it is the identity that reads the customer-managed key`, s.cmkIdentityId);
        }
    }
    if (typeof s.infrastructureEncryption !== "boolean") {
        (0, errors_1.invalid)(nameOf("infrastructureEncryption"), "true or false", s.infrastructureEncryption);
    }
    if (s.infrastructureEncryption && s.cmkKeyUri === undefined) {
        (0, errors_1.invalid)(nameOf("infrastructureEncryption"), `false without ${nameOf("cmkKeyUri")}: Azure configures infrastructure encryption only with a customer-managed key`, s.infrastructureEncryption);
    }
    if (s.resourceGuardId !== undefined) {
        (0, armIds_1.parseResourceId)(nameOf("resourceGuardId"), s.resourceGuardId, vaultOptions_1.RESOURCE_GUARD_TYPE);
    }
    (0, choices_1.oneOf)(nameOf("crossSubscriptionRestore"), s.crossSubscriptionRestore, vaultOptions_1.CROSS_SUBSCRIPTION_RESTORE_STATES);
    if (s.crossSubscriptionRestore === "PermanentlyDisabled" && !allowIrreversible.value) {
        (0, errors_1.invalid)(nameOf("crossSubscriptionRestore"), `"Enabled" or "Disabled" unless ${allowIrreversible.name} is true: "PermanentlyDisabled" is irreversible, cross-subscription restore can never be enabled again`, s.crossSubscriptionRestore);
    }
}
/** The vault's `encryption` (with a key) and `restoreSettings` (always: Azure's default is Enabled). */
function encryptionProperties(s) {
    return {
        ...(s.cmkKeyUri !== undefined && {
            encryption: {
                keyVaultProperties: { keyUri: s.cmkKeyUri },
                // "Mutually exclusive with 'userAssignedIdentity'" (vaults.json CmkKekIdentity).
                kekIdentity: s.cmkIdentityId !== undefined ? { userAssignedIdentity: s.cmkIdentityId } : { useSystemAssignedIdentity: true },
                infrastructureEncryption: vaultOptions_1.INFRASTRUCTURE_ENCRYPTION[`${s.infrastructureEncryption}`],
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
function vaultIdentity(s) {
    return s.cmkIdentityId === undefined
        ? { type: "SystemAssigned" }
        : { type: "SystemAssigned, UserAssigned", userAssignedIdentities: [s.cmkIdentityId] };
}
