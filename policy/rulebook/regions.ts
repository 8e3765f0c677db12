/** Azure regions, which Azure writes both as "westeurope" and "West Europe". */

/** A region name in either form. */
const REGION = /^[a-z][a-z0-9]*(?: [a-z0-9]+)*$/i;

export function isRegionName(region: string): boolean {
    return REGION.test(region);
}

/** The programmatic form: "West Europe" -> "westeurope". */
export function normalizeRegion(region: string): string {
    return region.replace(/\s+/g, "").toLowerCase();
}

export function sameRegion(a: string, b: string): boolean {
    return normalizeRegion(a) === normalizeRegion(b);
}
