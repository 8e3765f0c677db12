/** The reference environment, `index.ts`, with `count` Linux app VMs. */
import * as path from "path";
import { loadProjectConfig } from "../../plan/projectConfig";
import { BENCH_STACK, Scenario } from "./scenario";

export const PROJECT_DIR = path.resolve(__dirname, "..", "..");

/** Room for 1000 app VMs (the default app subnet, a /24, holds 251); the same at every size. */
export const BENCH_APP_SUBNET = "10.0.4.0/22";

/** The settings that size the environment, as `--config` would give them. */
export function environmentSettings(count: number): Record<string, string> {
    return { appVmCount: String(count), appSubnet: BENCH_APP_SUBNET };
}

/** The SDK modules whose classes the reference environment registers. */
export const ENVIRONMENT_SDK_MODULES = [
    "@pulumi/azure-native/authorization",
    "@pulumi/azure-native/compute",
    "@pulumi/azure-native/network",
    "@pulumi/azure-native/recoveryservices",
    "@pulumi/azure-native/resources",
    "@pulumi/tls",
    "@pulumi/random",
];

export const referenceEnvironment: Scenario = {
    description: "the reference environment (index.ts) with N Linux app VMs",
    modules: [...ENVIRONMENT_SDK_MODULES, path.join(PROJECT_DIR, "components")],
    request(count) {
        const { project, config } = loadProjectConfig(PROJECT_DIR, BENCH_STACK, environmentSettings(count));
        return { project, stack: BENCH_STACK, config, program: () => require(path.join(PROJECT_DIR, "index")) };
    },
};
