/**
 * Fleets enrolled by Azure Policy: the reference environment with `enrolment=policy` plans a vault,
 * an assignment of Azure's built-in definition, its identity, roles and a remediation per region,
 * and no protected item; readiness follows the rulebook's coverage rule. The definition's id,
 * parameter names and roles are Azure's (Azure/azure-policy, built-in-policies/policyDefinitions/Backup/
 * VirtualMachineWithTag_Backup_Deploy.json and VirtualMachineBackup_Backup_DeployIfNotExists.json).
 */
import { expect } from "chai";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Plan, PlannedResource, runPlan } from "../plan/engine";
import { isReady, readinessReport } from "../plan/readiness";
import { definitionCoversImage, Enrolment, ENROLMENT_DEFINITIONS, enrolmentGap, enrolmentParameters, enrolmentView } from "../policy/rulebook/fleet";
import { vmView } from "../policy/rulebook/resources";
import { onlyResourceOfType, planReferenceEnvironment, PLAN_CLI, PROJECT_DIR, resourcesOfType } from "./support/plan";

const TWO_REGIONS = { enrolment: "policy", fleetRegions: '["westeurope","northeurope"]' };
const NO_TAG_DEFINITION = "/providers/Microsoft.Authorization/policyDefinitions/09ce66bc-1220-4153-8104-e3f51c936913";
const VM_CONTRIBUTOR = "9980e02c-c2be-4d73-94e8-173b1dc7cf3c";
const BACKUP_CONTRIBUTOR = "5e467623-bb1f-42f4-a55d-6e525e11384b";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type Inputs = Record<string, any>;

const inputsOf = (resource: PlannedResource) => resource.inputs as Inputs;
const byType = (plan: Plan, type: string) => resourcesOfType(plan, type).map(inputsOf);
const FLEET_TYPES = [
    "azure-native:recoveryservices:Vault",
    "azure-native:recoveryservices:ProtectionPolicy",
    "azure-native:recoveryservices:ProtectedItem",
    "azure-native:authorization:PolicyAssignment",
    "azure-native:authorization:RoleAssignment",
    "azure-native:policyinsights:RemediationAtResourceGroup",
    "azure-native:policyinsights:RemediationAtSubscription",
];

function withoutTags(plan: Plan, vmName: string): Plan {
    const copy = structuredClone(plan);
    const vm = copy.resources.find((resource) => resource.type === "azure-native:compute:VirtualMachine" && inputsOf(resource).vmName === vmName);
    delete (vm as PlannedResource).inputs.tags;
    return copy;
}

