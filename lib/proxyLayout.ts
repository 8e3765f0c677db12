/**
 * Where the proxies sit: the address clients use, the port, and the proxies' own addresses. One
 * pure function for the reference environment's settings and for a `BackupProxy` called alone,
 * each naming its own settings or arguments in its errors.
 */
import { formatIp, hostAddress, parseIp } from "../policy/rulebook/cidr";
import { DEFAULTS } from "./defaults";
import { checkProxyIp, cidr } from "./validation/addresses";
import { WholeNumberRange } from "./validation/numbers";

/** One to ten proxies: one hour-long patch window each, within a day. */
export const PROXY_COUNT: WholeNumberRange = { min: 1, max: 10, reason: "one to ten proxies, each with its own hour-long patch window" };

export interface ProxyLayout {
    /** The address clients use: the one proxy's own, or the load balancer's frontend. */
    proxyIp: string;
    proxyPort: number;
    /** Two or more proxies behind an internal load balancer. */
    balanced: boolean;
    /** The proxies' own private addresses: `proxyIp` for one proxy; behind a load balancer the `count` addresses after it. */
    backendIps: string[];
}

/** What the values are called where they come from: the settings' names or a component's arguments'. */
export interface ProxyLayoutNames {
    subnet: string;
    proxyIp: string;
    count: string;
}

/** The proxy's address when none is given: 5 places after its subnet's network address (10.0.0.5 in 10.0.0.0/24). */
export function defaultProxyIp(subnetAddressPrefix: string, subnetName: string): string {
    return formatIp(hostAddress(cidr(subnetName, subnetAddressPrefix), DEFAULTS.proxyHostOffset));
}

/**
 * The layout of `count` proxies (checked by the caller, as the port is) in the subnet: `proxyIp`
 * (its default where absent) and every backend address a usable address of the subnet.
 */
export function proxyLayout(input: { subnetAddressPrefix: string; proxyIp?: string; proxyPort: number; count: number }, names: ProxyLayoutNames): ProxyLayout {
    const proxyIp = input.proxyIp ?? defaultProxyIp(input.subnetAddressPrefix, names.subnet);
    checkProxyIp(names.proxyIp, proxyIp, input.subnetAddressPrefix, names.subnet);
    const balanced = input.count > 1;
    const frontend = parseIp(proxyIp) as number;
    const backendIps = balanced ? Array.from({ length: input.count }, (_, i) => formatIp(frontend + i + 1)) : [proxyIp];
    if (balanced) {
        backendIps.forEach((address) => checkProxyIp(names.count, address, input.subnetAddressPrefix, names.subnet));
    }
    return { proxyIp, proxyPort: input.proxyPort, balanced, backendIps };
}
