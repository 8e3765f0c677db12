/** Reads the parts of Azure Resource Manager ids. */
import { invalid } from "./errors";

export interface ResourceIdParts {
    subscriptionId: string;
    resourceGroupName: string;
    /** The names along the type path, outermost first: `[vnet, subnet]` for a subnet. */
    names: string[];
}

/** The provider type paths this project reads ids of. */
export const RESOURCE_TYPES = {
    virtualMachine: "Microsoft.Compute/virtualMachines",
    networkSecurityGroup: "Microsoft.Network/networkSecurityGroups",
    subnet: "Microsoft.Network/virtualNetworks/subnets",
} as const;

/** Parses `/subscriptions/<id>/resourceGroups/<group>/providers/<namespace>/<type>/<name>[/<type>/<name>]`. */
export function parseResourceId(setting: string, id: string, typePath: string): ResourceIdParts {
    const [namespace, ...types] = typePath.split("/");
    const segments = types.map((type) => `${escape(type)}/([^/]+)`).join("/");
    const pattern = new RegExp(`^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/${escape(namespace)}/${segments}$`, "i");
    const match = pattern.exec(id);
    if (!match) {
        const example = types.map((type) => `${type}/<name>`).join("/");
        invalid(setting, `an ARM id of the form /subscriptions/<id>/resourceGroups/<group>/providers/${namespace}/${example}`, id);
    }
    return { subscriptionId: match[1], resourceGroupName: match[2], names: match.slice(3) };
}

/** Like {@link parseResourceId}, for ids that may not be of the type: undefined instead of an error. */
export function tryParseResourceId(id: string, typePath: string): ResourceIdParts | undefined {
    try {
        return parseResourceId("id", id, typePath);
    } catch {
        return undefined;
    }
}

function escape(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
