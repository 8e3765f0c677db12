/** The benchmark's results as Markdown: the three groups and whether the goals hold. */
import type { Measurement } from "./child";
import { CommandRun, phaseDurations } from "./command";
import { CriticalPath, Edge, PROVISIONING_SECONDS, Seconds } from "./criticalPath";
import type { Footprint } from "./footprint";
import { median, Summary } from "./measure";

export function table(header: string[], rows: string[][]): string {
    const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
    return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

const fixed = (value: number, digits: number) => value.toFixed(digits);
const ratio = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? "-" : `${value.toFixed(2)}x`);
const minutes = (seconds: number) => `${Math.floor(seconds / 60)} min ${String(Math.round(seconds % 60)).padStart(2, "0")} s`;

// ---------------------------------------------------------------- planning

export interface PlanningRow {
    scenario: string;
    count: number;
    summary: Summary;
}

export interface PerVm {
    ms: number;
    /** CPU time, all threads: steadier than wall time on a shared machine. */
    cpuMs: number;
    mb: number;
}

function medianOf(rows: PlanningRow[], scenario: string, count: number): Measurement | undefined {
    return rows.find((row) => row.scenario === scenario && row.count === count)?.summary.median;
}

/** The cost of one more VM: the scenario at `count` less the scenario at 0, over `count`. */
export function perVm(rows: PlanningRow[], scenario: string, count: number): PerVm | undefined {
    const at = medianOf(rows, scenario, count);
    const base = medianOf(rows, scenario, 0);
    if (!at || !base || count === 0) {
        return undefined;
    }
    return {
        ms: ((at.planSeconds - base.planSeconds) * 1000) / count,
        cpuMs: ((at.planCpuSeconds - base.planCpuSeconds) * 1000) / count,
        mb: (at.peakRssMb - base.peakRssMb) / count,
    };
}

function outcome(summary: Summary): string[] {
    if (summary.median) {
        const m = summary.median;
        return [String(m.resources), fixed(m.planSeconds, 2), fixed(m.planCpuSeconds, 2), fixed(m.peakRssMb, 0)];
    }
    const failure = summary.failure;
    return ["-", failure ? `${failure.failure} after ${fixed(failure.seconds, 0)} s` : "not run", "-", "-"];
}

export function planningTable(rows: PlanningRow[]): string {
    return table(
        ["scenario", "VMs", "resources", "plan s", "plan CPU s", "peak RSS MB", "per VM ms", "per VM MB"],
        rows
            .filter((row) => row.count > 0)
            .map((row) => {
                const marginal = row.count >= 100 ? perVm(rows, row.scenario, row.count) : undefined;
                return [row.scenario, String(row.count), ...outcome(row.summary), marginal ? fixed(marginal.ms, 2) : "-", marginal ? fixed(marginal.mb, 3) : "-"];
            }),
    );
}

export interface Comparison {
    subject: string;
    references: [string, string, string];
}

export const COMPARISONS: Comparison[] = [
    { subject: "reference environment", references: ["vm (a) stock", "vm (b) no aliases", "vm (c) one property"] },
    { subject: "enrolment", references: ["item (a) stock", "item (b) no aliases", "item (c) one property"] },
];

export function ratioTable(rows: PlanningRow[], counts: number[]): string {
    const body = COMPARISONS.flatMap(({ subject, references }) =>
        counts.map((count) => {
            const own = perVm(rows, subject, count);
            const against = references.map((reference) => perVm(rows, reference, count));
            return [
                subject,
                String(count),
                ...against.map((ref) => ratio(own && ref ? own.ms / ref.ms : undefined)),
                ...against.map((ref) => ratio(own && ref ? own.mb / ref.mb : undefined)),
            ];
        }),
    );
    return table(["per VM", "VMs", "time ÷ (a)", "time ÷ (b)", "time ÷ (c)", "memory ÷ (a)", "memory ÷ (b)", "memory ÷ (c)"], body);
}

