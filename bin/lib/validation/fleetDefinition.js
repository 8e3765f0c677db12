"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FLEET_DEFINITION_DEFAULT = void 0;
exports.checkFleetDefinition = checkFleetDefinition;
/** Which enrolment definition a fleet assigns, as a setting or an argument names it. */
const fleetDefinition_1 = require("../../policy/rulebook/fleetDefinition");
const choices_1 = require("./choices");
exports.FLEET_DEFINITION_DEFAULT = "custom";
function checkFleetDefinition(setting, value) {
    return (0, choices_1.oneOf)(setting, value, fleetDefinition_1.FLEET_DEFINITIONS, ' ("custom": the project\'s definition, which enrols every image Azure Backup supports; "builtIn": Azure\'s)');
}
