import { expect } from "chai";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PLAN_CLI, PROJECT_DIR } from "./support/plan";

function plan(args: string[]): { stdout: string; file: string } {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "plan-"));
    const stdout = execFileSync(process.execPath, [...PLAN_CLI, "--out", out, ...args], {
        cwd: PROJECT_DIR,
        encoding: "utf8",
        timeout: 60_000,
    });
    return { stdout, file: path.join(out, "plan.json") };
}

describe("npm run plan", () => {
    it("prints the resource tree and writes plan.json in the documented shape", () => {
        const { stdout, file } = plan([]);
        expect(stdout).to.match(/Plan for backup-ready\/dev: \d+ resources/);
        expect(stdout).to.contain("azure-native:recoveryservices:ProtectionPolicy  backup-policy  V2 daily at 02:00 UTC, keep 30 days, instant restore 2 days");
        expect(stdout).to.match(/backup-ready:index:BackupVault {2}backup\n(?:│ {2}├─ .*\n)*.*azure-native:recoveryservices:ProtectedItem {2}backup-app-vm-1 \[kept in Azure on delete\]/);
        const written = JSON.parse(fs.readFileSync(file, "utf8"));
        expect(written).to.have.keys(["project", "stack", "config", "resources", "outputs", "lookups"]);
        expect(written.stack).to.equal("dev");
        for (const resource of written.resources) {
            expect(resource).to.include.keys(["urn", "type", "name", "inputs", "dependencies"]);
        }
        const vm = written.resources.find((r: { name: string }) => r.name === "app-vm-1-vm");
        expect(Buffer.from(vm.inputs.osProfile.customData, "base64").toString()).to.match(/^#cloud-config\n/);
        const nic = written.resources.find((r: { name: string }) => r.name === "app-vm-1-nic");
        expect(nic.id).to.equal(vm.inputs.networkProfile.networkInterfaces[0].id);
        expect(nic.id).to.equal(
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/backup-ready/providers/Microsoft.Network/networkInterfaces/app-vm-1-nic",
        );
        expect(written.outputs.adminSshPrivateKey).to.equal("[secret]");
        expect(fs.readFileSync(file, "utf8")).to.not.contain("PRIVATE KEY");
    });

    it("writes the same plan byte for byte when run twice with the same config", () => {
        const first = fs.readFileSync(plan(["--config", "appVmCount=3"]).file);
        const second = fs.readFileSync(plan(["--config", "appVmCount=3"]).file);
        expect(first.equals(second)).to.equal(true);
    });

    it("reads Pulumi.<stack>.yaml like Pulumi does, with --config on top", () => {
        const stack = `plan-test-${process.pid}`;
        const stackFile = path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`);
        fs.writeFileSync(stackFile, "config:\n  backup-ready:proxyPort: 8080\n  backup-ready:appVmCount: 2\n  azure-native:location: northeurope\n");
        try {
            const { file } = plan(["--stack", stack, "--config", "appVmCount=3"]);
            const written = JSON.parse(fs.readFileSync(file, "utf8"));
            expect(written.stack).to.equal(stack);
            expect(written.config).to.include({ "backup-ready:proxyPort": "8080", "backup-ready:appVmCount": "3", "azure-native:location": "northeurope" });
            expect(written.outputs.proxyPort).to.equal(8080);
            expect(written.outputs.appVmIds).to.have.length(3);
            const vault = written.resources.find((r: { type: string }) => r.type === "azure-native:recoveryservices:Vault");
            expect(vault.inputs.location).to.equal("northeurope");
        } finally {
            fs.rmSync(stackFile);
        }
    });
});
