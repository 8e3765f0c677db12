export declare const ARM = "https://management.azure.com";
/**
 * The `value` entries of an ARM list, across its `nextLink` pages; `path` is the subscription's
 * path and query (`/locations?api-version=...`), `what` names the data in an error.
 */
export declare function readArmList<T>(what: string, path: string): Promise<T[]>;
