/**
 * A real squid run from the plan's squid.conf inside a test namespace. The rendered file stays
 * as it is; test-only lines are appended after it and only say where squid keeps its files and
 * how it resolves names (a hosts file instead of DNS).
 */
import * as fs from "fs";
import * as path from "path";
import { Host } from "./netns";
import { programPath } from "./programs";
import { BackgroundProcess, runOk } from "./processes";

export const TEST_ONLY_HEADER = "# ---- test-only lines: files, name resolution, shutdown; nothing above was changed ----";

/** squid's own user on Debian; it drops root privileges to it after start. */
const SQUID_USER = "proxy";

/** The rendered configuration with the test-only lines appended. */
export function withTestOnlyLines(rendered: string, dir: string): string {
    const lines = [
        TEST_ONLY_HEADER,
        `pid_filename ${path.join(dir, "squid.pid")}`,
        `cache_log ${path.join(dir, "cache.log")}`,
        `access_log stdio:${path.join(dir, "access.log")}`,
        `coredump_dir ${dir}`,
        `hosts_file ${path.join(dir, "hosts")}`,
        // Any name missing from the hosts file stays inside the namespace.
        "dns_nameservers 127.0.0.1",
        "pinger_enable off",
        "shutdown_lifetime 0 seconds",
    ];
    return `${rendered.endsWith("\n") ? rendered : `${rendered}\n`}${lines.join("\n")}\n`;
}

/** `/etc/hosts` syntax for a name-to-address map. */
export function hostsFile(addresses: Record<string, string>): string {
    return Object.entries(addresses)
        .map(([name, address]) => `${address} ${name}\n`)
        .join("");
}

/** Starts squid in the namespace and waits until it accepts connections. */
export async function startSquid(host: Host, dir: string, rendered: string, names: Record<string, string>): Promise<BackgroundProcess> {
    fs.mkdirSync(dir, { recursive: true });
    const configFile = path.join(dir, "squid.conf");
    fs.writeFileSync(configFile, withTestOnlyLines(rendered, dir));
    fs.writeFileSync(path.join(dir, "hosts"), hostsFile(names));
    const [uid, gid] = await Promise.all(["-u", "-g"].map(async (flag) => Number(await runOk(programPath("id"), [flag, SQUID_USER]))));
    fs.chownSync(dir, uid, gid);

    const cacheLog = path.join(dir, "cache.log");
    const squid = host.spawn(programPath("squid"), ["-N", "-f", configFile]);
    await squid.waitUntil("squid to accept connections", () => readIfExists(cacheLog).includes("Accepting HTTP Socket connections"));
    return squid;
}

function readIfExists(file: string): string {
    return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
}
