/**
 * Azure's facts and limits the checks rest on (policy/rulebook/regions.ts, limits.ts), and the
 * one ARM id parser: each rule refuses the first value past it, in one line naming the setting or
 * argument, and takes the largest value it allows.
 */
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { BackupFleet, BackupMonitoring, BackupProxy, BackupVault, LinuxProxyClient, NsgLockdown, RestoreDrill } from "../components";
import { resolveSettings, RawConfig } from "../settings";
import { InvalidSettingError } from "../policy/rulebook/errors";
import { AZURE_REGIONS, backupRedundancyProblem } from "../policy/rulebook/regions";
import { REGIONS_WITH_ZONES } from "../policy/rulebook/zones";
import { ACTION_GROUP_LIMITS, EMAIL_ADDRESS_MAX_LENGTH, LOAD_BALANCER_LIMITS, LOCK_LIMITS, POLICY_ASSIGNMENT_NAME, resourceLimitProblems } from "../policy/rulebook/limits";
import { TAG_LIMITS } from "../policy/rulebook/platform";
import { VAULT_LOCK } from "../lib/vaultSettings";
import { PROXY_COUNT } from "../lib/proxyLayout";
import { planFailure, planProgram } from "./support/plan";
import { ED25519_KEY } from "./support/sshKeys";

const GUID = "11111111-2222-3333-4444-555555555555";
const GROUP = `/subscriptions/${GUID}/resourceGroups/sec`;
const VAULT = `${GROUP}/providers/Microsoft.RecoveryServices/vaults/vault1`;
const VNET = `${GROUP}/providers/Microsoft.Network/virtualNetworks/vnet1`;

/** The one-line message a configuration is refused with, or undefined when it resolves. */
function refusal(config: RawConfig): string | undefined {
    try {
        resolveSettings(config);
        return undefined;
    } catch (error) {
        expect(error).to.be.instanceOf(InvalidSettingError);
        return (error as Error).message;
    }
}

async function componentRefusal(program: () => void): Promise<string> {
    const error = await planFailure(program);
    expect(error, "refused").to.be.instanceOf(InvalidSettingError);
    const message = (error as Error).message;
    expect(message).not.to.include("\n");
    return message;
}

