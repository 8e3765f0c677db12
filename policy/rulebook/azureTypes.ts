/**
 * Azure's resource types, as the two names they go by: the azure-native type token a Pulumi
 * program registers (and a policy pack is shown), and the ARM type path inside resource ids.
 */

/** azure-native type tokens (`azure-native:<module>:<Type>`, the default API version's). */
export const AZURE_TYPES = {
    resourceGroup: "azure-native:resources:ResourceGroup",
    virtualNetwork: "azure-native:network:VirtualNetwork",
    subnet: "azure-native:network:Subnet",
    networkSecurityGroup: "azure-native:network:NetworkSecurityGroup",
    securityRule: "azure-native:network:SecurityRule",
    networkInterface: "azure-native:network:NetworkInterface",
    publicIpAddress: "azure-native:network:PublicIPAddress",
    natGateway: "azure-native:network:NatGateway",
    loadBalancer: "azure-native:network:LoadBalancer",
    availabilitySet: "azure-native:compute:AvailabilitySet",
    virtualMachine: "azure-native:compute:VirtualMachine",
    runCommand: "azure-native:compute:VirtualMachineRunCommandByVirtualMachine",
    vault: "azure-native:recoveryservices:Vault",
    protectionPolicy: "azure-native:recoveryservices:ProtectionPolicy",
    protectedItem: "azure-native:recoveryservices:ProtectedItem",
    policyAssignment: "azure-native:authorization:PolicyAssignment",
    roleAssignment: "azure-native:authorization:RoleAssignment",
    remediationAtResourceGroup: "azure-native:policyinsights:RemediationAtResourceGroup",
    remediationAtSubscription: "azure-native:policyinsights:RemediationAtSubscription",
    actionGroup: "azure-native:monitor:ActionGroup",
    alertProcessingRule: "azure-native:alertsmanagement:AlertProcessingRuleByName",
    diagnosticSetting: "azure-native:monitor:DiagnosticSetting",
    metricAlert: "azure-native:monitor:MetricAlert",
    scheduledQueryRule: "azure-native:monitor:ScheduledQueryRule",
    workspace: "azure-native:operationalinsights:Workspace",
    privateEndpoint: "azure-native:network:PrivateEndpoint",
    privateDnsZoneGroup: "azure-native:network:PrivateDnsZoneGroup",
    privateDnsZone: "azure-native:privatedns:PrivateZone",
    virtualNetworkLink: "azure-native:privatedns:VirtualNetworkLink",
    containerAppJob: "azure-native:app:Job",
    storageAccount: "azure-native:storage:StorageAccount",
} as const;

/** ARM type paths (`<namespace>/<type>[/<child type>]`), as resource ids spell them. */
export const ARM_TYPES = {
    virtualMachine: "Microsoft.Compute/virtualMachines",
    networkSecurityGroup: "Microsoft.Network/networkSecurityGroups",
    securityRule: "Microsoft.Network/networkSecurityGroups/securityRules",
    subnet: "Microsoft.Network/virtualNetworks/subnets",
    virtualNetwork: "Microsoft.Network/virtualNetworks",
    vault: "Microsoft.RecoveryServices/vaults",
    backupPolicy: "Microsoft.RecoveryServices/vaults/backupPolicies",
    protectedItem: "Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems",
    workspace: "Microsoft.OperationalInsights/workspaces",
} as const;
