/**
 * `npm run plan`: the reference environment through the Pulumi SDK's mock engine. Prints the
 * planned resources as a tree and writes `out/plan.json`.
 *
 *   npm run plan -- [--stack NAME] [--config key=value]... [--out DIR] [--diff OLD_PLAN.json]
 *
 * With --diff it also compares the new plan with an older one and writes the changes as
 * Markdown, ready for a pull-request comment, to `out/plan-diff.md` and standard output.
 *
 * For the pull-request comment it also writes the readiness report (`readiness.md`, failing lines
 * first, and the whole of it in `readiness.txt`) and the topology (`topology.md` in Mermaid,
 * `topology.svg`), the changes marked with --diff. Every file is written before the exit code
 * is decided: a plan that is not ready still gets its picture and its diff.
 */
import * as fs from "fs";
import * as path from "path";
import { performance } from "perf_hooks";
import * as pulumi from "@pulumi/pulumi";
import { diffPlans } from "./diff";
import { formatDiffMarkdown } from "./diffMarkdown";
import { Plan, runPlan } from "./engine";
import { loadProjectConfig } from "./projectConfig";
import { parseArgs } from "./cliArgs";
import { checkReadiness } from "./readiness";
import { readinessMarkdown } from "./readinessMarkdown";
import { buildTopology, markChanges, toSvg, topologyMarkdown } from "./topology";
import { Phase, Timings, TIMINGS_VARIABLE } from "./timings";
import { formatTree } from "./tree";

const PROJECT_DIR = path.resolve(__dirname, "..");

const phases: Timings = {};

function reached(phase: Phase): void {
    phases[phase] = performance.now() / 1000;
}

function readPlan(file: string): Plan {
    try {
        return JSON.parse(fs.readFileSync(file, "utf8")) as Plan;
    } catch (err) {
        throw new pulumi.RunError(`--diff: cannot read a plan from ${file}: ${(err as Error).message}`);
    }
}

async function main(): Promise<void> {
    reached("loaded");
    const options = parseArgs(process.argv.slice(2));
    const before = options.diff === undefined ? undefined : readPlan(options.diff);
    const { project, config } = loadProjectConfig(PROJECT_DIR, options.stack, {}, options.config);
    const plan = await runPlan({ project, stack: options.stack, config, program: () => require(path.join(PROJECT_DIR, "index")) });
    reached("planned");

    console.log(`Plan for ${project}/${options.stack}: ${plan.resources.length} resources (offline, through the Pulumi SDK's mock engine)\n`);
    console.log(formatTree(plan.resources));
    console.log("\nOutputs:");
    for (const [key, value] of Object.entries(plan.outputs)) {
        console.log(`  ${key}: ${JSON.stringify(value)}`);
    }
    fs.mkdirSync(options.out, { recursive: true });
    const file = path.join(options.out, "plan.json");
    fs.writeFileSync(file, JSON.stringify(plan, null, 2) + "\n");
    console.log(`\nWrote ${file}`);
    reached("printed");

    const readiness = checkReadiness(plan);
    console.log(`\n${readiness.text}`);
    write(options.out, "readiness.txt", readiness.text + "\n");
    write(options.out, "readiness.md", readinessMarkdown(readiness.report));
    reached("readiness");

    const changes = before ? diffPlans(before, plan) : undefined;
    if (changes) {
        const markdown = formatDiffMarkdown(changes, path.basename(options.diff as string));
        console.log(`\n${markdown}`);
        write(options.out, "plan-diff.md", markdown);
    }
    const topology = before && changes ? markChanges(buildTopology(before), buildTopology(plan), changes) : buildTopology(plan);
    write(options.out, "topology.md", topologyMarkdown(topology));
    write(options.out, "topology.svg", await toSvg(topology));
    reached("picture");

    if (!readiness.ready) {
        process.exitCode = 1;
    }
}

function write(dir: string, name: string, content: string): void {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    console.log(`Wrote ${file}`);
}

process.on("exit", () => {
    const file = process.env[TIMINGS_VARIABLE];
    if (file) {
        fs.writeFileSync(file, JSON.stringify(phases) + "\n");
    }
});

main().catch((err: unknown) => {
    if (pulumi.RunError.isInstance(err)) {
        console.error(`error: ${err.message}`);
    } else {
        console.error(err);
    }
    process.exit(1);
});
