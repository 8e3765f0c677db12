import { WholeNumberRange } from "./validation/numbers";
/** One to ten proxies: one hour-long patch window each, within a day. */
export declare const PROXY_COUNT: WholeNumberRange;
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
export declare function defaultProxyIp(subnetAddressPrefix: string, subnetName: string): string;
/**
 * The layout of `count` proxies (checked by the caller, as the port is) in the subnet: `proxyIp`
 * (its default where absent) and every backend address a usable address of the subnet.
 */
export declare function proxyLayout(input: {
    subnetAddressPrefix: string;
    proxyIp?: string;
    proxyPort: number;
    count: number;
}, names: ProxyLayoutNames): ProxyLayout;