/** The reference environment per VM against its own resources registered with the stock classes. */
export function sameResourcesTable(rows: PlanningRow[], counts: number[]): string {
    return table(
        ["VMs", "program ms per VM", "same resources ms per VM", "time ÷", "CPU ÷", "memory ÷"],
        counts.map((count) => {
            const own = perVm(rows, "reference environment", count);
            const same = perVm(rows, "same resources", count);
            return [
                String(count),
                own ? fixed(own.ms, 2) : "-",
                same ? fixed(same.ms, 2) : "-",
                ratio(own && same ? own.ms / same.ms : undefined),
                ratio(own && same ? own.cpuMs / same.cpuMs : undefined),
                ratio(own && same ? own.mb / same.mb : undefined),
            ];
        }),
    );
}

export interface Goal {
    goal: string;
    holds: boolean | undefined;
    detail: string;
}

const PEAK_LIMIT_MB = 1536;

/** The goals, judged at the largest size measured. */
export function planningGoals(rows: PlanningRow[], large: number, small: number): Goal[] {
    const env = perVm(rows, "reference environment", large);
    const envSmall = perVm(rows, "reference environment", small);
    const vmB = perVm(rows, "vm (b) no aliases", large);
    const enrol = perVm(rows, "enrolment", large);
    const itemB = perVm(rows, "item (b) no aliases", large);
    const stock = rows.find((row) => row.scenario === "vm (a) stock" && row.count === large)?.summary;
    const envPeak = medianOf(rows, "reference environment", large)?.peakRssMb;
    const linear = env && envSmall ? env.ms / envSmall.ms : undefined;
    const same = (count: number) => {
        const own = perVm(rows, "reference environment", count);
        const reference = perVm(rows, "same resources", count);
        return own && reference ? own.ms / reference.ms : undefined;
    };
    return [
        {
            goal: `the reference environment, per VM, no slower than its own resources with the stock classes (time ratio at most 1.0 at ${small} and ${large})`,
            holds: same(small) === undefined || same(large) === undefined ? undefined : (same(small) as number) <= 1 && (same(large) as number) <= 1,
            detail: `${ratio(same(small))} at ${small}, ${ratio(same(large))} at ${large}`,
        },
        {
            goal: `planning grows linearly (time per VM at ${large} within 1.25x of that at ${small})`,
            holds: linear === undefined ? undefined : linear <= 1.25,
            detail: env && envSmall ? `${fixed(envSmall.ms, 2)} ms at ${small}, ${fixed(env.ms, 2)} ms at ${large}: ${ratio(linear)}` : "not measured",
        },
        {
            goal: "the reference environment, per VM, no slower and no larger than (b)",
            holds: env && vmB ? env.ms <= vmB.ms && env.mb <= vmB.mb : undefined,
            detail: env && vmB ? `time ${ratio(env.ms / vmB.ms)}, memory ${ratio(env.mb / vmB.mb)} of (b)` : "not measured",
        },
        {
            goal: "the enrolment, per VM, within 1.25x of its protected-item reference (b)",
            holds: enrol && itemB ? enrol.ms <= 1.25 * itemB.ms && enrol.mb <= 1.25 * itemB.mb : undefined,
            detail: enrol && itemB ? `time ${ratio(enrol.ms / itemB.ms)}, memory ${ratio(enrol.mb / itemB.mb)} of (b)` : "not measured",
        },
        {
            goal: `the stock classes cannot plan ${large} VMs in the heap limit and timeout`,
            holds: stock ? stock.failure !== undefined : undefined,
            detail: stock?.failure ? `(a) at ${large}: ${stock.failure.failure} after ${fixed(stock.failure.seconds, 0)} s` : stock?.median ? `(a) planned ${large} VMs in ${fixed(stock.median.planSeconds, 1)} s` : "not measured",
        },
        {
            goal: `peak memory under 1.5 GB for ${large} VMs`,
            holds: envPeak === undefined ? undefined : envPeak < PEAK_LIMIT_MB,
            detail: envPeak === undefined ? "not measured" : `${fixed(envPeak, 0)} MB`,
        },
    ];
}

