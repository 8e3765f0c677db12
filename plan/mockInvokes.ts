/**
 * Answers for the provider functions (invokes) the components call to read existing resources.
 * Offline nothing exists, so they describe a plausible resource in the stack's region.
 */
import { mockArmId } from "./armIds";

export function mockInvoke(token: string, inputs: Record<string, any>, location: string): Record<string, unknown> {
    switch (token) {
        case "azure-native:compute:getVirtualMachine":
            return {
                id: mockArmId("azure-native:compute:VirtualMachine", inputs.vmName, inputs),
                name: inputs.vmName,
                location,
                osProfile: { linuxConfiguration: { provisionVMAgent: true } },
            };
        case "azure-native:network:getSubnet": {
            const nsgName = `${inputs.subnetName}-nsg`;
            return {
                id: mockArmId("azure-native:network:Subnet", inputs.subnetName, inputs),
                name: inputs.subnetName,
                networkSecurityGroup: {
                    id: mockArmId("azure-native:network:NetworkSecurityGroup", nsgName, { ...inputs, networkSecurityGroupName: nsgName }),
                },
            };
        }
        default:
            return inputs;
    }
}
