"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isText = isText;
exports.sameName = sameName;
exports.list = list;
exports.ancestorTypes = ancestorTypes;
exports.vmView = vmView;
exports.vmLabel = vmLabel;
exports.protectedItemView = protectedItemView;
exports.vaultView = vaultView;
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
const armIds_1 = require("./armIds");
const azureTypes_1 = require("./azureTypes");
const backup_1 = require("./backup");
function isText(value) {
    return typeof value === "string" && value !== "";
}
/** Equal as Azure compares names: ignoring case. */
function sameName(a, b) {
    return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}
/** The value when it is an array, otherwise none. */
function list(value) {
    return Array.isArray(value) ? value : [];
}
/**
 * Where a resource is, in either shape: its Azure name (the input that names it, else the
 * output `name`, else its own ARM id where the properties carry one), resource group, region.
 */
function placement(props, nameInput, typePath) {
    const id = isText(props.id) ? (0, armIds_1.parseResourceId)(props.id, typePath) : undefined;
    return {
        name: [props[nameInput], props.name, id?.names[0]].find(isText),
        resourceGroupName: [props.resourceGroupName, id?.resourceGroupName].find(isText),
        location: isText(props.location) ? props.location : undefined,
    };
}
/** The component types a resource sits under, outermost first, from its URN (`...::A$B$azure-native:compute:VirtualMachine::name`). */
function ancestorTypes(urn) {
    const types = urn.split("::")[2]?.split("$") ?? [];
    return types.slice(0, -1);
}
function vmView(vm) {
    const { name, resourceGroupName, location } = placement(vm.props, "vmName", azureTypes_1.ARM_TYPES.virtualMachine);
    return { resource: vm, azureName: name, resourceGroupName, location, props: vm.props };
}
/** How a VM is named in messages: its Azure name, or its Pulumi name when that is not known. */
function vmLabel(vm) {
    return vm.azureName !== undefined ? `VM "${vm.azureName}"` : `VM "${vm.resource.name}" (Pulumi name)`;
}
function vaultNameIn(id) {
    if (!isText(id)) {
        return undefined;
    }
    const match = /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/Microsoft\.RecoveryServices\/vaults\/([^/]+)(?:\/|$)/i.exec(id);
    return match ? { resourceGroupName: match[1], vaultName: match[2] } : undefined;
}
function protectedItemView(item) {
    const props = item.props;
    const source = isText(props.properties?.sourceResourceId) ? (0, armIds_1.parseResourceId)(props.properties.sourceResourceId, azureTypes_1.ARM_TYPES.virtualMachine) : undefined;
    const named = [props.protectedItemName, props.name].filter(isText).map(backup_1.parseProtectedItemName);
    const vault = [props.id, props.properties?.vaultId, props.properties?.policyId].map(vaultNameIn).find((found) => found !== undefined);
    return {
        resource: item,
        vms: source ? [{ resourceGroupName: source.resourceGroupName, vmName: source.names[0] }] : named.filter((ref) => ref !== undefined),
        vaultName: isText(props.vaultName) ? props.vaultName : vault?.vaultName,
        resourceGroupName: isText(props.resourceGroupName) ? props.resourceGroupName : vault?.resourceGroupName,
        stopped: props.properties?.protectionState === "ProtectionStopped",
    };
}
function vaultView(vault) {
    return { resource: vault, ...placement(vault.props, "vaultName", azureTypes_1.ARM_TYPES.vault) };
}
