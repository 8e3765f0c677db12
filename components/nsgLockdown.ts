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
    noEgressRules,
    SecurityRuleSpec,
    windowsActivationRule,
} from "../lib/lockdownRules";
import { prefixRulesFromFile } from "../lib/serviceTagPrefixes";
import { checkClientAddressPrefixes, checkProxyEndpoint, cidr, ip } from "../lib/validation/addresses";
import { checkConnectivity } from "../lib/validation/connectivity";
import { wholeNumber } from "../lib/validation/numbers";
import { isPlain, whenAllKnown, whenKnown } from "../lib/inputs";
import { argumentNames } from "../lib/arguments";
import { DEFAULTS } from "../lib/defaults";
import { NSG_LIMITS } from "../policy/rulebook/nsg";
import { normalizeRegion } from "../policy/rulebook/regions";
import { checkedTags } from "../lib/vaultSettings";

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
export const NSG_LOCKDOWN_ARGUMENTS = argumentNames<NsgLockdownArgs>()([
    "resourceGroupName", "location", "networkSecurityGroupName", "existingNetworkSecurityGroupId", "existingSubnetId", "connectivity", "proxyIp", "proxyPort",
    "clientAddressPrefixes", "ipRangesFile", "allowWindowsActivation", "sshSourceCidr", "priorityBase", "outboundOnly", "backendIps", "proxyBackendAddresses",
    "tags", "keepTypeAliases",
]);

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

        const tags = checkedTags(args.tags);
        const backendIps = renamedArgument(args, "proxyBackendAddresses", "backendIps", this);
        const layout = checkLayout(args);
        const rules = whenAllKnown<[string | undefined, number | undefined, string[], string | undefined, string | undefined, string[] | undefined], SecurityRuleSpec[]>(
            [args.proxyIp, args.proxyPort, args.clientAddressPrefixes as pulumi.Input<string[]>, args.sshSourceCidr, args.location, backendIps],
            ([proxyIp, proxyPort, clientAddressPrefixes, sshSourceCidr, location, backendIps]) =>
                layout(rulesFor({ ...args, proxyIp, proxyPort, clientAddressPrefixes, sshSourceCidr, location, backendIps })),
        );

        const existing = existingNsgId(args, { parent: this });
        if (existing) {
            if (pulumi.Output.isInstance(args.existingNetworkSecurityGroupId)) {
                pulumi.log.warn(
                    "existingNetworkSecurityGroupId is an Output: if it is an NSG of this stack that declares securityRules inline, each pulumi up removes these rules and the next adds them back; declare that NSG without inline rules (see README, rules it does not own)",
                    this,
                );
            }
            // Azure takes one change to an NSG at a time: each rule waits for the one before. The
            // rules' names must be known now (they name the resources): Outputs give the values.
            ruleNamesOf({ ...args, backendIps }, layout).reduce<network.SecurityRule | undefined>(
                (previous, ruleName) => this.addRule(name, existing, ruleName, whenKnown(rules, (known) => known.find((rule) => rule.name === ruleName) as SecurityRuleSpec), previous),
                undefined,
            );
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

    private addRule(
        name: string,
        nsgId: pulumi.Output<string>,
        securityRuleName: string,
        rule: SecurityRuleSpec | pulumi.Output<SecurityRuleSpec>,
        after: pulumi.Resource | undefined,
    ): network.SecurityRule {
        const nsg = nsgId.apply((id) => parseResourceId("networkSecurityGroupId", id, ARM_TYPES.networkSecurityGroup));
        const fields = (spec: SecurityRuleSpec) => {
            const { name: _, ...rest } = spec;
            return rest;
        };
        return new network.SecurityRule(
            `${name}-${securityRuleName}`,
            {
                resourceGroupName: nsg.resourceGroupName,
                networkSecurityGroupName: nsg.names[0],
                securityRuleName,
                ...(pulumi.Output.isInstance(rule) ? ruleFieldsOf(rule) : fields(rule)),
            },
            { parent: this, dependsOn: after ? [after] : [] },
        );
    }
}

/** The arguments the rules are made of, resolved. */
interface ResolvedArgs extends Omit<NsgLockdownArgs, "proxyIp" | "proxyPort" | "clientAddressPrefixes" | "sshSourceCidr" | "location" | "backendIps" | "proxyBackendAddresses"> {
    proxyIp?: string;
    proxyPort?: number;
    clientAddressPrefixes: string[];
    sshSourceCidr?: string;
    location?: string;
    backendIps?: string[];
}

/** An argument under its new name, or its old one with a deprecation warning; both is an error naming both. */
function renamedArgument<K extends keyof NsgLockdownArgs>(args: NsgLockdownArgs, old: K, name: K, resource: pulumi.Resource): NsgLockdownArgs[K] {
    if (args[old] === undefined) {
        return args[name];
    }
    if (args[name] !== undefined) {
        throw new InvalidSettingError(`${old} and ${name}`, `${old} is the deprecated name of ${name}: set ${name} only`);
    }
    pulumi.log.warn(`NsgLockdown: ${old} is deprecated; set ${name} instead`, resource);
    return args[old];
}

