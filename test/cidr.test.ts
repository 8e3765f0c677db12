import { expect } from "chai";
import {
    blockSize,
    compareCidrs,
    containsCidr,
    containsIp,
    formatCidr,
    formatIp,
    hostAddress,
    isAzureReservedAddress,
    lastAddress,
    mergeCidrs,
    overlaps,
    parseCidr,
    parseIp,
    rangeToCidrs,
    subBlock,
    usableAddressCount,
} from "../policy/rulebook/cidr";

/** Parses a CIDR the test knows to be valid. */
function block(text: string) {
    const parsed = parseCidr(text);
    if (!parsed) {
        throw new Error(`test fixture ${text} is not a CIDR`);
    }
    return parsed;
}

describe("lib/cidr", () => {
    describe("parseIp and formatIp", () => {
        it("round-trip dotted addresses, including the ends of the range", () => {
            for (const text of ["0.0.0.0", "10.0.0.5", "172.20.255.1", "255.255.255.255"]) {
                expect(formatIp(parseIp(text) as number)).to.equal(text);
            }
            expect(parseIp("10.0.0.5")).to.equal(10 * 2 ** 24 + 5);
        });

        it("refuse anything but four decimal octets of 0-255 without leading zeros", () => {
            for (const text of ["", "10.0.0", "10.0.0.0.1", "10.0.0.256", "10.0.0.05", "010.0.0.1", "10.0.0.-1", " 10.0.0.1", "10.0.0.1\n", "a.b.c.d", "10.0.0.1/32", "::1"]) {
                expect(parseIp(text), JSON.stringify(text)).to.equal(undefined);
            }
        });
    });

    describe("parseCidr and formatCidr", () => {
        it("round-trip CIDRs from /0 to /32", () => {
            for (const text of ["0.0.0.0/0", "10.0.0.0/8", "10.0.0.0/16", "10.0.1.0/24", "10.0.0.8/29", "10.0.0.5/32"]) {
                expect(formatCidr(block(text))).to.equal(text);
            }
        });

        it("refuse host bits, a missing, out-of-range or zero-padded prefix, and extra parts", () => {
            for (const text of ["10.0.0.1/16", "10.0.0.0", "10.0.0.0/", "10.0.0.0/33", "10.0.0.0/08", "10.0.0.0/16/1", "10.0.0.256/24", "10.0.0.0/-1", "10.0.0.0/16 "]) {
                expect(parseCidr(text), JSON.stringify(text)).to.equal(undefined);
            }
        });
    });

    it("blockSize, lastAddress and hostAddress measure a block", () => {
        expect(blockSize(24)).to.equal(256);
        expect(blockSize(32)).to.equal(1);
        expect(blockSize(0)).to.equal(2 ** 32);
        expect(formatIp(lastAddress(block("10.0.0.0/24")))).to.equal("10.0.0.255");
        expect(formatIp(hostAddress(block("10.0.0.0/24"), 5))).to.equal("10.0.0.5");
    });

    it("subBlock carves the n-th block of a length, and nothing that does not fit", () => {
        const space = block("10.0.0.0/16");
        expect(formatCidr(subBlock(space, 24, 0)!)).to.equal("10.0.0.0/24");
        expect(formatCidr(subBlock(space, 24, 1)!)).to.equal("10.0.1.0/24");
        expect(formatCidr(subBlock(space, 24, 255)!)).to.equal("10.0.255.0/24");
        expect(subBlock(space, 24, 256)).to.equal(undefined);
        expect(subBlock(space, 15, 0)).to.equal(undefined);
        expect(subBlock(space, 24, -1)).to.equal(undefined);
    });

    it("containsIp and containsCidr include both ends and nothing outside", () => {
        const subnet = block("10.0.1.0/24");
        expect(containsIp(subnet, parseIp("10.0.1.0")!)).to.equal(true);
        expect(containsIp(subnet, parseIp("10.0.1.255")!)).to.equal(true);
        expect(containsIp(subnet, parseIp("10.0.0.255")!)).to.equal(false);
        expect(containsIp(subnet, parseIp("10.0.2.0")!)).to.equal(false);
        expect(containsCidr(block("10.0.0.0/16"), subnet)).to.equal(true);
        expect(containsCidr(subnet, subnet)).to.equal(true);
        expect(containsCidr(subnet, block("10.0.0.0/16"))).to.equal(false);
        expect(containsCidr(block("10.0.0.0/16"), block("10.1.0.0/24"))).to.equal(false);
    });

    it("overlaps finds nested blocks either way round, and no overlap between neighbours", () => {
        expect(overlaps(block("10.0.0.0/24"), block("10.0.0.128/25"))).to.equal(true);
        expect(overlaps(block("10.0.0.128/25"), block("10.0.0.0/24"))).to.equal(true);
        expect(overlaps(block("10.0.0.0/24"), block("10.0.1.0/24"))).to.equal(false);
        expect(overlaps(block("0.0.0.0/0"), block("255.255.255.255/32"))).to.equal(true);
    });

    it("isAzureReservedAddress marks the first four and the last address of a subnet, and only those", () => {
        const subnet = block("10.0.0.0/24");
        const reserved = (ip: string) => isAzureReservedAddress(subnet, parseIp(ip)!);
        expect(["10.0.0.0", "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.255"].filter(reserved)).to.have.length(5);
        expect(["10.0.0.4", "10.0.0.5", "10.0.0.254"].some(reserved)).to.equal(false);
        expect(["9.255.255.255", "10.0.1.0"].some(reserved), "addresses outside the subnet").to.equal(false);
    });

    it("usableAddressCount is what Azure hands out: all but five, never negative", () => {
        expect(usableAddressCount(block("10.0.0.0/24"))).to.equal(251);
        expect(usableAddressCount(block("10.0.0.0/29"))).to.equal(3);
        expect(usableAddressCount(block("10.0.0.0/30"))).to.equal(0);
        expect(usableAddressCount(block("10.0.0.5/32"))).to.equal(0);
    });

    describe("rangeToCidrs, mergeCidrs and compareCidrs", () => {
        const texts = (blocks: { network: number; prefixLength: number }[]) => blocks.map(formatCidr);

        it("rangeToCidrs covers a range exactly with the fewest aligned blocks", () => {
            expect(texts(rangeToCidrs(parseIp("10.0.0.0")!, parseIp("10.0.1.255")!))).to.deep.equal(["10.0.0.0/23"]);
            expect(texts(rangeToCidrs(parseIp("10.0.1.0")!, parseIp("10.0.2.255")!))).to.deep.equal(["10.0.1.0/24", "10.0.2.0/24"]);
            expect(texts(rangeToCidrs(parseIp("10.0.0.5")!, parseIp("10.0.0.10")!))).to.deep.equal(["10.0.0.5/32", "10.0.0.6/31", "10.0.0.8/31", "10.0.0.10/32"]);
            expect(texts(rangeToCidrs(0, 2 ** 32 - 1))).to.deep.equal(["0.0.0.0/0"]);
            expect(texts(rangeToCidrs(2 ** 32 - 1, 2 ** 32 - 1))).to.deep.equal(["255.255.255.255/32"]);
            expect(rangeToCidrs(5, 4)).to.deep.equal([]);
        });

        it("mergeCidrs collapses nested, overlapping and adjacent blocks and sorts numerically", () => {
            const merged = mergeCidrs(["20.60.0.0/24", "13.69.40.0/24", "13.69.41.0/24", "13.69.40.128/25", "9.0.0.0/8", "20.60.1.0/25"].map(block));
            expect(texts(merged)).to.deep.equal(["9.0.0.0/8", "13.69.40.0/23", "20.60.0.0/24", "20.60.1.0/25"]);
        });

        it("mergeCidrs keeps adjacent blocks that do not align apart, and leaves an empty list empty", () => {
            expect(texts(mergeCidrs([block("10.0.2.0/24"), block("10.0.1.0/24")]))).to.deep.equal(["10.0.1.0/24", "10.0.2.0/24"]);
            expect(texts(mergeCidrs([block("10.0.0.0/25"), block("10.0.0.128/26"), block("10.0.0.192/26")]))).to.deep.equal(["10.0.0.0/24"]);
            expect(mergeCidrs([])).to.deep.equal([]);
        });

        it("compareCidrs orders by address numerically, not as text, the larger block first", () => {
            const sorted = ["100.0.0.0/8", "20.0.0.0/8", "3.0.0.0/8", "20.0.0.0/16"].map(block).sort(compareCidrs);
            expect(texts(sorted)).to.deep.equal(["3.0.0.0/8", "20.0.0.0/8", "20.0.0.0/16", "100.0.0.0/8"]);
        });
    });
});
