"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RECOVERY_POINT_CHOICES = exports.MAX_RUN_MINUTES = exports.RESTORE_DRILL_DEFAULTS = void 0;
exports.checkDrillSettings = checkDrillSettings;
exports.checkQuarantinePrefix = checkQuarantinePrefix;
exports.stagingAccountName = stagingAccountName;
exports.runnerEnvironment = runnerEnvironment;
/**
 * The drill's arguments that are plain values, checked at once and each with the argument's name
 * (policy/rulebook/errors.ts), and the values derived from them: the runner's environment, the
 * job's timeout, the names Azure wants unique.
 */
const lists_1 = require("../validation/lists");
const errors_1 = require("../../policy/rulebook/errors");
const uuid_1 = require("../uuid");
const cidr_1 = require("../../policy/rulebook/cidr");
const addresses_1 = require("../validation/addresses");
const numbers_1 = require("../validation/numbers");
const schedule_1 = require("./schedule");
exports.RESTORE_DRILL_DEFAULTS = {
    /** Saturdays at 03:00 UTC. */
    schedule: "0 3 * * 6",
    maxParallel: 2,
    recoveryPoint: "latest",
    recoveryPointWindowDays: 7,
    timeoutMinutes: 120,
    pollSeconds: 30,
    recordRetentionDays: 365,
};
/** The longest one run may take: a day, so that a silent run is noticed within the two days an alert can read (record.ts). */
exports.MAX_RUN_MINUTES = 24 * 60;
exports.RECOVERY_POINT_CHOICES = ["latest", "random"];
/** An Azure VM name: 1-64 characters of letters, digits, '-', '_' and '.', not ending in '.' or '-' (Windows VMs: 15). */
const VM_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,62}[A-Za-z0-9_]$|^[A-Za-z0-9_]$/;
/**
 * The arguments checked, each error naming the argument as `name` calls it (the component's own
 * name by default; the reference environment's setting, `restoreDrillSchedule`, through it).
 */
