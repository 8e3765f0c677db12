/** Runs measurements in child processes, under a heap limit and a timeout, and summarises them. */
import { spawn } from "child_process";
import * as path from "path";
import { performance } from "perf_hooks";
import type { Measurement } from "./child";

export const PROJECT_DIR = path.resolve(__dirname, "..");
const CHILD = path.join(__dirname, "child.ts");
/** TypeScript in plain node, as `npm run plan` runs it (plan/register.js). */
const REGISTER = path.join(PROJECT_DIR, "plan", "register.js");

export interface Limits {
    heapMb: number;
    timeoutSeconds: number;
}

export type Failure = "out of memory" | "timeout" | "error";

export type Outcome = { measurement: Measurement } | { failure: Failure; seconds: number; detail: string };

/** What a failed child died of: V8's heap limit, our timeout, or anything else. */
export function failureOf(stderr: string, timedOut: boolean): Failure {
    if (timedOut) {
        return "timeout";
    }
    return /heap out of memory|Reached heap limit|Allocation failed/i.test(stderr) ? "out of memory" : "error";
}

/** Plans one scenario at one size in a fresh Node process, loading TypeScript the way `npm run plan` does. */
export function measure(scenario: string, count: number, limits: Limits): Promise<Outcome> {
    const started = performance.now();
    const args = [`--max-old-space-size=${limits.heapMb}`, "-r", REGISTER, CHILD, scenario, String(count)];
    return new Promise((resolve) => {
        const child = spawn(process.execPath, args, { cwd: PROJECT_DIR, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk) => (stdout += chunk));
        child.stderr.on("data", (chunk) => (stderr = (stderr + chunk).slice(-20000)));
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill("SIGKILL");
        }, limits.timeoutSeconds * 1000);
        child.on("close", (code) => {
            clearTimeout(timer);
            const seconds = (performance.now() - started) / 1000;
            const line = stdout.trim().split("\n").pop() ?? "";
            if (code === 0 && !timedOut && line.startsWith("{")) {
                resolve({ measurement: JSON.parse(line) as Measurement });
            } else {
                resolve({ failure: failureOf(stderr, timedOut), seconds, detail: stderr.trim().split("\n").slice(-3).join(" | ") });
            }
        });
    });
}

/** The median; the mean of the middle two for an even count. */
export function median(values: number[]): number {
    if (values.length === 0) {
        throw new Error("median of nothing");
    }
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export interface Summary {
    runs: number;
    /** Medians of the successful runs. */
    median?: Measurement;
    /** The first failure, when any run failed. */
    failure?: { failure: Failure; seconds: number; detail: string };
}

/** The medians of every field over the successful runs, and the first failure. */
export function summarise(outcomes: Outcome[]): Summary {
    const measurements = outcomes.flatMap((outcome) => ("measurement" in outcome ? [outcome.measurement] : []));
    const failure = outcomes.find((outcome): outcome is Exclude<Outcome, { measurement: Measurement }> => "failure" in outcome);
    const field = (key: keyof Measurement) => median(measurements.map((m) => m[key]));
    return {
        runs: outcomes.length,
        median:
            measurements.length === 0
                ? undefined
                : {
                      resources: field("resources"),
                      loadSeconds: field("loadSeconds"),
                      planSeconds: field("planSeconds"),
                      planCpuSeconds: field("planCpuSeconds"),
                      peakRssMb: field("peakRssMb"),
                  },
        failure,
    };
}
