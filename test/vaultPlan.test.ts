/**
 * The vault settings as they reach the planned resources, the tags on every resource that takes
 * them, retired VMs, and what the offline diff says about irreversible and Azure-refused changes.
 */
import { expect } from "chai";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { diffPlans } from "../plan/diff";
import { formatDiffMarkdown } from "../plan/diffMarkdown";
import { Plan, PlannedResource } from "../plan/engine";
import { readinessReport } from "../plan/readiness";
import { onlyResourceOfType, planReferenceEnvironment, PLAN_CLI, PROJECT_DIR, resourcesOfType } from "./support/plan";

const VAULT = "azure-native:recoveryservices:Vault";
const POLICY = "azure-native:recoveryservices:ProtectionPolicy";
const ITEM = "azure-native:recoveryservices:ProtectedItem";
const LOCK = "azure-native:authorization:ManagementLockByScope";
const AZURE_NATIVE = path.join(PROJECT_DIR, "node_modules", "@pulumi", "azure-native");

/** Whether the type's Args interface in the installed azure-native .d.ts declares `tags`. */
function takesTags(type: string): boolean {
    const [, module, name] = type.split(":");
    const file = path.join(AZURE_NATIVE, module, `${name[0].toLowerCase()}${name.slice(1)}.d.ts`);
    const text = fs.readFileSync(file, "utf8");
    const args = new RegExp(`export interface ${name}Args \\{([\\s\\S]*?)\\n\\}`).exec(text);
    if (!args) {
        throw new Error(`no ${name}Args in ${file}`);
    }
    return /\n\s+tags\?:/.test(args[1]);
}

const azureResources = (plan: Plan): PlannedResource[] => plan.resources.filter((r) => r.custom && r.type.startsWith("azure-native:"));

describe("a vault a platform team would adopt (the issue's plan)", () => {
    const TAGS = { env: "prod", owner: "platform" };
    let plan: Plan;
    before(async () => {
        plan = await planReferenceEnvironment({
            weeklyRetentionWeeks: "12",
            monthlyRetentionMonths: "12",
            yearlyRetentionYears: "7",
            storageRedundancy: "ZoneRedundant",
            vaultImmutability: "Unlocked",
            tags: JSON.stringify(TAGS),
            windowsAppVmCount: "1",
        });
    });

    it("keeps weekly 12, monthly 12 and yearly 7 from the Sunday backup, in Azure's property names", () => {
        const retention = (onlyResourceOfType(plan, POLICY).inputs.properties as Record<string, any>).retentionPolicy;
        expect(retention.weeklySchedule).to.deep.equal({ daysOfTheWeek: ["Sunday"], retentionTimes: ["2024-01-01T02:00:00Z"], retentionDuration: { count: 12, durationType: "Weeks" } });
        expect(retention.monthlySchedule).to.deep.include({ retentionDuration: { count: 12, durationType: "Months" }, retentionScheduleFormatType: "Weekly" });
        expect(retention.yearlySchedule).to.deep.include({ retentionDuration: { count: 7, durationType: "Years" }, monthsOfYear: ["January"] });
    });

    it("stores zone-redundantly with Cross Region Restore off and the vault unlocked-immutable", () => {
        const properties = onlyResourceOfType(plan, VAULT).inputs.properties as Record<string, any>;
        expect(properties.redundancySettings).to.deep.equal({ standardTierStorageRedundancy: "ZoneRedundant", crossRegionRestore: "Disabled" });
        expect(properties.securitySettings.immutabilitySettings).to.deep.equal({ state: "Unlocked" });
    });

    it("puts both tags on every azure-native resource that takes tags, and finds such resources of many types", () => {
        const resources = azureResources(plan);
        const taggable = resources.filter((r) => takesTags(r.type));
        for (const resource of taggable) {
            expect(resource.inputs.tags, `${resource.name} (${resource.type})`).to.deep.equal(TAGS);
        }
        expect(new Set(taggable.map((r) => r.type)).size).to.be.at.least(11);
        // What takes no tags (subnets, the lock) is told apart by the .d.ts, not by this test.
        expect(resources.filter((r) => !takesTags(r.type)).map((r) => r.type)).to.have.members([
            "azure-native:network:Subnet",
            "azure-native:network:Subnet",
            LOCK,
        ]);
    });
});

