/**
 * Several proxies behind one address (`proxyCount` 2): what the plan hands Azure, and that the
 * readiness report follows the load balancer's frontend to healthy backends, failing the line
 * with the rule or firewall that keeps the health probe out.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { filesOfProxyServerScript, PROXY_PATHS } from "../lib/guestConfig";
import { privateAddressHolders } from "../plan/addressChanges";
import { diffPlans } from "../plan/diff";
import { formatDiffMarkdown } from "../plan/diffMarkdown";
import { Plan, PlannedResource } from "../plan/engine";
import { readinessReport, isFailing } from "../plan/readiness";
import { decidingRule, NsgRule } from "../policy/rulebook";
import { evaluateInbound } from "../plan/hostFirewall";
import { summarize } from "../plan/tree";
import { decodedCustomData, onlyResourceOfType, planReferenceEnvironment, resourcesOfType } from "./support/plan";
import * as yaml from "js-yaml";

const VM = "azure-native:compute:VirtualMachine";
const NIC = "azure-native:network:NetworkInterface";
const LB = "azure-native:network:LoadBalancer";
const NSG = "azure-native:network:NetworkSecurityGroup";
const PUBLIC_IP = "azure-native:network:PublicIPAddress";
const RUN_COMMAND = "azure-native:compute:VirtualMachineRunCommandByVirtualMachine";
const VNET = ["10.0.0.0/16"];

type Editable = PlannedResource & { inputs: Record<string, any> };

function named(plan: Plan, name: string): Editable {
    const found = plan.resources.find((resource) => resource.name === name);
    if (!found) {
        throw new Error(`no ${name} in the plan`);
    }
    return found;
}

function copy(plan: Plan): Plan {
    return JSON.parse(JSON.stringify(plan)) as Plan;
}

function proxyLine(plan: Plan) {
    const line = readinessReport(plan)[0].checks.find((check) => check.check.startsWith("VM to the proxy"));
    if (!line) {
        throw new Error("no proxy line");
    }
    return line;
}

/** The proxy VM's host firewall, as its first boot writes it. */
function firewallOf(vm: PlannedResource): string {
    const config = yaml.load(decodedCustomData(vm)) as { write_files: Array<{ path: string; content: string }> };
    const script = config.write_files.find((file) => file.path === PROXY_PATHS.script)!.content;
    return filesOfProxyServerScript(script).find((file) => file.path === PROXY_PATHS.nftablesConf)!.content;
}

/** Rewrites one line of a proxy VM's first-boot files, as a hand-edited plan would. */
function editFirstBoot(vm: Editable, from: string, to: string): void {
    const text = decodedCustomData(vm);
    expect(text).to.contain(from);
    vm.inputs.osProfile.customData = Buffer.from(text.split(from).join(to), "utf8").toString("base64");
}

