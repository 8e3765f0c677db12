/**
 * Network security group rules as an nftables ruleset, to emulate an NSG on a network
 * namespace's traffic: the rules of each direction in priority order, then Azure's default
 * rules, first match wins, stateful like an NSG (replies of an allowed flow pass).
 */
import { parseCidr, parseIp } from "../../policy/rulebook/cidr";
import { NsgRule } from "../../policy/rulebook/nsg";

/** What the service tags stand for in the emulated network. */
export interface NsgScope {
    /** `VirtualNetwork`; `Internet` is everything else. */
    addressSpace: string[];
}

/** The platform address behind the `AzureLoadBalancer` tag (health probes). */
export const AZURE_LOAD_BALANCER_ADDRESS = "168.63.129.16";

const ANY = "*";

/** The rules every NSG ends with; no rule of the user's can have these priorities. */
export const AZURE_DEFAULT_RULES: NsgRule[] = [
    defaultRule("AllowVnetInBound", 65000, "Inbound", "Allow", "VirtualNetwork", "VirtualNetwork"),
    defaultRule("AllowAzureLoadBalancerInBound", 65001, "Inbound", "Allow", "AzureLoadBalancer", ANY),
    defaultRule("DenyAllInBound", 65500, "Inbound", "Deny", ANY, ANY),
    defaultRule("AllowVnetOutBound", 65000, "Outbound", "Allow", "VirtualNetwork", "VirtualNetwork"),
    defaultRule("AllowInternetOutBound", 65001, "Outbound", "Allow", ANY, "Internet"),
    defaultRule("DenyAllOutBound", 65500, "Outbound", "Deny", ANY, ANY),
];

export const NSG_TABLE = "azure_nsg";

/**
 * The ruleset for one NIC (or every NIC of a subnet) that the NSG applies to. The NSG sits
 * outside the VM: it sees incoming packets before the VM's own firewall (a lower hook priority)
 * and outgoing ones after it.
 */
export function nsgToNftables(rules: NsgRule[], scope: NsgScope): string {
    const chain = (name: string, hook: string, priority: string, loopback: string, direction: NsgRule["direction"]) =>
        [
            `    chain ${name} {`,
            `        type filter hook ${hook} priority ${priority}; policy drop;`,
            `        ${loopback} "lo" accept`,
            "        ct state established,related accept",
            ...orderedRules(rules, direction).map((rule) => `        ${ruleToNftables(rule, scope)}`),
            "    }",
        ].join("\n");
    return [
        `table inet ${NSG_TABLE} {`,
        chain("inbound", "input", "filter - 10", "iif", "Inbound"),
        chain("outbound", "output", "filter + 10", "oif", "Outbound"),
        "}",
        "",
    ].join("\n");
}

/** The user's rules of one direction by priority, then Azure's defaults. */
export function orderedRules(rules: NsgRule[], direction: NsgRule["direction"]): NsgRule[] {
    const own = rules.filter((rule) => rule.direction === direction).sort((a, b) => a.priority - b.priority);
    own.forEach((rule, i) => {
        if (i > 0 && own[i - 1].priority === rule.priority) {
            throw new Error(`rules ${own[i - 1].name} and ${rule.name} share priority ${rule.priority}`);
        }
    });
    return [...own, ...AZURE_DEFAULT_RULES.filter((rule) => rule.direction === direction)];
}

