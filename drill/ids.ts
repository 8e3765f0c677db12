/**
 * ARM resource ids: parsing, the drill's own names, and the one rule every write obeys
 * (it stays inside the drill resource group). Pure functions, no I/O.
 */

export interface ParsedId {
    /** The id as given, without a trailing slash. */
    id: string;
    subscriptionId: string;
    resourceGroup: string;
    /** "Microsoft.Compute/virtualMachines" for a top-level resource, with child types appended for children. */
    type: string;
    /** The last name segment. */
    name: string;
}

const SEGMENTS = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)(?:\/providers\/([^/]+)\/(.+))?$/i;

/** Parses an ARM id of a resource group or a resource in one; undefined when it is not one. */
export function parseId(raw: string): ParsedId | undefined {
    const id = raw.trim().replace(/\/+$/, "");
    const match = SEGMENTS.exec(id);
    if (!match) {
        return undefined;
    }
    const [, subscriptionId, resourceGroup, namespace, rest] = match;
    if (!namespace) {
        return { id, subscriptionId, resourceGroup, type: "Microsoft.Resources/resourceGroups", name: resourceGroup };
    }
    const parts = rest.split("/");
    if (parts.length % 2 !== 0 || parts.some((part) => part === "")) {
        return undefined;
    }
    const types = parts.filter((_, index) => index % 2 === 0);
    return { id, subscriptionId, resourceGroup, type: `${namespace}/${types.join("/")}`, name: parts[parts.length - 1] };
}

export function sameId(a: string, b: string): boolean {
    return a.replace(/\/+$/, "").toLowerCase() === b.replace(/\/+$/, "").toLowerCase();
}

/** True when `id` is the resource group `groupId` itself or a resource inside it. */
export function isInGroup(id: string, groupId: string): boolean {
    const group = groupId.replace(/\/+$/, "").toLowerCase();
    const candidate = id.replace(/\/+$/, "").toLowerCase();
    return candidate.startsWith(`${group}/providers/`);
}

/** The id of the resource group that holds `id`. */
export function groupOf(id: string): string {
    const parsed = parseId(id);
    if (!parsed) {
        throw new Error(`not an ARM resource id: ${id}`);
    }
    return `/subscriptions/${parsed.subscriptionId}/resourceGroups/${parsed.resourceGroup}`;
}

/** The virtual network that holds a subnet id. */
export function vnetOfSubnet(subnetId: string): string {
    return subnetId.replace(/\/+$/, "").replace(/\/subnets\/[^/]+$/i, "");
}

/**
 * A protected item's container and item names, read from its id. The 2024-10-01 list example
 * (examples/AzureIaasVm/BackupProtectedItems_List.json) shows ids both with and without the
 * `backupFabrics/Azure` segment, so only the two names are taken from it; the fabric is always "Azure".
 */
export function protectedItemPath(itemId: string): { containerName: string; protectedItemName: string } | undefined {
    const match = /\/protectionContainers\/([^/]+)\/protectedItems\/([^/]+)$/i.exec(itemId.replace(/\/+$/, ""));
    return match ? { containerName: match[1], protectedItemName: match[2] } : undefined;
}

/**
 * The drill names every VM it restores `rdx` + 12 lower-case base-36 characters: 15 characters,
 * the limit for a Windows VM name, and a marker the sweeper recognises even on resources the
 * drill never got to tag (a restore that finished after its drill had given up).
 */
export const DRILL_NAME_PREFIX = "rdx";
const DRILL_NAME = /^rdx[0-9a-z]{12}(?![0-9a-z])/;

export function drillVmName(now: number, random: () => number = Math.random): string {
    const time = Math.floor(now / 1000).toString(36).padStart(7, "0").slice(-7);
    let tail = "";
    for (let i = 0; i < 5; i++) {
        tail += Math.floor(random() * 36).toString(36);
    }
    return `${DRILL_NAME_PREFIX}${time}${tail}`;
}

/** The drill VM name a resource's name starts with ("rdx…-osdisk-…" → "rdx…"), if any. */
export function drillNameOf(resourceName: string): string | undefined {
    const match = DRILL_NAME.exec(resourceName.toLowerCase());
    return match ? match[0] : undefined;
}

/** Tags the drill puts on what a restore created, so that the sweeper finds it after a crash. */
export const DRILL_TAG = "restore-drill";
/** Value: the ISO time the drill of that VM started. */
export const DRILL_TAG_STARTED = "restore-drill-started";
/** Value: the source VM's name. */
export const DRILL_TAG_SOURCE = "restore-drill-source";
