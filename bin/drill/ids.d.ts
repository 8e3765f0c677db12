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
/** Parses an ARM id of a resource group or a resource in one; undefined when it is not one. */
export declare function parseId(raw: string): ParsedId | undefined;
export declare function sameId(a: string, b: string): boolean;
/** True when `id` is the resource group `groupId` itself or a resource inside it. */
export declare function isInGroup(id: string, groupId: string): boolean;
/** The id of the resource group that holds `id`. */
export declare function groupOf(id: string): string;
/** The virtual network that holds a subnet id. */
export declare function vnetOfSubnet(subnetId: string): string;
/**
 * A protected item's container and item names, read from its id. The 2024-10-01 list example
 * (examples/AzureIaasVm/BackupProtectedItems_List.json) shows ids both with and without the
 * `backupFabrics/Azure` segment, so only the two names are taken from it; the fabric is always "Azure".
 */
export declare function protectedItemPath(itemId: string): {
    containerName: string;
    protectedItemName: string;
} | undefined;
/**
 * The drill names every VM it restores `rdx` + 12 lower-case base-36 characters: 15 characters,
 * the limit for a Windows VM name, and a marker the sweeper recognises even on resources the
 * drill never got to tag (a restore that finished after its drill had given up).
 */
export declare const DRILL_NAME_PREFIX = "rdx";
export declare function drillVmName(now: number, random?: () => number): string;
/** The drill VM name a resource's name starts with ("rdx…-osdisk-…" → "rdx…"), if any. */
export declare function drillNameOf(resourceName: string): string | undefined;
/** Tags the drill puts on what a restore created, so that the sweeper finds it after a crash. */
export declare const DRILL_TAG = "restore-drill";
/** Value: the ISO time the drill of that VM started. */
export declare const DRILL_TAG_STARTED = "restore-drill-started";
/** Value: the source VM's name. */
export declare const DRILL_TAG_SOURCE = "restore-drill-source";
