import { evaluateFlow, NsgRule } from "../policy/rulebook/nsg";
import { expect } from "chai";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { Plan, runPlan } from "../plan/engine";
import { loadProjectConfig } from "../plan/projectConfig";
import { binDifferences } from "./support/build";
import { EXISTING_STACK_CONFIG, EXISTING_STACK_DIR as EXAMPLE_DIR, VM_IDS } from "./support/existingStack";
import { PROJECT_DIR } from "./support/plan";

/** What `npm install` of `"backup-ready": "file:../.."` makes: a link to this package. */
function linkPackage(): void {
    const link = path.join(EXAMPLE_DIR, "node_modules", "backup-ready");
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.rmSync(link, { force: true, recursive: true });
    fs.symlinkSync(path.relative(path.dirname(link), PROJECT_DIR), link, "dir");
}

describe("a consumer stack (examples/01-existing-stack) importing the built package", function () {
    this.timeout(180_000);
    let plan: Plan;

    before(async () => {
        // The consumer gets the committed bin/; the package test says when it is not the sources' build.
        const differences = binDifferences();
        if (Object.values(differences).some((files) => files.length > 0)) {
            throw new Error(`bin/ is not what the sources compile to (${JSON.stringify(differences)}): run \`npm run compile\``);
        }
        linkPackage();
        const { project, config } = loadProjectConfig(EXAMPLE_DIR, "test", EXISTING_STACK_CONFIG);
        plan = await runPlan({ project, stack: "test", config, program: () => require(EXAMPLE_DIR) });
    });

    it("resolves the package by name to its compiled entry point", () => {
        expect(require.resolve("backup-ready", { paths: [EXAMPLE_DIR] })).to.equal(fs.realpathSync(path.join(PROJECT_DIR, "bin", "components", "index.js")));
        expect(fs.existsSync(path.join(PROJECT_DIR, "bin", "components", "index.d.ts"))).to.equal(true);
    });

    it("type-checks against the package's declarations", () => {
        execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "--noEmit", "-p", EXAMPLE_DIR], { cwd: EXAMPLE_DIR, timeout: 120_000 });
    });

    it("protects the existing VMs without creating or replacing any of them", () => {
        const vms = plan.resources.filter((r) => r.type === "azure-native:compute:VirtualMachine");
        expect(vms.map((vm) => vm.name)).to.deep.equal(["backup-proxy-vm"]);
        const items = plan.resources.filter((r) => r.type === "azure-native:recoveryservices:ProtectedItem");
        expect(items.map((item) => [item.inputs.protectedItemName, (item.inputs.properties as { sourceResourceId: string }).sourceResourceId])).to.have.deep.members([
            ["vm;iaasvmcontainerv2;legacy-apps;erp-01", VM_IDS[0]],
            ["vm;iaasvmcontainerv2;legacy-apps;erp-02", VM_IDS[1]],
        ]);
        expect(items.every((item) => item.options.retainOnDelete)).to.equal(true);
    });

    it("puts the vault in the region read from the VMs", () => {
        const vault = plan.resources.find((r) => r.type === "azure-native:recoveryservices:Vault");
        expect(vault?.inputs).to.include({ location: "westeurope", resourceGroupName: "backup" });
        const looked = plan.lookups.filter((l) => l.token === "azure-native:compute:getVirtualMachine").map((l) => l.inputs);
        expect(looked).to.deep.include({ resourceGroupName: "legacy-apps", vmName: "erp-01" });
        expect(looked).to.deep.include({ resourceGroupName: "legacy-apps", vmName: "erp-02" });
    });

    it("configures each VM's proxy in place through a managed Run Command, leaving the VM's Custom Script extension free", () => {
        const runCommands = plan.resources.filter((r) => r.type === "azure-native:compute:VirtualMachineRunCommandByVirtualMachine" && r.inputs.runCommandName === "configure-backup-proxy");
        expect(plan.resources.some((r) => r.type === "azure-native:compute:VirtualMachineExtension")).to.equal(false);
        expect(runCommands.map((e) => [e.inputs.resourceGroupName, e.inputs.vmName])).to.have.deep.members([
            ["legacy-apps", "erp-01"],
            ["legacy-apps", "erp-02"],
        ]);
        for (const runCommand of runCommands) {
            const script = (runCommand.inputs.source as { script: string }).script;
            expect(script).to.contain('"HttpProxy.Host=10.50.0.5" "HttpProxy.Port=3128"');
        }
    });

    it("adds the lockdown rules, the document's allow-proxy among them, to the NSGs the app and proxy subnets have", () => {
        expect(plan.resources.some((r) => r.type === "azure-native:network:NetworkSecurityGroup")).to.equal(false);
        const rules = plan.resources.filter((r) => r.type === "azure-native:network:SecurityRule");
        expect(new Set(rules.map((r) => r.inputs.networkSecurityGroupName))).to.deep.equal(new Set(["apps-nsg", "proxy-nsg"]));
        expect(rules.find((r) => r.inputs.securityRuleName === "allow-proxy" && r.inputs.networkSecurityGroupName === "proxy-nsg")?.inputs).to.include({
            resourceGroupName: "network",
            access: "Allow",
            direction: "Outbound",
            priority: 200,
            // The proxy VM's own address, behind the balancer's frontend proxyIp 10.50.0.5.
            sourceAddressPrefix: "10.50.0.6/32",
            destinationAddressPrefix: "Internet",
            destinationPortRange: "80-443",
        });
        const nic = plan.resources.find((r) => r.type === "azure-native:network:NetworkInterface")!;
        expect((nic.inputs.ipConfigurations as { privateIPAddress: string }[])[0].privateIPAddress).to.equal("10.50.0.6");
        // As Azure evaluates the proxy NSG's rules: the proxy VM goes out on 443, the probe and the network reach its port, nobody else.
        const proxyNsg = rules.filter((r) => r.inputs.networkSecurityGroupName === "proxy-nsg").map((r) => ({ ...r.inputs, name: r.inputs.securityRuleName }) as unknown as NsgRule);
        const flow = (direction: "Inbound" | "Outbound", sourceIp: string, destinationIp: string, destinationPort: number) =>
            evaluateFlow(proxyNsg, { direction, protocol: "Tcp", sourceIp, destinationIp, destinationPort }, ["10.50.0.0/16"]);
        expect(flow("Outbound", "10.50.0.6", "203.0.113.80", 443)).to.deep.equal({ access: "Allow", rule: "allow-proxy" });
        expect(flow("Inbound", "10.50.1.4", "10.50.0.6", 3128)).to.deep.equal({ access: "Allow", rule: "allow-clients-to-proxy-inbound" });
        expect(flow("Inbound", "168.63.129.16", "10.50.0.6", 3128)).to.deep.equal({ access: "Allow", rule: "allow-load-balancer-probe" });
        expect(flow("Inbound", "203.0.113.50", "10.50.0.6", 3128).access).to.equal("Deny");
        expect(plan.lookups.map((l) => l.inputs)).to.deep.include({ resourceGroupName: "network", subnetName: "apps", virtualNetworkName: "corp-vnet" });
    });

    it("mails the vault's failed jobs and a stopped proxy, as the reference environment does", () => {
        const vault = plan.resources.find((r) => r.type === "azure-native:recoveryservices:Vault");
        const proxyVm = plan.resources.find((r) => r.type === "azure-native:compute:VirtualMachine");
        const group = plan.resources.find((r) => r.type === "azure-native:monitor:ActionGroup");
        expect(group?.inputs.emailReceivers).to.deep.equal([{ name: "email-1", emailAddress: "ops@example.com", useCommonAlertSchema: true }]);
        const rule = plan.resources.find((r) => r.type === "azure-native:alertsmanagement:AlertProcessingRuleByName");
        expect(rule?.inputs.properties).to.deep.include({ scopes: [vault?.id], actions: [{ actionType: "AddActionGroups", actionGroupIds: [group?.id] }] });
        expect((vault?.inputs.properties as Record<string, unknown>).monitoringSettings).to.deep.equal({
            azureMonitorAlertSettings: { alertsForAllJobFailures: "Enabled" },
            classicAlertSettings: { alertsForCriticalOperations: "Disabled" },
        });
        const alerts = plan.resources.filter((r) => r.type === "azure-native:monitor:MetricAlert");
        expect(alerts.map((alert) => alert.inputs.scopes)).to.deep.equal([[proxyVm?.id]]);
    });
});
