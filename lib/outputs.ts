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
 * the program's memory. Reading a dropped output gives `undefined`: name every output the
 * component reads.
 */
import * as pulumi from "@pulumi/pulumi";

/** A transformation that drops the unset properties of a resource, but for the outputs named. */
export function dropUnsetProperties(keep: readonly string[]): pulumi.ResourceTransformation {
    return ({ props, opts }) => ({ props: unsetPropertiesDropped(props, keep), opts });
}

/** `props` without the properties that are `undefined`, but for those named in `keep`. */
export function unsetPropertiesDropped(props: pulumi.Inputs, keep: readonly string[]): pulumi.Inputs {
    return Object.fromEntries(Object.entries(props).filter(([key, value]) => value !== undefined || keep.includes(key)));
}

/**
 * Options for a child resource whose component reads no output of it but `id`, `urn` and the
 * outputs named: `{ parent: this, ...readingOnly("name") }`.
 */
export function readingOnly(...outputs: string[]): Pick<pulumi.CustomResourceOptions, "transformations"> {
    return { transformations: [dropUnsetProperties(outputs)] };
}
