"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseResourceId = parseResourceId;
exports.parseVmId = parseVmId;
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
