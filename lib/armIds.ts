/** ARM ids a user passes, read with the rulebook's parser; one that is not of the type is the setting's error. */
import { parseResourceId as parse, ResourceIdParts, resourceIdForm } from "../policy/rulebook/armIds";
import { invalid } from "../policy/rulebook/errors";

/** The parts of an id of the type path (`Microsoft.Network/virtualNetworks/subnets`), or an error naming the setting. */
export function parseResourceId(setting: string, id: string, typePath: string): ResourceIdParts {
    return parse(id, typePath) ?? invalid(setting, `an ARM id of the form ${resourceIdForm(typePath)}`, id);
}
