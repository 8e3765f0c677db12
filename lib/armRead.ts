/**
 * Reads a list from Azure Resource Manager with the provider's own credentials, for data
 * azure-native has no function for: `azure-native:authorization:getClientToken` and
 * `getClientConfig` give the token and subscription the provider itself uses.
 */
import * as authorization from "@pulumi/azure-native/authorization";
import { OneLineError } from "../policy/rulebook/errors";

export const ARM = "https://management.azure.com";
/** More pages than any list read here has: a nextLink that never ends stops here. */
const MAX_PAGES = 100;

/**
 * The `value` entries of an ARM list, across its `nextLink` pages; `path` is the subscription's
 * path and query (`/locations?api-version=...`), `what` names the data in an error.
 */
export async function readArmList<T>(what: string, path: string): Promise<T[]> {
    const [{ token }, { subscriptionId }] = await Promise.all([authorization.getClientToken(), authorization.getClientConfig()]);
    const entries: T[] = [];
    let url: string | undefined = `${ARM}/subscriptions/${subscriptionId}${path}`;
    for (let page = 0; url !== undefined && page < MAX_PAGES; page++) {
        const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
        if (!response.ok) {
            throw new OneLineError(`reading ${what}: HTTP ${response.status} ${await response.text()}`, "AzureReadError");
        }
        const body = (await response.json()) as { value?: T[]; nextLink?: string };
        entries.push(...(body.value ?? []));
        url = body.nextLink ?? undefined;
    }
    return entries;
}
