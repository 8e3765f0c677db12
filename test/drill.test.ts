/**
 * The restore drill against a fake ARM (test/support/fakeArm.ts) whose requests and answers follow
 * the REST specs the drill uses. Every case checks that nothing was written outside the drill
 * resource group except the restore calls, and that nothing was left over.
 */
import { expect } from "chai";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../drill/cli";
import { choosePoint, restorable, wrapCheckScript, exitStatusOf } from "../drill/drill";
import { writeGuard, settingsOf } from "../drill/main";
import { RECORD_COLUMNS } from "../drill/record";
import { run, SYSTEM_PATH } from "./support/processes";
import { ARM_TOKEN, DRILL_GROUP, FakeArm, FakeArmOptions, isoDaysAgo, STAGING_ID, SUBNET_ID, VAULT_ID, APP_GROUP } from "./support/fakeArm";

const ROOT = join(__dirname, "..");

function drillArgs(fake: FakeArm, extra: string[] = []): string[] {
    const timeout = extra.includes("--timeout-minutes") ? [] : ["--timeout-minutes", "1"];
    return [
        "--vault", VAULT_ID,
        "--target-resource-group", DRILL_GROUP,
        "--quarantine-subnet", SUBNET_ID,
        "--staging-account", STAGING_ID,
        "--arm-endpoint", fake.url,
        "--poll-seconds", "0.05",
        ...timeout,
        ...extra,
    ];
}

const recent = (name: string, days = 1) => ({ name, time: isoDaysAgo(days) });

/** Runs the drill in this process; returns its exit code and progress lines. */
async function drill(fake: FakeArm, extra: string[] = [], token = ARM_TOKEN): Promise<{ code: number; lines: string[] }> {
    const lines: string[] = [];
    const code = await main(drillArgs(fake, extra), { ARM_ACCESS_TOKEN: token }, (line) => lines.push(line));
    return { code, lines };
}

function expectClean(fake: FakeArm): void {
    expect(fake.writesOutsideDrillGroup(), "writes outside the drill group").to.deep.equal([]);
    expect(fake.leftovers(), "left in the drill group").to.deep.equal([]);
    expect(fake.unknown.map((r) => `${r.method} ${r.path}`), "requests no ARM route knows").to.deep.equal([]);
    expect(fake.resources.has(STAGING_ID.toLowerCase()), "the staging account survives").to.equal(true);
}

