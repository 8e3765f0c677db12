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
export function parseResourceId(id: string, typePath: string): ResourceIdParts | undefined {
    const [namespace, ...types] = typePath.split("/");
    const segments = types.map((type) => `${escape(type)}/([^/]+)`).join("/");
    const pattern = new RegExp(`^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/${escape(namespace)}/${segments}$`, "i");
    const match = pattern.exec(id);
    return match ? { subscriptionId: match[1], resourceGroupName: match[2], names: match.slice(3) } : undefined;
}

/** What an id of the type path looks like, for messages. */
export function resourceIdForm(typePath: string): string {
    const [namespace, ...types] = typePath.split("/");
    return `/subscriptions/<id>/resourceGroups/<group>/providers/${namespace}/${types.map((type) => `${type}/<name>`).join("/")}`;
}

function escape(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A policy or role assignment scope this project takes: a subscription, or one of its resource groups. */
export interface ScopeParts {
    subscriptionId: string;
    resourceGroupName?: string;
}

/** Parses `/subscriptions/<id>` or `/subscriptions/<id>/resourceGroups/<group>`; undefined for anything else. */
export function parseScopeId(id: string): ScopeParts | undefined {
    const match = /^\/subscriptions\/([0-9a-f-]{36})(?:\/resourceGroups\/([-\w._()]{1,90}))?$/i.exec(id);
    return match ? { subscriptionId: match[1], resourceGroupName: match[2] } : undefined;
}
