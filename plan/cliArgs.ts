/**
 * The arguments of `npm run plan`, `--config` taken as `pulumi config set [--path]` takes it
 * (plan/configTypes.ts): apart from plan/cli.ts, which runs the plan when loaded, so that tests
 * can hold the documented commands to the same rules.
 */
import * as pulumi from "@pulumi/pulumi";
import { setConfig } from "./configTypes";

export interface CliOptions {
    stack: string;
    /** The `--config` values as `pulumi config set [--path]` stores them. */
    config: Record<string, unknown>;
    out: string;
    diff?: string;
}

const USAGE = "usage: npm run plan -- [--stack NAME] [--config key=value | --config 'key[0]=value']... [--out DIR] [--diff OLD_PLAN.json]";

export function parseArgs(argv: string[]): CliOptions {
    const options: CliOptions = { stack: "dev", config: {}, out: "out" };
    for (let i = 0; i < argv.length; i++) {
        const flag = argv[i];
        const value = argv[i + 1];
        if (value === undefined || !["--stack", "--config", "--out", "--diff"].includes(flag)) {
            throw new pulumi.RunError(`${USAGE}; did not understand "${flag}"`);
        }
        i++;
        if (flag === "--stack") {
            options.stack = value;
        } else if (flag === "--out") {
            options.out = value;
        } else if (flag === "--diff") {
            options.diff = value;
        } else {
            const equals = value.indexOf("=");
            if (equals <= 0) {
                throw new pulumi.RunError(`--config takes key=value; got "${value}"`);
            }
            // `key[0]=value` and `key.name=value` are paths, as with `pulumi config set --path`.
            const key = value.slice(0, equals);
            setConfig(options.config, key, value.slice(equals + 1), /[[.]/.test(key.slice(key.indexOf(":") + 1)));
        }
    }
    return options;
}
