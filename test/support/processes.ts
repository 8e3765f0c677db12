/** Running programs from tests: every run and every wait is bounded in time. */
import { ChildProcess, spawn } from "child_process";

export interface RunResult {
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
    timedOut: boolean;
}

export interface RunOptions {
    /** The whole environment of the program; the test's own when absent. */
    env?: NodeJS.ProcessEnv;
    /** The working directory; the test's own when absent. */
    cwd?: string;
    timeoutMs?: number;
}

/** A PATH for programs started with an explicit environment. */
export const SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

const DEFAULT_TIMEOUT_MS = 15_000;
/** Keeps the tail of a long-running program's output for error messages. */
const MAX_KEPT_OUTPUT = 64 * 1024;

export function describeCommand(command: string, args: string[]): string {
    return [command, ...args].join(" ");
}

/** Runs a program to completion; it is killed when it outlives the timeout. */
export function run(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        let timedOut = false;
        child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
        child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill("SIGKILL");
        }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
        child.on("error", (error) => {
            clearTimeout(timer);
            reject(error);
        });
        child.on("close", (code, signal) => {
            clearTimeout(timer);
            resolve({ code, signal, stdout, stderr, timedOut });
        });
    });
}

/** Runs a program and returns its standard output; rejects with its output when it fails. */
export async function runOk(command: string, args: string[], options: RunOptions = {}): Promise<string> {
    const result = await run(command, args, options);
    if (result.code !== 0) {
        const how = result.timedOut ? "timed out" : `exited with ${result.code ?? result.signal}`;
        throw new Error(`${describeCommand(command, args)} ${how}\n${result.stderr}${result.stdout}`);
    }
    return result.stdout;
}

export function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it returns a value; gives up after `timeoutMs` and a matching number of attempts. */
export async function waitFor<T>(
    what: string,
    check: () => T | undefined | Promise<T | undefined>,
    { timeoutMs = 10_000, intervalMs = 50 } = {},
): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    const attempts = Math.ceil(timeoutMs / intervalMs) + 1;
    for (let attempt = 0; attempt < attempts && Date.now() <= deadline; attempt++) {
        const value = await check();
        if (value !== undefined) {
            return value;
        }
        await sleep(intervalMs);
    }
    throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}`);
}

/** A program running in the background, such as a server; the test must stop it. */
export class BackgroundProcess {
    readonly description: string;
    private readonly child: ChildProcess;
    private kept = "";
    private readonly exit: Promise<void>;
    private exited = false;

    constructor(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
        this.description = describeCommand(command, args);
        this.child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
        const keep = (chunk: string) => (this.kept = (this.kept + chunk).slice(-MAX_KEPT_OUTPUT));
        this.child.stdout?.setEncoding("utf8").on("data", keep);
        this.child.stderr?.setEncoding("utf8").on("data", keep);
        this.exit = new Promise((resolve) => {
            this.child.on("error", (error) => keep(`\n${error.message}\n`));
            this.child.on("close", () => {
                this.exited = true;
                resolve();
            });
        });
    }

    get running(): boolean {
        return !this.exited;
    }

    get output(): string {
        return this.kept;
    }

    /** Waits until `ready` holds; fails at once when the process ends first. */
    async waitUntil(what: string, ready: () => boolean, timeoutMs = 10_000): Promise<void> {
        await waitFor(
            what,
            () => {
                if (ready()) {
                    return true;
                }
                if (this.exited) {
                    throw new Error(`${this.description} ended before ${what}:\n${this.kept}`);
                }
                return undefined;
            },
            { timeoutMs },
        );
    }

    /** SIGTERM, then SIGKILL when the process does not end within a few seconds. */
    async stop(): Promise<void> {
        for (const [signal, graceMs] of [["SIGTERM", 3000], ["SIGKILL", 2000]] as const) {
            if (this.exited) {
                return;
            }
            this.child.kill(signal);
            await Promise.race([this.exit, sleep(graceMs)]);
        }
        if (!this.exited) {
            throw new Error(`${this.description} (pid ${this.child.pid}) did not end`);
        }
    }
}
