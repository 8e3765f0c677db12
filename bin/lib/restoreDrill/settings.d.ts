import { CronSchedule } from "./schedule";
export declare const RESTORE_DRILL_DEFAULTS: {
    /** Saturdays at 03:00 UTC. */
    readonly schedule: "0 3 * * 6";
    readonly maxParallel: 2;
    readonly recoveryPoint: "latest";
    readonly recoveryPointWindowDays: 7;
    readonly timeoutMinutes: 120;
    readonly pollSeconds: 30;
    readonly recordRetentionDays: 365;
};
/** The longest one run may take: a day, so that a silent run is noticed within the two days an alert can read (record.ts). */
export declare const MAX_RUN_MINUTES: number;
export declare const RECOVERY_POINT_CHOICES: readonly ["latest", "random"];
/** What the user gave, before defaults. */
export interface DrillSettingsInput {
    schedule?: string;
    vmNames?: string[];
    maxParallel?: number;
    recoveryPoint?: string;
    recoveryPointWindowDays?: number;
    timeoutMinutes?: number;
    pollSeconds?: number;
    checkScript?: string;
    recordRetentionDays?: number;
}
export interface DrillSettings {
    schedule: CronSchedule;
    /** The job's replica timeout: the shortest time between two runs, at most a day. */
    runMinutes: number;
    /** Two schedule periods: the longest gap between runs, twice. */
    periodMinutes: number;
    vmNames: string[];
    maxParallel: number;
    /** As the runner reads it: "latest" or "random:<days>". */
    recoveryPoint: string;
    timeoutMinutes: number;
    pollSeconds: number;
    checkScript?: string;
    recordRetentionDays: number;
}
/**
 * The arguments checked, each error naming the argument as `name` calls it (the component's own
 * name by default; the reference environment's setting, `restoreDrillSchedule`, through it).
 */
export declare function checkDrillSettings(input: DrillSettingsInput, name?: (argument: keyof DrillSettingsInput) => string): DrillSettings;
/** The quarantine subnet's prefix: a CIDR Azure takes for a subnet (its host bits zero, a /29 or larger). */
export declare function checkQuarantinePrefix(setting: string, prefix: string): string;
/**
 * The staging account's name: 3-24 lowercase letters and digits, unique in Azure, so derived
 * from the vault and the component, the same at every deployment.
 */
export declare function stagingAccountName(vaultId: string, componentName: string): string;
/** The runner's environment, as drill/runner.ts reads it. */
export interface RunnerEnvironment {
    vaultId: string;
    targetResourceGroupId: string;
    quarantineSubnetId: string;
    stagingAccountId: string;
    clientId: string;
    logsEndpoint: string;
    logsRuleId: string;
    logsStream: string;
}
export declare function runnerEnvironment(settings: DrillSettings, env: RunnerEnvironment): Array<{
    name: string;
    value: string;
}>;
