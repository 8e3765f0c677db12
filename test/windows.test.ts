import { expect } from "chai";
import { powershellLiteral, renderWindowsProxyClientScript } from "../lib/guestConfig";
import { Plan } from "../plan/engine";
import { planReferenceEnvironment, resourcesOfType } from "./support/plan";

const TYPOGRAPHIC_QUOTES = /[\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f]/;

describe("Windows proxy client script", () => {
    const script = renderWindowsProxyClientScript({ proxyIp: "10.0.0.5", proxyPort: 3128 });

    it("sets WinHTTP for the services, bypassing the wire server and instance metadata", () => {
        expect(script).to.contain("$proxy = '10.0.0.5:3128'");
        expect(script).to.contain("$bypassList = @('<local>', '168.63.129.16', '169.254.169.254')");
        expect(script).to.contain(`Invoke-Checked 'netsh.exe' @('winhttp', 'set', 'proxy', "proxy-server=$proxy", "bypass-list=$($bypassList -join ';')")`);
    });

    it("sets LocalSystem's proxy, as the document does by hand with PsExec and Internet Explorer", () => {
        expect(script).to.contain(`Invoke-Checked 'bitsadmin.exe' @('/util', '/setieproxy', 'localsystem', 'MANUAL_PROXY', $proxy, ($bypassList -join ' '))`);
    });

    it("stops on the first failure instead of carrying on half configured", () => {
        expect(script).to.match(/^\$ErrorActionPreference = 'Stop'$/m);
        expect(script).to.contain("if ($LASTEXITCODE -ne 0) {");
    });

    it("has no typographic quotes (the document's registry script does) and only ASCII", () => {
        expect(script).to.not.match(TYPOGRAPHIC_QUOTES);
        expect(/^[\x09\x0a\x20-\x7e]*$/.test(script)).to.equal(true);
    });

    it("writes values as single-quoted literals, so nothing in them is expanded", () => {
        expect(powershellLiteral("10.0.0.5:3128")).to.equal("'10.0.0.5:3128'");
        expect(powershellLiteral("a'b$(calc)")).to.equal("'a''b$(calc)'");
    });
});

describe("reference environment with Windows VMs", () => {
    let plan: Plan;
    before(async () => {
        plan = await planReferenceEnvironment({ windowsAppVmCount: "2", proxyPort: "8080" });
    });

    it("creates them with the VM agent and a secret admin password, and protects them in the vault", () => {
        const windows = resourcesOfType(plan, "azure-native:compute:VirtualMachine").filter((vm) => (vm.inputs.osProfile as any).windowsConfiguration);
        expect(windows.map((vm) => vm.inputs.vmName)).to.deep.equal(["win-vm-1", "win-vm-2"]);
        for (const vm of windows) {
            const osProfile = vm.inputs.osProfile as Record<string, any>;
            expect(osProfile.windowsConfiguration.provisionVMAgent).to.equal(true);
            expect(osProfile.adminPassword).to.equal("[secret]");
            expect(osProfile.computerName.length).to.be.at.most(15);
        }
        const items = resourcesOfType(plan, "azure-native:recoveryservices:ProtectedItem").map((item) => item.inputs.protectedItemName);
        expect(items).to.include.members(["vm;iaasvmcontainerv2;backup-ready;win-vm-1", "vm;iaasvmcontainerv2;backup-ready;win-vm-2"]);
        expect(plan.outputs.windowsAdminPassword).to.equal("[secret]");
        expect(JSON.stringify(plan)).to.not.contain("mock-password");
    });

    it("points each at the proxy through a managed Run Command, with the rendered script", () => {
        const runCommands = resourcesOfType(plan, "azure-native:compute:VirtualMachineRunCommandByVirtualMachine").filter((r) => /^win-vm-/.test(String(r.inputs.vmName)));
        expect(runCommands.map((r) => r.inputs.vmName)).to.deep.equal(["win-vm-1", "win-vm-2"]);
        for (const runCommand of runCommands) {
            expect(runCommand.inputs).to.include({ runCommandName: "configure-backup-proxy", treatFailureAsDeploymentFailure: true });
            expect((runCommand.inputs.source as { script: string }).script).to.equal(renderWindowsProxyClientScript({ proxyIp: "10.0.0.5", proxyPort: 8080 }));
        }
    });

    it("lets them activate against Azure's KMS on 1688, and only them: no such rule without Windows VMs", async () => {
        const rules = (plan: Plan) => (resourcesOfType(plan, "azure-native:network:NetworkSecurityGroup")[0].inputs.securityRules as Record<string, unknown>[]);
        expect(rules(plan).find((r) => r.name === "allow-windows-activation")).to.deep.include({
            access: "Allow",
            direction: "Outbound",
            destinationAddressPrefixes: ["20.118.99.224/32", "40.83.235.53/32"],
            destinationPortRange: "1688",
        });
        expect(rules(await planReferenceEnvironment()).map((r) => r.name)).to.not.include("allow-windows-activation");
    });

    it("gives the app subnet, and only it, a NAT gateway: the private subnets' only way to the KMS", () => {
        const nat = resourcesOfType(plan, "azure-native:network:NatGateway");
        expect(nat).to.have.length(1);
        const subnets = Object.fromEntries(resourcesOfType(plan, "azure-native:network:Subnet").map((s) => [s.name, s.inputs]));
        expect((subnets["app-subnet"].natGateway as { id: string }).id).to.equal(nat[0].id);
        expect(subnets["proxy-subnet"].natGateway, "the proxy keeps its own egress address").to.equal(undefined);
    });

    it("rejects a Windows computer name longer than 15 characters", async () => {
        const { BackupReadyWindowsVm } = await import("../components");
        expect(() => new BackupReadyWindowsVm("a-very-long-windows-name", { resourceGroupName: "rg", location: "westeurope", subnetId: "s", adminPassword: "p" })).to.throw(
            'vmName: must be a Windows computer name: 1 to 15 letters, digits and hyphens, not only digits; got "a-very-long-windows-name"',
        );
    });
});
