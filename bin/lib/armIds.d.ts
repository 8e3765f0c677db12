/** ARM ids a user passes, read with the rulebook's parser; one that is not of the type is the setting's error. */
import { ResourceIdParts, ScopeParts } from "../policy/rulebook/armIds";
import { VmReference } from "../policy/rulebook/backup";
/** The parts of an id of the type path (`Microsoft.Network/virtualNetworks/subnets`), or an error naming the setting. */
export declare function parseResourceId(setting: string, id: string, typePath: string): ResourceIdParts;
/** Reads the resource group and VM name from a VM's ARM id. */
export declare function parseVmId(setting: string, id: string): VmReference;
/** A subscription or one of its resource groups, as an assignment's scope; an error naming the setting otherwise. */
export declare function parseScope(setting: string, id: string): ScopeParts;
/** A component as errors name it: its type and Pulumi name, `BackupVault "backup"`. */
export declare function componentLabel(type: string, name: string): string;
/**
 * A VM argument as errors name it, on one line: the argument, the VM's name (read from its id,
 * malformed or not, where the id shows one, or the name given when the id is not known yet) and the
 * component that took it:
 * `virtualMachineIds[3] (vm app-vm-4) of BackupVault "backup"`.
 */
export declare function vmArgument(argument: string, idOrName: unknown, component: string): string;
