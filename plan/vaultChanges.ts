/**
 * What the offline diff says about a changed vault or protected item beyond "in place": changes
 * Azure will refuse, changes that can never be undone, and a protected item whose protection
 * stops while its recovery points stay.
 */
import type { Plan, PlannedResource } from "./engine";

/** `pauses`: traffic to an address stops for a while (addressChanges.ts). */
export type NoteKind = "refused" | "irreversible" | "kept" | "pauses";

export interface ChangeNote {
    kind: NoteKind;
    text: string;
}

/** The parts of a resource change the notes read. */
export interface ChangeOfResource {
    action: string;
    type: string;
    retainOnDelete?: boolean;
    properties: { path: string; old: unknown; new: unknown }[];
}

const VAULT = "azure-native:recoveryservices:Vault";
const ITEM = "azure-native:recoveryservices:ProtectedItem";
const REDUNDANCY = "properties.redundancySettings.standardTierStorageRedundancy";
const IMMUTABILITY = "properties.securitySettings.immutabilitySettings.state";
const SOFT_DELETE = "properties.securitySettings.softDeleteSettings.softDeleteState";
const PROTECTION_STATE = "properties.protectionState";
const KEY_URI = "properties.encryption.keyVaultProperties.keyUri";
const INFRASTRUCTURE_ENCRYPTION = "properties.encryption.infrastructureEncryption";
const CROSS_SUBSCRIPTION_RESTORE = "properties.restoreSettings.crossSubscriptionRestoreSettings.crossSubscriptionRestoreState";

/** The notes for one change; `before` is the older plan, whose protected items tell whether the vault holds any. */
export function changeNotes(before: Plan, change: ChangeOfResource, resource: PlannedResource | undefined): ChangeNote[] {
    const changed = (path: string) => change.properties.find((p) => p.path === path);
    const notes: ChangeNote[] = [];
    if (change.type === VAULT && change.action !== "create") {
        const redundancy = changed(REDUNDANCY);
        if (redundancy && vaultProtectsItems(before, resource)) {
            notes.push({
                kind: "refused",
                text: `storage redundancy ${JSON.stringify(redundancy.old)} to ${JSON.stringify(redundancy.new)}: Azure will refuse it, a vault's redundancy cannot change once it protects items`,
            });
        }
        const immutability = changed(IMMUTABILITY);
        if (immutability?.old === "Locked") {
            notes.push({ kind: "refused", text: "immutability away from Locked: Azure will refuse it, a Locked vault stays immutable" });
        } else if (immutability?.new === "Locked") {
            notes.push({ kind: "irreversible", text: "immutability Locked: irreversible, the vault can never be unlocked nor a retention shortened" });
        }
        notes.push(...encryptionNotes(changed(KEY_URI), changed(CROSS_SUBSCRIPTION_RESTORE), () => vaultProtectsItems(before, resource)));
        const doubleEncryption = changed(INFRASTRUCTURE_ENCRYPTION);
        if (doubleEncryption && doubleEncryption.old !== undefined && doubleEncryption.old !== null) {
            notes.push({ kind: "refused", text: "infrastructure encryption changed: Azure will refuse it, it is set once with the key" });
        }
        const softDelete = changed(SOFT_DELETE);
        if (softDelete?.old === "AlwaysON") {
            notes.push({ kind: "refused", text: "soft delete away from AlwaysOn: Azure will refuse it, AlwaysOn is permanent" });
        } else if (softDelete?.new === "AlwaysON") {
            notes.push({ kind: "irreversible", text: "soft delete AlwaysOn: irreversible, soft delete can never be set back to Enabled" });
        }
    }
    if (change.type === ITEM && change.action === "delete" && change.retainOnDelete) {
        notes.push({
            kind: "kept",
            text: "leaves the stack, kept in Azure with its recovery points (retainOnDelete); list its VM in retiredVms to stop protection and keep them on purpose",
        });
    }
    notes.push(...privateEndpointNotes(before, change, resource));
    if (change.type === ITEM && change.action === "update" && changed(PROTECTION_STATE)?.new === "ProtectionStopped") {
        notes.push({ kind: "kept", text: "protection stopped, recovery points kept" });
    }
    return notes;
}

const PRIVATE_ENDPOINT = "azure-native:network:PrivateEndpoint";

/**
 * A new backup private endpoint on a vault that already protected items: "You can create private
 * endpoints for Azure Backup only for Recovery Services vaults that don't have any items protected
 * to it (or haven't had any items attempted to be protected or registered to them in the past)"
 * (learn.microsoft.com/azure/backup/backup-azure-private-endpoints-configure-manage).
 */
function privateEndpointNotes(before: Plan, change: ChangeOfResource, resource: PlannedResource | undefined): ChangeNote[] {
    if (change.type !== PRIVATE_ENDPOINT || change.action !== "create" || resource === undefined) {
        return [];
    }
    const connections = (resource.inputs.privateLinkServiceConnections as Array<{ privateLinkServiceId?: string; groupIds?: string[] }> | undefined) ?? [];
    const vaultIds = connections.filter((c) => (c.groupIds ?? []).includes("AzureBackup")).map((c) => c.privateLinkServiceId?.toLowerCase());
    const vault = before.resources.find((r) => r.type === VAULT && vaultIds.includes(r.id?.toLowerCase()));
    if (vault === undefined || !vaultProtectsItems(before, vault)) {
        return [];
    }
    return [
        {
            kind: "refused",
            text: `a backup private endpoint on vault ${String(vault.inputs.vaultName)}, which protected items before: Azure will refuse it (an endpoint only on a vault that never had protected items); give the endpoint a new vault (docs/vault.md#a-private-endpoint-for-the-vault)`,
        },
    ];
}

/** Whether the older plan has protected items in this vault (by its Azure name and group). */
function vaultProtectsItems(before: Plan, vault: PlannedResource | undefined): boolean {
    const old = before.resources.find((r) => r.urn === vault?.urn) ?? vault;
    return before.resources.some(
        (r) => r.type === ITEM && r.inputs.vaultName === old?.inputs.vaultName && r.inputs.resourceGroupName === old?.inputs.resourceGroupName,
    );
}

/**
 * A customer-managed key on a vault that protects items, or taken away, is refused by Azure ("Any
 * vault that contains existing items registered ... aren't supported"; "you can't revert to using
 * PMKs", Learn encryption-at-rest-with-cmk); PermanentlyDisabled cross-subscription restore is for good.
 */
function encryptionNotes(
    key: { old: unknown; new: unknown } | undefined,
    restore: { old: unknown; new: unknown } | undefined,
    protectsItems: () => boolean,
): ChangeNote[] {
    const notes: ChangeNote[] = [];
    if (key && (key.old === undefined || key.old === null) && protectsItems()) {
        notes.push({ kind: "refused", text: "customer-managed key on a vault that protects items: Azure will refuse it, a key goes only on a vault that never had an item" });
    } else if (key && (key.new === undefined || key.new === null)) {
        notes.push({ kind: "refused", text: "customer-managed key removed: Azure will refuse it, a vault never goes back to platform-managed keys" });
    }
    if (restore?.old === "PermanentlyDisabled") {
        notes.push({ kind: "refused", text: "cross-subscription restore away from PermanentlyDisabled: Azure will refuse it" });
    } else if (restore?.new === "PermanentlyDisabled") {
        notes.push({ kind: "irreversible", text: "cross-subscription restore PermanentlyDisabled: irreversible, it can never be enabled again" });
    }
    return notes;
}
