/**
 * The benchmark's "same resources" reference registers what the reference environment plans,
 * with the stock classes: it is only a fair reference if the engine receives the same thing.
 */
import { expect } from "chai";
import { registerPlan } from "../bench/scenarios/sameResources";
import { Plan, PlannedResource, runPlan } from "../plan/engine";
import { planReferenceEnvironment } from "./support/plan";

/** What the engine receives of a resource; the mock id follows from it. */
const registration = ({ urn, type, name, id, parent, custom, inputs, dependencies, options }: PlannedResource) => ({ urn, type, name, id, parent, custom, inputs, dependencies, options });

describe("the benchmark's same-resources reference", function () {
    this.timeout(120_000);
    let plan: Plan;
    let replayed: Plan;

    before(async () => {
        plan = await planReferenceEnvironment({ appVmCount: "2", windowsAppVmCount: "1", sshSourceCidr: "203.0.113.0/24" });
        replayed = await runPlan({ project: plan.project, stack: plan.stack, config: plan.config, program: () => (registerPlan(plan), {}) });
    });

    it("registers every resource of the plan with the same type, name, parent, inputs, dependencies and options", () => {
        expect(replayed.resources.length).to.equal(plan.resources.length);
        expect(replayed.resources.map(registration)).to.deep.equal(plan.resources.map(registration));
    });
});
