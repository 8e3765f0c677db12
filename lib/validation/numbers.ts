/** Whole numbers and ports, checked with the setting named. */
import { invalid } from "../../policy/rulebook/errors";
import type { WholeNumberRange } from "../../policy/rulebook/vault";

export type { WholeNumberRange };

export const TCP_PORT: WholeNumberRange = { min: 1, max: 65535 };

/** A whole number inside the range; `value` may be the configured text that did not parse as one. */
export function wholeNumber(setting: string, value: number | string, range: WholeNumberRange): number {
    if (typeof value !== "number" || !Number.isInteger(value) || value < range.min || value > range.max) {
        invalid(setting, `a whole number from ${range.min} to ${range.max}${range.reason ? ` (${range.reason})` : ""}`, value);
    }
    return value;
}

/** A TCP port. */
export function port(setting: string, value: number | string): number {
    return wholeNumber(setting, value, TCP_PORT);
}
