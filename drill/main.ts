/**
 * What the CLI and the scheduled runner share: checking the settings, building the ARM client
 * with its write guard, and turning a drill into an exit code
 * (0 every VM passed and nothing was left over; 1 a VM's drill failed or something was left over;
 * 2 the drill could not run — nothing was written).
 */
import { ARM_AUDIENCE, ArmClient, ArmError, ArmUnreachableError, DeadlineError, endpointProblem, ForbiddenWriteError } from "./arm";
import { TokenError, tokenSource } from "./auth";
import { Drill, DrillOptions, DrillRun, DrillSetupError, Log, preflight, RecoveryPointChoice } from "./drill";
import { isInGroup, parseId } from "./ids";

export const EXIT_PASSED = 0;
export const EXIT_FAILED = 1;
export const EXIT_CANNOT_RUN = 2;

export const DEFAULTS = {
    armEndpoint: "https://management.azure.com",
    pollSeconds: 30,
    timeoutMinutes: 120,
    maxParallel: 2,
} as const;

export interface DrillSettings extends DrillOptions {
    armEndpoint: string;
    pollMs: number;
}

/** How each setting is called where it came from ("--vault" on the command line, "DRILL_VAULT_ID" in the runner). */
export type SettingNames = Record<"vault" | "targetGroup" | "subnet" | "staging" | "vm" | "armEndpoint" | "poll" | "timeout" | "maxParallel" | "recoveryPoint" | "checkScript", string>;

export interface RawSettings {
    vault?: string;
    targetGroup?: string;
    subnet?: string;
    staging?: string;
    vms: string[];
    armEndpoint?: string;
    poll?: string;
    timeout?: string;
    maxParallel?: string;
    recoveryPoint?: string;
    checkScript?: string;
}

/** Checks every setting before anything is read or written; throws DrillSetupError naming the first bad one. */
export function settingsOf(raw: RawSettings, names: SettingNames): DrillSettings {
    const idOf = (value: string | undefined, name: string, type: string, shape: string): string => {
        const parsed = value === undefined ? undefined : parseId(value);
        if (!parsed || parsed.type.toLowerCase() !== type.toLowerCase()) {
            throw new DrillSetupError(`${name}: expected ${shape}${value === undefined ? "" : `, got ${JSON.stringify(value)}`}`);
        }
        return parsed.id;
    };
    const vaultId = idOf(raw.vault, names.vault, "Microsoft.RecoveryServices/vaults", "a Recovery Services vault id /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.RecoveryServices/vaults/<name>");
    const targetGroupId = idOf(raw.targetGroup, names.targetGroup, "Microsoft.Resources/resourceGroups", "a resource group id /subscriptions/<id>/resourceGroups/<group>");
    const subnetId = idOf(raw.subnet, names.subnet, "Microsoft.Network/virtualNetworks/subnets", "a subnet id /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>");
    const stagingAccountId = idOf(raw.staging, names.staging, "Microsoft.Storage/storageAccounts", "a storage account id /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name>");
    if (isInGroup(vaultId, targetGroupId)) {
        throw new DrillSetupError(`${names.targetGroup}: the drill deletes what it finds there; it must not be the vault's resource group`);
    }
    for (const vm of raw.vms) {
        if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(vm)) {
            throw new DrillSetupError(`${names.vm}: expected a VM name (letters, digits, '.', '_', '-'), got ${JSON.stringify(vm)}`);
        }
    }
    const armEndpoint = raw.armEndpoint ?? DEFAULTS.armEndpoint;
    const problem = endpointProblem(armEndpoint);
    if (problem) {
        throw new DrillSetupError(`${names.armEndpoint}: ${armEndpoint} ${problem}`);
    }
    const number = (value: string | undefined, name: string, fallback: number, integer: boolean): number => {
        if (value === undefined || value === "") {
            return fallback;
        }
        const parsed = Number(value);
        if (!Number.isFinite(parsed) || parsed <= 0 || (integer && !Number.isInteger(parsed))) {
            throw new DrillSetupError(`${name}: expected a positive ${integer ? "whole " : ""}number, got ${JSON.stringify(value)}`);
        }
        return parsed;
    };
    const pollMs = number(raw.poll, names.poll, DEFAULTS.pollSeconds, false) * 1000;
    const timeoutMs = number(raw.timeout, names.timeout, DEFAULTS.timeoutMinutes, false) * 60_000;
    const maxParallel = number(raw.maxParallel, names.maxParallel, DEFAULTS.maxParallel, true);
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

