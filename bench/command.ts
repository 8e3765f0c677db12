/**
 * The whole `npm run plan` as a user runs it: from starting `npm` to its exit, startup (npm,
 * node, loading and compiling the TypeScript), the program, the tree and plan.json, the readiness
 * report and the picture. Wall time is measured around the process; CPU is what bash's `times`
 * reports for its children (npm, node and everything they start); the phases come from the
 * command itself (plan/timings.ts).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { PHASES, Timings, TIMINGS_VARIABLE } from "../plan/timings";
import { PROJECT_DIR } from "./measure";
import { environmentSettings } from "./scenarios/referenceEnvironment";
import { BENCH_STACK } from "./scenarios/scenario";

export interface CommandRun {
    count: number;
    /** Process start to exit. */
    seconds: number;
    /** User and system CPU of the command and its children. */
    cpuSeconds: number;
    /** Each phase's end, seconds since node started (npm's own start before it is not included). */
    timings: Timings;
}

/** `0m4.145s` as seconds. */
function clock(text: string): number {
    const [, minutes, seconds] = /^(\d+)m([\d.]+)s$/.exec(text) ?? [];
    if (minutes === undefined) {
        throw new Error(`not a time of bash's times: "${text}"`);
    }
    return Number(minutes) * 60 + Number(seconds);
}

/** The children's user and system time from bash's `times`: its second line. */
export function childrenCpu(timesOutput: string): number {
    const line = timesOutput.trim().split("\n").pop() ?? "";
    return line.split(/\s+/).map(clock).reduce((a, b) => a + b, 0);
}

/** Runs `npm run plan` at `count` VMs once; throws with its error output when it fails. */
export function runCommand(count: number, timeoutSeconds: number): CommandRun {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-command-"));
    try {
        const timingsFile = path.join(work, "timings.json");
        const settings = Object.entries(environmentSettings(count)).flatMap(([key, value]) => ["--config", `${key}=${value}`]);
        const args = ["run", "plan", "--", "--stack", BENCH_STACK, ...settings, "--out", path.join(work, "out")];
        // bash reports its children's CPU; the command's own output goes to a file, as a user's to a terminal.
        const script = `npm "$@" > "${path.join(work, "stdout")}"; status=$?; times >&2; exit $status`;
        const started = performance.now();
        const run = spawnSync("bash", ["-c", script, "bash", ...args], {
            cwd: PROJECT_DIR,
            encoding: "utf8",
            env: { ...process.env, [TIMINGS_VARIABLE]: timingsFile },
            timeout: timeoutSeconds * 1000,
        });
        const seconds = (performance.now() - started) / 1000;
        if (run.status !== 0) {
            throw new Error(`npm ${args.join(" ")} failed (${run.status ?? run.signal}): ${run.stderr.trim().split("\n").slice(-5).join(" | ")}`);
        }
        return { count, seconds, cpuSeconds: childrenCpu(run.stderr), timings: JSON.parse(fs.readFileSync(timingsFile, "utf8")) as Timings };
    } finally {
        fs.rmSync(work, { recursive: true, force: true });
    }
}

/** How long each phase took: from the previous phase's end (or the process start) to its own. */
export function phaseDurations(timings: Timings): Record<string, number> {
    let previous = 0;
    return Object.fromEntries(
        PHASES.map((phase) => {
            const end = timings[phase] ?? previous;
            const duration = end - previous;
            previous = end;
            return [phase, duration];
        }),
    );
}
