/**
 * connectivity "none": the way Microsoft documents Azure VM backup today, with no way out at all
 * (learn.microsoft.com/azure/backup/backup-azure-private-endpoints-concept: VM backup "doesn't
 * require you to allow access to any IPs or FQDNs").
 */
import { expect } from "chai";
import { NsgLockdown } from "../components";
import { evaluateFlow, Flow, NsgRule } from "../policy/rulebook/nsg";
import { InvalidSettingError } from "../policy/rulebook/errors";
import { isFailing, readinessReport } from "../plan/readiness";
import { buildTopology } from "../plan/topology";
import { resolveSettings } from "../settings";
import { DEFAULT_CONFIG, egressConfig } from "../policy/policies";
import { internetEgressViolations, SecurityRuleFields } from "../policy/rulebook";
import { Plan } from "../plan/engine";
import { onlyResourceOfType, planFailure, planProgram, planReferenceEnvironment, resourcesOfType } from "./support/plan";

describe('no way out (connectivity "none")', () => {
    let plan: Plan;
    before(async () => {
        plan = await planReferenceEnvironment({ connectivity: "none", appVmCount: "2" });
    });

    it("plans nothing public: no public IP, NAT gateway, load balancer or proxy", () => {
        for (const type of ["PublicIPAddress", "NatGateway", "LoadBalancer"]) {
            expect(resourcesOfType(plan, `azure-native:network:${type}`), type).to.deep.equal([]);
        }
        expect(plan.resources.map((r) => r.name).filter((name) => /proxy/.test(name))).to.deep.equal([]);
        const subnet = onlyResourceOfType(plan, "azure-native:network:Subnet");
        expect(subnet.inputs).to.include({ defaultOutboundAccess: false }).and.not.have.property("natGateway");
        for (const nic of resourcesOfType(plan, "azure-native:network:NetworkInterface")) {
            const configs = nic.inputs.ipConfigurations as Array<Record<string, unknown>>;
            expect(configs.every((config) => config.publicIPAddress === undefined), nic.name).to.equal(true);
        }
        expect(plan.outputs).to.include({ connectivity: "none", proxyPrivateIp: null, proxyUrl: null });
    });

    it("leaves the guests untouched: no proxy client, run command or cloud-init proxy lines", () => {
        expect(resourcesOfType(plan, "azure-native:compute:VirtualMachineRunCommandByVirtualMachine")).to.deep.equal([]);
        const vms = resourcesOfType(plan, "azure-native:compute:VirtualMachine");
        expect(vms).to.have.length(2);
        for (const vm of vms) {
            expect((vm.inputs.osProfile as Record<string, unknown>).customData, vm.name).to.equal(undefined);
        }
    });

    it("denies the Internet and allows only the platform address 168.63.129.16", () => {
        const rules = onlyResourceOfType(plan, "azure-native:network:NetworkSecurityGroup").inputs.securityRules as NsgRule[];
        expect(rules.map((r) => [r.name, r.priority, r.direction, r.access, r.destinationAddressPrefix])).to.deep.equal([
            ["allow-azure-platform", 100, "Outbound", "Allow", "168.63.129.16/32"],
            ["deny-internet-outbound", 4096, "Outbound", "Deny", "Internet"],
        ]);
        const out = (flow: { destinationIp: string; destinationPort: number } | { destinationTag: string; destinationPort: number }) =>
            evaluateFlow(rules, { direction: "Outbound", protocol: "Tcp", sourceIp: "10.0.1.4", ...flow } as Flow, ["10.0.0.0/16"]).access;
        expect(out({ destinationIp: "168.63.129.16", destinationPort: 32526 })).to.equal("Allow");
        expect(out({ destinationIp: "203.0.113.10", destinationPort: 443 })).to.equal("Deny");
        expect(out({ destinationTag: "Storage.westeurope", destinationPort: 443 })).to.equal("Deny");
    });

    it("is ready: every readiness line passes, and says there is no way out", () => {
        const report = readinessReport(plan);
        expect(report.map((vm) => vm.vm)).to.deep.equal(["app-vm-1", "app-vm-2"]);
        for (const vm of report) {
            expect(vm.checks.filter(isFailing), vm.vm).to.deep.equal([]);
            expect(vm.checks.map((check) => check.check)).to.include.members(["no public way out (connectivity none)", "no other Internet access from the VM", "VM to the platform 168.63.129.16"]);
            expect(vm.checks.map((check) => check.check).filter((check) => /Storage|AzureBackup|proxy/.test(check))).to.deep.equal([]);
        }
    });

    it("draws no service tag and no proxy, the Internet denied", () => {
        const topology = buildTopology(plan);
        expect(topology.nodes.map((node) => node.kind)).to.not.include.members(["serviceTag", "proxy"]);
        const toInternet = topology.edges.filter((edge) => edge.to === "internet");
        expect(toInternet.length).to.be.greaterThan(0);
        expect(toInternet.every((edge) => edge.kind === "denied"), JSON.stringify(toInternet)).to.equal(true);
    });

    it("readiness finds the allow-list's lines again once a NAT gateway gives the subnet a way out", async () => {
        const withTags = await planReferenceEnvironment({ connectivity: "serviceTags" });
        const checks = readinessReport(withTags)[0].checks.map((check) => check.check);
        expect(checks).to.include("VM to Storage.westeurope on 443").and.not.include("no public way out (connectivity none)");
    });

    it("refuses Windows VMs in one line naming connectivity: KMS activates only from an Azure public IP", () => {
        expect(() => resolveSettings({ connectivity: "none", windowsAppVmCount: "1" }))
            .to.throw(InvalidSettingError, /^connectivity: must be "proxy" or "serviceTags" with Windows VMs: Azure's KMS activates Windows only from an Azure public IP address/)
            .with.property("setting", "connectivity");
        expect(() => resolveSettings({ connectivity: "none", windowsAppVmCount: "0" })).to.not.throw();
        expect(() => resolveSettings({ connectivity: "proxy", windowsAppVmCount: "1" })).to.not.throw();
    });

    it("passes the egress policy with no proxy address, which then names any rule that lets the Internet in", () => {
        const egress = egressConfig({ ...DEFAULT_CONFIG, proxyAddresses: [] });
        const rules = onlyResourceOfType(plan, "azure-native:network:NetworkSecurityGroup").inputs.securityRules as SecurityRuleFields[];
        expect(rules.flatMap((rule) => internetEgressViolations(rule, `rule ${rule.name}`, egress))).to.deep.equal([]);
        const open: SecurityRuleFields = { name: "allow-https", direction: "Outbound", access: "Allow", protocol: "Tcp", sourceAddressPrefix: "*", destinationAddressPrefix: "Internet", destinationPortRange: "443", priority: 300 };
        expect(internetEgressViolations(open, "rule allow-https", egress)).to.deep.equal([
            'rule allow-https allows outbound traffic from * to Internet; with no backup proxy (connectivity "none", or "serviceTags" and its tags) nothing may reach the Internet',
        ]);
    });

    it("refuses an unknown mode naming the three", () => {
        expect(() => resolveSettings({ connectivity: "private" })).to.throw(InvalidSettingError, 'connectivity: must be one of "proxy", "serviceTags", "none"; got "private"');
    });

    it("NsgLockdown takes connectivity none alone: no proxyIp or location needed", async () => {
        const planned = await planProgram(() => {
            new NsgLockdown("lockdown", { resourceGroupName: "rg", location: "westeurope", connectivity: "none", clientAddressPrefixes: ["10.0.0.0/16"] });
        });
        const rules = onlyResourceOfType(planned, "azure-native:network:NetworkSecurityGroup").inputs.securityRules as NsgRule[];
        expect(rules.map((r) => r.name)).to.deep.equal(["allow-azure-platform", "deny-internet-outbound"]);
        const err = await planFailure(() => {
            new NsgLockdown("lockdown", { resourceGroupName: "rg", location: "westeurope", connectivity: "nothing", clientAddressPrefixes: ["10.0.0.0/16"] });
        });
        expect(err).to.be.instanceOf(InvalidSettingError).with.property("setting", "connectivity");
    });
});
