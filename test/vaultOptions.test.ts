/**
 * Issue 21's settings: each plans into the exact property of the REST API 2024-10-01 (vaults.json,
 * bms.json: the shapes of examples PUTVault_WithCMK.json, ResourceGuardProxyCRUD/PutResourceGuardProxy.json,
 * AzureIaasVm/V2Policy/IaaS_v2_daily.json and the selective-disk sample of Learn), a bad value stops
 * the plan with one line naming the setting, and a value at each limit passes.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { InvalidSettingError } from "../policy/rulebook/errors";
import { definitionCoversImage, enrolmentView } from "../policy/rulebook/fleet";
import { customDefinitionProperties, customEnrolmentDefinition } from "../policy/rulebook/fleetDefinition";
import { diffPlans } from "../plan/diff";
import { Plan } from "../plan/engine";
import { readinessReport } from "../plan/readiness";
import { encryptionProperties } from "../lib/vaultEncryption";
import { policyTierProperties } from "../lib/archiveTier";
import { resolveSettings } from "../settings";
import { onlyResourceOfType, planFailure, planReferenceEnvironment, PROJECT_DIR, resourcesOfType } from "./support/plan";
import { BackupFleet } from "../components/backupFleet";

const SUB = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/sec";
const KEY = "https://contoso-kv.vault.azure.net/keys/backup-key";
const IDENTITY = `${SUB}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/backup-cmk`;
const GUARD = `${SUB}/providers/Microsoft.DataProtection/resourceGuards/guard`;

/** The setting a bad configuration is refused for, by its one-line error. */
function refusedSetting(config: Record<string, string>): string {
    try {
        resolveSettings(config);
    } catch (err) {
        expect(err).to.be.instanceOf(InvalidSettingError);
        expect((err as Error).message).to.not.contain("\n");
        return (err as InvalidSettingError).setting;
    }
    throw new Error(`accepted ${JSON.stringify(config)}`);
}

describe("conformance with the REST API 2024-10-01 examples (Azure/azure-rest-api-specs)", () => {
    it("writes the encryption of recoveryservices/.../2024-10-01/examples/PUTVault_WithCMK.json's request", () => {
        const msi = "/subscriptions/85bf5e8c-3084-4f42-add2-746ebb7e97b2/resourcegroups/defaultrg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/examplemsi";
        const keyUri = "https://cmk2xkv.vault.azure.net/keys/Key1/0767b348bb1a4c07baa6c4ec0055d2b3";
        expect(encryptionProperties({ cmkKeyUri: keyUri, cmkIdentityId: msi, infrastructureEncryption: true, crossSubscriptionRestore: "Disabled" }).encryption).to.deep.equal({
            keyVaultProperties: { keyUri },
            kekIdentity: { userAssignedIdentity: msi },
            infrastructureEncryption: "Enabled",
        });
    });

    it("writes the snapshot consistency of recoveryservicesbackup/.../examples/AzureIaasVm/V2Policy/IaaS_v2_daily.json", () => {
        expect(policyTierProperties({ archiveTier: "Off", snapshotConsistency: "CrashConsistent" })).to.deep.equal({ snapshotConsistencyType: "OnlyCrashConsistent" });
    });
});

