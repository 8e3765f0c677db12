/**
 * Where `npm run plan`'s time goes: each phase's end in seconds since the process started,
 * written as JSON to the file this variable names (for `npm run bench`), nowhere otherwise.
 * "loaded" is the modules (startup), then the program, printing the tree and plan.json, the
 * readiness report, and the picture.
 */
export const TIMINGS_VARIABLE = "BACKUP_READY_PLAN_TIMINGS";

export const PHASES = ["loaded", "planned", "printed", "readiness", "picture"] as const;

export type Phase = (typeof PHASES)[number];

export type Timings = Partial<Record<Phase, number>>;