describe("a fleet enrolled by Azure Policy (enrolment=policy)", function () {
    this.timeout(120_000);
    let plan: Plan;
    let groupId: string;

    before(async () => {
        plan = await planReferenceEnvironment(TWO_REGIONS);
        groupId = resourcesOfType(plan, "azure-native:resources:ResourceGroup")[0].id as string;
    });

    it("plans a vault in each region, and no protected item", () => {
        expect(byType(plan, "azure-native:recoveryservices:Vault").map((vault) => [vault.vaultName, vault.location])).to.have.deep.members([
            ["vm-backup-vault-westeurope", "westeurope"],
            ["vm-backup-vault-northeurope", "northeurope"],
        ]);
        expect(resourcesOfType(plan, "azure-native:recoveryservices:ProtectedItem")).to.deep.equal([]);
    });

    it("assigns the tag definition once per region with its own parameter names, pointing at that region's policy", () => {
        const policies = resourcesOfType(plan, "azure-native:recoveryservices:ProtectionPolicy");
        const assignments = byType(plan, "azure-native:authorization:PolicyAssignment");
        expect(assignments).to.have.length(2);
        for (const region of ["westeurope", "northeurope"]) {
            const assignment = assignments.find((candidate) => candidate.location === region) as Inputs;
            const policy = policies.find((candidate) => inputsOf(candidate).vaultName === `vm-backup-vault-${region}`) as PlannedResource;
            // The project's custom definition by default (fleetDefinition=custom), one for the fleet.
            const definition = onlyResourceOfType(plan, "azure-native:authorization:PolicyDefinition");
            expect(inputsOf(definition).policyDefinitionName).to.equal("backup-ready-vm-backup-with-tag");
            expect(assignment.policyDefinitionId).to.equal(definition.id);
            expect(assignment.scope).to.equal(groupId);
            expect(assignment.identity).to.deep.equal({ type: "SystemAssigned" });
            expect(assignment.parameters).to.deep.equal({
                vaultLocation: { value: region },
                backupPolicyId: { value: policy.id },
                inclusionTagName: { value: "backup" },
                inclusionTagValue: { value: ["daily"] },
                effect: { value: "DeployIfNotExists" },
            });
        }
    });

    it("gives each assignment's identity exactly the definition's two roles: VM Contributor at the scope, Backup Contributor on the vaults' group", () => {
        const roles = byType(plan, "azure-native:authorization:RoleAssignment");
        expect(roles).to.have.length(4);
        const vaultGroup = (resourcesOfType(plan, "azure-native:recoveryservices:Vault")[0].id as string).replace(/\/providers\/.*$/, "");
        for (const region of ["westeurope", "northeurope"]) {
            const ofRegion = resourcesOfType(plan, "azure-native:authorization:RoleAssignment").filter((role) => role.name.startsWith(`fleet-${region}-`));
            expect(new Set(ofRegion.map((role) => inputsOf(role).principalId)).size, `one identity for ${region}`).to.equal(1);
        }
        const principals = [...new Set(roles.map((role) => role.principalId))];
        expect(principals).to.have.length(2);
        for (const principalId of principals) {
            const granted = roles.filter((role) => role.principalId === principalId).map((role) => [role.roleDefinitionId.split("/").pop(), role.scope, role.principalType]);
            expect(granted).to.have.deep.members([
                [VM_CONTRIBUTOR, groupId, "ServicePrincipal"],
                [BACKUP_CONTRIBUTOR, vaultGroup, "ServicePrincipal"],
            ]);
        }
        roles.forEach((role) => expect(role.roleAssignmentName).to.match(GUID));
        expect(new Set(roles.map((role) => role.roleAssignmentName)).size).to.equal(4);
    });

    it("names the role assignments the same in every plan", async () => {
        const again = await planReferenceEnvironment(TWO_REGIONS);
        const names = (p: Plan) => byType(p, "azure-native:authorization:RoleAssignment").map((role) => role.roleAssignmentName).sort();
        expect(names(again)).to.deep.equal(names(plan));
    });

    it("remediates the VMs that exist in each region, after the roles", () => {
        const assignments = resourcesOfType(plan, "azure-native:authorization:PolicyAssignment");
        const remediations = resourcesOfType(plan, "azure-native:policyinsights:RemediationAtResourceGroup");
        expect(remediations).to.have.length(2);
        for (const assignment of assignments) {
            const remediation = remediations.find((candidate) => inputsOf(candidate).policyAssignmentId === assignment.id) as PlannedResource;
            expect(inputsOf(remediation).filters).to.deep.equal({ locations: [inputsOf(assignment).location] });
            expect(inputsOf(remediation).resourceDiscoveryMode).to.equal("ReEvaluateCompliance");
            const roles = resourcesOfType(plan, "azure-native:authorization:RoleAssignment").filter((role) => role.name.startsWith(`fleet-${inputsOf(assignment).location}-`));
            expect(remediation.dependencies).to.include.members(roles.map((role) => role.urn));
        }
    });

    it("tags the app VMs, and readiness passes them as enrolled into their region's vault", () => {
        const vms = byType(plan, "azure-native:compute:VirtualMachine").filter((vm) => vm.vmName.startsWith("app-vm-"));
        vms.forEach((vm) => expect(vm.tags).to.deep.equal({ backup: "daily" }));
        const report = readinessReport(plan);
        expect(report.map((vm) => vm.vm)).to.deep.equal(["app-vm-1"]);
        expect(isReady(report), JSON.stringify(report, null, 1)).to.equal(true);
        expect(report[0].checks[0]).to.deep.equal({
            check: "Azure Policy enrolment",
            pass: true,
            why: 'enrolled by policy assignment "fleet-westeurope" (tag backup=daily) into vault "vm-backup-vault-westeurope" in westeurope, the VM\'s region',
        });
    });

    it("fails a VM without the tag, naming the tag", () => {
        const report = readinessReport(withoutTags(plan, "app-vm-1"));
        const failed = report[0].checks.filter((check) => !check.pass);
        expect(failed.map((check) => check.why)).to.deep.equal([
            'not enrolled by Azure Policy: policy assignment "fleet-westeurope": the VM does not carry the tag backup=daily (no such tag); tag it, or give its region a vault and an assignment',
        ]);
    });

    it("fails a VM in a region with no vault, naming the region", async () => {
        const elsewhere = await planReferenceEnvironment({ enrolment: "policy", fleetRegions: '["northeurope"]' });
        const failed = readinessReport(elsewhere)[0].checks.filter((check) => !check.pass);
        expect(failed.map((check) => check.why)).to.deep.equal([
            "not enrolled by Azure Policy: no policy assignment enrols VMs in westeurope, a region with no vault of the fleet (northeurope); tag it, or give its region a vault and an assignment",
        ]);
    });

    it("plans as many fleet resources for 3 VMs as for 1", async () => {
        const three = await planReferenceEnvironment({ ...TWO_REGIONS, appVmCount: "3" });
        const counts = (p: Plan) => FLEET_TYPES.map((type) => resourcesOfType(p, type).length);
        expect(counts(three)).to.deep.equal(counts(plan));
        expect(isReady(readinessReport(three))).to.equal(true);
        expect(readinessReport(three).map((vm) => vm.vm)).to.deep.equal(["app-vm-1", "app-vm-2", "app-vm-3"]);
    });
});

