/**
 * The proxy heartbeat as the Run Command installs it: its probe, run against a real squid from
 * the plan's squid.conf in a network namespace, logs "ok" while squid answers on the proxy's
 * address and port, and "failed" (exit 1) once squid is gone. `logger` is a stand-in that
 * records its arguments: what the data collection rule and the alert's query read is the tag,
 * the facility and the message.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { proxyHeartbeatQuery } from "../../components/backupMonitoring";
import { PROXY_HEALTH } from "../../lib/guestConfig";
import { Plan, PlannedResource } from "../../plan/engine";
import { referenceNetworkOf, squidConfOf } from "../support/guest";
import { Host, NetnsLab } from "../support/netns";
import { CURL, NETNS, programPath, requireAll, SQUID } from "../support/programs";
import { BackgroundProcess, run, SYSTEM_PATH } from "../support/processes";
import { planReferenceEnvironment } from "../support/plan";
import { makeScratch, removeScratch } from "../support/scratch";
import { startSquid } from "../support/squid";

const RUN_COMMAND = "azure-native:compute:VirtualMachineRunCommandByVirtualMachine";

function heartbeatScript(plan: Plan): string {
    const runCommand = plan.resources.find((resource: PlannedResource) => resource.type === RUN_COMMAND && resource.name === "monitoring-backup-proxy-heartbeat");
    if (!runCommand) {
        throw new Error("no heartbeat Run Command in the plan");
    }
    return (runCommand.inputs.source as { script: string }).script;
}

/** The probe the script writes to /usr/local/libexec, between its here-document markers. */
function probeOf(script: string): string {
    const match = /<<'PROBE'\n([\s\S]*?)\nPROBE\n/.exec(script);
    if (!match) {
        throw new Error("no probe in the heartbeat script");
    }
    return `${match[1]}\n`;
}

describe("guest configuration: the proxy heartbeat", () => {
    let plan: Plan;
    let script: string;
    let dir: string;

    before(async () => {
        plan = await planReferenceEnvironment({ logAnalyticsWorkspace: "create" });
        script = heartbeatScript(plan);
        dir = makeScratch("heartbeat");
    });

    after(() => removeScratch(dir));

    it("is shell that sh accepts, and installs a timer every minute for the probe", async () => {
        const file = path.join(dir, "install.sh");
        fs.writeFileSync(file, script);
        const result = await run(programPath("sh"), ["-n", file]);
        expect(result.code, result.stderr).to.equal(0);
        expect(script).to.include(`systemctl enable --now ${PROXY_HEALTH.tag}.timer`);
        expect(script).to.match(/^OnUnitActiveSec=1min$/m);
        expect(script).to.match(/^ExecStart=\/usr\/local\/libexec\/backup-proxy-health$/m);
    });

    it("logs what the alert's query looks for: the tag, and a message that starts with ok:", () => {
        expect(proxyHeartbeatQuery()).to.equal('Syslog | where ProcessName == "backup-proxy-health" and SyslogMessage startswith "ok:"');
        // The proxy's own address (10.0.0.6), not the balancer's frontend 10.0.0.5, which a backend cannot reach.
        expect(probeOf(script)).to.include("--tag 'backup-proxy-health' --priority 'local0.info' \"ok: squid answers on 10.0.0.6:3128");
    });

    describe("live, against squid on the proxy's address in its own network namespace", () => {
        const lab = new NetnsLab("heartbeat");
        let host: Host;
        let squid: BackgroundProcess;
        let logFile: string;
        let probe: string;
        let bin: string;

        before(async function () {
            requireAll(this, [SQUID, CURL, NETNS]);
            const network = referenceNetworkOf(plan);
            host = await lab.addHost("proxy");
            await host.addAddress("lo", `${network.proxyVmIp}/32`);
            squid = await startSquid(host, path.join(dir, "squid"), squidConfOf(plan), {});
            bin = path.join(dir, "bin");
            fs.mkdirSync(bin, { recursive: true });
            logFile = path.join(dir, "logger.txt");
            fs.writeFileSync(path.join(bin, "logger"), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${logFile}'\n`, { mode: 0o755 });
            probe = path.join(dir, "probe.sh");
            fs.writeFileSync(probe, probeOf(script), { mode: 0o755 });
        });

        after(() => lab.destroy());

        const runProbe = () => host.run(programPath("sh"), [probe], { env: { PATH: `${bin}:${SYSTEM_PATH}` }, timeoutMs: 20_000 });
        const logged = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : "");

        it("logs ok while squid answers, with squid's refusal of the probe's page (HTTP 403)", async () => {
            const result = await runProbe();
            expect(result.code, result.stderr).to.equal(0);
            expect(logged()).to.equal("--tag backup-proxy-health --priority local0.info ok: squid answers on 10.0.0.6:3128 (HTTP 403)\n");
        });

        it("logs failed and exits 1 once squid is gone", async () => {
            await squid.stop();
            fs.writeFileSync(logFile, "");
            const result = await runProbe();
            expect(result.code).to.equal(1);
            expect(logged()).to.equal("--tag backup-proxy-health --priority local0.err failed: squid does not answer on 10.0.0.6:3128\n");
        });
    });
});
