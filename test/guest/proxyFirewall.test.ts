import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { Plan } from "../../plan/engine";
import { LAYOUTS, planOf, proxyFirewallOf, referenceNetworkOf } from "../support/guest";
import { NFT, programPath, requireAll, ROOT, UNSHARE } from "../support/programs";
import { runOk } from "../support/processes";
import { makeScratch, removeScratch } from "../support/scratch";

describe("guest configuration: nft loads the proxy VM's /etc/nftables.conf", () => {
    for (const layout of LAYOUTS) {
        describe(layout.name, () => {
            let plan: Plan;
            let dir: string;

            before(async function () {
                requireAll(this, [NFT, UNSHARE, ROOT]);
                plan = await planOf(layout);
                dir = makeScratch("nftables");
            });

            after(() => removeScratch(dir));

            it("loads it for real in a scratch network namespace: input and forward drop, the proxy port open to the VNet", async () => {
                const file = path.join(dir, "nftables.conf");
                fs.writeFileSync(file, proxyFirewallOf(plan));
                // A new network namespace has its own, empty ruleset: `flush ruleset` touches only that one.
                const loadAndList = (...listing: string[]) =>
                    runOk(programPath("unshare"), ["--net", "sh", "-c", `nft -f "$1" && nft ${listing.join(" ")} list ruleset`, "sh", file]);

                const { nftables } = JSON.parse(await loadAndList("--json")) as { nftables: { chain?: { name: string; hook?: string; policy?: string } }[] };
                const chains = nftables.flatMap((entry) => (entry.chain ? [entry.chain] : []));
                expect(chains.map((chain) => [chain.name, chain.hook, chain.policy])).to.deep.equal([
                    ["input", "input", "drop"],
                    ["forward", "forward", "drop"],
                ]);
                const { addressSpace, proxyPort } = referenceNetworkOf(plan);
                expect(await loadAndList()).to.include(`ip saddr ${addressSpace[0]} tcp dport ${proxyPort} accept`);
            });
        });
    }
});
