import * as pulumi from "@pulumi/pulumi";

/**
 * A user mistake in configuration or component arguments. It is a `RunError`, so both
 * `pulumi preview` and `npm run plan` print the message alone, without a stack trace.
 */
export class InvalidSettingError extends pulumi.RunError {
    constructor(
        public readonly setting: string,
        public readonly reason: string,
    ) {
        super(`${setting}: ${reason}`);
        this.name = "InvalidSettingError";
    }
}

/** Throws an {@link InvalidSettingError} that names the setting, what is allowed and what was given. */
export function invalid(setting: string, allowed: string, given: unknown): never {
    throw new InvalidSettingError(setting, `must be ${allowed}; got ${JSON.stringify(given)}`);
}
