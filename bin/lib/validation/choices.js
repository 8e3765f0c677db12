"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.oneOf = oneOf;
/** Values from a list, checked with the setting named. */
const errors_1 = require("../../policy/rulebook/errors");
/** One of a list of allowed values, or an error that names the setting and lists them. */
function oneOf(setting, value, allowed, why = "") {
    if (!allowed.includes(value)) {
        (0, errors_1.invalid)(setting, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}${why}`, value);
    }
    return value;
}
