/**
 * One measurement, in its own process: `child.ts SCENARIO COUNT` plans the scenario and prints
 * one JSON line. Run by `bench/run.ts` with a heap limit and a timeout.
 *
 * Load time is the scenario's modules (the SDK and the plan engine are loaded before it, as in
 * every scenario); plan time is `runPlan`, the program included; peak memory is the process's
 * maximum resident set, loading included.
 */
import { performance } from "perf_hooks";
import { runPlan } from "../plan/engine";
import { SCENARIOS } from "./scenarios";

export interface Measurement {
    resources: number;
    loadSeconds: number;
    planSeconds: number;
    /** CPU time of planning, user and system, all threads (the garbage collector's included). */
    planCpuSeconds: number;
    peakRssMb: number;
}

async function main(): Promise<void> {
    const [name, countText] = process.argv.slice(2);
    const scenario = SCENARIOS[name];
    const count = Number(countText);
    if (!scenario || !Number.isInteger(count) || count < 0) {
        throw new Error(`usage: child.ts SCENARIO COUNT; scenarios: ${Object.keys(SCENARIOS).join(", ")}`);
    }
    const loading = performance.now();
    scenario.modules.forEach((module) => require(module));
    const request = scenario.request(count);
    const planning = performance.now();
    const cpu = process.cpuUsage();
    const plan = await runPlan(request);
    const planned = performance.now();
    const { user, system } = process.cpuUsage(cpu);
    const measurement: Measurement = {
        resources: plan.resources.length,
        loadSeconds: (planning - loading) / 1000,
        planSeconds: (planned - planning) / 1000,
        planCpuSeconds: (user + system) / 1e6,
        peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
    console.log(JSON.stringify(measurement));
}

if (require.main === module) {
    main().catch((err: unknown) => {
        console.error(err);
        process.exit(1);
    });
}
