/**
 * `npm run plan` with bad input: the same message as in validation.test.ts after "error: ",
 * alone on stderr (no stack trace), exit code 1, and no plan written.
 */
import { expect } from "chai";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PLAN_CLI, PROJECT_DIR } from "./support/plan";

interface CliRun {
    status: number | null;
    stdout: string;
    stderr: string;
    /** Where plan.json would be written. */
    planFile: string;
}

/** Output directories of the runs, removed after the tests. */
const outDirs: string[] = [];

/** Runs the plan CLI as `npm run plan` does, with `--config key=value` for each entry, into a fresh directory. */
function runPlanCli(config: Record<string, string>): CliRun {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "plan-cli-"));
    outDirs.push(out);
    const args = Object.entries(config).flatMap(([key, value]) => ["--config", `${key}=${value}`]);
    const result = spawnSync(process.execPath, [...PLAN_CLI, ...args, "--out", out], {
        cwd: PROJECT_DIR,
        encoding: "utf8",
        timeout: 60_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, planFile: path.join(out, "plan.json") };
}

const BAD_INPUTS: { description: string; config: Record<string, string>; message: string }[] = [
    {
        description: "a proxy URL with credentials (masked in the message)",
        config: { proxyIp: "http://backup:s3cret@10.0.0.5:3128" },
        message: `proxyIp: must be the proxy's IPv4 address alone, such as 10.0.0.5: an authenticated proxy is not supported by Azure Backup (the VM agent cannot send credentials); got "http://***@10.0.0.5:3128"`,
    },
    {
        description: "a mistyped setting key",
        config: { apVmCount: "3" },
        message: "apVmCount: is not a setting of backup-ready; did you mean appVmCount? Pulumi.yaml lists every setting",
    },
    {
        description: "5 data disks on Standard_B2s, which takes 4",
        config: { appVmDataDiskCount: "5" },
        message: "appVmDataDiskCount: must be a whole number from 0 to 4 (what size Standard_B2s takes, by Azure's size data); got 5",
    },
    {
        description: "a 21-character admin name with Windows VMs",
        config: { windowsAppVmCount: "1", adminUsername: "a".repeat(21) },
        message: `adminUsername: must be at most 20 characters, Azure's limit for a Windows admin name; got "${"a".repeat(21)}"`,
    },
    {
        description: "33 data disks per app VM",
        config: { appVmDataDiskCount: "33" },
        message: `appVmDataDiskCount: must be a whole number from 0 to 32 (Azure Backup's limit for managed disks); got 33`,
    },
    {
        description: "a vault in another region than the VMs",
        config: { "azure-native:location": "westeurope", vaultLocation: "eastus" },
        message: `vaultLocation: must be the VMs' region "westeurope": a vault backs up VMs in its own region only (no cross-region backup); got "eastus"`,
    },
    {
        description: "a * pattern in the allowed domains",
        config: { "allowedDomains[0]": "*.blob.core.windows.net" },
        message:
            'allowedDomains: must be domain names such as .blob.core.windows.net or acct1.blob.core.windows.net (a leading dot admits subdomains; no scheme, path, port, address or other "*" pattern); got "*.blob.core.windows.net"',
    },
];

describe("npm run plan with bad input", () => {
    after(() => outDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

    for (const { description, config, message } of BAD_INPUTS) {
        it(`${description}: prints the message alone, exits 1, writes no plan`, () => {
            const run = runPlanCli(config);
            expect(run.stderr).to.equal(`error: ${message}\n`);
            expect(run.stderr).to.not.match(/^\s+at /m);
            expect(run.status).to.equal(1);
            expect(run.stdout).to.equal("");
            expect(fs.existsSync(run.planFile), "plan.json written").to.equal(false);
        });
    }

    it("good input at the limits: writes plan.json and exits 0", () => {
        // 32 data disks: Azure Backup's limit, and what Standard_D8s_v5 takes (16) would not do.
        const run = runPlanCli({ appVmDataDiskCount: "32", appVmSize: "Standard_E32s_v5", vaultLocation: "West Europe", proxyIp: "10.0.0.253" });
        expect(run.status, run.stderr).to.equal(0);
        const plan = JSON.parse(fs.readFileSync(run.planFile, "utf8"));
        expect(plan.resources).to.not.be.empty;
        const appVm = plan.resources.find((r: { name: string }) => r.name === "app-vm-1-vm");
        expect(appVm.inputs.storageProfile.dataDisks).to.have.length(32);
    });
});
