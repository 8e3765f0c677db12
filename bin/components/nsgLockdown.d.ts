import * as pulumi from "@pulumi/pulumi";
import { CommonArgs } from "./sharedArgs";
export interface NsgLockdownArgs extends CommonArgs {
    /** Where to create the NSG. Not used with an existing NSG or subnet. */
    resourceGroupName?: pulumi.Input<string>;
    /** Where to create the NSG, and with `serviceTags` the region of the `Storage.<region>` tag (then a plain string: it names a rule). */
    location?: pulumi.Input<string>;
    /** @default "NSG-lockdown" */
    networkSecurityGroupName?: string;
    /** Add the rules to this existing NSG instead of creating one. */
    existingNetworkSecurityGroupId?: pulumi.Input<string>;
    /** Add the rules to the NSG attached to this existing subnet instead of creating one. */
    existingSubnetId?: pulumi.Input<string>;
    /**
     * How the VMs reach Azure Storage: "proxy", through the backup proxy, the only address allowed
     * out (ports 80-443); "serviceTags", HTTPS to the Storage, AzureBackup and
     * AzureActiveDirectory service tags; or "none", no Internet at all, only the platform address
     * 168.63.129.16 (Azure VM backup needs no other). @default "proxy"
     */
    connectivity?: string;
    /** The backup proxy's private IP (a `BackupProxy`'s `privateIp`); required with the "proxy" connectivity. */
    proxyIp?: pulumi.Input<string>;
    /** @default 3128 */
    proxyPort?: pulumi.Input<number>;
    /** Address prefixes whose VMs the rules serve: the virtual network's address space. */
    clientAddressPrefixes: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * With "serviceTags": the path of Azure's service tags file (`ServiceTags_Public_*.json`); the
     * rules then name the region's literal IPv4 prefixes instead of the tags.
     */
    ipRangesFile?: string;
    /** Let Windows VMs reach Azure's KMS (port 1688) to stay activated. @default false */
    allowWindowsActivation?: boolean;
    /** Where administrators may SSH to the proxy from. No SSH from outside the network when absent. */
    sshSourceCidr?: pulumi.Input<string>;
    /**
     * The lowest priority the allow rules take: they use it and up to 200 above it, in the same
     * order, so that an existing NSG whose 100-300 are taken can hold them; the denies stay at 4000
     * and 4096, below every rule a user writes. From 100 to 3799. @default 100
     */
    priorityBase?: number;
    /**
     * Only the outbound rules: for an NSG whose subnet holds no proxy (the app VMs' own), which
     * needs none of the proxy port's inbound rules. @default false
     */
    outboundOnly?: boolean;
    /**
     * The proxies' own addresses when they stand behind a load balancer whose frontend is
     * `proxyIp` (a `BackupProxy`'s `backendIps`): the inbound rules name them and admit the
     * balancer's health probes. @default none: a proxy of your own that holds `proxyIp` itself
     */
    backendIps?: pulumi.Input<string[]>;
    /** @deprecated The old name of `backendIps`; set `backendIps` instead. */
    proxyBackendAddresses?: pulumi.Input<string[]>;
}
/** Every argument of `NsgLockdown`, once. */
export declare const NSG_LOCKDOWN_ARGUMENTS: readonly ["resourceGroupName", "location", "networkSecurityGroupName", "existingNetworkSecurityGroupId", "existingSubnetId", "connectivity", "proxyIp", "proxyPort", "clientAddressPrefixes", "ipRangesFile", "allowWindowsActivation", "sshSourceCidr", "priorityBase", "outboundOnly", "backendIps", "proxyBackendAddresses", "tags", "keepTypeAliases"];
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