describe("Azure's regions", () => {
    it("refuses a region Azure does not have in every region setting, naming it; takes every listed region in either form", () => {
        expect(refusal({ location: "westeurop", vaultLocation: "westeurop" })).to.match(/^azure-native:location: must be a public Azure region in Microsoft's region list .*did you mean "westeurope"\?; got "westeurop"$/);
        expect(refusal({ vaultLocation: "europewest" })).to.match(/^vaultLocation: must be a public Azure region/);
        expect(refusal({ enrolment: "policy", fleetRegions: '["westeurope","mars"]' })).to.match(/^fleetRegions\[1\]: must be a public Azure region .*got "mars"$/);
        for (const [name, region] of Object.entries(AZURE_REGIONS)) {
            const redundancy = region.pair === null ? { storageRedundancy: "LocallyRedundant" } : {};
            expect(refusal({ location: name, vaultLocation: region.displayName, ...redundancy }), name).to.equal(undefined);
        }
    });

    it("keeps the zone list and the pairs of one extract: each pair a listed region", () => {
        expect(REGIONS_WITH_ZONES).to.include.members(["westeurope", "northeurope", "eastus2", "italynorth"]).and.not.include("ukwest");
        for (const [name, region] of Object.entries(AZURE_REGIONS)) {
            expect(region.pair === undefined || region.pair === null || region.pair in AZURE_REGIONS, `${name}'s pair`).to.equal(true);
        }
    });

    it("refuses a region in a component's location or a fleet's regions", async () => {
        expect(await componentRefusal(() => new BackupVault("backup", { resourceGroupName: "rg", location: "west europe 2" }))).to.match(/^location: must be a public Azure region/);
        expect(await componentRefusal(() => new BackupFleet("fleet", { resourceGroupName: "rg", regions: ["westeurope", "narnia"], scope: GROUP }))).to.match(/^regions\[1\]: must be a public Azure region .*got "narnia"$/);
    });
});

describe("Azure Backup's storage redundancy per region", () => {
    it("refuses ZoneRedundant where the region has no zones, and takes it where it has", () => {
        expect(refusal({ location: "ukwest", vaultLocation: "ukwest", storageRedundancy: "ZoneRedundant" })).to.equal(
            'storageRedundancy: must be "GeoRedundant" or "LocallyRedundant" in vaultLocation "ukwest": UK West has no availability zones, so Azure Backup offers no ZoneRedundant storage there; got "ZoneRedundant"',
        );
        expect(refusal({ location: "uksouth", vaultLocation: "uksouth", storageRedundancy: "ZoneRedundant" })).to.equal(undefined);
    });

    it("offers exactly the redundancies the region has, naming the region setting the user set", () => {
        // germanynorth has no zones but a pair: GeoRedundant and LocallyRedundant both plan there.
        expect(refusal({ location: "germanynorth", storageRedundancy: "ZoneRedundant" })).to.equal(
            'storageRedundancy: must be "GeoRedundant" or "LocallyRedundant" in azure-native:location "germanynorth": Germany North has no availability zones, so Azure Backup offers no ZoneRedundant storage there; got "ZoneRedundant"',
        );
        for (const storageRedundancy of ["GeoRedundant", "LocallyRedundant"]) {
            expect(refusal({ location: "germanynorth", storageRedundancy })).to.equal(undefined);
        }
        expect(refusal({ location: "germanynorth", vaultLocation: "germanynorth", storageRedundancy: "ZoneRedundant" })).to.match(/^storageRedundancy: must be "GeoRedundant" or "LocallyRedundant" in vaultLocation "germanynorth"/);
    });

    it("refuses GeoRedundant (the default) where the region has no pair, and takes LocallyRedundant and ZoneRedundant there", () => {
        expect(refusal({ location: "italynorth", vaultLocation: "italynorth" })).to.equal(
            'storageRedundancy: must be "ZoneRedundant" or "LocallyRedundant" in vaultLocation "italynorth": Italy North has no paired region, so Azure Backup offers no GeoRedundant storage there; got "GeoRedundant"',
        );
        for (const storageRedundancy of ["LocallyRedundant", "ZoneRedundant"]) {
            expect(refusal({ location: "italynorth", vaultLocation: "italynorth", storageRedundancy })).to.equal(undefined);
        }
        expect(refusal({ location: "westeurope", vaultLocation: "westeurope", storageRedundancy: "GeoRedundant", crossRegionRestore: "true", vaultPublicNetworkAccess: "Enabled" })).to.equal(undefined);
    });

    it("checks each fleet region, and the vault and fleet components", async () => {
        expect(refusal({ enrolment: "policy", fleetRegions: '["westeurope","polandcentral"]' })).to.match(/^storageRedundancy: must be .* in fleetRegions\[1\] "polandcentral": Poland Central has no paired region/);
        expect(await componentRefusal(() => new BackupVault("backup", { resourceGroupName: "rg", location: "mexicocentral" }))).to.match(/^storageRedundancy: must be .* in location "mexicocentral"/);
        expect(await componentRefusal(() => new BackupFleet("fleet", { resourceGroupName: "rg", regions: ["ukwest"], scope: GROUP, storageRedundancy: "ZoneRedundant" }))).to.match(/^storageRedundancy: must be "GeoRedundant" or "LocallyRedundant" in regions "ukwest"/);
    });

    it("names Cross Region Restore where a region has no pair to restore from", () => {
        expect(backupRedundancyProblem("qatarcentral", "LocallyRedundant", true)).to.deep.equal({ choice: "crossRegionRestore", reason: "Qatar Central has no paired region, so Azure Backup offers no Cross Region Restore there" });
        expect(backupRedundancyProblem("northeurope", "GeoRedundant", true)).to.equal(undefined);
    });

    it("refuses nothing on a region whose pair or zones Microsoft's lists did not confirm", () => {
        for (const name of ["chilecentral", "malaysiawest", "jioindiawest"]) {
            expect(backupRedundancyProblem(name, "GeoRedundant", true), name).to.equal(undefined);
            expect(backupRedundancyProblem(name, "ZoneRedundant", false), name).to.equal(undefined);
        }
        expect(backupRedundancyProblem("swedensouth", "ZoneRedundant", true)).to.equal(undefined);
        expect(backupRedundancyProblem("ukwest", "ZoneRedundant", false)?.reason).to.equal("UK West has no availability zones, so Azure Backup offers no ZoneRedundant storage there");
    });
});

describe("resource limits", () => {
    const email = (length: number) => `${"a".repeat(length - "@example.com".length)}@example.com`;

    it("alertEmails: up to 1000 addresses (an action group's e-mail receivers), each up to 64 characters (Azure Monitor's limit)", () => {
        const many = (count: number) => JSON.stringify(Array.from({ length: count }, (_, i) => `ops${i}@example.com`));
        expect(refusal({ alertEmails: many(ACTION_GROUP_LIMITS.emailReceivers) })).to.equal(undefined);
        expect(refusal({ alertEmails: many(ACTION_GROUP_LIMITS.emailReceivers + 1) })).to.equal("alertEmails: must be at most 1000 addresses, an action group's limit of e-mail receivers; got \"1001 addresses\"");
        expect(refusal({ alertEmails: JSON.stringify([email(EMAIL_ADDRESS_MAX_LENGTH)]) })).to.equal(undefined);
        expect(refusal({ alertEmails: JSON.stringify([email(EMAIL_ADDRESS_MAX_LENGTH + 1)]) })).to.match(/^alertEmails\[0\]: must be a list of e-mail addresses .* of up to 64 characters; got "a+@example.com"$/);
    });

    const tags = (count: number, nameLength = 3, valueLength = 1) =>
        JSON.stringify(Object.fromEntries(Array.from({ length: count }, (_, i) => [`${i}`.padStart(nameLength, "t"), "v".repeat(valueLength)])));

    it("tags: up to 50, names up to 512 characters, values up to 256", () => {
        expect(refusal({ tags: tags(TAG_LIMITS.maxTags) })).to.equal(undefined);
        expect(refusal({ tags: tags(TAG_LIMITS.maxTags + 1) })).to.match(/^tags: must be an object of up to 50 tags/);
        expect(refusal({ tags: tags(1, 512, 256) })).to.equal(undefined);
        expect(refusal({ tags: tags(1, 513) })).to.match(/^tags: must be/);
        expect(refusal({ tags: tags(1, 3, 257) })).to.match(/^tags: must be/);
    });

    it("tags: names up to 128 characters where the restore drill's staging storage account gets them, in the settings and the RestoreDrill component", async () => {
        expect(refusal({ restoreDrill: "true", tags: tags(1, 128, 256) })).to.equal(undefined);
        expect(refusal({ restoreDrill: "true", tags: tags(1, 129) })).to.equal(
            `tags: must be tag names of up to 128 characters: the restore drill's staging storage account gets them, and a storage account takes no longer ones; got "${"t".repeat(128)}0"`,
        );
        expect(refusal({ tags: tags(1, 129) })).to.equal(undefined);
        const drill = (name: string) => () => new RestoreDrill("drill", { vaultId: VAULT, location: "westeurope", virtualNetworkId: VNET, quarantineSubnetPrefix: "10.0.250.0/24", vmNames: ["app-1"], tags: { [name]: "v" } });
        expect(await componentRefusal(drill("k".repeat(129)))).to.match(/^tags: must be tag names of up to 128 characters: the drill's staging storage account gets them/);
    });

    it("tags: names that differ only in case are one tag to Azure, in tags and against enrolmentTag", () => {
        expect(refusal({ tags: '{"Backup":"weekly","backup":"daily"}' })).to.equal(
            'tags: must be tag names that differ in more than case: Azure\'s tag names ignore case, so "Backup" and "backup" are one tag; got {"Backup":"weekly","backup":"daily"}',
        );
        expect(refusal({ tags: '{"Backup":"weekly"}', enrolment: "policy" })).to.equal(
            'tags: must be tag names other than enrolmentTag\'s "backup" in any case: the app VMs carry both, and Azure\'s tag names ignore case, so one would replace the other; got "Backup"',
        );
        expect(refusal({ tags: '{"env":"prod"}', enrolment: "policy", enrolmentTag: "env=dev" })).to.match(/^tags: must be tag names other than enrolmentTag's "env" in any case: .*; got "env"$/);
        expect(refusal({ tags: '{"env":"prod","Backups":"x"}', enrolment: "policy" })).to.equal(undefined);
        expect(refusal({ tags: '{"Backup":"weekly"}' })).to.equal(undefined);
    });

    it("the project's fixed values pass the same checks as any stack's: the vault lock, and the most proxies in one backend pool", () => {
        const lock = { type: "azure-native:authorization:ManagementLockByScope", name: "backup-lock", urn: "urn:pulumi:test::test::lock::backup-lock", props: { ...VAULT_LOCK } };
        expect(resourceLimitProblems(lock)).to.deep.equal([]);
        expect(resourceLimitProblems({ ...lock, props: { ...VAULT_LOCK, notes: VAULT_LOCK.notes.padEnd(LOCK_LIMITS.notesLength + 1, ".") } })).to.have.length(1);
        expect(PROXY_COUNT.max).to.be.at.most(LOAD_BALANCER_LIMITS.backendPoolSize);
    });

    it("a fleet's policy assignment names: taken at 64 when, cut, they stay apart", async () => {
        const fits = "f".repeat(POLICY_ASSIGNMENT_NAME.length - "-westeurope".length);
        const plan = await planProgram(() => new BackupFleet(fits, { resourceGroupName: "rg", regions: ["westeurope", "northeurope"], scope: GROUP }));
        const names = plan.resources.filter((r) => r.type === "azure-native:authorization:PolicyAssignment").map((r) => r.inputs.policyAssignmentName as string);
        expect(names).to.have.members([`${fits}-westeurope`, `${fits}-northeurope`.slice(0, 64)]);
    });

    it("a fleet's policy assignment names: refused when, cut to 64, two regions' names are the same", async () => {
        const long = "f".repeat(POLICY_ASSIGNMENT_NAME.length - "-west".length);
        expect(await componentRefusal(() => new BackupFleet(long, { resourceGroupName: "rg", regions: ["westeurope", "westus2"], scope: GROUP }))).to.equal(
            `name of BackupFleet "${long}": must be a name whose policy assignment names ("<name>-<region>", cut to 64) Azure takes: one per region, yet cut to 64 characters two are the same; got "${long}-west"`,
        );
    });

    it("retiredVms: up to app-vm-1000, the most VMs a vault protects; app-vm-1001 could never have been created", () => {
        expect(refusal({ retiredVms: '["app-vm-1000","win-vm-1000"]' })).to.equal(undefined);
        expect(refusal({ retiredVms: '["app-vm-1001"]' })).to.equal(
            'retiredVms[0]: must be a name this stack could have created: app-vm-N or win-vm-N with N up to 1000 (a Recovery Services vault protects up to 1000 Azure VMs); got "app-vm-1001"',
        );
    });
});

describe("ARM ids, one strict parser", () => {
    const form = (type: string) => `an ARM id of the form /subscriptions/<guid>/resourceGroups/<group>/providers/${type}`;
    const wrongSubscription = (id: string) => id.replace(GUID, "production");
    const IDS = {
        workspace: `${GROUP}/providers/Microsoft.OperationalInsights/workspaces/logs`,
        identity: `${GROUP}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/backup-cmk`,
        guard: `${GROUP}/providers/Microsoft.DataProtection/resourceGuards/guard`,
        zone: `${GROUP}/providers/Microsoft.Network/privateDnsZones/privatelink.we.backup.windowsazure.com`,
        vault: `${GROUP}/providers/Microsoft.RecoveryServices/vaults/vault1`,
        subnet: `${GROUP}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/proxy`,
        nsg: `${GROUP}/providers/Microsoft.Network/networkSecurityGroups/nsg`,
        vm: `${GROUP}/providers/Microsoft.Compute/virtualMachines/web-1`,
    };
    const KEY = "https://contoso-kv.vault.azure.net/keys/backup-key";

    /** Per id setting: its configuration with an id, and the start of its error. */
    const SETTINGS: [string, (id: string) => RawConfig, string, RegExp][] = [
        ["logAnalyticsWorkspaceId", (id) => ({ logAnalyticsWorkspaceId: id }), IDS.workspace, /^logAnalyticsWorkspaceId: must be an ARM id of the form .*Microsoft\.OperationalInsights\/workspaces\/<name>; got/],
        ["vaultCmkIdentityId", (id) => ({ vaultCmkKeyUri: KEY, vaultCmkIdentityId: id }), IDS.identity, /^vaultCmkIdentityId: must be an ARM id of the form .*userAssignedIdentities\/<name>; got/],
        ["resourceGuardId", (id) => ({ resourceGuardId: id }), IDS.guard, /^resourceGuardId: must be an ARM id of the form .*resourceGuards\/<name>; got/],
        ["vaultPrivateDnsZoneIds", (id) => ({ vaultPrivateEndpoint: "true", vaultPrivateDnsZoneIds: JSON.stringify([id]) }), IDS.zone, /^vaultPrivateDnsZoneIds\[0\]: must be a private DNS zone id, \/subscriptions\/<guid>\//],
        ["fleetScope", (id) => ({ enrolment: "policy", fleetScope: id }), GROUP, /^fleetScope: must be a subscription id \/subscriptions\/<guid> or a resource group id/],
    ];

    for (const [setting, config, good, message] of SETTINGS) {
        it(`${setting}: refuses a non-GUID subscription and another type`, () => {
            expect(refusal(config(wrongSubscription(good))), "non-GUID subscription").to.match(message);
            expect(refusal(config(IDS.vm)), "wrong type").to.match(message);
            expect(refusal(config(good.toUpperCase().replace("/SUBSCRIPTIONS/", "/subscriptions/")))).not.to.match(message);
        });
    }

    /** Per id argument: a component given the id, and the start of its error. */
    const ARGUMENTS: [string, (id: string) => void, string, string][] = [
        ["BackupVault virtualMachineIds", (id) => new BackupVault("backup", { resourceGroupName: "rg", location: "westeurope", virtualMachineIds: [IDS.vm, id] }), IDS.vm, `virtualMachineIds[1] (vm web-1) of BackupVault "backup": must be ${form("Microsoft.Compute/virtualMachines/<name>")}`],
        ["BackupVault privateEndpointSubnetId", (id) => new BackupVault("backup", { resourceGroupName: "rg", location: "westeurope", privateEndpointSubnetId: id }), IDS.subnet, "privateEndpointSubnetId: must be"],
        ["BackupMonitoring vaultId", (id) => new BackupMonitoring("mon", { resourceGroupName: "rg", location: "westeurope", vaultId: id }), IDS.vault, `vaultId: must be ${form("Microsoft.RecoveryServices/vaults/<name>")}`],
        ["BackupMonitoring logAnalyticsWorkspaceId", (id) => new BackupMonitoring("mon", { resourceGroupName: "rg", location: "westeurope", vaultId: IDS.vault, logAnalyticsWorkspaceId: id }), IDS.workspace, "logAnalyticsWorkspaceId: must be"],
        ["BackupProxy subnetId", (id) => new BackupProxy("proxy", { resourceGroupName: "rg", location: "westeurope", subnetId: id, subnetAddressPrefix: "10.0.0.0/24", clientAddressPrefixes: ["10.0.0.0/16"], sshPublicKey: ED25519_KEY }), IDS.subnet, `subnetId: must be ${form("Microsoft.Network/virtualNetworks/<name>/subnets/<name>")}`],
        ["NsgLockdown existingSubnetId", (id) => new NsgLockdown("nsg", { resourceGroupName: "rg", location: "westeurope", proxyIp: "10.0.0.5", clientAddressPrefixes: ["10.0.0.0/16"], existingSubnetId: id }), IDS.subnet, "existingSubnetId: must be"],
        ["NsgLockdown existingNetworkSecurityGroupId", (id) => new NsgLockdown("nsg", { resourceGroupName: "rg", location: "westeurope", proxyIp: "10.0.0.5", clientAddressPrefixes: ["10.0.0.0/16"], existingNetworkSecurityGroupId: id }), IDS.nsg, "existingNetworkSecurityGroupId: must be"],
        ["LinuxProxyClient vmId", (id) => new LinuxProxyClient("web-1-proxy", { vmId: id, proxyIp: "10.0.0.5", location: "westeurope" }), IDS.vm, 'vmId (vm web-1) of LinuxProxyClient "web-1-proxy": must be'],
        ["BackupFleet scope", (id) => new BackupFleet("fleet", { resourceGroupName: "rg", regions: ["westeurope"], scope: pulumi.output(id) }), GROUP, "scope: must be a subscription id /subscriptions/<guid>"],
    ];

    for (const [argument, program, good, start] of ARGUMENTS) {
        it(`${argument}: refuses a non-GUID subscription and another type`, async () => {
            expect(await componentRefusal(() => program(wrongSubscription(good))), "non-GUID subscription").to.satisfy((m: string) => m.startsWith(start));
            const other = good === IDS.nsg ? IDS.subnet : IDS.nsg;
            const message = await componentRefusal(() => program(other));
            expect(message.startsWith(start.replace(" (vm web-1)", "")), message).to.equal(true);
        });
    }
});
