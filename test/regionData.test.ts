/**
 * Azure's regions online: the subscription's locations list decides which regions a setting or a
 * component takes, and their zones and pairs decide Azure Backup's storage redundancy there.
 * The answers are in the shape of Subscriptions - List Locations, resources 2022-12-01
 * (Azure/azure-rest-api-specs specification/resources/resource-manager/Microsoft.Resources/stable/2022-12-01/subscriptions.json:
 * a LocationListResult `{ value: Location[] }`; entries as in its examples GetLocations.json and
 * GetLocationsWithExtendedLocations.json, with `availabilityZoneMappings` per the Location definition).
 */
import { expect } from "chai";
import { InvalidSettingError } from "../policy/rulebook/errors";
import { ArmLocation, backupRedundancyProblem, REGION_EXTRACT, RegionData, regionDataFromArm, regionZones } from "../policy/rulebook";
import { resolveSettings, RawConfig } from "../settings";
import { azureRegions, knownRegions, lookUpRegions, offlineRegions, useRegionSource } from "../lib/regionData";
import { azureVmSizes } from "../lib/vmSizeData";
import { Plan, runPlan } from "../plan/engine";
import { loadProjectConfig } from "../plan/projectConfig";
import OFFLINE_SIZES from "../lib/vmSizes.offline.json";
import { PROJECT_DIR, resourcesOfType } from "./support/plan";

const SUB = "291bba3f-e0a5-47bc-a099-3bdcb2a50a05";
const TOKEN = "fake-arm-token";
const LOCATIONS_URL = `https://management.azure.com/subscriptions/${SUB}/locations?api-version=2022-12-01`;

/** A Physical region as the list gives it; zones as `availabilityZoneMappings` (logical to physical). */
function physical(name: string, displayName: string, pairs: string[], zones: string[] = []): ArmLocation {
    return {
        id: `/subscriptions/${SUB}/locations/${name}`,
        name,
        type: "Region",
        displayName,
        regionalDisplayName: `(Europe) ${displayName}`,
        metadata: {
            regionType: "Physical",
            regionCategory: "Recommended",
            geographyGroup: "Europe",
            pairedRegion: pairs.map((pair) => ({ name: pair, id: `/subscriptions/${SUB}/locations/${pair}` })),
        },
        ...(zones.length > 0 ? { availabilityZoneMappings: zones.map((zone) => ({ logicalZone: zone, physicalZone: `${name}-az${zone}` })) } : {}),
    } as ArmLocation;
}

/**
 * The fake subscription's list: two regions of the extract, one newer than it (Denmark East is
 * not in policy/rulebook/regions.ts) with zones and no pair, UK West with a pair and no zones, a
 * Logical region, and an edge zone (listed with includeExtendedLocations).
 */
const LOCATIONS: ArmLocation[] = [
    physical("westeurope", "West Europe", ["northeurope"], ["1", "2", "3"]),
    physical("northeurope", "North Europe", ["westeurope"], ["1", "2", "3"]),
    physical("denmarkeast", "Denmark East", [], ["3", "1", "2"]),
    physical("ukwest", "UK West", ["uksouth"]),
    {
        id: `/subscriptions/${SUB}/locations/europe`,
        name: "europe",
        type: "Region",
        displayName: "Europe",
        regionalDisplayName: "Europe",
        metadata: { regionType: "Logical", regionCategory: "Other", geographyGroup: "Europe" },
    } as ArmLocation,
    {
        id: `/subscriptions/${SUB}/locations/westus/edgeZones/microsoftlosangeles1`,
        name: "microsoftlosangeles1",
        type: "EdgeZone",
        displayName: "Microsoft Los Angeles 1",
        metadata: { regionType: "Physical", regionCategory: "Extended", homeLocation: "westus" },
    } as ArmLocation,
];

const ONLINE: RegionData = regionDataFromArm(LOCATIONS);

/** The one-line message the configuration is refused with against `regions`, or undefined when it resolves. */
function refusal(config: RawConfig, regions: RegionData): string | undefined {
    try {
        resolveSettings(config, undefined, { regions, warn: () => undefined });
        return undefined;
    } catch (error) {
        expect(error).to.be.instanceOf(InvalidSettingError);
        expect((error as Error).message).not.to.include("\n");
        return (error as Error).message;
    }
}

