/**
 * One name per concept: each setting feeds a component argument by one rule, the renamed
 * settings and arguments keep working under their old names with a warning, and an old name set
 * beside its new one is refused.
 */
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { NsgLockdown } from "../components";
import { BACKUP_VAULT_ARGUMENTS } from "../components/backupVault";
import { InvalidSettingError } from "../policy/rulebook/errors";
import {
    CURRENT_SETTING_KEYS,
    DEPRECATED_SETTINGS,
    ENVIRONMENT_SETTINGS,
    RawConfig,
    resolveSettings,
    Role,
    roleArguments,
    settingFor,
    settingsOfArguments,
    SETTING_KEYS,
    checkSettingKeys,
} from "../settings";

describe("settings and component arguments", () => {
    it("feed every setting to a component argument, but the few that shape the environment itself", () => {
        const fed = new Set(settingsOfArguments().map(({ setting }) => setting));
        const unfed = CURRENT_SETTING_KEYS.filter((key) => !fed.has(key));
        // A new setting that no component argument takes fails here until it is wired or named an environment setting.
        expect(unfed).to.have.members([...ENVIRONMENT_SETTINGS]);
        expect(ENVIRONMENT_SETTINGS.filter((key) => fed.has(key))).to.deep.equal([]);
    });

    it("name a role's setting after the role and the argument, or the argument alone", () => {
        const expected: [Role, string, string][] = [
            ["vault", "protect", "vaultProtect"],
            ["vault", "allowIrreversibleSettings", "vaultAllowIrreversibleSettings"],
            ["vault", "lock", "vaultLock"],
            ["vault", "softDelete", "vaultSoftDelete"],
            ["vault", "location", "vaultLocation"],
            ["vault", "vaultName", "vaultName"],
            ["vault", "backupTime", "backupTime"],
            ["fleet", "protect", "vaultProtect"],
            ["fleet", "regions", "fleetRegions"],
            ["proxy", "patchWindow", "proxyPatchWindow"],
            ["proxy", "count", "proxyCount"],
            ["proxy", "vmSize", "proxyVmSize"],
            ["proxy", "proxyPort", "proxyPort"],
            ["appVm", "vmSize", "appVmSize"],
            ["appVm", "dataDiskCount", "appVmDataDiskCount"],
            ["windowsAppVm", "vmSize", "windowsAppVmSize"],
            ["windowsAppVm", "dataDiskCount", "appVmDataDiskCount"],
        ];
        for (const [role, argument, setting] of expected) {
            expect(settingFor(role, argument), `${role}.${argument}`).to.equal(setting);
        }
        // The Linux image is no Windows VM's.
        expect(settingFor("windowsAppVm", "image")).to.equal(undefined);
    });

    it("hand a vault every vault setting, under the vault's argument names", () => {
        const settings = resolveSettings({ vaultProtect: "false", vaultLock: "false", vaultImmutability: "Disabled", retentionDays: "45" });
        const args = roleArguments(settings, "vault");
        expect(args).to.include({ protect: false, lock: false, immutability: "Disabled", retentionDays: 45, location: "westeurope", vaultName: "vm-backup-vault" });
        const withSetting = BACKUP_VAULT_ARGUMENTS.filter((argument) => settingFor("vault", argument) !== undefined);
        expect(Object.keys(args)).to.have.members([...withSetting]);
        // Each vault-prefixed setting reaches the vault.
        const vaultSettings = CURRENT_SETTING_KEYS.filter((key) => /^vault[A-Z]/.test(key));
        expect(withSetting.map((argument) => settingFor("vault", argument))).to.include.members(vaultSettings);
    });
});

describe("renamed settings", () => {
    const renames = Object.entries(DEPRECATED_SETTINGS) as [keyof typeof DEPRECATED_SETTINGS, keyof RawConfig][];

    it("still work under their old names, with a deprecation warning naming the new one", () => {
        const values: Record<string, string> = { protectVault: "false", allowIrreversibleVaultSettings: "true", appVmDataDisks: "2" };
        for (const [old, replacement] of renames) {
            const warnings: string[] = [];
            const settings = resolveSettings({ [old]: values[old] }, undefined, { warn: (message) => warnings.push(message) });
            const current = resolveSettings({ [replacement]: values[old] });
            expect(settings, old).to.deep.equal(current);
            expect(warnings, old).to.deep.equal([`backup-ready:${old} is deprecated; set ${replacement} instead`]);
        }
    });

    it("refuse an old name set beside its new one, naming both", () => {
        expect(() => resolveSettings({ protectVault: "false", vaultProtect: "false" }, undefined, { warn: () => undefined }))
            .to.throw(InvalidSettingError)
            .with.property("setting", "protectVault and vaultProtect");
        expect(() => resolveSettings({ appVmDataDisks: "1", appVmDataDiskCount: "2" }, undefined, { warn: () => undefined })).to.throw(/appVmDataDisks and appVmDataDiskCount/);
    });

    it("are known keys, so that the typo check lets them through", () => {
        expect(SETTING_KEYS).to.include.members(renames.map(([old]) => old));
        expect(() => checkSettingKeys(renames.map(([old]) => `backup-ready:${old}`), "backup-ready")).to.not.throw();
    });
});

describe("NsgLockdown's renamed backendIps", () => {
    const rulesOf = new Map<string, unknown>();
    const warnings: string[] = [];
    const warn = pulumi.log.warn;

    before(async () => {
        await pulumi.runtime.setMocks(
            {
                newResource: (args) => {
                    if (args.type === "azure-native:network:NetworkSecurityGroup") {
                        rulesOf.set(args.name, args.inputs.securityRules);
                    }
                    return { id: `${args.name}-id`, state: args.inputs };
                },
                call: (args) => args.inputs,
            },
            "backup-ready",
            "settings-mapping",
            false,
        );
        (pulumi.log as { warn: (message: string) => Promise<void> }).warn = async (message: string) => void warnings.push(message);
    });
    after(() => {
        (pulumi.log as { warn: typeof warn }).warn = warn;
    });

    const args = { resourceGroupName: "rg", location: "westeurope", proxyIp: "10.0.0.5", clientAddressPrefixes: ["10.0.0.0/16"] };

    it("takes the old name proxyBackendAddresses with a warning, and writes the same rules", async () => {
        const current = new NsgLockdown("current", { ...args, backendIps: ["10.0.0.6", "10.0.0.7"] });
        const old = new NsgLockdown("old", { ...args, proxyBackendAddresses: ["10.0.0.6", "10.0.0.7"] });
        await new Promise<void>((resolve) => pulumi.all([current.urn, old.urn, current.networkSecurityGroupId, old.networkSecurityGroupId]).apply(() => resolve()));
        expect(rulesOf.get("old-nsg")).to.deep.equal(rulesOf.get("current-nsg"));
        expect(JSON.stringify(rulesOf.get("current-nsg"))).to.contain("10.0.0.7");
        expect(warnings).to.deep.equal(["NsgLockdown: proxyBackendAddresses is deprecated; set backendIps instead"]);
    });

    it("refuses both names at once, naming both", () => {
        expect(() => new NsgLockdown("both", { ...args, backendIps: ["10.0.0.6"], proxyBackendAddresses: ["10.0.0.6"] }))
            .to.throw(InvalidSettingError)
            .with.property("setting", "proxyBackendAddresses and backendIps");
    });
});
