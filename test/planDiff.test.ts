import { expect } from "chai";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { diffPlans, flatten } from "../plan/diff";
import { formatDiffMarkdown, lineDiff } from "../plan/diffMarkdown";
import { Plan } from "../plan/engine";
import { planReferenceEnvironment, PLAN_CLI, PROJECT_DIR } from "./support/plan";

describe("plan diff", () => {
    let older: Plan;
    let newer: Plan;
    before(async () => {
        older = await planReferenceEnvironment({ appVmCount: "2" });
        newer = await planReferenceEnvironment({ appVmCount: "3", proxyPort: "8080", adminUsername: "backupadmin", retentionDays: "60" });
    });

    it("sorts each resource into create, update or replace, property by property", () => {
        const changes = Object.fromEntries(diffPlans(older, newer).map((c) => [c.name, c]));
        expect(changes["app-vm-3-vm"].action).to.equal("create");
        expect(changes["backup-app-vm-3"].action).to.equal("create");
        expect(changes["backup-policy"]).to.deep.include({ action: "update" });
        expect(changes["backup-policy"].properties).to.deep.equal([
            { path: "properties.retentionPolicy.dailySchedule.retentionDuration.count", old: 30, new: 60, replaces: undefined },
        ]);
        // A new admin user cannot be set on an existing VM: Azure replaces it.
        for (const vm of ["app-vm-1-vm", "app-vm-2-vm", "backup-proxy-vm"]) {
            expect(changes[vm].action, vm).to.equal("replace");
            expect(changes[vm].properties.find((p) => p.path === "osProfile.adminUsername")?.replaces, vm).to.equal("Azure cannot change it in place");
        }
        // Run Commands live inside their VM: replaced with it.
        expect(changes["app-vm-1-proxy-client-run-command"].action).to.equal("replace");
        expect(changes["lockdown-nsg"].properties.map((p) => p.path)).to.have.members([
            "securityRules[allow-clients-to-proxy].destinationPortRange",
            "securityRules[allow-clients-to-proxy-inbound].destinationPortRange",
            "securityRules[deny-proxy-port-inbound].destinationPortRange",
            "securityRules[allow-load-balancer-probe].destinationPortRange",
        ]);
    });

    it("reports a deleted resource, and one Azure keeps as such", async () => {
        const shrunk = await planReferenceEnvironment({ appVmCount: "1" });
        const deleted = diffPlans(older, shrunk).filter((c) => c.action === "delete");
        expect(deleted.map((c) => c.name)).to.include.members(["app-vm-2-vm", "backup-app-vm-2"]);
        expect(deleted.find((c) => c.name === "backup-app-vm-2")?.retainOnDelete).to.equal(true);
    });

    it("writes Markdown that makes a replaced VM impossible to miss and says it is the offline judgement", () => {
        const markdown = formatDiffMarkdown(diffPlans(older, newer), "main.json");
        expect(markdown).to.match(/^## Offline plan: \d+ to replace, 0 to delete, \d+ to update, \d+ to create\n/);
        expect(markdown).to.contain("> [!CAUTION]");
        expect(markdown).to.match(/> - \*\*REPLACE\*\* `app-vm-1-vm` \(azure-native:compute:VirtualMachine\)/);
        expect(markdown).to.contain("offline judgement");
        expect(markdown).to.contain("| `properties.retentionPolicy.dailySchedule.retentionDuration.count` | `30` | `60` | in place |");
        // squid.conf now lives in the proxy's configuration script (its Run Command), not indented in YAML.
        expect(markdown).to.match(/```diff\n\s+-\s*http_port 3128\n\s+\+\s*http_port 8080\n/);
    });

    it("shows a Windows VM's PowerShell script decoded when the proxy changes", async () => {
        const windowsBefore = await planReferenceEnvironment({ windowsAppVmCount: "1" });
        const windowsAfter = await planReferenceEnvironment({ windowsAppVmCount: "1", proxyPort: "8080" });
        const markdown = formatDiffMarkdown(diffPlans(windowsBefore, windowsAfter), "main.json");
        expect(markdown).to.match(/\n\s+-\$proxy = '10\.0\.0\.5:3128'\n\s+\+\$proxy = '10\.0\.0\.5:8080'\n/);
    });

    it("says so when nothing changes", () => {
        const markdown = formatDiffMarkdown(diffPlans(older, older), "same.json");
        expect(markdown).to.contain("0 to replace, 0 to delete, 0 to update, 0 to create");
        expect(markdown).to.contain("No changes.");
        expect(markdown).to.not.contain("CAUTION");
    });

    it("keys named list items by name and diffs lines", () => {
        expect([...flatten({ rules: [{ name: "a", priority: 1 }] }).keys()]).to.deep.equal(["rules[a].name", "rules[a].priority"]);
        expect(lineDiff(["a", "b", "c"], ["a", "x", "c"])).to.deep.equal(["-b", "+x"]);
    });

    it("is what `npm run plan -- --diff OLD` prints and writes to plan-diff.md", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-diff-"));
        const old = path.join(dir, "old.json");
        fs.writeFileSync(old, JSON.stringify(older));
        const stdout = execFileSync(
            process.execPath,
            [...PLAN_CLI, "--stack", "test", "--out", dir, "--diff", old, "--config", "appVmCount=3", "--config", "proxyPort=8080", "--config", "adminUsername=backupadmin", "--config", "retentionDays=60"],
            { cwd: PROJECT_DIR, encoding: "utf8", timeout: 60_000 },
        );
        const written = fs.readFileSync(path.join(dir, "plan-diff.md"), "utf8");
        expect(written).to.equal(formatDiffMarkdown(diffPlans(older, newer), "old.json"));
        expect(stdout).to.contain(written);
    });
});
