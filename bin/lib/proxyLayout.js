"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PROXY_COUNT = void 0;
exports.defaultProxyIp = defaultProxyIp;
exports.proxyLayout = proxyLayout;
/**
 * Where the proxies sit: the address clients use, the port, and the proxies' own addresses. One
 * pure function for the reference environment's settings and for a `BackupProxy` called alone,
 * each naming its own settings or arguments in its errors.
 */
const cidr_1 = require("../policy/rulebook/cidr");
const errors_1 = require("../policy/rulebook/errors");
const defaults_1 = require("./defaults");
const addresses_1 = require("./validation/addresses");
/** One to ten proxies: one hour-long patch window each, within a day. */
exports.PROXY_COUNT = { min: 1, max: 10, reason: "one to ten proxies, each with its own hour-long patch window" };
/** The proxy's address when none is given: 5 places after its subnet's network address (10.0.0.5 in 10.0.0.0/24). */
function defaultProxyIp(subnetAddressPrefix, subnetName) {
    return (0, cidr_1.formatIp)((0, cidr_1.hostAddress)((0, addresses_1.cidr)(subnetName, subnetAddressPrefix), defaults_1.DEFAULTS.proxyHostOffset));
}
/**
 * The layout of `count` proxies (checked by the caller, as the port is) in the subnet: `proxyIp`
 * (its default where absent) and every backend address a usable address of the subnet.
 */
function proxyLayout(input, names) {
    const proxyIp = input.proxyIp ?? defaultProxyIp(input.subnetAddressPrefix, names.subnet);
    (0, addresses_1.checkProxyIp)(names.proxyIp, proxyIp, input.subnetAddressPrefix, names.subnet);
    const frontend = (0, cidr_1.parseIp)(proxyIp);
    const backends = Array.from({ length: input.count }, (_, i) => frontend + i + 1);
    const block = (0, addresses_1.cidr)(names.subnet, input.subnetAddressPrefix);
    if (backends.some((address) => !(0, cidr_1.containsIp)(block, address) || (0, cidr_1.isAzureReservedAddress)(block, address))) {
        const lastUsable = (0, cidr_1.formatIp)((0, cidr_1.lastAddress)(block) - 1);
        if (input.proxyIp === undefined) {
            // The user set the count (or the subnet), not the address: name what they set.
            (0, errors_1.invalid)(names.count, `at most ${Math.max(0, (0, cidr_1.lastAddress)(block) - 1 - frontend)} here: the proxies take the addresses after ${names.proxyIp} ${proxyIp} (its default, 5 after the network address), ` +
                `and the last usable address of ${names.subnet} ${input.subnetAddressPrefix} is ${lastUsable}`, input.count);
        }
        const taken = input.count === 1 ? `it takes ${(0, cidr_1.formatIp)(backends[0])}` : `they take ${(0, cidr_1.formatIp)(backends[0])}-${(0, cidr_1.formatIp)(backends[backends.length - 1])}`;
        (0, errors_1.invalid)(names.proxyIp, `an address with room for ${input.count} prox${input.count === 1 ? "y" : "ies"} after it (${names.count}): ${taken}, ` +
            `and the last usable address of ${names.subnet} ${input.subnetAddressPrefix} is ${lastUsable}`, proxyIp);
    }
    const backendIps = backends.map(cidr_1.formatIp);
    return { proxyIp, proxyPort: input.proxyPort, backendIps };
}
