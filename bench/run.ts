/**
 * `npm run bench`: what the project costs and the shape of the deployment it asks for.
 *
 *   npm run bench -- [--repeat N] [--only planning,command,first-output,critical-path,footprint] [--scenarios NAME,...] [--timeout S] [--heap MB]
 *
 * 1. Planning: every scenario in a child process with a heap limit and a timeout, N times,
 *    interleaved so a noisy neighbour spreads over all of them; medians.
 * 2. The whole command: `npm run plan` from start to exit at 1, 100 and 1000 VMs, its phases,
 *    and its cost per VM against the VM, NIC and protected item of the stock classes (b).
 * 2b. First output: the reference environment through Pulumi's own program runner (the real
 *    `pulumi preview` path), the time to the first registration and to a settings error's line.
 * 3. Critical path: `npm run plan` for 1, 100 and 1000 VMs, then the longest chain of creates.
 * 4. Footprint: `npm ci` and `npm test` on a fresh clone, and the size of node_modules.
 *
 * Prints Markdown and writes it, with the raw results, to out/bench/.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Plan } from "../plan/engine";
import { ARM_WRITE_THROTTLE, criticalPath, dependencyEdges, isAzureCreate, pathEdges, throttledDeployment } from "./criticalPath";
import { CommandRun, phaseDurations, runCommand } from "./command";
import { firstOutput, firstOutputGoals, FirstOutputRun, firstOutputTable } from "./firstOutput";
import { footprint, Footprint } from "./footprint";
import { Limits, measure, Outcome, PROJECT_DIR, summarise } from "./measure";
import {
    commandGoals,
    CommandResult,
    commandTable,
    durationTable,
    footprintTable,
    goalList,
    PathResult,
    pathShape,
    pathSummaryTable,
    pathTable,
    planningGoals,
    planningTable,
    PlanningRow,
    ratioTable,
    sameResourcesTable,
} from "./report";
import { environmentSettings } from "./scenarios/referenceEnvironment";
import { PLANS_DIR, referencePlan } from "./scenarios/sameResources";

const GROUPS = ["planning", "command", "first-output", "critical-path", "footprint"] as const;
type Group = (typeof GROUPS)[number];

interface Options extends Limits {
    repeat: number;
    only: Group[];
    /** The planning scenarios to run, by name; all when absent. */
    scenarios?: string[];
}

const SMALL = 100;
const LARGE = 1000;
const VM_COUNTS = [0, 1, SMALL, LARGE];
const ITEM_COUNTS = [0, SMALL, LARGE];

/** What each planning scenario is measured at; 0 is the baseline each per-VM figure subtracts. */
export const MATRIX: { scenario: string; counts: number[] }[] = [
    { scenario: "reference environment", counts: VM_COUNTS },
    { scenario: "same resources", counts: VM_COUNTS },
    { scenario: "vm (a) stock", counts: VM_COUNTS },
    { scenario: "vm (b) no aliases", counts: VM_COUNTS },
    { scenario: "vm (c) one property", counts: VM_COUNTS },
    { scenario: "enrolment", counts: ITEM_COUNTS },
    { scenario: "fleet of 10 regions", counts: [0, 1, SMALL] },
    { scenario: "item (a) stock", counts: ITEM_COUNTS },
    { scenario: "item (b) no aliases", counts: ITEM_COUNTS },
    { scenario: "item (c) one property", counts: ITEM_COUNTS },
];

const PATH_COUNTS = [1, SMALL, LARGE];
const OUT_DIR = path.join(PROJECT_DIR, "out", "bench");

