/**
 * Evaluates NSG security rules the way Azure does: the rules of one direction in priority order,
 * the first match decides, Azure's default rules last. Pure; used by the readiness checks and tests.
 */
import { containsIp, parseCidr, parseIp } from "./cidr";

export interface NsgRule {
    name: string;
    priority: number;
    direction: "Inbound" | "Outbound";
    access: "Allow" | "Deny";
    protocol: string;
    sourceAddressPrefix?: string;
    sourceAddressPrefixes?: string[];
    destinationAddressPrefix?: string;
    destinationAddressPrefixes?: string[];
    destinationPortRange?: string;
    destinationPortRanges?: string[];
}

export interface Flow {
    direction: "Inbound" | "Outbound";
    protocol: "Tcp" | "Udp";
    sourceIp: string;
    destinationIp: string;
    destinationPort: number;
}

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
    const cidr = parseCidr(prefix.includes("/") ? prefix : `${prefix}/32`);
    return ip !== undefined && cidr !== undefined && containsIp(cidr, ip);
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
    return (
        rule.direction === flow.direction &&
        (rule.protocol === "*" || rule.protocol.toLowerCase() === flow.protocol.toLowerCase()) &&
        sources.some((prefix) => prefixContains(prefix, flow.sourceIp, vnetPrefixes)) &&
        destinations.some((prefix) => prefixContains(prefix, flow.destinationIp, vnetPrefixes)) &&
        ports.some((range) => portRangeContains(range, flow.destinationPort))
    );
}

/** The first rule, by priority, that matches the flow decides; Azure's default rules come last. */
export function evaluateFlow(rules: NsgRule[], flow: Flow, vnetPrefixes: string[]): Verdict {
    const ordered = [...rules].sort((a, b) => a.priority - b.priority).concat(DEFAULT_RULES);
    const decisive = ordered.find((rule) => ruleMatches(rule, flow, vnetPrefixes)) as NsgRule;
    return { access: decisive.access, rule: decisive.name };
}