describe("vault defaults and the lock", () => {
    let plan: Plan;
    before(async () => {
        plan = await planReferenceEnvironment();
    });

    it("adds no tags anyone did not ask for", () => {
        expect(azureResources(plan).filter((r) => "tags" in r.inputs).map((r) => r.name)).to.deep.equal([]);
    });

    it("gives the vault a system-assigned identity, closes it to public networks and locks it against deletion", () => {
        const vault = onlyResourceOfType(plan, VAULT);
        expect(vault.inputs.identity).to.deep.equal({ type: "SystemAssigned" });
        expect((vault.inputs.properties as Record<string, unknown>).publicNetworkAccess).to.equal("Disabled");
        const lock = onlyResourceOfType(plan, LOCK);
        expect(lock.inputs).to.include({ scope: vault.id, level: "CanNotDelete" });
        // Created after the protected items, so a teardown through Pulumi removes the lock first.
        expect(lock.dependencies).to.include.members(resourcesOfType(plan, ITEM).map((item) => item.urn));
    });

    it("drops the lock with vaultLock=false", async () => {
        expect(resourcesOfType(await planReferenceEnvironment({ vaultLock: "false" }), LOCK)).to.deep.equal([]);
    });

    it("backs up hourly with the Enhanced policy, from backupTime for hourlyWindowHours", async () => {
        const hourly = await planReferenceEnvironment({ backupFrequency: "Hourly", hourlyInterval: "6", hourlyWindowHours: "12", backupTime: "06:00" });
        expect((onlyResourceOfType(hourly, POLICY).inputs.properties as Record<string, any>).schedulePolicy).to.deep.equal({
            schedulePolicyType: "SimpleSchedulePolicyV2",
            scheduleRunFrequency: "Hourly",
            hourlySchedule: { interval: 6, scheduleWindowStartTime: "2024-01-01T06:00:00Z", scheduleWindowDuration: 12 },
        });
    });
});

describe("retiring a VM keeps its recovery points", () => {
    let two: Plan;
    let retired: Plan;
    before(async () => {
        two = await planReferenceEnvironment({ appVmCount: "2" });
        retired = await planReferenceEnvironment({ appVmCount: "1", retiredVms: '["app-vm-2"]' });
    });

    it("keeps the item under the same URN, protection stopped, no policy, same VM", () => {
        const before = resourcesOfType(two, ITEM).find((r) => r.name === "backup-app-vm-2") as PlannedResource;
        const after = resourcesOfType(retired, ITEM).find((r) => r.urn === before.urn) as PlannedResource;
        expect(after, "the same URN").to.not.equal(undefined);
        const { policyId, ...kept } = before.inputs.properties as Record<string, unknown>;
        expect(policyId).to.be.a("string");
        expect(after.inputs.properties).to.deep.equal({ ...kept, protectionState: "ProtectionStopped" });
        expect(after.inputs.protectedItemName).to.equal(before.inputs.protectedItemName);
        expect(after.options.retainOnDelete).to.equal(true);
    });

    it("shows no protected item deleted, and the retired one as protection stopped, recovery points kept", () => {
        const changes = diffPlans(two, retired);
        expect(changes.filter((c) => c.type === ITEM && c.action !== "update")).to.deep.equal([]);
        const item = changes.find((c) => c.name === "backup-app-vm-2");
        expect(item?.action).to.equal("update");
        expect(item?.notes).to.deep.equal([{ kind: "kept", text: "protection stopped, recovery points kept" }]);
        expect(changes.find((c) => c.name === "app-vm-2-vm")?.action).to.equal("delete");
    });

    it("leaves the retired VM out of the readiness report: nothing of it is backed up any more", () => {
        expect(readinessReport(retired).map((vm) => vm.vm)).to.deep.equal(["app-vm-1"]);
    });

    it("is what `npm run plan -- --diff` prints for a plan that lowers appVmCount", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-retire-"));
        const old = path.join(dir, "old.json");
        fs.writeFileSync(old, JSON.stringify(two));
        const stdout = execFileSync(
            process.execPath,
            [...PLAN_CLI, "--stack", "test", "--out", dir, "--diff", old, "--config", "appVmCount=1", "--config", "retiredVms[0]=app-vm-2"],
            { cwd: PROJECT_DIR, encoding: "utf8", timeout: 60_000 },
        );
        expect(stdout).to.contain("- `backup-app-vm-2` (azure-native:recoveryservices:ProtectedItem) [kept in Azure on delete]\n  - **KEPT**: protection stopped, recovery points kept");
        expect(stdout).to.not.match(/\*\*(DELETE|REPLACE)\*\* `backup-/);
    });

    it("without retiredVms the item leaves the stack but stays in Azure: no deletion, no failed deployment", async () => {
        const changes = diffPlans(two, await planReferenceEnvironment({ appVmCount: "1" }));
        const item = changes.find((c) => c.name === "backup-app-vm-2");
        expect(item?.action).to.equal("delete");
        expect(item?.retainOnDelete, "Pulumi lets go of it without deleting it in Azure").to.equal(true);
        expect(item?.protect, "a protected resource leaving the program would fail the deployment").to.equal(false);
        const markdown = formatDiffMarkdown(changes, "old.json");
        expect(markdown).to.match(/^## Offline plan: 0 to replace, \d+ to delete, \d+ to update, \d+ to create, 1 to leave the stack but keep in Azure\n/);
        expect(markdown).to.not.match(/\*\*(DELETE|REPLACE)\*\* `backup-/);
        expect(markdown).to.contain("### Leave the stack, kept in Azure\n\n- `backup-app-vm-2` (azure-native:recoveryservices:ProtectedItem) [kept in Azure on delete]\n  - **KEPT**: leaves the stack, kept in Azure with its recovery points (retainOnDelete)");
    });

    it("refuses a retired VM that is still counted, or is not one of this environment's", async () => {
        for (const [retiredVms, pattern] of [
            ['["app-vm-1"]', /^retiredVms\[0\]: must be the name of a VM above appVmCount \(1\) or windowsAppVmCount \(0\): app-vm-1 is still backed up; got "app-vm-1"$/],
            ['["app-vm-3","db-1"]', /^retiredVms\[1\]: must be an app VM name such as "app-vm-3" or "win-vm-2"; got "db-1"$/],
        ] as const) {
            let error: unknown;
            try {
                await planReferenceEnvironment({ retiredVms });
            } catch (e) {
                error = e;
            }
            expect((error as Error | undefined)?.message, retiredVms).to.match(pattern);
        }
    });
});