export function goalList(goals: Goal[]): string {
    return goals.map(({ goal, holds, detail }) => `- ${holds === undefined ? "[?]" : holds ? "[x]" : "[ ]"} ${goal}: ${detail}`).join("\n");
}

// ---------------------------------------------------------------- the whole command

export interface CommandResult {
    runs: CommandRun[];
    /** The reference scenario at `small` and `large`, planned in child processes. */
    reference: PlanningRow[];
    referenceScenario: string;
    small: number;
    large: number;
}

/** The median run's figures at one size: wall, CPU and each phase. */
function commandMedians(runs: CommandRun[], count: number): { seconds: number; cpuSeconds: number; phases: Record<string, number> } | undefined {
    const at = runs.filter((run) => run.count === count);
    if (at.length === 0) {
        return undefined;
    }
    const phases = at.map((run) => phaseDurations(run.timings));
    return {
        seconds: median(at.map((run) => run.seconds)),
        cpuSeconds: median(at.map((run) => run.cpuSeconds)),
        phases: Object.fromEntries(Object.keys(phases[0]).map((phase) => [phase, median(phases.map((p) => p[phase]))])),
    };
}

/** Per VM: the slope from `small` to `large`. */
function slope(atSmall: number, atLarge: number, small: number, large: number): number {
    return (atLarge - atSmall) / (large - small);
}

/** The command's and the reference's cost per VM, in ms, wall and CPU. */
export function commandPerVm(result: CommandResult): { command?: { ms: number; cpuMs: number }; reference?: { ms: number; cpuMs: number } } {
    const { small, large } = result;
    const [cs, cl] = [commandMedians(result.runs, small), commandMedians(result.runs, large)];
    const [rs, rl] = [medianOf(result.reference, result.referenceScenario, small), medianOf(result.reference, result.referenceScenario, large)];
    return {
        command: cs && cl ? { ms: 1000 * slope(cs.seconds, cl.seconds, small, large), cpuMs: 1000 * slope(cs.cpuSeconds, cl.cpuSeconds, small, large) } : undefined,
        reference: rs && rl ? { ms: 1000 * slope(rs.planSeconds, rl.planSeconds, small, large), cpuMs: 1000 * slope(rs.planCpuSeconds, rl.planCpuSeconds, small, large) } : undefined,
    };
}

/** Readiness and picture as a share of the whole command, at one size. */
function reportShare(medians: { seconds: number; phases: Record<string, number> }): number {
    return (medians.phases.readiness + medians.phases.picture) / medians.seconds;
}

export function commandTable(result: CommandResult): string {
    const counts = [...new Set(result.runs.map((run) => run.count))].sort((a, b) => a - b);
    const rows = counts.flatMap((count) => {
        const m = commandMedians(result.runs, count);
        if (!m) {
            return [];
        }
        const p = m.phases;
        return [[String(count), fixed(m.seconds, 2), fixed(m.cpuSeconds, 2), fixed(p.loaded, 2), fixed(p.planned, 2), fixed(p.printed, 2), fixed(p.readiness, 2), fixed(p.picture, 2), `${fixed(100 * reportShare(m), 1)} %`]];
    });
    const perVm = commandPerVm(result);
    const ms = (value: { ms: number; cpuMs: number } | undefined) => (value ? [fixed(value.ms, 2), fixed(value.cpuMs, 2)] : ["-", "-"]);
    return [
        table(["VMs", "wall s", "CPU s", "startup s", "program s", "tree and plan.json s", "readiness s", "picture s", "readiness + picture"], rows),
        "",
        table(
            ["per VM", "wall ms", "CPU ms"],
            [
                [`\`npm run plan\`, ${result.small} to ${result.large} VMs`, ...ms(perVm.command)],
                [`${result.referenceScenario}, ${result.small} to ${result.large} VMs`, ...ms(perVm.reference)],
                [
                    "ratio",
                    ratio(perVm.command && perVm.reference ? perVm.command.ms / perVm.reference.ms : undefined),
                    ratio(perVm.command && perVm.reference ? perVm.command.cpuMs / perVm.reference.cpuMs : undefined),
                ],
            ],
        ),
    ].join("\n");
}

