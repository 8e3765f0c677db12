import { WholeNumberRange } from "./validation/numbers";
/** One to ten proxies: one hour-long patch window each, within a day. */
export declare const PROXY_COUNT: WholeNumberRange;
/**
 * The proxies' own private addresses: `proxyIp` itself for one proxy; behind a load balancer,
 * whose frontend holds `proxyIp`, the `count` addresses after it.
 */
export declare function proxyBackendIps(proxyIp: string, count: number): string[];
