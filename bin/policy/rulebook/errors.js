"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InvalidSettingError = void 0;
exports.invalid = invalid;
/**
 * A user mistake in configuration, component arguments or policy configuration: it names the
 * setting and says what is allowed. It carries the SDK's own `__pulumiRunError` mark, so
 * `pulumi.RunError.isInstance` knows it and `pulumi preview` prints the message alone, without
 * a stack trace (@pulumi/pulumi errors.ts: `RunError.isInstance(obj)` is
 * `utils.isInstance(obj, "__pulumiRunError")`; cmd/run prints a RunError's message only), while
 * the rulebook stays free of any @pulumi import.
 *
 * It carries no stack frames either: cmd/run also records every uncaught error with
 * `defaultErrorMessage`, which runs `util.inspect` on any error that has a `stack`
 * (@pulumi/pulumi cmd/run/run.js `span.addEvent`, cmd/run/error.js), and on Node 20.20 that loops
 * over a source-mapped frame until a RangeError, about 20 s later (nodejs/node#64011). A user's
 * mistake needs its one line, not where the code noticed it.
 */
class InvalidSettingError extends Error {
    setting;
    reason;
    /** @internal Read by `pulumi.RunError.isInstance`. */
    __pulumiRunError = true;
    constructor(setting, reason) {
        super(`${setting}: ${reason}`);
        this.setting = setting;
        this.reason = reason;
        this.name = "InvalidSettingError";
        // The SDK prefixes the message of an error raised inside a resource's inputs with
        // `error serializing property "x": ` once per level (@pulumi/pulumi runtime/rpc.ts,
        // serializeProperties), which buries the setting's name. The message is the user's: it
        // keeps it, whatever is written to it.
        const message = this.message;
        Object.defineProperty(this, "message", { get: () => message, set: () => undefined, enumerable: false });
        this.stack = `${this.name}: ${message}`;
    }
}
exports.InvalidSettingError = InvalidSettingError;
/** Throws an {@link InvalidSettingError} that names the setting, what is allowed and what was given. */
function invalid(setting, allowed, given) {
    throw new InvalidSettingError(setting, `must be ${allowed}; got ${JSON.stringify(given)}`);
}