describe("several proxies behind one address (proxyCount=2, westeurope)", () => {
    let plan: Plan;
    before(async () => {
        plan = await planReferenceEnvironment({ proxyCount: "2" });
    });

    it("keeps the first proxy regional, as it always was, and puts the second in a zone with its own zonal egress address", () => {
        const proxies = resourcesOfType(plan, VM).filter((vm) => /^backup-proxy(-\d+)?-vm$/.test(vm.name));
        expect(proxies.map((vm) => [vm.name, vm.inputs.vmName, vm.inputs.zones])).to.have.deep.members([
            ["backup-proxy-vm", "backup-proxy", undefined],
            ["backup-proxy-2-vm", "backup-proxy-2", ["2"]],
        ]);
        expect(resourcesOfType(plan, PUBLIC_IP).map((ip) => [ip.name, ip.inputs.zones, ip.inputs.publicIPAllocationMethod])).to.have.deep.members([
            ["backup-proxy-egress-ip", undefined, "Static"],
            ["backup-proxy-2-egress-ip", ["2"], "Static"],
        ]);
        expect(plan.outputs.proxyPublicIps).to.have.length(2);
    });

    it("puts an internal Standard load balancer at proxyIp 10.0.0.5 with a TCP probe and a rule on the proxy port, the proxies in its pool", () => {
        const lb = onlyResourceOfType(plan, LB);
        expect(lb.inputs.sku).to.deep.equal({ name: "Standard", tier: "Regional" });
        const [frontend] = lb.inputs.frontendIPConfigurations as Array<Record<string, any>>;
        expect(frontend).to.deep.include({ privateIPAddress: "10.0.0.5", privateIPAllocationMethod: "Static", zones: ["1", "2", "3"] });
        expect(frontend.subnet.id).to.match(/\/subnets\/proxy-subnet$/);
        expect(frontend.publicIPAddress).to.equal(undefined);
        expect(lb.inputs.probes).to.deep.equal([{ name: "proxy-port", protocol: "Tcp", port: 3128, intervalInSeconds: 5, probeThreshold: 2 }]);
        const [rule] = lb.inputs.loadBalancingRules as Array<Record<string, any>>;
        expect(rule).to.deep.include({ protocol: "Tcp", frontendPort: 3128, backendPort: 3128, enableFloatingIP: false, idleTimeoutInMinutes: 30, enableTcpReset: true });
        expect(rule.probe.id).to.equal(`${lb.id}/probes/proxy-port`);
        // The pool holds the proxies by address; the balancer waits for their NICs, so a NIC gives up proxyIp before the frontend takes it.
        const vnet = onlyResourceOfType(plan, "azure-native:network:VirtualNetwork");
        expect(lb.inputs.backendAddressPools).to.deep.equal([
            {
                name: "proxies",
                loadBalancerBackendAddresses: [
                    { name: "proxy-1", ipAddress: "10.0.0.6", virtualNetwork: { id: vnet.id } },
                    { name: "proxy-2", ipAddress: "10.0.0.7", virtualNetwork: { id: vnet.id } },
                ],
            },
        ]);
        for (const [nic, address] of [["backup-proxy-nic", "10.0.0.6"], ["backup-proxy-2-nic", "10.0.0.7"]]) {
            expect(named(plan, nic).inputs.ipConfigurations[0], nic).to.deep.include({ privateIPAddress: address, privateIPAllocationMethod: "Static" });
            expect(lb.dependencies, nic).to.include(named(plan, nic).urn);
        }
        expect(summarize(lb)).to.equal("sku=Standard frontend=10.0.0.5 probe=Tcp:3128 backends=10.0.0.6,10.0.0.7");
        // The app VMs still point at proxyIp.
        expect(String((named(plan, "app-vm-1-proxy-client-run-command").inputs.source as { script: string }).script)).to.contain('"HttpProxy.Host=10.0.0.5" "HttpProxy.Port=3128"');
    });

    it("admits the probe (168.63.129.16, AzureLoadBalancer) on the proxy port through the NSG and each proxy's host firewall, and nobody else from outside", () => {
        const rules = onlyResourceOfType(plan, NSG).inputs.securityRules as NsgRule[];
        for (const address of ["10.0.0.6", "10.0.0.7"]) {
            const probe = decidingRule(rules, { direction: "Inbound", protocol: "Tcp", sourceIp: "168.63.129.16", destinationIp: address, destinationPort: 3128 }, VNET);
            expect([probe.name, probe.access]).to.deep.equal(["allow-load-balancer-probe", "Allow"]);
            const outsider = decidingRule(rules, { direction: "Inbound", protocol: "Tcp", sourceIp: "203.0.113.9", destinationIp: address, destinationPort: 3128 }, VNET);
            expect([outsider.name, outsider.access]).to.deep.equal(["deny-proxy-port-inbound", "Deny"]);
            const out = decidingRule(rules, { direction: "Outbound", protocol: "Tcp", sourceIp: address, destinationIp: "203.0.113.10", destinationPort: 443 }, VNET);
            expect([out.name, out.access]).to.deep.equal(["allow-proxy", "Allow"]);
        }
        for (const vm of ["backup-proxy-vm", "backup-proxy-2-vm"]) {
            expect(evaluateInbound(firewallOf(named(plan, vm)), { sourceIp: "168.63.129.16", destinationPort: 3128 }).accepted, vm).to.equal(true);
            expect(evaluateInbound(firewallOf(named(plan, vm)), { sourceIp: "203.0.113.9", destinationPort: 3128 }).accepted, vm).to.equal(false);
        }
    });

    it("gives each proxy its own patch window, an hour apart, and chains their Run Commands one after the other", () => {
        const windows = ["backup-proxy-vm", "backup-proxy-2-vm"].map((vm) => {
            const config = yaml.load(decodedCustomData(named(plan, vm))) as { write_files: Array<{ path: string; content: string }> };
            const files = filesOfProxyServerScript(config.write_files.find((file) => file.path === PROXY_PATHS.script)!.content);
            return /^OnCalendar=(.+)$/m.exec(files.find((file) => file.path === PROXY_PATHS.timerDropIn)!.content.replace(/^OnCalendar=\n/m, ""))?.[1];
        });
        expect(windows).to.deep.equal(["Sun *-*-* 03:00:00", "Sun *-*-* 04:00:00"]);
        const [first, second] = ["backup-proxy-config", "backup-proxy-2-config"].map((name) => named(plan, name));
        expect([first.type, second.type]).to.deep.equal([RUN_COMMAND, RUN_COMMAND]);
        expect(second.dependencies).to.include(first.urn);
    });

    it("passes readiness, following the frontend to both healthy backends", () => {
        const report = readinessReport(plan);
        expect(report[0].checks.filter(isFailing)).to.deep.equal([]);
        const line = proxyLine(plan);
        expect(line.check).to.equal("VM to the proxy 10.0.0.5:3128");
        expect(line.why).to.contain('load balancer "backup-proxy-lb", rule "proxy-port"');
        expect(line.why).to.contain("healthy backend backup-proxy 10.0.0.6:3128");
        expect(line.why).to.contain("healthy backend backup-proxy-2 10.0.0.7:3128");
    });

    it("follows a pool that names its members by NIC as well as one that names them by address", () => {
        const byNic = copy(plan);
        const lb = named(byNic, "backup-proxy-lb");
        delete lb.inputs.backendAddressPools[0].loadBalancerBackendAddresses;
        for (const nic of ["backup-proxy-nic", "backup-proxy-2-nic"]) {
            named(byNic, nic).inputs.ipConfigurations[0].loadBalancerBackendAddressPools = [{ id: `${lb.id}/backendAddressPools/proxies` }];
        }
        expect(proxyLine(byNic).pass).to.equal(true);
        expect(proxyLine(byNic).why).to.contain("healthy backend backup-proxy-2 10.0.0.7:3128");
        delete named(byNic, "backup-proxy-2-nic").inputs.ipConfigurations[0].loadBalancerBackendAddressPools;
        expect(proxyLine(byNic).why).to.not.contain("backup-proxy-2 10.0.0.7");
    });

    it("fails the line with the NSG rule that keeps the probe out", () => {
        const broken = copy(plan);
        const nsg = named(broken, "lockdown-nsg");
        nsg.inputs.securityRules = (nsg.inputs.securityRules as NsgRule[]).filter((rule) => rule.name !== "allow-load-balancer-probe");
        const line = proxyLine(broken);
        expect(line.pass).to.equal(false);
        expect(line.why).to.match(/backend backup-proxy is never healthy: probe "proxy-port" 168\.63\.129\.16 -> backup-proxy 10\.0\.0\.6:3128: denied by rule "deny-proxy-port-inbound" \(priority 4000\)/);
    });

    it("fails the line with the host firewall that drops the probe", () => {
        const broken = copy(plan);
        editFirstBoot(named(broken, "backup-proxy-2-vm"), "ip saddr 168.63.129.16 tcp dport 3128 accept", "ip saddr 10.9.9.9 tcp dport 3128 accept");
        const line = proxyLine(broken);
        expect(line.pass).to.equal(false);
        expect(line.why).to.contain("backend backup-proxy-2 is never healthy");
        expect(line.why).to.contain("dropped by the host firewall of backup-proxy-2 (/etc/nftables.conf: the input chain's policy drop, no rule matching)");
    });

    it("fails the line when the rule names no probe", () => {
        const broken = copy(plan);
        delete named(broken, "backup-proxy-lb").inputs.loadBalancingRules[0].probe;
        expect(proxyLine(broken).why).to.contain('rule "proxy-port" of load balancer "backup-proxy-lb" names no health probe');
    });

    it("spreads over an availability set where the region's zones are not known offline", async () => {
        const westus = await planReferenceEnvironment({ proxyCount: "2", "azure-native:location": "westus" });
        const set = onlyResourceOfType(westus, "azure-native:compute:AvailabilitySet");
        expect(set.inputs).to.deep.include({ sku: { name: "Aligned" }, platformFaultDomainCount: 2 });
        for (const vm of resourcesOfType(westus, VM).filter((r) => r.name.startsWith("backup-proxy"))) {
            expect(vm.inputs.zones, vm.name).to.equal(undefined);
            // The first proxy stays out of the set, as a single proxy always was: Azure sets it only at creation.
            expect(vm.inputs.availabilitySet, vm.name).to.deep.equal(vm.name === "backup-proxy-vm" ? undefined : { id: set.id });
        }
        expect((onlyResourceOfType(westus, LB).inputs.frontendIPConfigurations as Array<{ zones?: string[] }>)[0].zones).to.equal(undefined);
    });

    it("watches every proxy, each heartbeat asking squid on the proxy's own address, never the frontend it cannot reach", async () => {
        const watched = await planReferenceEnvironment({ proxyCount: "2", logAnalyticsWorkspace: "create" });
        const heartbeat = (name: string) => String((named(watched, name).inputs.source as { script: string }).script);
        expect(heartbeat("monitoring-backup-proxy-heartbeat")).to.contain("squid answers on 10.0.0.6:3128").and.not.contain("10.0.0.5");
        expect(heartbeat("monitoring-backup-proxy-2-heartbeat")).to.contain("squid answers on 10.0.0.7:3128").and.not.contain("10.0.0.5");
        // Each proxy's Run Command and alert wait for that proxy's VM only.
        const second = named(watched, "monitoring-backup-proxy-2-heartbeat");
        expect(second.dependencies).to.include(named(watched, "backup-proxy-2-vm").urn).and.not.include(named(watched, "backup-proxy-vm").urn);
    });

    it("puts one proxy behind the balancer too: regional, outside any set, its NIC at the address after proxyIp", async () => {
        const single = await planReferenceEnvironment({});
        const lb = onlyResourceOfType(single, LB);
        expect(summarize(lb)).to.equal("sku=Standard frontend=10.0.0.5 probe=Tcp:3128 backends=10.0.0.6");
        expect(named(single, "backup-proxy-vm").inputs.zones).to.equal(undefined);
        expect(named(single, "backup-proxy-vm").inputs.availabilitySet).to.equal(undefined);
        expect(resourcesOfType(single, "azure-native:compute:AvailabilitySet")).to.deep.equal([]);
        expect(named(single, "backup-proxy-nic").inputs.ipConfigurations[0].privateIPAddress).to.equal("10.0.0.6");
        expect((onlyResourceOfType(single, NSG).inputs.securityRules as NsgRule[]).map((rule) => rule.name)).to.include("allow-load-balancer-probe");
        expect(resourcesOfType(single, NIC).length).to.equal(2);
        expect(proxyLine(single)).to.deep.include({ pass: true, check: "VM to the proxy 10.0.0.5:3128" });
    });
});

