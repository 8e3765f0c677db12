/**
 * A private endpoint for the vault (`vaultPrivateEndpoint`): the endpoint, the private DNS zones,
 * their links and the zone group, compared with the request bodies of Azure's own examples at the
 * API versions azure-native 3.28 sends (Azure/azure-rest-api-specs: network 2024-05-01
 * specification/network/resource-manager/Microsoft.Network/stable/2024-05-01/examples/PrivateEndpointCreate.json
 * and PrivateEndpointDnsZoneGroupCreate.json; privatedns 2024-06-01
 * specification/privatedns/resource-manager/Microsoft.Network/stable/2024-06-01/examples/PrivateZonePut.json
 * and VirtualNetworkLinkPut.json); the settings' checks; readiness, the offline diff and the policy.
 */
import { expect } from "chai";
import { BackupVault } from "../components";
import { Plan, PlannedResource } from "../plan/engine";
import { diffPlans } from "../plan/diff";
import { isFailing, readinessReport } from "../plan/readiness";
import { vaultPublicAccessWithoutPrivateEndpoint } from "../policy/policies";
import { InvalidSettingError } from "../policy/rulebook/errors";
import { BACKUP_GEO_CODES, privateEndpointFinding, ResourceLike } from "../policy/rulebook";
import { resolveSettings } from "../settings";
import { onlyResourceOfType, planFailure, planReferenceEnvironment, resourcesOfType } from "./support/plan";

const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";
const RG = `${SUB}/resourceGroups/backup-ready`;
const VNET_ID = `${RG}/providers/Microsoft.Network/virtualNetworks/backup-ready-vnet`;
const ZONES_RG = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones";
const EXISTING_ZONES = [`${ZONES_RG}/privatelink.we.backup.windowsazure.com`, `${ZONES_RG}/privatelink.blob.core.windows.net`, `${ZONES_RG}/privatelink.queue.core.windows.net`];

/**
 * The REST body azure-native sends for a resource: the URL's names and the top-level fields out,
 * everything else under `properties`, and sub-resources (`name` beside their `properties`) likewise.
 */
function restBody(resource: PlannedResource, urlNames: string[], subResources: string[] = []): Record<string, unknown> {
    const top = ["location", "tags"];
    const body: Record<string, unknown> = {};
    const properties: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(resource.inputs)) {
        if (urlNames.includes(key) || value === undefined) {
            continue;
        }
        if (top.includes(key)) {
            body[key] = value;
        } else if (subResources.includes(key)) {
            properties[key] = (value as Array<Record<string, unknown>>).map(({ name, ...rest }) => ({ ...(name === undefined ? {} : { name }), properties: rest }));
        } else {
            properties[key] = value;
        }
    }
    return Object.keys(properties).length > 0 ? { ...body, properties } : body;
}

