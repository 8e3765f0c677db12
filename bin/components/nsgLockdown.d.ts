import * as pulumi from "@pulumi/pulumi";
import { CommonArgs } from "./sharedArgs";
export interface NsgLockdownArgs extends CommonArgs {
    /** Where to create the NSG. Not used with an existing NSG or subnet. */
    resourceGroupName?: pulumi.Input<string>;
    /** Where to create the NSG, and with `serviceTags` the region of the `Storage.<region>` tag. */
    location?: string;
    /** @default "NSG-lockdown" */
    networkSecurityGroupName?: string;
    /** Add the rules to this existing NSG instead of creating one. */
    existingNetworkSecurityGroupId?: pulumi.Input<string>;
    /** Add the rules to the NSG attached to this existing subnet instead of creating one. */
    existingSubnetId?: pulumi.Input<string>;
    /**
     * How the VMs reach Azure Storage: "proxy", through the backup proxy, the only address allowed
     * out (ports 80-443); or "serviceTags", HTTPS to the Storage, AzureBackup and
     * AzureActiveDirectory service tags. @default "proxy"
     */
    connectivity?: string;
    /** The backup proxy's private IP; required with the "proxy" connectivity. */
    proxyIp?: string;
    /** @default 3128 */
    proxyPort?: number;
    /** Address prefixes whose VMs the rules serve: the virtual network's address space. */
    clientAddressPrefixes: string[];
    /**
     * With "serviceTags": the path of Azure's service tags file (`ServiceTags_Public_*.json`); the
     * rules then name the region's literal IPv4 prefixes instead of the tags.
     */
    ipRangesFile?: string;
    /** Let Windows VMs reach Azure's KMS (port 1688) to stay activated. @default false */
    allowWindowsActivation?: boolean;
    /** Where administrators may SSH to the proxy from. No SSH from outside the network when absent. */
    sshSourceCidr?: string;
}
/**
 * The NSG of the source document, `NSG-lockdown`: its `allow-proxy` rule as written, plus what
 * makes the proxy topology work: the wire server, clients to the proxy port, no other Internet
 * egress, and the proxy port closed to everyone but the clients. It creates the NSG (attach it
 * to the app and proxy subnets through `networkSecurityGroupId`), or adds the same rules to an
 * NSG that exists already, named directly or as the one on an existing subnet.
 */
export declare class NsgLockdown extends pulumi.ComponentResource {
    readonly networkSecurityGroupId: pulumi.Output<string>;
    constructor(name: string, args: NsgLockdownArgs, opts?: pulumi.ComponentResourceOptions);
    private addRule;
}
