/** Where the proxies may spread: a region's availability zones, from Azure's SKU data or Microsoft's list. */
import { expect } from "chai";
import { regionZones, ResourceSku, skuZones, vmSizeData } from "../policy/rulebook";

/** One entry of the Resource SKUs list (api-version 2021-07-01) as ARM returns it: zones per location, restrictions with restrictionInfo. */
const B2S: ResourceSku = {
    resourceType: "virtualMachines",
    name: "Standard_B2s",
    locations: ["westeurope"],
    locationInfo: [{ location: "westeurope", zones: ["3", "1", "2"] }],
    restrictions: [{ type: "Zone", reasonCode: "NotAvailableForSubscription", values: ["westeurope"], restrictionInfo: { locations: ["westeurope"], zones: ["3"] } }],
    capabilities: [{ name: "MaxDataDiskCount", value: "4" }, { name: "HyperVGenerations", value: "V1,V2" }],
};

describe("availability zones", () => {
    it("reads a size's zones in the region from Azure's data, less the zones restricted for the subscription", () => {
        expect(skuZones(B2S, "West Europe")).to.deep.equal(["1", "2"]);
        expect(skuZones(B2S, "northeurope")).to.equal(undefined);
        expect(vmSizeData([B2S], "westeurope", true).sizes.get("standard_b2s")?.zones).to.deep.equal(["1", "2"]);
        // The offline extract says nothing about zones.
        expect(vmSizeData([B2S], "westeurope", false).sizes.get("standard_b2s")?.zones).to.equal(undefined);
    });

    it("prefers Azure's data, falls back on Microsoft's region list, and calls other regions unknown", () => {
        expect(regionZones("westeurope", ["1", "2"])).to.deep.equal({ zones: ["1", "2"], source: "Azure's VM size data" });
        expect(regionZones("westeurope", [])).to.deep.equal({ zones: [], source: "Azure's VM size data" });
        expect(regionZones("West Europe", undefined)).to.deep.equal({ zones: ["1", "2", "3"], source: "Microsoft's region list" });
        // West US has no availability zones in Microsoft's list.
        expect(regionZones("westus", undefined)).to.deep.equal({ zones: [], source: "unknown offline" });
    });
});
