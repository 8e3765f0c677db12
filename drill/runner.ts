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
import { endpointProblem } from "./arm";
import { MONITOR_AUDIENCE, tokenSource } from "./auth";
import { DrillSetupError, Log } from "./drill";
import { drillCommand, EXIT_FAILED, exitWith, RawSettings, SettingNames, settingsOf } from "./main";
import { LogsTarget, postRecords, recordsOf } from "./record";

const NAMES: SettingNames = {
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

export function rawSettingsOf(env: NodeJS.ProcessEnv): RawSettings {
    let vms: string[] = [];
    const list = env.DRILL_VMS?.trim();
    if (list) {
        let parsed: unknown;
        try {
            parsed = JSON.parse(list);
        } catch {
            parsed = undefined;
        }
        if (!Array.isArray(parsed) || !parsed.every((name) => typeof name === "string")) {
            throw new DrillSetupError(`DRILL_VMS: expected a JSON array of VM names, got ${JSON.stringify(list)}`);
        }
        vms = parsed;
    }
    let checkScript: string | undefined;
    if (env.DRILL_CHECK_SCRIPT) {
        const text = env.DRILL_CHECK_SCRIPT.trim();
        if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) {
            throw new DrillSetupError("DRILL_CHECK_SCRIPT: expected the script in base64");
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

export function logsTargetOf(env: NodeJS.ProcessEnv): LogsTarget {
    const endpoint = env.DRILL_LOGS_ENDPOINT ?? "";
    const problem = endpoint === "" ? "is not set" : endpointProblem(endpoint);
    if (problem) {
        throw new DrillSetupError(`DRILL_LOGS_ENDPOINT: ${endpoint} ${problem}`.replace("  ", " "));
    }
    for (const name of ["DRILL_LOGS_RULE_ID", "DRILL_LOGS_STREAM"] as const) {
        if (!env[name]) {
            throw new DrillSetupError(`${name}: is not set`);
        }
    }
    if (!/^Custom-[A-Za-z0-9_]+$/.test(env.DRILL_LOGS_STREAM!)) {
        throw new DrillSetupError(`DRILL_LOGS_STREAM: expected a custom stream name like "Custom-RestoreDrill_CL", got ${JSON.stringify(env.DRILL_LOGS_STREAM)}`);
    }
    return { endpoint, ruleId: env.DRILL_LOGS_RULE_ID!, stream: env.DRILL_LOGS_STREAM! };
}

export async function runner(env: NodeJS.ProcessEnv, log: Log = (line) => process.stderr.write(`${line}\n`)): Promise<number> {
    const read = () => ({ settings: settingsOf(rawSettingsOf(env), NAMES), logs: logsTargetOf(env) });
    return drillCommand(read, env, log, async (run, code, { logs }) => {
        const records = recordsOf(run);
        try {
            const token = await tokenSource(env, "")(MONITOR_AUDIENCE);
            await postRecords(logs, token, records);
            log(`drill: ${records.length} record(s) posted to ${logs.stream}`);
        } catch (error) {
            // Without the record the drill is invisible: fail the run so that the job's failure alerts.
            log(`drill: could not post the records: ${(error as Error).message}`);
            return Math.max(code, EXIT_FAILED);
        }
        return code;
    });
}

if (require.main === module) {
    exitWith(runner(process.env));
}
