/** Reads the parts of Azure Resource Manager ids. */
export interface ResourceIdParts {
    subscriptionId: string;
    resourceGroupName: string;
    /** The names along the type path, outermost first: `[vnet, subnet]` for a subnet. */
    names: string[];
}
/**
 * Parses `/subscriptions/<id>/resourceGroups/<group>/providers/<namespace>/<type>/<name>[/<type>/<name>]`
 * for the type path given (`Microsoft.Network/virtualNetworks/subnets`), ignoring case as ARM
 * does; undefined when the id is not one of that type.
 */
export declare function parseResourceId(id: string, typePath: string): ResourceIdParts | undefined;
/** What an id of the type path looks like, for messages. */
export declare function resourceIdForm(typePath: string): string;
/** A policy or role assignment scope this project takes: a subscription, or one of its resource groups. */
export interface ScopeParts {
    subscriptionId: string;
    resourceGroupName?: string;
}
/** Parses `/subscriptions/<id>` or `/subscriptions/<id>/resourceGroups/<group>`; undefined for anything else. */
export declare function parseScopeId(id: string): ScopeParts | undefined;
