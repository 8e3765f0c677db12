/**
 * Compares two offline plans: what would be created, deleted, replaced or updated, property by
 * property. Replacement is judged offline only where it is certain.
 */
import { Plan, PlannedResource } from "./engine";
import { addressNotes, frontendZoneNotes } from "./addressChanges";
import { ChangeNote, changeNotes } from "./vaultChanges";

/**
 * Properties whose change makes Azure (and so Pulumi) replace the resource: its name and group
 * (they are its id), its region, and what a type cannot change in place. `*` applies to every type.
 * This is the one list the offline judgement rests on.
 */
export const REPLACE_TRIGGERS: Record<string, string[]> = {
    "*": ["location", "resourceGroupName"],
    "azure-native:resources:ResourceGroup": ["resourceGroupName"],
    "azure-native:network:VirtualNetwork": ["virtualNetworkName"],
    "azure-native:network:Subnet": ["virtualNetworkName", "subnetName"],
    "azure-native:network:NetworkSecurityGroup": ["networkSecurityGroupName"],
    // A public IP's zones are fixed at creation (https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-addresses#availability-zone).
    "azure-native:network:PublicIPAddress": ["publicIpAddressName", "sku", "publicIPAddressVersion", "zones"],
    "azure-native:network:LoadBalancer": ["loadBalancerName", "sku"],
    "azure-native:compute:AvailabilitySet": ["availabilitySetName", "sku", "platformFaultDomainCount"],
    "azure-native:network:NetworkInterface": ["networkInterfaceName"],
    "azure-native:compute:VirtualMachine": [
        "vmName",
        "osProfile.computerName",
        "osProfile.adminUsername",
        "osProfile.customData",
        "osProfile.adminPassword",
        "osProfile.linuxConfiguration.ssh.publicKeys",
        "storageProfile.imageReference",
        "securityProfile",
        // A VM joins an availability set or a zone only when it is created
        // (https://learn.microsoft.com/azure/virtual-machines/availability-set-overview,
        // https://learn.microsoft.com/azure/virtual-machines/move-virtual-machines-regional-zonal-portal).
        "availabilitySet",
        "zones",
    ],
    "azure-native:compute:VirtualMachineRunCommandByVirtualMachine": ["vmName", "runCommandName"],
    "azure-native:recoveryservices:Vault": ["vaultName"],
    "azure-native:recoveryservices:ProtectionPolicy": ["vaultName", "policyName", "properties.policyType"],
    "azure-native:recoveryservices:ProtectedItem": ["vaultName", "fabricName", "containerName", "protectedItemName", "properties.sourceResourceId"],
};

/** Types whose replacement or deletion loses data or backups: the diff shouts about them. */
export const DATA_BEARING_TYPES = new Set([
    "azure-native:compute:VirtualMachine",
    "azure-native:recoveryservices:Vault",
    "azure-native:recoveryservices:ProtectedItem",
]);

export type Action = "create" | "delete" | "replace" | "update";

export interface PropertyChange {
    path: string;
    old: unknown;
    new: unknown;
    /** Why this change replaces the resource, when it does. */
    replaces?: string;
}

export interface ResourceChange {
    action: Action;
    urn: string;
    type: string;
    name: string;
    protect: boolean;
    /** Pulumi lets go of it without deleting it in Azure (`retainOnDelete`). */
    retainOnDelete: boolean;
    properties: PropertyChange[];
    /** What Azure will refuse, what cannot be undone, what is kept (see vaultChanges.ts), and where traffic pauses (addressChanges.ts). */
    notes?: ChangeNote[];
}

/**
 * Flattens inputs into `a.b[0].c` paths and their leaf values. Items of a list that all have
 * names are keyed by name (`securityRules[allow-proxy].priority`), so a reordering is no change.
 */
export function flatten(value: unknown, path = "", into: Map<string, unknown> = new Map()): Map<string, unknown> {
    if (Array.isArray(value)) {
        if (value.length === 0) {
            into.set(path, []);
        }
        const named = value.every((item) => typeof (item as { name?: unknown } | null)?.name === "string");
        value.forEach((item, i) => flatten(item, `${path}[${named ? (item as { name: string }).name : i}]`, into));
    } else if (value && typeof value === "object") {
        const entries = Object.entries(value as Record<string, unknown>);
        if (entries.length === 0) {
            into.set(path, {});
        }
        for (const [key, item] of entries) {
            flatten(item, path ? `${path}.${key}` : key, into);
        }
    } else {
        into.set(path, value);
    }
    return into;
}

