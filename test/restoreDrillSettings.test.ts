/**
 * Restore drills in the reference environment: the settings (restoreDrill, restoreDrillSchedule,
 * restoreDrillVms, restoreDrillSubnet), each refused in one line naming it, and the plan they
 * make: RestoreDrill on the stack's vault, VNet, workspace and action group, a readiness line per
 * protected VM, the quarantine drawn in the topology.
 */
import { expect } from "chai";
import { Plan } from "../plan/engine";
import { formatReadiness, readinessReport } from "../plan/readiness";
import { buildTopology } from "../plan/topology";
import { InvalidSettingError } from "../policy/rulebook/errors";
import { resolveSettings, RawConfig, settingFor } from "../settings";
import { onlyResourceOfType, planReferenceEnvironment, resourcesOfType } from "./support/plan";

function refusal(raw: RawConfig): InvalidSettingError {
    try {
        resolveSettings(raw, undefined, { warn: () => undefined });
    } catch (err) {
        expect(err).to.be.instanceOf(InvalidSettingError);
        expect((err as Error).message).to.not.contain("\n");
        return err as InvalidSettingError;
    }
    throw new Error("expected a refusal");
}

const settings = (raw: RawConfig) => resolveSettings(raw, undefined, { warn: () => undefined });

describe("restore drill settings", () => {
    it("are off by default; on, they drill every protected app VM on Saturdays into the first free /24", () => {
        expect(settings({}).restoreDrill).to.equal(false);
        const on = settings({ restoreDrill: "true" });
        expect(on).to.deep.include({ restoreDrillSchedule: "0 3 * * 6", restoreDrillVms: [], restoreDrillSubnet: "10.0.2.0/24" });
        expect(settings({ restoreDrill: "true", proxySubnet: "10.0.2.0/24", appSubnet: "10.0.0.0/24" }).restoreDrillSubnet).to.equal("10.0.1.0/24");
    });

    it("feed RestoreDrill's schedule by the naming rule", () => {
        expect(settingFor("restoreDrill", "schedule")).to.equal("restoreDrillSchedule");
        expect(settingFor("restoreDrill", "logAnalyticsWorkspaceId")).to.equal("logAnalyticsWorkspaceId");
    });

    it("refuse a drill setting while restoreDrill is false, naming the setting and restoreDrill", () => {
        for (const raw of [{ restoreDrillSchedule: "0 1 * * *" }, { restoreDrillVms: '["app-vm-1"]' }, { restoreDrillSubnet: "10.0.9.0/24" }]) {
            const [key] = Object.keys(raw);
            expect(refusal(raw).message, key).to.equal(`${key}: applies only with restoreDrill true; unset it, or set restoreDrill to true`);
        }
        // Pulumi hands every declared default to the program: those are not "set".
        expect(settings({ restoreDrillSchedule: "0 3 * * 6", restoreDrillVms: "[]", restoreDrillSubnet: "" }).restoreDrill).to.equal(false);
    });

    it("refuse a VM that is not a protected app VM of the environment, naming the restoreDrillVms entry", () => {
        expect(refusal({ restoreDrill: "true", restoreDrillVms: '["app-vm-2"]' }).message).to.equal('restoreDrillVms[0]: must be the name of a protected app VM (app-vm-1); got "app-vm-2"');
        expect(refusal({ restoreDrill: "true", restoreDrillVms: '["app-vm-1","app-vm-1"]' }).message).to.equal('restoreDrillVms[1]: must be each VM once; it repeats restoreDrillVms[0]; got "app-vm-1"');
        expect(settings({ restoreDrill: "true", appVmCount: "2", windowsAppVmCount: "1", restoreDrillVms: '["app-vm-2","win-vm-1"]' }).restoreDrillVms).to.deep.equal(["app-vm-2", "win-vm-1"]);
    });

    it("refuse a schedule Container Apps would not run, naming restoreDrillSchedule", () => {
        const err = refusal({ restoreDrill: "true", restoreDrillSchedule: "0 0 3 * * 6" });
        expect(err.setting).to.equal("restoreDrillSchedule");
        expect(err.message).to.contain("5 fields");
        expect(refusal({ restoreDrill: "true", restoreDrillSchedule: "*/30 * * * *" }).setting).to.equal("restoreDrillSchedule");
    });

    it("refuse a quarantine subnet outside the address space, on another subnet, or too small, naming restoreDrillSubnet", () => {
        for (const subnet of ["10.1.0.0/24", "10.0.1.0/25", "10.0.0.0/16", "10.0.5.0/30", "10.0.5.1/24"]) {
            expect(refusal({ restoreDrill: "true", restoreDrillSubnet: subnet }).setting, subnet).to.equal("restoreDrillSubnet");
        }
        expect(refusal({ restoreDrill: "true", addressSpace: "10.0.0.0/23" }).setting).to.equal("restoreDrillSubnet");
    });

    it("refuse drills with enrolment policy, naming restoreDrill", () => {
        expect(refusal({ restoreDrill: "true", enrolment: "policy", appVmImage: "Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest" }).setting).to.equal("restoreDrill");
    });
});