describe("changing proxyCount 1 → 2 → 3 → 1: backends added and removed, no proxy that keeps serving touched, no targeted step", () => {
    const counts = [1, 2, 3, 1];
    let plans: Plan[];
    before(async () => {
        plans = [];
        for (const count of counts) {
            plans.push(await planReferenceEnvironment({ proxyCount: String(count) }));
        }
    });

    counts.slice(1).forEach((count, step) => {
        const from = counts[step];
        it(`${from} → ${count}`, () => {
            const [before, after] = [plans[step], plans[step + 1]];
            const changes = diffPlans(before, after);
            expect(changes.filter((c) => c.action === "replace").map((c) => c.name)).to.deep.equal([]);
            // Every proxy in both plans keeps its VM, NIC, egress address and Run Command exactly as they are.
            const kept = Array.from({ length: Math.min(from, count) }, (_, i) => (i === 0 ? "backup-proxy" : `backup-proxy-${i + 1}`));
            const touched = changes.filter((c) => kept.some((proxy) => new RegExp(`^${proxy}-(vm|nic|egress-ip|config)$`).test(c.name)));
            expect(touched.map((c) => [c.action, c.name])).to.deep.equal([]);
            // The balancer stays (its pool changes in place); only the proxies beyond the new count go, and what only they used.
            expect(changes.filter((c) => c.type === LB).map((c) => [c.action, c.properties.every((p) => p.path.startsWith("backendAddressPools"))])).to.deep.equal([["update", true]]);
            const deleted = changes.filter((c) => c.action === "delete");
            expect(deleted.every((c) => /^backup-proxy-\d+-(vm|nic|egress-ip|config)$|^monitoring-backup-proxy-\d+-[a-z-]+$|^backup-proxy-availability-set$/.test(c.name)), deleted.map((c) => c.name).join()).to.equal(true);
            // Azure refuses to delete what another resource still refers to: nothing left in the new plan names a deleted resource's id.
            const remaining = JSON.stringify(after.resources.map((r) => r.inputs)).toLowerCase();
            for (const c of deleted) {
                const id = before.resources.find((r) => r.urn === c.urn)?.id;
                expect(id && remaining.includes(id.toLowerCase()), `${c.name} is still referred to`).to.equal(false);
            }
            // No address moves between resources, so no step waits for another to give one up (Azure refuses an address in use).
            const [old, next] = [privateAddressHolders(before), privateAddressHolders(after)];
            for (const [address, holders] of next) {
                expect(holders, `${address} held twice`).to.have.length(1);
                if (old.has(address)) {
                    expect(holders, address).to.deep.equal(old.get(address));
                }
            }
            expect(next.get("10.0.0.5")).to.deep.equal(["backup-proxy-lb"]);
            expect(changes.flatMap((c) => c.notes ?? []).filter((n) => n.kind === "pauses")).to.deep.equal([]);
            expect(proxyLine(after).pass, proxyLine(after).why).to.equal(true);
        });
    });
});

