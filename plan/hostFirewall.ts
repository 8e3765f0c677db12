/**
 * A VM's host firewall as the readiness report reads it: the input chain of an nftables file,
 * evaluated for one new inbound TCP connection the way nft does (rules in order, the first whose
 * every match holds decides with its verdict, the chain's policy otherwise). Only the matches
 * this project's files use are understood; a rule with any other match that could decide the
 * flow makes the verdict unknown rather than a guess.
 */
import { containsIp, parseCidr, parseIp } from "../policy/rulebook/cidr";

export interface InboundTcp {
    sourceIp: string;
    destinationPort: number;
}

export interface FirewallVerdict {
    /** undefined when the file cannot be evaluated for this flow. */
    accepted: boolean | undefined;
    /** The rule (as written) or the policy that decided, or why nothing could. */
    why: string;
}

interface Chain {
    hook: string;
    policy: string;
    rules: string[];
}

/** The base chains of a file: `type filter hook <hook> ...; policy <verdict>;` and the rule lines after. */
export function nftChains(file: string): Chain[] {
    const chains: Chain[] = [];
    const lines = file.split("\n").map((line) => line.replace(/#.*/, "").trim());
    let current: Chain | undefined;
    for (const line of lines) {
        const base = /^type\s+\w+\s+hook\s+(\w+)\s+priority\s+[^;]+;\s*policy\s+(\w+);$/.exec(line);
        if (base) {
            current = { hook: base[1], policy: base[2], rules: [] };
            chains.push(current);
        } else if (line === "}" || line.startsWith("chain ") || line.startsWith("table ")) {
            current = undefined;
        } else if (current && line !== "") {
            current.rules.push(line);
        }
    }
    return chains;
}

/** The items of a set or list of values: `{ a, b }`, `a,b` or `a`. */
function values(words: string[], at: number): { items: string[]; next: number } {
    if (words[at] !== "{") {
        const items = [words[at]];
        let next = at + 1;
        while (words[next] === "," && next + 1 < words.length - 1) {
            items.push(words[next + 1]);
            next += 2;
        }
        return { items, next };
    }
    const end = words.indexOf("}", at);
    return { items: words.slice(at + 1, end).join(" ").split(",").map((item) => item.trim()).filter(Boolean), next: end + 1 };
}

function addressMatches(item: string, ip: number): boolean {
    const block = parseCidr(item.includes("/") ? item : `${item}/32`);
    return block !== undefined && containsIp(block, ip);
}

/** Whether a rule holds for the flow: true, false, or undefined when it has a match this reader does not know. */
function ruleHolds(rule: string, flow: InboundTcp, source: number): { holds: boolean | undefined; verdict?: string } {
    const words = rule.replace(/([{},])/g, " $1 ").split(/\s+/).filter(Boolean);
    const verdict = words[words.length - 1];
    if (!["accept", "drop", "reject"].includes(verdict)) {
        return { holds: undefined };
    }
    let holds = true;
    for (let i = 0; i < words.length - 1; ) {
        const [a, b] = [words[i], words[i + 1]];
        const { items, next } = values(words, i + 2);
        if (a === "ip" && b === "saddr") {
            holds &&= items.some((item) => addressMatches(item, source));
        } else if (a === "tcp" && b === "dport") {
            holds &&= items.some((item) => (item.includes("-") ? flow.destinationPort >= Number(item.split("-")[0]) && flow.destinationPort <= Number(item.split("-")[1]) : Number(item) === flow.destinationPort));
        } else if (a === "ct" && b === "state") {
            // A new connection: neither established, related nor invalid.
            holds &&= items.includes("new");
        } else if (a === "iifname") {
            // The flow arrives on the VM's network interface, not loopback.
            const { items: names, next: after } = values(words, i + 1);
            holds &&= !names.every((name) => name.replace(/"/g, "") === "lo");
            i = after;
            continue;
        } else if (a === "meta" && b === "l4proto") {
            holds &&= items.some((item) => item === "tcp");
        } else {
            return { holds: undefined };
        }
        i = next;
    }
    return { holds, verdict };
}

/** The verdict of the file's input chain on one new inbound TCP connection. */
export function evaluateInbound(file: string, flow: InboundTcp): FirewallVerdict {
    const source = parseIp(flow.sourceIp);
    const inputs = nftChains(file).filter((chain) => chain.hook === "input");
    if (source === undefined || inputs.length !== 1) {
        return { accepted: undefined, why: `${inputs.length} input chains: not evaluated` };
    }
    const [input] = inputs;
    for (const rule of input.rules) {
        const { holds, verdict } = ruleHolds(rule, flow, source);
        if (holds === undefined) {
            return { accepted: undefined, why: `\`${rule}\` cannot be evaluated here` };
        }
        if (holds) {
            return { accepted: verdict === "accept", why: `\`${rule}\`` };
        }
    }
    return { accepted: input.policy === "accept", why: `the input chain's policy ${input.policy}, no rule matching` };
}
