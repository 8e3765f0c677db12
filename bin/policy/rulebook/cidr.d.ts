/** IPv4 address and CIDR arithmetic for the address plan. Pure functions, no Pulumi. */
export interface Cidr {
    /** The network address as an unsigned 32-bit integer. */
    readonly network: number;
    readonly prefixLength: number;
}
/** Parses a dotted IPv4 address; undefined when it is not one. */
export declare function parseIp(text: string): number | undefined;
/** Writes an address as dotted decimal. */
export declare function formatIp(value: number): string;
/** Parses `a.b.c.d/n` whose host bits are zero; undefined when it is not such a CIDR. */
export declare function parseCidr(text: string): Cidr | undefined;
/** Writes a CIDR as `a.b.c.d/n`. */
export declare function formatCidr(cidr: Cidr): string;
/** How many addresses a block of this prefix length holds. */
export declare function blockSize(prefixLength: number): number;
/** The `index`-th block of length `prefixLength` inside `parent`, or undefined when it does not fit. */
export declare function subBlock(parent: Cidr, prefixLength: number, index: number): Cidr | undefined;
/** The address `offset` places after the network address. */
export declare function hostAddress(cidr: Cidr, offset: number): number;
/** The block's last address, its broadcast address. */
export declare function lastAddress(cidr: Cidr): number;
/** Whether the address lies inside the block. */
export declare function containsIp(cidr: Cidr, ip: number): boolean;
/** Whether `inner` lies entirely inside `outer`. */
export declare function containsCidr(outer: Cidr, inner: Cidr): boolean;
/** Whether the two blocks share an address (aligned blocks either nest or are apart). */
export declare function overlaps(a: Cidr, b: Cidr): boolean;
/**
 * Azure keeps five addresses of every subnet: the network address, the gateway (.1), two for
 * Azure DNS (.2, .3) and the broadcast address.
 */
export declare const AZURE_RESERVED_ADDRESS_COUNT = 5;
/** Whether Azure keeps this address of the subnet for itself (see {@link AZURE_RESERVED_ADDRESS_COUNT}). */
export declare function isAzureReservedAddress(subnet: Cidr, ip: number): boolean;
/**
 * Azure's smallest subnet is a /29 ("The smallest supported IPv4 subnet is /29",
 * learn.microsoft.com/azure/virtual-network/virtual-networks-faq#how-small-and-how-large-can-virtual-networks-and-subnets-be).
 */
export declare const SMALLEST_SUBNET_PREFIX_LENGTH = 29;
/**
 * Ranges Azure refuses in a virtual network's address space, and what they are
 * (learn.microsoft.com/azure/virtual-network/virtual-networks-faq#what-address-ranges-can-i-use-in-my-virtual-networks).
 */
export declare const AZURE_FORBIDDEN_RANGES: readonly {
    range: string;
    what: string;
    block: Cidr;
}[];
/** How many addresses of the subnet Azure hands to NICs. */
export declare function usableAddressCount(subnet: Cidr): number;
/** Orders blocks by network address, then the larger block (shorter prefix) first. */
export declare function compareCidrs(a: Cidr, b: Cidr): number;
/** The fewest aligned blocks that cover exactly the addresses `first` to `last`, in address order. */
export declare function rangeToCidrs(first: number, last: number): Cidr[];
/** Collapses overlapping, nested and adjacent blocks into the fewest blocks that cover the same addresses, in address order. */
export declare function mergeCidrs(cidrs: readonly Cidr[]): Cidr[];
