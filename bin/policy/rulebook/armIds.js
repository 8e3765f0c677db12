"use strict";
/** Reads the parts of Azure Resource Manager ids. */
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseResourceId = parseResourceId;
exports.resourceIdForm = resourceIdForm;
exports.parseScopeId = parseScopeId;
/**
 * Parses `/subscriptions/<id>/resourceGroups/<group>/providers/<namespace>/<type>/<name>[/<type>/<name>]`
 * for the type path given (`Microsoft.Network/virtualNetworks/subnets`), ignoring case as ARM
 * does; undefined when the id is not one of that type.
 */
function parseResourceId(id, typePath) {
    const [namespace, ...types] = typePath.split("/");
    const segments = types.map((type) => `${escape(type)}/([^/]+)`).join("/");
    const pattern = new RegExp(`^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/${escape(namespace)}/${segments}$`, "i");
    const match = pattern.exec(id);
    return match ? { subscriptionId: match[1], resourceGroupName: match[2], names: match.slice(3) } : undefined;
}
/** What an id of the type path looks like, for messages. */
function resourceIdForm(typePath) {
    const [namespace, ...types] = typePath.split("/");
    return `/subscriptions/<id>/resourceGroups/<group>/providers/${namespace}/${types.map((type) => `${type}/<name>`).join("/")}`;
}
function escape(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
/** Parses `/subscriptions/<id>` or `/subscriptions/<id>/resourceGroups/<group>`; undefined for anything else. */
function parseScopeId(id) {
    const match = /^\/subscriptions\/([0-9a-f-]{36})(?:\/resourceGroups\/([-\w._()]{1,90}))?$/i.exec(id);
    return match ? { subscriptionId: match[1], resourceGroupName: match[2] } : undefined;
}