describe("npm run plan -- --config enrolment=policy --config 'fleetRegions[0]=westeurope' --config 'fleetRegions[1]=northeurope'", function () {
    this.timeout(120_000);
    let out: string;
    after(() => fs.rmSync(out, { recursive: true, force: true }));

    it("exits 0 with the fleet in plan.json and every readiness line passing", () => {
        out = fs.mkdtempSync(path.join(os.tmpdir(), "fleet-plan-"));
        const args = ["enrolment=policy", "fleetRegions[0]=westeurope", "fleetRegions[1]=northeurope"].flatMap((pair) => ["--config", pair]);
        const run = spawnSync(process.execPath, [...PLAN_CLI, ...args, "--out", out], { cwd: PROJECT_DIR, encoding: "utf8", timeout: 90_000 });
        expect(run.status, run.stderr).to.equal(0);
        expect(run.stdout).to.match(/app-vm-1 +PASS +Azure Policy enrolment: enrolled by policy assignment "fleet-westeurope" \(tag backup=daily\)/);
        // Ready; the warnings: nobody is mailed of a failed backup (no alertEmails), and no drill restores the VM (drills need enrolment "list").
        expect(run.stdout).to.match(/^Ready: 1 protected VM, /m);
        expect(run.stdout).to.not.match(/ FAIL /);
        expect(run.stdout.match(/ WARN {2}(.*?):/g)).to.deep.equal([" WARN  a failed backup reaches someone:", " WARN  restore drill:"]);
        const written = JSON.parse(fs.readFileSync(path.join(out, "plan.json"), "utf8")) as Plan;
        const count = (type: string) => written.resources.filter((resource) => resource.type === type).length;
        expect(FLEET_TYPES.map(count)).to.deep.equal([2, 2, 0, 2, 4, 2, 0]);
    });
});

