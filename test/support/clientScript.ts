/**
 * Runs the rendered client script for real, as root, in a private mount namespace whose
 * /etc/environment, /etc/waagent.conf, /etc/systemd/system and /run are scratch copies bound
 * over the machine's: the script writes only the copies and the machine is never touched.
 * A recording stand-in for systemctl shows which units the script would reload and restart.
 */
import * as fs from "fs";
import * as path from "path";
import { WrittenFile } from "./guest";
import { programPath } from "./programs";
import { run, RunResult, SYSTEM_PATH } from "./processes";

export const DROP_IN = "backup-proxy.conf";
/** The variables the script sets, for login shells and for the agent. */
export const PROXY_VARIABLES = ["http_proxy", "https_proxy", "no_proxy"];
/** The unit names of the agent: Ubuntu and Debian, then RHEL, SUSE and Mariner. */
export const AGENT_UNITS = ["walinuxagent", "waagent"];

/** Every file the script writes, by its path on the VM. */
export const WRITTEN_PATHS = ["/etc/environment", "/etc/waagent.conf", ...AGENT_UNITS.map((unit) => `/etc/systemd/system/${unit}.service.d/${DROP_IN}`)];

interface Bind {
    guest: string;
    scratch: string;
}

export interface ClientScratch {
    script: string;
    binds: Bind[];
    bin: string;
    tmp: string;
    systemctlLog: string;
}

/** What the scratch copies hold before the script runs. */
export interface StartingFiles {
    environment: string;
    waagentConf: string;
}

/** A scratch root for one VM: the script as cloud-init would write it, and the files it edits. */
export function prepareClientScratch(dir: string, script: WrittenFile, start: StartingFiles): ClientScratch {
    const at = (...parts: string[]) => path.join(dir, ...parts);
    const scratch: ClientScratch = {
        script: at(path.basename(script.path)),
        binds: [
            { guest: "/etc/environment", scratch: at("etc", "environment") },
            { guest: "/etc/waagent.conf", scratch: at("etc", "waagent.conf") },
            { guest: "/etc/systemd/system", scratch: at("etc", "systemd", "system") },
            // /run/systemd/system marks a booted systemd, the script reloads units only then; the
            // scratch /run also hides the machine's systemd from anything the script starts.
            { guest: "/run", scratch: at("run") },
        ],
        bin: at("bin"),
        tmp: at("tmp"),
        systemctlLog: at("systemctl.log"),
    };
    for (const directory of [at("etc", "systemd", "system"), at("run", "systemd", "system"), scratch.bin, scratch.tmp]) {
        fs.mkdirSync(directory, { recursive: true });
    }
    fs.writeFileSync(scratchPath(scratch, "/etc/environment"), start.environment);
    fs.writeFileSync(scratchPath(scratch, "/etc/waagent.conf"), start.waagentConf);
    fs.writeFileSync(scratch.script, script.content, { mode: parseInt(script.permissions ?? "0644", 8) });
    fs.writeFileSync(path.join(scratch.bin, "systemctl"), systemctlStandIn(scratch.systemctlLog), { mode: 0o755 });
    fs.writeFileSync(path.join(scratch.bin, "systemd-run"), systemdRunStandIn(scratch.systemctlLog), { mode: 0o755 });
    return scratch;
}

/** Records each call; of the two agent units only walinuxagent exists, as on Ubuntu. */
function systemctlStandIn(log: string): string {
    return [
        "#!/bin/sh",
        `printf '%s\\n' "$*" >> '${log}'`,
        'case "$*" in',
        '    "cat walinuxagent.service") exit 0 ;;',
        '    "cat "*) exit 1 ;;',
        "esac",
        "",
    ].join("\n");
}

/** Records each call, marked as systemd-run's: what it would schedule runs later, outside the script. */
function systemdRunStandIn(log: string): string {
    return ["#!/bin/sh", `printf 'systemd-run %s\\n' "$*" >> '${log}'`, ""].join("\n");
}

/** Where a file the script writes on the VM lands in the scratch copy. */
export function scratchPath(scratch: ClientScratch, guestPath: string): string {
    const bind = scratch.binds.find((candidate) => guestPath === candidate.guest || guestPath.startsWith(`${candidate.guest}/`));
    if (!bind) {
        throw new Error(`${guestPath} is outside the scratch copies`);
    }
    return bind.scratch + guestPath.slice(bind.guest.length);
}

/** The contents of every file the script writes, by path on the VM; undefined where none is. */
export function writtenContents(scratch: ClientScratch): Record<string, string | undefined> {
    return Object.fromEntries(
        WRITTEN_PATHS.map((guestPath) => {
            const file = scratchPath(scratch, guestPath);
            return [guestPath, fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined];
        }),
    );
}

/** The systemctl calls since the last time this was asked. */
export function takeSystemctlCalls(scratch: ClientScratch): string[] {
    if (!fs.existsSync(scratch.systemctlLog)) {
        return [];
    }
    const calls = fs.readFileSync(scratch.systemctlLog, "utf8").split("\n").filter(Boolean);
    fs.rmSync(scratch.systemctlLog);
    return calls;
}

/** Binds the scratch copies in a private mount namespace, then runs the script itself. */
export function runClientScript(scratch: ClientScratch): Promise<RunResult> {
    const bindThenRun = 'set -e; while [ "$#" -gt 1 ]; do mount --bind "$1" "$2"; shift 2; done; exec "$1"';
    return run(
        programPath("unshare"),
        ["--mount", "--propagation", "private", "sh", "-c", bindThenRun, "sh", ...scratch.binds.flatMap((bind) => [bind.scratch, bind.guest]), scratch.script],
        { env: { PATH: `${scratch.bin}:${SYSTEM_PATH}`, TMPDIR: scratch.tmp } },
    );
}

/** Parses /etc/environment's `KEY=value` lines (optionally quoted), as pam_env reads them. */
export function parseEnvironmentFile(text: string): Record<string, string> {
    const variables: Record<string, string> = {};
    for (const line of text.split("\n")) {
        const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
        if (match) {
            variables[match[1]] = match[2].replace(/^"(.*)"$/, "$1");
        }
    }
    return variables;
}
