/** ARM ids a user passes, read with the rulebook's parser; one that is not of the type is the setting's error. */
import { parseResourceId as parse, ResourceIdParts, resourceIdForm } from "../policy/rulebook/armIds";
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
