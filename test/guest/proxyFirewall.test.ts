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
                // A new network namespace has its own, empty ruleset: nothing of this machine's is touched.
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

            it("replaces only its own table, so loading it again changes nothing and the agent's rules stay", async () => {
                const file = path.join(dir, "nftables.conf");
                fs.writeFileSync(file, proxyFirewallOf(plan));
                const script = `nft add table ip agent_rules && nft -f "$1" && nft list ruleset > "$1.once" && nft -f "$1" && nft list ruleset`;
                const twice = await runOk(programPath("unshare"), ["--net", "sh", "-c", script, "sh", file]);
                expect(twice).to.equal(fs.readFileSync(`${file}.once`, "utf8"));
                expect(twice).to.contain("table ip agent_rules");
            });
        });
    }
});