export function parseOptions(argv: string[]): Options {
    const options: Options = { repeat: 3, only: [...GROUPS], timeoutSeconds: 120, heapMb: 4096 };
    for (let i = 0; i < argv.length; i += 2) {
        const [flag, value] = [argv[i], argv[i + 1]];
        const number = Number(value);
        if (flag === "--only" && value !== undefined) {
            options.only = value.split(",").map((group) => {
                if (!(GROUPS as readonly string[]).includes(group)) {
                    throw new Error(`--only takes ${GROUPS.join(", ")}; got "${group}"`);
                }
                return group as Group;
            });
        } else if (flag === "--scenarios" && value !== undefined) {
            options.scenarios = value.split(",").map((scenario) => {
                if (!MATRIX.some((m) => m.scenario === scenario)) {
                    throw new Error(`--scenarios takes ${MATRIX.map((m) => `"${m.scenario}"`).join(", ")}; got "${scenario}"`);
                }
                return scenario;
            });
        } else if (["--repeat", "--timeout", "--heap"].includes(flag) && Number.isInteger(number) && number > 0) {
            const key = ({ "--repeat": "repeat", "--timeout": "timeoutSeconds", "--heap": "heapMb" } as const)[flag as "--repeat" | "--timeout" | "--heap"];
            options[key] = number;
        } else {
            throw new Error(`usage: npm run bench -- [--repeat N] [--only ${GROUPS.join(",")}] [--scenarios NAME,...] [--timeout S] [--heap MB]; did not understand "${flag}"`);
        }
    }
    return options;
}

const progress = (line: string) => process.stderr.write(`${line}\n`);

