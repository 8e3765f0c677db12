/**
 * An error that reaches the user as its one line: a mistake of theirs, or Azure refusing to tell
 * the program what it must know before it creates anything. It carries the SDK's own
 * `__pulumiRunError` mark, so `pulumi.RunError.isInstance` knows it and `pulumi preview` prints
 * the message alone, without a stack trace (@pulumi/pulumi errors.ts: `RunError.isInstance(obj)`
 * is `utils.isInstance(obj, "__pulumiRunError")`; cmd/run prints a RunError's message only), while
 * the rulebook stays free of any @pulumi import.
 *
 * It carries no stack frames either: cmd/run also records every uncaught error with
 * `defaultErrorMessage`, which runs `util.inspect` on any error that has a `stack`
 * (@pulumi/pulumi cmd/run/run.js `span.addEvent`, cmd/run/error.js), and on Node 20.20 that loops
 * over a source-mapped frame until a RangeError, about 20 s later (nodejs/node#64011). The user
 * needs the line, not where the code noticed it.
 */
export declare class OneLineError extends Error {
    /** @internal Read by `pulumi.RunError.isInstance`. */
    readonly __pulumiRunError = true;
    constructor(message: string, name: string);
}
/** A user mistake in configuration, component arguments or policy configuration: it names the setting and says what is allowed. */
export declare class InvalidSettingError extends OneLineError {
    readonly setting: string;
    readonly reason: string;
    constructor(setting: string, reason: string);
}
/** Throws an {@link InvalidSettingError} that names the setting, what is allowed and what was given. */
export declare function invalid(setting: string, allowed: string, given: unknown): never;
/**
 * The known names nearest to a mistyped one, for a "did you mean" hint: those fewest edits away,
 * and only when that is at most a third of the name (at least two), so that a hint is a likely typo.
 */
export declare function nearestNames(name: string, known: Iterable<string>): string[];
