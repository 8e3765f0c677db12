/**
 * A user mistake in configuration, component arguments or policy configuration: it names the
 * setting and says what is allowed. It carries the SDK's own `__pulumiRunError` mark, so
 * `pulumi.RunError.isInstance` knows it and `pulumi preview` prints the message alone, without
 * a stack trace (@pulumi/pulumi errors.ts: `RunError.isInstance(obj)` is
 * `utils.isInstance(obj, "__pulumiRunError")`; cmd/run prints a RunError's message only), while
 * the rulebook stays free of any @pulumi import.
 */
export class InvalidSettingError extends Error {
    /** @internal Read by `pulumi.RunError.isInstance`. */
    public readonly __pulumiRunError = true;

    constructor(
        public readonly setting: string,
        public readonly reason: string,
    ) {
        super(`${setting}: ${reason}`);
        this.name = "InvalidSettingError";
        // The SDK prefixes the message of an error raised inside a resource's inputs with
        // `error serializing property "x": ` once per level (@pulumi/pulumi runtime/rpc.ts,
        // serializeProperties), which buries the setting's name. The message is the user's: it
        // keeps it, whatever is written to it.
        const message = this.message;
        Object.defineProperty(this, "message", { get: () => message, set: () => undefined, enumerable: false });
    }
}

/** Throws an {@link InvalidSettingError} that names the setting, what is allowed and what was given. */
export function invalid(setting: string, allowed: string, given: unknown): never {
    throw new InvalidSettingError(setting, `must be ${allowed}; got ${JSON.stringify(given)}`);
}
