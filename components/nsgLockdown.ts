import * as pulumi from "@pulumi/pulumi";
import { CommonArgs } from "./sharedArgs";
import * as network from "@pulumi/azure-native/network";
import { withoutTypeAliases } from "../lib/aliases";
import { parseResourceId } from "../lib/armIds";
import { ARM_TYPES } from "../policy/rulebook/azureTypes";
import { invalid, InvalidSettingError } from "../policy/rulebook/errors";
import {
    ALLOW_AZURE_PLATFORM_RULE,
    allowListRules,
    backupServiceDestinations,
    DENY_INTERNET_OUTBOUND_RULE,
    lockdownRules,
    SecurityRuleSpec,
    windowsActivationRule,
} from "../lib/lockdownRules";
import { prefixRulesFromFile } from "../lib/serviceTagPrefixes";
import { checkClientAddressPrefixes, checkProxyEndpoint, cidr, ip } from "../lib/validation/addresses";
import { checkConnectivity } from "../lib/validation/connectivity";
import { normalizeRegion } from "../policy/rulebook/regions";
import { checkedTags } from "../lib/vaultSettings";

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
    /**
     * The proxies' own addresses when several stand behind a load balancer whose frontend is
     * `proxyIp` (a `BackupProxy` with `count` 2 or more: its `backendIps`): the inbound rules name
     * them and admit the balancer's health probes. @default none: one proxy at `proxyIp`
     */
    proxyBackendAddresses?: string[];
}

/**
 * The NSG of the source document, `NSG-lockdown`: its `allow-proxy` rule as written, plus what
 * makes the proxy topology work: the wire server, clients to the proxy port, no other Internet
 * egress, and the proxy port closed to everyone but the clients. It creates the NSG (attach it
 * to the app and proxy subnets through `networkSecurityGroupId`), or adds the same rules to an
 * NSG that exists already, named directly or as the one on an existing subnet.
 */
export class NsgLockdown extends pulumi.ComponentResource {
    public readonly networkSecurityGroupId: pulumi.Output<string>;

    constructor(name: string, args: NsgLockdownArgs, opts?: pulumi.ComponentResourceOptions) {
        super("backup-ready:index:NsgLockdown", name, {}, withoutTypeAliases(opts, args.keepTypeAliases));

        checkClientAddressPrefixes("clientAddressPrefixes", args.clientAddressPrefixes);
        const tags = checkedTags(args.tags);
        const rules = [
            ...rulesFor(args),
            ...(args.allowWindowsActivation ? [windowsActivationRule(args.clientAddressPrefixes)] : []),
        ];

        const existing = existingNsgId(args, { parent: this });
        if (existing) {
            // Azure takes one change to an NSG at a time: each rule waits for the one before.
            rules.reduce<network.SecurityRule | undefined>((previous, rule) => this.addRule(name, existing, rule, previous), undefined);
            this.networkSecurityGroupId = existing;
        } else {
            if (args.resourceGroupName === undefined || args.location === undefined) {
                throw new InvalidSettingError(
                    "resourceGroupName and location",
                    "must be set to create the NSG; to add the rules to an NSG that exists, give existingNetworkSecurityGroupId or existingSubnetId",
                );
            }
            const nsg = new network.NetworkSecurityGroup(
                `${name}-nsg`,
                {
                    resourceGroupName: args.resourceGroupName,
                    location: args.location,
                    networkSecurityGroupName: args.networkSecurityGroupName ?? "NSG-lockdown",
                    securityRules: rules,
                    tags,
                },
                { parent: this },
            );
            this.networkSecurityGroupId = nsg.id;
        }
        this.registerOutputs({ networkSecurityGroupId: this.networkSecurityGroupId });
    }

