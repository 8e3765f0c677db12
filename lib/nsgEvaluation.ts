/**
 * Evaluates NSG security rules the way Azure does: the rules of one direction in priority order,
 * the first match decides, Azure's default rules last. Pure; used by the readiness checks and tests.
 */
import { Cidr, containsCidr, containsIp, parseCidr, parseIp } from "./cidr";

export interface NsgRule {
    name: string;
    priority: number;
    direction: "Inbound" | "Outbound";
    access: "Allow" | "Deny";
    protocol: string;
    sourceAddressPrefix?: string;
    sourceAddressPrefixes?: string[];
    /** Not evaluated here: the project's rules never restrict source ports. */
    sourcePortRange?: string;
    sourcePortRanges?: string[];
    destinationAddressPrefix?: string;
    destinationAddressPrefixes?: string[];
    destinationPortRange?: string;
    destinationPortRanges?: string[];
}

interface FlowBase {
    direction: "Inbound" | "Outbound";
    protocol: "Tcp" | "Udp";
    sourceIp: string;
    destinationPort: number;
}

/** A flow to one address. */
export interface AddressFlow extends FlowBase {
    destinationIp: string;
    destinationTag?: undefined;
}

/**
 * A flow to an Azure service, named by its service tag (`Storage.WestEurope`, `AzureBackup`,
 * `AzureActiveDirectory`): it stands for traffic to every address of the tag, so a rule decides
 * it only when the rule's destination covers the whole tag (see {@link destinationsCoverTag}).
 */
export interface ServiceFlow extends FlowBase {
    destinationTag: string;
    /** The tag's IPv4 prefixes, when known (from Azure's service tags file): then literal prefixes that cover them all match too. */
    destinationTagPrefixes?: string[];
    destinationIp?: undefined;
}

export type Flow = AddressFlow | ServiceFlow;

export interface Verdict {
    access: "Allow" | "Deny";
    /** The rule that decided. */
    rule: string;
}

/** The platform's virtual IP, behind the `AzureLoadBalancer` tag and the wire server. */
const AZURE_PLATFORM_IP = "168.63.129.16";

/** Azure's default rules, below every rule a user can write (priorities 65000-65500). */
export const DEFAULT_RULES: NsgRule[] = [
    { name: "AllowVnetInBound", priority: 65000, direction: "Inbound", access: "Allow", protocol: "*", sourceAddressPrefix: "VirtualNetwork", destinationAddressPrefix: "VirtualNetwork", destinationPortRange: "*" },
    { name: "AllowAzureLoadBalancerInBound", priority: 65001, direction: "Inbound", access: "Allow", protocol: "*", sourceAddressPrefix: "AzureLoadBalancer", destinationAddressPrefix: "*", destinationPortRange: "*" },
    { name: "DenyAllInBound", priority: 65500, direction: "Inbound", access: "Deny", protocol: "*", sourceAddressPrefix: "*", destinationAddressPrefix: "*", destinationPortRange: "*" },
    { name: "AllowVnetOutBound", priority: 65000, direction: "Outbound", access: "Allow", protocol: "*", sourceAddressPrefix: "VirtualNetwork", destinationAddressPrefix: "VirtualNetwork", destinationPortRange: "*" },
    { name: "AllowInternetOutBound", priority: 65001, direction: "Outbound", access: "Allow", protocol: "*", sourceAddressPrefix: "*", destinationAddressPrefix: "Internet", destinationPortRange: "*" },
    { name: "DenyAllOutBound", priority: 65500, direction: "Outbound", access: "Deny", protocol: "*", sourceAddressPrefix: "*", destinationAddressPrefix: "*", destinationPortRange: "*" },
];

/** Whether an address belongs to a prefix: `*`, a service tag, a CIDR or an address. */
export function prefixContains(prefix: string, address: string, vnetPrefixes: string[]): boolean {
    const inVnet = vnetPrefixes.some((vnet) => prefixContains(vnet, address, []));
    switch (prefix) {
        case "*":
        case "Any":
            return true;
        case "VirtualNetwork":
            return inVnet;
        case "AzureLoadBalancer":
            return address === AZURE_PLATFORM_IP;
        case "Internet":
            return !inVnet && address !== AZURE_PLATFORM_IP;
    }
    const ip = parseIp(address);
    const block = addressBlock(prefix);
    return ip !== undefined && block !== undefined && containsIp(block, ip);
}