describe("issue 21's vault settings, planned", () => {
    let plan: Plan;
    before(async () => {
        plan = await planReferenceEnvironment({
            vaultCmkKeyUri: KEY,
            vaultCmkIdentityId: IDENTITY,
            vaultInfrastructureEncryption: "true",
            resourceGuardId: GUARD,
            crossSubscriptionRestore: "Enabled",
            monthlyRetentionMonths: "12",
            archiveTier: "AfterDays",
            archiveAfterDays: "90",
            snapshotConsistency: "CrashConsistent",
            instantRestoreResourceGroupPrefix: "rg-backup-",
            instantRestoreResourceGroupSuffix: "-snapshots",
            appVmDataDiskCount: "2",
            appVmBackupDiskLuns: "[1]",
        });
    });

    it("puts the key, its identity and infrastructure encryption on the vault, the identity attached", () => {
        const vault = onlyResourceOfType(plan, "azure-native:recoveryservices:Vault").inputs as any;
        expect(vault.properties.encryption).to.deep.equal({
            keyVaultProperties: { keyUri: KEY },
            kekIdentity: { userAssignedIdentity: IDENTITY },
            infrastructureEncryption: "Enabled",
        });
        expect(vault.identity).to.deep.equal({ type: "SystemAssigned, UserAssigned", userAssignedIdentities: [IDENTITY] });
        expect(vault.properties.restoreSettings).to.deep.equal({ crossSubscriptionRestoreSettings: { crossSubscriptionRestoreState: "Enabled" } });
    });

    it("says in readiness that the key's access is the user's step, as a warning naming the identity and the role", () => {
        const lines = readinessReport(plan).flatMap((vm) => vm.checks).filter((check) => check.check === "customer-managed key reachable");
        expect(lines).to.have.length(1);
        expect(lines[0]).to.deep.include({ pass: false, level: "warn" });
        expect(lines[0].why).to.contain(IDENTITY).and.to.contain("Key Vault Crypto Service Encryption User");
    });

    it("adds the guard's proxy named VaultProxy, never deleted by Pulumi", () => {
        const proxy = onlyResourceOfType(plan, "azure-native:recoveryservices:ResourceGuardProxy");
        expect(proxy.inputs).to.deep.include({ resourceGuardProxyName: "VaultProxy", properties: { resourceGuardResourceId: GUARD } });
        expect(proxy.options).to.deep.include({ retainOnDelete: true, protect: true });
    });

    it("writes the archive tier, crash consistency and the instant-restore group on the policy", () => {
        const properties = onlyResourceOfType(plan, "azure-native:recoveryservices:ProtectionPolicy").inputs.properties as any;
        expect(properties.tieringPolicy).to.deep.equal({ ArchivedRP: { tieringMode: "TierAfter", duration: 90, durationType: "Days" } });
        expect(properties.snapshotConsistencyType).to.equal("OnlyCrashConsistent");
        expect(properties.instantRPDetails).to.deep.equal({ azureBackupRGNamePrefix: "rg-backup-", azureBackupRGNameSuffix: "-snapshots" });
    });

    it("includes the chosen data disks in each app VM's protected item, as an inclusion list", () => {
        for (const item of resourcesOfType(plan, "azure-native:recoveryservices:ProtectedItem")) {
            expect((item.inputs.properties as any).extendedProperties).to.deep.equal({ diskExclusionProperties: { diskLunList: [1], isInclusionList: true } });
        }
    });
});

describe("issue 21's defaults", () => {
    let plan: Plan;
    before(async () => {
        plan = await planReferenceEnvironment();
    });

    it("disable cross-subscription restore explicitly and add nothing else", () => {
        const vault = onlyResourceOfType(plan, "azure-native:recoveryservices:Vault").inputs as any;
        expect(vault.properties.restoreSettings).to.deep.equal({ crossSubscriptionRestoreSettings: { crossSubscriptionRestoreState: "Disabled" } });
        expect(vault.properties).to.not.have.property("encryption");
        expect(vault.identity).to.deep.equal({ type: "SystemAssigned" });
        const properties = onlyResourceOfType(plan, "azure-native:recoveryservices:ProtectionPolicy").inputs.properties as any;
        expect(properties).to.not.have.any.keys("tieringPolicy", "snapshotConsistencyType", "instantRPDetails");
        expect(resourcesOfType(plan, "azure-native:recoveryservices:ResourceGuardProxy")).to.have.length(0);
        for (const item of resourcesOfType(plan, "azure-native:recoveryservices:ProtectedItem")) {
            expect(item.inputs.properties).to.not.have.property("extendedProperties");
        }
    });
});

