/** The document's two ways out to Azure Storage. */
import { invalid } from "../../policy/rulebook/errors";

/** The document's two ways out to Azure Storage: a proxy, or an allow-list of Azure's addresses. */
export const CONNECTIVITY_MODES = ["proxy", "serviceTags"] as const;
export type Connectivity = (typeof CONNECTIVITY_MODES)[number];

export function checkConnectivity(setting: string, value: string): Connectivity {
    if (!(CONNECTIVITY_MODES as readonly string[]).includes(value)) {
        invalid(setting, `one of ${CONNECTIVITY_MODES.map((mode) => `"${mode}"`).join(", ")}`, value);
    }
    return value as Connectivity;
}
