/** Azure regions, which Azure writes both as "westeurope" and "West Europe". */
export declare function isRegionName(region: string): boolean;
/** The programmatic form: "West Europe" -> "westeurope". */
export declare function normalizeRegion(region: string): string;
export declare function sameRegion(a: string, b: string): boolean;
