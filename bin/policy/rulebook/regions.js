"use strict";
/** Azure regions, which Azure writes both as "westeurope" and "West Europe". */
Object.defineProperty(exports, "__esModule", { value: true });
exports.isRegionName = isRegionName;
exports.normalizeRegion = normalizeRegion;
exports.sameRegion = sameRegion;
/** A region name in either form. */
const REGION = /^[a-z][a-z0-9]*(?: [a-z0-9]+)*$/i;
function isRegionName(region) {
    return REGION.test(region);
}
/** The programmatic form: "West Europe" -> "westeurope". */
function normalizeRegion(region) {
    return region.replace(/\s+/g, "").toLowerCase();
}
function sameRegion(a, b) {
    return normalizeRegion(a) === normalizeRegion(b);
}
