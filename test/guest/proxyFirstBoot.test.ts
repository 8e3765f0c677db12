/**
 * The proxy VM's first boot: cloud-init turns `runcmd` into one shell script (its own
 * `cloudinit.util.shellify`) and judges the boot by that script's exit status alone. The
 * configuration script (the Run Command's) does the work; when it fails (a firewall that does
 * not load, say) the boot must fail, not leave a proxy running without a host firewall.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { PROXY_PATHS } from "../../lib/guestConfig";
import { cloudConfigOf, LAYOUTS, planOf, vmNamed } from "../support/guest";
import { file, requireAll } from "../support/programs";
import { run, runOk } from "../support/processes";
import { makeScratch, removeScratch } from "../support/scratch";

const PROXY_SCRIPT = PROXY_PATHS.script;
const CLOUD_INIT_MODULE = file("/usr/lib/python3/dist-packages/cloudinit/util.py", "cloud-init");

describe("guest configuration: the proxy VM's runcmd, as cloud-init runs it", () => {
    let dir: string;
    let script: string;

    before(async function () {
        requireAll(this, [CLOUD_INIT_MODULE]);
        dir = makeScratch("runcmd");
        const runcmd = cloudConfigOf(vmNamed(await planOf(LAYOUTS[0]), "backup-proxy-vm")).runcmd ?? [];
        // cloud-init's own rendering of runcmd into the script it runs.
        const commands = path.join(dir, "runcmd.json");
        fs.writeFileSync(commands, JSON.stringify(runcmd));
        script = await runOk("/usr/bin/python3", ["-c", `import json; from cloudinit.util import shellify; print(shellify(json.load(open(${JSON.stringify(commands)}))), end="")`]);
        fs.writeFileSync(path.join(dir, "runcmd"), script);
    });

    after(() => removeScratch(dir));

    /** Runs the script with stand-ins for systemctl and the configuration script that log their calls; the script exits with `scriptStatus`. */
    async function boot(scriptStatus: number): Promise<{ status: number | null; calls: string[] }> {
        const bin = path.join(dir, `bin-${scriptStatus}`);
        const log = path.join(dir, `calls-${scriptStatus}.log`);
        fs.mkdirSync(bin, { recursive: true });
        for (const [name, status] of [["systemctl", 0], [path.basename(PROXY_SCRIPT), scriptStatus]] as const) {
            const marker = name === "systemctl" ? "" : " BACKUP_PROXY_FIRST_BOOT=${BACKUP_PROXY_FIRST_BOOT:-}";
            fs.writeFileSync(path.join(bin, name), `#!/bin/sh\necho "${name} $*${marker}" >> "${log}"\nexit ${status}\n`, { mode: 0o755 });
        }
        // runcmd names the script by its absolute path: point that path at the stand-in.
        fs.writeFileSync(path.join(dir, "runcmd"), script.split(PROXY_SCRIPT).join(path.join(bin, path.basename(PROXY_SCRIPT))));
        const result = await run("/bin/sh", [path.join(dir, "runcmd")], { env: { PATH: `${bin}:/usr/bin:/bin` } });
        const calls = fs.existsSync(log) ? fs.readFileSync(log, "utf8").trim().split("\n") : [];
        return { status: result.code, calls };
    }

    it("fails the boot, so cloud-init reports it, when the configuration script fails (a firewall that does not load, say)", async () => {
        const { status, calls } = await boot(1);
        expect(status).to.not.equal(0);
        expect(calls).to.deep.equal(["systemctl enable nftables.service squid.service", "configure-backup-proxy-server  BACKUP_PROXY_FIRST_BOOT=yes"]);
    });

    it("enables the services, then runs the configuration script (marked as the first boot's), and succeeds when it does", async () => {
        const { status, calls } = await boot(0);
        expect(status).to.equal(0);
        expect(calls).to.deep.equal(["systemctl enable nftables.service squid.service", "configure-backup-proxy-server  BACKUP_PROXY_FIRST_BOOT=yes"]);
    });
});