export const COMMAND_RATIO_LIMIT = 2.0;
export const REPORT_SHARE_LIMIT = 0.1;

export function commandGoals(result: CommandResult): Goal[] {
    const perVm = commandPerVm(result);
    const wall = perVm.command && perVm.reference ? perVm.command.ms / perVm.reference.ms : undefined;
    const cpu = perVm.command && perVm.reference ? perVm.command.cpuMs / perVm.reference.cpuMs : undefined;
    const large = commandMedians(result.runs, result.large);
    const share = large ? reportShare(large) : undefined;
    return [
        {
            goal: `the whole \`npm run plan\` per VM at most ${fixed(COMMAND_RATIO_LIMIT, 1)}x the reference's (${result.referenceScenario}), wall time`,
            holds: wall === undefined ? undefined : wall <= COMMAND_RATIO_LIMIT,
            detail: `${ratio(wall)} (CPU ${ratio(cpu)})`,
        },
        {
            goal: `readiness and picture under ${fixed(100 * REPORT_SHARE_LIMIT, 0)} % of the command at ${result.large} VMs`,
            holds: share === undefined ? undefined : share < REPORT_SHARE_LIMIT,
            detail: share === undefined ? "not measured" : `${fixed(100 * share, 1)} %`,
        },
    ];
}

// ---------------------------------------------------------------- critical path

export interface PathResult {
    count: number;
    resources: number;
    creates: number;
    path: CriticalPath;
    range: { low: number; high: number };
    throttled: number;
    edges: Edge[];
    suspects: Edge[];
}

export function durationTable(): string {
    const range = (s: Seconds) => `${s.typical} (${s.low}-${s.high})`;
    return table(
        ["type", "seconds: typical (range)"],
        Object.entries(PROVISIONING_SECONDS).map(([type, seconds]) => [type.replace("azure-native:", ""), range(seconds)]),
    );
}

export function pathSummaryTable(results: PathResult[]): string {
    return table(
        ["VMs", "resources", "Azure creates", "steps on the path", "critical path, typical", "range", "with ARM write throttling", "suspect dependencies"],
        results.map((r) => [
            String(r.count),
            String(r.resources),
            String(r.creates),
            String(r.path.steps.length),
            minutes(r.path.seconds),
            `${minutes(r.range.low)} - ${minutes(r.range.high)}`,
            minutes(r.throttled),
            String(r.suspects.length),
        ]),
    );
}

export function pathTable(result: PathResult): string {
    return table(
        ["#", "resource", "type", "starts at s", "done at s", "waits for it because it uses its"],
        result.path.steps.map((step, i) => [
            String(i + 1),
            step.resource.name,
            step.resource.type.replace("azure-native:", ""),
            fixed(step.start, 0),
            fixed(step.finish, 0),
            i === 0 ? "-" : (result.edges[i - 1].usage ?? "**nothing: suspect**"),
        ]),
    );
}

/** The path's steps by type, to tell whether two sizes share the same chain. */
export function pathShape(path: CriticalPath): string {
    return path.steps.map((step) => step.resource.type.split(":").pop()).join(" > ");
}

// ---------------------------------------------------------------- footprint

export function footprintTable(result: Footprint): string {
    const cell = (timed: Footprint["npmCi"]) =>
        timed.failure ? `failed: ${timed.failure.split("\n").pop()}` : `${fixed(median(timed.seconds), 1)} (${timed.seconds.map((s) => fixed(s, 1)).join(", ")})`;
    return table(
        ["on a fresh clone of " + result.commit, "median s (runs)"],
        [
            ["`npm ci`", cell(result.npmCi)],
            ["`npm test`", cell(result.npmTest)],
            ["`node_modules`", `${fixed(result.nodeModulesMb, 0)} MB, ${result.packages} packages`],
        ],
    );
}
