/**
 * One rulebook, one verdict: the same cases through each consumer of a rule (validation of the
 * settings, the readiness report of a plan, the policy pack), which must agree with each other
 * and with Azure (the rulebook's sources are cited where each rule is written).
 */
import { expect } from "chai";
import * as path from "path";
import { offlineVmSizeData } from "../lib/vmSizeData";
import { readinessReport } from "../plan/readiness";
import { nsgInternetEgressFromProxyOnly, nsgRulesAzureAccepts, vmDataDiskLimit, vmSupportedImage } from "../policy/policies";
import { decidingRule, InvalidSettingError, NsgRule, reachesInternet } from "../policy/rulebook";
import { resolveSettings } from "../settings";
import { planReferenceEnvironment } from "./support/plan";
import { Plan } from "../plan/engine";

const VNET = ["10.0.0.0/16"];
/** What `az vm list-skus --location westeurope --resource-type virtualMachines -o json` prints, for the sizes of the offline extract. */
const SIZES_FILE = path.join(__dirname, "fixtures", "vmSkus_westeurope.json");

function validationPasses(config: Record<string, string>): boolean {
    try {
        resolveSettings(config, offlineVmSizeData("westeurope"));
        return true;
    } catch (err) {
        if (err instanceof InvalidSettingError) {
            return false;
        }
        throw err;
    }
}

type Validate = (policy: { validateResource?: unknown }, resource: { type: string; name: string; props: Record<string, unknown> }, config?: object) => string[];

const validateResource: Validate = (policy, resource, config = {}) => {
    const messages: string[] = [];
    (policy.validateResource as (args: object, report: (message: string) => void) => void)(
        { ...resource, urn: `urn:pulumi:test::backup-ready::${resource.type}::${resource.name}`, getConfig: () => config, opts: {} },
        (message) => messages.push(message),
    );
    return messages;
};

function readinessLine(plan: Plan, check: string): boolean {
    const line = readinessReport(plan, { sizes: offlineVmSizeData("westeurope") })
        .flatMap((vm) => vm.checks)
        .find((found) => found.check === check);
    if (line === undefined) {
        throw new Error(`no readiness line "${check}"`);
    }
    return line.pass;
}