describe("a private endpoint for the vault (vaultPrivateEndpoint)", () => {
    let plan: Plan;
    let vaultId: string;
    before(async () => {
        plan = await planReferenceEnvironment({ vaultPrivateEndpoint: "true", appVmCount: "2" });
        vaultId = onlyResourceOfType(plan, "azure-native:recoveryservices:Vault").id as string;
    });

    it("puts the endpoint (group AzureBackup, to the vault) in a /26 of its own, shaped as Azure's PrivateEndpointCreate example", () => {
        const subnet = resourcesOfType(plan, "azure-native:network:Subnet").find((s) => s.name === "vault-pe-subnet") as PlannedResource;
        expect(subnet.inputs).to.include({ addressPrefix: "10.0.2.0/26", defaultOutboundAccess: false });
        const endpoint = onlyResourceOfType(plan, "azure-native:network:PrivateEndpoint");
        expect(restBody(endpoint, ["resourceGroupName", "privateEndpointName"], ["privateLinkServiceConnections"])).to.deep.equal({
            location: "westeurope",
            properties: {
                privateLinkServiceConnections: [{ name: "AzureBackup", properties: { privateLinkServiceId: vaultId, groupIds: ["AzureBackup"] } }],
                // The SDK's subnetArgsProvideDefaults adds the subnet's two policy defaults to any subnet it sends.
                subnet: { id: subnet.id, privateEndpointNetworkPolicies: "Disabled", privateLinkServiceNetworkPolicies: "Enabled" },
            },
        });
        expect(onlyResourceOfType(plan, "azure-native:recoveryservices:Vault").inputs).to.deep.include({ identity: { type: "SystemAssigned" } });
        expect((onlyResourceOfType(plan, "azure-native:recoveryservices:Vault").inputs.properties as Record<string, unknown>).publicNetworkAccess).to.equal("Disabled");
    });

    it("creates the three zones (location global) linked to the VNet without registration, as PrivateZonePut and VirtualNetworkLinkPut send them", () => {
        const zones = resourcesOfType(plan, "azure-native:privatedns:PrivateZone");
        expect(zones.map((zone) => zone.inputs.privateZoneName)).to.deep.equal(["privatelink.we.backup.windowsazure.com", "privatelink.blob.core.windows.net", "privatelink.queue.core.windows.net"]);
        zones.forEach((zone) => expect(restBody(zone, ["resourceGroupName", "privateZoneName"])).to.deep.equal({ location: "global" }));
        const links = resourcesOfType(plan, "azure-native:privatedns:VirtualNetworkLink");
        expect(links.map((link) => link.inputs.privateZoneName)).to.deep.equal(zones.map((zone) => zone.inputs.privateZoneName));
        links.forEach((link) =>
            expect(restBody(link, ["resourceGroupName", "privateZoneName", "virtualNetworkLinkName"])).to.deep.equal({
                location: "global",
                properties: { virtualNetwork: { id: VNET_ID }, registrationEnabled: false },
            }),
        );
    });

    it("writes one zone group naming each zone, as PrivateEndpointDnsZoneGroupCreate does", () => {
        const group = onlyResourceOfType(plan, "azure-native:network:PrivateDnsZoneGroup");
        const zoneIds = resourcesOfType(plan, "azure-native:privatedns:PrivateZone").map((zone) => zone.id);
        expect(group.inputs.privateEndpointName).to.equal(onlyResourceOfType(plan, "azure-native:network:PrivateEndpoint").inputs.privateEndpointName);
        expect(restBody(group, ["resourceGroupName", "privateEndpointName", "privateDnsZoneGroupName"], ["privateDnsZoneConfigs"])).to.deep.equal({
            properties: { privateDnsZoneConfigs: ["backup", "blob", "queue"].map((name, i) => ({ name, properties: { privateDnsZoneId: zoneIds[i] } })) },
        });
    });

    it("makes every protected item wait for the endpoint and its zone group", () => {
        const items = resourcesOfType(plan, "azure-native:recoveryservices:ProtectedItem");
        expect(items).to.have.length(2);
        const first = [onlyResourceOfType(plan, "azure-native:network:PrivateEndpoint").urn, onlyResourceOfType(plan, "azure-native:network:PrivateDnsZoneGroup").urn];
        items.forEach((item) => expect(item.dependencies, item.name).to.include.members(first));
    });

    it("is ready, with a readiness line for the endpoint and its DNS", () => {
        for (const vm of readinessReport(plan)) {
            expect(vm.checks.filter(isFailing), vm.vm).to.deep.equal([]);
            const line = vm.checks.find((check) => check.check === "vault private endpoint and DNS");
            expect(line?.pass, vm.vm).to.equal(true);
            expect(line?.why).to.contain("privatelink.we.backup.windowsazure.com (linked)").and.contain("privatelink.queue.core.windows.net (linked)");
        }
    });

    it("readiness fails the line when a zone is not linked, or an item does not wait", () => {
        const resources: ResourceLike[] = plan.resources.map((r) => ({ type: r.type, name: r.name, urn: r.urn, props: { id: r.id, ...r.inputs }, dependencies: r.dependencies }));
        const vault = resources.find((r) => r.type === "azure-native:recoveryservices:Vault") as ResourceLike;
        const unlinked = resources.filter((r) => !(r.type === "azure-native:privatedns:VirtualNetworkLink" && r.props.privateZoneName === "privatelink.blob.core.windows.net"));
        expect(privateEndpointFinding(vault, unlinked)).to.deep.include({ pass: false }).and.have.property("why").that.matches(/^zone privatelink\.blob\.core\.windows\.net is not linked/);
        const hasty = resources.map((r) => (r.type === "azure-native:recoveryservices:ProtectedItem" ? { ...r, dependencies: [] } : r));
        expect(privateEndpointFinding(vault, hasty)?.why).to.match(/does not wait for private endpoint/);
        const noGroup = resources.filter((r) => r.type !== "azure-native:network:PrivateDnsZoneGroup");
        expect(privateEndpointFinding(vault, noGroup)?.why).to.match(/has no DNS zone group/);
    });

    it("uses existing zones given by id: none created, the zone group names them", async () => {
        const existing = await planReferenceEnvironment({ vaultPrivateEndpoint: "true", vaultPrivateDnsZoneIds: JSON.stringify(EXISTING_ZONES) });
        expect(resourcesOfType(existing, "azure-native:privatedns:PrivateZone")).to.deep.equal([]);
        expect(resourcesOfType(existing, "azure-native:privatedns:VirtualNetworkLink")).to.deep.equal([]);
        const configs = onlyResourceOfType(existing, "azure-native:network:PrivateDnsZoneGroup").inputs.privateDnsZoneConfigs as Array<{ privateDnsZoneId: string }>;
        expect(configs.map((config) => config.privateDnsZoneId)).to.deep.equal(EXISTING_ZONES);
        const line = readinessReport(existing)[0].checks.find((check) => check.check === "vault private endpoint and DNS");
        expect(line).to.deep.include({ pass: true });
        expect(line?.why).to.contain("an existing zone: its link to the VNet is its owner's");
    });

    it("gives another region its own geo code", async () => {
        const north = await planReferenceEnvironment({ vaultPrivateEndpoint: "true", "azure-native:location": "northeurope" });
        expect(resourcesOfType(north, "azure-native:privatedns:PrivateZone")[0].inputs.privateZoneName).to.equal("privatelink.ne.backup.windowsazure.com");
        expect(BACKUP_GEO_CODES.eastus2).to.equal("eus2");
    });

    it("leaves the default plan without endpoint, zones or endpoint subnet", async () => {
        const plain = await planReferenceEnvironment();
        for (const type of ["azure-native:network:PrivateEndpoint", "azure-native:network:PrivateDnsZoneGroup", "azure-native:privatedns:PrivateZone", "azure-native:privatedns:VirtualNetworkLink"]) {
            expect(resourcesOfType(plain, type), type).to.deep.equal([]);
        }
    });

    it("works with connectivity none, nothing public in the plan", async () => {
        const quiet = await planReferenceEnvironment({ vaultPrivateEndpoint: "true", connectivity: "none" });
        expect(resourcesOfType(quiet, "azure-native:network:PublicIPAddress")).to.deep.equal([]);
        expect(resourcesOfType(quiet, "azure-native:network:NatGateway")).to.deep.equal([]);
        expect(readinessReport(quiet).flatMap((vm) => vm.checks).filter(isFailing)).to.deep.equal([]);
    });
});