describe("restore drill", function () {
    this.timeout(60_000);
    let fake: FakeArm;
    let dir: string;

    async function startFake(options: FakeArmOptions): Promise<FakeArm> {
        fake = new FakeArm(options);
        await fake.start();
        return fake;
    }

    beforeEach(() => {
        dir = mkdtempSync(join(tmpdir(), "drill-"));
    });

    afterEach(async () => {
        await fake?.stop();
        rmSync(dir, { recursive: true, force: true });
    });

    it("restores both VMs into the drill group, checks them and removes everything (npm run drill, exit 0, report)", async () => {
        await startFake({ vms: [{ name: "app1", recoveryPoints: [recent("111", 1), recent("222", 3)] }, { name: "app2", osType: "Windows", recoveryPoints: [recent("333", 2)] }] });
        const report = join(dir, "report.json");
        const result = await run("npm", ["run", "--silent", "drill", "--", ...drillArgs(fake, ["--report", report])], {
            cwd: ROOT,
            env: { PATH: process.env.PATH ?? SYSTEM_PATH, HOME: process.env.HOME, ARM_ACCESS_TOKEN: ARM_TOKEN },
            timeoutMs: 45_000,
        });
        expect(result.code, result.stderr).to.equal(0);
        const json = JSON.parse(readFileSync(report, "utf8"));
        expect(Object.keys(json)).to.deep.equal(["vault", "startedAt", "finishedAt", "vms"]);
        expect(json.vault).to.equal(VAULT_ID);
        expect(json.vms.map((vm: any) => [vm.vm, vm.result])).to.deep.equal([
            [`${APP_GROUP}/providers/Microsoft.Compute/virtualMachines/app1`, "passed"],
            [`${APP_GROUP}/providers/Microsoft.Compute/virtualMachines/app2`, "passed"],
        ]);
        const app1 = json.vms[0];
        expect(Object.keys(app1)).to.deep.equal(["vm", "recoveryPoint", "restoreJobId", "restoredVmId", "result", "checks", "cleanup"]);
        expect(app1.recoveryPoint.id).to.match(/\/recoveryPoints\/111$/);
        expect(app1.restoreJobId).to.match(new RegExp(`^${VAULT_ID}/backupJobs/[0-9a-f-]{36}$`));
        expect(app1.restoredVmId).to.match(new RegExp(`^${DRILL_GROUP}/providers/Microsoft.Compute/virtualMachines/rdx[0-9a-z]{12}$`));
        expect(app1.checks.map((c: any) => [c.name, c.ok])).to.deep.equal([
            ["recovery point", true],
            ["restore job", true],
            ["provisioning", true],
            ["power state", true],
            ["VM agent", true],
        ]);
        // VM, OS disk, data disk and NIC, each confirmed gone.
        expect(app1.cleanup.ok).to.equal(true);
        expect(app1.cleanup.deleted.map((id: string) => id.split("/").slice(-2)[0])).to.have.members(["virtualMachines", "disks", "disks", "networkInterfaces"]);
        expect(app1.cleanup.leftover).to.deep.equal([]);
        // The restore body is the spec's alternate-location request; the fake accepted both.
        const restores = fake.requests.filter((r) => r.method === "POST" && r.path.endsWith("/restore"));
        expect(restores.map((r) => r.status)).to.deep.equal([202, 202]);
        expect(restores[0].body.properties).to.include({
            objectType: "IaasVMRestoreRequest",
            recoveryType: "AlternateLocation",
            targetResourceGroupId: DRILL_GROUP,
            subnetId: SUBNET_ID,
            region: "westeurope",
            createNewCloudService: false,
            originalStorageAccountOption: false,
        });
        expect(result.stderr).to.match(/^\[app1\] ok restore job: job [0-9a-f-]+ Completed$/m);
        expect(result.stderr).to.match(/^\[app2\] passed in \d+ s$/m);
        expect(result.stdout).to.equal("");
        expectClean(fake);
    });

    it("fails a VM whose restore job fails, still passes the other and removes the half-made disk (exit 1)", async () => {
        await startFake({ vms: [{ name: "app1", recoveryPoints: [recent("111")] }, { name: "app2", restoreFails: true, recoveryPoints: [recent("333")] }] });
        const report = join(dir, "report.json");
        const { code } = await drill(fake, ["--report", report]);
        expect(code).to.equal(1);
        const [app1, app2] = JSON.parse(readFileSync(report, "utf8")).vms;
        expect(app1.result).to.equal("passed");
        expect(app2.result).to.equal("failed");
        expect(app2.checks.find((c: any) => c.name === "restore job")).to.deep.include({ ok: false });
        expect(app2.checks.find((c: any) => c.name === "restore job").detail).to.match(/Failed: Restore failed: the target subnet has no free address/);
        expect(app2.cleanup.deleted).to.have.length(1);
        expect(app2.cleanup.deleted[0]).to.match(/\/disks\/rdx[0-9a-z]{12}-osdisk-/);
        expectClean(fake);
    });

    it("times out a VM whose agent never gets Ready and still removes it", async () => {
        await startFake({ vms: [{ name: "app1", agentNeverReady: true, recoveryPoints: [recent("111")] }] });
        const report = join(dir, "report.json");
        const started = Date.now();
        const { code, lines } = await drill(fake, ["--report", report, "--timeout-minutes", "0.04"]);
        expect(code).to.equal(1);
        expect(Date.now() - started).to.be.below(20_000);
        const [app1] = JSON.parse(readFileSync(report, "utf8")).vms;
        const agent = app1.checks.find((c: any) => c.name === "VM agent");
        expect(agent.ok).to.equal(false);
        expect(agent.detail).to.match(/not Ready after 0.04 min: Not Ready \(VM Agent is unresponsive.\)/);
        expect(app1.checks.find((c: any) => c.name === "power state").ok).to.equal(true);
        expect(app1.cleanup).to.deep.include({ ok: true, leftover: [] });
        expect(app1.cleanup.deleted).to.have.length(4);
        expect(lines.filter((line) => /^\[app1\] (FAILED VM agent|cleanup: deleted 4|failed in \d+ s)/.test(line))).to.have.length(3);
        expectClean(fake);
    });

    it("waits out a 429 on a disk delete for its Retry-After and deletes it", async () => {
        await startFake({ vms: [{ name: "app1", recoveryPoints: [recent("111")] }], throttleFirstDiskDelete: 1 });
        const { code } = await drill(fake);
        expect(code).to.equal(0);
        const diskDeletes = fake.requests.filter((r) => r.method === "DELETE" && r.path.includes("/disks/"));
        expect(diskDeletes[0].status).to.equal(429);
        const retry = diskDeletes.find((r, index) => index > 0 && r.path === diskDeletes[0].path)!;
        expect(retry.status).to.equal(202);
        expect(retry.at - diskDeletes[0].at).to.be.at.least(1000);
        expectClean(fake);
    });

    it("fails a VM without a restorable recovery point (an archived-only point does not count) and restores nothing for it", async () => {
        await startFake({
            vms: [
                { name: "app1", recoveryPoints: [recent("111")] },
                { name: "app2", recoveryPoints: [{ name: "999", time: isoDaysAgo(1), tiers: [{ type: "ArchivedRP", status: "Valid" }] }] },
            ],
        });
        const report = join(dir, "report.json");
        const { code } = await drill(fake, ["--report", report]);
        expect(code).to.equal(1);
        const [app1, app2] = JSON.parse(readFileSync(report, "utf8")).vms;
        expect(app1.result).to.equal("passed");
        expect(app2).to.deep.include({ result: "failed", recoveryPoint: null, restoreJobId: null, restoredVmId: null });
        expect(app2.checks).to.deep.equal([{ name: "recovery point", ok: false, detail: "no restorable recovery point" }]);
        expect(app2.cleanup).to.deep.equal({ ok: true, deleted: [], leftover: [] });
        expect(fake.requests.filter((r) => r.path.includes("rg-app;app2") && r.method === "POST")).to.deep.equal([]);
        expectClean(fake);
    });

    it("cannot run with a bad token: exit 2, one line, nothing written", async () => {
        await startFake({ vms: [{ name: "app1", recoveryPoints: [recent("111")] }] });
        const report = join(dir, "report.json");
        const result = await run(process.execPath, ["-r", "ts-node/register/transpile-only", "drill/cli.ts", ...drillArgs(fake, ["--report", report])], {
            cwd: ROOT,
            env: { PATH: SYSTEM_PATH, ARM_ACCESS_TOKEN: "not-a-token" },
            timeoutMs: 30_000,
        });
        expect(result.code).to.equal(2);
        expect(result.stderr.trim().split("\n")).to.have.length(1);
        expect(result.stderr).to.match(/^drill: cannot run: not authorised: GET \/subscriptions\/.*\/vaults\/vault1 answered 401 InvalidAuthenticationToken/);
        expect(existsSync(report)).to.equal(false);
        expect(fake.requests.filter((r) => r.method !== "GET")).to.deep.equal([]);
        expectClean(fake);
    });

    it("drills only the VM named with --vm", async () => {
        await startFake({ vms: [{ name: "app1", recoveryPoints: [recent("111")] }, { name: "app2", recoveryPoints: [recent("333")] }] });
        const report = join(dir, "report.json");
        const { code } = await drill(fake, ["--report", report, "--vm", "APP2"]);
        expect(code).to.equal(0);
        const vms = JSON.parse(readFileSync(report, "utf8")).vms;
        expect(vms.map((vm: any) => vm.vm)).to.deep.equal([`${APP_GROUP}/providers/Microsoft.Compute/virtualMachines/app2`]);
        const restores = fake.requests.filter((r) => r.method === "POST" && r.path.endsWith("/restore"));
        expect(restores.map((r) => r.body.properties.sourceResourceId.split("/").pop())).to.deep.equal(["app2"]);
        expectClean(fake);
    });

    it("refuses a --vm the vault does not protect: exit 2, one line, nothing written", async () => {
        await startFake({ vms: [{ name: "app1", recoveryPoints: [recent("111")] }] });
        const report = join(dir, "report.json");
        const result = await run(process.execPath, ["-r", "ts-node/register/transpile-only", "drill/cli.ts", ...drillArgs(fake, ["--report", report, "--vm", "ghost"])], {
            cwd: ROOT,
            env: { PATH: SYSTEM_PATH, ARM_ACCESS_TOKEN: ARM_TOKEN },
            timeoutMs: 30_000,
        });
        expect(result.code).to.equal(2);
        expect(result.stderr).to.equal("drill: cannot run: --vm ghost: the vault protects no VM of that name (it protects: app1)\n");
        expect(existsSync(report)).to.equal(false);
        expect(fake.requests.filter((r) => r.method !== "GET")).to.deep.equal([]);
        expectClean(fake);
    });

    it("refuses plain http:// to an address that is not loopback before sending anything", async () => {
        await startFake({ vms: [{ name: "app1", recoveryPoints: [recent("111")] }] });
        const lines: string[] = [];
        const args = drillArgs(fake).map((arg) => (arg === fake.url ? "http://10.20.30.40:8080" : arg));
        const code = await main(args, { ARM_ACCESS_TOKEN: ARM_TOKEN }, (line) => lines.push(line));
        expect(code).to.equal(2);
        expect(lines).to.have.length(1);
        expect(lines[0]).to.match(/^drill: --arm-endpoint: http:\/\/10\.20\.30\.40:8080 uses plain http:\/\/ on 10\.20\.30\.40, which is not a loopback address/);
        expect(fake.requests).to.deep.equal([]);
    });

    it("sweeps what a crashed drill left behind (tagged or drill-named, older than the timeout) and keeps everything else", async () => {
        await startFake({ vms: [{ name: "app1", recoveryPoints: [recent("111")] }] });
        const old = new Date(Date.now() - 3 * 3600_000).toISOString();
        const crashed = `${DRILL_GROUP}/providers/Microsoft.Compute/virtualMachines/rdx0000000crash`;
        const crashedDisk = `${DRILL_GROUP}/providers/Microsoft.Compute/disks/rdx0000000crash-osdisk-20250101`;
        const taggedNic = `${DRILL_GROUP}/providers/Microsoft.Network/networkInterfaces/some-nic`;
        const keep = `${DRILL_GROUP}/providers/Microsoft.Compute/disks/keep-me`;
        fake.put(crashed, "Microsoft.Compute/virtualMachines", {
            location: "westeurope",
            tags: { "restore-drill": "rdx0000000crash" },
            properties: { provisioningState: "Succeeded", storageProfile: { osDisk: { osType: "Linux", managedDisk: { id: crashedDisk } }, dataDisks: [] }, networkProfile: { networkInterfaces: [] } },
        }, old);
        fake.put(crashedDisk, "Microsoft.Compute/disks", { location: "westeurope", managedBy: crashed, properties: { diskState: "Attached" } }, old);
        fake.put(taggedNic, "Microsoft.Network/networkInterfaces", { location: "westeurope", tags: { "restore-drill": "rdx0000000other" }, properties: {} }, old);
        fake.put(keep, "Microsoft.Compute/disks", { location: "westeurope", properties: {} }, old);
        const report = join(dir, "report.json");
        const { code, lines } = await drill(fake, ["--report", report, "--timeout-minutes", "60"]);
        expect(code).to.equal(0);
        expect(lines).to.include("sweep: removing 3 resource(s) left behind by earlier drills");
        for (const id of [crashed, crashedDisk, taggedNic]) {
            expect(fake.resources.has(id.toLowerCase()), id).to.equal(false);
        }
        expect(fake.writesOutsideDrillGroup()).to.deep.equal([]);
        expect(fake.leftovers()).to.deep.equal([keep]);
        expect(fake.requests.filter((r) => r.method === "DELETE" && r.path === keep)).to.deep.equal([]);
    });

    it("runs the user's check script with Run Command and fails the VM whose script exits non-zero", async () => {
        await startFake({ vms: [{ name: "app1", checkExit: 0, recoveryPoints: [recent("111")] }, { name: "app2", osType: "Windows", checkExit: 3, recoveryPoints: [recent("333")] }] });
        const script = join(dir, "check.sh");
        require("fs").writeFileSync(script, "systemctl is-active ssh\ncurl -fsS http://localhost/health\n");
        const report = join(dir, "report.json");
        const { code } = await drill(fake, ["--report", report, "--check-script", script]);
        expect(code).to.equal(1);
        const [app1, app2] = JSON.parse(readFileSync(report, "utf8")).vms;
        expect(app1.checks.at(-1)).to.deep.include({ name: "user check", ok: true });
        expect(app2.checks.at(-1)).to.deep.include({ name: "user check", ok: false });
        expect(app2.checks.at(-1).detail).to.match(/^exit status 3/);
        expect(fake.scripts.map((s) => s.commandId).sort()).to.deep.equal(["RunPowerShellScript", "RunShellScript"]);
        for (const sent of fake.scripts) {
            expect(sent.script).to.include.members(["systemctl is-active ssh", "curl -fsS http://localhost/health"]);
        }
        expectClean(fake);
    });
});