export function recoveryPointOf(value: string | undefined, name: string): RecoveryPointChoice {
    if (value === undefined || value === "" || value === "latest") {
        return { kind: "latest" };
    }
    const match = /^random:(\d+)$/.exec(value);
    if (!match || Number(match[1]) < 1) {
        throw new DrillSetupError(`${name}: expected "latest" or "random:<days>" (days a whole number from 1), got ${JSON.stringify(value)}`);
    }
    return { kind: "random", days: Number(match[1]) };
}

/**
 * The only writes the drill makes: inside the drill resource group, and the restore call on the
 * vault's recovery points. Everything else (the source VMs, their disks and NICs, the vault) is
 * refused before a request is sent.
 */
export function writeGuard(settings: DrillSettings): (method: string, path: string) => void {
    const restore = new RegExp(
        `^${escape(settings.vaultId)}/backupFabrics/Azure/protectionContainers/[^/]+/protectedItems/[^/]+/recoveryPoints/[^/]+/restore$`,
        "i",
    );
    return (method, rawPath) => {
        const path = decodeURIComponent(rawPath);
        if (isInGroup(path, settings.targetGroupId) || (method === "POST" && restore.test(path))) {
            return;
        }
        throw new ForbiddenWriteError(`refusing ${method} ${path}: outside the drill resource group`);
    };
}

function escape(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export interface Outcome {
    code: number;
    run?: DrillRun;
    /** The one line that says why the drill could not run. */
    message?: string;
}

export async function execute(settings: DrillSettings, env: NodeJS.ProcessEnv, log: Log): Promise<Outcome> {
    const tokens = tokenSource(env, ARM_AUDIENCE);
    const arm = new ArmClient({
        endpoint: settings.armEndpoint,
        token: () => tokens(ARM_AUDIENCE),
        pollMs: settings.pollMs,
        checkWrite: writeGuard(settings),
    });
    let setup;
    try {
        setup = await preflight(arm, settings, Date.now() + Math.min(settings.timeoutMs, 10 * 60_000));
    } catch (error) {
        return { code: EXIT_CANNOT_RUN, message: cannotRun(error) };
    }
    let run: DrillRun;
    try {
        run = await new Drill(arm, settings, settings.pollMs, log).run(setup);
    } catch (error) {
        // Only the sweeper's listing can throw here; each VM's drill catches its own failures.
        return { code: EXIT_CANNOT_RUN, message: cannotRun(error) };
    }
    const passed = run.sweep.ok && run.vms.every((vm) => vm.result === "passed");
    const failed = run.vms.filter((vm) => vm.result !== "passed").map((vm) => vm.vmName);
    log(`drill: ${passed ? "every VM passed" : `FAILED ${failed.length > 0 ? failed.join(", ") : ""}${run.sweep.ok ? "" : " (sweeper left resources over)"}`}`);
    return { code: passed ? EXIT_PASSED : EXIT_FAILED, run };
}

/**
 * What the command and the scheduled runner share: read the settings (a mistake is one line and
 * exit 2, before anything is sent), run the drill, and hand a finished run to `finish`; a drill
 * that could not run is one line and its exit code.
 */
export async function drillCommand<Read extends { settings: DrillSettings }>(
    read: () => Read,
    env: NodeJS.ProcessEnv,
    log: Log,
    finish: (run: DrillRun, code: number, read: Read) => Promise<number> | number,
): Promise<number> {
    let given: Read;
    try {
        given = read();
    } catch (error) {
        log(`drill: ${(error as Error).message}`);
        return EXIT_CANNOT_RUN;
    }
    const outcome = await execute(given.settings, env, log);
    if (!outcome.run) {
        log(`drill: cannot run: ${outcome.message}`);
        return outcome.code;
    }
    return finish(outcome.run, outcome.code, given);
}

/** Ends the process with the command's exit code; anything unforeseen is one line and exit 2. */
export function exitWith(code: Promise<number>): void {
    code.then(
        (exitCode) => process.exit(exitCode),
        (error) => {
            process.stderr.write(`drill: cannot run: ${error instanceof Error ? error.message : String(error)}\n`);
            process.exit(EXIT_CANNOT_RUN);
        },
    );
}

function cannotRun(error: unknown): string {
    if (error instanceof DrillSetupError || error instanceof TokenError || error instanceof ArmUnreachableError) {
        return error.message;
    }
    if (error instanceof ArmError) {
        const why = error.status === 401 || error.status === 403 ? "not authorised: " : "";
        return `${why}${error.message}`;
    }
    if (error instanceof DeadlineError) {
        return `ARM did not answer in time: ${error.message}`;
    }
    return error instanceof Error ? error.message : String(error);
}
