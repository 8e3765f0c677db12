/** ARM ids a user passes, read with the rulebook's parser; one that is not of the type is the setting's error. */
import { parseResourceId as parse, parseScopeId, ResourceIdParts, resourceIdForm, ScopeParts } from "../policy/rulebook/armIds";
import { ARM_TYPES } from "../policy/rulebook/azureTypes";
import { VmReference } from "../policy/rulebook/backup";
import { invalid } from "../policy/rulebook/errors";

/** The parts of an id of the type path (`Microsoft.Network/virtualNetworks/subnets`), or an error naming the setting. */
export function parseResourceId(setting: string, id: string, typePath: string): ResourceIdParts {
    return parse(id, typePath) ?? invalid(setting, `an ARM id of the form ${resourceIdForm(typePath)}`, id);
}

/** Reads the resource group and VM name from a VM's ARM id. */
export function parseVmId(setting: string, id: string): VmReference {
    const { resourceGroupName, names } = parseResourceId(setting, id, ARM_TYPES.virtualMachine);
    return { resourceGroupName, vmName: names[0] };
}

/** A subscription or one of its resource groups, as an assignment's scope; an error naming the setting otherwise. */
export function parseScope(setting: string, id: string): ScopeParts {
    return parseScopeId(id) ?? invalid(setting, "a subscription id /subscriptions/<guid> or a resource group id /subscriptions/<guid>/resourceGroups/<group>", id);
}

/** A component as errors name it: its type and Pulumi name, `BackupVault "backup"`. */
export function componentLabel(type: string, name: string): string {
    return `${type} "${name}"`;
}

/**
 * A VM argument as errors name it, on one line: the argument, the VM's name (read from its id,
 * malformed or not, where the id shows one, or the name given when the id is not known yet) and the
 * component that took it:
 * `virtualMachineIds[3] (vm app-vm-4) of BackupVault "backup"`.
 */
export function vmArgument(argument: string, idOrName: unknown, component: string): string {
    const text = typeof idOrName === "string" ? idOrName : "";
    // The name after `/virtualMachines/`, also in a malformed id or a child's (`…/virtualMachines/web-1/extensions/x`).
    const name = text.includes("/") ? /\/virtualMachines\/([^/]+)(?:\/|$)/i.exec(text)?.[1] : text;
    return `${argument}${name ? ` (vm ${name})` : ""} of ${component}`;
}
