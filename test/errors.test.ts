/**
 * A mistake found only when an Output resolves, inside a resource's inputs, reaches the user as
 * the one line that names the argument: the SDK's "error serializing property" prefixes, which it
 * adds once per level of inputs, do not bury it.
 */
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { BackupVault } from "../components";
import { planFailure } from "./support/plan";
import { InvalidSettingError } from "../policy/rulebook";

describe("errors found when an Output resolves", () => {
    it("keep their one line, naming the argument, and stay a RunError (printed without a stack)", async () => {
        const error = await planFailure(() => {
            const vmId = pulumi.output("/subscriptions/s/resourceGroups/apps/providers/Microsoft.Compute/virtualMachines/erp-01");
            new BackupVault("backup", { resourceGroupName: "rg", location: "westeurope", virtualMachines: [{ name: "erp-01", id: vmId, location: pulumi.output("northeurope") }] });
        });
        expect(error).to.be.instanceOf(InvalidSettingError);
        expect(pulumi.RunError.isInstance(error)).to.equal(true);
        expect((error as Error).message).to.equal(
            'virtualMachines[erp-01].location: must be the vault\'s region "westeurope": a vault backs up VMs in its own region only (no cross-region backup); got "northeurope"',
        );
    });

    it("ignore what is written to their message", () => {
        const error = new InvalidSettingError("vmSize", "must be a size");
        error.message = `error serializing property "x": ${error.message}`;
        expect(error.message).to.equal("vmSize: must be a size");
    });
});
