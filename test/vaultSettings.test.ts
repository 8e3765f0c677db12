/** The vault's settings as the REST API 2024-10-01 takes them, and the combinations Azure refuses. */
import { expect } from "chai";
import { InvalidSettingError } from "../policy/rulebook/errors";
import { checkSoftDelete, checkStorageAccountTags, checkTags, checkVaultSettings, VAULT_DEFAULTS, vaultProperties, VaultSettings } from "../lib/vaultSettings";
import { settingFor } from "../settings";

/** The reference environment's name of a vault argument. */
const vaultSetting = (argument: string) => settingFor("vault", argument) as string;

describe("vault settings", () => {
    it("writes the defaults under the API's property names, with a system-assigned identity", () => {
        expect(vaultProperties(VAULT_DEFAULTS)).to.deep.equal({
            properties: {
                publicNetworkAccess: "Disabled",
                securitySettings: {
                    softDeleteSettings: { softDeleteState: "Enabled", softDeleteRetentionPeriodInDays: 14 },
                    immutabilitySettings: { state: "Unlocked" },
                },
                redundancySettings: { standardTierStorageRedundancy: "GeoRedundant", crossRegionRestore: "Disabled" },
                // As the request of examples/PUTVault_WithMonitoringSettings.json (2024-10-01) sets them.
                monitoringSettings: {
                    azureMonitorAlertSettings: { alertsForAllJobFailures: "Enabled" },
                    classicAlertSettings: { alertsForCriticalOperations: "Disabled" },
                },
            },
            identity: { type: "SystemAssigned" },
        });
    });

    it("spells AlwaysOn as the API does, AlwaysON, and turns Cross Region Restore on as Enabled", () => {
        const { properties } = vaultProperties({ ...VAULT_DEFAULTS, softDelete: "AlwaysOn", softDeleteDays: 180, crossRegionRestore: true, publicNetworkAccess: "Enabled" });
        expect(properties.securitySettings).to.deep.include({ softDeleteSettings: { softDeleteState: "AlwaysON", softDeleteRetentionPeriodInDays: 180 } });
        expect(properties.redundancySettings).to.deep.equal({ standardTierStorageRedundancy: "GeoRedundant", crossRegionRestore: "Enabled" });
    });

    it("refuses turning soft delete off, and says why", () => {
        for (const value of [false, "false", "Disabled"]) {
            expect(() => checkSoftDelete("vaultSoftDelete", value))
                .to.throw(InvalidSettingError, /^vaultSoftDelete: must be "Enabled" or "AlwaysOn": Azure enforces soft delete on every Recovery Services vault/)
                .with.property("setting", "vaultSoftDelete");
        }
        expect(() => checkSoftDelete("vaultSoftDelete", "AlwaysON")).to.throw(/AlwaysOn is irreversible/);
    });

    it("refuses the combinations Azure refuses or that cannot be undone, naming the setting", () => {
        const cases: [Partial<VaultSettings>, string][] = [
            [{ immutability: "Locked" }, "vaultImmutability"],
            [{ softDeleteDays: 13 }, "softDeleteDays"],
            [{ softDeleteDays: 181 }, "softDeleteDays"],
            [{ storageRedundancy: "GRS" as never }, "storageRedundancy"],
            [{ crossRegionRestore: true, publicNetworkAccess: "Enabled", storageRedundancy: "ZoneRedundant" }, "crossRegionRestore"],
            [{ crossRegionRestore: true }, "crossRegionRestore"],
            [{ publicNetworkAccess: "Deny" as never }, "vaultPublicNetworkAccess"],
        ];
        for (const [change, setting] of cases) {
            expect(() => checkVaultSettings({ ...VAULT_DEFAULTS, ...change }, vaultSetting), JSON.stringify(change))
                .to.throw(InvalidSettingError)
                .with.property("setting", setting);
        }
        expect(() => checkVaultSettings({ ...VAULT_DEFAULTS, immutability: "Locked", allowIrreversibleSettings: true })).to.not.throw();
        expect(() => checkVaultSettings({ ...VAULT_DEFAULTS, crossRegionRestore: true, publicNetworkAccess: "Enabled" })).to.not.throw();
    });

    it("holds tags to Azure's limits", () => {
        expect(checkTags("tags", { env: "prod", owner: "platform" })).to.deep.equal({ env: "prod", owner: "platform" });
        const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`t${i}`, "v"]));
        expect(() => checkTags("tags", fifty)).to.not.throw();
        for (const bad of [["env"], "env=prod", { ...fifty, t50: "v" }, { "a/b": "v" }, { env: 1 }, { env: "x".repeat(257) }, { ["k".repeat(513)]: "v" }]) {
            expect(() => checkTags("tags", bad), JSON.stringify(bad).slice(0, 60)).to.throw(InvalidSettingError).with.property("setting", "tags");
        }
    });

    it("refuses tag names that differ only in case, which Azure holds as one tag", () => {
        expect(() => checkTags("tags", { Env: "prod", env: "dev" })).to.throw(InvalidSettingError, /^tags: must be tag names that differ in more than case: .*"Env" and "env" are one tag/);
        expect(checkTags("tags", { Env: "prod", Envs: "dev" })).to.deep.equal({ Env: "prod", Envs: "dev" });
    });

    it("holds tags a storage account gets to its 128-character names", () => {
        expect(() => checkStorageAccountTags("tags", { ["k".repeat(128)]: "v".repeat(256) }, "the staging account")).to.not.throw();
        expect(() => checkStorageAccountTags("tags", undefined, "the staging account")).to.not.throw();
        expect(() => checkStorageAccountTags("tags", { ["k".repeat(129)]: "v" }, "the staging account")).to.throw(InvalidSettingError, /^tags: must be tag names of up to 128 characters: the staging account gets them/);
    });
});