describe("BackupFleet on its own", function () {
    this.timeout(60_000);

    async function planFleet(args: Record<string, unknown>): Promise<Plan> {
        return runPlan({
            project: "fleet",
            stack: "test",
            config: { "azure-native:location": "westeurope" },
            program: () => {
                const { BackupFleet } = require("../components/backupFleet") as typeof import("../components/backupFleet");
                new BackupFleet("fleet", { resourceGroupName: "backup-rg", regions: ["westeurope"], scope: "/subscriptions/11111111-1111-1111-1111-111111111111", ...args });
                return {};
            },
        });
    }

    it("remediates at the subscription when the scope is one, granting VM Contributor there", async () => {
        const plan = await planFleet({});
        expect(resourcesOfType(plan, "azure-native:policyinsights:RemediationAtSubscription")).to.have.length(1);
        expect(resourcesOfType(plan, "azure-native:policyinsights:RemediationAtResourceGroup")).to.have.length(0);
        const vmRole = byType(plan, "azure-native:authorization:RoleAssignment").find((role) => role.roleDefinitionId.endsWith(VM_CONTRIBUTOR)) as Inputs;
        expect(vmRole.scope).to.equal("/subscriptions/11111111-1111-1111-1111-111111111111");
        expect(vmRole.roleDefinitionId).to.equal(`/subscriptions/11111111-1111-1111-1111-111111111111/providers/Microsoft.Authorization/roleDefinitions/${VM_CONTRIBUTOR}`);
    });

    it("assigns the definition without a tag, with its exclusion parameters, when told to exclude tagged VMs", async () => {
        const plan = await planFleet({ excludeTagged: true, tagName: "backup", tagValue: "none", definition: "builtIn" });
        const [assignment] = byType(plan, "azure-native:authorization:PolicyAssignment");
        expect(assignment.policyDefinitionId).to.equal(NO_TAG_DEFINITION);
        expect(resourcesOfType(plan, "azure-native:authorization:PolicyDefinition")).to.deep.equal([]);
        const custom = await planFleet({ excludeTagged: true, tagName: "backup", tagValue: "none" });
        expect(byType(custom, "azure-native:authorization:PolicyDefinition").map((d) => d.policyDefinitionName)).to.deep.equal(["backup-ready-vm-backup-without-tag"]);
        expect(Object.keys(assignment.parameters).sort()).to.deep.equal(["backupPolicyId", "effect", "exclusionTagName", "exclusionTagValue", "vaultLocation"]);
        expect(assignment.parameters.exclusionTagName).to.deep.equal({ value: "backup" });
        expect(assignment.parameters.exclusionTagValue).to.deep.equal({ value: ["none"] });
    });
});

describe("the definitions' image lists", () => {
    const image = (publisher: string, offer: string, sku: string) => ({ publisher, offer, sku, version: "latest" });

    it("enrol Ubuntu 22.04 Gen2 with a tag, not 24.04's server SKU, matching case as Azure Policy does", () => {
        const { include } = ENROLMENT_DEFINITIONS;
        expect(definitionCoversImage(include, image("Canonical", "0001-com-ubuntu-server-jammy", "22_04-lts-gen2"))).to.equal(true);
        expect(definitionCoversImage(include, image("canonical", "0001-com-UBUNTU-server-jammy", "22_04-LTS-gen2"))).to.equal(true);
        expect(definitionCoversImage(include, image("Canonical", "ubuntu-24_04-lts", "server"))).to.equal(false);
        expect(definitionCoversImage(include, image("MicrosoftWindowsServer", "WindowsServer", "2022-datacenter-azure-edition"))).to.equal(true);
    });

    it("enrol Ubuntu up to 20.04 without a tag (definition 8.0.0)", () => {
        const { exclude } = ENROLMENT_DEFINITIONS;
        expect(definitionCoversImage(exclude, image("Canonical", "0001-com-ubuntu-server-focal", "20_04-lts-gen2"))).to.equal(true);
        expect(definitionCoversImage(exclude, image("Canonical", "0001-com-ubuntu-server-jammy", "22_04-lts-gen2"))).to.equal(false);
    });
});

