/**
 * The rulebook: Azure's rules and facts that this project relies on, written once. Pure: no
 * `@pulumi/*` import, no file or network I/O, so that the components' validation, the offline
 * plan's readiness report and the policy pack (which must load from its own folder) all use it.
 */
export * from "./armIds";
export * from "./azureTypes";
export * from "./backup";
export * from "./checks";
export * from "./cidr";
export * from "./errors";
export * from "./fleet";
export * from "./images";
export * from "./monitoring";
export * from "./limits";
export * from "./loadBalancer";
export * from "./nsg";
export * from "./platform";
export * from "./privateLink";
export * from "./regions";
export * from "./resources";
export * from "./restoreDrill";
export * from "./serviceTags";
export * from "./vmSizes";
export * from "./vms";
export * from "./zones";
export * from "./vault";
