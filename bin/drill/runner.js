"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.rawSettingsOf = rawSettingsOf;
exports.logsTargetOf = logsTargetOf;
exports.runner = runner;
/**
 * The scheduled runner (what the RestoreDrill component's job runs with plain `node`): reads its
 * settings from the environment, sweeps, drills, and posts one record per VM to Log Analytics.
 * Only Node built-ins at run time.
 *
 * DRILL_VAULT_ID, DRILL_TARGET_RESOURCE_GROUP_ID, DRILL_QUARANTINE_SUBNET_ID, DRILL_STAGING_ACCOUNT_ID,
 * DRILL_VMS (JSON array of VM names; empty/absent = every protected VM), DRILL_MAX_PARALLEL (2),
 * DRILL_RECOVERY_POINT ("latest" | "random:<days>"), DRILL_TIMEOUT_MINUTES (120),
 * DRILL_CHECK_SCRIPT (base64 script), DRILL_POLL_SECONDS (30), DRILL_ARM_ENDPOINT (ARM),
 * AZURE_CLIENT_ID (the user-assigned identity), DRILL_LOGS_ENDPOINT, DRILL_LOGS_RULE_ID, DRILL_LOGS_STREAM.
 * Exit codes as the CLI; 1 also when the records could not be posted.
 */
const arm_1 = require("./arm");
const auth_1 = require("./auth");
const drill_1 = require("./drill");
const main_1 = require("./main");
const record_1 = require("./record");
const NAMES = {
    vault: "DRILL_VAULT_ID",
    targetGroup: "DRILL_TARGET_RESOURCE_GROUP_ID",
    subnet: "DRILL_QUARANTINE_SUBNET_ID",
    staging: "DRILL_STAGING_ACCOUNT_ID",
    vm: "DRILL_VMS",
    armEndpoint: "DRILL_ARM_ENDPOINT",
    poll: "DRILL_POLL_SECONDS",
    timeout: "DRILL_TIMEOUT_MINUTES",
    maxParallel: "DRILL_MAX_PARALLEL",
    recoveryPoint: "DRILL_RECOVERY_POINT",
    checkScript: "DRILL_CHECK_SCRIPT",
};
function rawSettingsOf(env) {
    let vms = [];
    const list = env.DRILL_VMS?.trim();
    if (list) {
        let parsed;
        try {
            parsed = JSON.parse(list);
        }
        catch {
            parsed = undefined;
        }
        if (!Array.isArray(parsed) || !parsed.every((name) => typeof name === "string")) {
            throw new drill_1.DrillSetupError(`DRILL_VMS: expected a JSON array of VM names, got ${JSON.stringify(list)}`);
        }
        vms = parsed;
    }
    let checkScript;
    if (env.DRILL_CHECK_SCRIPT) {
        const text = env.DRILL_CHECK_SCRIPT.trim();
        if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) {
            throw new drill_1.DrillSetupError("DRILL_CHECK_SCRIPT: expected the script in base64");
        }
        checkScript = Buffer.from(text, "base64").toString("utf8");
    }
    return {
        vault: env.DRILL_VAULT_ID,
        targetGroup: env.DRILL_TARGET_RESOURCE_GROUP_ID,
        subnet: env.DRILL_QUARANTINE_SUBNET_ID,
        staging: env.DRILL_STAGING_ACCOUNT_ID,
        vms,
        armEndpoint: env.DRILL_ARM_ENDPOINT || undefined,
        poll: env.DRILL_POLL_SECONDS,
        timeout: env.DRILL_TIMEOUT_MINUTES,
        maxParallel: env.DRILL_MAX_PARALLEL,
        recoveryPoint: env.DRILL_RECOVERY_POINT,
        checkScript,
    };
}
function logsTargetOf(env) {
    const endpoint = env.DRILL_LOGS_ENDPOINT ?? "";
    const problem = endpoint === "" ? "is not set" : (0, arm_1.endpointProblem)(endpoint);
    if (problem) {
        throw new drill_1.DrillSetupError(`DRILL_LOGS_ENDPOINT: ${endpoint} ${problem}`.replace("  ", " "));
    }
    for (const name of ["DRILL_LOGS_RULE_ID", "DRILL_LOGS_STREAM"]) {
        if (!env[name]) {
            throw new drill_1.DrillSetupError(`${name}: is not set`);
        }
    }
    if (!/^Custom-[A-Za-z0-9_]+$/.test(env.DRILL_LOGS_STREAM)) {
        throw new drill_1.DrillSetupError(`DRILL_LOGS_STREAM: expected a custom stream name like "Custom-RestoreDrill_CL", got ${JSON.stringify(env.DRILL_LOGS_STREAM)}`);
    }
    return { endpoint, ruleId: env.DRILL_LOGS_RULE_ID, stream: env.DRILL_LOGS_STREAM };
}
async function runner(env, log = (line) => process.stderr.write(`${line}\n`)) {
    const read = () => ({ settings: (0, main_1.settingsOf)(rawSettingsOf(env), NAMES), logs: logsTargetOf(env) });
    return (0, main_1.drillCommand)(read, env, log, async (run, code, { logs }) => {
        const records = (0, record_1.recordsOf)(run);
        try {
            const token = await (0, auth_1.tokenSource)(env, "")(auth_1.MONITOR_AUDIENCE);
            await (0, record_1.postRecords)(logs, token, records);
            log(`drill: ${records.length} record(s) posted to ${logs.stream}`);
        }
        catch (error) {
            // Without the record the drill is invisible: fail the run so that the job's failure alerts.
            log(`drill: could not post the records: ${error.message}`);
            return Math.max(code, main_1.EXIT_FAILED);
        }
        return code;
    });
}
if (require.main === module) {
    (0, main_1.exitWith)(runner(process.env));
}
