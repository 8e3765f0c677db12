import { VmReference } from "./backup";
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
export declare function isText(value: unknown): value is string;
/** Equal as Azure compares names: ignoring case. */
export declare function sameName(a: string | undefined, b: string | undefined): boolean;
/** The value when it is an array, otherwise none. */
export declare function list<T>(value: T[] | undefined): T[];
/** The component types a resource sits under, outermost first, from its URN (`...::A$B$azure-native:compute:VirtualMachine::name`). */
export declare function ancestorTypes(urn: string): string[];
interface OsConfiguration {
    provisionVMAgent?: boolean;
}
export interface Disk {
    vhd?: {
        uri?: string;
    };
}
export interface VmProps {
    id?: string;
    vmName?: string;
    name?: string;
    location?: string;
    resourceGroupName?: string;
    hardwareProfile?: {
        vmSize?: string;
    };
    osProfile?: {
        adminUsername?: string;
        linuxConfiguration?: OsConfiguration;
        windowsConfiguration?: OsConfiguration;
        customData?: string;
    };
    storageProfile?: {
        imageReference?: Partial<ImageReference>;
        osDisk?: Disk;
        dataDisks?: Disk[];
    };
    networkProfile?: {
        networkInterfaces?: Array<{
            id?: string;
            primary?: boolean;
        }>;
    };
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
export declare function vmView(vm: ResourceLike): VmView;
/** How a VM is named in messages: its Azure name, or its Pulumi name when that is not known. */
export declare function vmLabel(vm: VmView): string;
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
export declare function protectedItemView(item: ResourceLike): ProtectedItemView;
export interface VaultView {
    resource: ResourceLike;
    name?: string;
    resourceGroupName?: string;
    location?: string;
}
export declare function vaultView(vault: ResourceLike): VaultView;
export {};