describe("the coverage rule (policy/rulebook/fleet.ts)", () => {
    const GROUP = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/apps";
    const jammy = { publisher: "Canonical", offer: "0001-com-ubuntu-server-jammy", sku: "22_04-lts-gen2", version: "latest" };
    const vm = (props: Record<string, unknown>) =>
        vmView({ type: "azure-native:compute:VirtualMachine", name: "vm", urn: "urn:vm", props: { vmName: "vm1", resourceGroupName: "apps", location: "westeurope", storageProfile: { imageReference: jammy }, ...props } });
    const assignment = (mode: "include" | "exclude", scope = GROUP) =>
        enrolmentView({
            type: "azure-native:authorization:PolicyAssignment",
            name: "a",
            urn: "urn:a",
            props: {
                name: "fleet-westeurope",
                scope,
                policyDefinitionId: ENROLMENT_DEFINITIONS[mode].id.toUpperCase(),
                parameters: enrolmentParameters(ENROLMENT_DEFINITIONS[mode], { vaultLocation: "West Europe", backupPolicyId: `${GROUP}/providers/Microsoft.RecoveryServices/vaults/v/backupPolicies/p`, tagName: "backup", tagValues: ["daily"] }),
            },
        }) as Enrolment;

    it("reads an assignment of either definition, whatever the case of its id, with its vault", () => {
        expect(assignment("include").vault).to.deep.equal({ resourceGroupName: "apps", name: "v" });
        expect(assignment("include").vaultLocation).to.equal("westeurope");
        expect(enrolmentView({ type: "azure-native:authorization:PolicyAssignment", name: "x", urn: "urn:x", props: { policyDefinitionId: "/providers/Microsoft.Authorization/policyDefinitions/other" } })).to.equal(undefined);
    });

    it("matches the tag name ignoring case, and the value as listed", () => {
        expect(enrolmentGap(vm({ tags: { Backup: "Daily" } }), assignment("include"))).to.equal(undefined);
        expect(enrolmentGap(vm({ tags: { backup: "weekly" } }), assignment("include"))).to.equal("the VM does not carry the tag backup=daily (backup=weekly)");
    });

    it("enrols every VM but the tagged ones without a tag (on an image 8.0.0 lists)", () => {
        const focal = { storageProfile: { imageReference: { publisher: "Canonical", offer: "0001-com-ubuntu-server-focal", sku: "20_04-lts-gen2" } } };
        expect(enrolmentGap(vm(focal), assignment("exclude"))).to.equal(undefined);
        expect(enrolmentGap(vm({ ...focal, tags: { backup: "daily" } }), assignment("exclude"))).to.equal("the VM carries the exclusion tag backup=daily");
        expect(enrolmentGap(vm({}), assignment("exclude"))).to.match(/^its definition \(8\.0\.0\) enrols none of the VM's image/);
    });

    it("leaves out VMs of another resource group than a group scope, another region, or an unlisted image", () => {
        const tagged = { tags: { backup: "daily" } };
        expect(enrolmentGap(vm(tagged), assignment("include", "/subscriptions/00000000-0000-0000-0000-000000000000"))).to.equal(undefined);
        expect(enrolmentGap(vm({ ...tagged, resourceGroupName: "other" }), assignment("include"))).to.equal(`its scope ${GROUP} does not hold resource group other`);
        expect(enrolmentGap(vm({ ...tagged, location: "northeurope" }), assignment("include"))).to.equal("it covers westeurope, the VM is in northeurope");
        expect(enrolmentGap(vm({ ...tagged, storageProfile: { imageReference: { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server" } } }), assignment("include"))).to.match(
            /^its definition \(9\.1\.0\) enrols none of the VM's image Canonical:ubuntu-24_04-lts:server/,
        );
    });
});
