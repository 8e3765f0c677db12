"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NON_INTERNET_PREFIXES = exports.DEFAULT_RULES = exports.NSG_LIMITS = void 0;
exports.rulePrefixProblem = rulePrefixProblem;
exports.addressBlock = addressBlock;
exports.isInternetAddress = isInternetAddress;
exports.prefixContains = prefixContains;
exports.reachesInternet = reachesInternet;
exports.isVnetPrefix = isVnetPrefix;
exports.prefixCoversTag = prefixCoversTag;
exports.destinationsCoverTag = destinationsCoverTag;
exports.portRangeContains = portRangeContains;
exports.ruleSources = ruleSources;
exports.ruleDestinations = ruleDestinations;
exports.rulePorts = rulePorts;
exports.ruleProblems = ruleProblems;
exports.ruleMatches = ruleMatches;
exports.decidingRule = decidingRule;
exports.isDefaultRule = isDefaultRule;
exports.evaluateFlow = evaluateFlow;
/**
 * Network security groups the way Azure evaluates them: what a rule's address prefix means
 * (service tags, `*`, CIDRs), which addresses are the Internet, Azure's default rules, and the
 * flow evaluation (the rules of one direction in priority order, the first match decides, the
 * default rules last). Used alike by the readiness report, the policy pack and validation.
 */
const cidr_1 = require("./cidr");
const platform_1 = require("./platform");
/**
 * Azure's limits for one NSG, VERIFIED 2026-12: "NSG rules per NSG |1,000", "IP addresses and
 * ranges specified for source or destination in a security group (The limit applies separately
 * to source and destination) |4,000" (MicrosoftDocs/azure-docs includes/azure-virtual-network-limits.md,
 * "Networking limits - Azure Resource Manager"); a rule's "Priority | A number between 100 and
 * 4096" (learn.microsoft.com/azure/virtual-network/network-security-groups-overview#security-rules).
 */
exports.NSG_LIMITS = {
    /** Security rules per NSG. */
    rules: 1000,
    /** IP addresses and ranges per NSG, counted separately for sources and destinations; service tags do not count. */
    addressPrefixes: 4000,
    /** The priorities a user's rule may take; Azure's default rules sit above, at 65000-65500. */
    lowestPriority: 100,
    highestPriority: 4096,
};
/**
 * Azure's default rules, below every rule a user can write.
 * https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#default-security-rules
 */
exports.DEFAULT_RULES = [
    { name: "AllowVnetInBound", priority: 65000, direction: "Inbound", access: "Allow", protocol: "*", sourceAddressPrefix: "VirtualNetwork", destinationAddressPrefix: "VirtualNetwork", destinationPortRange: "*" },
    { name: "AllowAzureLoadBalancerInBound", priority: 65001, direction: "Inbound", access: "Allow", protocol: "*", sourceAddressPrefix: "AzureLoadBalancer", destinationAddressPrefix: "*", destinationPortRange: "*" },
    { name: "DenyAllInBound", priority: 65500, direction: "Inbound", access: "Deny", protocol: "*", sourceAddressPrefix: "*", destinationAddressPrefix: "*", destinationPortRange: "*" },
    { name: "AllowVnetOutBound", priority: 65000, direction: "Outbound", access: "Allow", protocol: "*", sourceAddressPrefix: "VirtualNetwork", destinationAddressPrefix: "VirtualNetwork", destinationPortRange: "*" },
    { name: "AllowInternetOutBound", priority: 65001, direction: "Outbound", access: "Allow", protocol: "*", sourceAddressPrefix: "*", destinationAddressPrefix: "Internet", destinationPortRange: "*" },
    { name: "DenyAllOutBound", priority: 65500, direction: "Outbound", access: "Deny", protocol: "*", sourceAddressPrefix: "*", destinationAddressPrefix: "*", destinationPortRange: "*" },
];
// ---- What a prefix means ----
/**
 * Address space that is never the Internet: private (RFC 1918), shared (RFC 6598), link-local,
 * loopback and the platform's wire server. Azure's `Internet` tag is "the IP address space
 * that's outside the virtual network and reachable by the public internet"
 * (https://learn.microsoft.com/azure/virtual-network/service-tags-overview#available-service-tags);
 * its expansion in a NIC's effective security rules starts 1.0.0.0/8, 2.0.0.0/7, 4.0.0.0/6,
 * 8.0.0.0/7, 11.0.0.0/8 (10.0.0.0/8 left out), and Network Watcher's quickstart shows a flow to
 * the private 172.31.0.100 outside the VNet denied by DenyAllOutBound, not allowed by
 * AllowInternetOutBound. Azure's system routes drop private and shared space (next hop "None"
 * for 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 and 100.64.0.0/10,
 * https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#default).
 */
