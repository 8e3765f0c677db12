import { DrillOptions, DrillRun, Log, RecoveryPointChoice } from "./drill";
export declare const EXIT_PASSED = 0;
export declare const EXIT_FAILED = 1;
export declare const EXIT_CANNOT_RUN = 2;
export declare const DEFAULTS: {
    readonly armEndpoint: "https://management.azure.com";
    readonly pollSeconds: 30;
    readonly timeoutMinutes: 120;
    readonly maxParallel: 2;
};
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
export declare function settingsOf(raw: RawSettings, names: SettingNames): DrillSettings;
export declare function recoveryPointOf(value: string | undefined, name: string): RecoveryPointChoice;
/**
 * The only writes the drill makes: inside the drill resource group, and the restore call on the
 * vault's recovery points. Everything else (the source VMs, their disks and NICs, the vault) is
 * refused before a request is sent.
 */
export declare function writeGuard(settings: DrillSettings): (method: string, path: string) => void;
export interface Outcome {
    code: number;
    run?: DrillRun;
    /** The one line that says why the drill could not run. */
    message?: string;
}
export declare function execute(settings: DrillSettings, env: NodeJS.ProcessEnv, log: Log): Promise<Outcome>;
/**
 * What the command and the scheduled runner share: read the settings (a mistake is one line and
 * exit 2, before anything is sent), run the drill, and hand a finished run to `finish`; a drill
 * that could not run is one line and its exit code.
 */
export declare function drillCommand<Read extends {
    settings: DrillSettings;
}>(read: () => Read, env: NodeJS.ProcessEnv, log: Log, finish: (run: DrillRun, code: number, read: Read) => Promise<number> | number): Promise<number>;
/** Ends the process with the command's exit code; anything unforeseen is one line and exit 2. */
export declare function exitWith(code: Promise<number>): void;
