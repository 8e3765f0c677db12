/**
 * Knowing when a backup fails, in the plan: the vault's alerts, who they reach, where the logs
 * go and the proxy watched. Property names and values are those of the REST API versions
 * azure-native 3.28 sends (each cited in components/backupMonitoring.ts and the rulebook), and
 * the shapes below are those of the REST examples they cite.
 */
import { expect } from "chai";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { BackupMonitoring } from "../components";
import { Plan, PlannedResource, runPlan } from "../plan/engine";
import { readinessReport } from "../plan/readiness";
import { onlyResourceOfType, planReferenceEnvironment, PLAN_CLI, PROJECT_DIR, resourcesOfType } from "./support/plan";

const T = {
    vault: "azure-native:recoveryservices:Vault",
    vm: "azure-native:compute:VirtualMachine",
    actionGroup: "azure-native:monitor:ActionGroup",
    rule: "azure-native:alertsmanagement:AlertProcessingRuleByName",
    workspace: "azure-native:operationalinsights:Workspace",
    diagnostics: "azure-native:monitor:DiagnosticSetting",
    metricAlert: "azure-native:monitor:MetricAlert",
    queryAlert: "azure-native:monitor:ScheduledQueryRule",
    dcr: "azure-native:monitor:DataCollectionRule",
    dcra: "azure-native:monitor:DataCollectionRuleAssociation",
    extension: "azure-native:compute:VirtualMachineExtension",
    runCommand: "azure-native:compute:VirtualMachineRunCommandByVirtualMachine",
};

/** Every type BackupMonitoring may create. */
const MONITORING_TYPES = [T.actionGroup, T.rule, T.workspace, T.diagnostics, T.metricAlert, T.queryAlert, T.dcr, T.dcra, T.extension];

function named(plan: Plan, type: string, name: string): PlannedResource {
    const found = plan.resources.find((resource) => resource.type === type && resource.name === name);
    if (!found) {
        throw new Error(`no ${type} ${name}`);
    }
    return found;
}

