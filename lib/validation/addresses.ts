/** The address plan: CIDRs, the proxy's address and port, who may use the proxy. Checked with the setting named. */
import { AZURE_FORBIDDEN_RANGES, AZURE_RESERVED_ADDRESS_COUNT, Cidr, containsCidr, containsIp, formatIp, isAzureReservedAddress, lastAddress, overlaps, parseCidr, parseIp, SMALLEST_SUBNET_PREFIX_LENGTH, usableAddressCount } from "../../policy/rulebook/cidr";
import { invalid } from "../../policy/rulebook/errors";
import { AZURE_PLATFORM_ADDRESS, SSH_PORT } from "../../policy/rulebook/platform";
import * as pulumi from "@pulumi/pulumi";
import { DEFAULTS } from "../defaults";
import type { ProxyEndpoint } from "../guestConfig";
import { whenAllKnown } from "../inputs";

export type { ProxyEndpoint };
import { port } from "./numbers";

/** The port squid listens on: any TCP port but SSH's. */
export function checkProxyPort(setting: string, value: number | string): number {
    const proxyPort = port(setting, value);
    if (proxyPort === SSH_PORT) {
        invalid(setting, `a port from 1 to 65535 other than ${SSH_PORT}, where the proxy VM's SSH server listens`, value);
    }
    return proxyPort;
}

/** An IPv4 CIDR block with its host bits zero. */
export function cidr(setting: string, value: string): Cidr {
    return parseCidr(value) ?? invalid(setting, "an IPv4 CIDR with its host bits zero, such as 10.0.0.0/24", value);
}

/** A dotted IPv4 address. */
export function ip(setting: string, value: string): number {
    return parseIp(value) ?? invalid(setting, "an IPv4 address such as 10.0.0.5", value);
}

/** `scheme://user:password@` or `user:password@` in front of a host: everything up to the last `@`. */
const PROXY_CREDENTIALS = /^([a-z][a-z0-9+.-]*:\/\/)?.*@/i;

/** The proxy's address: an IPv4 address alone. Azure Backup cannot use an authenticated proxy. */
export function proxyAddress(setting: string, value: string): number {
    if (PROXY_CREDENTIALS.test(value)) {
        invalid(
            setting,
            "the proxy's IPv4 address alone, such as 10.0.0.5: an authenticated proxy is not supported by Azure Backup (the VM agent cannot send credentials)",
            value.replace(PROXY_CREDENTIALS, "$1***@"),
        );
    }
    return parseIp(value) ?? invalid(setting, "the proxy's IPv4 address alone, such as 10.0.0.5, without scheme or port (the port is proxyPort)", value);
}

/** A virtual network's address space: a CIDR clear of the ranges Azure refuses. */
function checkAddressSpace(setting: string, value: string): Cidr {
    const space = cidr(setting, value);
    const forbidden = AZURE_FORBIDDEN_RANGES.find(({ block }) => overlaps(space, block));
    if (forbidden) {
        invalid(setting, `clear of ${forbidden.range} (${forbidden.what}), which Azure refuses in a virtual network`, value);
    }
    return space;
}

/** A subnet inside the address space and no smaller than Azure allows. */
function checkSubnet(setting: string, value: string, space: Cidr, addressSpace: string): Cidr {
    const subnet = cidr(setting, value);
    if (!containsCidr(space, subnet)) {
        invalid(setting, `inside addressSpace ${addressSpace}`, value);
    }
    if (subnet.prefixLength > SMALLEST_SUBNET_PREFIX_LENGTH) {
        invalid(setting, `a /${SMALLEST_SUBNET_PREFIX_LENGTH} or larger (Azure's smallest subnet)`, value);
    }
    return subnet;
}

export interface AddressPlan {
    addressSpace: string;
    proxySubnet: string;
    appSubnet: string;
    proxyIp: string;
    appVmCount: number;
    sshSourceCidr?: string;
}

/** Subnets inside the address space, apart and large enough; the proxy's address free of the app subnet (its place in its own subnet is lib/proxyLayout.ts's). */
export function checkAddressPlan(plan: AddressPlan): void {
    const space = checkAddressSpace("addressSpace", plan.addressSpace);
    const proxySubnet = checkSubnet("proxySubnet", plan.proxySubnet, space, plan.addressSpace);
    const appSubnet = checkSubnet("appSubnet", plan.appSubnet, space, plan.addressSpace);
    if (overlaps(proxySubnet, appSubnet)) {
        invalid("appSubnet", `apart from proxySubnet ${plan.proxySubnet}`, plan.appSubnet);
    }
    if (usableAddressCount(appSubnet) < plan.appVmCount) {
        invalid(
            "appSubnet",
            `large enough for appVmCount (${plan.appVmCount}) VMs: ${plan.appVmCount + AZURE_RESERVED_ADDRESS_COUNT} addresses or more, as Azure keeps ${AZURE_RESERVED_ADDRESS_COUNT} of every subnet`,
            plan.appSubnet,
        );
    }
    checkProxyIpFree("proxyIp", plan.proxyIp, { dynamicSubnets: { appSubnet: plan.appSubnet } });
    if (plan.sshSourceCidr !== undefined) {
        cidr("sshSourceCidr", plan.sshSourceCidr);
    }
}