describe("the private endpoint's settings", () => {
    const refused = (raw: Record<string, string>, setting: string, message: RegExp) =>
        expect(() => resolveSettings(raw), JSON.stringify(raw)).to.throw(InvalidSettingError, message).with.property("setting", setting);

    it("takes a /26 at the limit, refuses a /27 naming vaultPrivateEndpointSubnet", () => {
        expect(resolveSettings({ vaultPrivateEndpoint: "true", vaultPrivateEndpointSubnet: "10.0.3.0/26" }).vaultPrivateEndpointSubnet).to.equal("10.0.3.0/26");
        refused({ vaultPrivateEndpoint: "true", vaultPrivateEndpointSubnet: "10.0.3.0/27" }, "vaultPrivateEndpointSubnet", /^vaultPrivateEndpointSubnet: must be a \/26 or larger: a backup private endpoint uses 10 or more private IPs/);
        refused({ vaultPrivateEndpoint: "true", vaultPrivateEndpointSubnet: "10.0.1.0/26" }, "vaultPrivateEndpointSubnet", /apart from appSubnet 10\.0\.1\.0\/24/);
        refused({ vaultPrivateEndpoint: "true", vaultPrivateEndpointSubnet: "10.1.0.0/26" }, "vaultPrivateEndpointSubnet", /inside addressSpace 10\.0\.0\.0\/16/);
    });

    it("derives the subnet from the address space: the first /26 clear of the others, or says the space is too small", () => {
        expect(resolveSettings({ vaultPrivateEndpoint: "true", addressSpace: "10.8.0.0/22" }).vaultPrivateEndpointSubnet).to.equal("10.8.2.0/26");
        expect(resolveSettings({ vaultPrivateEndpoint: "true", proxySubnet: "10.0.0.0/26", appSubnet: "10.0.1.0/24" }).vaultPrivateEndpointSubnet).to.equal("10.0.0.64/26");
        refused({ vaultPrivateEndpoint: "true", addressSpace: "10.8.0.0/23" }, "addressSpace", /large enough for a \/26 beside proxySubnet and appSubnet/);
    });

    it("keeps public access Disabled: Enabled, or Cross Region Restore which needs it, is refused naming vaultPublicNetworkAccess", () => {
        refused({ vaultPrivateEndpoint: "true", vaultPublicNetworkAccess: "Enabled" }, "vaultPublicNetworkAccess", /^vaultPublicNetworkAccess: must be "Disabled" with a vault private endpoint/);
        refused({ vaultPrivateEndpoint: "true", vaultPublicNetworkAccess: "Enabled", crossRegionRestore: "true" }, "vaultPublicNetworkAccess", /Cross Region Restore/);
    });

    it("refuses a region without a known geo code naming azure-native:location, unless the zones are given", () => {
        refused({ vaultPrivateEndpoint: "true", location: "italynorth", storageRedundancy: "ZoneRedundant" }, "azure-native:location", /known Azure Backup geo code .* or set vaultPrivateDnsZoneIds to existing zones/);
        const ids = [`${ZONES_RG}/privatelink.itn.backup.windowsazure.com`, EXISTING_ZONES[1], EXISTING_ZONES[2]];
        expect(resolveSettings({ vaultPrivateEndpoint: "true", location: "italynorth", storageRedundancy: "ZoneRedundant", vaultPrivateDnsZoneIds: JSON.stringify(ids) }).vaultPrivateDnsZoneIds).to.deep.equal(ids);
    });

    it("checks the existing zones: private DNS zone ids, the region's backup zone, blob and queue, three", () => {
        const set = (ids: unknown) => ({ vaultPrivateEndpoint: "true", vaultPrivateDnsZoneIds: JSON.stringify(ids) });
        refused(set([EXISTING_ZONES[0], EXISTING_ZONES[1], `${SUB}/resourceGroups/dns/providers/Microsoft.Network/dnszones/privatelink.queue.core.windows.net`]), "vaultPrivateDnsZoneIds[2]", /a private DNS zone id/);
        refused(set([`${ZONES_RG}/privatelink.ne.backup.windowsazure.com`, EXISTING_ZONES[1], EXISTING_ZONES[2]]), "vaultPrivateDnsZoneIds", /among them privatelink\.we\.backup\.windowsazure\.com/);
        refused(set(EXISTING_ZONES.slice(0, 2)), "vaultPrivateDnsZoneIds", /among them privatelink\.queue\.core\.windows\.net/);
        refused(set([...EXISTING_ZONES, `${ZONES_RG}/privatelink.file.core.windows.net`]), "vaultPrivateDnsZoneIds", /exactly the 3 zones/);
    });

    it("applies only with vaultPrivateEndpoint, and not to a fleet", () => {
        refused({ vaultPrivateEndpointSubnet: "10.0.2.0/26" }, "vaultPrivateEndpointSubnet", /applies only with vaultPrivateEndpoint true; unset it, or set vaultPrivateEndpoint to true/);
        refused({ vaultPrivateDnsZoneIds: JSON.stringify(EXISTING_ZONES) }, "vaultPrivateDnsZoneIds", /applies only with vaultPrivateEndpoint true/);
        refused({ vaultPrivateEndpoint: "true", enrolment: "policy" }, "vaultPrivateEndpoint", /applies only with enrolment "list"/);
        expect(resolveSettings({ vaultPrivateDnsZoneIds: "[]" }).vaultPrivateDnsZoneIds).to.equal(undefined);
    });
});

