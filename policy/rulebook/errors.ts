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
export class OneLineError extends Error {
    /** @internal Read by `pulumi.RunError.isInstance`. */
    public readonly __pulumiRunError = true;

    constructor(message: string, name: string) {
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

/** A user mistake in configuration, component arguments or policy configuration: it names the setting and says what is allowed. */
export class InvalidSettingError extends OneLineError {
    constructor(
        public readonly setting: string,
        public readonly reason: string,
    ) {
        super(`${setting}: ${reason}`, "InvalidSettingError");
    }
}

/** Throws an {@link InvalidSettingError} that names the setting, what is allowed and what was given. */
export function invalid(setting: string, allowed: string, given: unknown): never {
    throw new InvalidSettingError(setting, `must be ${allowed}; got ${JSON.stringify(given)}`);
}

/**
 * The known names nearest to a mistyped one, for a "did you mean" hint: those fewest edits away,
 * and only when that is at most a third of the name (at least two), so that a hint is a likely typo.
 */
export function nearestNames(name: string, known: Iterable<string>): string[] {
    const distances = [...known].map((candidate) => ({ candidate, distance: editDistance(name, candidate) }));
    const least = Math.min(...distances.map(({ distance }) => distance));
    return least <= Math.max(2, Math.floor(name.length / 3)) ? distances.filter(({ distance }) => distance === least).map(({ candidate }) => candidate) : [];
}

/** Levenshtein distance, ignoring case: how many letters to insert, delete or change. */
function editDistance(a: string, b: string): number {
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