describe("the offline diff on a key or restore change of a vault that protects items", () => {
    let base: Plan;
    before(async () => {
        base = await planReferenceEnvironment();
    });
    const notesOf = (after: Plan) => diffPlans(base, after).find((c) => c.type === "azure-native:recoveryservices:Vault")?.notes ?? [];

    it("calls a key added to a vault with items one Azure will refuse", async () => {
        expect(notesOf(await planReferenceEnvironment({ vaultCmkKeyUri: KEY }))).to.deep.include({
            kind: "refused",
            text: "customer-managed key on a vault that protects items: Azure will refuse it, a key goes only on a vault that never had an item",
        });
    });

    it("calls a change of infrastructure encryption, once set with the key, one Azure will refuse", async () => {
        const keyed = await planReferenceEnvironment({ vaultCmkKeyUri: KEY });
        const doubled = await planReferenceEnvironment({ vaultCmkKeyUri: KEY, vaultInfrastructureEncryption: "true" });
        expect(diffPlans(keyed, doubled).find((c) => c.type === "azure-native:recoveryservices:Vault")?.notes).to.deep.include({
            kind: "refused",
            text: "infrastructure encryption changed: Azure will refuse it, it is set once with the key",
        });
    });

    it("calls PermanentlyDisabled irreversible", async () => {
        expect(notesOf(await planReferenceEnvironment({ crossSubscriptionRestore: "PermanentlyDisabled", vaultAllowIrreversibleSettings: "true" }))).to.deep.include({
            kind: "irreversible",
            text: "cross-subscription restore PermanentlyDisabled: irreversible, it can never be enabled again",
        });
    });
});

describe("issue 21's settings refuse bad values, naming the setting", () => {
    const cases: [string, Record<string, string>, string][] = [
        ["a key URI of another host", { vaultCmkKeyUri: "https://contoso.blob.core.windows.net/keys/k" }, "vaultCmkKeyUri"],
        ["a key URI with a short version", { vaultCmkKeyUri: `${KEY}/abc` }, "vaultCmkKeyUri"],
        ["a vault name with --", { vaultCmkKeyUri: "https://con--toso.vault.azure.net/keys/k" }, "vaultCmkKeyUri"],
        ["an identity that is a key vault", { vaultCmkKeyUri: KEY, vaultCmkIdentityId: `${SUB}/providers/Microsoft.KeyVault/vaults/kv` }, "vaultCmkIdentityId"],
        ["an identity in a subscription that is no GUID", { vaultCmkKeyUri: KEY, vaultCmkIdentityId: IDENTITY.replace("11111111-2222-3333-4444-555555555555", "prod") }, "vaultCmkIdentityId"],
        ["an identity without a key", { vaultCmkIdentityId: IDENTITY }, "vaultCmkIdentityId"],
        ["infrastructure encryption without a key", { vaultInfrastructureEncryption: "true" }, "vaultInfrastructureEncryption"],
        ["a guard that is a Backup vault", { resourceGuardId: `${SUB}/providers/Microsoft.DataProtection/backupVaults/bv` }, "resourceGuardId"],
        ["a guard with a child path", { resourceGuardId: `${GUARD}/extra/x` }, "resourceGuardId"],
        ["an unknown restore state", { crossSubscriptionRestore: "Off" }, "crossSubscriptionRestore"],
        ["PermanentlyDisabled unacknowledged", { crossSubscriptionRestore: "PermanentlyDisabled" }, "crossSubscriptionRestore"],
        ["archive without long-term retention", { archiveTier: "Recommended" }, "archiveTier"],
        ["archive with retention too short to leave 6 months", { archiveTier: "Recommended", monthlyRetentionMonths: "8" }, "archiveTier"],
        ["archive after 89 days", { archiveTier: "AfterDays", archiveAfterDays: "89", monthlyRetentionMonths: "24" }, "archiveAfterDays"],
        ["archive days without AfterDays", { archiveTier: "Recommended", archiveAfterDays: "120", monthlyRetentionMonths: "24" }, "archiveAfterDays"],
        ["archive from a zone-redundant vault", { archiveTier: "Recommended", monthlyRetentionMonths: "24", storageRedundancy: "ZoneRedundant" }, "archiveTier"],
        ["crash consistency on a Standard policy", { snapshotConsistency: "CrashConsistent", backupPolicyType: "Standard", appVmCount: "0" }, "snapshotConsistency"],
        ["a suffix without a prefix", { instantRestoreResourceGroupSuffix: "-x" }, "instantRestoreResourceGroupSuffix"],
        ["a prefix with a slash", { instantRestoreResourceGroupPrefix: "rg/backup" }, "instantRestoreResourceGroupPrefix"],
        ["a suffix ending in a period", { instantRestoreResourceGroupPrefix: "rg", instantRestoreResourceGroupSuffix: "x." }, "instantRestoreResourceGroupSuffix"],
        ["a group name over 74 with the counter", { instantRestoreResourceGroupPrefix: "p".repeat(40), instantRestoreResourceGroupSuffix: "s".repeat(33) }, "instantRestoreResourceGroupPrefix + instantRestoreResourceGroupSuffix"],
        ["a LUN the VMs do not have", { appVmDataDiskCount: "2", appVmBackupDiskLuns: "[2]" }, "appVmBackupDiskLuns"],
        ["a LUN twice", { appVmDataDiskCount: "2", appVmBackupDiskLuns: "[0,0]" }, "appVmBackupDiskLuns"],
        ["LUNs that are no list", { appVmDataDiskCount: "2", appVmBackupDiskLuns: "1" }, "appVmBackupDiskLuns"],
        ["disk selection with policy enrolment", { enrolment: "policy", appVmDataDiskCount: "1", appVmBackupDiskLuns: "[0]" }, "appVmBackupDiskLuns"],
        ["an unknown fleet definition", { enrolment: "policy", fleetDefinition: "mine" }, "fleetDefinition"],
        ["Ubuntu 24.04 with the built-in definition", { enrolment: "policy", fleetDefinition: "builtIn", appVmImage: "Canonical:ubuntu-24_04-lts:server:latest" }, "appVmImage"],
    ];
    for (const [what, config, setting] of cases) {
        it(`${what}: ${setting}`, () => expect(refusedSetting(config)).to.equal(setting));
    }
});