/** The rules of the chosen connectivity, from checked arguments. */
function rulesFor(args: ResolvedArgs): SecurityRuleSpec[] {
    checkClientAddressPrefixes("clientAddressPrefixes", args.clientAddressPrefixes);
    const windows = args.allowWindowsActivation ? [windowsActivationRule(args.clientAddressPrefixes)] : [];
    return [...connectivityRules(args), ...windows];
}

function connectivityRules(args: ResolvedArgs): SecurityRuleSpec[] {
    const connectivity = checkConnectivity("connectivity", args.connectivity ?? "proxy");
    if (connectivity === "none") {
        return noEgressRules();
    }
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
        backendIps: args.backendIps?.map((address, i) => (ip(`backendIps[${i}]`, address), address)),
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

/** Where the rules go in the NSG: `priorityBase` shifts the allow rules, `outboundOnly` keeps the outbound ones. */
function checkLayout(args: NsgLockdownArgs): (rules: SecurityRuleSpec[]) => SecurityRuleSpec[] {
    const base = wholeNumber("priorityBase", args.priorityBase ?? NSG_LIMITS.lowestPriority, {
        min: NSG_LIMITS.lowestPriority,
        max: DENY_PRIORITY_FLOOR - 1 - ALLOW_RULES_SPAN,
        reason: `the allow rules take priorityBase to priorityBase+${ALLOW_RULES_SPAN}, above the denies at ${DENY_PRIORITY_FLOOR} and ${NSG_LIMITS.highestPriority}`,
    });
    return (rules) =>
        rules
            .filter((rule) => !args.outboundOnly || rule.direction === "Outbound")
            .map((rule) => (rule.priority < DENY_PRIORITY_FLOOR ? { ...rule, priority: rule.priority - NSG_LIMITS.lowestPriority + base } : rule));
}

/** The allow rules' priorities run from 100 to 300 (lib/lockdownRules.ts); the denies from 4000. */
const ALLOW_RULES_SPAN = 200;
const DENY_PRIORITY_FLOOR = 4000;

/**
 * The names of the rules, known before their values: the rules' set depends on which arguments
 * are given, not on their values (but for the region, which names the storage rule, and so must
 * be plain with `serviceTags`).
 */
function ruleNamesOf(args: Omit<NsgLockdownArgs, "proxyBackendAddresses">, layout: (rules: SecurityRuleSpec[]) => SecurityRuleSpec[]): string[] {
    if (args.location !== undefined && !isPlain(args.location) && (args.connectivity ?? "proxy") === "serviceTags") {
        throw new InvalidSettingError("location", 'must be a plain string with connectivity "serviceTags" and an existing NSG: it names the storage rule');
    }
    const placeholder = (value: unknown, example: unknown) => (value === undefined ? undefined : isPlain(value as pulumi.Input<unknown>) ? value : example);
    const shape: ResolvedArgs = {
        ...args,
        proxyIp: placeholder(args.proxyIp, "10.0.0.4") as string | undefined,
        proxyPort: placeholder(args.proxyPort, DEFAULTS.proxyPort) as number | undefined,
        clientAddressPrefixes: isPlain(args.clientAddressPrefixes) && (args.clientAddressPrefixes as unknown[]).every((prefix) => isPlain(prefix as pulumi.Input<string>)) ? (args.clientAddressPrefixes as string[]) : ["10.0.0.0/16"],
        sshSourceCidr: placeholder(args.sshSourceCidr, "10.0.0.0/24") as string | undefined,
        location: args.location as string | undefined,
        backendIps: placeholder(args.backendIps, ["10.0.0.6", "10.0.0.7"]) as string[] | undefined,
    };
    return layout(rulesFor(shape)).map((rule) => rule.name);
}

/** A rule's fields as resource inputs, from a rule that is an Output. */
function ruleFieldsOf(rule: pulumi.Output<SecurityRuleSpec>): Omit<network.SecurityRuleArgs, "resourceGroupName" | "networkSecurityGroupName" | "securityRuleName"> {
    return {
        description: rule.description,
        priority: rule.priority,
        direction: rule.direction,
        access: rule.access,
        protocol: rule.protocol,
        sourceAddressPrefix: rule.sourceAddressPrefix,
        sourceAddressPrefixes: rule.sourceAddressPrefixes,
        sourcePortRange: rule.sourcePortRange,
        destinationAddressPrefix: rule.destinationAddressPrefix,
        destinationAddressPrefixes: rule.destinationAddressPrefixes,
        destinationPortRange: rule.destinationPortRange,
        destinationPortRanges: rule.destinationPortRanges,
    };
}
