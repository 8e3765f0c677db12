/** The address plan: CIDRs, the proxy's address and port, who may use the proxy. Checked with the setting named. */
import { Cidr } from "../../policy/rulebook/cidr";
import * as pulumi from "@pulumi/pulumi";
import type { ProxyEndpoint } from "../guestConfig";
export type { ProxyEndpoint };
/** The port squid listens on: any TCP port but SSH's. */
export declare function checkProxyPort(setting: string, value: number | string): number;
/** An IPv4 CIDR block with its host bits zero. */
export declare function cidr(setting: string, value: string): Cidr;
/** A dotted IPv4 address. */
export declare function ip(setting: string, value: string): number;
/** The proxy's address: an IPv4 address alone. Azure Backup cannot use an authenticated proxy. */
export declare function proxyAddress(setting: string, value: string): number;
export interface AddressPlan {
    addressSpace: string;
    proxySubnet: string;
    appSubnet: string;
    proxyIp: string;
    appVmCount: number;
    sshSourceCidr?: string;
}
/** Subnets inside the address space, apart and large enough; the proxy's address free of the app subnet (its place in its own subnet is lib/proxyLayout.ts's). */
export declare function checkAddressPlan(plan: AddressPlan): void;
/** The proxy's address must be in its subnet (named by `subnetSetting`) and not one of the five that Azure keeps. */
export declare function checkProxyIp(setting: string, proxyIp: string, subnet: string, subnetSetting?: string): void;
/** Addresses that other VMs hold or may be given, keyed by the setting that names them. */
export interface TakenAddresses {
    /** Subnets where Azure hands out dynamic addresses to other VMs. */
    dynamicSubnets?: Record<string, string>;
    /** Static addresses of other VMs. */
    staticIps?: Record<string, string>;
}
/** The proxy's static address must not collide with another VM's, now or when Azure hands out the next dynamic address. */
export declare function checkProxyIpFree(setting: string, proxyIp: string, taken: TakenAddresses): void;
/** Who may use the proxy: at least one CIDR, each well formed (an empty list would open nothing and break squid and nft). */
export declare function checkClientAddressPrefixes(setting: string, prefixes: string[]): void;
/** A proxy's address and port as a component takes them, Outputs included: checked now, or when they resolve. */
export declare function proxyEndpointInput(proxyIp: pulumi.Input<string>, proxyPort?: pulumi.Input<number>): ProxyEndpoint | pulumi.Output<ProxyEndpoint>;
/** `args` carrying an endpoint checked already. */
export declare function carryingCheckedEndpoint<T extends object>(args: T, endpoint: ProxyEndpoint | pulumi.Output<ProxyEndpoint>): T;
/** A proxy client's endpoint: the one its creator checked, or its own arguments checked now. */
export declare function proxyEndpointOf(args: {
    proxyIp: pulumi.Input<string>;
    proxyPort?: pulumi.Input<number>;
}): ProxyEndpoint | pulumi.Output<ProxyEndpoint>;
/** A proxy's address and port, checked, the port defaulted. */
export declare function checkProxyEndpoint(proxyIp: string, proxyPort?: number): ProxyEndpoint;
