/**
 * The proxy's configuration changed in place, with the real programs: a proxy configured by its
 * first boot (the script cloud-init writes and runs) gets a changed `allowedDomains` through the
 * script of its Run Command. The script runs as root in the lab's network namespace (so nft loads
 * its rules there) and a private mount namespace whose /etc/squid, /etc/nftables.conf,
 * /etc/apt/apt.conf.d, /etc/systemd/system and /run are scratch copies: the machine is never
 * touched. squid is the real one, started once as systemd would; the scratch squid.conf is the
 * rendered file, which the test's own configuration includes before its test-only lines (where
 * squid keeps its files, how it resolves names). A recording systemctl shows what would restart.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { filesOfProxyServerScript, GuestFile, PROXY_PATHS } from "../../lib/guestConfig";
import { Plan } from "../../plan/engine";
import { curl } from "../support/curl";
import { planOf, LAYOUTS, proxyScriptOf, referenceNetworkOf } from "../support/guest";
import { Host, NetnsLab } from "../support/netns";
import { CURL, file, NETNS, NFT, programPath, requireAll, SQUID, UNSHARE } from "../support/programs";
import { RunResult, runOk, SYSTEM_PATH, waitFor } from "../support/processes";
import { makeScratch, removeScratch } from "../support/scratch";
import { hostsFile, TEST_ONLY_HEADER } from "../support/squid";
import { startStandIn } from "../support/standIn";
import { planReferenceEnvironment } from "../support/plan";
import { addressIn } from "../support/topology";

const NEW_DOMAIN_HOST = "files.example.org";
const CHANGED = { allowedDomains: '[".blob.core.windows.net", ".example.org"]' };

/** The directories (and one file) the script writes, each bound over the machine's from the scratch root. */
const BOUND = ["/etc/squid", "/etc/nftables.conf", "/etc/apt/apt.conf.d", "/etc/systemd/system", "/run"];

