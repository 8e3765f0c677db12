/**
 * The reference environment's own resources, registered without its code: every resource of
 * `npm run plan`'s plan at N VMs, in the plan's order of dependencies, with the stock classes
 * (azure-native, tls, random) minus their API-versioned type aliases, the same inputs, parents,
 * options and dependencies; components as bare `ComponentResource`s of the same type and name.
 * An input equal to a dependency's id is passed as that dependency's `id` Output, as the program
 * passes it. What the program costs beyond this is its own: validation, templates, lookups and
 * the components' logic.
 */
import type * as pulumi from "@pulumi/pulumi";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { Plan } from "../../plan/engine";
import { topologicalOrder } from "../criticalPath";
import { ENVIRONMENT_SDK_MODULES, environmentSettings, PROJECT_DIR } from "./referenceEnvironment";
import { BENCH_STACK, Scenario } from "./scenario";

type Pulumi = typeof import("@pulumi/pulumi");
type ResourceClass = new (name: string, args: pulumi.Inputs, opts: pulumi.CustomResourceOptions) => pulumi.CustomResource;

const ALIASES = require.resolve("../../lib/aliases");
export const PLANS_DIR = path.join(PROJECT_DIR, "out", "bench", "plans");

/** `npm run plan`'s plan of the reference environment at `count` VMs, made once and kept. */
export function referencePlan(count: number): Plan {
    const outDir = path.join(PLANS_DIR, String(count));
    const file = path.join(outDir, "plan.json");
    if (!fs.existsSync(file)) {
        const settings = Object.entries(environmentSettings(count)).flatMap(([key, value]) => ["--config", `${key}=${value}`]);
        const args = [require.resolve("ts-node/dist/bin"), "--transpile-only", "plan/cli.ts", "--stack", BENCH_STACK, ...settings, "--out", outDir];
        const run = spawnSync(process.execPath, args, { cwd: PROJECT_DIR, encoding: "utf8", maxBuffer: 256 * 2 ** 20 });
        if (!fs.existsSync(file)) {
            throw new Error(`npm run plan at ${count} VMs wrote no plan: ${run.stderr}`);
        }
    }
    return JSON.parse(fs.readFileSync(file, "utf8")) as Plan;
}

/** The stock class of a type token: `azure-native:compute:VirtualMachine`, `tls:index/privateKey:PrivateKey`. */
function stockClass(type: string): ResourceClass {
    const [pkg, module, name] = type.split(":");
    const exports = pkg === "azure-native" ? require(`@pulumi/azure-native/${module}`) : require(`@pulumi/${pkg}`);
    const resourceClass = exports[name] as ResourceClass | undefined;
    if (!resourceClass) {
        throw new Error(`no stock class for ${type}`);
    }
    return resourceClass;
}

/** The plan's inputs as a program passes them: secrets as secrets, dependencies' ids as their `id` Outputs. */
function programInputs(sdk: Pulumi, value: unknown, ids: Map<string, pulumi.Output<string>>, secret: string): unknown {
    if (typeof value === "string") {
        return value === secret ? sdk.secret(value) : ids.get(value) ?? value;
    }
    if (Array.isArray(value)) {
        return value.map((item) => programInputs(sdk, item, ids, secret));
    }
    if (value && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, programInputs(sdk, item, ids, secret)]));
    }
    return value;
}

/** Registers every resource of the plan again, in an order where each follows its parent and dependencies. */
export function registerPlan(plan: Plan): void {
    const sdk = require("@pulumi/pulumi") as Pulumi;
    const { SECRET } = require("../../plan/engine") as typeof import("../../plan/engine");
    const { dropApiVersionTypeAliases } = require(ALIASES) as typeof import("../../lib/aliases");
    const registered = new Map<string, pulumi.Resource>();
    const plannedIds = new Map(plan.resources.map((resource) => [resource.urn, resource.id]));
    for (const resource of topologicalOrder(plan.resources)) {
        const parent = resource.parent === undefined ? undefined : registered.get(resource.parent);
        const dependsOn = resource.dependencies.map((urn) => registered.get(urn) as pulumi.Resource);
        if (!resource.custom) {
            registered.set(resource.urn, new sdk.ComponentResource(resource.type, resource.name, {}, { parent, dependsOn }));
            continue;
        }
        const ids = new Map(
            resource.dependencies.flatMap((urn) => {
                const dependency = registered.get(urn);
                const id = plannedIds.get(urn);
                return dependency instanceof sdk.CustomResource && id !== undefined ? [[id, dependency.id] as [string, pulumi.Output<string>]] : [];
            }),
        );
        const ResourceClass = stockClass(resource.type);
        const args = programInputs(sdk, resource.inputs, ids, SECRET) as pulumi.Inputs;
        registered.set(resource.urn, new ResourceClass(resource.name, args, { parent, dependsOn, ...resource.options, transformations: [dropApiVersionTypeAliases] }));
    }
}

export const sameResources: Scenario = {
    description: "the reference environment's resources and inputs at N VMs, registered with the stock classes minus their type aliases",
    modules: [...ENVIRONMENT_SDK_MODULES, ALIASES],
    request(count) {
        const plan = referencePlan(count);
        return {
            project: plan.project,
            stack: plan.stack,
            config: plan.config,
            program: () => {
                registerPlan(plan);
                return {};
            },
        };
    },
};
