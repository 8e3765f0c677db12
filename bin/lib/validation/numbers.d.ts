import type { WholeNumberRange } from "../../policy/rulebook/vault";
export type { WholeNumberRange };
export declare const TCP_PORT: WholeNumberRange;
/** A whole number inside the range; `value` may be the configured text that did not parse as one. */
export declare function wholeNumber(setting: string, value: number | string, range: WholeNumberRange): number;
/** A TCP port. */
export declare function port(setting: string, value: number | string): number;