describe("the offline diff on vault changes", () => {
    let base: Plan;
    before(async () => {
        base = await planReferenceEnvironment();
    });

    const notesOf = (after: Plan) => diffPlans(base, after).find((c) => c.type === VAULT)?.notes ?? [];

    it("calls a redundancy change after protection one Azure will refuse, and not before", async () => {
        expect(notesOf(await planReferenceEnvironment({ storageRedundancy: "LocallyRedundant" }))).to.deep.equal([
            { kind: "refused", text: 'storage redundancy "GeoRedundant" to "LocallyRedundant": Azure will refuse it, a vault\'s redundancy cannot change once it protects items' },
        ]);
        const empty = await planReferenceEnvironment({ appVmCount: "0" });
        const changes = diffPlans(empty, await planReferenceEnvironment({ appVmCount: "0", storageRedundancy: "LocallyRedundant" }));
        expect(changes.find((c) => c.type === VAULT)?.notes).to.equal(undefined);
    });

    it("names Locked immutability and AlwaysOn soft delete irreversible, at the top of the Markdown", async () => {
        const after = await planReferenceEnvironment({ vaultImmutability: "Locked", vaultAllowIrreversibleSettings: "true", vaultSoftDelete: "AlwaysOn" });
        expect(notesOf(after).map((n) => n.kind)).to.deep.equal(["irreversible", "irreversible"]);
        const markdown = formatDiffMarkdown(diffPlans(base, after), "main.json");
        expect(markdown).to.contain("> [!WARNING]\n> **2 vault changes Azure will refuse or that cannot be undone.**");
        expect(markdown).to.contain("> - **IRREVERSIBLE** `backup-vault`: immutability Locked: irreversible");
        expect(markdown).to.contain("> - **IRREVERSIBLE** `backup-vault`: soft delete AlwaysOn: irreversible");
    });

    it("calls leaving Locked or AlwaysOn one Azure will refuse", async () => {
        const locked = await planReferenceEnvironment({ vaultImmutability: "Locked", vaultAllowIrreversibleSettings: "true", vaultSoftDelete: "AlwaysOn" });
        const kinds = diffPlans(locked, base).find((c) => c.type === VAULT)?.notes?.map((n) => n.kind);
        expect(kinds).to.deep.equal(["refused", "refused"]);
    });
});