/** One rule as an nftables statement, named by a comment `<priority> <name>`, with a counter. */
export function ruleToNftables(rule: NsgRule, scope: NsgScope): string {
    const sourcePorts = portValues(rule.sourcePortRanges ?? [rule.sourcePortRange ?? ANY]);
    const destinationPorts = portValues(rule.destinationPortRanges ?? [rule.destinationPortRange ?? ANY]);
    const [protocolMatch, portHeader] = protocol(rule.protocol, sourcePorts !== undefined || destinationPorts !== undefined);
    const matches = [
        protocolMatch,
        addressMatch("saddr", rule.sourceAddressPrefixes ?? [rule.sourceAddressPrefix ?? ANY], scope),
        addressMatch("daddr", rule.destinationAddressPrefixes ?? [rule.destinationAddressPrefix ?? ANY], scope),
        sourcePorts && `${portHeader} sport ${sourcePorts}`,
        destinationPorts && `${portHeader} dport ${destinationPorts}`,
    ];
    const verdict = rule.access === "Allow" ? "accept" : "drop";
    return [...matches.filter(Boolean), "counter", verdict, `comment "${rule.priority} ${rule.name}"`].join(" ");
}

/** The protocol match and the header whose ports the rule names. */
function protocol(name: string, hasPorts: boolean): [string | undefined, string] {
    switch (name.toLowerCase()) {
        case "tcp":
            return ["meta l4proto tcp", "tcp"];
        case "udp":
            return ["meta l4proto udp", "udp"];
        case "icmp":
            if (hasPorts) {
                throw new Error("an ICMP rule has no ports");
            }
            return ["meta l4proto icmp", "icmp"];
        case ANY:
            // Ports only exist for TCP and UDP: a port rule for any protocol matches those two.
            return [hasPorts ? "meta l4proto { tcp, udp }" : undefined, "th"];
        default:
            throw new Error(`protocol ${name} is not emulated`);
    }
}

function addressMatch(field: "saddr" | "daddr", prefixes: string[], scope: NsgScope): string | undefined {
    if (prefixes.includes(ANY)) {
        return undefined;
    }
    if (prefixes.includes("Internet")) {
        if (prefixes.length > 1) {
            throw new Error("Internet cannot be combined with other prefixes");
        }
        return `ip ${field} != ${set(scope.addressSpace)}`;
    }
    return `ip ${field} ${set(prefixes.flatMap((prefix) => addresses(prefix, scope)))}`;
}

function addresses(prefix: string, scope: NsgScope): string[] {
    if (prefix === "VirtualNetwork") {
        return scope.addressSpace;
    }
    if (prefix === "AzureLoadBalancer") {
        return [`${AZURE_LOAD_BALANCER_ADDRESS}/32`];
    }
    if (parseCidr(prefix) !== undefined || parseIp(prefix) !== undefined) {
        return [prefix];
    }
    throw new Error(`address prefix ${prefix} is neither an IPv4 prefix nor an emulated service tag`);
}

/** `undefined` for any port, else the nftables value: `443`, `80-443`, `{ 80, 443 }`. */
function portValues(ranges: string[]): string | undefined {
    if (ranges.includes(ANY)) {
        return undefined;
    }
    for (const range of ranges) {
        if (!/^\d{1,5}(-\d{1,5})?$/.test(range)) {
            throw new Error(`port range ${range} is not a port or a range of ports`);
        }
    }
    return ranges.length === 1 ? ranges[0] : set(ranges);
}

function set(values: string[]): string {
    return `{ ${values.join(", ")} }`;
}

function defaultRule(name: string, priority: number, direction: NsgRule["direction"], access: NsgRule["access"], source: string, destination: string): NsgRule {
    return {
        name,
        priority,
        direction,
        access,
        protocol: ANY,
        sourceAddressPrefix: source,
        sourcePortRange: ANY,
        destinationAddressPrefix: destination,
        destinationPortRange: ANY,
    };
}

/** Packets counted per rule (`<priority> <name>`), from `nft --json list table inet azure_nsg`. */
export function ruleCounters(nftJson: string): Map<string, number> {
    const counters = new Map<string, number>();
    const listing = JSON.parse(nftJson) as { nftables: { rule?: { comment?: string; expr: { counter?: { packets: number } }[] } }[] };
    for (const { rule } of listing.nftables) {
        const counter = rule?.expr.find((expression) => expression.counter)?.counter;
        if (rule?.comment && counter) {
            counters.set(rule.comment, counter.packets);
        }
    }
    return counters;
}
