"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CONNECTIVITY_MODES = void 0;
exports.checkConnectivity = checkConnectivity;
/** The document's two ways out to Azure Storage. */
const errors_1 = require("../../policy/rulebook/errors");
/** The document's two ways out to Azure Storage: a proxy, or an allow-list of Azure's addresses. */
exports.CONNECTIVITY_MODES = ["proxy", "serviceTags"];
function checkConnectivity(setting, value) {
    if (!exports.CONNECTIVITY_MODES.includes(value)) {
        (0, errors_1.invalid)(setting, `one of ${exports.CONNECTIVITY_MODES.map((mode) => `"${mode}"`).join(", ")}`, value);
    }
    return value;
}