describe("issue 21's settings accept good values at the limits", () => {
    const cases: [string, Record<string, string>][] = [
        ["a versioned Key Vault key, 24-character vault, 127-character key", { vaultCmkKeyUri: `https://a${"b".repeat(22)}c.vault.azure.net/keys/${"k".repeat(127)}/${"0123456789abcdef".repeat(2)}` }],
        ["a Managed HSM key with the system-assigned identity", { vaultCmkKeyUri: "https://hsm1.managedhsm.azure.net/keys/k" }],
        ["PermanentlyDisabled acknowledged", { crossSubscriptionRestore: "PermanentlyDisabled", vaultAllowIrreversibleSettings: "true" }],
        ["archive after 90 days with exactly 9 months kept", { archiveTier: "AfterDays", archiveAfterDays: "90", monthlyRetentionMonths: "9" }],
        ["archive as recommended with one yearly point", { archiveTier: "Recommended", yearlyRetentionYears: "1" }],
        ["a group name of 72 characters and the counter", { instantRestoreResourceGroupPrefix: "p".repeat(40), instantRestoreResourceGroupSuffix: "(s)_.-".repeat(5) + "xx" }],
        ["the OS disk alone", { appVmBackupDiskLuns: "[]" }],
        ["the last LUN", { appVmDataDiskCount: "4", appVmBackupDiskLuns: "[3,0]" }],
        ["Ubuntu 22.04 with the built-in definition", { enrolment: "policy", fleetDefinition: "builtIn" }],
        ["RHEL 9 with the custom definition", { enrolment: "policy", appVmImage: "RedHat:RHEL:9-lvm-gen2:latest" }],
    ];
    for (const [what, config] of cases) {
        it(what, () => expect(() => resolveSettings(config)).to.not.throw());
    }
});