describe("BackupVault's private endpoint arguments", () => {
    const subnetId = `${RG}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe`;
    const vault = (args: Record<string, unknown>) => () => {
        new BackupVault("backup", { resourceGroupName: "rg", location: "westeurope", ...args });
    };

    it("plans an endpoint from a subnet id alone, its zones from the vault's location", async () => {
        expect(await planFailure(vault({ privateEndpointSubnetId: subnetId }))).to.equal(undefined);
    });

    it("refuses public access Enabled, zone ids without a subnet, and a subnet id of another type, each naming the argument", async () => {
        expect(await planFailure(vault({ privateEndpointSubnetId: subnetId, publicNetworkAccess: "Enabled" }))).to.be.instanceOf(InvalidSettingError).with.property("setting", "publicNetworkAccess");
        expect(await planFailure(vault({ privateDnsZoneIds: EXISTING_ZONES }))).to.be.instanceOf(InvalidSettingError).with.property("setting", "privateDnsZoneIds");
        expect(await planFailure(vault({ privateEndpointSubnetId: VNET_ID }))).to.be.instanceOf(InvalidSettingError).with.property("setting", "privateEndpointSubnetId");
        expect(await planFailure(vault({ privateEndpointSubnetId: subnetId, location: "polandcentral" }))).to.be.instanceOf(InvalidSettingError).with.property("setting", "location");
    });
});

