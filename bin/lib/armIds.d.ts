/** ARM ids a user passes, read with the rulebook's parser; one that is not of the type is the setting's error. */
import { ResourceIdParts } from "../policy/rulebook/armIds";
import { VmReference } from "../policy/rulebook/backup";
/** The parts of an id of the type path (`Microsoft.Network/virtualNetworks/subnets`), or an error naming the setting. */
export declare function parseResourceId(setting: string, id: string, typePath: string): ResourceIdParts;
/** Reads the resource group and VM name from a VM's ARM id. */
export declare function parseVmId(setting: string, id: string): VmReference;
