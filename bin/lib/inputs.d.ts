/**
 * Arguments a user may hold as Outputs (addresses, ports, ids, regions, prefixes): checked at
 * once when they are plain values, and when they resolve otherwise, with the same check and so
 * the same message (as pulumi-eks's `validatedInput` does). A check's error inside an Output
 * keeps its one line (see policy/rulebook/errors.ts).
 */
import * as pulumi from "@pulumi/pulumi";
/** Whether a value is known now: neither an Output nor a promise. */
export declare function isPlain<T>(value: pulumi.Input<T>): value is T;
/** `use(value)` now when the value is plain, when it resolves otherwise. */
export declare function whenKnown<T, R>(value: pulumi.Input<T>, use: (value: T) => R): R | pulumi.Output<R>;
/** Like {@link whenKnown} for several values: plain when all are. */
export declare function whenAllKnown<T extends readonly unknown[], R>(values: {
    [K in keyof T]: pulumi.Input<T[K]>;
}, use: (values: T) => R): R | pulumi.Output<R>;