describe("restore drills in the reference environment's plan", function () {
    this.timeout(180_000);
    let plan: Plan;

    before(async () => {
        plan = await planReferenceEnvironment({ restoreDrill: "true", alertEmails: '["ops@example.com"]', logAnalyticsWorkspace: "create", appVmCount: "2", restoreDrillVms: '["app-vm-2"]' });
    });

    it("drills the stack's vault into a quarantine subnet of its VNet, after the other subnets", () => {
        const vault = onlyResourceOfType(plan, "azure-native:recoveryservices:Vault");
        const job = onlyResourceOfType(plan, "azure-native:app:Job");
        const env = Object.fromEntries((job.inputs.template as { containers: Array<{ env: Array<{ name: string; value: string }> }> }).containers[0].env.map((v) => [v.name, v.value]));
        expect(env.DRILL_VAULT_ID).to.equal(vault.id);
        expect(env.DRILL_VMS).to.equal('["app-vm-2"]');
        const quarantine = resourcesOfType(plan, "azure-native:network:Subnet").find((s) => s.inputs.subnetName === "restore-drill-quarantine");
        expect(quarantine?.inputs).to.deep.include({ virtualNetworkName: "backup-ready-vnet", addressPrefix: "10.0.2.0/24", defaultOutboundAccess: false });
        const proxySubnet = resourcesOfType(plan, "azure-native:network:Subnet").find((s) => s.inputs.subnetName === "proxy-subnet");
        expect(quarantine?.dependencies).to.include(proxySubnet?.urn);
    });

    it("keeps the records when the drill goes: the table is retained on delete", () => {
        expect(onlyResourceOfType(plan, "azure-native:operationalinsights:Table").options.retainOnDelete).to.equal(true);
    });

    it("lets the runner write only the drilled VM, and uses the monitoring's workspace and action group", () => {
        const scopes = resourcesOfType(plan, "azure-native:authorization:RoleAssignment").map((r) => String(r.inputs.scope));
        expect(scopes.filter((scope) => scope.includes("/virtualMachines/"))).to.deep.equal([resourcesOfType(plan, "azure-native:compute:VirtualMachine").find((vm) => vm.inputs.vmName === "app-vm-2")?.id]);
        const shared = resourcesOfType(plan, "azure-native:resources:ResourceGroup").find((g) => g.name === "backup-ready");
        expect(shared, "the group the vault, VNet and VMs share").to.not.equal(undefined);
        expect(scopes.map((scope) => scope.toLowerCase())).to.not.include(shared?.id?.toLowerCase());
        const workspace = resourcesOfType(plan, "azure-native:operationalinsights:Workspace");
        expect(workspace, "one workspace: the monitoring's").to.have.length(1);
        const group = onlyResourceOfType(plan, "azure-native:monitor:ActionGroup");
        for (const alert of resourcesOfType(plan, "azure-native:monitor:ScheduledQueryRule").filter((r) => String(r.name).startsWith("restore-drill"))) {
            expect(alert.inputs.scopes).to.deep.equal([workspace[0].id]);
            expect(alert.inputs.actions).to.deep.equal({ actionGroups: [group.id] });
        }
    });

    it("says per protected VM whether a drill restores it, into which quarantine, and that the quarantine holds", () => {
        const report = readinessReport(plan);
        const line = (vm: string) => report.find((r) => r.vm === vm)?.checks.find((c) => c.check === "restore drill");
        expect(line("app-vm-2")).to.deep.include({ pass: true });
        expect(line("app-vm-2")?.why).to.match(/^scheduled "0 3 \* \* 6" \(UTC\) into quarantine subnet 10\.0\.2\.0\/24: its clones reach 168\.63\.129\.16 \(rule "allow-azure-platform"\) and nothing else/);
        expect(line("app-vm-1")).to.deep.include({ pass: false, level: "warn" });
        expect(line("app-vm-1")?.why).to.match(/^no restore drill/);
        expect(formatReadiness(report)).to.contain('app-vm-2  PASS  restore drill: scheduled "0 3 * * 6" (UTC) into quarantine subnet 10.0.2.0/24');
    });

    it("fails the line when the quarantine leaks", () => {
        const leaky: Plan = {
            ...plan,
            resources: plan.resources.map((r) =>
                r.type === "azure-native:network:NetworkSecurityGroup" && r.inputs.networkSecurityGroupName === "NSG-restore-drill-quarantine"
                    ? { ...r, inputs: { ...r.inputs, securityRules: (r.inputs.securityRules as Array<{ name: string }>).filter((rule) => rule.name !== "deny-all-outbound") } }
                    : r,
            ),
        };
        const line = readinessReport(leaky).find((r) => r.vm === "app-vm-2")?.checks.find((c) => c.check === "restore drill");
        expect(line?.pass).to.equal(false);
        expect(line?.level).to.equal(undefined);
        expect(line?.why).to.contain('allowed by rule "AllowInternetOutBound"');
    });

    it("draws the quarantine subnet with the clones, the vault restoring into it, and nothing leaving it but to the platform", () => {
        const topology = buildTopology(plan);
        const drill = topology.nodes.find((n) => n.kind === "drill");
        expect(drill?.parent).to.match(/restore-drill-quarantine$/);
        const from = topology.edges.filter((e) => e.from === drill?.id);
        expect(from.filter((e) => e.kind === "allowed").map((e) => e.to)).to.deep.equal(["platform"]);
        expect(from.filter((e) => e.kind === "denied").map((e) => e.to)).to.include("internet");
        expect(from.filter((e) => e.kind === "denied").length).to.be.greaterThan(1);
        expect(topology.edges.some((e) => e.kind === "restores" && e.to === drill?.id)).to.equal(true);
    });
});
