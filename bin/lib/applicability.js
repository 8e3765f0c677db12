"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.APPLICABILITY = void 0;
exports.isSet = isSet;
exports.checkApplicability = checkApplicability;
exports.applicabilityOf = applicabilityOf;
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
const errors_1 = require("../policy/rulebook/errors");
const shown = (value) => (typeof value === "string" ? `"${value}"` : String(value));
/** The setting has one of these values. */
function is(setting, ...values) {
    const said = values.map(shown).join(" or ");
    return { when: `${setting} ${said}`, fix: `set ${setting} to ${said}`, holds: (s) => values.includes(s[setting]) };
}
/** One of these counts is above 0. */
function anyAbove(...settings) {
    const names = settings.length === 1 ? settings[0] : `${settings.slice(0, -1).join(", ")} or ${settings[settings.length - 1]}`;
    return { when: `${names} above 0`, fix: `set ${names} to 1 or more`, holds: (s) => settings.some((key) => s[key] > 0) };
}
/** The other setting is set. */
function given(setting) {
    return { when: `${setting} set`, fix: `set ${setting}`, holds: (s) => s[setting] !== undefined };
}
const PROXY = is("connectivity", "proxy");
const POLICY = is("enrolment", "policy");
const LIST = is("enrolment", "list");
const HOURLY = is("backupFrequency", "Hourly");
/** Every setting, and what it needs to have an effect; none means always. */
exports.APPLICABILITY = {
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
    // A drill restores this stack's vault's VMs, which only enrolment "list" has.
    restoreDrill: [LIST],
    restoreDrillSchedule: [is("restoreDrill", true)],
    restoreDrillVms: [is("restoreDrill", true)],
    restoreDrillSubnet: [is("restoreDrill", true)],
};
/** A value as the program receives it, compared by meaning: `4` and `"4"`, `[]` and `[ ]` alike. */
function canonical(value) {
    if (typeof value !== "string") {
        return JSON.stringify(value);
    }
    try {
        return JSON.stringify(JSON.parse(value));
    }
    catch {
        return JSON.stringify(value);
    }
}
/** Whether the user set the key: a value other than none and other than its declared default. */
function isSet(raw, key, defaults) {
    const value = raw[key]?.trim();
    return value !== undefined && value !== "" && (!(key in defaults) || canonical(value) !== canonical(defaults[key]));
}
/** Stops at the first setting set where it has no effect, naming it and what it needs. */
function checkApplicability(raw, s, defaults) {
    for (const [key, conditions] of Object.entries(exports.APPLICABILITY)) {
        const unmet = conditions.find((condition) => !condition.holds(s));
        if (unmet && isSet(raw, key, defaults)) {
            throw new errors_1.InvalidSettingError(key, `applies only with ${unmet.when}; unset it, or ${unmet.fix}`);
        }
    }
}
/** The reference's words for where a setting applies: "always", or its conditions. */
function applicabilityOf(key) {
    const conditions = exports.APPLICABILITY[key];
    return conditions === undefined || conditions.length === 0 ? "always" : conditions.map((condition) => condition.when).join(", and ");
}
