/**
 * The examples, numbered as Azure Verified Modules number theirs (examples/NN-name), each with a
 * README and each planned here: 00 is the repository's own program, 02 a consumer program planned
 * from the package's sources (01 is planned against the built package by existingStack.test.ts and
 * against the installed one by install.test.ts; 03 by restoreDrillExample.test.ts).
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { Plan } from "../plan/engine";
import { EXAMPLES_DIR, exampleFolders, planExampleFromSource, typeErrorsFromSource } from "./support/examples";
import { planReferenceEnvironment, resourcesOfType } from "./support/plan";

const SUBSCRIPTION = "/subscriptions/11111111-2222-3333-4444-555555555555";

describe("the examples", () => {
    it("are numbered from 00 without a gap, each with a README", () => {
        const folders = exampleFolders();
        expect(folders).to.deep.equal(["00-reference", "01-existing-stack", "02-fleet", "03-restore-drill"]);
        folders.forEach((folder, i) => {
            expect(folder.slice(0, 3), folder).to.equal(`${String(i).padStart(2, "0")}-`);
            expect(fs.existsSync(path.join(EXAMPLES_DIR, folder, "README.md")), `${folder}/README.md`).to.equal(true);
        });
    });

    it("each consumer example is a Pulumi project of its own that imports the package by name", () => {
        for (const folder of ["01-existing-stack", "02-fleet", "03-restore-drill"]) {
            const dir = path.join(EXAMPLES_DIR, folder);
            for (const file of ["Pulumi.yaml", "package.json", "tsconfig.json", "index.ts"]) {
                expect(fs.existsSync(path.join(dir, file)), `${folder}/${file}`).to.equal(true);
            }
            expect(JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).dependencies["backup-ready"]).to.equal("file:../..");
            expect(fs.readFileSync(path.join(dir, "index.ts"), "utf8")).to.match(/from "backup-ready";/);
        }
    });
});

describe("examples/00-reference: the repository's own program", function () {
    this.timeout(120_000);

    it("is the root project its README names, and plans a vault protecting every app VM behind the proxy", async () => {
        const readme = fs.readFileSync(path.join(EXAMPLES_DIR, "00-reference", "README.md"), "utf8");
        expect(readme).to.contain("(../../index.ts)").and.contain("(../../Pulumi.yaml)");
        const plan = await planReferenceEnvironment({ appVmCount: "2" });
        const vms = resourcesOfType(plan, "azure-native:compute:VirtualMachine").map((vm) => vm.name);
        expect(vms).to.have.members(["backup-proxy-vm", "app-vm-1-vm", "app-vm-2-vm"]);
        const items = resourcesOfType(plan, "azure-native:recoveryservices:ProtectedItem");
        expect(items.map((item) => (item.inputs.properties as { sourceResourceId: string }).sourceResourceId)).to.have.members(
            resourcesOfType(plan, "azure-native:compute:VirtualMachine")
                .filter((vm) => vm.name.startsWith("app-vm-"))
                .map((vm) => vm.id),
        );
    });
});

describe("examples/02-fleet: a landing zone's VMs enrolled by Azure Policy, planned from the package's sources", function () {
    this.timeout(180_000);
    const dir = path.join(EXAMPLES_DIR, "02-fleet");
    let plan: Plan;

    before(async () => {
        plan = await planExampleFromSource(dir, "test", {
            regions: '["westeurope","northeurope"]',
            landingZoneScope: SUBSCRIPTION,
            vaultResourceGroupName: "backup",
            alertEmails: '["ops@example.com"]',
        });
    });

    it("type-checks against the package's sources", () => {
        expect(typeErrorsFromSource(dir)).to.deep.equal([]);
    });

    it("plans a vault and a backup policy in each region, and no VM and no protected item", () => {
        const vaults = resourcesOfType(plan, "azure-native:recoveryservices:Vault").map((vault) => [vault.inputs.vaultName, vault.inputs.location, vault.inputs.resourceGroupName]);
        expect(vaults).to.have.deep.members([
            ["vm-backup-vault-westeurope", "westeurope", "backup"],
            ["vm-backup-vault-northeurope", "northeurope", "backup"],
        ]);
        expect(resourcesOfType(plan, "azure-native:recoveryservices:ProtectionPolicy")).to.have.length(2);
        expect(resourcesOfType(plan, "azure-native:compute:VirtualMachine")).to.deep.equal([]);
        expect(resourcesOfType(plan, "azure-native:recoveryservices:ProtectedItem")).to.deep.equal([]);
    });

    it("assigns the project's tag definition at the landing zone's subscription, per region, and remediates there", () => {
        const [definition] = resourcesOfType(plan, "azure-native:authorization:PolicyDefinition");
        const TAG_DEFINITION = definition.id;
        expect(definition.inputs.policyDefinitionName).to.equal("backup-ready-vm-backup-with-tag");
        const assignments = resourcesOfType(plan, "azure-native:authorization:PolicyAssignment").map((a) => a.inputs);
        expect(assignments.map((a) => [a.scope, a.policyDefinitionId, a.location])).to.have.deep.members([
            [SUBSCRIPTION, TAG_DEFINITION, "westeurope"],
            [SUBSCRIPTION, TAG_DEFINITION, "northeurope"],
        ]);
        for (const assignment of assignments) {
            expect(assignment.parameters).to.deep.include({ inclusionTagName: { value: "backup" }, inclusionTagValue: { value: ["daily"] } });
        }
        expect(resourcesOfType(plan, "azure-native:authorization:RoleAssignment")).to.have.length(4);
        expect(resourcesOfType(plan, "azure-native:policyinsights:RemediationAtSubscription")).to.have.length(2);
    });

    it("routes each vault's failed jobs to alertEmails", () => {
        const vaultIds = resourcesOfType(plan, "azure-native:recoveryservices:Vault").map((vault) => vault.id);
        const rules = resourcesOfType(plan, "azure-native:alertsmanagement:AlertProcessingRuleByName");
        expect(rules.map((rule) => (rule.inputs.properties as { scopes: string[] }).scopes)).to.have.deep.members(vaultIds.map((id) => [id]));
        for (const group of resourcesOfType(plan, "azure-native:monitor:ActionGroup")) {
            expect(group.inputs.emailReceivers).to.deep.equal([{ name: "email-1", emailAddress: "ops@example.com", useCommonAlertSchema: true }]);
        }
    });

    it("exports the vaults, the assignments and their identities", () => {
        expect(Object.keys(plan.outputs).sort()).to.deep.equal(["assignmentIds", "principalIds", "vaultIds"]);
        expect(plan.outputs.vaultIds).to.have.length(2);
    });
});