describe("Azure's locations list as the region table", () => {
    it("keeps physical regions with their zones and pair, Logical regions apart, and no edge zone", () => {
        expect(ONLINE.fromAzure).to.equal(true);
        expect(Object.keys(ONLINE.regions)).to.have.members(["westeurope", "northeurope", "denmarkeast", "ukwest"]);
        expect(ONLINE.regions.denmarkeast).to.deep.equal({ displayName: "Denmark East", zones: true, zoneNames: ["1", "2", "3"], pair: null });
        expect(ONLINE.regions.ukwest).to.deep.equal({ displayName: "UK West", zones: false, pair: "uksouth" });
        expect(ONLINE.logical).to.deep.equal(["europe"]);
    });

    it("reads the spec's example as it stands: regions without zone mappings have none, pairs as listed", () => {
        // GetLocations.json's two entries, with the fields read here (the example has no zone mappings).
        const example = regionDataFromArm([
            { name: "eastus", type: "Region", displayName: "East US", metadata: { regionType: "Physical", regionCategory: "Recommended", pairedRegion: [{ name: "westus" }] } },
            { name: "eastus2", type: "Region", displayName: "East US 2", metadata: { regionType: "Physical", regionCategory: "Recommended", pairedRegion: [{ name: "centralus" }] } },
        ]);
        expect(example.regions).to.deep.equal({ eastus: { displayName: "East US", zones: false, pair: "westus" }, eastus2: { displayName: "East US 2", zones: false, pair: "centralus" } });
    });

    it("takes a region newer than the extract online, with its zones and lack of a pair; offline it is still refused", () => {
        expect(refusal({ location: "denmarkeast", vaultLocation: "Denmark East", storageRedundancy: "ZoneRedundant" }, ONLINE)).to.equal(undefined);
        expect(refusal({ location: "denmarkeast", vaultLocation: "denmarkeast" }, ONLINE)).to.equal(
            'storageRedundancy: must be "ZoneRedundant" or "LocallyRedundant" in vaultLocation "denmarkeast": Denmark East has no paired region, so Azure Backup offers no GeoRedundant storage there; got "GeoRedundant"',
        );
        expect(refusal({ location: "denmarkeast", vaultLocation: "denmarkeast", storageRedundancy: "ZoneRedundant" }, REGION_EXTRACT)).to.match(
            /^azure-native:location: must be a public Azure region in Microsoft's region list \(policy\/rulebook\/regions\.ts, 2026-12\); got "denmarkeast"$/,
        );
        expect(regionZones("denmarkeast", undefined, ONLINE)).to.deep.equal({ zones: ["1", "2", "3"], source: "Azure's locations list" });
        expect(regionZones("ukwest", undefined, ONLINE)).to.deep.equal({ zones: [], source: "Azure's locations list" });
    });

    it("follows Azure's zones and pairs for Azure Backup's redundancy, and checks every fleet region", () => {
        expect(backupRedundancyProblem("ukwest", "ZoneRedundant", false, ONLINE)?.reason).to.equal("UK West has no availability zones, so Azure Backup offers no ZoneRedundant storage there");
        expect(backupRedundancyProblem("ukwest", "GeoRedundant", true, ONLINE)).to.equal(undefined);
        expect(refusal({ enrolment: "policy", fleetRegions: '["westeurope","denmarkeast"]' }, ONLINE)).to.match(/^storageRedundancy: must be .* in fleetRegions\[1\] "denmarkeast": Denmark East has no paired region/);
        expect(refusal({ enrolment: "policy", fleetRegions: '["westeurope","denmarkeast"]', storageRedundancy: "ZoneRedundant" }, ONLINE)).to.equal(undefined);
    });

    it("refuses a Logical region as a location, naming the setting", () => {
        expect(refusal({ location: "europe", vaultLocation: "europe" }, ONLINE)).to.equal(
            `azure-native:location: must be a physical Azure region: the subscription's locations list from Azure Resource Manager lists it as a Logical region (a geography, not a place for VMs and vaults); got "europe"`,
        );
        expect(refusal({ enrolment: "policy", fleetRegions: '["westeurope","Europe"]' }, ONLINE)).to.match(/^fleetRegions\[1\]: must be a physical Azure region: .* Logical region .*; got "Europe"$/);
    });

    it("refuses a misspelt region in one line naming the setting and the nearest regions Azure lists", () => {
        expect(refusal({ location: "denmarkeats" }, ONLINE)).to.equal(
            `azure-native:location: must be a public Azure region in the subscription's locations list from Azure Resource Manager; did you mean "denmarkeast"?; got "denmarkeats"`,
        );
        // A region the extract has but the subscription's list does not is refused online.
        expect(refusal({ location: "westeurope", vaultLocation: "westeurope2" }, ONLINE)).to.match(/^vaultLocation: must be a public Azure region in the subscription's locations list .*did you mean "westeurope"\?; got "westeurope2"$/);
        expect(refusal({ location: "eastus" }, ONLINE)).to.match(/^azure-native:location: must be a public Azure region in the subscription's locations list from Azure Resource Manager; got "eastus"$/);
    });
});

describe("the program online: Azure's regions read before anything is created", () => {
    const realFetch = globalThis.fetch;
    let requests: { url: string; authorization: string | null }[];

    /** Answers the locations list and the Resource SKUs list (compute 2021-07-01: the offline extract's sizes, offered in the region in zones 1-3). */
    function fakeArm(locations: { status: number; body: unknown }) {
        requests = [];
        globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
            const url = String(input);
            requests.push({ url, authorization: new Headers(init?.headers).get("authorization") });
            if (url.startsWith(`https://management.azure.com/subscriptions/${SUB}/locations?`)) {
                return new Response(JSON.stringify(locations.body), { status: locations.status, headers: { "content-type": "application/json" } });
            }
            const region = decodeURIComponent(url).match(/location eq '([^']+)'/)?.[1] ?? "";
            const skus = OFFLINE_SIZES.map((sku) => ({ ...sku, locations: [region], locationInfo: [{ location: region, zones: ["1", "2", "3"] }] }));
            return new Response(JSON.stringify({ value: skus }), { status: 200, headers: { "content-type": "application/json" } });
        }) as typeof fetch;
    }

    function planOnline(overrides: Record<string, string>): Promise<Plan> {
        const { project, config } = loadProjectConfig(PROJECT_DIR, "test", overrides);
        return runPlan({
            project,
            stack: "test",
            config,
            azure: { regions: azureRegions, vmSizes: azureVmSizes },
            invoke: (token) =>
                token === "azure-native:authorization:getClientToken"
                    ? { token: TOKEN }
                    : token === "azure-native:authorization:getClientConfig"
                      ? { subscriptionId: SUB, tenantId: "t", clientId: "c", objectId: "o" }
                      : undefined,
            program: () => {
                delete require.cache[require.resolve("../index")];
                return require("../index");
            },
        });
    }

    afterEach(() => {
        globalThis.fetch = realFetch;
        useRegionSource(offlineRegions);
    });

    it("plans a vault, its monitoring and the VMs in a region newer than the extract, asking ARM once with the provider's token", async function () {
        this.timeout(120_000);
        fakeArm({ status: 200, body: { value: LOCATIONS } });
        const plan = await planOnline({ "azure-native:location": "denmarkeast", storageRedundancy: "ZoneRedundant" });
        expect(requests.filter(({ url }) => url === LOCATIONS_URL)).to.deep.equal([{ url: LOCATIONS_URL, authorization: `Bearer ${TOKEN}` }]);
        const vault = resourcesOfType(plan, "azure-native:recoveryservices:Vault");
        expect(vault.map((resource) => resource.inputs.location)).to.deep.equal(["denmarkeast"]);
        expect(resourcesOfType(plan, "azure-native:compute:VirtualMachine").length).to.be.greaterThan(0);
        expect(resourcesOfType(plan, "backup-ready:index:BackupMonitoring").map((resource) => resource.name)).to.deep.equal(["monitoring"]);
        // The components created after the read check against Azure's list too.
        expect(knownRegions()).to.deep.equal(ONLINE);
    });

    it("stops with the HTTP error when ARM's list cannot be read, never falling back on the extract", async function () {
        this.timeout(120_000);
        fakeArm({ status: 403, body: { error: { code: "AuthorizationFailed", message: "no read access" } } });
        let error: unknown;
        try {
            await planOnline({ "azure-native:location": "westeurope" });
        } catch (caught) {
            error = caught;
        }
        expect(String((error as Error)?.message)).to.match(/^reading Azure's regions \(the subscription's locations list\): HTTP 403 .*AuthorizationFailed/);
        // One line for the user, as a settings error is: no stack for cmd/run's util.inspect to loop over (policy/rulebook/errors.ts).
        expect((error as Error).stack).to.equal(`AzureReadError: ${(error as Error).message}`);
        expect((error as { __pulumiRunError?: boolean }).__pulumiRunError).to.equal(true);
        await lookUpRegions().then(
            () => expect.fail("the failed read is kept, not replaced by the extract"),
            (reason: Error) => expect(reason.message).to.include("HTTP 403"),
        );
    });
});
