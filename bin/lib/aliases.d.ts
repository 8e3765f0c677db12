/**
 * Drops the type aliases the generated azure-native classes add to every resource: one
 * `{ type: "azure-native:<module>/v<api-version>:<Type>" }` per older API version, 25 to 60 of
 * them per class. The SDK turns each into an Output in every constructor, which makes a
 * thousand VMs cost gigabytes to plan. They only matter to a stack whose resources were
 * registered under an API-versioned type token; this project's components never do that.
 *
 * Every component takes `keepTypeAliases: true` to keep them (the reference environment's
 * `keepTypeAliases` setting).
 */
import * as pulumi from "@pulumi/pulumi";
/**
 * True for an alias that names nothing but an API-versioned form of `resourceType`, as
 * azure-native adds: `azure-native:compute/v20230301:VirtualMachine` for
 * `azure-native:compute:VirtualMachine`. Aliases by URN, name, parent, stack or project, or to
 * another type, are someone's decision and are not touched.
 */
export declare function isApiVersionTypeAlias(resourceType: string, alias: pulumi.Input<pulumi.URN | pulumi.Alias>): boolean;
/** A transformation that removes the API-versioned type aliases of every azure-native resource it sees. */
export declare const dropApiVersionTypeAliases: pulumi.ResourceTransformation;
/**
 * A component's options with {@link dropApiVersionTypeAliases} applied to the component and
 * every resource under it, unless the component was told to keep them (its `keepTypeAliases`
 * argument). It runs before the caller's own transformations, so aliases those add are kept too.
 * A legacy `transformations` option, because it runs in the SDK before the aliases become
 * Outputs (see lib/outputs.ts); `transforms` run in the engine, after.
 */
export declare function withoutTypeAliases(opts: pulumi.ComponentResourceOptions | undefined, keepTypeAliases?: boolean): pulumi.ComponentResourceOptions;
