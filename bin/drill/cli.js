"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseArgs = parseArgs;
exports.main = main;
/**
 * npm run drill -- --vault <vault id> --target-resource-group <group id> --quarantine-subnet <subnet id>
 *   --staging-account <storage account id> [--vm <name>]... [--arm-endpoint <URL>] [--poll-seconds N]
 *   [--timeout-minutes N] [--report <file>]
 *   [--max-parallel N] [--recovery-point latest|random:<days>] [--check-script <file>]
 *
 * Progress goes to stderr, one line per step. Exit 0 every VM passed and nothing was left over,
 * 1 a VM's drill failed, 2 the drill could not run (one line, nothing written).
 */
const fs_1 = require("fs");
const drill_1 = require("./drill");
const main_1 = require("./main");
const record_1 = require("./record");
const NAMES = {
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
const SINGLE = {
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
function parseArgs(argv) {
    const raw = { vms: [] };
    const seen = new Set();
    let report;
    let checkScriptFile;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
        const value = inline ?? argv[i + 1];
        if (flag !== "--vm" && !(flag in SINGLE)) {
            throw new drill_1.DrillSetupError(`${arg}: unknown argument; expected ${Object.keys(SINGLE).concat("--vm").join(", ")}`);
        }
        if (value === undefined || (inline === undefined && value.startsWith("--"))) {
            throw new drill_1.DrillSetupError(`${flag}: needs a value`);
        }
        if (inline === undefined) {
            i++;
        }
        if (flag === "--vm") {
            raw.vms.push(value);
            continue;
        }
        if (seen.has(flag)) {
            throw new drill_1.DrillSetupError(`${flag}: given twice`);
        }
        seen.add(flag);
        const key = SINGLE[flag];
        if (key === "report") {
            report = value;
        }
        else if (key === "checkScriptFile") {
            checkScriptFile = value;
        }
        else {
            raw[key] = value;
        }
    }
    if (checkScriptFile !== undefined) {
        try {
            raw.checkScript = (0, fs_1.readFileSync)(checkScriptFile, "utf8");
        }
        catch (error) {
            throw new drill_1.DrillSetupError(`--check-script: cannot read ${checkScriptFile}: ${error.code ?? error}`);
        }
    }
    return { raw, report };
}
async function main(argv, env, log = (line) => process.stderr.write(`${line}\n`)) {
    const read = () => {
        const args = parseArgs(argv);
        return { args, settings: (0, main_1.settingsOf)(args.raw, NAMES) };
    };
    return (0, main_1.drillCommand)(read, env, log, (run, code, { args }) => {
        if (args.report) {
            // Written whole or not at all: a reader never sees half a report.
            const temporary = `${args.report}.${process.pid}.tmp`;
            (0, fs_1.writeFileSync)(temporary, `${JSON.stringify((0, record_1.reportOf)(run), null, 2)}\n`);
            (0, fs_1.renameSync)(temporary, args.report);
            log(`drill: report written to ${args.report}`);
        }
        return code;
    });
}
if (require.main === module) {
    (0, main_1.exitWith)(main(process.argv.slice(2), process.env));
}
