"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkFleetRegions = checkFleetRegions;
exports.checkFleetScope = checkFleetScope;
exports.checkEnrolment = checkEnrolment;
exports.parseEnrolmentTag = parseEnrolmentTag;
exports.checkEnrolledImage = checkEnrolledImage;
/** A fleet's regions, scope and enrolment tag, as a setting or a component argument names them. */
const lists_1 = require("./lists");
const armIds_1 = require("../armIds");
const errors_1 = require("../../policy/rulebook/errors");
const regions_1 = require("../../policy/rulebook/regions");
const fleet_1 = require("../../policy/rulebook/fleet");
const fleetDefinition_1 = require("../../policy/rulebook/fleetDefinition");
const images_1 = require("../../policy/rulebook/images");
const vaultSettings_1 = require("../vaultSettings");
const names_1 = require("./names");
/** At least one region, each an Azure region name, none twice (`West Europe` and `westeurope` are one). */
function checkFleetRegions(setting, regions, known) {
    if (regions.length === 0) {
        (0, errors_1.invalid)(setting, 'at least one region, e.g. ["westeurope","northeurope"]', regions);
    }
    // Each region is named as the user wrote it in path form: `fleetRegions[1]`.
    regions.forEach((region, i) => (0, names_1.checkRegion)(`${setting}[${i}]`, region, known));
    (0, lists_1.checkEachOnce)(setting, regions, "each region once: a fleet has one vault per region", regions_1.normalizeRegion);
    return regions.map(regions_1.normalizeRegion);
}
/** A subscription or resource group id: where the assignments enrol VMs. */
function checkFleetScope(setting, scope) {
    (0, armIds_1.parseScope)(setting, scope);
}
function checkEnrolment(setting, value) {
    if (value !== "list" && value !== "policy") {
        (0, errors_1.invalid)(setting, '"list" (a protected item per VM) or "policy" (Azure Policy enrols tagged VMs into a vault per region)', value);
    }
    return value;
}
/** `name=value`, split at the first `=`, each part by Azure's tag limits. */
function parseEnrolmentTag(setting, text) {
    const at = text.indexOf("=");
    if (at <= 0) {
        (0, errors_1.invalid)(setting, 'a tag "name=value" such as "backup=daily"', text);
    }
    const tag = { name: text.slice(0, at), value: text.slice(at + 1) };
    (0, vaultSettings_1.checkTag)(setting, tag.name, tag.value);
    return tag;
}
/** An image the tag definition enrols: Azure Policy would otherwise never back the VMs up. */
function checkEnrolledImage(setting, image, definition = fleet_1.ENROLMENT_DEFINITIONS.include) {
    if (!(0, fleet_1.definitionCoversImage)(definition, image)) {
        const whose = (0, fleetDefinition_1.customDefinitionOf)(definition.id) ? "the project's" : "Azure's";
        (0, errors_1.invalid)(setting, `an image ${whose} enrolment definition ${definition.id.split("/").pop()} (${definition.version}) lists, or it never enrols the VMs: ${(0, fleet_1.coveredLinuxImages)(definition)}`, (0, images_1.formatImageUrn)(image));
    }
}
