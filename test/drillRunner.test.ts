/**
 * The scheduled runner as the RestoreDrill component ships it: drill/ compiled by tsc and run with
 * plain `node` from a folder with no node_modules, its settings in the environment, a managed
 * identity token from IDENTITY_ENDPOINT and one record per VM posted to a logs ingestion endpoint.
 */
import { expect } from "chai";
import { mkdtempSync, readdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { run, runOk, SYSTEM_PATH } from "./support/processes";
import { DRILL_GROUP, FakeArm, isoDaysAgo, STAGING_ID, SUBNET_ID, VAULT_ID, APP_GROUP } from "./support/fakeArm";

const ROOT = join(__dirname, "..");
const STREAM = require("./fixtures/drill/restoreDrillStream.json");

describe("restore drill runner (compiled, plain node)", function () {
    this.timeout(120_000);
    let fake: FakeArm;
    let out: string;

    before(async () => {
        out = mkdtempSync(join(tmpdir(), "drill-runner-"));
        await runOk(process.execPath, [
            join(ROOT, "node_modules/typescript/bin/tsc"),
            "--outDir", out, "--rootDir", join(ROOT, "drill"),
            "--target", "ES2022", "--module", "commonjs", "--strict", "--types", "node", "--skipLibCheck",
            join(ROOT, "drill/runner.ts"), join(ROOT, "drill/cli.ts"),
        ], { cwd: ROOT, timeoutMs: 90_000 });
    });

    after(() => rmSync(out, { recursive: true, force: true }));

    afterEach(async () => {
        await fake?.stop();
    });

    function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
        return {
            PATH: SYSTEM_PATH,
            IDENTITY_ENDPOINT: `${fake.url}/msi/token`,
            IDENTITY_HEADER: "identity-secret",
            AZURE_CLIENT_ID: "11111111-2222-3333-4444-555555555555",
            DRILL_VAULT_ID: VAULT_ID,
            DRILL_TARGET_RESOURCE_GROUP_ID: DRILL_GROUP,
            DRILL_QUARANTINE_SUBNET_ID: SUBNET_ID,
            DRILL_STAGING_ACCOUNT_ID: STAGING_ID,
            DRILL_ARM_ENDPOINT: fake.url,
            DRILL_POLL_SECONDS: "0.05",
            DRILL_TIMEOUT_MINUTES: "1",
            DRILL_LOGS_ENDPOINT: fake.url,
            DRILL_LOGS_RULE_ID: "dcr-00000000000000000000000000000000",
            DRILL_LOGS_STREAM: STREAM.stream,
            ...extra,
        };
    }

    it("compiles to files that need only Node built-ins", () => {
        expect(readdirSync(out).sort()).to.include.members(["runner.js", "cli.js", "drill.js", "arm.js", "auth.js", "record.js", "ids.js", "main.js"]);
    });

    it("sweeps, drills and posts one record per VM with the declared columns", async () => {
        fake = new FakeArm({
            vms: [{ name: "app1", recoveryPoints: [{ name: "111", time: isoDaysAgo(1) }] }, { name: "app2", checkExit: 3, recoveryPoints: [{ name: "333", time: isoDaysAgo(2) }, { name: "334", time: isoDaysAgo(20) }] }],
            identity: { header: "identity-secret", clientId: "11111111-2222-3333-4444-555555555555" },
            logs: { ruleId: "dcr-00000000000000000000000000000000", stream: STREAM.stream, columns: STREAM.columns },
        });
        await fake.start();
        const script = Buffer.from("test -d /var/lib/app\n").toString("base64");
        const result = await run(process.execPath, [join(out, "runner.js")], {
            cwd: out,
            env: env({ DRILL_VMS: '["app1","app2"]', DRILL_MAX_PARALLEL: "1", DRILL_RECOVERY_POINT: "random:7", DRILL_CHECK_SCRIPT: script }),
            timeoutMs: 60_000,
        });
        expect(result.code, result.stderr).to.equal(1);
        expect(result.stderr).to.match(/^drill: 2 record\(s\) posted to Custom-RestoreDrill_CL$/m);
        expect(fake.ingested).to.have.length(2);
        for (const row of fake.ingested) {
            expect(Object.keys(row)).to.deep.equal(STREAM.columns.map((c: { name: string }) => c.name));
        }
        const [app1, app2] = fake.ingested;
        expect(app1).to.deep.include({ Vault: VAULT_ID, Vm: `${APP_GROUP}/providers/Microsoft.Compute/virtualMachines/app1`, VmName: "app1", Result: "passed", CleanupOk: true, Leftover: [] });
        expect(app2).to.deep.include({ VmName: "app2", Result: "failed", CleanupOk: true, Leftover: [] });
        // random:7 can only draw 333: 334 is older than the window.
        expect(app2.RecoveryPointId).to.match(/\/recoveryPoints\/333$/);
        expect(app2.Checks.at(-1)).to.deep.include({ name: "user check", ok: false });
        expect(app1.DurationSeconds).to.be.a("number").and.to.be.above(0);
        // The identity was asked for both audiences with its client id and header.
        const tokens = fake.requests.filter((r) => r.path === "/msi/token");
        expect(tokens.map((r) => r.query.resource).sort()).to.deep.equal(["https://management.azure.com/", "https://monitor.azure.com/"]);
        expect(fake.scripts.every((s) => s.script.includes("test -d /var/lib/app"))).to.equal(true);
        // One VM at a time: the second restore starts after the first VM's cleanup.
        const restores = fake.requests.filter((r) => r.method === "POST" && r.path.endsWith("/restore"));
        const firstVmDeleted = fake.requests.filter((r) => r.method === "DELETE" && r.path.includes("/virtualMachines/"))[0];
        expect(restores[1].at).to.be.at.least(firstVmDeleted.at);
        expect(fake.writesOutsideDrillGroup()).to.deep.equal([]);
        expect(fake.leftovers()).to.deep.equal([]);
        expect(fake.unknown).to.deep.equal([]);
    });

    it("exits 2 without drilling or posting when a setting is wrong", async () => {
        fake = new FakeArm({ vms: [{ name: "app1", recoveryPoints: [{ name: "111", time: isoDaysAgo(1) }] }] });
        await fake.start();
        const result = await run(process.execPath, [join(out, "runner.js")], { cwd: out, env: env({ DRILL_RECOVERY_POINT: "oldest" }), timeoutMs: 30_000 });
        expect(result.code).to.equal(2);
        expect(result.stderr).to.equal('drill: DRILL_RECOVERY_POINT: expected "latest" or "random:<days>" (days a whole number from 1), got "oldest"\n');
        expect(fake.requests).to.deep.equal([]);
    });
});
