/**
 * No setting of Pulumi.yaml is taken where it has no effect: every setting, with a value a person
 * would type, against every mode. Where it has no effect the settings stop with one line naming
 * it and what it needs; where it applies they resolve. The "no effect" lists are written here by
 * hand from what the program does in each mode, not read from applicability.ts.
 */
import { expect } from "chai";
import { RawConfig, resolveSettings, SettingKey } from "../settings";
import { APPLICABILITY } from "../applicability";
import { readDeclarations } from "../docs/gen/settings";
import { PROJECT_DIR } from "./support/plan";
import { ED25519_KEY } from "./support/sshKeys";

const SUB = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/sec";
const ZONES = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones";

/** A value for each setting other than its default; the first key is the setting, the rest what it needs besides. */
const SAMPLES: Record<SettingKey, RawConfig> = {
    connectivity: { connectivity: "serviceTags" },
    ipRangesFile: { ipRangesFile: "ServiceTags_Public_20250602.json" },
    addressSpace: { addressSpace: "10.0.0.0/15" },
    proxySubnet: { proxySubnet: "10.0.8.0/24" },
    appSubnet: { appSubnet: "10.0.9.0/24" },
    proxyIp: { proxyIp: "10.0.0.10" },
    proxyPort: { proxyPort: "8080" },
    allowedDomains: { allowedDomains: '[".blob.core.windows.net",".queue.core.windows.net"]' },
    storageAccount: { storageAccount: "backupstore01" },
    appVmCount: { appVmCount: "2" },
    appVmDataDiskCount: { appVmDataDiskCount: "2" },
    appVmSize: { appVmSize: "Standard_D2s_v5" },
    appVmImage: { appVmImage: "Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest" },
    windowsAppVmCount: { windowsAppVmCount: "1" },
    windowsAppVmSize: { windowsAppVmSize: "Standard_D2s_v5" },
    proxyVmSize: { proxyVmSize: "Standard_D2s_v5" },
    proxyCount: { proxyCount: "2" },
    proxyPatchWindow: { proxyPatchWindow: "Sat 02:00" },
    adminUsername: { adminUsername: "opsadmin" },
    sshPublicKey: { sshPublicKey: ED25519_KEY },
    sshSourceCidr: { sshSourceCidr: "203.0.113.0/24" },
    vaultName: { vaultName: "backup-vault-2" },
    vaultLocation: { vaultLocation: "westeurope" },
    vaultProtect: { vaultProtect: "false" },
    vaultSoftDelete: { vaultSoftDelete: "AlwaysOn", vaultAllowIrreversibleSettings: "true" },
    softDeleteDays: { softDeleteDays: "30" },
    vaultImmutability: { vaultImmutability: "Disabled" },
    vaultAllowIrreversibleSettings: { vaultAllowIrreversibleSettings: "true" },
    storageRedundancy: { storageRedundancy: "LocallyRedundant" },
    crossRegionRestore: { crossRegionRestore: "true", vaultPublicNetworkAccess: "Enabled" },
    vaultPublicNetworkAccess: { vaultPublicNetworkAccess: "Enabled" },
    vaultLock: { vaultLock: "false" },
    tags: { tags: '{"env":"prod"}' },
    keepTypeAliases: { keepTypeAliases: "true" },
    retiredVms: { retiredVms: '["app-vm-3"]' },
    enrolment: { enrolment: "policy" },
    fleetRegions: { fleetRegions: '["westeurope","northeurope"]' },
    fleetScope: { fleetScope: "/subscriptions/11111111-2222-3333-4444-555555555555" },
    enrolmentTag: { enrolmentTag: "backup=hourly" },
    fleetDefinition: { fleetDefinition: "builtIn" },
    alertEmails: { alertEmails: '["ops@example.com"]' },
    logAnalyticsWorkspaceId: { logAnalyticsWorkspaceId: "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/ops" },
    logAnalyticsWorkspace: { logAnalyticsWorkspace: "create" },
    backupPolicyType: { backupPolicyType: "Standard", appVmCount: "0" },
    backupTime: { backupTime: "03:30" },
    timeZone: { timeZone: "W. Europe Standard Time" },
    retentionDays: { retentionDays: "60" },
    instantRestoreDays: { instantRestoreDays: "5" },
    backupFrequency: { backupFrequency: "Hourly" },
    hourlyInterval: { hourlyInterval: "6" },
    hourlyWindowHours: { hourlyWindowHours: "12" },
    weeklyRetentionWeeks: { weeklyRetentionWeeks: "4" },
    monthlyRetentionMonths: { monthlyRetentionMonths: "12" },
    yearlyRetentionYears: { yearlyRetentionYears: "1" },
    retentionDay: { retentionDay: "Saturday" },
    yearlyRetentionMonth: { yearlyRetentionMonth: "June" },
    vaultCmkKeyUri: { vaultCmkKeyUri: "https://contoso-kv.vault.azure.net/keys/backup-key" },
    vaultCmkIdentityId: { vaultCmkIdentityId: `${SUB}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/backup-cmk` },
    vaultInfrastructureEncryption: { vaultInfrastructureEncryption: "true" },
    resourceGuardId: { resourceGuardId: `${SUB}/providers/Microsoft.DataProtection/resourceGuards/guard` },
    crossSubscriptionRestore: { crossSubscriptionRestore: "Enabled" },
    archiveTier: { archiveTier: "Recommended", monthlyRetentionMonths: "12" },
    archiveAfterDays: { archiveAfterDays: "120" },
    snapshotConsistency: { snapshotConsistency: "CrashConsistent" },
    instantRestoreResourceGroupPrefix: { instantRestoreResourceGroupPrefix: "rg-backup-" },
    instantRestoreResourceGroupSuffix: { instantRestoreResourceGroupSuffix: "-snapshots" },
    appVmBackupDiskLuns: { appVmBackupDiskLuns: "[]" },
    vaultPrivateEndpoint: { vaultPrivateEndpoint: "true" },
    vaultPrivateEndpointSubnet: { vaultPrivateEndpointSubnet: "10.0.2.0/26" },
    vaultPrivateDnsZoneIds: {
        vaultPrivateDnsZoneIds: JSON.stringify([`${ZONES}/privatelink.we.backup.windowsazure.com`, `${ZONES}/privatelink.blob.core.windows.net`, `${ZONES}/privatelink.queue.core.windows.net`]),
    },
    restoreDrill: { restoreDrill: "true" },
    restoreDrillSchedule: { restoreDrillSchedule: "30 1 * * 0" },
    restoreDrillVms: { restoreDrillVms: '["app-vm-1"]' },
    restoreDrillSubnet: { restoreDrillSubnet: "10.0.4.0/24" },
};

