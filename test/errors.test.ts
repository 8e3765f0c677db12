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
import { resolveSettings } from "../settings";
// What cmd/run records for every uncaught error, RunErrors included (cmd/run/run.js, `span.addEvent`).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultErrorMessage } = require("@pulumi/pulumi/cmd/run/error") as { defaultErrorMessage(err: unknown): string };

describe("errors found when an Output resolves", () => {
    it("keep their one line, naming the argument, and stay a RunError (printed without a stack)", async () => {
        const error = await planFailure(() => {
            const vmId = pulumi.output("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/apps/providers/Microsoft.Compute/virtualMachines/erp-01");
            new BackupVault("backup", { resourceGroupName: "rg", location: "westeurope", virtualMachines: [{ name: "erp-01", id: vmId, location: pulumi.output("northeurope") }] });
        });
        expect(error).to.be.instanceOf(InvalidSettingError);
        expect(pulumi.RunError.isInstance(error)).to.equal(true);
        expect((error as Error).message).to.equal(
            'virtualMachines[erp-01].location (vm erp-01) of BackupVault "backup": must be the vault\'s region "westeurope": a vault backs up VMs in its own region only (no cross-region backup); got "northeurope"',
        );
    });

    it("ignore what is written to their message", () => {
        const error = new InvalidSettingError("vmSize", "must be a size");
        error.message = `error serializing property "x": ${error.message}`;
        expect(error.message).to.equal("vmSize: must be a size");
    });

    it("carry no stack frames, so cmd/run prints and records the one line without util.inspect walking a stack", () => {
        let error: unknown;
        try {
            resolveSettings({ hourlyInterval: "6" });
        } catch (err) {
            error = err;
        }
        expect(pulumi.RunError.isInstance(error)).to.equal(true);
        const line = (error as Error).message;
        expect(line).to.match(/^hourlyInterval: /);
        expect((error as Error).stack).to.equal(`InvalidSettingError: ${line}`);
        expect((error as Error).stack).not.to.match(/\n\s+at /);
        // util.inspect of an error without frames prints its one line (in brackets): nothing to source-map.
        expect(defaultErrorMessage(error)).to.contain(line);
        expect(defaultErrorMessage(error)).not.to.match(/\n\s+at /);
    });
});