exports.NON_INTERNET_PREFIXES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16", "127.0.0.0/8", `${platform_1.AZURE_PLATFORM_ADDRESS}/32`];
const NON_INTERNET_BLOCKS = exports.NON_INTERNET_PREFIXES.map((prefix) => (0, cidr_1.parseCidr)(prefix));
/** Tags and wildcards that stand for every address. */
const EVERYWHERE = ["*", "any", "0.0.0.0/0"];
/** A service tag: `AzureBackup`, `Storage.WestEurope`, `VirtualNetwork`. */
const SERVICE_TAG = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)?$/;
/** An address or CIDR in dotted form, whatever its host bits. */
const DOTTED_PREFIX = /^\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?$/;
/**
 * A prefix ARM refuses in a security rule, and why; undefined when it is acceptable. ARM does not
 * mask host bits: a rule with `10.0.1.7/24` is refused with HTTP 400
 * `SecurityRuleInvalidAddressPrefix` ("Security rule ... has invalid Address prefix. Value
 * provided: 10.0.1.7/24"; Azure/azure-powershell#4557; Azure's own Kubernetes cloud provider
 * checks the same before calling ARM, kubernetes-sigs/cloud-provider-azure#5599). Such a rule
 * never exists in Azure, so it neither allows nor denies anything.
 */
function rulePrefixProblem(prefix) {
    if (!DOTTED_PREFIX.test(prefix)) {
        return undefined;
    }
    const [address, length = "32"] = prefix.split("/");
    const ip = (0, cidr_1.parseIp)(address);
    const prefixLength = Number(length);
    if (ip === undefined || prefixLength > 32) {
        return `${prefix} is not an IPv4 address or CIDR`;
    }
    const network = ip - (ip % (0, cidr_1.blockSize)(prefixLength));
    return network === ip ? undefined : `${prefix} has host bits set, which Azure refuses (SecurityRuleInvalidAddressPrefix): write ${formatNetwork(network, prefixLength)}`;
}
function formatNetwork(network, prefixLength) {
    return `${[24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256).join(".")}/${prefixLength}`;
}
/** An IPv4 CIDR, or an address as its /32, as a rule writes it; undefined for tags, IPv6 and prefixes Azure refuses. */
function addressBlock(prefix) {
    return (0, cidr_1.parseCidr)(prefix.includes("/") ? prefix : `${prefix}/32`);
}
function inAny(blocks, ip) {
    return blocks.some((block) => (0, cidr_1.containsIp)(block, ip));
}
/** Whether an address is the Internet to an NSG: outside the virtual network and outside {@link NON_INTERNET_PREFIXES}. */
function isInternetAddress(address, vnetPrefixes) {
    const ip = (0, cidr_1.parseIp)(address);
    return ip !== undefined && !inAny(vnetBlocks(vnetPrefixes), ip) && !inAny(NON_INTERNET_BLOCKS, ip);
}
function vnetBlocks(vnetPrefixes) {
    return vnetPrefixes.map(addressBlock).filter((block) => block !== undefined);
}
/** Whether an address belongs to a rule's prefix: `*`, a tag Azure defines by address, a CIDR or an address. */
function prefixContains(prefix, address, vnetPrefixes) {
    const ip = (0, cidr_1.parseIp)(address);
    switch (prefix.toLowerCase()) {
        case "*":
        case "any":
            return true;
        case "virtualnetwork":
            return ip !== undefined && inAny(vnetBlocks(vnetPrefixes), ip);
        case "azureloadbalancer":
            return address === platform_1.AZURE_PLATFORM_ADDRESS;
        case "internet":
            return isInternetAddress(address, vnetPrefixes);
    }
    const block = addressBlock(prefix);
    return ip !== undefined && block !== undefined && (0, cidr_1.containsIp)(block, ip);
}
/**
 * Whether a destination prefix reaches the Internet: `Internet`, `*`, or a CIDR not wholly
 * inside the virtual network or {@link NON_INTERNET_PREFIXES}. Service tags name Azure's own
 * services, which are not the open Internet; a prefix Azure refuses reaches nothing.
 */
function reachesInternet(prefix, vnetPrefixes) {
    const name = prefix.toLowerCase();
    if (EVERYWHERE.includes(name) || name === "internet") {
        return true;
    }
    if (rulePrefixProblem(prefix) !== undefined) {
        return false;
    }
    const block = addressBlock(prefix);
    if (block !== undefined) {
        return ![...NON_INTERNET_BLOCKS, ...vnetBlocks(vnetPrefixes)].some((range) => (0, cidr_1.containsCidr)(range, block));
    }
    if (prefix.includes(":")) {
        return !IPV6_UNIQUE_LOCAL.test(prefix);
    }
    return !SERVICE_TAG.test(prefix);
}
/** A unique local IPv6 prefix (fc00::/7): a four-digit first group starting fc or fd, and a prefix length of 7 or more. */
const IPV6_UNIQUE_LOCAL = /^f[cd][0-9a-f]{2}:[0-9a-f:]*\/(?:[7-9]|\d{2,3})$/i;
/** Whether a source prefix lies inside the virtual network: the `VirtualNetwork` tag or a CIDR inside one of its prefixes. */
function isVnetPrefix(prefix, vnetPrefixes) {
    const block = addressBlock(prefix);
    return prefix.toLowerCase() === "virtualnetwork" || (block !== undefined && vnetBlocks(vnetPrefixes).some((vnet) => (0, cidr_1.containsCidr)(vnet, block)));
}
/** Service tags compare as Azure compares names: ignoring case (and the spaces of a region written "West Europe"). */
function tagKey(tag) {
    return tag.replace(/\s+/g, "").toLowerCase();
}
/**
 * Whether one destination prefix covers every address of a service tag: `*`, `Any`, `Internet`
 * (Azure's public services are Internet addresses to an NSG), `0.0.0.0/0`, the tag itself, or
 * the tag's global form (`Storage` covers `Storage.WestEurope`, not the other way round, and
 * `Storage.NorthEurope` does not cover `Storage.WestEurope`).
 */
