/** Every scenario the benchmark plans, by name. Nothing heavy is loaded until a scenario runs. */
import { enrolment } from "./enrolment";
import { fleet } from "./fleet";
import { references } from "./references";
import { referenceEnvironment } from "./referenceEnvironment";
import { sameResources } from "./sameResources";
import { Scenario } from "./scenario";

export const SCENARIOS: Record<string, Scenario> = {
    "reference environment": referenceEnvironment,
    "same resources": sameResources,
    enrolment,
    "fleet of 10 regions": fleet,
    ...references,
};