/** An IPv4 CIDR, or an address as its /32; undefined for tags and anything else. */
function addressBlock(prefix: string): Cidr | undefined {
    return parseCidr(prefix.includes("/") ? prefix : `${prefix}/32`);
}

/** Service tags compare as Azure compares names: ignoring case (and the spaces of a region written "West Europe"). */
function tagKey(tag: string): string {
    return tag.replace(/\s+/g, "").toLowerCase();
}

/** Destinations that hold every public Azure address, service tags included. */
const EVERYWHERE = ["*", "any", "internet", "0.0.0.0/0"];

/**
 * Whether one destination prefix covers every address of a service tag: `*`, `Any`, `Internet`
 * (Azure's public services are Internet addresses to an NSG), `0.0.0.0/0`, the tag itself, or
 * the tag's global form (`Storage` covers `Storage.WestEurope`, not the other way round, and
 * `Storage.NorthEurope` does not cover `Storage.WestEurope`).
 */
export function prefixCoversTag(prefix: string, tag: string): boolean {
    const [rule, wanted] = [tagKey(prefix), tagKey(tag)];
    return EVERYWHERE.includes(rule) || rule === wanted || (!rule.includes(".") && wanted.startsWith(`${rule}.`));
}

/**
 * Whether a rule's destinations cover a service flow: one of them covers the tag by name, or,
 * when the tag's prefixes are known, every prefix lies inside one of the rule's literal prefixes.
 * A rule that covers only part of a tag does not decide the flow.
 */
export function destinationsCoverTag(destinations: string[], flow: ServiceFlow): boolean {
    if (destinations.some((prefix) => prefixCoversTag(prefix, flow.destinationTag))) {
        return true;
    }
    const wanted = (flow.destinationTagPrefixes ?? []).map(addressBlock);
    const blocks = destinations.map(addressBlock).filter((block): block is Cidr => block !== undefined);
    return wanted.length > 0 && wanted.every((inner) => inner !== undefined && blocks.some((outer) => containsCidr(outer, inner)));
}

export function portRangeContains(range: string, port: number): boolean {
    if (range === "*") {
        return true;
    }
    const [low, high = low] = range.split("-").map(Number);
    return port >= low && port <= high;
}

export function ruleMatches(rule: NsgRule, flow: Flow, vnetPrefixes: string[]): boolean {
    const sources = rule.sourceAddressPrefixes?.length ? rule.sourceAddressPrefixes : [rule.sourceAddressPrefix ?? "*"];
    const destinations = rule.destinationAddressPrefixes?.length ? rule.destinationAddressPrefixes : [rule.destinationAddressPrefix ?? "*"];
    const ports = rule.destinationPortRanges?.length ? rule.destinationPortRanges : [rule.destinationPortRange ?? "*"];
    const toDestination =
        flow.destinationTag !== undefined
            ? destinationsCoverTag(destinations, flow)
            : destinations.some((prefix) => prefixContains(prefix, flow.destinationIp, vnetPrefixes));
    return (
        rule.direction === flow.direction &&
        (rule.protocol === "*" || rule.protocol.toLowerCase() === flow.protocol.toLowerCase()) &&
        sources.some((prefix) => prefixContains(prefix, flow.sourceIp, vnetPrefixes)) &&
        toDestination &&
        ports.some((range) => portRangeContains(range, flow.destinationPort))
    );
}

/** The rule that decides a flow: the first, by priority, that matches it; Azure's default rules come last and always decide. */
export function decidingRule(rules: NsgRule[], flow: Flow, vnetPrefixes: string[]): NsgRule {
    const ordered = [...rules].sort((a, b) => a.priority - b.priority).concat(DEFAULT_RULES);
    return ordered.find((rule) => ruleMatches(rule, flow, vnetPrefixes)) as NsgRule;
}

/** Whether a rule is one of Azure's default rules rather than one the NSG declares. */
export function isDefaultRule(rule: NsgRule): boolean {
    return DEFAULT_RULES.includes(rule);
}

/** The first rule, by priority, that matches the flow decides; Azure's default rules come last. */
export function evaluateFlow(rules: NsgRule[], flow: Flow, vnetPrefixes: string[]): Verdict {
    const decisive = decidingRule(rules, flow, vnetPrefixes);
    return { access: decisive.access, rule: decisive.name };
}
