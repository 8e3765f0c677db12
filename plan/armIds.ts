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
    "azure-native:compute:VirtualMachineExtension": "Microsoft.Compute/virtualMachines/{vmName}/extensions/{vmExtensionName}",
    "azure-native:monitor:ActionGroup": "Microsoft.Insights/actionGroups/{actionGroupName}",
    "azure-native:alertsmanagement:AlertProcessingRuleByName": "Microsoft.AlertsManagement/actionRules/{alertProcessingRuleName}",
    "azure-native:monitor:MetricAlert": "Microsoft.Insights/metricAlerts/{ruleName}",
    "azure-native:monitor:ScheduledQueryRule": "Microsoft.Insights/scheduledQueryRules/{ruleName}",
    "azure-native:monitor:DataCollectionRule": "Microsoft.Insights/dataCollectionRules/{dataCollectionRuleName}",
    "azure-native:operationalinsights:Workspace": "Microsoft.OperationalInsights/workspaces/{workspaceName}",
    "azure-native:network:PrivateEndpoint": "Microsoft.Network/privateEndpoints/{privateEndpointName}",
    "azure-native:network:PrivateDnsZoneGroup": "Microsoft.Network/privateEndpoints/{privateEndpointName}/privateDnsZoneGroups/{privateDnsZoneGroupName}",
    "azure-native:privatedns:PrivateZone": "Microsoft.Network/privateDnsZones/{privateZoneName}",
    "azure-native:privatedns:VirtualNetworkLink": "Microsoft.Network/privateDnsZones/{privateZoneName}/virtualNetworkLinks/{virtualNetworkLinkName}",
    "azure-native:operationalinsights:Table": "Microsoft.OperationalInsights/workspaces/{workspaceName}/tables/{tableName}",
    "azure-native:storage:StorageAccount": "Microsoft.Storage/storageAccounts/{accountName}",
    "azure-native:managedidentity:UserAssignedIdentity": "Microsoft.ManagedIdentity/userAssignedIdentities/{resourceName}",
    "azure-native:monitor:DataCollectionEndpoint": "Microsoft.Insights/dataCollectionEndpoints/{dataCollectionEndpointName}",
    "azure-native:app:ManagedEnvironment": "Microsoft.App/managedEnvironments/{environmentName}",
    "azure-native:app:Job": "Microsoft.App/jobs/{jobName}",
};

/** Extension resources: their id is their scope's (the input named here), then their own type and name. */
const EXTENSION_PATHS: Record<string, { scope: string; path: string; name: string }> = {
    "azure-native:authorization:ManagementLockByScope": { scope: "scope", path: "Microsoft.Authorization/locks", name: "lockName" },
    "azure-native:monitor:DiagnosticSetting": { scope: "resourceUri", path: "Microsoft.Insights/diagnosticSettings", name: "name" },
    "azure-native:monitor:DataCollectionRuleAssociation": { scope: "resourceUri", path: "Microsoft.Insights/dataCollectionRuleAssociations", name: "associationName" },
    "azure-native:authorization:PolicyAssignment": { scope: "scope", path: "Microsoft.Authorization/policyAssignments", name: "policyAssignmentName" },
    "azure-native:authorization:RoleAssignment": { scope: "scope", path: "Microsoft.Authorization/roleAssignments", name: "roleAssignmentName" },
    "azure-native:authorization:RoleDefinition": { scope: "scope", path: "Microsoft.Authorization/roleDefinitions", name: "roleDefinitionId" },
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
    "azure-native:authorization:ManagementLockByScope": "lockName",
    "azure-native:authorization:PolicyAssignment": "policyAssignmentName",
    "azure-native:authorization:RoleAssignment": "roleAssignmentName",
    "azure-native:policyinsights:RemediationAtResourceGroup": "remediationName",
    "azure-native:policyinsights:RemediationAtSubscription": "remediationName",
    "azure-native:compute:VirtualMachineExtension": "vmExtensionName",
    "azure-native:monitor:ActionGroup": "actionGroupName",
    "azure-native:alertsmanagement:AlertProcessingRuleByName": "alertProcessingRuleName",
    "azure-native:monitor:MetricAlert": "ruleName",
    "azure-native:monitor:ScheduledQueryRule": "ruleName",
    "azure-native:monitor:DataCollectionRule": "dataCollectionRuleName",
    "azure-native:operationalinsights:Workspace": "workspaceName",
    "azure-native:network:PrivateEndpoint": "privateEndpointName",
    "azure-native:network:PrivateDnsZoneGroup": "privateDnsZoneGroupName",
    "azure-native:privatedns:PrivateZone": "privateZoneName",
    "azure-native:privatedns:VirtualNetworkLink": "virtualNetworkLinkName",
    "azure-native:operationalinsights:Table": "tableName",
    "azure-native:storage:StorageAccount": "accountName",
    "azure-native:managedidentity:UserAssignedIdentity": "resourceName",
    "azure-native:monitor:DataCollectionEndpoint": "dataCollectionEndpointName",
    "azure-native:app:ManagedEnvironment": "environmentName",
    "azure-native:app:Job": "jobName",
    "azure-native:authorization:RoleDefinition": "roleDefinitionId",
};

/** Remediations live in a resource group or a subscription (policyinsights 2024-10-01 paths). */
function remediationScope(type: string, inputs: Record<string, unknown>): string | undefined {
    const subscription = `/subscriptions/${MOCK_SUBSCRIPTION}`;
    if (type === "azure-native:policyinsights:RemediationAtSubscription") {
        return subscription;
    }
    return type === "azure-native:policyinsights:RemediationAtResourceGroup" ? `${subscription}/resourceGroups/${String(inputs.resourceGroupName)}` : undefined;
}

/** The Azure name of a resource: its name input, or the Pulumi name (real autonaming adds a random suffix). */
export function azureName(type: string, pulumiName: string, inputs: Record<string, unknown>): string {
    const key = NAME_INPUTS[type];
    const value = key ? inputs[key] : undefined;
    return typeof value === "string" ? value : pulumiName;
}

/** A mock id in ARM's shape for the types the project creates, a plain one for anything else. */
export function mockArmId(type: string, pulumiName: string, inputs: Record<string, unknown>): string {
    const extension = EXTENSION_PATHS[type];
    if (extension) {
        return `${String(inputs[extension.scope])}/providers/${extension.path}/${String(inputs[extension.name] ?? pulumiName)}`;
    }
    const name = azureName(type, pulumiName, inputs);
    const remediation = remediationScope(type, inputs);
    if (remediation) {
        return `${remediation}/providers/Microsoft.PolicyInsights/remediations/${name}`;
    }
    const group = `/subscriptions/${MOCK_SUBSCRIPTION}/resourceGroups`;
    if (type === "azure-native:authorization:PolicyDefinition") {
        // A subscription's definition (Microsoft.Authorization 2025-01-01).
        return `/subscriptions/${MOCK_SUBSCRIPTION}/providers/Microsoft.Authorization/policyDefinitions/${String(inputs.policyDefinitionName ?? pulumiName)}`;
    }
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
