import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import { runPlan, toPlain } from "../plan/engine";
import { planReferenceEnvironment } from "./support/plan";

describe("offline plan engine", () => {
    it("rejects with the program's error when a resource's input fails, and plans again afterwards", async () => {
        for (let attempt = 0; attempt < 3; attempt++) {
            const failing = runPlan({
                project: "p",
                stack: "s",
                config: {},
                program: () => {
                    const location = pulumi.output("westeurope").apply((): string => {
                        throw new pulumi.RunError("location: must be a region");
                    });
                    new resources.ResourceGroup("rg", { location });
                    return {};
                },
            });
            let error: unknown;
            await failing.catch((err: unknown) => (error = err));
            expect(String(error), `attempt ${attempt}`).to.contain("location: must be a region");
            expect((await planReferenceEnvironment()).resources.length).to.be.greaterThan(10);
        }
    });

    it("writes secrets as [secret], unknowns as [unknown] and resource references as their URN", () => {
        const { specialSigKey, specialSecretSig, specialResourceSig, unknownValue } = pulumi.runtime;
        expect(
            toPlain({
                key: { [specialSigKey]: specialSecretSig, value: "hunter2" },
                later: unknownValue,
                ref: { [specialSigKey]: specialResourceSig, urn: "urn:pulumi:s::p::t::n" },
                list: [1, { [specialSigKey]: specialSecretSig, value: "x" }],
            }),
        ).to.deep.equal({ key: "[secret]", later: "[unknown]", ref: "urn:pulumi:s::p::t::n", list: [1, "[secret]"] });
    });
});
