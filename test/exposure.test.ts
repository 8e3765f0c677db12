import { expect } from "chai";
import { Plan } from "../plan/engine";
import { evaluateFlow, Flow, NsgRule, prefixContains } from "../policy/rulebook/nsg";
import { onlyResourceOfType, planReferenceEnvironment } from "./support/plan";

const OUTSIDERS = ["203.0.113.50", "8.8.8.8", "10.1.0.4", "192.168.0.10", "0.0.0.1"];

function nsgRules(plan: Plan): NsgRule[] {
    return onlyResourceOfType(plan, "azure-native:network:NetworkSecurityGroup").inputs.securityRules as NsgRule[];
}

/** The proxy VM's own address (its NIC's): what its NSGs see once the load balancer at `proxyIp` has handed a flow on. */
function proxyVmIp(plan: Plan): string {
    const nic = plan.resources.find((r) => r.type === "azure-native:network:NetworkInterface" && r.name === "backup-proxy-nic")!;
    return (nic.inputs.ipConfigurations as { privateIPAddress: string }[])[0].privateIPAddress;
}

function sources(rule: NsgRule): string[] {
    return rule.sourceAddressPrefixes?.length ? rule.sourceAddressPrefixes : [rule.sourceAddressPrefix ?? "*"];
}

function inbound(rules: NsgRule[], sourceIp: string, destinationIp: string, destinationPort: number, vnet: string[]) {
    const flow: Flow = { direction: "Inbound", protocol: "Tcp", sourceIp, destinationIp, destinationPort };
    return evaluateFlow(rules, flow, vnet);
}

describe("nothing is left open", () => {
    describe("by default", () => {
        let plan: Plan;
        before(async () => {
            plan = await planReferenceEnvironment();
        });

        it("has no rule admitting Internet or any source inbound", () => {
            const open = nsgRules(plan).filter(
                (rule) => rule.direction === "Inbound" && rule.access === "Allow" && sources(rule).some((s) => ["*", "Any", "Internet", "0.0.0.0/0"].includes(s)),
            );
            expect(open.map((rule) => rule.name)).to.deep.equal([]);
        });

        it("admits the proxy port from the VNet only: every inbound allow that reaches it comes from inside the address space", () => {
            const vnet = ["10.0.0.0/16"];
            const proxy = proxyVmIp(plan);
            expect(proxy).to.equal("10.0.0.6");
            for (const rule of nsgRules(plan).filter((r) => r.direction === "Inbound" && r.access === "Allow")) {
                if (prefixContains(rule.destinationAddressPrefix ?? "*", proxy, vnet)) {
                    // Besides the VNet, only the balancer's health probe: the platform's 168.63.129.16, never routed from the Internet.
                    for (const source of sources(rule)) {
                        expect(source, rule.name).to.match(/^(10\.0\.\d+\.\d+\/(1[6-9]|2\d|3[0-2])|AzureLoadBalancer)$/);
                    }
                }
            }
            for (const outsider of OUTSIDERS) {
                expect(inbound(nsgRules(plan), outsider, proxy, 3128, vnet).access, outsider).to.equal("Deny");
                expect(inbound(nsgRules(plan), outsider, proxy, 22, vnet).access, outsider).to.equal("Deny");
            }
            expect(inbound(nsgRules(plan), "10.0.1.4", proxy, 3128, vnet)).to.deep.equal({ access: "Allow", rule: "allow-clients-to-proxy-inbound" });
        });

        it("keeps squid's client list to the VNet", () => {
            const squid = Buffer.from(
                (plan.resources.find((r) => r.name === "backup-proxy-vm")!.inputs.osProfile as { customData: string }).customData,
                "base64",
            ).toString();
            expect(squid).to.match(/acl vnet_clients src 10\.0\.0\.0\/16\n/);
            expect(squid).to.match(/http_access deny all\n/);
        });

        it("writes secrets as [secret] and no private key material into the plan", () => {
            const text = JSON.stringify(plan);
            expect(plan.outputs.adminSshPrivateKey).to.equal("[secret]");
            expect(text).to.not.match(/PRIVATE KEY/);
        });

        it("keeps each VM off the Internet but for the proxy's 80-443, and the wire server open", () => {
            const rules = nsgRules(plan);
            const vnet = ["10.0.0.0/16"];
            const out = (sourceIp: string, destinationIp: string, destinationPort: number) =>
                evaluateFlow(rules, { direction: "Outbound", protocol: "Tcp", sourceIp, destinationIp, destinationPort }, vnet);
            expect(out("10.0.1.4", "203.0.113.80", 443)).to.deep.equal({ access: "Deny", rule: "deny-internet-outbound" });
            const proxy = proxyVmIp(plan);
            // The client's own outbound rules see the frontend, proxyIp (10.0.0.5).
            expect(out("10.0.1.4", "10.0.0.5", 3128).access).to.equal("Allow");
            expect(out("10.0.1.4", "168.63.129.16", 32526)).to.deep.equal({ access: "Allow", rule: "allow-azure-platform" });
            expect(out(proxy, "203.0.113.80", 443)).to.deep.equal({ access: "Allow", rule: "allow-proxy" });
            expect(out(proxy, "203.0.113.80", 80).access).to.equal("Allow");
            expect(out(proxy, "203.0.113.80", 8080)).to.deep.equal({ access: "Deny", rule: "deny-internet-outbound" });
        });
    });

    it("opens SSH to the proxy from the named range only when sshSourceCidr is set", async () => {
        const plan = await planReferenceEnvironment({ sshSourceCidr: "198.51.100.0/24" });
        const vnet = ["10.0.0.0/16"];
        const proxy = proxyVmIp(plan);
        expect(inbound(nsgRules(plan), "198.51.100.7", proxy, 22, vnet)).to.deep.equal({ access: "Allow", rule: "allow-ssh-to-proxy" });
        expect(inbound(nsgRules(plan), "198.51.100.7", proxy, 3128, vnet).access).to.equal("Deny");
        expect(inbound(nsgRules(plan), "203.0.113.50", proxy, 22, vnet).access).to.equal("Deny");
        expect(inbound(nsgRules(plan), "198.51.100.7", "10.0.1.4", 22, vnet).access).to.equal("Deny");
    });

    it("evaluates rules in priority order with Azure's defaults last", () => {
        const deny: NsgRule = { name: "deny-early", priority: 100, direction: "Outbound", access: "Deny", protocol: "*", sourceAddressPrefix: "*", destinationAddressPrefix: "*", destinationPortRange: "*" };
        const allow: NsgRule = { ...deny, name: "allow-later", priority: 200, access: "Allow" };
        const flow: Flow = { direction: "Outbound", protocol: "Tcp", sourceIp: "10.0.1.4", destinationIp: "203.0.113.1", destinationPort: 443 };
        expect(evaluateFlow([allow, deny], flow, ["10.0.0.0/16"]).rule).to.equal("deny-early");
        expect(evaluateFlow([], flow, ["10.0.0.0/16"]).rule).to.equal("AllowInternetOutBound");
        expect(evaluateFlow([], { ...flow, direction: "Inbound" }, ["10.0.0.0/16"]).rule).to.equal("DenyAllInBound");
    });
});