describe("restore drill decisions", () => {
    const points = restorable([
        { id: "a", name: "a", properties: { objectType: "IaasVMRecoveryPoint", recoveryPointTime: isoDaysAgo(10) } },
        { id: "b", name: "b", properties: { objectType: "IaasVMRecoveryPoint", recoveryPointTime: isoDaysAgo(1) } },
        { id: "c", name: "c", properties: { objectType: "IaasVMRecoveryPoint", recoveryPointTime: isoDaysAgo(3), recoveryPointTierDetails: [{ type: "InstantRP", status: "Valid" }] } },
        { id: "d", name: "d", properties: { objectType: "IaasVMRecoveryPoint", recoveryPointTime: isoDaysAgo(0.5), recoveryPointTierDetails: [{ type: "ArchivedRP", status: "Valid" }] } },
    ]);

    it("takes the latest restorable point, or a random one within the window", () => {
        expect(points.map((p) => p.name)).to.deep.equal(["b", "c", "a"]);
        expect(choosePoint(points, { kind: "latest" }, Date.now())?.name).to.equal("b");
        expect(choosePoint(points, { kind: "random", days: 5 }, Date.now(), () => 0.99)?.name).to.equal("c");
        expect(choosePoint(points, { kind: "random", days: 5 }, Date.now(), () => 0)?.name).to.equal("b");
        expect(choosePoint(points.slice(2), { kind: "random", days: 5 }, Date.now())).to.equal(undefined);
    });

    it("refuses writes outside the drill group except the restore call", () => {
        const settings = settingsOf(
            { vault: VAULT_ID, targetGroup: DRILL_GROUP, subnet: SUBNET_ID, staging: STAGING_ID, vms: [] },
            { vault: "v", targetGroup: "t", subnet: "s", staging: "a", vm: "m", armEndpoint: "e", poll: "p", timeout: "o", maxParallel: "x", recoveryPoint: "r", checkScript: "c" },
        );
        const guard = writeGuard(settings);
        const item = `${VAULT_ID}/backupFabrics/Azure/protectionContainers/IaasVMContainer;iaasvmcontainerv2;rg-app;app1/protectedItems/VM;iaasvmcontainerv2;rg-app;app1`;
        expect(() => guard("POST", `${item}/recoveryPoints/111/restore`)).not.to.throw();
        expect(() => guard("DELETE", `${DRILL_GROUP}/providers/Microsoft.Compute/disks/rdx1`)).not.to.throw();
        expect(() => guard("DELETE", `${APP_GROUP}/providers/Microsoft.Compute/virtualMachines/app1`)).to.throw(/outside the drill resource group/);
        expect(() => guard("POST", `${item}/backup`)).to.throw(/outside the drill resource group/);
        expect(() => guard("PATCH", `${APP_GROUP}/providers/Microsoft.Compute/disks/app1-osdisk/providers/Microsoft.Resources/tags/default`)).to.throw();
        expect(() => guard("DELETE", `${DRILL_GROUP}2/providers/Microsoft.Compute/disks/x`)).to.throw();
    });

    it("wraps the check script so that its exit status comes back in the output", () => {
        const linux = wrapCheckScript("exit 4\n", false);
        expect(linux).to.include("exit 4");
        expect(linux.at(-2)).to.equal('echo "DRILL_CHECK_EXIT=$?"');
        expect(wrapCheckScript("exit 4", true).at(-1)).to.equal('"DRILL_CHECK_EXIT=$LASTEXITCODE"');
        expect(exitStatusOf("Enable succeeded:\n[stdout]\nhello\nDRILL_CHECK_EXIT=4\n[stderr]\n")).to.equal(4);
        expect(exitStatusOf("no marker")).to.equal(undefined);
    });

    it("declares the record columns the infra's stream declares", () => {
        const fixture = JSON.parse(readFileSync(join(__dirname, "fixtures/drill/restoreDrillStream.json"), "utf8"));
        expect(RECORD_COLUMNS).to.deep.equal(fixture.columns);
    });
});
