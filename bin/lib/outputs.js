"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.unsetPropertiesDropped = unsetPropertiesDropped;
exports.dropUnsetProperties = dropUnsetProperties;
exports.reading = reading;
/** `props` without the properties that are `undefined`, but for those named in `keep`. */
function unsetPropertiesDropped(props, keep) {
    return Object.fromEntries(Object.entries(props).filter(([key, value]) => value !== undefined || keep.includes(key)));
}
/** A transformation that drops the unset properties of a resource, but for the outputs named. */
function dropUnsetProperties(keep) {
    return ({ props, opts }) => ({ props: unsetPropertiesDropped(props, keep), opts });
}
/**
 * Creates a child resource that registers only the outputs named (besides `id` and `urn`):
 * `reading("name")((lean) => new compute.VirtualMachine(n, args, { parent: this, ...lean }))`.
 * The options given to `create` must be spread into the resource's options; naming an output the
 * resource does not have, or reading one not named, is a compile error.
 */
function reading(...outputs) {
    return (create) => create({ transformations: [dropUnsetProperties(outputs)] });
}
