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
                vm = outputs.reading("name")((lean) => new compute.VirtualMachine("vm", { resourceGroupName: "rg", vmName: "vm", location: "westeurope" }, lean)) as compute.VirtualMachine;
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

    it("makes reading an output that was not named a compile error", () => {
        // `npm test` type-checks this file: an @ts-expect-error that expects nothing fails it.
        const typed = (vm: outputs.Reading<compute.VirtualMachine, "name">) => {
            // @ts-expect-error vmId was not named, so it is not registered
            return [vm.name, vm.id, vm.urn, vm.vmId];
        };
        expect(typed).to.be.a("function");
    });

    it("changes nothing in what the reference environment asks for", async () => {
        const lean = await planReferenceEnvironment({ appVmCount: "2" });
        // The same program with every output registered: the components call `reading` at
        // construction, through the module's export. Count the calls, so that the comparison
        // cannot pass because the substitution never took effect.
        const original = outputs.reading;
        let substituted = 0;
        const everyOutput: typeof outputs.reading = () => (create) => {
            substituted += 1;
            return create({});
        };
        (outputs as { reading: typeof outputs.reading }).reading = everyOutput;
        try {
            const full = await planReferenceEnvironment({ appVmCount: "2" });
            // Per app VM: NIC, VM, Run Command, protected item; and the proxy's configuration Run Command.
            expect(substituted).to.equal(2 * 4 + 1);
            expect(lean).to.deep.equal(full);
        } finally {
            (outputs as { reading: typeof outputs.reading }).reading = original;
        }
    });
});