describe("a stack planned before the balancer (one proxy at proxyIp), on its next up", () => {
    // `npm run plan`'s out/plan.json (stack dev) of the reference environment at commit 7e4242a, the last without the balancer in front of one proxy,
    // with the engine's URNs (4f5d356 applied: what a deployed stack's state holds).
    const older = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", "plans", "reference-before-balancer.json"), "utf8")) as Plan;
    let after: Plan;
    before(async () => {
        after = await planReferenceEnvironment({}, "dev");
    });

    it("keeps the proxy VM and moves its NIC in place, and the diff says that traffic to proxyIp pauses until the balancer answers", () => {
        const changes = diffPlans(older, after);
        expect(changes.filter((c) => c.action === "replace").map((c) => c.name)).to.deep.equal([]);
        const nic = changes.find((c) => c.name === "backup-proxy-nic")!;
        expect(nic.action).to.equal("update");
        expect(nic.notes).to.deep.equal([
            {
                kind: "pauses",
                text: "10.0.0.5 moves to 10.0.0.6, and `backup-proxy-lb` takes 10.0.0.5 after it: what sends to 10.0.0.5 has no answer from the move until `backup-proxy-lb` answers (minutes; run this `pulumi up` outside the backup window)",
            },
        ]);
        expect(changes.find((c) => c.name === "backup-proxy-lb")?.action).to.equal("create");
        // The balancer waits for the NIC, so that Azure has let go of 10.0.0.5 when the frontend asks for it.
        expect(named(after, "backup-proxy-lb").dependencies).to.include(named(after, "backup-proxy-nic").urn);
        const markdown = formatDiffMarkdown(changes, "before the balancer");
        expect(markdown).to.contain("> [!IMPORTANT]\n> **1 private address changes hands: traffic to it pauses.**\n> - **PAUSES TRAFFIC** `backup-proxy-nic`: 10.0.0.5 moves to 10.0.0.6");
    });
});

