/** The reference environment enrolled by Azure Policy: a fleet of ten regions, N tagged Linux app VMs and no protected item. */
import * as path from "path";
import { loadProjectConfig } from "../../plan/projectConfig";
import { environmentSettings, PROJECT_DIR, referenceEnvironment } from "./referenceEnvironment";
import { BENCH_STACK, Scenario } from "./scenario";

/** Ten regions of the public cloud, the environment's own first. */
export const FLEET_REGIONS = [
    "westeurope", "northeurope", "francecentral", "germanywestcentral", "uksouth",
    "swedencentral", "eastus", "westus2", "southeastasia", "australiaeast",
];

export const fleet: Scenario = {
    description: "the reference environment (index.ts) with enrolment=policy over 10 regions and N Linux app VMs",
    modules: [...referenceEnvironment.modules, "@pulumi/azure-native/authorization", "@pulumi/azure-native/policyinsights"],
    request(count) {
        const settings = { ...environmentSettings(count), enrolment: "policy", fleetRegions: JSON.stringify(FLEET_REGIONS) };
        const { project, config } = loadProjectConfig(PROJECT_DIR, BENCH_STACK, settings);
        return { project, stack: BENCH_STACK, config, program: () => require(path.join(PROJECT_DIR, "index")) };
    },
};
