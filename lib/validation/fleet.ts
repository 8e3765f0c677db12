/** A fleet's regions, scope and enrolment tag, as a setting or a component argument names them. */
import { parseScopeId } from "../../policy/rulebook/armIds";
import { invalid } from "../../policy/rulebook/errors";
import { normalizeRegion } from "../../policy/rulebook/regions";
import { checkRegion } from "./names";

/** At least one region, each an Azure region name, none twice (`West Europe` and `westeurope` are one). */
export function checkFleetRegions(setting: string, regions: readonly string[]): string[] {
    if (regions.length === 0) {
        invalid(setting, 'at least one region, e.g. ["westeurope","northeurope"]', regions);
    }
    regions.forEach((region) => checkRegion(setting, region));
    const normalized = regions.map(normalizeRegion);
    const twice = normalized.find((region, i) => normalized.indexOf(region) !== i);
    if (twice !== undefined) {
        invalid(setting, "each region once: a fleet has one vault per region", twice);
    }
    return normalized;
}

/** A subscription or resource group id: where the assignments enrol VMs. */
export function checkFleetScope(setting: string, scope: string): void {
    if (parseScopeId(scope) === undefined) {
        invalid(setting, "a subscription id /subscriptions/<guid> or a resource group id /subscriptions/<guid>/resourceGroups/<group>", scope);
    }
}