describe("guest configuration: the proxy's Run Command changes a proxy configured at first boot, in place", () => {
    const lab = new NetnsLab("inplace");
    let dir: string;
    let host: Host;
    let original: Plan;
    let changed: Plan;
    let runCommandScript: string;
    let squidPid: string;

    const at = (...parts: string[]) => path.join(dir, ...parts);
    const scratch = (guestPath: string) => at("root", guestPath);
    const wrapper = () => at("squid-test.conf");

    /** Runs a script as the VM would, inside the lab's namespace and the private mount namespace. */
    function runScript(scriptFile: string, firstBoot: boolean): Promise<RunResult> {
        const bindThenRun = 'set -e; while [ "$#" -gt 1 ]; do mount --bind "$1" "$2"; shift 2; done; exec "$1"';
        const binds = BOUND.flatMap((guest) => [scratch(guest), guest]);
        const env = { PATH: `${at("bin")}:${SYSTEM_PATH}`, TMPDIR: at("tmp"), ...(firstBoot ? { BACKUP_PROXY_FIRST_BOOT: "yes" } : {}) };
        return host.run(programPath("unshare"), ["--mount", "--propagation", "private", "sh", "-c", bindThenRun, "sh", ...binds, scriptFile], { env, timeoutMs: 30_000 });
    }

    function calls(): string[] {
        const log = at("calls.log");
        const lines = fs.existsSync(log) ? fs.readFileSync(log, "utf8").split("\n").filter(Boolean) : [];
        fs.rmSync(log, { force: true });
        return lines;
    }

    function written(files: GuestFile[]): Record<string, string> {
        return Object.fromEntries(files.map((entry) => [entry.path, fs.readFileSync(scratch(entry.path), "utf8")]));
    }

    const viaProxy = (name: string) => {
        const network = referenceNetworkOf(original);
        return curl(host, { proxy: `http://${network.proxyVmIp}:${network.proxyPort}`, source: addressIn(network.appSubnet, 4), url: `http://${name}:443/`, tunnel: true });
    };

    before(async function () {
        this.timeout(120_000);
        requireAll(this, [SQUID, NFT, UNSHARE, NETNS, CURL, file("/etc/nftables.conf", "nftables")]);
        dir = makeScratch("proxy-in-place");
        original = await planOf(LAYOUTS[0]);
        changed = await planReferenceEnvironment(CHANGED);
        const runCommand = changed.resources.find((resource) => resource.name === "backup-proxy-config");
        runCommandScript = (runCommand?.inputs.source as { script: string }).script;

        for (const guest of BOUND.filter((entry) => entry !== "/etc/nftables.conf")) {
            fs.mkdirSync(scratch(guest), { recursive: true });
        }
        fs.writeFileSync(scratch("/etc/nftables.conf"), "");
        // A booted systemd: the script reloads units only then.
        fs.mkdirSync(scratch("/run/systemd/system"), { recursive: true });
        for (const directory of ["bin", "tmp", "squid"]) {
            fs.mkdirSync(at(directory), { recursive: true });
        }
        const [uid, gid] = await Promise.all(["-u", "-g"].map(async (flag) => Number(await runOk(programPath("id"), [flag, "proxy"]))));
        fs.chownSync(at("squid"), uid, gid);

        // The real squid, with the test's configuration last (squid takes the last -f).
        fs.writeFileSync(at("bin", "squid"), `#!/bin/sh\nexec ${programPath("squid")} "$@" -f '${wrapper()}'\n`, { mode: 0o755 });
        fs.writeFileSync(at("bin", "systemctl"), `#!/bin/sh\nprintf 'systemctl %s\\n' "$*" >> '${at("calls.log")}'\n`, { mode: 0o755 });
        fs.writeFileSync(at("bin", "cloud-init"), `#!/bin/sh\nprintf 'cloud-init %s\\n' "$*" >> '${at("calls.log")}'\n`, { mode: 0o755 });
        fs.writeFileSync(
            wrapper(),
            [
                `include ${scratch(PROXY_PATHS.squidConf)}`,
                TEST_ONLY_HEADER,
                `pid_filename ${at("squid", "squid.pid")}`,
                `cache_log ${at("squid", "cache.log")}`,
                `access_log stdio:${at("squid", "access.log")}`,
                `coredump_dir ${at("squid")}`,
                `hosts_file ${at("squid", "hosts")}`,
                "dns_nameservers 127.0.0.1",
                "pinger_enable off",
                "",
            ].join("\n"),
        );
        fs.writeFileSync(at("squid", "hosts"), hostsFile({ "backupvault1.blob.core.windows.net": "127.0.0.1", [NEW_DOMAIN_HOST]: "127.0.0.1" }));

        const network = referenceNetworkOf(original);
        host = await lab.addHost("proxy");
        await host.addAddress("lo", `${network.proxyVmIp}/32`);
        await host.addAddress("lo", `${addressIn(network.appSubnet, 4)}/32`);
        await startStandIn(host, [443]);

        // First boot: cloud-init's script, then squid started as systemd starts it.
        const firstBoot = at("first-boot.sh");
        fs.writeFileSync(firstBoot, proxyScriptOf(original).content, { mode: 0o755 });
        const boot = await runScript(firstBoot, true);
        expect(boot.code, boot.stderr + boot.stdout).to.equal(0);
        expect(calls()).to.deep.equal(["systemctl daemon-reload", "systemctl restart apt-daily-upgrade.timer", "systemctl restart squid.service"]);
        host.spawn(programPath("squid"), ["-N", "-f", wrapper()]);
        const pidFile = at("squid", "squid.pid");
        await waitFor("squid to accept connections", async () => (fs.existsSync(at("squid", "cache.log")) && fs.readFileSync(at("squid", "cache.log"), "utf8").includes("Accepting HTTP Socket connections") ? true : undefined), { timeoutMs: 15_000 });
        squidPid = fs.readFileSync(pidFile, "utf8").trim();
    });

    after(async () => {
        await lab.destroy();
        removeScratch(dir);
    });

    it("starts from the first boot's files, and a squid that refuses the domain not yet on the list", async () => {
        const firstBootFiles = filesOfProxyServerScript(proxyScriptOf(original).content);
        expect(written(firstBootFiles)).to.deep.equal(Object.fromEntries(firstBootFiles.map((entry) => [entry.path, entry.content])));
        expect((await viaProxy(NEW_DOMAIN_HOST)).connectCode).to.equal(403);
        expect((await viaProxy("backupvault1.blob.core.windows.net")).connectCode).to.equal(200);
    });

    it("writes exactly the files a new first boot would write, and reloads squid without restarting it", async () => {
        const script = at("run-command.sh");
        fs.writeFileSync(script, runCommandScript, { mode: 0o700 });
        const result = await runScript(script, false);
        expect(result.code, result.stderr + result.stdout).to.equal(0);
        // Waited for cloud-init (at a first boot it may still be installing squid), reloaded squid, restarted nothing.
        expect(calls()).to.deep.equal(["cloud-init status --wait"]);
        const firstBootOfChangedPlan = filesOfProxyServerScript(proxyScriptOf(changed).content);
        expect(written(firstBootOfChangedPlan)).to.deep.equal(Object.fromEntries(firstBootOfChangedPlan.map((entry) => [entry.path, entry.content])));
        await waitFor("squid to reload", async () => (fs.readFileSync(at("squid", "cache.log"), "utf8").includes("Reconfiguring Squid Cache") ? true : undefined), { timeoutMs: 15_000 });
        expect(fs.readFileSync(at("squid", "squid.pid"), "utf8").trim()).to.equal(squidPid);
    });

    it("then admits the new domain, with the same squid process", async () => {
        const result = await waitFor(
            "squid to admit the new domain",
            async () => {
                const attempt = await viaProxy(NEW_DOMAIN_HOST);
                return attempt.connectCode === 200 ? attempt : undefined;
            },
            { timeoutMs: 15_000 },
        );
        expect(result.connectCode).to.equal(200);
        expect(process.kill(Number(squidPid), 0)).to.equal(true);
    });

    it("changes nothing when run again: no file, no reload", async () => {
        const cacheLog = fs.readFileSync(at("squid", "cache.log"), "utf8");
        const result = await runScript(at("run-command.sh"), false);
        expect(result.code, result.stderr).to.equal(0);
        expect(calls()).to.deep.equal(["cloud-init status --wait"]);
        expect(fs.readFileSync(at("squid", "cache.log"), "utf8").split("Reconfiguring").length).to.equal(cacheLog.split("Reconfiguring").length);
    });

    it("leaves the host firewall in the namespace admitting the load balancer's probe and the VNet on the proxy port", async () => {
        const ruleset = await host.runOk(programPath("nft"), ["list", "table", "inet", "backup_proxy"]);
        const { addressSpace, proxyPort } = referenceNetworkOf(changed);
        expect(ruleset).to.include(`ip saddr 168.63.129.16 tcp dport ${proxyPort} accept`);
        expect(ruleset).to.include(`ip saddr ${addressSpace[0]} tcp dport ${proxyPort} accept`);
    });
});
