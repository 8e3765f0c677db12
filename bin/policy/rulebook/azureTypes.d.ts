/**
 * Azure's resource types, as the two names they go by: the azure-native type token a Pulumi
 * program registers (and a policy pack is shown), and the ARM type path inside resource ids.
 */
/** azure-native type tokens (`azure-native:<module>:<Type>`, the default API version's). */
export declare const AZURE_TYPES: {
    readonly resourceGroup: "azure-native:resources:ResourceGroup";
    readonly virtualNetwork: "azure-native:network:VirtualNetwork";
    readonly subnet: "azure-native:network:Subnet";
    readonly networkSecurityGroup: "azure-native:network:NetworkSecurityGroup";
    readonly securityRule: "azure-native:network:SecurityRule";
    readonly networkInterface: "azure-native:network:NetworkInterface";
    readonly publicIpAddress: "azure-native:network:PublicIPAddress";
    readonly natGateway: "azure-native:network:NatGateway";
    readonly loadBalancer: "azure-native:network:LoadBalancer";
    readonly availabilitySet: "azure-native:compute:AvailabilitySet";
    readonly virtualMachine: "azure-native:compute:VirtualMachine";
    readonly runCommand: "azure-native:compute:VirtualMachineRunCommandByVirtualMachine";
    readonly vault: "azure-native:recoveryservices:Vault";
    readonly protectionPolicy: "azure-native:recoveryservices:ProtectionPolicy";
    readonly protectedItem: "azure-native:recoveryservices:ProtectedItem";
    readonly policyAssignment: "azure-native:authorization:PolicyAssignment";
    readonly roleAssignment: "azure-native:authorization:RoleAssignment";
    readonly remediationAtResourceGroup: "azure-native:policyinsights:RemediationAtResourceGroup";
    readonly remediationAtSubscription: "azure-native:policyinsights:RemediationAtSubscription";
    readonly actionGroup: "azure-native:monitor:ActionGroup";
    readonly alertProcessingRule: "azure-native:alertsmanagement:AlertProcessingRuleByName";
    readonly diagnosticSetting: "azure-native:monitor:DiagnosticSetting";
    readonly metricAlert: "azure-native:monitor:MetricAlert";
    readonly scheduledQueryRule: "azure-native:monitor:ScheduledQueryRule";
    readonly workspace: "azure-native:operationalinsights:Workspace";
    readonly privateEndpoint: "azure-native:network:PrivateEndpoint";
    readonly privateDnsZoneGroup: "azure-native:network:PrivateDnsZoneGroup";
    readonly privateDnsZone: "azure-native:privatedns:PrivateZone";
    readonly virtualNetworkLink: "azure-native:privatedns:VirtualNetworkLink";
    readonly containerAppJob: "azure-native:app:Job";
    readonly storageAccount: "azure-native:storage:StorageAccount";
};
/** ARM type paths (`<namespace>/<type>[/<child type>]`), as resource ids spell them. */
export declare const ARM_TYPES: {
    readonly virtualMachine: "Microsoft.Compute/virtualMachines";
    readonly networkSecurityGroup: "Microsoft.Network/networkSecurityGroups";
    readonly securityRule: "Microsoft.Network/networkSecurityGroups/securityRules";
    readonly subnet: "Microsoft.Network/virtualNetworks/subnets";
    readonly virtualNetwork: "Microsoft.Network/virtualNetworks";
    readonly vault: "Microsoft.RecoveryServices/vaults";
    readonly backupPolicy: "Microsoft.RecoveryServices/vaults/backupPolicies";
    readonly protectedItem: "Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems";
    readonly workspace: "Microsoft.OperationalInsights/workspaces";
};
