/**
 * Where each setting has an effect: one table, checked once (settings.ts `resolveSettings`) and
 * shown in the settings reference (docs/gen/settings.ts). A setting set where it has no effect
 * stops the plan with one line that names it and the setting that makes it irrelevant, so that
 * nobody believes they got an hourly option on a daily schedule.
 *
 * "Set" is read from the raw configuration, and a value equal to the default `Pulumi.yaml`
 * declares counts as unset: the Pulumi CLI gives the program every declared key, its default
 * where the stack sets none (sdk/go/common/workspace/project.go, mergeConfig: "for primitive
 * types pass the values as is", objects as JSON), so the program cannot tell a typed default
 * from the default itself.
 */
import { InvalidSettingError } from "./policy/rulebook/errors";
import type { RawConfig, SettingKey, Settings } from "./settings";

type Resolved = Omit<Settings, "topology">;

/** A condition a setting needs to have an effect, and how a user meets it. */
export interface Condition {
    /** What it applies with, as the error and the reference say it: `backupFrequency "Hourly"`. */
    when: string;
    /** The way to meet it: `set backupFrequency to "Hourly"`. */
    fix: string;
    holds(s: Resolved): boolean;
}

const shown = (value: string | boolean) => (typeof value === "string" ? `"${value}"` : String(value));

/** The setting has one of these values. */
function is<K extends SettingKey>(setting: K, ...values: (string | boolean)[]): Condition {
    const said = values.map(shown).join(" or ");
    return { when: `${setting} ${said}`, fix: `set ${setting} to ${said}`, holds: (s) => values.includes(s[setting] as string | boolean) };
}

/** One of these counts is above 0. */
function anyAbove(...settings: SettingKey[]): Condition {
    const names = settings.length === 1 ? settings[0] : `${settings.slice(0, -1).join(", ")} or ${settings[settings.length - 1]}`;
    return { when: `${names} above 0`, fix: `set ${names} to 1 or more`, holds: (s) => settings.some((key) => (s[key] as number) > 0) };
}

/** The other setting is set. */
function given(setting: SettingKey): Condition {
    return { when: `${setting} set`, fix: `set ${setting}`, holds: (s) => s[setting] !== undefined };
}

const PROXY = is("connectivity", "proxy");
const POLICY = is("enrolment", "policy");
const LIST = is("enrolment", "list");
const HOURLY = is("backupFrequency", "Hourly");

/** Every setting, and what it needs to have an effect; none means always. */
export const APPLICABILITY: Record<SettingKey, Condition[]> = {
    connectivity: [],
    ipRangesFile: [is("connectivity", "serviceTags")],
    addressSpace: [],
    proxySubnet: [PROXY],
    appSubnet: [],
    proxyIp: [PROXY],
    proxyPort: [PROXY],
    allowedDomains: [PROXY],
    storageAccount: [PROXY],
    proxyVmSize: [PROXY],
    proxyCount: [PROXY],
    proxyPatchWindow: [PROXY],
    sshSourceCidr: [PROXY],
    appVmCount: [],
    appVmDataDiskCount: [anyAbove("appVmCount", "windowsAppVmCount")],
    appVmSize: [anyAbove("appVmCount")],
    appVmImage: [anyAbove("appVmCount")],
    windowsAppVmCount: [],
    windowsAppVmSize: [anyAbove("windowsAppVmCount")],
    adminUsername: [],
    sshPublicKey: [],
    vaultName: [],
    vaultLocation: [LIST],
    vaultProtect: [],
    vaultSoftDelete: [],
    softDeleteDays: [],
    vaultImmutability: [],
    vaultAllowIrreversibleSettings: [],
    storageRedundancy: [],
    crossRegionRestore: [],
    vaultPublicNetworkAccess: [],
    vaultLock: [],
    tags: [],
    keepTypeAliases: [],
    retiredVms: [LIST],
    enrolment: [],
    fleetRegions: [POLICY],
    fleetScope: [POLICY],
    enrolmentTag: [POLICY],
    fleetDefinition: [POLICY],
    alertEmails: [],
    logAnalyticsWorkspaceId: [],
    logAnalyticsWorkspace: [],
    backupPolicyType: [],
    backupTime: [],
    timeZone: [],
    retentionDays: [],
    instantRestoreDays: [],
    backupFrequency: [],
    hourlyInterval: [HOURLY],
    hourlyWindowHours: [HOURLY],
    weeklyRetentionWeeks: [],
    monthlyRetentionMonths: [],
    yearlyRetentionYears: [],
    retentionDay: [anyAbove("weeklyRetentionWeeks", "monthlyRetentionMonths", "yearlyRetentionYears")],
    yearlyRetentionMonth: [anyAbove("yearlyRetentionYears")],
    vaultCmkKeyUri: [],
    vaultCmkIdentityId: [given("vaultCmkKeyUri")],
    vaultInfrastructureEncryption: [given("vaultCmkKeyUri")],
    resourceGuardId: [],
    crossSubscriptionRestore: [],
    archiveTier: [],
    archiveAfterDays: [is("archiveTier", "AfterDays")],
    snapshotConsistency: [],
    instantRestoreResourceGroupPrefix: [],
    instantRestoreResourceGroupSuffix: [given("instantRestoreResourceGroupPrefix")],
    // Azure Policy's enrolment writes every disk; a fleet's vaults are not this stack's to give an endpoint.
    appVmBackupDiskLuns: [LIST, anyAbove("appVmCount", "windowsAppVmCount")],
    vaultPrivateEndpoint: [LIST],
    vaultPrivateEndpointSubnet: [is("vaultPrivateEndpoint", true)],
    vaultPrivateDnsZoneIds: [is("vaultPrivateEndpoint", true)],
    // A drill restores this stack's vault's VMs, which only enrolment "list" has, and only when there are some.
    restoreDrill: [LIST, anyAbove("appVmCount", "windowsAppVmCount")],
    restoreDrillSchedule: [is("restoreDrill", true)],
    restoreDrillVms: [is("restoreDrill", true)],
    restoreDrillSubnet: [is("restoreDrill", true)],
};

/** A value as the program receives it, compared by meaning: `4` and `"4"`, `[]` and `[ ]` alike. */
function canonical(value: unknown): string {
    if (typeof value !== "string") {
        return JSON.stringify(value);
    }
    try {
        return JSON.stringify(JSON.parse(value));
    } catch {
        return JSON.stringify(value);
    }
}

/** Whether the user set the key: a value other than none and other than its declared default. */
export function isSet(raw: RawConfig, key: SettingKey, defaults: Readonly<Partial<Record<SettingKey, unknown>>>): boolean {
    const value = raw[key]?.trim();
    return value !== undefined && value !== "" && (!(key in defaults) || canonical(value) !== canonical(defaults[key]));
}

/** Stops at the first setting set where it has no effect, naming it and what it needs. */
export function checkApplicability(raw: RawConfig, s: Resolved, defaults: Readonly<Partial<Record<SettingKey, unknown>>>): void {
    for (const [key, conditions] of Object.entries(APPLICABILITY) as [SettingKey, Condition[]][]) {
        const unmet = conditions.find((condition) => !condition.holds(s));
        if (unmet && isSet(raw, key, defaults)) {
            throw new InvalidSettingError(key, `applies only with ${unmet.when}; unset it, or ${unmet.fix}`);
        }
    }
}

/** The reference's words for where a setting applies: "always", or its conditions. */
export function applicabilityOf(key: string): string {
    const conditions = APPLICABILITY[key as SettingKey];
    return conditions === undefined || conditions.length === 0 ? "always" : conditions.map((condition) => condition.when).join(", and ");
}
