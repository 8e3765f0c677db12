"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseResourceId = parseResourceId;
exports.parseVmId = parseVmId;
exports.parseScope = parseScope;
exports.componentLabel = componentLabel;
exports.vmArgument = vmArgument;
/** ARM ids a user passes, read with the rulebook's parser; one that is not of the type is the setting's error. */
const armIds_1 = require("../policy/rulebook/armIds");
const azureTypes_1 = require("../policy/rulebook/azureTypes");
const errors_1 = require("../policy/rulebook/errors");
/** The parts of an id of the type path (`Microsoft.Network/virtualNetworks/subnets`), or an error naming the setting. */
function parseResourceId(setting, id, typePath) {
    return (0, armIds_1.parseResourceId)(id, typePath) ?? (0, errors_1.invalid)(setting, `an ARM id of the form ${(0, armIds_1.resourceIdForm)(typePath)}`, id);
}
/** Reads the resource group and VM name from a VM's ARM id. */
function parseVmId(setting, id) {
    const { resourceGroupName, names } = parseResourceId(setting, id, azureTypes_1.ARM_TYPES.virtualMachine);
    return { resourceGroupName, vmName: names[0] };
}
/** A subscription or one of its resource groups, as an assignment's scope; an error naming the setting otherwise. */
function parseScope(setting, id) {
    return (0, armIds_1.parseScopeId)(id) ?? (0, errors_1.invalid)(setting, "a subscription id /subscriptions/<guid> or a resource group id /subscriptions/<guid>/resourceGroups/<group>", id);
}
/** A component as errors name it: its type and Pulumi name, `BackupVault "backup"`. */
function componentLabel(type, name) {
    return `${type} "${name}"`;
}
/**
 * A VM argument as errors name it, on one line: the argument, the VM's name (read from its id,
 * malformed or not, where the id shows one, or the name given when the id is not known yet) and the
 * component that took it:
 * `virtualMachineIds[3] (vm app-vm-4) of BackupVault "backup"`.
 */
function vmArgument(argument, idOrName, component) {
    const text = typeof idOrName === "string" ? idOrName : "";
    // The name after `/virtualMachines/`, also in a malformed id or a child's (`…/virtualMachines/web-1/extensions/x`).
    const name = text.includes("/") ? /\/virtualMachines\/([^/]+)(?:\/|$)/i.exec(text)?.[1] : text;
    return `${argument}${name ? ` (vm ${name})` : ""} of ${component}`;
}
