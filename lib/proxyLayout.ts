/**
 * Where the proxies sit: the address clients use, the port, and the proxies' own addresses. One
 * pure function for the reference environment's settings and for a `BackupProxy` called alone,
 * each naming its own settings or arguments in its errors.
 */
import { containsIp, formatIp, hostAddress, isAzureReservedAddress, lastAddress, parseIp } from "../policy/rulebook/cidr";
import { invalid } from "../policy/rulebook/errors";
import { DEFAULTS } from "./defaults";
import { checkProxyIp, cidr } from "./validation/addresses";
import { WholeNumberRange } from "./validation/numbers";

/** One to ten proxies: one hour-long patch window each, within a day. */
export const PROXY_COUNT: WholeNumberRange = { min: 1, max: 10, reason: "one to ten proxies, each with its own hour-long patch window" };

export interface ProxyLayout {
    /** The address clients use: the internal load balancer's frontend, from the first proxy on. */
    proxyIp: string;
    proxyPort: number;
    /** The proxies' own private addresses: the `count` addresses after `proxyIp`, so that scaling only adds or removes backends. */
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
    const frontend = parseIp(proxyIp) as number;
    const backends = Array.from({ length: input.count }, (_, i) => frontend + i + 1);
    const block = cidr(names.subnet, input.subnetAddressPrefix);
    if (backends.some((address) => !containsIp(block, address) || isAzureReservedAddress(block, address))) {
        const lastUsable = formatIp(lastAddress(block) - 1);
        if (input.proxyIp === undefined) {
            // The user set the count (or the subnet), not the address: name what they set.
            invalid(
                names.count,
                `at most ${Math.max(0, lastAddress(block) - 1 - frontend)} here: the proxies take the addresses after ${names.proxyIp} ${proxyIp} (its default, 5 after the network address), ` +
                    `and the last usable address of ${names.subnet} ${input.subnetAddressPrefix} is ${lastUsable}`,
                input.count,
            );
        }
        const taken = input.count === 1 ? `it takes ${formatIp(backends[0])}` : `they take ${formatIp(backends[0])}-${formatIp(backends[backends.length - 1])}`;
        invalid(
            names.proxyIp,
            `an address with room for ${input.count} prox${input.count === 1 ? "y" : "ies"} after it (${names.count}): ${taken}, ` +
                `and the last usable address of ${names.subnet} ${input.subnetAddressPrefix} is ${lastUsable}`,
            proxyIp,
        );
    }
    const backendIps = backends.map(formatIp);
    return { proxyIp, proxyPort: input.proxyPort, backendIps };
}
