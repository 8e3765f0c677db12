/** The existing-stack example (examples/01-existing-stack) and the settings of a user's stack for it. */
import * as path from "path";
import { PROJECT_DIR } from "./plan";
import { ED25519_KEY } from "./sshKeys";

export const EXISTING_STACK_DIR = path.join(PROJECT_DIR, "examples", "01-existing-stack");
const SUBSCRIPTION = "/subscriptions/11111111-2222-3333-4444-555555555555";
export const VM_IDS = ["erp-01", "erp-02"].map((vm) => `${SUBSCRIPTION}/resourceGroups/legacy-apps/providers/Microsoft.Compute/virtualMachines/${vm}`);
const NETWORK = `${SUBSCRIPTION}/resourceGroups/network/providers/Microsoft.Network/virtualNetworks/corp-vnet`;

/** Existing VMs in two subnets of an existing VNet, as `pulumi config set` would hold them. */
export const EXISTING_STACK_CONFIG: Record<string, string> = {
    linuxVmIds: JSON.stringify(VM_IDS),
    appSubnetId: `${NETWORK}/subnets/apps`,
    proxySubnetId: `${NETWORK}/subnets/proxy`,
    proxySubnetPrefix: "10.50.0.0/24",
    proxyIp: "10.50.0.5",
    vnetAddressSpace: "10.50.0.0/16",
    vaultResourceGroupName: "backup",
    sshPublicKey: ED25519_KEY,
    alertEmails: '["ops@example.com"]',
};
