import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { Plan } from "../../plan/engine";
import { proxyUrl } from "../../lib/guestConfig";
import { AGENT_CONF_MODULE, AGENT_PYTHON, agentProxySettings, dropInComplaints, STOCK_AGENT_UNIT, STOCK_WAAGENT_CONF } from "../support/agent";
import {
    AGENT_UNITS,
    ClientScratch,
    DROP_IN,
    parseEnvironmentFile,
    prepareClientScratch,
    PROXY_VARIABLES,
    runClientScript,
    scratchPath,
    StartingFiles,
    takeSystemctlCalls,
    writtenContents,
} from "../support/clientScript";
import { appVms, CLIENT_SCRIPT, clientScriptOf, cloudConfigOf, LAYOUTS, planOf, ReferenceNetwork, referenceNetworkOf } from "../support/guest";
import { file, program, requireAll, ROOT, UNSHARE } from "../support/programs";
import { makeScratch, removeScratch } from "../support/scratch";

/** Ubuntu's /etc/environment as the image ships it. */
const UBUNTU_ENVIRONMENT = 'PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games:/usr/local/games:/snap/bin"\n';

const REQUIREMENTS = [
    ROOT,
    UNSHARE,
    program("mount", "mount"),
    file(STOCK_WAAGENT_CONF, "waagent"),
    file(AGENT_CONF_MODULE, "waagent"),
    file(AGENT_PYTHON, "python3"),
    // Mount points for the scratch copies.
    file("/etc/environment", "libpam-modules"),
    file("/etc/systemd/system", "systemd"),
];

const PROXY_KEYS = /^\s*HttpProxy\.(Host|Port)\s*=/;

async function scriptRun(scratch: ClientScratch): Promise<void> {
    const result = await runClientScript(scratch);
    expect(result.code, `the script failed:\n${result.stderr}${result.stdout}`).to.equal(0);
}

