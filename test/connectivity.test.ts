import { expect } from "chai";
import { evaluateFlow, NsgRule } from "../policy/rulebook/nsg";
import { allowListRules, backupServiceDestinations } from "../lib/lockdownRules";
import { readServiceTags } from "../lib/serviceTagPrefixes";
import { prefixesForRegion } from "../policy/rulebook/serviceTags";
import { resolveSettings } from "../settings";
import { Plan } from "../plan/engine";
import { onlyResourceOfType, planReferenceEnvironment, resourcesOfType } from "./support/plan";

describe("allow-list connectivity (connectivity=serviceTags)", () => {
    let plan: Plan;
    before(async () => {
        plan = await planReferenceEnvironment({ connectivity: "serviceTags", appVmCount: "2", windowsAppVmCount: "1" });
    });

    it("creates no proxy: no proxy VM, subnet or proxy client; the VMs go out through a NAT gateway", () => {
        const names = plan.resources.map((r) => r.name);
        expect(names.filter((name) => /proxy/.test(name))).to.deep.equal([]);
        expect(resourcesOfType(plan, "azure-native:network:PublicIPAddress").map((r) => r.name)).to.deep.equal(["backup-ready-nat-ip"]);
        const nat = onlyResourceOfType(plan, "azure-native:network:NatGateway");
        expect((onlyResourceOfType(plan, "azure-native:network:Subnet").inputs.natGateway as { id: string }).id).to.equal(nat.id);
        expect(resourcesOfType(plan, "azure-native:compute:VirtualMachineRunCommandByVirtualMachine")).to.deep.equal([]);
        for (const vm of resourcesOfType(plan, "azure-native:compute:VirtualMachine")) {
            expect((vm.inputs.osProfile as Record<string, unknown>).customData, vm.name).to.equal(undefined);
        }
        expect(plan.outputs).to.include({ connectivity: "serviceTags", proxyPrivateIp: null });
    });

    it("lets the VMs out over HTTPS to the region's storage, Azure Backup and Entra ID tags only (and Windows to its KMS), with the wire server open", () => {
        const rules = onlyResourceOfType(plan, "azure-native:network:NetworkSecurityGroup").inputs.securityRules as NsgRule[];
        expect(rules.map((r) => [r.name, r.priority, r.access, r.destinationAddressPrefix, r.destinationPortRanges ?? r.destinationPortRange])).to.deep.equal([
            ["allow-azure-platform", 100, "Allow", "168.63.129.16/32", "*"],
            ["allow-storage-westeurope", 200, "Allow", "Storage.westeurope", ["443", "8443"]],
            ["allow-azurebackup", 210, "Allow", "AzureBackup", ["443"]],
            ["allow-azureactivedirectory", 220, "Allow", "AzureActiveDirectory", ["443"]],
            ["deny-internet-outbound", 4096, "Deny", "Internet", "*"],
            ["allow-windows-activation", 110, "Allow", undefined, "1688"],
        ]);
        const out = (destinationIp: string, destinationPort: number) =>
            evaluateFlow(rules, { direction: "Outbound", protocol: "Tcp", sourceIp: "10.0.1.4", destinationIp, destinationPort }, ["10.0.0.0/16"]);
        expect(out("203.0.113.10", 443)).to.deep.equal({ access: "Deny", rule: "deny-internet-outbound" });
        expect(out("168.63.129.16", 32526).access).to.equal("Allow");
        expect(rules.some((r) => r.direction === "Inbound")).to.equal(false);
    });

    it("still protects every VM in a vault of their region", () => {
        expect(resourcesOfType(plan, "azure-native:recoveryservices:ProtectedItem")).to.have.length(3);
        expect(onlyResourceOfType(plan, "azure-native:recoveryservices:Vault").inputs.location).to.equal("westeurope");
    });

    it("uses literal prefixes instead of a tag where they are given", () => {
        const destinations = backupServiceDestinations("westeurope").map((d) => (d.service === "AzureBackup" ? { ...d, addressPrefixes: ["20.38.0.0/16", "51.104.0.0/15"] } : d));
        const rule = allowListRules({ clientAddressPrefixes: ["10.0.0.0/16"], destinations }).find((r) => r.name === "allow-azurebackup");
        expect(rule).to.deep.include({ destinationAddressPrefixes: ["20.38.0.0/16", "51.104.0.0/15"] });
        expect(rule).to.not.have.property("destinationAddressPrefix");
    });

    it("puts the region's literal prefixes from ipRangesFile in place of every tag", async () => {
        const literal = await planReferenceEnvironment({ connectivity: "serviceTags", ipRangesFile: "test/fixtures/ServiceTags_Public_fixture.json" });
        const file = prefixesForRegion(readServiceTags("test/fixtures/ServiceTags_Public_fixture.json"), "westeurope");
        const rules = onlyResourceOfType(literal, "azure-native:network:NetworkSecurityGroup").inputs.securityRules as NsgRule[];
        for (const [ruleName, service] of [["allow-storage-westeurope", "Storage"], ["allow-azurebackup", "AzureBackup"], ["allow-azureactivedirectory", "AzureActiveDirectory"]]) {
            const rule = rules.find((r) => r.name === ruleName);
            expect(rule?.destinationAddressPrefix, ruleName).to.equal(undefined);
            expect(rule?.destinationAddressPrefixes, ruleName).to.deep.equal(file.find((group) => group.service === service)?.prefixes);
        }
    });

    it("rejects an unknown connectivity and ipRangesFile without serviceTags", () => {
        expect(() => resolveSettings({ connectivity: "vpn" })).to.throw('connectivity: must be one of "proxy", "serviceTags", "none"; got "vpn"');
        expect(() => resolveSettings({ ipRangesFile: "tags.json" })).to.throw('ipRangesFile: applies only with connectivity "serviceTags"; unset it, or set connectivity to "serviceTags"');
    });
});
