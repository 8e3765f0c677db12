"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InvalidSettingError = exports.OneLineError = void 0;
exports.invalid = invalid;
exports.nearestNames = nearestNames;
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
class OneLineError extends Error {
    /** @internal Read by `pulumi.RunError.isInstance`. */
    __pulumiRunError = true;
    constructor(message, name) {
        super(message);
        this.name = name;
        // The SDK prefixes the message of an error raised inside a resource's inputs with
        // `error serializing property "x": ` once per level (@pulumi/pulumi runtime/rpc.ts,
        // serializeProperties), which buries the setting's name. The message is the user's: it
        // keeps it, whatever is written to it.
        Object.defineProperty(this, "message", { get: () => message, set: () => undefined, enumerable: false });
        this.stack = `${name}: ${message}`;
    }
}
exports.OneLineError = OneLineError;
/** A user mistake in configuration, component arguments or policy configuration: it names the setting and says what is allowed. */
class InvalidSettingError extends OneLineError {
    setting;
    reason;
    constructor(setting, reason) {
        super(`${setting}: ${reason}`, "InvalidSettingError");
        this.setting = setting;
        this.reason = reason;
    }
}
exports.InvalidSettingError = InvalidSettingError;
/** Throws an {@link InvalidSettingError} that names the setting, what is allowed and what was given. */
function invalid(setting, allowed, given) {
    throw new InvalidSettingError(setting, `must be ${allowed}; got ${JSON.stringify(given)}`);
}
/**
 * The known names nearest to a mistyped one, for a "did you mean" hint: those fewest edits away,
 * and only when that is at most a third of the name (at least two), so that a hint is a likely typo.
 */
function nearestNames(name, known) {
    const distances = [...known].map((candidate) => ({ candidate, distance: editDistance(name, candidate) }));
    const least = Math.min(...distances.map(({ distance }) => distance));
    return least <= Math.max(2, Math.floor(name.length / 3)) ? distances.filter(({ distance }) => distance === least).map(({ candidate }) => candidate) : [];
}
/** Levenshtein distance, ignoring case: how many letters to insert, delete or change. */
function editDistance(a, b) {
    const [x, y] = [a.toLowerCase(), b.toLowerCase()];
    let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
    for (let i = 1; i <= x.length; i++) {
        const current = [i];
        for (let j = 1; j <= y.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[y.length];
}
