/**
 * Resources as plain data, and what the rules read of them, whichever shape they come in:
 *
 * - inputs, as a program registers them (the offline plan; `Analyze` in a policy pack), with
 *   the ARM path parameters: `vmName`, `resourceGroupName`, `vaultName`, `protectedItemName`;
 * - outputs, as azure-native returns them (`AnalyzeStack`: "the resource's output properties",
 *   pulumi/pulumi-policy sdk/nodejs/policy/policy.ts, `PolicyResource.props`): the resource's
 *   own `name`, `location`, `properties`... but no path parameters. The resource group and the
 *   parents' names are then read from ARM ids where the outputs carry one;
 * - either of them during a preview, with values not known yet simply absent.
 *
 * What cannot be read from the properties is read from the URN (always known) and from the
 * dependencies the engine records (a protected item depends on its VM and its vault).
 */
import { parseResourceId } from "./armIds";
import { ARM_TYPES } from "./azureTypes";
import { parseProtectedItemName, VmReference } from "./backup";
import { ImageReference } from "./images";

/** A resource as the rules see it. */
export interface ResourceLike {
    /** The azure-native type token. */
    type: string;
    /** The Pulumi resource name. */
    name: string;
    urn: string;
    /** Its inputs or its outputs (see above); values unknown during a preview are left out. */
    props: Record<string, unknown>;
    /** URNs of the resources it depends on, where known. */
    dependencies?: string[];
}

export function isText(value: unknown): value is string {
    return typeof value === "string" && value !== "";
}

/** Equal as Azure compares names: ignoring case. */
export function sameName(a: string | undefined, b: string | undefined): boolean {
    return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** The value when it is an array, otherwise none. */
export function list<T>(value: T[] | undefined): T[] {
    return Array.isArray(value) ? value : [];
}

/**
 * Where a resource is, in either shape: its Azure name (the input that names it, else the
 * output `name`, else its own ARM id where the properties carry one), resource group, region.
 */
function placement(props: Record<string, unknown>, nameInput: string, typePath: string): { name?: string; resourceGroupName?: string; location?: string } {
    const id = isText(props.id) ? parseResourceId(props.id, typePath) : undefined;
    return {
        name: [props[nameInput], props.name, id?.names[0]].find(isText),
        resourceGroupName: [props.resourceGroupName, id?.resourceGroupName].find(isText),
        location: isText(props.location) ? props.location : undefined,
    };
}

/** The component types a resource sits under, outermost first, from its URN (`...::A$B$azure-native:compute:VirtualMachine::name`). */
export function ancestorTypes(urn: string): string[] {
    const types = urn.split("::")[2]?.split("$") ?? [];
    return types.slice(0, -1);
}

// ---- VMs ----

interface OsConfiguration {
    provisionVMAgent?: boolean;
}

export interface Disk {
    vhd?: { uri?: string };
}

export interface VmProps {
    id?: string;
    vmName?: string;
    name?: string;
    location?: string;
    resourceGroupName?: string;
    hardwareProfile?: { vmSize?: string };
    osProfile?: { adminUsername?: string; linuxConfiguration?: OsConfiguration; windowsConfiguration?: OsConfiguration; customData?: string };
    storageProfile?: { imageReference?: Partial<ImageReference>; osDisk?: Disk; dataDisks?: Disk[] };
    networkProfile?: { networkInterfaces?: Array<{ id?: string; primary?: boolean }> };
    tags?: Record<string, string>;
}

export interface VmView {
    resource: ResourceLike;
    /** Its Azure name, when known. */
    azureName?: string;
    resourceGroupName?: string;
    location?: string;
    props: VmProps;
}

export function vmView(vm: ResourceLike): VmView {
    const { name, resourceGroupName, location } = placement(vm.props, "vmName", ARM_TYPES.virtualMachine);
    return { resource: vm, azureName: name, resourceGroupName, location, props: vm.props as VmProps };
}

/** How a VM is named in messages: its Azure name, or its Pulumi name when that is not known. */
export function vmLabel(vm: VmView): string {
    return vm.azureName !== undefined ? `VM "${vm.azureName}"` : `VM "${vm.resource.name}" (Pulumi name)`;
}

// ---- Recovery Services ----

interface ProtectedItemProps {
    id?: string;
    name?: string;
    vaultName?: string;
    resourceGroupName?: string;
    protectedItemName?: string;
    properties?: { sourceResourceId?: string; policyId?: string; vaultId?: string; protectionState?: string };
}

export interface ProtectedItemView {
    resource: ResourceLike;
    /** The VM it names, by `properties.sourceResourceId` (what Azure protects) or else its own name, where known. */
    vms: VmReference[];
    /** Its vault's name, where known: `vaultName`, or the vault in its id, `properties.vaultId` or `properties.policyId`. */
    vaultName?: string;
    resourceGroupName?: string;
    /**
     * Protection stopped, recovery points kept (`protectionState: ProtectionStopped` without a
     * policy): the item of a retired VM, which protects nothing any more.
     */
    stopped: boolean;
}

function vaultNameIn(id: unknown): { vaultName: string; resourceGroupName: string } | undefined {
    if (!isText(id)) {
        return undefined;
    }
    const match = /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/Microsoft\.RecoveryServices\/vaults\/([^/]+)(?:\/|$)/i.exec(id);
    return match ? { resourceGroupName: match[1], vaultName: match[2] } : undefined;
}

export function protectedItemView(item: ResourceLike): ProtectedItemView {
    const props = item.props as ProtectedItemProps;
    const source = isText(props.properties?.sourceResourceId) ? parseResourceId(props.properties.sourceResourceId, ARM_TYPES.virtualMachine) : undefined;
    const named = [props.protectedItemName, props.name].filter(isText).map(parseProtectedItemName);
    const vault = [props.id, props.properties?.vaultId, props.properties?.policyId].map(vaultNameIn).find((found) => found !== undefined);
    return {
        resource: item,
        vms: source ? [{ resourceGroupName: source.resourceGroupName, vmName: source.names[0] }] : named.filter((ref): ref is VmReference => ref !== undefined),
        vaultName: isText(props.vaultName) ? props.vaultName : vault?.vaultName,
        resourceGroupName: isText(props.resourceGroupName) ? props.resourceGroupName : vault?.resourceGroupName,
        stopped: props.properties?.protectionState === "ProtectionStopped",
    };
}

export interface VaultView {
    resource: ResourceLike;
    name?: string;
    resourceGroupName?: string;
    location?: string;
}

export function vaultView(vault: ResourceLike): VaultView {
    return { resource: vault, ...placement(vault.props, "vaultName", ARM_TYPES.vault) };
}