describe("guest configuration: the app VM's configure-backup-proxy, run for real on scratch copies of /etc", () => {
    for (const layout of LAYOUTS) {
        describe(layout.name, () => {
            let plan: Plan;
            let network: ReferenceNetwork;
            let dir: string;
            let stockWaagentConf: string;
            let scratch: ClientScratch;
            let firstRun: Record<string, string | undefined>;
            let firstRunCalls: string[];

            /** A scratch copy of /etc holding `start`, after one run of the script. */
            const runOnce = async (name: string, start: StartingFiles) => {
                const result = prepareClientScratch(path.join(dir, name), clientScriptOf(plan), start);
                await scriptRun(result);
                return result;
            };

            before(async function () {
                requireAll(this, REQUIREMENTS);
                plan = await planOf(layout);
                network = referenceNetworkOf(plan);
                dir = makeScratch("client-script");
                stockWaagentConf = fs.readFileSync(STOCK_WAAGENT_CONF, "utf8");
                scratch = await runOnce("stock", { environment: UBUNTU_ENVIRONMENT, waagentConf: stockWaagentConf });
                firstRun = writtenContents(scratch);
                firstRunCalls = takeSystemctlCalls(scratch);
            });

            after(() => removeScratch(dir));

            it("is what cloud-init writes, executable, and runs at first boot on every app VM", () => {
                for (const vm of appVms(plan)) {
                    const config = cloudConfigOf(vm);
                    expect(config.write_files?.find((entry) => entry.path === CLIENT_SCRIPT)).to.include({ permissions: "0755", owner: "root:root" });
                    expect(config.runcmd).to.deep.include([CLIENT_SCRIPT]);
                }
            });

            it("gives WALinuxAgent's own configuration module the proxy's host and port", async () => {
                expect(await agentProxySettings(scratchPath(scratch, "/etc/waagent.conf"))).to.deep.equal({
                    host: network.proxyIp,
                    port: network.proxyPort,
                });
            });

            it("writes exactly `HttpProxy.Host=<ip>` and `HttpProxy.Port=<port>` into waagent.conf, and changes nothing else", () => {
                const proxyLines = (text: string) => text.split("\n").filter((line) => PROXY_KEYS.test(line));
                expect(proxyLines(stockWaagentConf), "the stock file sets no proxy").to.deep.equal([]);
                expect(firstRun["/etc/waagent.conf"]).to.equal(`${stockWaagentConf}HttpProxy.Host=${network.proxyIp}\nHttpProxy.Port=${network.proxyPort}\n`);
            });

            it("sets http_proxy, https_proxy and no_proxy in /etc/environment, bypassing the wire server and IMDS", () => {
                const text = firstRun["/etc/environment"] ?? "";
                const variables = parseEnvironmentFile(text);
                const url = proxyUrl({ proxyIp: network.proxyIp, proxyPort: network.proxyPort });
                expect(variables).to.include({ http_proxy: url, https_proxy: url });
                expect(variables.no_proxy.split(",")).to.include.members(["168.63.129.16", "169.254.169.254"]);
                expect(text.startsWith(UBUNTU_ENVIRONMENT)).to.equal(true, "the image's PATH line stays");
            });

            it("gives the agent's unit the same variables in a drop-in, under both unit names", () => {
                const variables = parseEnvironmentFile(firstRun["/etc/environment"] ?? "");
                const environmentLine = `Environment=${PROXY_VARIABLES.map((key) => `"${key}=${variables[key]}"`).join(" ")}`;
                for (const unit of AGENT_UNITS) {
                    expect(firstRun[`/etc/systemd/system/${unit}.service.d/${DROP_IN}`], unit).to.equal(`[Service]\n${environmentLine}\n`);
                }
            });

            it("writes drop-ins systemd's own parser accepts (systemd-analyze verify), which does catch a broken one", async function () {
                requireAll(this, [program("systemd-analyze", "systemd"), file(STOCK_AGENT_UNIT, "waagent")]);
                const dropIns = Object.fromEntries(AGENT_UNITS.map((unit) => [unit, firstRun[`/etc/systemd/system/${unit}.service.d/${DROP_IN}`] ?? ""]));
                expect(await dropInComplaints(path.join(dir, "systemd-root"), dropIns)).to.deep.equal([]);
                const broken = Object.fromEntries(AGENT_UNITS.map((unit) => [unit, `${dropIns[unit]}Environment="unterminated\n`]));
                expect(await dropInComplaints(path.join(dir, "systemd-root-broken"), broken)).to.have.length(AGENT_UNITS.length);
            });

            it("reloads systemd and restarts the agent's unit that exists, from a timer outside the agent", () => {
                expect(firstRunCalls).to.deep.equal([
                    "daemon-reload",
                    "cat walinuxagent.service",
                    "systemd-run --on-active=15s --collect systemctl restart walinuxagent.service",
                    "cat waagent.service",
                ]);
            });

            it("changes nothing when run again: every written file byte for byte, no reload, no restart", async () => {
                await scriptRun(scratch);
                expect(writtenContents(scratch)).to.deep.equal(firstRun);
                expect(takeSystemctlCalls(scratch)).to.deep.equal([]);
            });

            it("runs one at a time when cloud-init and the Run Command start it together, ending as one run does", async () => {
                const together = prepareClientScratch(path.join(dir, "together"), clientScriptOf(plan), {
                    environment: UBUNTU_ENVIRONMENT,
                    waagentConf: stockWaagentConf,
                });
                await Promise.all(Array.from({ length: 4 }, () => scriptRun(together)));
                expect(writtenContents(together)).to.deep.equal(firstRun);
            });

            it("replaces settings a VM already had instead of adding to them", async () => {
                const stale = await runOnce("stale", {
                    environment: `${UBUNTU_ENVIRONMENT}http_proxy=http://10.9.9.9:1\n`,
                    waagentConf: `HttpProxy.Host = 10.9.9.9\nHttpProxy.Port=1\n${stockWaagentConf}`,
                });
                const written = writtenContents(stale);
                expect(written["/etc/waagent.conf"]).to.equal(firstRun["/etc/waagent.conf"]);
                expect(await agentProxySettings(scratchPath(stale, "/etc/waagent.conf"))).to.deep.equal({ host: network.proxyIp, port: network.proxyPort });
                const environment = written["/etc/environment"] ?? "";
                expect(environment.match(/^http_proxy=/gm)).to.have.length(1);
                expect(parseEnvironmentFile(environment).http_proxy).to.equal(parseEnvironmentFile(firstRun["/etc/environment"] ?? "").http_proxy);
            });
        });
    }
});
