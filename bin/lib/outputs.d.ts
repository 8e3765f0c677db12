/**
 * Registers a child resource without the outputs its component never reads.
 *
 * A generated azure-native class passes every property of its type to the SDK, the ones the
 * program leaves unset as `undefined`, and the SDK makes an Output (four promises, each with a
 * captured stack trace) for each: some 40 for a VM. A component that reads only `id`, `urn` and
 * one or two outputs of a child pays for the rest on every VM, at plan and at preview.
 *
 * Properties the program sets are untouched, and the SDK sends no unset property to the engine,
 * so the registration is the same: same inputs, dependencies and state, only fewer Outputs in
 * the program's memory. {@link reading} types the result accordingly: reading an output that was
 * not named is a compile error, not an `undefined` at run time.
 *
 * It uses the legacy `transformations` option, not `transforms`: `transformations` run in the
 * Resource constructor before the SDK turns the properties and aliases into Outputs
 * (@pulumi/pulumi resource.ts: "Before anything else - if there are transformations registered,
 * invoke them"), while `transforms` are callbacks the engine invokes after the SDK has built and
 * serialized them (runtime/resource.ts), so they would save nothing here.
 */
import * as pulumi from "@pulumi/pulumi";
/** `props` without the properties that are `undefined`, but for those named in `keep`. */
export declare function unsetPropertiesDropped(props: pulumi.Inputs, keep: readonly string[]): pulumi.Inputs;
/** A transformation that drops the unset properties of a resource, but for the outputs named. */
export declare function dropUnsetProperties(keep: readonly string[]): pulumi.ResourceTransformation;
/** A custom resource of which only `id`, `urn` and the outputs `K` may be read. */
export type Reading<T extends pulumi.CustomResource, K extends keyof T = never> = pulumi.CustomResource & Pick<T, K>;
/**
 * Creates a child resource that registers only the outputs named (besides `id` and `urn`):
 * `reading("name")((lean) => new compute.VirtualMachine(n, args, { parent: this, ...lean }))`.
 * The options given to `create` must be spread into the resource's options; naming an output the
 * resource does not have, or reading one not named, is a compile error.
 */
export declare function reading<K extends string = never>(...outputs: K[]): <T extends pulumi.CustomResource & Record<K, unknown>>(create: (lean: Pick<pulumi.CustomResourceOptions, "transformations">) => T) => Reading<T, K>;
