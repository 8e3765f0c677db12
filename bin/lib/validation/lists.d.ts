/**
 * Refuses an entry that repeats an earlier one, naming both:
 * `fleetRegions[1]: must be <allowed>; it repeats fleetRegions[0]; got "West Europe"`.
 * Entries compare by `key` (a region's normalised name, an address in lower case).
 */
export declare function checkEachOnce<T>(setting: string, items: readonly T[], allowed: string, key?: (item: T) => unknown): void;
