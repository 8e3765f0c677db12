/** Restore drills: the pure decisions behind components/restoreDrill.ts. */
export * from "./quarantine";
export * from "./record";
export * from "./roles";
export * from "./runnerPackage";
export * from "./schedule";
export * from "./settings";
