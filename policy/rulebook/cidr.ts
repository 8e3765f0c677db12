/** IPv4 address and CIDR arithmetic for the address plan. Pure functions, no Pulumi. */

export interface Cidr {
    /** The network address as an unsigned 32-bit integer. */
    readonly network: number;
    readonly prefixLength: number;
}

/** Four dotted decimal octets; their range and leading zeros are checked after the match. */
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
/** A prefix length from 0 to 32, without leading zeros. */
const PREFIX_LENGTH = /^(?:[12]?\d|3[0-2])$/;

/** Parses a dotted IPv4 address; undefined when it is not one. */
export function parseIp(text: string): number | undefined {
    const match = IPV4.exec(text);
    if (!match) {
        return undefined;
    }
    const octets = match.slice(1);
    if (octets.some((octet) => Number(octet) > 255 || (octet.length > 1 && octet.startsWith("0")))) {
        return undefined;
    }
    return octets.reduce((value, octet) => value * 256 + Number(octet), 0);
}

/** Writes an address as dotted decimal. */
export function formatIp(value: number): string {
    return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

/** Parses `a.b.c.d/n` whose host bits are zero; undefined when it is not such a CIDR. */
export function parseCidr(text: string): Cidr | undefined {
    const [ip, prefix, ...rest] = text.split("/");
    if (rest.length > 0 || prefix === undefined || !PREFIX_LENGTH.test(prefix)) {
        return undefined;
    }
    const network = parseIp(ip);
    const prefixLength = Number(prefix);
    if (network === undefined || network % blockSize(prefixLength) !== 0) {
        return undefined;
    }
    return { network, prefixLength };
}

/** Writes a CIDR as `a.b.c.d/n`. */
export function formatCidr(cidr: Cidr): string {
    return `${formatIp(cidr.network)}/${cidr.prefixLength}`;
}

/** How many addresses a block of this prefix length holds. */
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

/** The block's last address, its broadcast address. */
export function lastAddress(cidr: Cidr): number {
    return cidr.network + blockSize(cidr.prefixLength) - 1;
}

/** Whether the address lies inside the block. */
export function containsIp(cidr: Cidr, ip: number): boolean {
    return ip >= cidr.network && ip <= lastAddress(cidr);
}

/** Whether `inner` lies entirely inside `outer`. */
export function containsCidr(outer: Cidr, inner: Cidr): boolean {
    return inner.prefixLength >= outer.prefixLength && containsIp(outer, inner.network);
}

/** Whether the two blocks share an address (aligned blocks either nest or are apart). */
export function overlaps(a: Cidr, b: Cidr): boolean {
    return containsIp(a, b.network) || containsIp(b, a.network);
}

/**
 * Azure keeps five addresses of every subnet: the network address, the gateway (.1), two for
 * Azure DNS (.2, .3) and the broadcast address.
 */
export const AZURE_RESERVED_ADDRESS_COUNT = 5;

/** Whether Azure keeps this address of the subnet for itself (see {@link AZURE_RESERVED_ADDRESS_COUNT}). */
export function isAzureReservedAddress(subnet: Cidr, ip: number): boolean {
    return containsIp(subnet, ip) && (ip - subnet.network <= 3 || ip === lastAddress(subnet));
}

/**
 * Azure's smallest subnet is a /29 ("The smallest supported IPv4 subnet is /29",
 * learn.microsoft.com/azure/virtual-network/virtual-networks-faq#how-small-and-how-large-can-virtual-networks-and-subnets-be).
 */
export const SMALLEST_SUBNET_PREFIX_LENGTH = 29;

/**
 * Ranges Azure refuses in a virtual network's address space, and what they are
 * (learn.microsoft.com/azure/virtual-network/virtual-networks-faq#what-address-ranges-can-i-use-in-my-virtual-networks).
 */
export const AZURE_FORBIDDEN_RANGES: readonly { range: string; what: string; block: Cidr }[] = [
    ["127.0.0.0/8", "loopback"],
    ["169.254.0.0/16", "link-local"],
    ["168.63.129.16/32", "the Azure platform's wire server"],
    ["224.0.0.0/4", "multicast"],
    ["255.255.255.255/32", "broadcast"],
].map(([range, what]) => ({ range, what, block: parseCidr(range) as Cidr }));

/** How many addresses of the subnet Azure hands to NICs. */
export function usableAddressCount(subnet: Cidr): number {
    return Math.max(0, blockSize(subnet.prefixLength) - AZURE_RESERVED_ADDRESS_COUNT);
}

/** Orders blocks by network address, then the larger block (shorter prefix) first. */
export function compareCidrs(a: Cidr, b: Cidr): number {
    return a.network - b.network || a.prefixLength - b.prefixLength;
}

/** The fewest aligned blocks that cover exactly the addresses `first` to `last`, in address order. */
export function rangeToCidrs(first: number, last: number): Cidr[] {
    const blocks: Cidr[] = [];
    let network = first;
    while (network <= last) {
        let prefixLength = 32;
        // Grow the block while it stays aligned on `network` and ends inside the range.
        while (prefixLength > 0 && network % blockSize(prefixLength - 1) === 0 && network + blockSize(prefixLength - 1) - 1 <= last) {
            prefixLength -= 1;
        }
        blocks.push({ network, prefixLength });
        network += blockSize(prefixLength);
    }
    return blocks;
}

/** Collapses overlapping, nested and adjacent blocks into the fewest blocks that cover the same addresses, in address order. */
export function mergeCidrs(cidrs: readonly Cidr[]): Cidr[] {
    const ranges: Array<{ first: number; last: number }> = [];
    for (const cidr of [...cidrs].sort(compareCidrs)) {
        const previous = ranges[ranges.length - 1];
        if (previous !== undefined && cidr.network <= previous.last + 1) {
            previous.last = Math.max(previous.last, lastAddress(cidr));
        } else {
            ranges.push({ first: cidr.network, last: lastAddress(cidr) });
        }
    }
    return ranges.flatMap(({ first, last }) => rangeToCidrs(first, last));
}
