import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { formatIp } from "../policy/rulebook/cidr";
import { InvalidSettingError } from "../policy/rulebook/errors";
import { lockdownRules } from "../lib/lockdownRules";
import { prefixRulesFromFile, readServiceTags } from "../lib/serviceTagPrefixes";
import { NSG_LIMITS } from "../policy/rulebook/nsg";
import { destinationPrefixCount, fitInNsg, prefixesForRegion, ServiceTagEntry, ServiceTagFile } from "../policy/rulebook/serviceTags";

/** A small file in the real format: global and regional tags, overlapping and adjacent prefixes, IPv6, other regions. */
const FIXTURE = path.join(__dirname, "fixtures", "ServiceTags_Public_fixture.json");

/** What the fixture's tags come to for West Europe, IPv4 only, merged and in address order. */
const WEST_EUROPE = [
    {
        service: "Storage",
        tag: "Storage.WestEurope",
        prefixes: ["13.69.40.0/23", "20.38.108.0/23", "20.60.26.0/23", "20.60.28.0/23", "52.239.140.0/22", "52.239.212.0/22"],
        ipv6Omitted: 2,
    },
    { service: "AzureBackup", tag: "AzureBackup.WestEurope", prefixes: ["20.50.8.0/25", "51.145.136.0/26"], ipv6Omitted: 1 },
    { service: "AzureActiveDirectory", tag: "AzureActiveDirectory", prefixes: ["13.64.151.161/32", "20.190.128.0/18", "40.126.0.0/18"], ipv6Omitted: 2 },
];

function entry(name: string, region: string, addressPrefixes: string[]): ServiceTagEntry {
    const [service] = name.split(".");
    return { name, id: name, properties: { changeNumber: 1, region, regionId: 0, platform: "Azure", systemService: service, addressPrefixes, networkFeatures: ["API", "NSG", "UDR", "FW"] } };
}

/** `count` single addresses from 20.0.0.0 on, every other one, so that none merge. */
function apartAddresses(count: number): string[] {
    const first = 20 * 2 ** 24;
    return Array.from({ length: count }, (_, i) => `${formatIp(first + 2 * i)}/32`);
}

/** The error a function throws, for assertions on its setting and message. */
function thrown(fn: () => unknown): InvalidSettingError {
    try {
        fn();
    } catch (err) {
        expect(err).to.be.instanceOf(InvalidSettingError);
        return err as InvalidSettingError;
    }
    throw new Error("expected an InvalidSettingError");
}

