"use strict";
/**
 * Reads the parts of Azure Resource Manager ids: the one strict parser for every id a user
 * passes. A subscription is its GUID (subscriptionId in every ARM REST path, format "uuid" in
 * azure-rest-api-specs specification/common-types/resource-management/v5/types.json
 * `SubscriptionIdParameter`); a resource group name is 1 to 90 letters, digits, `_`, `(`, `)`,
 * `-` and `.`, not ending in `.` (learn.microsoft.com/azure/azure-resource-manager/management/
 * resource-name-rules#microsoftresources); the provider namespace and every type segment are the
 * ones the caller expects, ignoring case as ARM does.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseResourceId = parseResourceId;
exports.resourceIdForm = resourceIdForm;
exports.parseScopeId = parseScopeId;
const SUBSCRIPTION = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";
const RESOURCE_GROUP = "([-\\w.()\\p{L}\\p{N}]{0,89}[-\\w()\\p{L}\\p{N}])";
/**
 * Parses `/subscriptions/<guid>/resourceGroups/<group>/providers/<namespace>/<type>/<name>[/<type>/<name>]`
 * for the type path given (`Microsoft.Network/virtualNetworks/subnets`); undefined when the id
 * is not one of that type.
 */
function parseResourceId(id, typePath) {
    if (typeof id !== "string") {
        return undefined;
    }
    const [namespace, ...types] = typePath.split("/");
    const segments = types.map((type) => `${escape(type)}/([^/]+)`).join("/");
    const pattern = new RegExp(`^/subscriptions/${SUBSCRIPTION}/resourceGroups/${RESOURCE_GROUP}/providers/${escape(namespace)}/${segments}$`, "iu");
    const match = pattern.exec(id);
    return match ? { subscriptionId: match[1], resourceGroupName: match[2], names: match.slice(3) } : undefined;
}
/** What an id of the type path looks like, for messages. */
function resourceIdForm(typePath) {
    const [namespace, ...types] = typePath.split("/");
    return `/subscriptions/<guid>/resourceGroups/<group>/providers/${namespace}/${types.map((type) => `${type}/<name>`).join("/")}`;
}
function escape(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
const SCOPE = new RegExp(`^/subscriptions/${SUBSCRIPTION}(?:/resourceGroups/${RESOURCE_GROUP})?$`, "iu");
/** Parses `/subscriptions/<guid>` or `/subscriptions/<guid>/resourceGroups/<group>`; undefined for anything else. */
function parseScopeId(id) {
    const match = typeof id === "string" ? SCOPE.exec(id) : null;
    return match ? { subscriptionId: match[1], resourceGroupName: match[2] } : undefined;
}
