/** Checks of a list setting's entries, each named as the path form writes it: `alertEmails[1]`. */
import { invalid } from "../../policy/rulebook/errors";

/**
 * Refuses an entry that repeats an earlier one, naming both:
 * `fleetRegions[1]: must be <allowed>; it repeats fleetRegions[0]; got "West Europe"`.
 * Entries compare by `key` (a region's normalised name, an address in lower case).
 */
export function checkEachOnce<T>(setting: string, items: readonly T[], allowed: string, key: (item: T) => unknown = (item) => item): void {
    const keys = items.map(key);
    keys.forEach((itemKey, i) => {
        const first = keys.indexOf(itemKey);
        if (first !== i) {
            invalid(`${setting}[${i}]`, `${allowed}; it repeats ${setting}[${first}]`, items[i]);
        }
    });
}