describe("one rulebook: validation, readiness and the policy pack agree", () => {
    describe("data disks: Azure Backup's 32, and what the VM's size takes (Standard_B2s: 4)", () => {
        for (const { disks, size, ok } of [
            { disks: 4, size: "Standard_B2s", ok: true },
            { disks: 5, size: "Standard_B2s", ok: false },
            { disks: 16, size: "Standard_D8s_v5", ok: true },
            { disks: 17, size: "Standard_D8s_v5", ok: false },
        ]) {
            it(`${disks} data disks on ${size}: ${ok ? "passes" : "fails"} everywhere`, async () => {
                const config = { appVmDataDiskCount: String(disks), appVmSize: size };
                expect(validationPasses(config), "validation").to.equal(ok);
                const vm = {
                    type: "azure-native:compute:VirtualMachine",
                    name: "app-vm-1-vm",
                    props: { vmName: "app-vm-1", hardwareProfile: { vmSize: size }, storageProfile: { dataDisks: Array.from({ length: disks }, (_, lun) => ({ lun })) } },
                };
                const policyConfig = { vmSizesFile: SIZES_FILE, region: "westeurope", maxDataDisks: 32 };
                expect(validateResource(vmDataDiskLimit, vm, policyConfig), "policy").to.have.length(ok ? 0 : 1);
                if (ok) {
                    expect(readinessLine(await planReferenceEnvironment(config), "data disks within the limit"), "readiness").to.equal(true);
                }
            });
        }

        it("a plan with more disks than its size takes fails the readiness line (validation stops it before that)", async () => {
            const plan = await planReferenceEnvironment({ appVmDataDiskCount: "4" });
            const vm = plan.resources.find((resource) => resource.name === "app-vm-1-vm") as Plan["resources"][number];
            const storage = vm.inputs.storageProfile as { dataDisks: unknown[] };
            storage.dataDisks.push({ lun: 4 });
            expect(readinessLine(plan, "data disks within the limit")).to.equal(false);
        });
    });

    describe("a Windows admin name of 21 characters: Azure allows 20", () => {
        it("is refused by validation when the stack has Windows VMs, allowed for Linux only", () => {
            expect(validationPasses({ windowsAppVmCount: "1", adminUsername: "a".repeat(21) })).to.equal(false);
            expect(validationPasses({ windowsAppVmCount: "1", adminUsername: "a".repeat(20) })).to.equal(true);
            expect(validationPasses({ adminUsername: "a".repeat(21) })).to.equal(true);
        });
    });

    describe("an image Azure Backup does not support", () => {
        it("CoreOS fails validation, readiness and the policy", async () => {
            expect(validationPasses({ appVmImage: "kinvolk:flatcar-container-linux-free:stable:latest" })).to.equal(false);
            const image = { publisher: "kinvolk", offer: "flatcar-container-linux-free", sku: "stable", version: "latest" };
            expect(validateResource(vmSupportedImage, { type: "azure-native:compute:VirtualMachine", name: "vm", props: { storageProfile: { imageReference: image } } })).to.have.length(1);
            const plan = await planReferenceEnvironment();
            const vm = plan.resources.find((resource) => resource.name === "app-vm-1-vm") as Plan["resources"][number];
            (vm.inputs.storageProfile as { imageReference: object }).imageReference = image;
            expect(readinessLine(plan, "OS supported by Azure Backup")).to.equal(false);
        });
    });

    describe("a Deny rule whose destination has host bits set (10.0.1.7/24)", () => {
        const deny: NsgRule = {
            name: "deny-app-subnet",
            priority: 150,
            direction: "Outbound",
            access: "Deny",
            protocol: "*",
            sourceAddressPrefix: "*",
            destinationAddressPrefix: "10.0.1.7/24",
            destinationPortRange: "*",
        };

        it("is refused by Azure, so it decides no flow: the evaluator passes over it", () => {
            const flow = { direction: "Outbound" as const, protocol: "Tcp" as const, sourceIp: "10.0.0.4", destinationIp: "10.0.1.8", destinationPort: 443 };
            expect(decidingRule([deny], flow, VNET).name).to.equal("AllowVnetOutBound");
        });

        it("is reported by the policy pack and fails the readiness line, both saying Azure refuses it", async () => {
            const [message] = validateResource(nsgRulesAzureAccepts, { type: "azure-native:network:SecurityRule", name: "deny", props: { ...deny, securityRuleName: deny.name } });
            expect(message).to.match(/10\.0\.1\.7\/24 has host bits set, which Azure refuses \(SecurityRuleInvalidAddressPrefix\): write 10\.0\.1\.0\/24/);
            const plan = await planReferenceEnvironment();
            const nsg = plan.resources.find((resource) => resource.type === "azure-native:network:NetworkSecurityGroup") as Plan["resources"][number];
            (nsg.inputs.securityRules as NsgRule[]).push(deny);
            expect(readinessLine(plan, "NSG rules Azure accepts")).to.equal(false);
        });
    });

    describe("a private address outside the VNet (192.168.5.5)", () => {
        const allow = { name: "allow-onprem", priority: 300, direction: "Outbound", access: "Allow", protocol: "Tcp", sourceAddressPrefix: "10.0.1.0/24", destinationAddressPrefix: "192.168.5.5", destinationPortRange: "443" };

        it("is not the Internet to the evaluator or to the policy pack", () => {
            expect(reachesInternet("192.168.5.5", VNET)).to.equal(false);
            const flow = { direction: "Outbound" as const, protocol: "Tcp" as const, sourceIp: "10.0.1.4", destinationIp: "192.168.5.5", destinationPort: 443 };
            const internetOnly: NsgRule = { name: "deny-internet", priority: 200, direction: "Outbound", access: "Deny", protocol: "*", destinationAddressPrefix: "Internet", destinationPortRange: "*" };
            expect(decidingRule([internetOnly], flow, VNET).name, "a deny of Internet does not cover it").to.equal("DenyAllOutBound");
            expect(validateResource(nsgInternetEgressFromProxyOnly, { type: "azure-native:network:SecurityRule", name: "allow", props: allow })).to.deep.equal([]);
        });
    });
});
