/** Which enrolment definition a fleet assigns, as a setting or an argument names it. */
import { FleetDefinition } from "../../policy/rulebook/fleetDefinition";
export type { FleetDefinition };
export declare const FLEET_DEFINITION_DEFAULT: FleetDefinition;
export declare function checkFleetDefinition(setting: string, value: unknown): FleetDefinition;
