/** IPv4 address and CIDR arithmetic for the address plan. Pure functions, no Pulumi. */

export interface Cidr {
    /** The network address as an unsigned 32-bit integer. */
    readonly network: number;
    readonly prefixLength: number;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Parses a dotted IPv4 address; undefined when it is not one. */
export function parseIp(text: string): number | undefined {
    const match = IPV4.exec(text);
    if (!match) {
        return undefined;
    }
    const octets = match.slice(1).map(Number);
    if (octets.some((octet, i) => octet > 255 || (match[i + 1].length > 1 && match[i + 1].startsWith("0")))) {
        return undefined;
    }
    return octets.reduce((value, octet) => value * 256 + octet, 0);
}

export function formatIp(value: number): string {
    return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

/** Parses `a.b.c.d/n` whose host bits are zero; undefined when it is not such a CIDR. */
export function parseCidr(text: string): Cidr | undefined {
    const [ip, prefix, ...rest] = text.split("/");
    if (rest.length > 0 || prefix === undefined || !/^\d{1,2}$/.test(prefix)) {
        return undefined;
    }
    const network = parseIp(ip);
    const prefixLength = Number(prefix);
    if (network === undefined || prefixLength > 32 || network % blockSize(prefixLength) !== 0) {
        return undefined;
    }
    return { network, prefixLength };
}

export function formatCidr(cidr: Cidr): string {
    return `${formatIp(cidr.network)}/${cidr.prefixLength}`;
}

export function blockSize(prefixLength: number): number {
    return 2 ** (32 - prefixLength);
}

/** The `index`-th block of length `prefixLength` inside `parent`, or undefined when it does not fit. */
export function subBlock(parent: Cidr, prefixLength: number, index: number): Cidr | undefined {
    if (prefixLength < parent.prefixLength || index < 0) {
        return undefined;
    }
    const network = parent.network + index * blockSize(prefixLength);
    const child = { network, prefixLength };
    return containsCidr(parent, child) ? child : undefined;
}

/** The address `offset` places after the network address. */
export function hostAddress(cidr: Cidr, offset: number): number {
    return cidr.network + offset;
}

export function containsIp(cidr: Cidr, ip: number): boolean {
    return ip >= cidr.network && ip < cidr.network + blockSize(cidr.prefixLength);
}

export function containsCidr(outer: Cidr, inner: Cidr): boolean {
    return inner.prefixLength >= outer.prefixLength && containsIp(outer, inner.network);
}

export function overlaps(a: Cidr, b: Cidr): boolean {
    return containsIp(a, b.network) || containsIp(b, a.network);
}

/**
 * Azure keeps five addresses of every subnet: the network address, the gateway (.1), two for
 * Azure DNS (.2, .3) and the broadcast address.
 */
export function isAzureReservedAddress(subnet: Cidr, ip: number): boolean {
    const offset = ip - subnet.network;
    return offset <= 3 || offset === blockSize(subnet.prefixLength) - 1;
}