/** The proxy's address must be in its subnet (named by `subnetSetting`) and not one of the five that Azure keeps. */
export function checkProxyIp(setting: string, proxyIp: string, subnet: string, subnetSetting = "proxySubnet"): void {
    const address = proxyAddress(setting, proxyIp);
    const block = cidr(subnetSetting, subnet);
    if (!containsIp(block, address)) {
        invalid(setting, `an address inside ${subnetSetting} ${subnet}`, proxyIp);
    }
    if (isAzureReservedAddress(block, address)) {
        invalid(
            setting,
            `a usable address of ${subnetSetting} ${subnet}: Azure keeps the first four (${formatIp(block.network)}-${formatIp(block.network + 3)}) and the last (${formatIp(lastAddress(block))})`,
            proxyIp,
        );
    }
}

/** Addresses that other VMs hold or may be given, keyed by the setting that names them. */
export interface TakenAddresses {
    /** Subnets where Azure hands out dynamic addresses to other VMs. */
    dynamicSubnets?: Record<string, string>;
    /** Static addresses of other VMs. */
    staticIps?: Record<string, string>;
}

/** The proxy's static address must not collide with another VM's, now or when Azure hands out the next dynamic address. */
export function checkProxyIpFree(setting: string, proxyIp: string, taken: TakenAddresses): void {
    const address = proxyAddress(setting, proxyIp);
    for (const [subnetSetting, subnet] of Object.entries(taken.dynamicSubnets ?? {})) {
        if (containsIp(cidr(subnetSetting, subnet), address)) {
            invalid(setting, `outside ${subnetSetting} ${subnet}, where Azure gives other VMs dynamic addresses`, proxyIp);
        }
    }
    for (const [vmSetting, vmIp] of Object.entries(taken.staticIps ?? {})) {
        if (ip(vmSetting, vmIp) === address) {
            invalid(setting, `an address no other VM holds (${vmSetting} is ${vmIp})`, proxyIp);
        }
    }
}

/** Who may use the proxy: at least one CIDR, each well formed (an empty list would open nothing and break squid and nft). */
export function checkClientAddressPrefixes(setting: string, prefixes: string[]): void {
    if (prefixes.length === 0) {
        invalid(setting, "at least one CIDR: the virtual network's address space", prefixes);
    }
    prefixes.forEach((prefix, i) => cidr(`${setting}[${i}]`, prefix));
}

/** A proxy's address and port as a component takes them, Outputs included: checked now, or when they resolve. */
export function proxyEndpointInput(proxyIp: pulumi.Input<string>, proxyPort?: pulumi.Input<number>): ProxyEndpoint | pulumi.Output<ProxyEndpoint> {
    return whenAllKnown<[string, number | undefined], ProxyEndpoint>([proxyIp, proxyPort], ([address, port]) => checkProxyEndpoint(address, port));
}

/**
 * An endpoint that a component checked where it entered (an app VM's arguments) and hands on to
 * the proxy client it creates, so that the client does not check it a second time. A symbol: no
 * argument of the client's, and nothing a caller from another language can set.
 */
const CHECKED_ENDPOINT = Symbol("checked proxy endpoint");

type Carrying = { [CHECKED_ENDPOINT]?: ProxyEndpoint | pulumi.Output<ProxyEndpoint> };

/** `args` carrying an endpoint checked already. */
export function carryingCheckedEndpoint<T extends object>(args: T, endpoint: ProxyEndpoint | pulumi.Output<ProxyEndpoint>): T {
    return { ...args, [CHECKED_ENDPOINT]: endpoint };
}

/** A proxy client's endpoint: the one its creator checked, or its own arguments checked now. */
export function proxyEndpointOf(args: { proxyIp: pulumi.Input<string>; proxyPort?: pulumi.Input<number> }): ProxyEndpoint | pulumi.Output<ProxyEndpoint> {
    return (args as Carrying)[CHECKED_ENDPOINT] ?? proxyEndpointInput(args.proxyIp, args.proxyPort);
}


/** A proxy's address and port, checked, the port defaulted. */
export function checkProxyEndpoint(proxyIp: string, proxyPort?: number): ProxyEndpoint {
    proxyAddress("proxyIp", proxyIp);
    return { proxyIp, proxyPort: checkProxyPort("proxyPort", proxyPort ?? DEFAULTS.proxyPort) };
}
