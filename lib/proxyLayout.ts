/** How several proxies sit behind one address: their count and their own addresses. */
import { formatIp, parseIp } from "../policy/rulebook/cidr";
import { WholeNumberRange } from "./validation/numbers";

/** One to ten proxies: one hour-long patch window each, within a day. */
export const PROXY_COUNT: WholeNumberRange = { min: 1, max: 10, reason: "one to ten proxies, each with its own hour-long patch window" };

/**
 * The proxies' own private addresses: `proxyIp` itself for one proxy; behind a load balancer,
 * whose frontend holds `proxyIp`, the `count` addresses after it.
 */
export function proxyBackendIps(proxyIp: string, count: number): string[] {
    const frontend = parseIp(proxyIp);
    if (count <= 1 || frontend === undefined) {
        return [proxyIp];
    }
    return Array.from({ length: count }, (_, i) => formatIp(frontend + i + 1));
}
