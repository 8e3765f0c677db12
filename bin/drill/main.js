"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULTS = exports.EXIT_CANNOT_RUN = exports.EXIT_FAILED = exports.EXIT_PASSED = void 0;
exports.settingsOf = settingsOf;
exports.recoveryPointOf = recoveryPointOf;
exports.writeGuard = writeGuard;
exports.execute = execute;
exports.drillCommand = drillCommand;
exports.exitWith = exitWith;
/**
 * What the CLI and the scheduled runner share: checking the settings, building the ARM client
 * with its write guard, and turning a drill into an exit code
 * (0 every VM passed and nothing was left over; 1 a VM's drill failed or something was left over;
 * 2 the drill could not run — nothing was written).
 */
const arm_1 = require("./arm");
const auth_1 = require("./auth");
const drill_1 = require("./drill");
const ids_1 = require("./ids");
exports.EXIT_PASSED = 0;
exports.EXIT_FAILED = 1;
exports.EXIT_CANNOT_RUN = 2;
exports.DEFAULTS = {
    armEndpoint: "https://management.azure.com",
    pollSeconds: 30,
    timeoutMinutes: 120,
    maxParallel: 2,
};
/** Checks every setting before anything is read or written; throws DrillSetupError naming the first bad one. */
function settingsOf(raw, names) {
    const idOf = (value, name, type, shape) => {
        const parsed = value === undefined ? undefined : (0, ids_1.parseId)(value);
        if (!parsed || parsed.type.toLowerCase() !== type.toLowerCase()) {
            throw new drill_1.DrillSetupError(`${name}: expected ${shape}${value === undefined ? "" : `, got ${JSON.stringify(value)}`}`);
        }
        return parsed.id;
    };
    const vaultId = idOf(raw.vault, names.vault, "Microsoft.RecoveryServices/vaults", "a Recovery Services vault id /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.RecoveryServices/vaults/<name>");
    const targetGroupId = idOf(raw.targetGroup, names.targetGroup, "Microsoft.Resources/resourceGroups", "a resource group id /subscriptions/<id>/resourceGroups/<group>");
    const subnetId = idOf(raw.subnet, names.subnet, "Microsoft.Network/virtualNetworks/subnets", "a subnet id /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>");
    const stagingAccountId = idOf(raw.staging, names.staging, "Microsoft.Storage/storageAccounts", "a storage account id /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name>");
    if ((0, ids_1.isInGroup)(vaultId, targetGroupId)) {
        throw new drill_1.DrillSetupError(`${names.targetGroup}: the drill deletes what it finds there; it must not be the vault's resource group`);
    }
    for (const vm of raw.vms) {
        if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(vm)) {
            throw new drill_1.DrillSetupError(`${names.vm}: expected a VM name (letters, digits, '.', '_', '-'), got ${JSON.stringify(vm)}`);
        }
    }
    const armEndpoint = raw.armEndpoint ?? exports.DEFAULTS.armEndpoint;
    const problem = (0, arm_1.endpointProblem)(armEndpoint);
    if (problem) {
        throw new drill_1.DrillSetupError(`${names.armEndpoint}: ${armEndpoint} ${problem}`);
    }
    const number = (value, name, fallback, integer) => {
        if (value === undefined || value === "") {
            return fallback;
        }
        const parsed = Number(value);
        if (!Number.isFinite(parsed) || parsed <= 0 || (integer && !Number.isInteger(parsed))) {
            throw new drill_1.DrillSetupError(`${name}: expected a positive ${integer ? "whole " : ""}number, got ${JSON.stringify(value)}`);
        }
        return parsed;
    };
    const pollMs = number(raw.poll, names.poll, exports.DEFAULTS.pollSeconds, false) * 1000;
    const timeoutMs = number(raw.timeout, names.timeout, exports.DEFAULTS.timeoutMinutes, false) * 60_000;
    const maxParallel = number(raw.maxParallel, names.maxParallel, exports.DEFAULTS.maxParallel, true);
    return {
        vaultId,
        targetGroupId,
        subnetId,
        stagingAccountId,
        vms: raw.vms,
        armEndpoint,
        pollMs,
        timeoutMs,
        maxParallel,
        recoveryPoint: recoveryPointOf(raw.recoveryPoint, names.recoveryPoint),
        checkScript: raw.checkScript,
    };
}
function recoveryPointOf(value, name) {
    if (value === undefined || value === "" || value === "latest") {
        return { kind: "latest" };
    }
    const match = /^random:(\d+)$/.exec(value);
    if (!match || Number(match[1]) < 1) {
        throw new drill_1.DrillSetupError(`${name}: expected "latest" or "random:<days>" (days a whole number from 1), got ${JSON.stringify(value)}`);
    }
    return { kind: "random", days: Number(match[1]) };
}
/**
 * The only writes the drill makes: inside the drill resource group, and the restore call on the
 * vault's recovery points. Everything else (the source VMs, their disks and NICs, the vault) is
 * refused before a request is sent.
 */
