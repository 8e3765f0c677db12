/** A fleet's regions, scope and enrolment tag, as a setting or a component argument names them. */
import { checkEachOnce } from "./lists";
import { parseScope } from "../armIds";
import { invalid } from "../../policy/rulebook/errors";
import { normalizeRegion, RegionData } from "../../policy/rulebook/regions";
import { coveredLinuxImages, definitionCoversImage, EnrolmentDefinition, ENROLMENT_DEFINITIONS } from "../../policy/rulebook/fleet";
import { customDefinitionOf } from "../../policy/rulebook/fleetDefinition";
import { formatImageUrn, ImageReference } from "../../policy/rulebook/images";
import { checkTag } from "../vaultSettings";
import { checkRegion } from "./names";

/** At least one region, each an Azure region name, none twice (`West Europe` and `westeurope` are one). */
export function checkFleetRegions(setting: string, regions: readonly string[], known: RegionData): string[] {
    if (regions.length === 0) {
        invalid(setting, 'at least one region, e.g. ["westeurope","northeurope"]', regions);
    }
    // Each region is named as the user wrote it in path form: `fleetRegions[1]`.
    regions.forEach((region, i) => checkRegion(`${setting}[${i}]`, region, known));
    checkEachOnce(setting, regions, "each region once: a fleet has one vault per region", normalizeRegion);
    return regions.map(normalizeRegion);
}

/** A subscription or resource group id: where the assignments enrol VMs. */
export function checkFleetScope(setting: string, scope: string): void {
    parseScope(setting, scope);
}

export type Enrolment = "list" | "policy";

export function checkEnrolment(setting: string, value: string): Enrolment {
    if (value !== "list" && value !== "policy") {
        invalid(setting, '"list" (a protected item per VM) or "policy" (Azure Policy enrols tagged VMs into a vault per region)', value);
    }
    return value;
}

/** `name=value`, split at the first `=`, each part by Azure's tag limits. */
export function parseEnrolmentTag(setting: string, text: string): { name: string; value: string } {
    const at = text.indexOf("=");
    if (at <= 0) {
        invalid(setting, 'a tag "name=value" such as "backup=daily"', text);
    }
    const tag = { name: text.slice(0, at), value: text.slice(at + 1) };
    checkTag(setting, tag.name, tag.value);
    return tag;
}

/** An image the tag definition enrols: Azure Policy would otherwise never back the VMs up. */
export function checkEnrolledImage(setting: string, image: ImageReference, definition: EnrolmentDefinition = ENROLMENT_DEFINITIONS.include): void {
    if (!definitionCoversImage(definition, image)) {
        const whose = customDefinitionOf(definition.id) ? "the project's" : "Azure's";
        invalid(
            setting,
            `an image ${whose} enrolment definition ${definition.id.split("/").pop()} (${definition.version}) lists, or it never enrols the VMs: ${coveredLinuxImages(definition)}`,
            formatImageUrn(image),
        );
    }
}
