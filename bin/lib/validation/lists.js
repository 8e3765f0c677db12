"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkEachOnce = checkEachOnce;
/** Checks of a list setting's entries, each named as the path form writes it: `alertEmails[1]`. */
const errors_1 = require("../../policy/rulebook/errors");
/**
 * Refuses an entry that repeats an earlier one, naming both:
 * `fleetRegions[1]: must be <allowed>; it repeats fleetRegions[0]; got "West Europe"`.
 * Entries compare by `key` (a region's normalised name, an address in lower case).
 */
function checkEachOnce(setting, items, allowed, key = (item) => item) {
    const keys = items.map(key);
    keys.forEach((itemKey, i) => {
        const first = keys.indexOf(itemKey);
        if (first !== i) {
            (0, errors_1.invalid)(`${setting}[${i}]`, `${allowed}; it repeats ${setting}[${first}]`, items[i]);
        }
    });
}
