/** Values from a list, checked with the setting named. */
import { invalid } from "../../policy/rulebook/errors";

/** One of a list of allowed values, or an error that names the setting and lists them. */
export function oneOf<T extends string | number>(setting: string, value: unknown, allowed: readonly T[], why = ""): T {
    if (!(allowed as readonly unknown[]).includes(value)) {
        invalid(setting, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}${why}`, value);
    }
    return value as T;
}
