"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PROXY_COUNT = void 0;
exports.proxyBackendIps = proxyBackendIps;
/** How several proxies sit behind one address: their count and their own addresses. */
const cidr_1 = require("../policy/rulebook/cidr");
/** One to ten proxies: one hour-long patch window each, within a day. */
exports.PROXY_COUNT = { min: 1, max: 10, reason: "one to ten proxies, each with its own hour-long patch window" };
/**
 * The proxies' own private addresses: `proxyIp` itself for one proxy; behind a load balancer,
 * whose frontend holds `proxyIp`, the `count` addresses after it.
 */
function proxyBackendIps(proxyIp, count) {
    const frontend = (0, cidr_1.parseIp)(proxyIp);
    if (count <= 1 || frontend === undefined) {
        return [proxyIp];
    }
    return Array.from({ length: count }, (_, i) => (0, cidr_1.formatIp)(frontend + i + 1));
}