describe("monitoring in the plan", () => {
    describe('alertEmails=["ops@example.com"] and logAnalyticsWorkspace=create', () => {
        let plan: Plan;
        let vault: PlannedResource;
        let proxyVm: PlannedResource;
        before(async () => {
            plan = await planReferenceEnvironment({ alertEmails: '["ops@example.com"]', logAnalyticsWorkspace: "create", tags: '{"env":"test"}' });
            vault = onlyResourceOfType(plan, T.vault);
            proxyVm = named(plan, T.vm, "backup-proxy-vm");
        });

        it("turns the vault's built-in alerts on for every failed job and the classic alerts off", () => {
            expect((vault.inputs.properties as Record<string, unknown>).monitoringSettings).to.deep.equal({
                azureMonitorAlertSettings: { alertsForAllJobFailures: "Enabled" },
                classicAlertSettings: { alertsForCriticalOperations: "Disabled" },
            });
        });

        it("has an action group that mails the receiver", () => {
            const group = onlyResourceOfType(plan, T.actionGroup);
            expect(group.inputs).to.deep.include({ location: "Global", enabled: true, emailReceivers: [{ name: "email-1", emailAddress: "ops@example.com", useCommonAlertSchema: true }] });
            expect(String(group.inputs.groupShortName).length).to.be.within(1, 12);
        });

        it("has an alert processing rule scoped to the vault that adds the action group", () => {
            const rule = onlyResourceOfType(plan, T.rule);
            expect(rule.inputs.location).to.equal("Global");
            expect(rule.inputs.properties).to.deep.include({
                scopes: [vault.id],
                actions: [{ actionType: "AddActionGroups", actionGroupIds: [onlyResourceOfType(plan, T.actionGroup).id] }],
                enabled: true,
            });
        });

        it("creates a workspace and sends the vault's six Azure Backup categories to its resource-specific tables", () => {
            const workspace = onlyResourceOfType(plan, T.workspace);
            expect(workspace.inputs).to.deep.include({ sku: { name: "PerGB2018" }, location: "westeurope" });
            const diagnostics = onlyResourceOfType(plan, T.diagnostics);
            expect(diagnostics.inputs).to.deep.include({ resourceUri: vault.id, workspaceId: workspace.id, logAnalyticsDestinationType: "Dedicated" });
            expect(diagnostics.inputs.logs).to.have.deep.members(
                ["CoreAzureBackup", "AddonAzureBackupJobs", "AddonAzureBackupPolicy", "AddonAzureBackupStorage", "AddonAzureBackupProtectedInstance", "AddonAzureBackupAlerts"].map((category) => ({
                    category,
                    enabled: true,
                })),
            );
        });

        it("alerts the action group when the proxy VM is unavailable, by its availability metric", () => {
            const alert = onlyResourceOfType(plan, T.metricAlert);
            expect(alert.inputs).to.deep.include({ scopes: [proxyVm.id], location: "global", enabled: true, actions: [{ actionGroupId: onlyResourceOfType(plan, T.actionGroup).id }] });
            expect(alert.inputs.criteria).to.deep.equal({
                odataType: "Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria",
                allOf: [
                    {
                        criterionType: "StaticThresholdCriterion",
                        name: "vm-availability",
                        metricNamespace: "Microsoft.Compute/virtualMachines",
                        metricName: "VmAvailabilityMetric",
                        operator: "LessThan",
                        threshold: 1,
                        timeAggregation: "Average",
                    },
                ],
            });
        });

        it("alerts the action group when squid stops answering: a heartbeat from inside the proxy, shipped by the Azure Monitor agent", () => {
            const workspace = onlyResourceOfType(plan, T.workspace);
            const rule = onlyResourceOfType(plan, T.dcr);
            expect(rule.inputs.destinations).to.deep.equal({ logAnalytics: [{ name: "workspace", workspaceResourceId: workspace.id }] });
            expect(rule.inputs.dataFlows).to.deep.equal([{ streams: ["Microsoft-Syslog"], destinations: ["workspace"] }]);
            expect(onlyResourceOfType(plan, T.dcra).inputs).to.deep.include({ resourceUri: proxyVm.id, dataCollectionRuleId: rule.id });
            expect(onlyResourceOfType(plan, T.extension).inputs).to.deep.include({ vmName: "backup-proxy", publisher: "Microsoft.Azure.Monitor", type: "AzureMonitorLinuxAgent" });
            expect(proxyVm.inputs.identity, "the agent signs in with the VM's identity").to.deep.equal({ type: "SystemAssigned" });
            const heartbeat = named(plan, T.runCommand, "monitoring-backup-proxy-heartbeat");
            expect(heartbeat.inputs).to.deep.include({ vmName: "backup-proxy", runCommandName: "backup-proxy-health" });
            const alert = onlyResourceOfType(plan, T.queryAlert);
            expect(alert.inputs).to.deep.include({ kind: "LogAlert", scopes: [workspace.id], actions: { actionGroups: [onlyResourceOfType(plan, T.actionGroup).id] } });
            const [condition] = (alert.inputs.criteria as { allOf: Record<string, unknown>[] }).allOf;
            expect(condition).to.deep.include({ timeAggregation: "Count", operator: "LessThan", threshold: 1 });
            expect(condition.query).to.equal(`Syslog | where ProcessName == "backup-proxy-health" and SyslogMessage startswith "ok:" and _ResourceId =~ "${proxyVm.id}"`);
        });

        it("needs no inbound opening: the NSG rules are those of the plan without monitoring", async () => {
            const rulesOf = (p: Plan) => JSON.stringify(p.resources.filter((r) => r.type.startsWith("azure-native:network:")).map((r) => r.inputs));
            expect(rulesOf(plan)).to.equal(rulesOf(await planReferenceEnvironment({ tags: '{"env":"test"}' })));
        });

        it("puts the tags on every monitoring resource that takes them", () => {
            for (const resource of plan.resources.filter((r) => MONITORING_TYPES.includes(r.type) && r.type !== T.diagnostics && r.type !== T.dcra)) {
                expect(resource.inputs.tags, `${resource.type} ${resource.name}`).to.deep.equal({ env: "test" });
            }
        });

        it("reads an existing workspace by id instead of creating one", async () => {
            const workspaceId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/central";
            const existing = await planReferenceEnvironment({ logAnalyticsWorkspaceId: workspaceId });
            expect(resourcesOfType(existing, T.workspace)).to.deep.equal([]);
            expect(onlyResourceOfType(existing, T.diagnostics).inputs.workspaceId).to.equal(workspaceId);
            expect(onlyResourceOfType(existing, T.queryAlert).inputs.scopes).to.deep.equal([workspaceId]);
        });
    });

    describe("the default plan", () => {
        let plan: Plan;
        before(async () => {
            plan = await planReferenceEnvironment();
        });

        it("adds only the vault's monitoring settings and the proxy's availability alert, with no one to tell", () => {
            const added = plan.resources.filter((resource) => MONITORING_TYPES.includes(resource.type));
            expect(added.map((resource) => resource.type)).to.deep.equal([T.metricAlert]);
            expect(added[0].inputs.actions).to.deep.equal([]);
            expect(named(plan, T.vm, "backup-proxy-vm").inputs.identity).to.equal(undefined);
        });

        it("npm run plan prints WARN for 'a failed backup reaches someone' and exits 0", () => {
            const out = fs.mkdtempSync(path.join(os.tmpdir(), "plan-warn-"));
            try {
                const run = spawnSync(process.execPath, [...PLAN_CLI, "--out", out], { cwd: PROJECT_DIR, encoding: "utf8", timeout: 60_000 });
                expect(run.status, run.stderr).to.equal(0);
                expect(run.stdout).to.match(/^ {2}app-vm-1 +WARN {2}a failed backup reaches someone: .*nobody is notified \(set alertEmails\)$/m);
                expect(run.stdout).to.not.match(/ FAIL /);
                // The other warning: no restore drill, which is off by default.
                expect(run.stdout).to.match(/^ {2}app-vm-1 +WARN {2}restore drill: no restore drill: /m);
                expect(run.stdout).to.match(/^Ready: 1 protected VM, 10 of 12 checks pass\. 2 warnings/m);
            } finally {
                fs.rmSync(out, { recursive: true, force: true });
            }
        });
    });

    it("watches every proxy it is given, one alert of each kind per proxy", async () => {
        const vmId = (name: string) => `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/${name}`;
        const plan = await runPlan({
            project: "backup-ready",
            stack: "test",
            config: {},
            program: () => {
                new BackupMonitoring("watch", {
                    resourceGroupName: "rg",
                    location: "westeurope",
                    vaultId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v1",
                    alertEmails: ["ops@example.com"],
                    createWorkspace: true,
                    proxies: [
                        { name: "proxy-a", vmId: vmId("proxy-a"), proxyIp: "10.0.0.5" },
                        { name: "proxy-b", vmId: vmId("proxy-b"), proxyIp: "10.0.0.6", proxyPort: 8080 },
                    ],
                });
                return pulumi.output({});
            },
        });
        expect(resourcesOfType(plan, T.metricAlert).map((alert) => alert.inputs.scopes)).to.deep.equal([[vmId("proxy-a")], [vmId("proxy-b")]]);
        expect(resourcesOfType(plan, T.queryAlert).map((alert) => alert.inputs.description)).to.deep.equal([
            "Squid on backup proxy proxy-a has not answered on 10.0.0.5:3128 for ten minutes",
            "Squid on backup proxy proxy-b has not answered on 10.0.0.6:8080 for ten minutes",
        ]);
        expect(resourcesOfType(plan, T.dcr)).to.have.length(1);
        expect(resourcesOfType(plan, T.dcra)).to.have.length(2);
    });
});

describe("monitoring a fleet (enrolment=policy)", () => {
    it("routes every region's vault alerts to people, watches the proxy once, and readiness follows the enrolment's vault", async () => {
        const plan = await planReferenceEnvironment({ enrolment: "policy", fleetRegions: '["westeurope","northeurope"]', alertEmails: '["ops@example.com"]' });
        const monitors = resourcesOfType(plan, "backup-ready:index:BackupMonitoring");
        expect(monitors.map((m) => m.name).sort()).to.deep.equal(["monitoring-northeurope", "monitoring-westeurope"]);
        expect(resourcesOfType(plan, "azure-native:alertsmanagement:AlertProcessingRuleByName")).to.have.length(2);
        expect(resourcesOfType(plan, "azure-native:monitor:MetricAlert"), "one availability alert per proxy").to.have.length(1);
        const line = readinessReport(plan)
            .flatMap((vm) => vm.checks)
            .find((check) => check.check === "a failed backup reaches someone");
        expect(line?.pass).to.equal(true);
        expect(line?.why).to.match(/^vault "vm-backup-vault-westeurope" alerts on every failed job/);
    });
});