describe("the fleet's custom enrolment definition", () => {
    const image = (publisher: string, offer: string, sku: string) => ({ publisher, offer, sku, version: "latest" });

    it("enrols Ubuntu 24.04, RHEL 9, SLES 15, Debian 12 and Windows Server 2025, and still no CoreOS", () => {
        const custom = customEnrolmentDefinition("include");
        for (const covered of [
            image("Canonical", "ubuntu-24_04-lts", "server"),
            image("RedHat", "RHEL", "9-lvm-gen2"),
            image("SUSE", "sles-15-sp6", "gen2"),
            image("Debian", "debian-12", "12-gen2"),
            image("MicrosoftWindowsServer", "WindowsServer", "2025-datacenter-azure-edition"),
        ]) {
            expect(definitionCoversImage(custom, covered), JSON.stringify(covered)).to.equal(true);
        }
        expect(definitionCoversImage(custom, image("kinvolk", "flatcar-container-linux", "stable"))).to.equal(false);
    });

    it("keeps the built-in's parameters, roles and deployment, and writes its image list as Azure Policy conditions", () => {
        const properties = customDefinitionProperties("include");
        expect(Object.keys(properties.parameters)).to.have.members(["vaultLocation", "inclusionTagName", "inclusionTagValue", "backupPolicyId", "effect"]);
        const then = properties.policyRule.then as any;
        expect(then.details.roleDefinitionIds).to.deep.equal(customEnrolmentDefinition("include").roleDefinitionIds);
        expect(then.details.deployment.properties.parameters.protectedItems.value).to.contain("vm;iaasvmcontainerv2;");
        const images = (properties.policyRule.if.allOf.at(-1) as any).anyOf;
        expect(images).to.deep.include({
            allOf: [
                { field: "Microsoft.Compute/imagePublisher", equals: "Debian" },
                { field: "Microsoft.Compute/imageOffer", in: ["debian-11", "debian-12"] },
            ],
        });
        expect(properties.metadata.derivedFrom).to.deep.equal({ id: "/providers/Microsoft.Authorization/policyDefinitions/345fa903-145c-4fe1-8bcd-93ec2adccde8", version: "9.5.0" });
    });

    it("is assigned by the fleet and read back by readiness's coverage rule", async () => {
        const plan = await planReferenceEnvironment({ enrolment: "policy", appVmImage: "Canonical:ubuntu-24_04-lts:server:latest" });
        const definition = onlyResourceOfType(plan, "azure-native:authorization:PolicyDefinition");
        const assignment = onlyResourceOfType(plan, "azure-native:authorization:PolicyAssignment");
        expect(assignment.inputs.policyDefinitionId).to.equal(definition.id);
        const enrolment = enrolmentView({ name: assignment.name, type: assignment.type, props: assignment.inputs } as any);
        expect(enrolment?.definition.version).to.equal("1.0.0");
    });
});

describe("BackupFleet's custom definition and the deploying subscription", () => {
    const fleet = (definition?: string) => () =>
        new BackupFleet("fleet", { resourceGroupName: "vaults", regions: ["westeurope"], scope: "/subscriptions/11111111-2222-3333-4444-555555555555", definition });
    const deployingFrom = (subscriptionId: string) => (token: string) => (token === "azure-native:authorization:getClientConfig" ? { subscriptionId, tenantId: "t", clientId: "c", objectId: "o" } : undefined);

    it("refuses a scope in another subscription than the deploying one, naming scope", async () => {
        const err = await planFailure(fleet(), deployingFrom("99999999-2222-3333-4444-555555555555"));
        expect(err).to.be.instanceOf(InvalidSettingError);
        expect((err as InvalidSettingError).setting).to.equal("scope");
        expect((err as Error).message).to.contain('definition "builtIn"');
    });

    it("accepts it in the deploying subscription, and any scope with the built-in", async () => {
        expect(await planFailure(fleet(), deployingFrom("11111111-2222-3333-4444-555555555555"))).to.equal(undefined);
        expect(await planFailure(fleet("builtIn"), deployingFrom("99999999-2222-3333-4444-555555555555"))).to.equal(undefined);
    });
});

describe("docs/vault.md's comparison with Azure Verified Modules", () => {
    it("names only settings Pulumi.yaml declares", () => {
        const page = fs.readFileSync(path.join(PROJECT_DIR, "docs", "vault.md"), "utf8");
        const declared = Object.keys((yaml.load(fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), "utf8")) as { config: Record<string, unknown> }).config);
        const table = page.slice(page.indexOf("| Feature | this project |"));
        const rows = table.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| ---") && !line.startsWith("| Feature"));
        expect(rows.length).to.be.greaterThan(8);
        for (const row of rows) {
            const project = row.split("|")[2];
            for (const [, name] of project.matchAll(/`([A-Za-z]+)`/g)) {
                expect(declared, `${name} in "${row}"`).to.include(name);
            }
        }
    });
});
