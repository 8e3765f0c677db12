/**
 * npm run drill -- --vault <vault id> --target-resource-group <group id> --quarantine-subnet <subnet id>
 *   --staging-account <storage account id> [--vm <name>]... [--arm-endpoint <URL>] [--poll-seconds N]
 *   [--timeout-minutes N] [--report <file>]
 *   [--max-parallel N] [--recovery-point latest|random:<days>] [--check-script <file>]
 *
 * Progress goes to stderr, one line per step. Exit 0 every VM passed and nothing was left over,
 * 1 a VM's drill failed, 2 the drill could not run (one line, nothing written).
 */
import { readFileSync, renameSync, writeFileSync } from "fs";
import { DrillSetupError, Log } from "./drill";
import { drillCommand, exitWith, RawSettings, SettingNames, settingsOf } from "./main";
import { reportOf } from "./record";

const NAMES: SettingNames = {
    vault: "--vault",
    targetGroup: "--target-resource-group",
    subnet: "--quarantine-subnet",
    staging: "--staging-account",
    vm: "--vm",
    armEndpoint: "--arm-endpoint",
    poll: "--poll-seconds",
    timeout: "--timeout-minutes",
    maxParallel: "--max-parallel",
    recoveryPoint: "--recovery-point",
    checkScript: "--check-script",
};

const SINGLE: Record<string, keyof Omit<RawSettings, "vms" | "checkScript"> | "report" | "checkScriptFile"> = {
    "--vault": "vault",
    "--target-resource-group": "targetGroup",
    "--quarantine-subnet": "subnet",
    "--staging-account": "staging",
    "--arm-endpoint": "armEndpoint",
    "--poll-seconds": "poll",
    "--timeout-minutes": "timeout",
    "--max-parallel": "maxParallel",
    "--recovery-point": "recoveryPoint",
    "--report": "report",
    "--check-script": "checkScriptFile",
};

export interface CliArgs {
    raw: RawSettings;
    report?: string;
}

export function parseArgs(argv: string[]): CliArgs {
    const raw: RawSettings = { vms: [] };
    const seen = new Set<string>();
    let report: string | undefined;
    let checkScriptFile: string | undefined;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
        const value = inline ?? argv[i + 1];
        if (flag !== "--vm" && !(flag in SINGLE)) {
            throw new DrillSetupError(`${arg}: unknown argument; expected ${Object.keys(SINGLE).concat("--vm").join(", ")}`);
        }
        if (value === undefined || (inline === undefined && value.startsWith("--"))) {
            throw new DrillSetupError(`${flag}: needs a value`);
        }
        if (inline === undefined) {
            i++;
        }
        if (flag === "--vm") {
            raw.vms.push(value);
            continue;
        }
        if (seen.has(flag)) {
            throw new DrillSetupError(`${flag}: given twice`);
        }
        seen.add(flag);
        const key = SINGLE[flag];
        if (key === "report") {
            report = value;
        } else if (key === "checkScriptFile") {
            checkScriptFile = value;
        } else {
            raw[key] = value;
        }
    }
    if (checkScriptFile !== undefined) {
        try {
            raw.checkScript = readFileSync(checkScriptFile, "utf8");
        } catch (error) {
            throw new DrillSetupError(`--check-script: cannot read ${checkScriptFile}: ${(error as NodeJS.ErrnoException).code ?? error}`);
        }
    }
    return { raw, report };
}

export async function main(argv: string[], env: NodeJS.ProcessEnv, log: Log = (line) => process.stderr.write(`${line}\n`)): Promise<number> {
    const read = () => {
        const args = parseArgs(argv);
        return { args, settings: settingsOf(args.raw, NAMES) };
    };
    return drillCommand(read, env, log, (run, code, { args }) => {
        if (args.report) {
            // Written whole or not at all: a reader never sees half a report.
            const temporary = `${args.report}.${process.pid}.tmp`;
            writeFileSync(temporary, `${JSON.stringify(reportOf(run), null, 2)}\n`);
            renameSync(temporary, args.report);
            log(`drill: report written to ${args.report}`);
        }
        return code;
    });
}

if (require.main === module) {
    exitWith(main(process.argv.slice(2), process.env));
}
