import { expect } from "chai";
import { decidingRule, destinationsCoverTag, evaluateFlow, isDefaultRule, NsgRule, prefixCoversTag, ServiceFlow } from "../policy/rulebook/nsg";

const VNET = ["10.0.0.0/16"];

function outboundRule(name: string, priority: number, access: "Allow" | "Deny", destination: string | string[], port = "443"): NsgRule {
    const destinations = Array.isArray(destination) ? { destinationAddressPrefixes: destination } : { destinationAddressPrefix: destination };
    return { name, priority, direction: "Outbound", access, protocol: "Tcp", sourceAddressPrefix: "*", destinationPortRange: port, ...destinations };
}

function toTag(tag: string, destinationTagPrefixes?: string[]): ServiceFlow {
    return { direction: "Outbound", protocol: "Tcp", sourceIp: "10.0.1.4", destinationTag: tag, destinationPort: 443, destinationTagPrefixes };
}

describe("lib/nsgEvaluation", () => {
    describe("prefixCoversTag", () => {
        it("matches the tag itself whatever its case, and the tag's global form", () => {
            expect(prefixCoversTag("Storage.WestEurope", "Storage.westeurope")).to.equal(true);
            expect(prefixCoversTag("storage.westeurope", "Storage.WestEurope")).to.equal(true);
            expect(prefixCoversTag("Storage", "Storage.WestEurope")).to.equal(true);
            expect(prefixCoversTag("AzureActiveDirectory", "AzureActiveDirectory")).to.equal(true);
        });

        it("matches everything that holds Azure's public addresses: *, Any, Internet, 0.0.0.0/0", () => {
            for (const prefix of ["*", "Any", "Internet", "internet", "0.0.0.0/0"]) {
                expect(prefixCoversTag(prefix, "AzureBackup.WestEurope"), prefix).to.equal(true);
            }
        });

        it("does not match another region, a regional tag for the global one, another service, the VNet or an address", () => {
            expect(prefixCoversTag("Storage.NorthEurope", "Storage.WestEurope")).to.equal(false);
            expect(prefixCoversTag("Storage.WestEurope", "Storage"), "a region is only part of the global tag").to.equal(false);
            expect(prefixCoversTag("StorageSyncService", "Storage.WestEurope"), "a name that merely starts alike").to.equal(false);
            expect(prefixCoversTag("AzureBackup", "Storage.WestEurope")).to.equal(false);
            expect(prefixCoversTag("VirtualNetwork", "Storage.WestEurope")).to.equal(false);
            expect(prefixCoversTag("20.60.0.0/16", "Storage.WestEurope")).to.equal(false);
        });
    });

    describe("destinationsCoverTag", () => {
        it("with the tag's prefixes known, matches literal prefixes that hold all of them, and not part of them", () => {
            const tagPrefixes = ["20.60.0.0/24", "20.60.1.0/24", "52.239.140.0/22"];
            expect(destinationsCoverTag(["20.60.0.0/23", "52.239.140.0/22"], toTag("Storage.WestEurope", tagPrefixes))).to.equal(true);
            expect(destinationsCoverTag(["20.60.0.0/16", "52.0.0.0/8"], toTag("Storage.WestEurope", tagPrefixes))).to.equal(true);
            expect(destinationsCoverTag(["20.60.0.0/23"], toTag("Storage.WestEurope", tagPrefixes)), "52.239.140.0/22 left out").to.equal(false);
            expect(destinationsCoverTag(["20.60.0.0/23", "52.239.140.0/22"], toTag("Storage.WestEurope")), "prefixes unknown").to.equal(false);
            expect(destinationsCoverTag(["20.60.0.0/23"], toTag("Storage.WestEurope", [])), "no prefixes at all").to.equal(false);
        });
    });

    describe("evaluating a flow to a service tag", () => {
        const allowStorage = outboundRule("allow-storage", 300, "Allow", "Storage.WestEurope");
        const denyInternet = outboundRule("deny-internet-outbound", 4096, "Deny", "Internet", "*");

        it("is allowed by the tag's rule ahead of a deny for the Internet", () => {
            expect(evaluateFlow([denyInternet, allowStorage], toTag("Storage.westeurope"), VNET)).to.deep.equal({ access: "Allow", rule: "allow-storage" });
        });

        it("falls to the Internet deny when the allow names another region, another port or comes later", () => {
            expect(evaluateFlow([denyInternet, { ...allowStorage, destinationAddressPrefix: "Storage.NorthEurope" }], toTag("Storage.WestEurope"), VNET).rule).to.equal(
                "deny-internet-outbound",
            );
            expect(evaluateFlow([denyInternet, { ...allowStorage, destinationPortRange: "80" }], toTag("Storage.WestEurope"), VNET).rule).to.equal("deny-internet-outbound");
            expect(evaluateFlow([{ ...denyInternet, priority: 100 }, allowStorage], toTag("Storage.WestEurope"), VNET).rule).to.equal("deny-internet-outbound");
        });

        it("is decided by Azure's AllowInternetOutBound when no rule matches: service tags are Internet addresses to an NSG", () => {
            const rule = decidingRule([], toTag("AzureActiveDirectory"), VNET);
            expect(rule.name).to.equal("AllowInternetOutBound");
            expect(isDefaultRule(rule)).to.equal(true);
            expect(isDefaultRule(allowStorage)).to.equal(false);
        });

        it("matches a rule of literal prefixes when the flow carries the tag's prefixes", () => {
            const literal = outboundRule("allow-storage-prefixes", 300, "Allow", ["20.60.0.0/23", "52.239.140.0/22"]);
            const flow = toTag("Storage.WestEurope", ["20.60.0.0/24", "20.60.1.0/24", "52.239.140.0/22"]);
            expect(evaluateFlow([literal, denyInternet], flow, VNET).rule).to.equal("allow-storage-prefixes");
            expect(evaluateFlow([literal, denyInternet], { ...flow, destinationTagPrefixes: undefined }, VNET).rule).to.equal("deny-internet-outbound");
        });
    });

    describe("evaluating a flow to an address, as before", () => {
        it("still returns the access and the deciding rule's name alone", () => {
            const flow = { direction: "Outbound" as const, protocol: "Tcp" as const, sourceIp: "10.0.1.4", destinationIp: "203.0.113.10", destinationPort: 443 };
            expect(evaluateFlow([], flow, VNET)).to.deep.equal({ access: "Allow", rule: "AllowInternetOutBound" });
            expect(decidingRule([outboundRule("deny-all", 100, "Deny", "*", "*")], flow, VNET).priority).to.equal(100);
        });
    });
});
