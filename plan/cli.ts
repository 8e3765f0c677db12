/**
 * `npm run plan`: the reference environment through the Pulumi SDK's mock engine. Prints the
 * planned resources as a tree and writes `out/plan.json`.
 *
 *   npm run plan -- [--stack NAME] [--config key=value]... [--out DIR]
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { runPlan } from "./engine";
import { loadProjectConfig } from "./projectConfig";
import { formatTree } from "./tree";

const PROJECT_DIR = path.resolve(__dirname, "..");

export interface CliOptions {
    stack: string;
    config: Record<string, string>;
    out: string;
}

export function parseArgs(argv: string[]): CliOptions {
    const options: CliOptions = { stack: "dev", config: {}, out: "out" };
    for (let i = 0; i < argv.length; i++) {
        const flag = argv[i];
        const value = argv[i + 1];
        if (value === undefined || !["--stack", "--config", "--out"].includes(flag)) {
            throw new pulumi.RunError(`usage: npm run plan -- [--stack NAME] [--config key=value]... [--out DIR]; did not understand "${flag}"`);
        }
        i++;
        if (flag === "--stack") {
            options.stack = value;
        } else if (flag === "--out") {
            options.out = value;
        } else {
            const equals = value.indexOf("=");
            if (equals <= 0) {
                throw new pulumi.RunError(`--config takes key=value; got "${value}"`);
            }
            options.config[value.slice(0, equals)] = value.slice(equals + 1);
        }
    }
    return options;
}

async function main(): Promise<void> {
    const options = parseArgs(process.argv.slice(2));
    const { project, config } = loadProjectConfig(PROJECT_DIR, options.stack, options.config);
    const plan = await runPlan({ project, stack: options.stack, config, program: () => require(path.join(PROJECT_DIR, "index")) });

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
}

main().catch((err: unknown) => {
    if (pulumi.RunError.isInstance(err)) {
        console.error(`error: ${err.message}`);
    } else {
        console.error(err);
    }
    process.exit(1);
});
