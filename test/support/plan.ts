/** Plans the reference environment in-process, as `npm run plan` does, for tests. */
import * as fs from "fs";
import * as path from "path";
import { Plan, PlannedResource, PlanRequest, runPlan } from "../../plan/engine";
import { loadProjectConfig } from "../../plan/projectConfig";

export const PROJECT_DIR = path.resolve(__dirname, "..", "..");
const PROGRAM = path.join(PROJECT_DIR, "index.ts");

/**
 * What `npm run plan` runs (package.json's script, `node ...`), as node's arguments: spawn
 * `process.execPath` with them and the command's own, from PROJECT_DIR. Without npm, whose
 * start costs each test a second of CPU.
 */
export const PLAN_CLI: readonly string[] = (() => {
    const script = (JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.plan;
    const [program, ...args] = script.split(/\s+/);
    if (program !== "node") {
        throw new Error(`package.json's plan script is not a node command: "${script}"`);
    }
    return args;
})();

/** Plans `index.ts` with the stack's config and the given overrides (`key` or `namespace:key`). */
export async function planReferenceEnvironment(overrides: Record<string, string> = {}, stack = "test"): Promise<Plan> {
    const { project, config } = loadProjectConfig(PROJECT_DIR, stack, overrides);
    return runPlan({
        project,
        stack,
        config,
        program: () => {
            delete require.cache[require.resolve(PROGRAM)];
            return require(PROGRAM);
        },
    });
}

export function resourcesOfType(plan: Plan, type: string): PlannedResource[] {
    return plan.resources.filter((resource) => resource.type === type);
}

export function onlyResourceOfType(plan: Plan, type: string): PlannedResource {
    const found = resourcesOfType(plan, type);
    if (found.length !== 1) {
        throw new Error(`expected one ${type}, found ${found.length}`);
    }
    return found[0];
}

/** The cloud-init user data Azure would receive, decoded. */
export function decodedCustomData(vm: PlannedResource): string {
    const customData = (vm.inputs.osProfile as { customData?: string } | undefined)?.customData;
    if (typeof customData !== "string") {
        throw new Error(`${vm.name} has no customData`);
    }
    return Buffer.from(customData, "base64").toString("utf8");
}

/** Plans a program of components (not the reference environment) in westeurope; `invoke` answers provider functions as Azure would. */
export function planProgram(program: () => void, invoke?: PlanRequest["invoke"]): Promise<Plan> {
    return runPlan({
        project: "test",
        stack: "test",
        config: { "azure-native:location": "westeurope" },
        invoke,
        program: () => {
            program();
            return {};
        },
    });
}

/** The error that stops {@link planProgram}, or undefined when it plans. */
export async function planFailure(program: () => void, invoke?: PlanRequest["invoke"]): Promise<unknown> {
    try {
        await planProgram(program, invoke);
    } catch (err) {
        return err;
    }
    return undefined;
}