describe("lib/serviceTagPrefixes", () => {
    let scratch: string;
    before(() => {
        scratch = fs.mkdtempSync(path.join(os.tmpdir(), "service-tags-"));
    });
    after(() => {
        fs.rmSync(scratch, { recursive: true, force: true });
    });

    function writeFile(name: string, content: unknown): string {
        const file = path.join(scratch, name);
        fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
        return file;
    }

    describe("readServiceTags", () => {
        it("reads Azure's file format", () => {
            const file = readServiceTags(FIXTURE);
            expect(file.cloud).to.equal("Public");
            expect(file.values.map((value) => value.name)).to.include.members(["Storage.WestEurope", "AzureBackup", "AzureActiveDirectory"]);
        });

        it("names ipRangesFile and the path when the file is missing, not JSON, or another format", () => {
            const missing = thrown(() => readServiceTags(path.join(scratch, "nope.json")));
            expect(missing.setting).to.equal("ipRangesFile");
            expect(missing.message).to.match(/^ipRangesFile: cannot read .*nope\.json: ENOENT/);

            const notJson = writeFile("not.json", "<html>download page</html>");
            expect(thrown(() => readServiceTags(notJson)).message).to.match(/^ipRangesFile: .*not\.json is not JSON .*ServiceTags_Public_YYYYMMDD\.json$/);

            const other = writeFile("other.json", { prefixes: [] });
            expect(thrown(() => readServiceTags(other)).message).to.match(/is not Azure's service tags file .*: it has no "values" list$/);

            const broken = writeFile("broken.json", { values: [{ name: "Storage", properties: {} }] });
            expect(thrown(() => readServiceTags(broken)).message).to.match(/values\[0\] needs a "name" and a "properties.addressPrefixes" list of strings$/);
        });
    });

    describe("prefixesForRegion", () => {
        const file = readServiceTags(FIXTURE);

        it("picks the region's Storage and AzureBackup tags and the global AzureActiveDirectory, IPv4 only, merged and sorted", () => {
            expect(prefixesForRegion(file, "westeurope")).to.deep.equal(WEST_EUROPE);
        });

        it("takes the region as Azure writes it either way, in any case", () => {
            expect(prefixesForRegion(file, "West Europe")).to.deep.equal(WEST_EUROPE);
            expect(prefixesForRegion(file, "WESTEUROPE")).to.deep.equal(WEST_EUROPE);
        });

        it("keeps other regions out", () => {
            const north = prefixesForRegion(file, "northeurope");
            expect(north.map((group) => group.tag)).to.deep.equal(["Storage.NorthEurope", "AzureBackup.NorthEurope", "AzureActiveDirectory"]);
            expect(north[0].prefixes).to.deep.equal(["20.60.40.0/23", "20.150.26.0/24"]);
        });

        it("falls back to the global AzureBackup tag where the region has none, never for Storage", () => {
            const sweden = prefixesForRegion(file, "swedencentral");
            expect(sweden[1].tag).to.equal("AzureBackup");
            expect(sweden[1].prefixes).to.deep.equal(["20.50.8.0/25", "40.127.71.0/26", "51.145.136.0/26", "52.164.250.0/26"]);

            const error = thrown(() => prefixesForRegion(file, "uksouth"));
            expect(error.message).to.equal(
                'ipRangesFile: the service tags file has no Storage.<Region> tag for "uksouth"; check the region and that the file is Azure\'s current one',
            );
        });

        it("matches a regional tag by its properties.region too", () => {
            const odd: ServiceTagFile = {
                values: [entry("Storage.FranceCentral", "centralfrance", ["20.60.12.0/24"]), entry("AzureBackup", "", ["20.50.8.0/26"]), entry("AzureActiveDirectory", "", ["20.190.128.0/18"])],
            };
            expect(prefixesForRegion(odd, "centralfrance")[0].tag).to.equal("Storage.FranceCentral");
            expect(prefixesForRegion(odd, "France Central")[0].tag).to.equal("Storage.FranceCentral");
        });

        it("refuses a prefix that is no CIDR, naming it and its tag", () => {
            const bad: ServiceTagFile = { values: [entry("Storage.WestEurope", "westeurope", ["13.69.40.0/24", "13.69.40.1/24"])] };
            expect(thrown(() => prefixesForRegion(bad, "westeurope", [{ service: "Storage", scope: "regional", ports: ["443"] }])).message).to.equal(
                'ipRangesFile: the service tags file lists "13.69.40.1/24" under Storage.WestEurope, which is not an IPv4 or IPv6 CIDR',
            );
        });
    });

    describe("fitInNsg", () => {
        it("lays out one rule per tag with its prefixes as destinationAddressPrefixes", () => {
            const layout = fitInNsg(WEST_EUROPE, "westeurope");
            expect(layout.rules.map((rule) => [rule.tag, rule.destinationAddressPrefixes.length])).to.deep.equal([
                ["Storage.WestEurope", 6],
                ["AzureBackup.WestEurope", 2],
                ["AzureActiveDirectory", 3],
            ]);
            expect(layout.rules[0].destinationAddressPrefixes).to.deep.equal(WEST_EUROPE[0].prefixes);
            expect(layout.prefixCount).to.equal(11);
        });

        it("counts the literal destinations of the NSG's other rules against the limit, not tags or *", () => {
            const rules = lockdownRules({ proxyIp: "10.0.0.5", proxyPort: 3128, clientAddressPrefixes: ["10.0.0.0/16"] });
            expect(destinationPrefixCount(rules)).to.equal(4);
            expect(destinationPrefixCount([{ destinationAddressPrefix: "Storage.WestEurope" }, { destinationAddressPrefix: "*" }, { destinationAddressPrefixes: ["2603:1020:200::/48", "10.0.0.4"] }])).to.equal(2);
        });

        it("accepts exactly Azure's 4000 destination prefixes and says clearly when the list does not fit", () => {
            const storage = (count: number) => [{ service: "Storage", tag: "Storage.WestEurope", prefixes: apartAddresses(count), ipv6Omitted: 0 }, ...WEST_EUROPE.slice(1)];
            expect(fitInNsg(storage(3995), "westeurope").prefixCount).to.equal(NSG_LIMITS.addressPrefixes);

            expect(thrown(() => fitInNsg(storage(3996), "westeurope")).message).to.equal(
                "ipRangesFile: 4001 prefixes for westeurope (Storage.WestEurope, AzureBackup.WestEurope, AzureActiveDirectory) exceed Azure's limit of 4000 address prefixes per NSG; use service tags (connectivity=serviceTags without ipRangesFile) or a firewall",
            );
            const lockdown = lockdownRules({ proxyIp: "10.0.0.5", proxyPort: 3128, clientAddressPrefixes: ["10.0.0.0/16"] });
            expect(thrown(() => fitInNsg(storage(3995), "westeurope", lockdown)).message).to.match(
                /^ipRangesFile: 4004 prefixes for westeurope \(4000 of Storage\.WestEurope, AzureBackup\.WestEurope, AzureActiveDirectory, 4 in the NSG's other rules\) exceed/,
            );
        });

        it("refuses a tag without IPv4 prefixes: Azure refuses a rule without destinations", () => {
            const ipv6Only = [{ service: "AzureBackup", tag: "AzureBackup.WestEurope", prefixes: [], ipv6Omitted: 2 }];
            expect(thrown(() => fitInNsg(ipv6Only, "westeurope")).message).to.match(/no IPv4 prefixes under AzureBackup\.WestEurope/);
        });
    });

    describe("prefixRulesFromFile", () => {
        it("reads the file and lays out the region's rules", () => {
            expect(prefixRulesFromFile(FIXTURE, "West Europe").prefixCount).to.equal(11);
        });

        it("stops a region whose prefixes exceed Azure's limit, read from a big file in the real format", () => {
            const big = {
                changeNumber: 1,
                cloud: "Public",
                values: [
                    entry("Storage.WestEurope", "westeurope", [...apartAddresses(4100), "2603:1020:200::/48"]),
                    entry("AzureBackup", "", ["20.50.8.0/26"]),
                    entry("AzureActiveDirectory", "", ["20.190.128.0/18"]),
                ],
            };
            const file = writeFile("ServiceTags_Public_big.json", big);
            expect(thrown(() => prefixRulesFromFile(file, "westeurope")).message).to.equal(
                "ipRangesFile: 4102 prefixes for westeurope (Storage.WestEurope, AzureBackup, AzureActiveDirectory) exceed Azure's limit of 4000 address prefixes per NSG; use service tags (connectivity=serviceTags without ipRangesFile) or a firewall",
            );
        });
    });
});
