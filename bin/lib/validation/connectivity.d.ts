/** The document's two ways out to Azure Storage: a proxy, or an allow-list of Azure's addresses. */
export declare const CONNECTIVITY_MODES: readonly ["proxy", "serviceTags"];
export type Connectivity = (typeof CONNECTIVITY_MODES)[number];
export declare function checkConnectivity(setting: string, value: string): Connectivity;
