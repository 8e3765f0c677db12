/**
 * examples/03-restore-drill, a consumer's stack, type-checked and planned from the package's
 * sources (test/support/examples.ts), with its configuration read from its own Pulumi.yaml as the
 * CLI would, and the runner the package ships (bin/drill).
 */
import { expect } from "chai";
import * as path from "path";
import { Plan } from "../plan/engine";
import { EXAMPLES_DIR, planExampleFromSource, typeErrorsFromSource } from "./support/examples";

const DIR = path.join(EXAMPLES_DIR, "03-restore-drill");
const SHARED = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/prod";
const VM_IDS = ["erp-01", "erp-02"].map((vm) => `${SHARED}/providers/Microsoft.Compute/virtualMachines/${vm}`);

describe("examples/03-restore-drill: drills of an existing vault, planned from the package's sources", function () {
    this.timeout(180_000);
    let plan: Plan;

    before(async () => {
        plan = await planExampleFromSource(DIR, "test", {
            vaultId: `${SHARED}/providers/Microsoft.RecoveryServices/vaults/prod-vault`,
            vmIds: JSON.stringify(VM_IDS),
            virtualNetworkId: `${SHARED}/providers/Microsoft.Network/virtualNetworks/prod-vnet`,
            quarantineSubnetPrefix: "10.20.250.0/24",
            actionGroupId: `${SHARED}/providers/Microsoft.Insights/actionGroups/ops`,
        });
    });

    it("type-checks against the package's sources", () => {
        expect(typeErrorsFromSource(DIR)).to.deep.equal([]);
    });

    it("plans one drill job on the default schedule, drilling the configured VMs by name with the package's runner", () => {
        const jobs = plan.resources.filter((r) => r.type === "azure-native:app:Job");
        expect(jobs).to.have.length(1);
        const configuration = jobs[0].inputs.configuration as { scheduleTriggerConfig: { cronExpression: string }; secrets: Array<{ name: string; value: string }> };
        expect(configuration.scheduleTriggerConfig.cronExpression).to.equal("0 3 * * 6");
        const template = jobs[0].inputs.template as { containers: Array<{ env: Array<{ name: string; value: string }> }>; volumes: Array<{ secrets: Array<{ path: string }> }> };
        expect(template.containers[0].env.find((v) => v.name === "DRILL_VMS")?.value).to.equal('["erp-01","erp-02"]');
        expect(template.volumes[0].secrets.map((s) => s.path)).to.include("runner.js");
        expect(plan.outputs.drillSchedule).to.equal("0 3 * * 6");
    });

    it("grants the runner write on exactly the configured VMs, at each VM, and nothing on their group", () => {
        const scopes = plan.resources.filter((r) => r.type === "azure-native:authorization:RoleAssignment").map((r) => String(r.inputs.scope));
        expect(scopes.filter((scope) => scope.includes("/virtualMachines/"))).to.have.members(VM_IDS);
        expect(scopes).to.not.include(SHARED);
    });

    it("creates a workspace for the records when none is configured, and the quarantine subnet in the configured network", () => {
        expect(plan.resources.filter((r) => r.type === "azure-native:operationalinsights:Workspace")).to.have.length(1);
        const subnet = plan.resources.find((r) => r.type === "azure-native:network:Subnet");
        expect(subnet?.inputs).to.deep.include({ resourceGroupName: "prod", virtualNetworkName: "prod-vnet", addressPrefix: "10.20.250.0/24", defaultOutboundAccess: false });
    });
});
