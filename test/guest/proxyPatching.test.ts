/**
 * The proxy's patching files, read by the programs that use them: apt's own parser for the
 * unattended-upgrades settings, and systemd's for the patch window's drop-in on Debian's own
 * apt-daily-upgrade.timer (the same unit Ubuntu ships).
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { PROXY_PATHS } from "../../lib/guestConfig";
import { planReferenceEnvironment } from "../support/plan";
import { proxyFileOf } from "../support/guest";
import { file, program, programPath, requireAll } from "../support/programs";
import { run, runOk } from "../support/processes";
import { makeScratch, removeScratch } from "../support/scratch";

const STOCK_TIMER = "/lib/systemd/system/apt-daily-upgrade.timer";
const STOCK_SERVICE = "/lib/systemd/system/apt-daily-upgrade.service";

describe("guest configuration: the proxies' unattended upgrades and patch windows", () => {
    let dir: string;
    let upgrades: string;
    let timers: string[];

    before(async () => {
        dir = makeScratch("patching");
        const plan = await planReferenceEnvironment({ proxyCount: "2", proxyPatchWindow: "Sat 23:30" });
        upgrades = proxyFileOf(plan, PROXY_PATHS.unattendedUpgrades);
        timers = ["backup-proxy-vm", "backup-proxy-2-vm"].map((vm) => proxyFileOf(plan, PROXY_PATHS.timerDropIn, vm));
    });

    after(() => removeScratch(dir));

    it("turns on unattended upgrades with a reboot at once when one is needed, as apt reads the file", async function () {
        requireAll(this, [program("apt-config", "apt")]);
        const conf = path.join(dir, "52backup-proxy-upgrades");
        fs.writeFileSync(conf, upgrades);
        const dump = await runOk(programPath("apt-config"), ["-c", conf, "dump"]);
        for (const line of [
            'APT::Periodic::Unattended-Upgrade "1";',
            'Unattended-Upgrade::Automatic-Reboot "true";',
            'Unattended-Upgrade::Automatic-Reboot-Time "now";',
        ]) {
            expect(dump).to.contain(line);
        }
    });

    /** systemd-analyze verify's complaints about the drop-in, on the stock timer in a scratch root. */
    async function complaints(root: string, dropIn: string): Promise<string[]> {
        for (const unit of [STOCK_TIMER, STOCK_SERVICE]) {
            fs.mkdirSync(path.join(root, path.dirname(unit)), { recursive: true });
            fs.copyFileSync(unit, path.join(root, unit));
        }
        const target = path.join(root, PROXY_PATHS.timerDropIn);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, dropIn);
        const result = await run(programPath("systemd-analyze"), ["verify", "--man=no", `--root=${root}`, "apt-daily-upgrade.timer"]);
        return `${result.stderr}${result.stdout}`.split("\n").filter((line) => line.includes(path.basename(PROXY_PATHS.timerDropIn)));
    }

    it("gives each proxy a drop-in systemd accepts on the stock timer, an hour apart, which does catch a broken one", async function () {
        requireAll(this, [program("systemd-analyze", "systemd"), file(STOCK_TIMER, "apt")]);
        expect(timers.map((timer) => /^OnCalendar=(.+)$/m.exec(timer.replace("OnCalendar=\n", ""))?.[1])).to.deep.equal(["Sat *-*-* 23:30:00", "Sun *-*-* 00:30:00"]);
        for (const [i, timer] of timers.entries()) {
            expect(await complaints(path.join(dir, `root-${i}`), timer)).to.deep.equal([]);
        }
        expect(await complaints(path.join(dir, "root-broken"), timers[0].replace("RandomizedDelaySec=0", "RandomizedDelaySec=soon"))).to.have.length.greaterThan(0);
    });
});