function prefixCoversTag(prefix, tag) {
    const [rule, wanted] = [tagKey(prefix), tagKey(tag)];
    return [...EVERYWHERE, "internet"].includes(rule) || rule === wanted || (!rule.includes(".") && wanted.startsWith(`${rule}.`));
}
/**
 * Whether a rule's destinations cover a service flow: one of them covers the tag by name, or,
 * when the tag's prefixes are known, every prefix lies inside one of the rule's literal prefixes.
 * A rule that covers only part of a tag does not decide the flow.
 */
function destinationsCoverTag(destinations, flow) {
    if (destinations.some((prefix) => prefixCoversTag(prefix, flow.destinationTag))) {
        return true;
    }
    const wanted = (flow.destinationTagPrefixes ?? []).map(addressBlock);
    const blocks = destinations.map(addressBlock).filter((block) => block !== undefined);
    return wanted.length > 0 && wanted.every((inner) => inner !== undefined && blocks.some((outer) => (0, cidr_1.containsCidr)(outer, inner)));
}
/** Whether a port range (`*`, `443`, `80-443`) holds the port. */
function portRangeContains(range, port) {
    if (range === "*") {
        return true;
    }
    const [low, high = low] = range.split("-").map(Number);
    return port >= low && port <= high;
}
/** A rule's prefixes or ranges: the list when it has one, else the single value; absent means `*`, as Azure evaluates it. */
function oneOrMany(many, one) {
    return Array.isArray(many) && many.length > 0 ? [...many] : [one ?? "*"];
}
function ruleSources(rule) {
    return oneOrMany(rule.sourceAddressPrefixes, rule.sourceAddressPrefix);
}
function ruleDestinations(rule) {
    return oneOrMany(rule.destinationAddressPrefixes, rule.destinationAddressPrefix);
}
function rulePorts(rule) {
    return oneOrMany(rule.destinationPortRanges, rule.destinationPortRange);
}
/** A priority Azure refuses for a user's rule ({@link NSG_LIMITS}); undefined when it takes it or none is given. */
function priorityProblem(priority) {
    return typeof priority === "number" && (!Number.isInteger(priority) || priority < exports.NSG_LIMITS.lowestPriority || priority > exports.NSG_LIMITS.highestPriority)
        ? `priority ${priority} is not a whole number from ${exports.NSG_LIMITS.lowestPriority} to ${exports.NSG_LIMITS.highestPriority}, the priorities Azure takes for a rule`
        : undefined;
}
/** What Azure refuses in a rule, each with the reason (its prefixes, its priority); a rule that has any is refused whole. */
function ruleProblems(rule) {
    return [priorityProblem(rule.priority), ...[...ruleSources(rule), ...ruleDestinations(rule)].map(rulePrefixProblem)].filter((problem) => problem !== undefined);
}
function ruleMatches(rule, flow, vnetPrefixes) {
    const destinations = ruleDestinations(rule);
    const toDestination = flow.destinationTag !== undefined
        ? destinationsCoverTag(destinations, flow)
        : destinations.some((prefix) => prefixContains(prefix, flow.destinationIp, vnetPrefixes));
    return (rule.direction === flow.direction &&
        (rule.protocol === "*" || rule.protocol.toLowerCase() === flow.protocol.toLowerCase()) &&
        ruleSources(rule).some((prefix) => prefixContains(prefix, flow.sourceIp, vnetPrefixes)) &&
        toDestination &&
        rulePorts(rule).some((range) => portRangeContains(range, flow.destinationPort)));
}
/**
 * The rule that decides a flow: the first, by priority, that matches it; Azure's default rules
 * come last and always decide. Rules Azure refuses ({@link ruleProblems}) do not exist there, so
 * they decide nothing here either.
 */
function decidingRule(rules, flow, vnetPrefixes) {
    const ordered = rules.filter((rule) => ruleProblems(rule).length === 0).sort((a, b) => a.priority - b.priority);
    return [...ordered, ...exports.DEFAULT_RULES].find((rule) => ruleMatches(rule, flow, vnetPrefixes));
}
/** Whether a rule is one of Azure's default rules rather than one the NSG declares. */
function isDefaultRule(rule) {
    return exports.DEFAULT_RULES.includes(rule);
}
/** The first rule, by priority, that matches the flow decides; Azure's default rules come last. */
function evaluateFlow(rules, flow, vnetPrefixes) {
    const decisive = decidingRule(rules, flow, vnetPrefixes);
    return { access: decisive.access, rule: decisive.name };
}