    private addRule(name: string, nsgId: pulumi.Output<string>, rule: SecurityRuleSpec, after: pulumi.Resource | undefined): network.SecurityRule {
        const nsg = nsgId.apply((id) => parseResourceId("networkSecurityGroupId", id, ARM_TYPES.networkSecurityGroup));
        const { name: securityRuleName, ...fields } = rule;
        return new network.SecurityRule(
            `${name}-${securityRuleName}`,
            {
                resourceGroupName: nsg.resourceGroupName,
                networkSecurityGroupName: nsg.names[0],
                securityRuleName,
                ...fields,
            },
            { parent: this, dependsOn: after ? [after] : [] },
        );
    }
}

/** The rules of the chosen connectivity, from checked arguments. */
function rulesFor(args: NsgLockdownArgs): SecurityRuleSpec[] {
    const connectivity = checkConnectivity("connectivity", args.connectivity ?? "proxy");
    if (connectivity === "serviceTags") {
        if (args.location === undefined) {
            throw new InvalidSettingError("location", 'must be set with connectivity "serviceTags": it names the Storage.<region> service tag');
        }
        const region = normalizeRegion(args.location);
        const layout = args.ipRangesFile === undefined ? undefined : prefixRulesFromFile(args.ipRangesFile, region, [ALLOW_AZURE_PLATFORM_RULE, DENY_INTERNET_OUTBOUND_RULE]);
        const destinations = backupServiceDestinations(region).map((destination) => ({
            ...destination,
            addressPrefixes: layout?.rules.find((rule) => rule.service === destination.service)?.destinationAddressPrefixes,
        }));
        return allowListRules({ clientAddressPrefixes: args.clientAddressPrefixes, destinations });
    }
    if (args.proxyIp === undefined) {
        throw new InvalidSettingError("proxyIp", 'must be set with connectivity "proxy": it is the only address allowed out');
    }
    if (args.sshSourceCidr !== undefined) {
        cidr("sshSourceCidr", args.sshSourceCidr);
    }
    return lockdownRules({
        ...checkProxyEndpoint(args.proxyIp, args.proxyPort),
        clientAddressPrefixes: args.clientAddressPrefixes,
        sshSourceCidr: args.sshSourceCidr,
        proxyBackendAddresses: args.proxyBackendAddresses?.map((address) => (ip("proxyBackendAddresses", address), address)),
    });
}

/** The NSG to add the rules to when one exists already: given directly, or attached to the given subnet. */
function existingNsgId(args: NsgLockdownArgs, opts: pulumi.InvokeOutputOptions): pulumi.Output<string> | undefined {
    if (args.existingNetworkSecurityGroupId !== undefined && args.existingSubnetId !== undefined) {
        invalid("existingNetworkSecurityGroupId and existingSubnetId", "one or the other, not both", "both");
    }
    if (typeof args.existingNetworkSecurityGroupId === "string") {
        parseResourceId("existingNetworkSecurityGroupId", args.existingNetworkSecurityGroupId, ARM_TYPES.networkSecurityGroup);
    }
    if (typeof args.existingSubnetId === "string") {
        parseResourceId("existingSubnetId", args.existingSubnetId, ARM_TYPES.subnet);
    }
    if (args.existingNetworkSecurityGroupId !== undefined) {
        return pulumi.output(args.existingNetworkSecurityGroupId).apply((id) => {
            parseResourceId("existingNetworkSecurityGroupId", id, ARM_TYPES.networkSecurityGroup);
            return id;
        });
    }
    if (args.existingSubnetId === undefined) {
        return undefined;
    }
    return pulumi.output(args.existingSubnetId).apply((subnetId) => {
        const subnet = parseResourceId("existingSubnetId", subnetId, ARM_TYPES.subnet);
        return network
            .getSubnetOutput({ resourceGroupName: subnet.resourceGroupName, virtualNetworkName: subnet.names[0], subnetName: subnet.names[1] }, opts)
            .apply((found) => {
                if (!found.networkSecurityGroup?.id) {
                    throw new InvalidSettingError(
                        "existingSubnetId",
                        `the subnet ${subnetId} has no NSG: leave existingSubnetId unset to create NSG-lockdown, then attach it to the subnet`,
                    );
                }
                return found.networkSecurityGroup.id;
            });
    });
}
