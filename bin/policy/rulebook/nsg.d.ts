/**
 * Network security groups the way Azure evaluates them: what a rule's address prefix means
 * (service tags, `*`, CIDRs), which addresses are the Internet, Azure's default rules, and the
 * flow evaluation (the rules of one direction in priority order, the first match decides, the
 * default rules last). Used alike by the readiness report, the policy pack and validation.
 */
import { Cidr } from "./cidr";
export interface NsgRule {
    name: string;
    priority: number;
    direction: "Inbound" | "Outbound";
    access: "Allow" | "Deny";
    protocol: string;
    sourceAddressPrefix?: string;
    sourceAddressPrefixes?: string[];
    /** Not evaluated: the flows this project checks never depend on source ports. */
    sourcePortRange?: string;
    sourcePortRanges?: string[];
    destinationAddressPrefix?: string;
    destinationAddressPrefixes?: string[];
    destinationPortRange?: string;
    destinationPortRanges?: string[];
}
/** A security rule as a resource or an NSG's inline list holds it: every field may be missing. */
export type SecurityRuleFields = Partial<NsgRule> & {
    securityRuleName?: string;
};
/**
 * Azure's limits for one NSG, VERIFIED 2026-12: "NSG rules per NSG |1,000", "IP addresses and
 * ranges specified for source or destination in a security group (The limit applies separately
 * to source and destination) |4,000" (MicrosoftDocs/azure-docs includes/azure-virtual-network-limits.md,
 * "Networking limits - Azure Resource Manager"); a rule's "Priority | A number between 100 and
 * 4096" (learn.microsoft.com/azure/virtual-network/network-security-groups-overview#security-rules).
 */
export declare const NSG_LIMITS: {
    /** Security rules per NSG. */
    readonly rules: 1000;
    /** IP addresses and ranges per NSG, counted separately for sources and destinations; service tags do not count. */
    readonly addressPrefixes: 4000;
    /** The priorities a user's rule may take; Azure's default rules sit above, at 65000-65500. */
    readonly lowestPriority: 100;
    readonly highestPriority: 4096;
};
/**
 * Azure's default rules, below every rule a user can write.
 * https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#default-security-rules
 */
export declare const DEFAULT_RULES: readonly NsgRule[];
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
export declare const NON_INTERNET_PREFIXES: readonly ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16", "127.0.0.0/8", "168.63.129.16/32"];
/**
 * A prefix ARM refuses in a security rule, and why; undefined when it is acceptable. ARM does not
 * mask host bits: a rule with `10.0.1.7/24` is refused with HTTP 400
 * `SecurityRuleInvalidAddressPrefix` ("Security rule ... has invalid Address prefix. Value
 * provided: 10.0.1.7/24"; Azure/azure-powershell#4557; Azure's own Kubernetes cloud provider
 * checks the same before calling ARM, kubernetes-sigs/cloud-provider-azure#5599). Such a rule
 * never exists in Azure, so it neither allows nor denies anything.
 */
export declare function rulePrefixProblem(prefix: string): string | undefined;
/** An IPv4 CIDR, or an address as its /32, as a rule writes it; undefined for tags, IPv6 and prefixes Azure refuses. */
export declare function addressBlock(prefix: string): Cidr | undefined;
/** Whether an address is the Internet to an NSG: outside the virtual network and outside {@link NON_INTERNET_PREFIXES}. */
export declare function isInternetAddress(address: string, vnetPrefixes: readonly string[]): boolean;
/** Whether an address belongs to a rule's prefix: `*`, a tag Azure defines by address, a CIDR or an address. */
export declare function prefixContains(prefix: string, address: string, vnetPrefixes: readonly string[]): boolean;
/**
 * Whether a destination prefix reaches the Internet: `Internet`, `*`, or a CIDR not wholly
 * inside the virtual network or {@link NON_INTERNET_PREFIXES}. Service tags name Azure's own
 * services, which are not the open Internet; a prefix Azure refuses reaches nothing.
 */
export declare function reachesInternet(prefix: string, vnetPrefixes: readonly string[]): boolean;
/** Whether a source prefix lies inside the virtual network: the `VirtualNetwork` tag or a CIDR inside one of its prefixes. */
export declare function isVnetPrefix(prefix: string, vnetPrefixes: readonly string[]): boolean;
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
/**
 * Whether one destination prefix covers every address of a service tag: `*`, `Any`, `Internet`
 * (Azure's public services are Internet addresses to an NSG), `0.0.0.0/0`, the tag itself, or
 * the tag's global form (`Storage` covers `Storage.WestEurope`, not the other way round, and
 * `Storage.NorthEurope` does not cover `Storage.WestEurope`).
 */
export declare function prefixCoversTag(prefix: string, tag: string): boolean;
/**
 * Whether a rule's destinations cover a service flow: one of them covers the tag by name, or,
 * when the tag's prefixes are known, every prefix lies inside one of the rule's literal prefixes.
 * A rule that covers only part of a tag does not decide the flow.
 */
export declare function destinationsCoverTag(destinations: string[], flow: ServiceFlow): boolean;
/** Whether a port range (`*`, `443`, `80-443`) holds the port. */
export declare function portRangeContains(range: string, port: number): boolean;
export declare function ruleSources(rule: SecurityRuleFields): string[];
export declare function ruleDestinations(rule: SecurityRuleFields): string[];
export declare function rulePorts(rule: SecurityRuleFields): string[];
/** What Azure refuses in a rule, each with the reason (its prefixes, its priority); a rule that has any is refused whole. */
export declare function ruleProblems(rule: SecurityRuleFields): string[];
export declare function ruleMatches(rule: NsgRule, flow: Flow, vnetPrefixes: readonly string[]): boolean;
/**
 * The rule that decides a flow: the first, by priority, that matches it; Azure's default rules
 * come last and always decide. Rules Azure refuses ({@link ruleProblems}) do not exist there, so
 * they decide nothing here either.
 */
export declare function decidingRule(rules: readonly NsgRule[], flow: Flow, vnetPrefixes: readonly string[]): NsgRule;
/** Whether a rule is one of Azure's default rules rather than one the NSG declares. */
export declare function isDefaultRule(rule: NsgRule): boolean;
/** The first rule, by priority, that matches the flow decides; Azure's default rules come last. */
export declare function evaluateFlow(rules: readonly NsgRule[], flow: Flow, vnetPrefixes: readonly string[]): Verdict;
export {};
