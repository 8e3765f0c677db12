/**
 * The advisory policy "vault-has-restore-drill" driven as the CrossGuard analyzer drives a stack
 * policy: `validateStack` with resources whose props are the stack's OUTPUTS (@pulumi/policy's
 * PolicyResource.props; azure-native outputs carry `id`, and a Microsoft.App job's `configuration`
 * and `template` as the API returns them, Jobs.json 2025-02-02-preview `JobConfiguration`,
 * `JobTemplate`, `EnvironmentVar`), and the reference environment's plan with and without drills.
 */
import { expect } from "chai";
import { policies, vaultHasRestoreDrill } from "../policy/policies";
import { ResourceLike } from "../policy/rulebook";
import { planReferenceEnvironment } from "./support/plan";

const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";
const VAULT_ID = `${SUB}/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/vm-backup-vault`;

type StackArgs = Parameters<typeof vaultHasRestoreDrill.validateStack>[0];
type PolicyResource = StackArgs["resources"][number];
const analyzerStubs = { stackTags: new Map<string, string>(), isType: () => false, asType: () => undefined, notApplicable: () => { throw new Error("not applicable"); } };

function resource(type: string, name: string, props: Record<string, unknown>, dependencies: string[] = []): ResourceLike {
    return { type, name, urn: `urn:pulumi:test::backup-ready::${type}::${name}`, props, dependencies };
}

/** A vault's outputs. */
function vault(id = VAULT_ID): ResourceLike {
    return resource("azure-native:recoveryservices:Vault", id.split("/").pop() as string, { id, name: id.split("/").pop(), location: "westeurope", type: "Microsoft.RecoveryServices/vaults", sku: { name: "Standard" }, properties: {} });
}

/** A drill job's outputs, as the RestoreDrill component's job returns them. */
function job(env: Record<string, string>, configuration: Record<string, unknown> = { triggerType: "Schedule", scheduleTriggerConfig: { cronExpression: "0 3 * * 6", parallelism: 1, replicaCompletionCount: 1 }, replicaTimeout: 86400, replicaRetryLimit: 0 }, dependencies: string[] = []): ResourceLike {
    return resource(
        "azure-native:app:Job",
        "restore-drill-job",
        {
            id: `${SUB}/resourceGroups/restore-drill-rg/providers/Microsoft.App/jobs/restore-drill-job`,
            name: "restore-drill-job",
            type: "Microsoft.App/jobs",
            configuration,
            template: { containers: [{ name: "runner", image: "mcr.microsoft.com/azurelinux/base/nodejs:20", command: ["node", "/opt/restore-drill/runner.js"], env: Object.entries(env).map(([name, value]) => ({ name, value })) }] },
        },
        dependencies,
    );
}

function validateStack(resources: ResourceLike[]): Array<{ message: string; urn?: string }> {
    const reported: Array<{ message: string; urn?: string }> = [];
    const converted = resources.map((r) => ({ ...analyzerStubs, type: r.type, name: r.name, urn: r.urn, props: r.props, opts: {}, dependencies: [], propertyDependencies: {} }) as unknown as PolicyResource);
    resources.forEach((r, i) => {
        converted[i].dependencies = (r.dependencies ?? []).map((urn) => converted.find((c) => c.urn === urn)).filter((d): d is PolicyResource => d !== undefined);
    });
    const args = { ...analyzerStubs, resources: converted, getConfig: () => ({}) } as unknown as StackArgs;
    vaultHasRestoreDrill.validateStack(args, (message, urn) => reported.push({ message, urn }));
    return reported;
}

describe("policy vault-has-restore-drill", () => {
    it("is advisory and in the pack", () => {
        expect(vaultHasRestoreDrill.enforcementLevel).to.equal("advisory");
        expect(policies).to.include(vaultHasRestoreDrill);
    });

    it("passes a vault that a scheduled job drills, its id in any case", () => {
        expect(validateStack([vault(), job({ DRILL_VAULT_ID: VAULT_ID, DRILL_VMS: "[]" })])).to.deep.equal([]);
        expect(validateStack([vault(), job({ DRILL_VAULT_ID: VAULT_ID.toUpperCase(), DRILL_VMS: '["app-vm-1"]' })])).to.deep.equal([]);
    });

    it("reports a vault nobody drills, against the vault", () => {
        const undrilled = vault();
        const [reported, ...more] = validateStack([undrilled]);
        expect(more).to.deep.equal([]);
        expect(reported.urn).to.equal(undrilled.urn);
        expect(reported.message).to.match(/^no restore drill: no scheduled job restores vault "vm-backup-vault"/);
    });

    it("does not count a job of another vault, a job on no schedule, or a job that is no drill", () => {
        const other = `${SUB}/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/other-vault`;
        expect(validateStack([vault(), job({ DRILL_VAULT_ID: other })])).to.have.length(1);
        expect(validateStack([vault(), job({ DRILL_VAULT_ID: VAULT_ID }, { triggerType: "Manual", replicaTimeout: 600 })])).to.have.length(1);
        expect(validateStack([vault(), job({ SOMETHING_ELSE: VAULT_ID })])).to.have.length(1);
    });

    it("in a preview, where the job's environment is not known yet, counts a scheduled job that depends on the vault", () => {
        const v = vault();
        expect(validateStack([v, job({}, undefined, [v.urn])])).to.deep.equal([]);
        expect(validateStack([v, job({})])).to.have.length(1);
    });

    describe("on the reference environment's plan (inputs and planned ids as props)", function () {
        this.timeout(120_000);
        const asProps = (plan: Awaited<ReturnType<typeof planReferenceEnvironment>>) =>
            plan.resources.filter((r) => r.custom).map((r) => resource(r.type, r.name, { id: r.id, ...r.inputs }, r.dependencies));

        it("reports the vault by default, and nothing with restoreDrill=true", async () => {
            expect(validateStack(asProps(await planReferenceEnvironment()))).to.have.length(1);
            expect(validateStack(asProps(await planReferenceEnvironment({ restoreDrill: "true" })))).to.deep.equal([]);
        });
    });
});

