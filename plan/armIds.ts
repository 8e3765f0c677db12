/**
 * ARM ids for the offline plan's mock resources, shaped like the ids Azure returns, so that
 * the components parse and pass them exactly as in a real deployment.
 */

export const MOCK_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";

/** Per resource type: the ARM path below the resource group, with `{input}` placeholders. */
const ARM_PATHS: Record<string, string> = {
    "azure-native:network:VirtualNetwork": "Microsoft.Network/virtualNetworks/{virtualNetworkName}",
    "azure-native:network:Subnet": "Microsoft.Network/virtualNetworks/{virtualNetworkName}/subnets/{subnetName}",
    "azure-native:network:NetworkSecurityGroup": "Microsoft.Network/networkSecurityGroups/{networkSecurityGroupName}",
    "azure-native:network:SecurityRule": "Microsoft.Network/networkSecurityGroups/{networkSecurityGroupName}/securityRules/{securityRuleName}",
    "azure-native:network:PublicIPAddress": "Microsoft.Network/publicIPAddresses/{publicIpAddressName}",
    "azure-native:network:NatGateway": "Microsoft.Network/natGateways/{natGatewayName}",
    "azure-native:network:NetworkInterface": "Microsoft.Network/networkInterfaces/{networkInterfaceName}",
    "azure-native:network:LoadBalancer": "Microsoft.Network/loadBalancers/{loadBalancerName}",
    "azure-native:compute:AvailabilitySet": "Microsoft.Compute/availabilitySets/{availabilitySetName}",
    "azure-native:compute:VirtualMachine": "Microsoft.Compute/virtualMachines/{vmName}",
    "azure-native:compute:VirtualMachineRunCommandByVirtualMachine": "Microsoft.Compute/virtualMachines/{vmName}/runCommands/{runCommandName}",
    "azure-native:recoveryservices:Vault": "Microsoft.RecoveryServices/vaults/{vaultName}",
    "azure-native:recoveryservices:ProtectionPolicy": "Microsoft.RecoveryServices/vaults/{vaultName}/backupPolicies/{policyName}",
    "azure-native:recoveryservices:ProtectedItem":
        "Microsoft.RecoveryServices/vaults/{vaultName}/backupFabrics/{fabricName}/protectionContainers/{containerName}/protectedItems/{protectedItemName}",
};

/** The input that holds each type's own name; absent, azure-native names the resource after its Pulumi name. */
const NAME_INPUTS: Record<string, string> = {
    "azure-native:resources:ResourceGroup": "resourceGroupName",
    "azure-native:network:VirtualNetwork": "virtualNetworkName",
    "azure-native:network:Subnet": "subnetName",
    "azure-native:network:NetworkSecurityGroup": "networkSecurityGroupName",
    "azure-native:network:SecurityRule": "securityRuleName",
    "azure-native:network:PublicIPAddress": "publicIpAddressName",
    "azure-native:network:NatGateway": "natGatewayName",
    "azure-native:network:NetworkInterface": "networkInterfaceName",
    "azure-native:network:LoadBalancer": "loadBalancerName",
    "azure-native:compute:AvailabilitySet": "availabilitySetName",
    "azure-native:compute:VirtualMachine": "vmName",
    "azure-native:compute:VirtualMachineRunCommandByVirtualMachine": "runCommandName",
    "azure-native:recoveryservices:Vault": "vaultName",
    "azure-native:recoveryservices:ProtectionPolicy": "policyName",
    "azure-native:recoveryservices:ProtectedItem": "protectedItemName",
};

/** The Azure name of a resource: its name input, or the Pulumi name (real autonaming adds a random suffix). */
export function azureName(type: string, pulumiName: string, inputs: Record<string, unknown>): string {
    const key = NAME_INPUTS[type];
    const value = key ? inputs[key] : undefined;
    return typeof value === "string" ? value : pulumiName;
}

/** A mock id in ARM's shape for the types the project creates, a plain one for anything else. */
export function mockArmId(type: string, pulumiName: string, inputs: Record<string, unknown>): string {
    if (type === "azure-native:authorization:ManagementLockByScope") {
        // An extension resource: its id is its scope's, then the lock's name.
        return `${String(inputs.scope)}/providers/Microsoft.Authorization/locks/${String(inputs.lockName ?? pulumiName)}`;
    }
    const name = azureName(type, pulumiName, inputs);
    const group = `/subscriptions/${MOCK_SUBSCRIPTION}/resourceGroups`;
    if (type === "azure-native:resources:ResourceGroup") {
        return `${group}/${name}`;
    }
    const path = ARM_PATHS[type];
    if (!path) {
        return `${pulumiName}-id`;
    }
    const values: Record<string, unknown> = { ...inputs, [NAME_INPUTS[type]]: name };
    const filled = path.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? key));
    return `${group}/${String(inputs.resourceGroupName)}/providers/${filled}`;
}