function packageVersion(name: string): string {
    return (JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
}

export function machine(): string {
    const cpus = os.cpus();
    return [
        `${cpus.length} x ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.type()} ${os.release()}`,
        `Node ${process.version}, @pulumi/pulumi ${packageVersion("@pulumi/pulumi")}, @pulumi/azure-native ${packageVersion("@pulumi/azure-native")}, TypeScript through plan/register.js (transpiled once, cached; no source-map support)`,
        `load average at start ${os.loadavg().map((load) => load.toFixed(1)).join(" / ")}; ${new Date().toISOString()}`,
    ].join("\n");
}

async function planning(options: Options): Promise<PlanningRow[]> {
    // The same-resources reference registers this code's plans again: make them afresh, before any clock starts.
    fs.rmSync(PLANS_DIR, { recursive: true, force: true });
    for (const count of VM_COUNTS) {
        progress(`planning: npm run plan with ${count} VMs, for the same-resources reference`);
        referencePlan(count);
    }
    const outcomes = new Map<string, Outcome[]>();
    const key = (scenario: string, count: number) => `${scenario}@${count}`;
    const failed = (scenario: string, count: number) =>
        MATRIX.find((m) => m.scenario === scenario)!.counts.some((c) => c <= count && (outcomes.get(key(scenario, c)) ?? []).some((o) => "failure" in o));
    const matrix = MATRIX.filter(({ scenario }) => options.scenarios === undefined || options.scenarios.includes(scenario));
    for (let round = 1; round <= options.repeat; round++) {
        for (const { scenario, counts } of matrix) {
            for (const count of counts) {
                // A size that failed once, or a smaller one, fails again: do not spend the timeout twice.
                if (failed(scenario, count)) {
                    continue;
                }
                const result = await measure(scenario, count, options);
                outcomes.set(key(scenario, count), [...(outcomes.get(key(scenario, count)) ?? []), result]);
                const shown = "measurement" in result ? `${result.measurement.planSeconds.toFixed(2)} s, ${result.measurement.peakRssMb.toFixed(0)} MB` : `${result.failure} after ${result.seconds.toFixed(0)} s`;
                progress(`planning ${round}/${options.repeat}: ${scenario} x${count}: ${shown}`);
            }
        }
    }
    return matrix.flatMap(({ scenario, counts }) => counts.map((count) => ({ scenario, count, summary: summarise(outcomes.get(key(scenario, count)) ?? []) })));
}

function planningSection(rows: PlanningRow[], options: Options): string {
    return [
        "### 1. Planning",
        "",
        `Medians of ${options.repeat} runs, each a fresh \`node --max-old-space-size=${options.heapMb}\` process stopped after ${options.timeoutSeconds} s. ` +
            "Plan time and CPU are `runPlan` (the program and the classes azure-native loads lazily included, module loading of the scenario before it excluded); " +
            "peak RSS is the process's `maxRSS`, loading included. Per VM is the cost of one more VM: (value at N - value at 0 VMs) / N.",
        "",
        planningTable(rows),
        "",
        `The reference environment is \`index.ts\` with \`${Object.entries(environmentSettings(LARGE)).filter(([k]) => k !== "appVmCount").map(([k, v]) => `${k}=${v}`).join(" ")}\` (room for ${LARGE} VMs) and N Linux app VMs: per VM it creates everything a VM needs, its component, NIC, VM, proxy client and protected item. ` +
            "The enrolment is one `BackupVault` given N existing VM ids: a protected item and a region lookup per VM.",
        "",
        "The same resources are every resource of `npm run plan`'s plan at N VMs registered again with the stock classes (azure-native, tls, random) minus their type aliases: " +
            "the same types, names, parents, inputs, options and dependencies (a dependency's id passed as its `id` Output), components as bare `ComponentResource`s; no validation, templates or lookups. " +
            "The plan is made before the clock starts.",
        "",
        sameResourcesTable(rows, [SMALL, LARGE]),
        "",
        "Per VM, against the older references: (a) VM + NIC + protected item, stock azure-native classes; (b) the same, type aliases removed; (c) three one-property custom resources. The enrolment is compared with a protected item alone.",
        "",
        ratioTable(rows, [SMALL, LARGE]),
        "",
        "Goals:",
        "",
        goalList(planningGoals(rows, LARGE, SMALL)),
    ].join("\n");
}

const COMMAND_COUNTS = [1, SMALL, LARGE];
/** The reference the whole command's cost per VM is set against: a VM, a NIC and a protected item, stock classes minus their type aliases. */
const COMMAND_REFERENCE = "vm (b) no aliases";
const COMMAND_REFERENCE_COUNTS = [SMALL, LARGE];

/** `npm run plan` at each size and the reference at 100 and 1000, N times, interleaved; medians. */
async function command(options: Options): Promise<CommandResult> {
    const runs: CommandRun[] = [];
    const reference: PlanningRow[] = [];
    const outcomes = new Map<number, Outcome[]>();
    for (let round = 1; round <= options.repeat; round++) {
        for (const count of COMMAND_COUNTS) {
            const run = runCommand(count, options.timeoutSeconds);
            runs.push(run);
            progress(`command ${round}/${options.repeat}: npm run plan x${count}: ${run.seconds.toFixed(2)} s, ${run.cpuSeconds.toFixed(2)} CPU s`);
        }
        for (const count of COMMAND_REFERENCE_COUNTS) {
            const result = await measure(COMMAND_REFERENCE, count, options);
            outcomes.set(count, [...(outcomes.get(count) ?? []), result]);
            const shown = "measurement" in result ? `${result.measurement.planSeconds.toFixed(2)} s, ${result.measurement.planCpuSeconds.toFixed(2)} CPU s` : result.failure;
            progress(`command ${round}/${options.repeat}: ${COMMAND_REFERENCE} x${count}: ${shown}`);
        }
    }
    for (const count of COMMAND_REFERENCE_COUNTS) {
        reference.push({ scenario: COMMAND_REFERENCE, count, summary: summarise(outcomes.get(count) ?? []) });
    }
    return { runs, reference, referenceScenario: COMMAND_REFERENCE, small: SMALL, large: LARGE };
}

function commandSection(result: CommandResult, options: Options): string {
    return [
        "### 2. The whole command",
        "",
        `\`npm run plan -- --stack bench --config appVmCount=N --config appSubnet=${environmentSettings(LARGE).appSubnet}\`, from starting npm to its exit, as a user runs it: ` +
            "npm's and node's startup, loading the TypeScript (plan/register.js: compiled once per change, then read from node_modules/.cache), the program under the mock engine, " +
            "the tree on standard output and plan.json, the readiness report, and the picture (Mermaid and SVG). " +
            `Medians of ${options.repeat} runs, interleaved with the reference's. Wall time is measured around the process; CPU is bash's \`times\` for its children (user + system); ` +
            "the phases are the command's own clock (plan/timings.ts), startup being node's start to the program's (npm's own start is in the wall time only).",
        "",
        commandTable(result),
        "",
        `Per VM is the slope between ${SMALL} and ${LARGE} VMs: (value at ${LARGE} - value at ${SMALL}) / ${LARGE - SMALL}, for the command and for the reference alike, so that every fixed cost (startup, the environment's shared resources) drops out. ` +
            `The reference is "${COMMAND_REFERENCE}": a VM, its NIC and a protected item per VM, registered with the stock azure-native classes minus their type aliases under the SDK's mock engine, in a plain node process (no ts-node, no source-map support), \`runPlan\` alone.`,
        "",
        "Goals:",
        "",
        goalList(commandGoals(result)),
    ].join("\n");
}

function firstOutputSection(runs: FirstOutputRun[], options: Options): string {
    return [
        "### 2b. First output through Pulumi's program runner",
        "",
        "The reference environment (stack defaults, one app VM) run by `@pulumi/pulumi/cmd/run` with the arguments and environment `pulumi-language-nodejs` passes for a preview, " +
            "against the loopback engine of test/realRunner.test.ts (test/support/programRunner.ts); the runner compiles `index.ts` with ts-node. " +
            "First output: from the spawn to the first resource registered (valid settings) or to the error's line in the engine's log (a misspelt `vaultLocation`). " +
            `Medians of ${options.repeat} runs, interleaved; wall time.`,
        "",
        firstOutputTable(runs),
        "",
        "Goals:",
        "",
        goalList(firstOutputGoals(runs)),
    ].join("\n");
}

function planWithCli(count: number, outDir: string): Plan {
    const args = ["run", "plan", "--", "--stack", "bench", ...Object.entries(environmentSettings(count)).flatMap(([k, v]) => ["--config", `${k}=${v}`]), "--out", outDir];
    const run = spawnSync("npm", args, { cwd: PROJECT_DIR, encoding: "utf8", maxBuffer: 256 * 2 ** 20 });
    if (run.status !== 0) {
        throw new Error(`npm ${args.join(" ")} failed: ${run.stderr}`);
    }
    return JSON.parse(fs.readFileSync(path.join(outDir, "plan.json"), "utf8")) as Plan;
}

function pathResult(count: number, plan: Plan): PathResult {
    const path = criticalPath(plan.resources);
    return {
        count,
        resources: plan.resources.length,
        creates: plan.resources.filter(isAzureCreate).length,
        path,
        range: { low: criticalPath(plan.resources, "low").seconds, high: criticalPath(plan.resources, "high").seconds },
        throttled: throttledDeployment(plan.resources),
        edges: pathEdges(path),
        suspects: dependencyEdges(plan.resources).filter((edge) => edge.usage === undefined),
    };
}

function criticalPathSection(results: PathResult[]): string {
    const largest = results[results.length - 1];
    const shapes = new Set(results.map((r) => pathShape(r.path)));
    const suspects = results.flatMap((r) => r.suspects.map((e) => `- ${r.count} VMs: ${e.dependent.name} waits for ${e.dependency.name} and no input uses it`));
    return [
        "### 3. Deployment critical path",
        "",
        "From `out/plan.json` of `npm run plan -- --config appVmCount=N`: a resource waits for its `dependencies` and its `parent`; " +
            "components, keys and passwords take no time. Provisioning times (estimates, seconds):",
        "",
        durationTable(),
        "",
        "The figures are estimates from experience of ARM deployments (each operation's `duration` in `az deployment operation group list`, Pulumi's per-resource timings), not guarantees; " +
            "the range column recomputes the path with every low and every high figure.",
        "",
        pathSummaryTable(results),
        "",
        "The chain does not grow with the number of VMs: they are created side by side, and nothing waits for all of them. " +
            "What grows is the number of Azure writes: the column with ARM write throttling counts each create as one write from the subscription's bucket of " +
            `${ARM_WRITE_THROTTLE.bucket}, refilled at ${ARM_WRITE_THROTTLE.refillPerSecond} a second ` +
            "([Azure Resource Manager throttling](https://learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling)), " +
            "with Pulumi starting every create as soon as it may (its default parallelism is unbounded). " +
            "Compute's own limits ([Compute throttling limits](https://learn.microsoft.com/azure/virtual-machines/compute-throttling-limits): 1500 VM creates at once, 500 a minute after) do not bind at 1000 VMs; " +
            "status polling spends read tokens (250, refilled at 25 a second), which this estimate leaves out.",
        "",
        `The path at ${largest.count} VMs (${shapes.size === 1 ? "the same chain of types at every size" : "differs between sizes"}):`,
        "",
        pathTable(largest),
        "",
        suspects.length === 0 ? "Every dependency in the plans is used: its id or its Azure name is in the dependent's inputs." : suspects.join("\n"),
    ].join("\n");
}

function footprintSection(result: Footprint): string {
    return [
        "### 4. Install and test footprint",
        "",
        "`git clone` of the committed HEAD into a temporary directory; `node_modules` removed before each `npm ci --no-audit --no-fund`, npm's cache as this machine has it (warm after the first run). " +
            "`npm test` is the README's: type-check, then every mocha test, the guest tests with the programs `.ci/run` installs.",
        "",
        footprintTable(result),
    ].join("\n");
}

/** Writes the report so far, so a group that fails does not lose the ones before it. */
function save(sections: string[], raw: Record<string, unknown>): string {
    const report = sections.join("\n") + "\n";
    fs.writeFileSync(path.join(OUT_DIR, "report.md"), report);
    fs.writeFileSync(path.join(OUT_DIR, "results.json"), JSON.stringify(raw, null, 2) + "\n");
    return report;
}

async function main(): Promise<void> {
    const options = parseOptions(process.argv.slice(2));
    fs.mkdirSync(OUT_DIR, { recursive: true });
    const sections = ["## Benchmarks", "", "```", machine(), "```"];
    const raw: Record<string, unknown> = { options };
    if (options.only.includes("planning")) {
        const rows = await planning(options);
        raw.planning = rows;
        sections.push("", planningSection(rows, options));
        save(sections, raw);
    }
    if (options.only.includes("command")) {
        const result = await command(options);
        raw.command = { ...result, runs: result.runs.map((run) => ({ ...run, phases: phaseDurations(run.timings) })) };
        sections.push("", commandSection(result, options));
        save(sections, raw);
    }
    if (options.only.includes("first-output")) {
        const runs = await firstOutput(options.repeat, options.timeoutSeconds, progress);
        raw.firstOutput = runs;
        sections.push("", firstOutputSection(runs, options));
        save(sections, raw);
    }
    if (options.only.includes("critical-path")) {
        const results = PATH_COUNTS.map((count) => {
            progress(`critical path: npm run plan with ${count} VMs`);
            return pathResult(count, planWithCli(count, path.join(OUT_DIR, `plan-${count}`)));
        });
        raw.criticalPath = results.map(({ path, edges, suspects, ...rest }) => ({
            ...rest,
            seconds: path.seconds,
            steps: path.steps.map((s) => ({ name: s.resource.name, type: s.resource.type, start: s.start, finish: s.finish })),
            suspects: suspects.map((e) => ({ dependent: e.dependent.urn, dependency: e.dependency.urn })),
        }));
        sections.push("", criticalPathSection(results));
        save(sections, raw);
    }
    if (options.only.includes("footprint")) {
        const result = footprint(PROJECT_DIR, options.repeat, progress);
        raw.footprint = result;
        sections.push("", footprintSection(result));
    }
    process.stdout.write(save(sections, raw));
    progress(`wrote ${path.relative(PROJECT_DIR, OUT_DIR)}/report.md and results.json`);
}

if (require.main === module) {
    main().catch((err: unknown) => {
        console.error(err);
        process.exit(1);
    });
}
