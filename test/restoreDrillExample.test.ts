/**
 * examples/03-restore-drill, a consumer's stack, planned: its `import ... from "backup-ready"`
 * resolved to this package's sources (test/existingStack.test.ts covers the compiled package and
 * its install), its configuration read from its own Pulumi.yaml as the CLI would.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Plan, runPlan } from "../plan/engine";
import { loadProjectConfig } from "../plan/projectConfig";
import { PROJECT_DIR } from "./support/plan";

const EXAMPLE_DIR = path.join(PROJECT_DIR, "examples", "03-restore-drill");
const SHARED = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/prod";
const VM_IDS = ["erp-01", "erp-02"].map((vm) => `${SHARED}/providers/Microsoft.Compute/virtualMachines/${vm}`);

// eslint-disable-next-line @typescript-eslint/no-var-requires
const Module = require("module");

describe("examples/03-restore-drill", function () {
    this.timeout(60_000);
    let plan: Plan;
    let runnerFolder: string;
    const resolve = Module._resolveFilename;

    before(async () => {
        runnerFolder = fs.mkdtempSync(path.join(os.tmpdir(), "drill-runner-"));
        fs.writeFileSync(path.join(runnerFolder, "runner.js"), "console.log('drill');\n");
        Module._resolveFilename = function (request: string, ...rest: unknown[]) {
            return resolve.call(this, request === "backup-ready" ? path.join(PROJECT_DIR, "components", "index.ts") : request, ...rest);
        };
        const { project, config } = loadProjectConfig(EXAMPLE_DIR, "test", {
            vaultId: `${SHARED}/providers/Microsoft.RecoveryServices/vaults/prod-vault`,
            vmIds: JSON.stringify(VM_IDS),
            virtualNetworkId: `${SHARED}/providers/Microsoft.Network/virtualNetworks/prod-vnet`,
            quarantineSubnetPrefix: "10.20.250.0/24",
            actionGroupId: `${SHARED}/providers/Microsoft.Insights/actionGroups/ops`,
            runnerFolder,
        });
        plan = await runPlan({ project, stack: "test", config, program: () => require(EXAMPLE_DIR) });
    });
    after(() => {
        Module._resolveFilename = resolve;
        fs.rmSync(runnerFolder, { recursive: true, force: true });
    });

    it("plans one drill job on the default schedule, drilling the configured VMs by name", () => {
        const jobs = plan.resources.filter((r) => r.type === "azure-native:app:Job");
        expect(jobs).to.have.length(1);
        const configuration = jobs[0].inputs.configuration as { scheduleTriggerConfig: { cronExpression: string } };
        expect(configuration.scheduleTriggerConfig.cronExpression).to.equal("0 3 * * 6");
        const env = (jobs[0].inputs.template as { containers: Array<{ env: Array<{ name: string; value: string }> }> }).containers[0].env;
        expect(env.find((v) => v.name === "DRILL_VMS")?.value).to.equal('["erp-01","erp-02"]');
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
