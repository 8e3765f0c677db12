/** The Azure Linux agent's own readers of its configuration, from the Debian package waagent. */
import * as fs from "fs";
import * as path from "path";
import { programPath } from "./programs";
import { DROP_IN } from "./clientScript";
import { run, runOk } from "./processes";

/** The agent's configuration as the package installs it: the starting point of a VM's. */
export const STOCK_WAAGENT_CONF = "/etc/waagent.conf";
/** The interpreter the agent runs under, and its configuration module. */
export const AGENT_PYTHON = "/usr/bin/python3";
export const AGENT_CONF_MODULE = "/usr/lib/python3/dist-packages/azurelinuxagent/common/conf.py";
/** The agent's unit as the package installs it. */
export const STOCK_AGENT_UNIT = "/lib/systemd/system/walinuxagent.service";

const READ_PROXY = `
import json, sys
from azurelinuxagent.common.conf import ConfigurationProvider, load_conf_from_file, get_httpproxy_host, get_httpproxy_port
provider = ConfigurationProvider()
load_conf_from_file(sys.argv[1], provider)
print(json.dumps({"host": get_httpproxy_host(provider), "port": get_httpproxy_port(provider)}))
`;

/** The proxy the agent would use with this waagent.conf. */
export async function agentProxySettings(waagentConf: string): Promise<{ host: string | null; port: number | null }> {
    return JSON.parse(await runOk(AGENT_PYTHON, ["-c", READ_PROXY, waagentConf], { env: { PYTHONDONTWRITEBYTECODE: "1" } }));
}

/**
 * What systemd's own unit parser says about drop-ins: `systemd-analyze verify` on the
 * package's agent unit under each name, in a scratch root that holds the drop-ins. Returns the
 * messages about the drop-ins (the unit's unrelated complaints in a bare root are left out).
 */
export async function dropInComplaints(root: string, dropIns: Record<string, string>): Promise<string[]> {
    for (const [unit, content] of Object.entries(dropIns)) {
        const unitFile = path.join(root, "lib", "systemd", "system", `${unit}.service`);
        fs.mkdirSync(path.dirname(unitFile), { recursive: true });
        fs.copyFileSync(STOCK_AGENT_UNIT, unitFile);
        const dropIn = path.join(root, "etc", "systemd", "system", `${unit}.service.d`, DROP_IN);
        fs.mkdirSync(path.dirname(dropIn), { recursive: true });
        fs.writeFileSync(dropIn, content);
    }
    const units = Object.keys(dropIns).map((unit) => `${unit}.service`);
    const result = await run(programPath("systemd-analyze"), ["verify", "--man=no", `--root=${root}`, ...units]);
    return `${result.stderr}${result.stdout}`.split("\n").filter((line) => line.includes(`.service.d/${DROP_IN}`));
}