describe("the balancer's frontend keeps its zones", () => {
    it("takes the region's zones whatever the proxy size offers, and the diff calls a change of them refused", async () => {
        const before = await planReferenceEnvironment({ proxyCount: "2" });
        const after = await planReferenceEnvironment({ proxyCount: "2", proxyVmSize: "Standard_D2s_v5" });
        const zonesOf = (plan: Plan) => (onlyResourceOfType(plan, LB).inputs.frontendIPConfigurations as Array<{ zones?: string[] }>)[0].zones;
        expect(zonesOf(before)).to.deep.equal(["1", "2", "3"]);
        expect(zonesOf(after)).to.deep.equal(zonesOf(before));
        // Were they to change (a frontend created in another region's layout), Azure refuses it in place.
        const moved: Plan = {
            ...after,
            resources: after.resources.map((r) =>
                r.type === LB ? { ...r, inputs: { ...r.inputs, frontendIPConfigurations: (r.inputs.frontendIPConfigurations as object[]).map((f) => ({ ...f, zones: ["1"] })) } } : r,
            ),
        };
        const lb = diffPlans(before, moved).find((c) => c.type === LB)!;
        expect(lb.notes).to.deep.include({ kind: "refused", text: "a frontend's zones changed: Azure will refuse it, a frontend keeps the zones it was created with" });
    });
});