const PROXY_SETTINGS = ["proxySubnet", "proxyIp", "proxyPort", "allowedDomains", "storageAccount", "proxyVmSize", "proxyCount", "proxyPatchWindow", "sshSourceCidr"];
const FLEET_SETTINGS = ["fleetRegions", "fleetScope", "enrolmentTag", "fleetDefinition"];
const DRILL_SETTINGS = ["restoreDrillSchedule", "restoreDrillVms", "restoreDrillSubnet"];
/** No effect in the default stack: proxy, enrolment list, daily backups, one Linux app VM. */
const DEFAULT_NO_EFFECT = [
    "ipRangesFile", "windowsAppVmSize", ...FLEET_SETTINGS, "hourlyInterval", "hourlyWindowHours", "retentionDay", "yearlyRetentionMonth",
    "vaultCmkIdentityId", "vaultInfrastructureEncryption", "archiveAfterDays", "instantRestoreResourceGroupSuffix", "vaultPrivateEndpointSubnet", "vaultPrivateDnsZoneIds",
    ...DRILL_SETTINGS,
];
const but = (add: string[], remove: string[] = []) => [...DEFAULT_NO_EFFECT.filter((key) => !remove.includes(key)), ...add];

interface Mode {
    config: RawConfig;
    noEffect: string[];
    /**
     * Samples refused in this mode all the same, and the setting the error names: one of the mode's
     * that the sample makes irrelevant (two proxies without a proxy), or a rule between the two.
     */
    refusedOtherwise?: Partial<Record<SettingKey, string>>;
}

