"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkProxyPort = checkProxyPort;
exports.cidr = cidr;
exports.ip = ip;
exports.proxyAddress = proxyAddress;
exports.checkAddressPlan = checkAddressPlan;
exports.checkProxyIp = checkProxyIp;
exports.checkProxyIpFree = checkProxyIpFree;
exports.checkClientAddressPrefixes = checkClientAddressPrefixes;
exports.proxyEndpointInput = proxyEndpointInput;
exports.carryingCheckedEndpoint = carryingCheckedEndpoint;
exports.proxyEndpointOf = proxyEndpointOf;
exports.checkProxyEndpoint = checkProxyEndpoint;
/** The address plan: CIDRs, the proxy's address and port, who may use the proxy. Checked with the setting named. */
const cidr_1 = require("../../policy/rulebook/cidr");
const errors_1 = require("../../policy/rulebook/errors");
const platform_1 = require("../../policy/rulebook/platform");
const defaults_1 = require("../defaults");
const inputs_1 = require("../inputs");
const numbers_1 = require("./numbers");
/** The port squid listens on: any TCP port but SSH's. */
function checkProxyPort(setting, value) {
    const proxyPort = (0, numbers_1.port)(setting, value);
    if (proxyPort === platform_1.SSH_PORT) {
        (0, errors_1.invalid)(setting, `a port from 1 to 65535 other than ${platform_1.SSH_PORT}, where the proxy VM's SSH server listens`, value);
    }
    return proxyPort;
}
/** An IPv4 CIDR block with its host bits zero. */
function cidr(setting, value) {
    return (0, cidr_1.parseCidr)(value) ?? (0, errors_1.invalid)(setting, "an IPv4 CIDR with its host bits zero, such as 10.0.0.0/24", value);
}
/** A dotted IPv4 address. */
function ip(setting, value) {
    return (0, cidr_1.parseIp)(value) ?? (0, errors_1.invalid)(setting, "an IPv4 address such as 10.0.0.5", value);
}
/** `scheme://user:password@` or `user:password@` in front of a host: everything up to the last `@`. */
const PROXY_CREDENTIALS = /^([a-z][a-z0-9+.-]*:\/\/)?.*@/i;
/** The proxy's address: an IPv4 address alone. Azure Backup cannot use an authenticated proxy. */
function proxyAddress(setting, value) {
    if (PROXY_CREDENTIALS.test(value)) {
        (0, errors_1.invalid)(setting, "the proxy's IPv4 address alone, such as 10.0.0.5: an authenticated proxy is not supported by Azure Backup (the VM agent cannot send credentials)", value.replace(PROXY_CREDENTIALS, "$1***@"));
    }
    return (0, cidr_1.parseIp)(value) ?? (0, errors_1.invalid)(setting, "the proxy's IPv4 address alone, such as 10.0.0.5, without scheme or port (the port is proxyPort)", value);
}
/** A virtual network's address space: a CIDR clear of the ranges Azure refuses. */
function checkAddressSpace(setting, value) {
    const space = cidr(setting, value);
    const forbidden = cidr_1.AZURE_FORBIDDEN_RANGES.find(({ block }) => (0, cidr_1.overlaps)(space, block));
    if (forbidden) {
        (0, errors_1.invalid)(setting, `clear of ${forbidden.range} (${forbidden.what}), which Azure refuses in a virtual network`, value);
    }
    return space;
}
/** A subnet inside the address space and no smaller than Azure allows. */
function checkSubnet(setting, value, space, addressSpace) {
    const subnet = cidr(setting, value);
    if (!(0, cidr_1.containsCidr)(space, subnet)) {
        (0, errors_1.invalid)(setting, `inside addressSpace ${addressSpace}`, value);
    }
    if (subnet.prefixLength > cidr_1.SMALLEST_SUBNET_PREFIX_LENGTH) {
        (0, errors_1.invalid)(setting, `a /${cidr_1.SMALLEST_SUBNET_PREFIX_LENGTH} or larger (Azure's smallest subnet)`, value);
    }
    return subnet;
}
/** Subnets inside the address space, apart and large enough; the proxy's address free of the app subnet (its place in its own subnet is lib/proxyLayout.ts's). */
function checkAddressPlan(plan) {
    const space = checkAddressSpace("addressSpace", plan.addressSpace);
    const proxySubnet = checkSubnet("proxySubnet", plan.proxySubnet, space, plan.addressSpace);
    const appSubnet = checkSubnet("appSubnet", plan.appSubnet, space, plan.addressSpace);
    if ((0, cidr_1.overlaps)(proxySubnet, appSubnet)) {
        (0, errors_1.invalid)("appSubnet", `apart from proxySubnet ${plan.proxySubnet}`, plan.appSubnet);
    }
    if ((0, cidr_1.usableAddressCount)(appSubnet) < plan.appVmCount) {
        (0, errors_1.invalid)("appSubnet", `large enough for appVmCount (${plan.appVmCount}) VMs: ${plan.appVmCount + cidr_1.AZURE_RESERVED_ADDRESS_COUNT} addresses or more, as Azure keeps ${cidr_1.AZURE_RESERVED_ADDRESS_COUNT} of every subnet`, plan.appSubnet);
    }
    checkProxyIpFree("proxyIp", plan.proxyIp, { dynamicSubnets: { appSubnet: plan.appSubnet } });
    if (plan.sshSourceCidr !== undefined) {
        cidr("sshSourceCidr", plan.sshSourceCidr);
    }
}
/** The proxy's address must be in its subnet (named by `subnetSetting`) and not one of the five that Azure keeps. */
function checkProxyIp(setting, proxyIp, subnet, subnetSetting = "proxySubnet") {
    const address = proxyAddress(setting, proxyIp);
    const block = cidr(subnetSetting, subnet);
    if (!(0, cidr_1.containsIp)(block, address)) {
        (0, errors_1.invalid)(setting, `an address inside ${subnetSetting} ${subnet}`, proxyIp);
    }
    if ((0, cidr_1.isAzureReservedAddress)(block, address)) {
        (0, errors_1.invalid)(setting, `a usable address of ${subnetSetting} ${subnet}: Azure keeps the first four (${(0, cidr_1.formatIp)(block.network)}-${(0, cidr_1.formatIp)(block.network + 3)}) and the last (${(0, cidr_1.formatIp)((0, cidr_1.lastAddress)(block))})`, proxyIp);
    }
}
/** The proxy's static address must not collide with another VM's, now or when Azure hands out the next dynamic address. */
function checkProxyIpFree(setting, proxyIp, taken) {
    const address = proxyAddress(setting, proxyIp);
    for (const [subnetSetting, subnet] of Object.entries(taken.dynamicSubnets ?? {})) {
        if ((0, cidr_1.containsIp)(cidr(subnetSetting, subnet), address)) {
            (0, errors_1.invalid)(setting, `outside ${subnetSetting} ${subnet}, where Azure gives other VMs dynamic addresses`, proxyIp);
        }
    }
    for (const [vmSetting, vmIp] of Object.entries(taken.staticIps ?? {})) {
        if (ip(vmSetting, vmIp) === address) {
            (0, errors_1.invalid)(setting, `an address no other VM holds (${vmSetting} is ${vmIp})`, proxyIp);
        }
    }
}
/** Who may use the proxy: at least one CIDR, each well formed (an empty list would open nothing and break squid and nft). */
function checkClientAddressPrefixes(setting, prefixes) {
    if (prefixes.length === 0) {
        (0, errors_1.invalid)(setting, "at least one CIDR: the virtual network's address space", prefixes);
    }
    prefixes.forEach((prefix, i) => cidr(`${setting}[${i}]`, prefix));
}
/** A proxy's address and port as a component takes them, Outputs included: checked now, or when they resolve. */
function proxyEndpointInput(proxyIp, proxyPort) {
    return (0, inputs_1.whenAllKnown)([proxyIp, proxyPort], ([address, port]) => checkProxyEndpoint(address, port));
}
/**
 * An endpoint that a component checked where it entered (an app VM's arguments) and hands on to
 * the proxy client it creates, so that the client does not check it a second time. A symbol: no
 * argument of the client's, and nothing a caller from another language can set.
 */
const CHECKED_ENDPOINT = Symbol("checked proxy endpoint");
/** `args` carrying an endpoint checked already. */
function carryingCheckedEndpoint(args, endpoint) {
    return { ...args, [CHECKED_ENDPOINT]: endpoint };
}
/** A proxy client's endpoint: the one its creator checked, or its own arguments checked now. */
function proxyEndpointOf(args) {
    return args[CHECKED_ENDPOINT] ?? proxyEndpointInput(args.proxyIp, args.proxyPort);
}
/** A proxy's address and port, checked, the port defaulted. */
function checkProxyEndpoint(proxyIp, proxyPort) {
    proxyAddress("proxyIp", proxyIp);
    return { proxyIp, proxyPort: checkProxyPort("proxyPort", proxyPort ?? defaults_1.DEFAULTS.proxyPort) };
}
