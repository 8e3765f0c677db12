"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TCP_PORT = void 0;
exports.wholeNumber = wholeNumber;
exports.port = port;
/** Whole numbers and ports, checked with the setting named. */
const errors_1 = require("../../policy/rulebook/errors");
exports.TCP_PORT = { min: 1, max: 65535 };
/** A whole number inside the range; `value` may be the configured text that did not parse as one. */
function wholeNumber(setting, value, range) {
    if (typeof value !== "number" || !Number.isInteger(value) || value < range.min || value > range.max) {
        (0, errors_1.invalid)(setting, `a whole number from ${range.min} to ${range.max}${range.reason ? ` (${range.reason})` : ""}`, value);
    }
    return value;
}
/** A TCP port. */
function port(setting, value) {
    return wholeNumber(setting, value, exports.TCP_PORT);
}