const MODES: Record<string, Mode> = {
    default: { config: {}, noEffect: DEFAULT_NO_EFFECT },
    "two proxies": { config: { proxyCount: "2" }, noEffect: DEFAULT_NO_EFFECT, refusedOtherwise: { connectivity: "proxyCount" } },
    serviceTags: { config: { connectivity: "serviceTags" }, noEffect: but(PROXY_SETTINGS, ["ipRangesFile"]) },
    none: { config: { connectivity: "none" }, noEffect: but(PROXY_SETTINGS), refusedOtherwise: { windowsAppVmCount: "connectivity" } },
    "enrolment policy": {
        config: { enrolment: "policy" },
        noEffect: but(["vaultLocation", "retiredVms", "appVmBackupDiskLuns", "vaultPrivateEndpoint", "restoreDrill"], FLEET_SETTINGS),
    },
    hourly: { config: { backupFrequency: "Hourly" }, noEffect: but([], ["hourlyInterval", "hourlyWindowHours"]), refusedOtherwise: { backupPolicyType: "backupFrequency" } },
    "vault private endpoint": {
        config: { vaultPrivateEndpoint: "true" },
        noEffect: but([], ["vaultPrivateEndpointSubnet", "vaultPrivateDnsZoneIds"]),
        refusedOtherwise: { enrolment: "vaultPrivateEndpoint", vaultPublicNetworkAccess: "vaultPublicNetworkAccess", crossRegionRestore: "vaultPublicNetworkAccess" },
    },
    "archive after days": {
        config: { archiveTier: "AfterDays", archiveAfterDays: "120", monthlyRetentionMonths: "12" },
        noEffect: but([], ["archiveAfterDays", "retentionDay"]),
        refusedOtherwise: { archiveTier: "archiveAfterDays" },
    },
    "Windows app VM": { config: { windowsAppVmCount: "1" }, noEffect: but([], ["windowsAppVmSize"]), refusedOtherwise: { backupPolicyType: "backupPolicyType" } },
    "no app VMs": { config: { appVmCount: "0" }, noEffect: but(["appVmDataDiskCount", "appVmSize", "appVmImage", "appVmBackupDiskLuns", "restoreDrill"]) },
    "long-term retention": {
        config: { weeklyRetentionWeeks: "4", monthlyRetentionMonths: "12", yearlyRetentionYears: "1" },
        noEffect: but([], ["retentionDay", "yearlyRetentionMonth"]),
    },
    "customer-managed key": { config: { vaultCmkKeyUri: "https://contoso-kv.vault.azure.net/keys/backup-key" }, noEffect: but([], ["vaultCmkIdentityId", "vaultInfrastructureEncryption"]) },
    "restore drill": { config: { restoreDrill: "true" }, noEffect: but([], DRILL_SETTINGS), refusedOtherwise: { enrolment: "restoreDrill", backupPolicyType: "restoreDrill" } },
    "snapshot group prefix": { config: { instantRestoreResourceGroupPrefix: "rg-backup-" }, noEffect: but([], ["instantRestoreResourceGroupSuffix"]) },
};

function outcome(config: RawConfig): string | undefined {
    try {
        resolveSettings(config, undefined, { warn: () => undefined });
        return undefined;
    } catch (err) {
        return (err as Error).message;
    }
}

describe("where each setting applies", () => {
    const declared = Object.keys(readDeclarations(PROJECT_DIR)).filter((key) => !key.includes(":"));

    it("is declared for every setting of Pulumi.yaml, and each has a sample here", () => {
        expect(Object.keys(APPLICABILITY).sort()).to.deep.equal([...declared].sort());
        expect(Object.keys(SAMPLES).sort()).to.deep.equal([...declared].sort());
    });

    for (const [name, mode] of Object.entries(MODES)) {
        it(`${name}: every setting without effect stops the plan naming it; every other one resolves`, () => {
            expect(outcome(mode.config), `the mode itself`).to.equal(undefined);
            for (const key of declared as SettingKey[]) {
                const message = outcome({ ...mode.config, ...SAMPLES[key] });
                const other = mode.refusedOtherwise?.[key];
                if (mode.noEffect.includes(key)) {
                    expect(message, key).to.match(new RegExp(`^${key}: applies only with [^;]+; unset it, or set `));
                } else if (other !== undefined) {
                    expect(message, key).to.match(new RegExp(`^${other}: `));
                } else {
                    expect(message, key).to.equal(undefined);
                }
            }
        });
    }

    it("names the setting that makes it irrelevant, in one line", () => {
        expect(outcome({ hourlyInterval: "6" })).to.equal('hourlyInterval: applies only with backupFrequency "Hourly"; unset it, or set backupFrequency to "Hourly"');
        expect(outcome({ windowsAppVmSize: "Standard_D2s_v5" })).to.equal("windowsAppVmSize: applies only with windowsAppVmCount above 0; unset it, or set windowsAppVmCount to 1 or more");
        expect(outcome({ connectivity: "none", proxyCount: "2" })).to.equal('proxyCount: applies only with connectivity "proxy"; unset it, or set connectivity to "proxy"');
    });

    it("counts a value equal to Pulumi.yaml's default as unset: the CLI passes the default when none is set", () => {
        const declarations = readDeclarations(PROJECT_DIR);
        // As the CLI passes defaults to the program: scalars as their text, lists as JSON (project.go, mergeConfig).
        const asPassed = Object.fromEntries(
            declared.map((key) => [key, typeof declarations[key].default === "string" ? declarations[key].default : JSON.stringify(declarations[key].default)]),
        ) as RawConfig;
        for (const [name, mode] of Object.entries(MODES)) {
            expect(outcome({ ...asPassed, ...mode.config }), name).to.equal(undefined);
        }
        // The CLI cannot tell `pulumi config set hourlyInterval 4` from the default 4: nor can the program.
        expect(outcome({ hourlyInterval: "4" })).to.equal(undefined);
    });
});