/** True when `path` is `prefix` or lies below it. */
function under(path: string, prefix: string): boolean {
    return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

export function replaceReason(resource: PlannedResource, path: string): string | undefined {
    const triggers = [...REPLACE_TRIGGERS["*"], ...(REPLACE_TRIGGERS[resource.type] ?? [])];
    if (triggers.some((trigger) => under(path, trigger))) {
        return "Azure cannot change it in place";
    }
    if ((resource.options.replaceOnChanges ?? []).some((trigger) => under(path, trigger))) {
        return "replaceOnChanges";
    }
    return undefined;
}

function propertyChanges(before: PlannedResource, after: PlannedResource): PropertyChange[] {
    const ignored = after.options.ignoreChanges ?? [];
    const old = flatten(before.inputs);
    const next = flatten(after.inputs);
    const paths = [...new Set([...old.keys(), ...next.keys()])].sort();
    return paths
        .filter((path) => JSON.stringify(old.get(path)) !== JSON.stringify(next.get(path)))
        .filter((path) => !ignored.some((prefix) => under(path, prefix)))
        .map((path) => ({ path, old: old.get(path), new: next.get(path), replaces: replaceReason(after, path) }));
}

function change(action: Action, resource: PlannedResource, properties: PropertyChange[] = []): ResourceChange {
    return {
        action,
        urn: resource.urn,
        type: resource.type,
        name: resource.name,
        protect: Boolean(resource.options.protect),
        retainOnDelete: Boolean(resource.options.retainOnDelete),
        properties,
    };
}

/**
 * Azure deletes a child resource (an extension, a subnet, a protected item) with its parent:
 * whatever lives under a replaced resource's id is replaced too.
 */
function replaceWithTheirAzureParent(resources: PlannedResource[], changes: ResourceChange[]): void {
    const byUrn = new Map(changes.map((c) => [c.urn, c]));
    const replaced = resources.filter((r) => r.id && byUrn.get(r.urn)?.action === "replace");
    for (let grew = true; grew; ) {
        grew = false;
        for (const resource of resources) {
            const parent = replaced.find((p) => resource.id?.startsWith(`${p.id}/`));
            const existing = byUrn.get(resource.urn);
            if (!parent || existing?.action === "replace" || existing?.action === "create") {
                continue;
            }
            const reason: PropertyChange = { path: "id", old: resource.id, new: resource.id, replaces: `inside ${parent.name}, which is replaced` };
            if (existing) {
                existing.action = "replace";
                existing.properties.push(reason);
            } else {
                const added = change("replace", resource, [reason]);
                changes.push(added);
                byUrn.set(resource.urn, added);
            }
            replaced.push(resource);
            grew = true;
        }
    }
}

export function diffPlans(before: Plan, after: Plan): ResourceChange[] {
    const old = new Map(before.resources.map((r) => [r.urn, r]));
    const next = new Map(after.resources.map((r) => [r.urn, r]));
    const changes: ResourceChange[] = [];
    for (const [urn, resource] of next) {
        const previous = old.get(urn);
        if (!previous) {
            changes.push(change("create", resource));
            continue;
        }
        const properties = propertyChanges(previous, resource);
        if (properties.length > 0) {
            changes.push(change(properties.some((p) => p.replaces) ? "replace" : "update", resource, properties));
        }
    }
    for (const [urn, resource] of old) {
        if (!next.has(urn)) {
            changes.push(change("delete", resource));
        }
    }
    replaceWithTheirAzureParent(after.resources, changes);
    for (const c of changes) {
        const notes = [...changeNotes(before, c, next.get(c.urn)), ...addressNotes(after, c), ...frontendZoneNotes(c)];
        if (notes.length > 0) {
            c.notes = notes;
        }
    }
    const order: Action[] = ["replace", "delete", "update", "create"];
    return changes.sort((a, b) => order.indexOf(a.action) - order.indexOf(b.action) || a.urn.localeCompare(b.urn));
}