describe("a new private endpoint on a vault that protected items", () => {
    it("is a change the offline diff calls one Azure will refuse", async () => {
        const before = await planReferenceEnvironment();
        const after = await planReferenceEnvironment({ vaultPrivateEndpoint: "true" });
        const endpoint = diffPlans(before, after).find((change) => change.type === "azure-native:network:PrivateEndpoint");
        expect(endpoint?.action).to.equal("create");
        expect(endpoint?.notes?.map((note) => note.kind)).to.deep.equal(["refused"]);
        expect(endpoint?.notes?.[0].text).to.match(/vault vm-backup-vault, which protected items before: Azure will refuse it/);
        const fresh = await planReferenceEnvironment({ appVmCount: "0" });
        const onEmpty = diffPlans(fresh, after).find((change) => change.type === "azure-native:network:PrivateEndpoint");
        expect(onEmpty?.notes).to.equal(undefined);
    });
});

describe("the advisory policy vault-public-access-without-private-endpoint", () => {
    /** A stack policy's resources, props as the engine's outputs (recoveryservices 2024-10-01 and network 2024-05-01 responses, flattened by the SDK). */
    type StackArgs = Parameters<typeof vaultPublicAccessWithoutPrivateEndpoint.validateStack>[0];
    const stub = { stackTags: new Map(), isType: () => false, asType: () => undefined, opts: {}, propertyDependencies: {}, dependencies: [] };
    const vaultOutputs = (publicNetworkAccess: string) => ({
        type: "azure-native:recoveryservices:Vault",
        name: "backup-vault",
        urn: "urn:pulumi:test::p::azure-native:recoveryservices:Vault::backup-vault",
        props: { id: `${RG}/providers/Microsoft.RecoveryServices/vaults/v1`, name: "v1", location: "westeurope", properties: { publicNetworkAccess } },
        ...stub,
    });
    const endpointOutputs = {
        type: "azure-native:network:PrivateEndpoint",
        name: "backup-pe",
        urn: "urn:pulumi:test::p::azure-native:network:PrivateEndpoint::backup-pe",
        props: { name: "pe-v1-backup", privateLinkServiceConnections: [{ name: "AzureBackup", groupIds: ["AzureBackup"], privateLinkServiceId: `${RG}/providers/Microsoft.RecoveryServices/vaults/v1` }] },
        ...stub,
    };
    const run = (resources: unknown[]) => {
        const reported: { message: string; urn?: string }[] = [];
        vaultPublicAccessWithoutPrivateEndpoint.validateStack({ resources, getConfig: () => ({}) } as unknown as StackArgs, (message, urn) => reported.push({ message, urn }));
        return reported;
    };

    it("is advisory, and flags a public vault with no endpoint, naming it", () => {
        expect(vaultPublicAccessWithoutPrivateEndpoint.enforcementLevel).to.equal("advisory");
        const [reported, ...rest] = run([vaultOutputs("Enabled")]);
        expect(rest).to.deep.equal([]);
        expect(reported.urn).to.equal(vaultOutputs("Enabled").urn);
        expect(reported.message).to.match(/^vault "v1" is open to public networks \(publicNetworkAccess Enabled\) and has no private endpoint/);
    });

    it("passes a closed vault, or a public one with a backup endpoint; a Site Recovery endpoint does not count", () => {
        expect(run([vaultOutputs("Disabled")])).to.deep.equal([]);
        expect(run([vaultOutputs("Enabled"), endpointOutputs])).to.deep.equal([]);
        const siteRecovery = { ...endpointOutputs, props: { privateLinkServiceConnections: [{ ...endpointOutputs.props.privateLinkServiceConnections[0], groupIds: ["AzureSiteRecovery"] }] } };
        expect(run([vaultOutputs("Enabled"), siteRecovery])).to.have.length(1);
    });
});