function checkDrillSettings(input, name = (argument) => argument) {
    const schedule = (0, schedule_1.parseCron)(name("schedule"), input.schedule ?? exports.RESTORE_DRILL_DEFAULTS.schedule);
    const gaps = (0, schedule_1.scheduleGaps)(name("schedule"), schedule);
    const timeoutMinutes = (0, numbers_1.wholeNumber)(name("timeoutMinutes"), input.timeoutMinutes ?? exports.RESTORE_DRILL_DEFAULTS.timeoutMinutes, {
        min: 15,
        max: exports.MAX_RUN_MINUTES,
        reason: "a restore from the vault tier takes tens of minutes; a run may take a day",
    });
    if (gaps.shortestMinutes < timeoutMinutes) {
        (0, errors_1.invalid)(name("schedule"), `a schedule whose runs are at least ${name("timeoutMinutes")} (${timeoutMinutes}) apart, so one drill ends before the next starts (this one fires ${gaps.shortestMinutes} minutes apart)`, schedule.expression);
    }
    const vmNames = input.vmNames ?? [];
    if (!Array.isArray(vmNames)) {
        (0, errors_1.invalid)(name("vmNames"), "a list of VM names, or empty for every VM the vault protects", vmNames);
    }
    vmNames.forEach((vm, i) => {
        if (typeof vm !== "string" || !VM_NAME.test(vm)) {
            (0, errors_1.invalid)(`${name("vmNames")}[${i}]`, "an Azure VM name (1-64 letters, digits, '-', '_', '.')", vm);
        }
    });
    (0, lists_1.checkEachOnce)(name("vmNames"), vmNames, "each VM once");
    const recoveryPoint = input.recoveryPoint ?? exports.RESTORE_DRILL_DEFAULTS.recoveryPoint;
    if (!exports.RECOVERY_POINT_CHOICES.includes(recoveryPoint)) {
        (0, errors_1.invalid)(name("recoveryPoint"), `one of ${exports.RECOVERY_POINT_CHOICES.map((choice) => `"${choice}"`).join(", ")}`, recoveryPoint);
    }
    if (recoveryPoint !== "random" && input.recoveryPointWindowDays !== undefined) {
        (0, errors_1.invalid)(name("recoveryPointWindowDays"), `unset unless ${name("recoveryPoint")} is "random": it is the window a random recovery point is drawn from`, input.recoveryPointWindowDays);
    }
    const windowDays = (0, numbers_1.wholeNumber)(name("recoveryPointWindowDays"), input.recoveryPointWindowDays ?? exports.RESTORE_DRILL_DEFAULTS.recoveryPointWindowDays, {
        min: 1,
        max: 9999,
        reason: "the days back a recovery point may be drawn from (Azure keeps daily points up to 9999 days)",
    });
    const checkScript = input.checkScript;
    if (checkScript !== undefined && (typeof checkScript !== "string" || checkScript.trim() === "")) {
        (0, errors_1.invalid)(name("checkScript"), "a script to run in the restored VM (shell on Linux, PowerShell on Windows), or unset", checkScript);
    }
    return {
        schedule,
        runMinutes: Math.min(gaps.shortestMinutes, exports.MAX_RUN_MINUTES),
        periodMinutes: 2 * gaps.longestMinutes,
        vmNames,
        maxParallel: (0, numbers_1.wholeNumber)(name("maxParallel"), input.maxParallel ?? exports.RESTORE_DRILL_DEFAULTS.maxParallel, { min: 1, max: 10, reason: "VMs restored at once" }),
        recoveryPoint: recoveryPoint === "random" ? `random:${windowDays}` : "latest",
        timeoutMinutes,
        pollSeconds: (0, numbers_1.wholeNumber)(name("pollSeconds"), input.pollSeconds ?? exports.RESTORE_DRILL_DEFAULTS.pollSeconds, { min: 5, max: 600, reason: "seconds between two looks at a restore job" }),
        checkScript,
        recordRetentionDays: (0, numbers_1.wholeNumber)(name("recordRetentionDays"), input.recordRetentionDays ?? exports.RESTORE_DRILL_DEFAULTS.recordRetentionDays, {
            min: 4,
            max: 730,
            reason: "a table's retention (operationalinsights 2023-09-01 Tables.json retentionInDays: 4 to 730)",
        }),
    };
}
/** The quarantine subnet's prefix: a CIDR Azure takes for a subnet (its host bits zero, a /29 or larger). */
function checkQuarantinePrefix(setting, prefix) {
    if ((0, addresses_1.cidr)(setting, prefix).prefixLength > cidr_1.SMALLEST_SUBNET_PREFIX_LENGTH) {
        (0, errors_1.invalid)(setting, `a /${cidr_1.SMALLEST_SUBNET_PREFIX_LENGTH} or larger (Azure's smallest subnet)`, prefix);
    }
    return prefix;
}
/**
 * The staging account's name: 3-24 lowercase letters and digits, unique in Azure, so derived
 * from the vault and the component, the same at every deployment.
 */
function stagingAccountName(vaultId, componentName) {
    return `drill${(0, uuid_1.uuidV5)(`${vaultId.toLowerCase()}|${componentName}`).replace(/-/g, "").slice(0, 19)}`;
}
function runnerEnvironment(settings, env) {
    return [
        { name: "DRILL_VAULT_ID", value: env.vaultId },
        { name: "DRILL_TARGET_RESOURCE_GROUP_ID", value: env.targetResourceGroupId },
        { name: "DRILL_QUARANTINE_SUBNET_ID", value: env.quarantineSubnetId },
        { name: "DRILL_STAGING_ACCOUNT_ID", value: env.stagingAccountId },
        { name: "DRILL_VMS", value: JSON.stringify(settings.vmNames) },
        { name: "DRILL_MAX_PARALLEL", value: String(settings.maxParallel) },
        { name: "DRILL_RECOVERY_POINT", value: settings.recoveryPoint },
        { name: "DRILL_TIMEOUT_MINUTES", value: String(settings.timeoutMinutes) },
        ...(settings.checkScript === undefined ? [] : [{ name: "DRILL_CHECK_SCRIPT", value: Buffer.from(settings.checkScript, "utf8").toString("base64") }]),
        { name: "DRILL_POLL_SECONDS", value: String(settings.pollSeconds) },
        { name: "AZURE_CLIENT_ID", value: env.clientId },
        { name: "DRILL_LOGS_ENDPOINT", value: env.logsEndpoint },
        { name: "DRILL_LOGS_RULE_ID", value: env.logsRuleId },
        { name: "DRILL_LOGS_STREAM", value: env.logsStream },
    ];
}
