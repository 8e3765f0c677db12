/**
 * Reads the parts of Azure Resource Manager ids: the one strict parser for every id a user
 * passes. A subscription is its GUID (subscriptionId in every ARM REST path, format "uuid" in
 * azure-rest-api-specs specification/common-types/resource-management/v5/types.json
 * `SubscriptionIdParameter`); a resource group name is 1 to 90 letters, digits, `_`, `(`, `)`,
 * `-` and `.`, not ending in `.` (learn.microsoft.com/azure/azure-resource-manager/management/
 * resource-name-rules#microsoftresources); the provider namespace and every type segment are the
 * ones the caller expects, ignoring case as ARM does.
 */
export interface ResourceIdParts {
    subscriptionId: string;
    resourceGroupName: string;
    /** The names along the type path, outermost first: `[vnet, subnet]` for a subnet. */
    names: string[];
}
/**
 * Parses `/subscriptions/<guid>/resourceGroups/<group>/providers/<namespace>/<type>/<name>[/<type>/<name>]`
 * for the type path given (`Microsoft.Network/virtualNetworks/subnets`); undefined when the id
 * is not one of that type.
 */
export declare function parseResourceId(id: string, typePath: string): ResourceIdParts | undefined;
/** What an id of the type path looks like, for messages. */
export declare function resourceIdForm(typePath: string): string;
/** A policy or role assignment scope this project takes: a subscription, or one of its resource groups. */
export interface ScopeParts {
    subscriptionId: string;
    resourceGroupName?: string;
}
/** Parses `/subscriptions/<guid>` or `/subscriptions/<guid>/resourceGroups/<group>`; undefined for anything else. */
export declare function parseScopeId(id: string): ScopeParts | undefined;
