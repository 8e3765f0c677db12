import { expect } from "chai";
import * as compute from "@pulumi/azure-native/compute";
import * as outputs from "../lib/outputs";
import { runPlan } from "../plan/engine";
import { planReferenceEnvironment } from "./support/plan";

describe("registering only the outputs a component reads", () => {
    it("drops the unset properties but the ones named, and keeps every property that is set", () => {
        expect(outputs.unsetPropertiesDropped({ vmName: "vm", location: undefined, name: undefined, tags: undefined }, ["name"])).to.deep.equal({
            vmName: "vm",
            name: undefined,
        });
    });

    it("leaves id, urn and the named outputs on the resource, and makes no Output for the rest", async () => {
        let vm: compute.VirtualMachine | undefined;
        await runPlan({
            project: "test",
            stack: "test",
            config: {},
            program: () => {
                vm = new compute.VirtualMachine("vm", { resourceGroupName: "rg", vmName: "vm", location: "westeurope" }, outputs.readingOnly("name"));
                return {};
            },
        });
        const read = vm as compute.VirtualMachine;
        expect(await new Promise((resolve) => read.name.apply(resolve))).to.equal("vm");
        expect(read.id).to.not.equal(undefined);
        expect(read.urn).to.not.equal(undefined);
        expect(read.location).to.not.equal(undefined, "an input that is set stays");
        expect(read.vmId).to.equal(undefined);
        expect(read.storageProfile).to.equal(undefined);
    });

    it("changes nothing in what the reference environment asks for", async () => {
        const lean = await planReferenceEnvironment({ appVmCount: "2" });
        // The same program with every output registered: the components call readingOnly at
        // construction, through the module's export.
        const readingOnly = outputs.readingOnly;
        (outputs as { readingOnly: typeof readingOnly }).readingOnly = () => ({});
        try {
            const full = await planReferenceEnvironment({ appVmCount: "2" });
            expect(lean).to.deep.equal(full);
        } finally {
            (outputs as { readingOnly: typeof readingOnly }).readingOnly = readingOnly;
        }
    });
});
