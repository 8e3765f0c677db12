/** What installing and testing the project costs on a fresh clone: `npm ci`, `npm test`, `node_modules`. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";

export interface Timed {
    seconds: number[];
    /** The last lines of output of the first failed run. */
    failure?: string;
}

export interface Footprint {
    commit: string;
    npmCi: Timed;
    npmTest: Timed;
    nodeModulesMb: number;
    /** Installed packages, as package-lock.json lists them. */
    packages: number;
}

/** Runs a command to completion, timed; output goes to `log`. */
export function timed(command: string, args: string[], cwd: string, log: string): { seconds: number; ok: boolean } {
    const out = fs.openSync(log, "w");
    const started = performance.now();
    const result = spawnSync(command, args, { cwd, stdio: ["ignore", out, out] });
    const seconds = (performance.now() - started) / 1000;
    fs.closeSync(out);
    return { seconds, ok: result.status === 0 };
}

function repeatTimed(times: number, command: string, args: string[], cwd: string, before: () => void = () => undefined): Timed {
    const log = path.join(cwd, "..", `${path.basename(command)}-${args[0]}.log`);
    const result: Timed = { seconds: [] };
    for (let i = 0; i < times; i++) {
        before();
        const run = timed(command, args, cwd, log);
        if (!run.ok) {
            result.failure ??= fs.readFileSync(log, "utf8").trim().split("\n").slice(-5).join("\n");
        }
        result.seconds.push(run.seconds);
    }
    return result;
}

/** Disk usage of a directory in MB, as `du -sk` reports it. */
export function diskUsageMb(dir: string): number {
    const du = spawnSync("du", ["-sk", dir], { encoding: "utf8" });
    return Number(du.stdout.split(/\s+/)[0]) / 1024;
}

/** How many packages a lock file installs. */
export function lockedPackageCount(lockFile: string): number {
    const lock = JSON.parse(fs.readFileSync(lockFile, "utf8")) as { packages?: Record<string, unknown> };
    return Object.keys(lock.packages ?? {}).filter((key) => key.startsWith("node_modules/") || key.includes("/node_modules/")).length;
}

/**
 * Clones the project's committed HEAD into a temporary directory and times `npm ci` and
 * `npm test` there, `times` times each (node_modules removed before every `npm ci`; the npm
 * cache is whatever this machine has).
 */
export function footprint(projectDir: string, times: number, progress: (line: string) => void): Footprint {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "backup-ready-bench-"));
    try {
        const clone = path.join(scratch, "clone");
        spawnSync("git", ["clone", "--quiet", projectDir, clone], { stdio: "inherit" });
        const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: clone, encoding: "utf8" }).stdout.trim();
        const nodeModules = path.join(clone, "node_modules");
        progress(`footprint: npm ci x${times} in a fresh clone of ${commit}`);
        const npmCi = repeatTimed(times, "npm", ["ci", "--no-audit", "--no-fund"], clone, () => fs.rmSync(nodeModules, { recursive: true, force: true }));
        const nodeModulesMb = diskUsageMb(nodeModules);
        progress(`footprint: npm test x${times}`);
        const npmTest = repeatTimed(times, "npm", ["test"], clone);
        return { commit, npmCi, npmTest, nodeModulesMb, packages: lockedPackageCount(path.join(clone, "package-lock.json")) };
    } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
    }
}