function writeGuard(settings) {
    const restore = new RegExp(`^${escape(settings.vaultId)}/backupFabrics/Azure/protectionContainers/[^/]+/protectedItems/[^/]+/recoveryPoints/[^/]+/restore$`, "i");
    return (method, rawPath) => {
        const path = decodeURIComponent(rawPath);
        if ((0, ids_1.isInGroup)(path, settings.targetGroupId) || (method === "POST" && restore.test(path))) {
            return;
        }
        throw new arm_1.ForbiddenWriteError(`refusing ${method} ${path}: outside the drill resource group`);
    };
}
function escape(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
async function execute(settings, env, log) {
    const tokens = (0, auth_1.tokenSource)(env, arm_1.ARM_AUDIENCE);
    const arm = new arm_1.ArmClient({
        endpoint: settings.armEndpoint,
        token: () => tokens(arm_1.ARM_AUDIENCE),
        pollMs: settings.pollMs,
        checkWrite: writeGuard(settings),
    });
    let setup;
    try {
        setup = await (0, drill_1.preflight)(arm, settings, Date.now() + Math.min(settings.timeoutMs, 10 * 60_000));
    }
    catch (error) {
        return { code: exports.EXIT_CANNOT_RUN, message: cannotRun(error) };
    }
    let run;
    try {
        run = await new drill_1.Drill(arm, settings, settings.pollMs, log).run(setup);
    }
    catch (error) {
        // Only the sweeper's listing can throw here; each VM's drill catches its own failures.
        return { code: exports.EXIT_CANNOT_RUN, message: cannotRun(error) };
    }
    const passed = run.sweep.ok && run.vms.every((vm) => vm.result === "passed");
    const failed = run.vms.filter((vm) => vm.result !== "passed").map((vm) => vm.vmName);
    log(`drill: ${passed ? "every VM passed" : `FAILED ${failed.length > 0 ? failed.join(", ") : ""}${run.sweep.ok ? "" : " (sweeper left resources over)"}`}`);
    return { code: passed ? exports.EXIT_PASSED : exports.EXIT_FAILED, run };
}
/**
 * What the command and the scheduled runner share: read the settings (a mistake is one line and
 * exit 2, before anything is sent), run the drill, and hand a finished run to `finish`; a drill
 * that could not run is one line and its exit code.
 */
async function drillCommand(read, env, log, finish) {
    let given;
    try {
        given = read();
    }
    catch (error) {
        log(`drill: ${error.message}`);
        return exports.EXIT_CANNOT_RUN;
    }
    const outcome = await execute(given.settings, env, log);
    if (!outcome.run) {
        log(`drill: cannot run: ${outcome.message}`);
        return outcome.code;
    }
    return finish(outcome.run, outcome.code, given);
}
/** Ends the process with the command's exit code; anything unforeseen is one line and exit 2. */
function exitWith(code) {
    code.then((exitCode) => process.exit(exitCode), (error) => {
        process.stderr.write(`drill: cannot run: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(exports.EXIT_CANNOT_RUN);
    });
}
function cannotRun(error) {
    if (error instanceof drill_1.DrillSetupError || error instanceof auth_1.TokenError || error instanceof arm_1.ArmUnreachableError) {
        return error.message;
    }
    if (error instanceof arm_1.ArmError) {
        const why = error.status === 401 || error.status === 403 ? "not authorised: " : "";
        return `${why}${error.message}`;
    }
    if (error instanceof arm_1.DeadlineError) {
        return `ARM did not answer in time: ${error.message}`;
    }
    return error instanceof Error ? error.message : String(error);
}
