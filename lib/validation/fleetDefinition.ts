/** Which enrolment definition a fleet assigns, as a setting or an argument names it. */
import { FLEET_DEFINITIONS, FleetDefinition } from "../../policy/rulebook/fleetDefinition";
import { oneOf } from "./choices";

export type { FleetDefinition };
export const FLEET_DEFINITION_DEFAULT: FleetDefinition = "custom";

export function checkFleetDefinition(setting: string, value: unknown): FleetDefinition {
    return oneOf(setting, value, FLEET_DEFINITIONS, ' ("custom": the project\'s definition, which enrols every image Azure Backup supports; "builtIn": Azure\'s)');
}
