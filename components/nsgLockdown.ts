import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import { lockdownRules } from "../lib/rules";
import { cidr, ip, port } from "../lib/validation";

export interface NsgLockdownArgs {
    resourceGroupName: pulumi.Input<string>;
    location: string;
    /** @default "NSG-lockdown" */
    networkSecurityGroupName?: string;
    /** The backup proxy's private IP: the only address allowed out to the Internet (ports 80-443). */
    proxyIp: string;
    /** @default 3128 */
    proxyPort?: number;
    /** Address prefixes whose VMs use the proxy: the virtual network's address space. */
    clientAddressPrefixes: string[];
    /** Where administrators may SSH to the proxy from. No SSH from outside the network when absent. */
    sshSourceAddressPrefix?: string;
}

/**
 * The NSG of the source document, `NSG-lockdown`: its `allow-proxy` rule as written, plus what
 * makes the proxy topology work: the wire server, clients to the proxy port, no other Internet
 * egress, and the proxy port closed to everyone but the clients. Attach it to the app and proxy
 * subnets through `networkSecurityGroupId`.
 */
export class NsgLockdown extends pulumi.ComponentResource {
    public readonly networkSecurityGroupId: pulumi.Output<string>;
    public readonly networkSecurityGroupName: pulumi.Output<string>;

    constructor(name: string, args: NsgLockdownArgs, opts?: pulumi.ComponentResourceOptions) {
        super("backup-ready:index:NsgLockdown", name, {}, opts);

        ip("proxyIp", args.proxyIp);
        args.clientAddressPrefixes.forEach((prefix, i) => cidr(`clientAddressPrefixes[${i}]`, prefix));
        if (args.sshSourceAddressPrefix !== undefined) {
            cidr("sshSourceAddressPrefix", args.sshSourceAddressPrefix);
        }
        const rules = lockdownRules({
            proxyIp: args.proxyIp,
            proxyPort: port("proxyPort", args.proxyPort ?? 3128),
            clientAddressPrefixes: args.clientAddressPrefixes,
            sshSourceAddressPrefix: args.sshSourceAddressPrefix,
        });

        const nsg = new network.NetworkSecurityGroup(
            `${name}-nsg`,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                networkSecurityGroupName: args.networkSecurityGroupName ?? "NSG-lockdown",
                securityRules: rules,
            },
            { parent: this },
        );

        this.networkSecurityGroupId = nsg.id;
        this.networkSecurityGroupName = nsg.name;
        this.registerOutputs({
            networkSecurityGroupId: this.networkSecurityGroupId,
            networkSecurityGroupName: this.networkSecurityGroupName,
        });
    }
}
