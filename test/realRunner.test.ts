/**
 * The real `pulumi preview` path: the reference environment run by the Pulumi Node.js runtime's
 * own program runner (@pulumi/pulumi cmd/run), started with the arguments and environment the
 * language host passes, against an engine on loopback (test/support/programRunner.ts,
 * test/support/fakeEngine.ts). The offline plan is what users review in pull requests; these
 * tests hold it to what the runner registers, and hold a settings error to its one line there.
 * How long that line takes to arrive is measured by `npm run bench -- --only first-output` (bench/RESULTS.md).
 */
import { REGION_EXTRACT } from "../policy/rulebook/regions";
import { expect } from "chai";
import { PlannedResource } from "../plan/engine";
import { EXITED_AFTER_USER_ACTIONABLE_MESSAGE, previewThroughRunner, RunnerPreview } from "./support/programRunner";
import { planReferenceEnvironment } from "./support/plan";

const TIMEOUT_MS = 90_000;
/**
 * Without ts-node's type check (PULUMI_NODEJS_TRANSPILE_ONLY=true, a switch of cmd/run's): it
 * costs each run 10-20 s of CPU and decides nothing asserted here; `tsc --noEmit -p .` checks the
 * types, and the bench times the runner with the check, as Pulumi.yaml runs it.
 */
const RUN = { timeoutMs: TIMEOUT_MS, typeCheck: false };
const FRAME = /\n\s+at /;

/** What identifies a registration, whichever side made it. */
function identities(resources: Pick<PlannedResource, "urn" | "type" | "parent" | "custom">[]): string[] {
    return resources.map(({ urn, type, parent, custom }) => JSON.stringify({ urn, type, parent: parent ?? null, custom })).sort();
}

function describeRun(run: RunnerPreview): string {
    const how = run.timedOut ? "timed out" : `exited with ${run.code ?? run.signal}`;
    return `the runner ${how}; errors logged: ${JSON.stringify(run.engine.messages("error"))}\n${run.stderr}${run.stdout}`;
}

describe("the program through Pulumi's own program runner", function () {
    this.timeout(2 * TIMEOUT_MS);

    describe("with valid settings", () => {
        const cases: [string, Record<string, string>][] = [
            ["the defaults", {}],
            // Components in components, a load balancer, lists of VMs and proxies.
            ["two app VMs behind two proxies", { appVmCount: "2", proxyCount: "2" }],
        ];

        for (const [label, settings] of cases) {
            it(`registers exactly the resources the offline plan shows (${label})`, async () => {
                const run = await previewThroughRunner(settings, RUN);
                expect(run.code, describeRun(run)).to.equal(0);
                expect(run.engine.messages("error")).to.deep.equal([]);
                const plan = await planReferenceEnvironment(settings);
                expect(run.engine.registrations.length).to.be.greaterThan(0);
                expect(identities(run.engine.registrations)).to.deep.equal(identities(plan.resources));
                // The size data and the region list were each read from "ARM" with the identity the provider reported.
                const identity = ["azure-native:authorization:getClientConfig", "azure-native:authorization:getClientToken"];
                expect(run.engine.invokes.map((invoke) => invoke.token).sort()).to.deep.equal([...identity, ...identity].sort());
            });
        }
    });

    describe("with a misspelt region", () => {
        const settings = { vaultLocation: "westeurpe" };
        let run: RunnerPreview;
        let offline: string;
        /** Online the region list is the subscription's, read from (the stand-in of) ARM, and the line says so. */
        const expected = `vaultLocation: must be a public Azure region in the subscription's locations list from Azure Resource Manager; did you mean "westeurope"?; got "westeurpe"`;

        before(async () => {
            run = await previewThroughRunner(settings, RUN);
            offline = await planReferenceEnvironment(settings).then(
                () => "",
                (err: Error) => err.message,
            );
        });

        it("stops before anything is registered, as a message the user can act on", () => {
            // The offline plan says the same of its dated extract.
            expect(offline).to.equal(expected.replace("the subscription's locations list from Azure Resource Manager", REGION_EXTRACT.source));
            expect(run.code, describeRun(run)).to.equal(EXITED_AFTER_USER_ACTIONABLE_MESSAGE);
            expect(run.engine.registrations).to.deep.equal([]);
        });

        it("shows the user exactly the one line naming the setting, without a stack or a RangeError", () => {
            // cmd/run sends a RunError's message to the engine's log; the language host passes the
            // runner's standard output and error to the user's terminal as they are.
            expect(run.engine.logs.filter((entry) => entry.severity !== "debug").map((entry) => entry.message)).to.deep.equal([expected]);
            expect(run.stderr).to.equal("");
            expect(run.stdout).to.equal("");
            expect(expected).not.to.match(FRAME);
            expect(expected).not.to.contain("RangeError");
        });

        it("hands cmd/run an error without stack frames, so its util.inspect has none to source-map (nodejs/node#64011)", () => {
            expect(run.errors.length).to.be.greaterThan(0);
            for (const error of run.errors) {
                expect(error.message).to.equal(expected);
                expect(error.stack).to.equal(`${error.name}: ${expected}`);
                expect(error.recorded).to.contain(expected);
                expect(error.recorded).not.to.match(FRAME);
                expect(error.recorded).not.to.contain("RangeError");
            }
        });
    });
});
