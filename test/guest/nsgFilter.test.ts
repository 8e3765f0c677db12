import { expect } from "chai";
import { lockdownRules } from "../../lib/lockdownRules";
import { NsgRule } from "../../policy/rulebook/nsg";
import { nsgToNftables, orderedRules, ruleCounters, ruleToNftables } from "../support/nsgFilter";

const scope = { addressSpace: ["10.0.0.0/16"] };
const rules: NsgRule[] = lockdownRules({ proxyIp: "10.0.0.5", proxyPort: 3128, clientAddressPrefixes: ["10.0.0.0/16"] });
const rule = (overrides: Partial<NsgRule>): NsgRule => ({
    name: "r",
    priority: 300,
    direction: "Outbound",
    access: "Allow",
    protocol: "*",
    sourceAddressPrefix: "*",
    sourcePortRange: "*",
    destinationAddressPrefix: "*",
    destinationPortRange: "*",
    ...overrides,
});

describe("NSG rules as nftables (the translation the topology test uses)", () => {
    it("evaluates each direction's rules by priority, then Azure's default rules", () => {
        expect(orderedRules(rules, "Outbound").map((r) => `${r.priority} ${r.name}`)).to.deep.equal([
            "100 allow-azure-platform",
            "200 allow-proxy",
            "210 allow-clients-to-proxy",
            "4096 deny-internet-outbound",
            "65000 AllowVnetOutBound",
            "65001 AllowInternetOutBound",
            "65500 DenyAllOutBound",
        ]);
        expect(orderedRules(rules, "Inbound").map((r) => `${r.priority} ${r.name}`)).to.deep.equal([
            "200 allow-clients-to-proxy-inbound",
            "4000 deny-proxy-port-inbound",
            "65000 AllowVnetInBound",
            "65001 AllowAzureLoadBalancerInBound",
            "65500 DenyAllInBound",
        ]);
    });

    it("turns the document's allow-proxy rule into one statement: Internet is everything outside the address space", () => {
        expect(ruleToNftables(rules.find((r) => r.name === "allow-proxy") as NsgRule, scope)).to.equal(
            'meta l4proto tcp ip saddr { 10.0.0.5/32 } ip daddr != { 10.0.0.0/16 } tcp dport 80-443 counter accept comment "200 allow-proxy"',
        );
    });

    it("maps the service tags and wildcards it emulates", () => {
        const vnet = rule({ sourceAddressPrefix: "VirtualNetwork", destinationAddressPrefix: "VirtualNetwork" });
        expect(ruleToNftables(vnet, { addressSpace: ["10.0.0.0/16", "10.1.0.0/16"] })).to.equal(
            'ip saddr { 10.0.0.0/16, 10.1.0.0/16 } ip daddr { 10.0.0.0/16, 10.1.0.0/16 } counter accept comment "300 r"',
        );
        expect(ruleToNftables(rule({ direction: "Inbound", sourceAddressPrefix: "AzureLoadBalancer" }), scope)).to.equal(
            'ip saddr { 168.63.129.16/32 } counter accept comment "300 r"',
        );
        expect(ruleToNftables(rule({ access: "Deny" }), scope)).to.equal('counter drop comment "300 r"');
    });

    it("matches ports of any protocol on TCP and UDP, and port lists as sets", () => {
        expect(ruleToNftables(rule({ destinationPortRange: "3128" }), scope)).to.equal('meta l4proto { tcp, udp } th dport 3128 counter accept comment "300 r"');
        expect(ruleToNftables(rule({ protocol: "Udp", sourcePortRanges: ["53", "123"] }), scope)).to.equal(
            'meta l4proto udp udp sport { 53, 123 } counter accept comment "300 r"',
        );
        expect(ruleToNftables(rule({ sourceAddressPrefixes: ["10.0.1.0/24", "10.0.2.4"] }), scope)).to.equal(
            'ip saddr { 10.0.1.0/24, 10.0.2.4 } counter accept comment "300 r"',
        );
    });

    it("refuses what it cannot emulate faithfully rather than guess", () => {
        expect(() => ruleToNftables(rule({ destinationAddressPrefix: "Storage.westeurope" }), scope)).to.throw(/Storage\.westeurope/);
        expect(() => ruleToNftables(rule({ destinationAddressPrefixes: ["Internet", "10.0.0.0/8"] }), scope)).to.throw(/Internet/);
        expect(() => ruleToNftables(rule({ protocol: "Icmp", destinationPortRange: "22" }), scope)).to.throw(/ICMP/);
        expect(() => ruleToNftables(rule({ protocol: "Esp" }), scope)).to.throw(/Esp/);
        expect(() => ruleToNftables(rule({ destinationPortRange: "http" }), scope)).to.throw(/http/);
        expect(() => orderedRules([rule({ name: "a" }), rule({ name: "b" })], "Outbound")).to.throw(/priority 300/);
    });

    it("writes a stateful table: loopback and replies pass, the NSG filters before the VM's firewall inbound and after it outbound", () => {
        const ruleset = nsgToNftables(rules, scope).split("\n");
        expect(ruleset[0]).to.equal("table inet azure_nsg {");
        const chain = (name: string) => ruleset.slice(ruleset.indexOf(`    chain ${name} {`) + 1, ruleset.indexOf(`    chain ${name} {`) + 4);
        expect(chain("inbound")).to.deep.equal([
            "        type filter hook input priority filter - 10; policy drop;",
            '        iif "lo" accept',
            "        ct state established,related accept",
        ]);
        expect(chain("outbound")).to.deep.equal([
            "        type filter hook output priority filter + 10; policy drop;",
            '        oif "lo" accept',
            "        ct state established,related accept",
        ]);
        expect(ruleset.filter((line) => line.includes("comment")).length).to.equal(rules.length + 6);
    });

    it("reads the packet counters of the named rules from nft's JSON listing", () => {
        const listing = JSON.stringify({
            nftables: [
                { metainfo: { version: "1.0.6" } },
                { rule: { comment: "4096 deny-internet-outbound", expr: [{ match: {} }, { counter: { packets: 3, bytes: 180 } }, { drop: null }] } },
                { rule: { expr: [{ accept: null }] } },
            ],
        });
        expect([...ruleCounters(listing)]).to.deep.equal([["4096 deny-internet-outbound", 3]]);
    });
});
