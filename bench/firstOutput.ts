/**
 * The real `pulumi preview` path's first output: the reference environment through Pulumi's own
 * program runner (@pulumi/pulumi cmd/run), started as the language host starts it, against the
 * loopback engine of the tests (test/support/programRunner.ts). With valid settings the first
 * output is the first resource registered; with a settings error, the error's line reaching the
 * engine's log (which the CLI prints). Issue 23: the error must come as fast as the first
 * registration, not some 20 s after it (cmd/run's util.inspect of an error with source-mapped frames).
 */
import { performance } from "perf_hooks";
import { previewThroughRunner, RunnerPreview } from "../test/support/programRunner";
import { median } from "./measure";
import { Goal, table } from "./report";

export const FIRST_OUTPUT_CASES = [
    { name: "valid settings", settings: {}, expectCode: 0 },
    { name: "settings error (vaultLocation=westeurpe)", settings: { vaultLocation: "westeurpe" }, expectCode: 32 },
] as const;

export interface FirstOutputRun {
    case: string;
    /** ts-node's type check on, as Pulumi.yaml runs the program; off as with PULUMI_NODEJS_TRANSPILE_ONLY=true. */
    typeCheck: boolean;
    /** From the spawn to the first registration (valid settings) or the first error logged. */
    firstOutputSeconds?: number;
    exitSeconds: number;
    code: number | null;
}

function firstOutputOf(run: RunnerPreview, expectCode: number): number | undefined {
    const at = expectCode === 0 ? run.engine.firstRegistrationAt : run.engine.firstErrorAt;
    return at === undefined ? undefined : (at - run.startedAt) / 1000;
}

/** Each case with and without the type check, `repeat` times, interleaved. */
export async function firstOutput(repeat: number, timeoutSeconds: number, progress: (line: string) => void): Promise<FirstOutputRun[]> {
    const runs: FirstOutputRun[] = [];
    for (let round = 1; round <= repeat; round++) {
        for (const typeCheck of [true, false]) {
            for (const { name, settings, expectCode } of FIRST_OUTPUT_CASES) {
                const started = performance.now();
                const run = await previewThroughRunner(settings, { timeoutMs: timeoutSeconds * 1000, typeCheck, probeErrors: false });
                const result: FirstOutputRun = {
                    case: name,
                    typeCheck,
                    firstOutputSeconds: firstOutputOf(run, expectCode),
                    exitSeconds: (run.exitedAt - started) / 1000,
                    code: run.timedOut ? null : run.code,
                };
                if (result.code !== expectCode) {
                    throw new Error(`${name}: the runner ${run.timedOut ? "timed out" : `exited with ${run.code}`}, not ${expectCode}\n${run.stderr}`);
                }
                runs.push(result);
                progress(`first output ${round}/${repeat}: ${name}, type check ${typeCheck ? "on" : "off"}: ${result.firstOutputSeconds?.toFixed(2)} s, exit ${result.exitSeconds.toFixed(2)} s`);
            }
        }
    }
    return runs;
}

function medians(runs: FirstOutputRun[], name: string, typeCheck: boolean): { first?: number; exit?: number; n: number } {
    const at = runs.filter((run) => run.case === name && run.typeCheck === typeCheck);
    const firsts = at.flatMap((run) => (run.firstOutputSeconds === undefined ? [] : [run.firstOutputSeconds]));
    return { first: firsts.length ? median(firsts) : undefined, exit: at.length ? median(at.map((run) => run.exitSeconds)) : undefined, n: at.length };
}

const seconds = (value: number | undefined) => (value === undefined ? "-" : value.toFixed(2));

export function firstOutputTable(runs: FirstOutputRun[]): string {
    const rows = [true, false].flatMap((typeCheck) =>
        FIRST_OUTPUT_CASES.map(({ name }) => {
            const { first, exit } = medians(runs, name, typeCheck);
            return [name, typeCheck ? "on (Pulumi.yaml)" : "off (PULUMI_NODEJS_TRANSPILE_ONLY)", seconds(first), seconds(exit)];
        }),
    );
    return table(["case", "ts-node type check", "first output s", "exit s"], rows);
}

/** Slack for a shared machine's noise: the error may come at most this much later than the first registration. */
export const FIRST_OUTPUT_RATIO_LIMIT = 1.25;

export function firstOutputGoals(runs: FirstOutputRun[]): Goal[] {
    return [true, false].map((typeCheck) => {
        const valid = medians(runs, FIRST_OUTPUT_CASES[0].name, typeCheck).first;
        const error = medians(runs, FIRST_OUTPUT_CASES[1].name, typeCheck).first;
        const ratio = valid && error !== undefined ? error / valid : undefined;
        return {
            goal: `a settings error reaches the user as fast as a successful preview's first registration (type check ${typeCheck ? "on" : "off"}; at most ${FIRST_OUTPUT_RATIO_LIMIT}x)`,
            holds: ratio === undefined ? undefined : ratio <= FIRST_OUTPUT_RATIO_LIMIT,
            detail: ratio === undefined ? "not measured" : `${seconds(error)} s against ${seconds(valid)} s (${ratio.toFixed(2)}x)`,
        };
    });
}
