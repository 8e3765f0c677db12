import type { PlanRequest } from "../../plan/engine";

/** A program the benchmark plans in a child process, at a given size. */
export interface Scenario {
    /** What it plans, for the report. */
    description: string;
    /** Modules loaded before the clock starts, so planning time is the program's own. */
    modules: string[];
    request(count: number): PlanRequest;
}

export const BENCH_PROJECT = "bench";
export const BENCH_STACK = "bench";
export const LOCATION = "westeurope";
