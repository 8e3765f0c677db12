/**
 * The topology picture: what it shows for the reference environment in both connectivity modes,
 * at 1,000 VMs, with a load balancer, with a rule that breaks a flow, and what a change marks.
 * The Mermaid text goes through Mermaid's own parser; the SVG is rasterised (resvg) and looked at.
 */
import { Resvg } from "@resvg/resvg-js";
import { expect } from "chai";
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { NsgRule } from "../policy/rulebook";
import { diffPlans } from "../plan/diff";
import { Plan, PlannedResource } from "../plan/engine";
import { readinessReport } from "../plan/readiness";
import { readinessMarkdown } from "../plan/readinessMarkdown";
import { buildTopology, markChanges, Topology, TopologyEdge, TopologyNode, toMermaid, toSvg, topologyMarkdown } from "../plan/topology";
import { planReferenceEnvironment, PLAN_CLI, PROJECT_DIR } from "./support/plan";
import { file, requireAll } from "./support/programs";
import { makeScratch, removeScratch } from "./support/scratch";

/** The font the pictures are rasterised with, so that the check sees the labels a reader sees. */
const FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
const FONTS = [file(FONT, "fonts-dejavu-core"), file(FONT_BOLD, "fonts-dejavu-core")];

const NSG_TYPE = "azure-native:network:NetworkSecurityGroup";

function copy(plan: Plan): Plan {
    return JSON.parse(JSON.stringify(plan)) as Plan;
}

/**
 * The reference plan with an internal load balancer in front of the proxy, in the shape
 * azure-native sends (network.LoadBalancer; the NIC's IP configuration joins its backend pool).
 */
function withLoadBalancer(reference: Plan): Plan {
    const plan = copy(reference);
    const subnet = plan.resources.find((r) => r.type === "azure-native:network:Subnet" && r.name === "proxy-subnet") as PlannedResource;
    const lbId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/backup-ready/providers/Microsoft.Network/loadBalancers/proxy-lb";
    plan.resources.push({
        urn: "urn:pulumi:test::backup-ready::azure-native:network:LoadBalancer::proxy-lb",
        type: "azure-native:network:LoadBalancer",
        name: "proxy-lb",
        id: lbId,
        custom: true,
        dependencies: [],
        options: {},
        inputs: {
            loadBalancerName: "proxy-lb",
            frontendIPConfigurations: [{ name: "frontend", privateIPAddress: "10.0.0.10", privateIPAllocationMethod: "Static", subnet: { id: subnet.id } }],
            backendAddressPools: [{ name: "proxies" }],
            loadBalancingRules: [{ name: "squid", protocol: "Tcp", frontendPort: 3128, backendPort: 3128 }],
        },
    });
    const nic = plan.resources.find((r) => r.name === "backup-proxy-nic") as PlannedResource;
    (nic.inputs.ipConfigurations as Array<Record<string, unknown>>)[0].loadBalancerBackendAddressPools = [{ id: `${lbId}/backendAddressPools/proxies` }];
    return plan;
}

function node(topology: Topology, first: string | RegExp): TopologyNode {
    const found = topology.nodes.filter((n) => (typeof first === "string" ? n.lines[0] === first : first.test(n.lines[0])));
    expect(found, `one node "${first}" in ${topology.nodes.map((n) => n.lines[0]).join(", ")}`).to.have.length(1);
    return found[0];
}

function edge(topology: Topology, from: TopologyNode, to: TopologyNode): TopologyEdge[] {
    return topology.edges.filter((e) => e.from === from.id && e.to === to.id);
}

function onlyEdge(topology: Topology, from: TopologyNode, to: TopologyNode): TopologyEdge {
    const found = edge(topology, from, to);
    expect(found, `${from.lines[0]} -> ${to.lines[0]}`).to.have.length(1);
    return found[0];
}

/** Mermaid's verdict on each text: its diagram type, or its error. */
function parseMermaid(texts: Record<string, string>, dir: string): Record<string, { type?: string; error?: string }> {
    const files = Object.entries(texts).map(([name, text]) => {
        const target = path.join(dir, `${name}.mmd`);
        fs.writeFileSync(target, text);
        return target;
    });
    const output = execFileSync(process.execPath, [path.join(PROJECT_DIR, "test", "support", "mermaidParse.mjs"), ...files], { encoding: "utf8", timeout: 60_000 });
    const results = output.trim().split("\n").map((line) => JSON.parse(line) as { file: string; type?: string; error?: string });
    return Object.fromEntries(results.map(({ file: f, ...rest }) => [path.basename(f, ".mmd"), rest]));
}

interface Raster {
    width: number;
    height: number;
    /** Share of pixels of each colour class. */
    share: (predicate: (r: number, g: number, b: number) => boolean) => number;
    png: Buffer;
}

function rasterise(svg: string, withFonts = true): Raster {
    const rendered = new Resvg(svg, {
        background: "white",
        font: withFonts ? { loadSystemFonts: false, fontFiles: [FONT, FONT_BOLD], defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" } : { loadSystemFonts: false },
    }).render();
    const pixels = rendered.pixels;
    const share = (predicate: (r: number, g: number, b: number) => boolean) => {
        let count = 0;
        for (let i = 0; i < pixels.length; i += 4) {
            if (predicate(pixels[i], pixels[i + 1], pixels[i + 2])) {
                count++;
            }
        }
        return count / (pixels.length / 4);
    };
    return { width: rendered.width, height: rendered.height, share, png: rendered.asPng() };
}

/** Within `tolerance` of a colour of the picture's palette. */
function near(hex: string, tolerance = 40): (r: number, g: number, b: number) => boolean {
    const [R, G, B] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    return (r, g, b) => Math.abs(r - R) + Math.abs(g - G) + Math.abs(b - B) <= tolerance;
}
const DARK = (r: number, g: number, b: number) => r + g + b < 200;

/** The text of an SVG's labels: Graphviz writes some characters as numeric entities (`-` as `&#45;`). */
function svgText(svg: string): string {
    return svg.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

describe("the topology picture", function () {
    this.timeout(180_000);
    let reference: Plan;
    /** The 1,000-VM plan's picture: planned once (some 20 s), for the tests that need it. */
    let thousand: Promise<Topology> | undefined;
    const bigTopology = (): Promise<Topology> => (thousand ??= planReferenceEnvironment({ appVmCount: "1000", appSubnet: "10.0.4.0/22" }).then(buildTopology));
    let scratch: string;
    /** Where the rasterised pictures go: KEEP_PICTURES=<dir> keeps them for a person to look at. */
    let pictures: string;

    before(async () => {
        reference = await planReferenceEnvironment();
        scratch = makeScratch("topology");
        pictures = process.env.KEEP_PICTURES ?? scratch;
        fs.mkdirSync(pictures, { recursive: true });
    });
    after(() => removeScratch(scratch));

    describe("of the reference environment (proxy)", () => {
        let topology: Topology;
        before(() => {
            topology = buildTopology(reference);
        });

        it("draws the VNet, both subnets with their NSG, the proxy, the app VMs as one group, the vault", () => {
            const vnet = node(topology, "VNet backup-ready-vnet");
            expect(vnet.lines).to.deep.equal(["VNet backup-ready-vnet", "10.0.0.0/16"]);
            const proxySubnet = node(topology, "subnet proxy-subnet");
            const appSubnet = node(topology, "subnet app-subnet");
            expect([proxySubnet.parent, appSubnet.parent]).to.deep.equal([vnet.id, vnet.id]);
            expect(appSubnet.lines[1]).to.equal("10.0.1.0/24");
            const nsgs = topology.nodes.filter((n) => n.kind === "nsg");
            expect(nsgs.map((n) => [n.lines[0], n.parent]).sort()).to.deep.equal(
                [
                    ["NSG NSG-lockdown", appSubnet.id],
                    ["NSG NSG-lockdown", proxySubnet.id],
                ].sort(),
            );
            expect(node(topology, "proxy backup-proxy")).to.deep.include({ parent: proxySubnet.id, lines: ["proxy backup-proxy", "10.0.0.6 · squid :3128"] });
            expect(node(topology, "load balancer backup-proxy-lb")).to.deep.include({ parent: proxySubnet.id, lines: ["load balancer backup-proxy-lb", "10.0.0.5 (internal)", "Tcp 3128→3128"] });
            expect(node(topology, "1 Linux VM")).to.deep.include({ parent: appSubnet.id, count: 1, lines: ["1 Linux VM", "app-vm-1", "1 protected"] });
            expect(node(topology, "vault vm-backup-vault").lines).to.deep.equal(["vault vm-backup-vault", "westeurope"]);
        });

        it("labels each flow with the rules that decide it", () => {
            const vms = node(topology, "1 Linux VM");
            const proxy = node(topology, "proxy backup-proxy");
            const internet = node(topology, "Internet");
            const platform = node(topology, "Azure platform");
            // Through the balancer as Azure evaluates it: the VM's outbound rules see the frontend, the proxy's inbound rules the VM -> the proxy's own address.
            const lb = node(topology, "load balancer backup-proxy-lb");
            expect(edge(topology, vms, proxy)).to.deep.equal([]);
            expect(onlyEdge(topology, vms, lb)).to.deep.include({ kind: "allowed", lines: ["TCP 3128", "out: allow-clients-to-proxy (210)"] });
            expect(onlyEdge(topology, lb, proxy)).to.deep.include({ kind: "allowed", lines: ["TCP 3128 (from 1 Linux VM)", "in: allow-clients-to-proxy-inbound (200)"] });
            expect(onlyEdge(topology, vms, internet)).to.deep.include({ kind: "denied", lines: ["TCP 443 (any other site) denied", "out: deny-internet-outbound (4096)"] });
            expect(onlyEdge(topology, proxy, internet)).to.deep.include({ kind: "allowed", lines: ["TCP 80, 443", "out: allow-proxy (200)"] });
            for (const source of [vms, proxy]) {
                expect(onlyEdge(topology, source, platform)).to.deep.include({ kind: "allowed", lines: ["TCP 80, 443, 32526", "out: allow-azure-platform (100)"] });
            }
            // The balancer's health probe, from the platform address, as the proxy's inbound rules see it.
            expect(onlyEdge(topology, platform, proxy)).to.deep.include({ kind: "allowed", lines: ["TCP 3128 (health probe)", "in: allow-load-balancer-probe (220)"] });
            expect(onlyEdge(topology, node(topology, "vault vm-backup-vault"), vms)).to.deep.include({ kind: "protects", lines: ["protects 1"] });
        });

        it("shows a flow a rule breaks as denied, naming that rule", () => {
            const broken = copy(reference);
            const nsg = broken.resources.find((r) => r.type === NSG_TYPE) as PlannedResource;
            const rules = nsg.inputs.securityRules as NsgRule[];
            rules.push({ name: "deny-all-in", priority: 100, direction: "Inbound", access: "Deny", protocol: "*", sourceAddressPrefix: "*", destinationAddressPrefix: "*", destinationPortRange: "*" });
            const picture = buildTopology(broken);
            expect(onlyEdge(picture, node(picture, "load balancer backup-proxy-lb"), node(picture, "proxy backup-proxy"))).to.deep.include({
                kind: "denied",
                lines: ["TCP 3128 (from 1 Linux VM) denied", "in: deny-all-in (100)"],
            });
            // The probe is kept out too, so the balancer would mark the proxy down.
            expect(onlyEdge(picture, node(picture, "Azure platform"), node(picture, "proxy backup-proxy"))).to.deep.include({
                kind: "denied",
                lines: ["TCP 3128 (health probe) denied", "in: deny-all-in (100)"],
            });
        });
    });

    describe("when VMs of one group are treated differently", () => {
        it("draws one arrow per verdict, each with how many of the group's VMs it stands for", async () => {
            const plan = copy(await planReferenceEnvironment({ appVmCount: "3" }));
            const nic = plan.resources.find((r) => r.name === "app-vm-2-nic") as PlannedResource;
            Object.assign((nic.inputs.ipConfigurations as Array<Record<string, unknown>>)[0], { privateIPAllocationMethod: "Static", privateIPAddress: "10.0.1.20" });
            const nsg = plan.resources.find((r) => r.type === NSG_TYPE) as PlannedResource;
            (nsg.inputs.securityRules as NsgRule[]).push({
                name: "deny-app-vm-2",
                priority: 150,
                direction: "Outbound",
                access: "Deny",
                protocol: "Tcp",
                sourceAddressPrefix: "10.0.1.20/32",
                destinationAddressPrefix: "*",
                destinationPortRange: "3128",
            });
            const topology = buildTopology(plan);
            const lb = node(topology, "load balancer backup-proxy-lb");
            const arrows = edge(topology, node(topology, "3 Linux VMs"), lb).map((e) => [e.kind, ...e.lines]);
            expect(arrows).to.have.deep.members([
                ["allowed", "TCP 3128", "out: allow-clients-to-proxy (210)", "2 of 3 VMs"],
                ["denied", "TCP 3128 denied", "out: deny-app-vm-2 (150)", "1 of 3 VMs"],
            ]);
            // Only the VMs that reach the frontend go on to the proxy.
            expect(onlyEdge(topology, lb, node(topology, "proxy backup-proxy")).lines).to.deep.equal(["TCP 3128 (from 3 Linux VMs)", "in: allow-clients-to-proxy-inbound (200)"]);
        });
    });

    describe("of the allow-list (serviceTags)", () => {
        it("draws the three service tags instead of a proxy, each flow with its allow rule", async () => {
            const topology = buildTopology(await planReferenceEnvironment({ connectivity: "serviceTags" }));
            expect(topology.nodes.filter((n) => n.kind === "proxy")).to.deep.equal([]);
            const vms = node(topology, "1 Linux VM");
            const expected: Record<string, string> = {
                "service tag Storage.westeurope": "out: allow-storage-westeurope (200)",
                // The regional form, as readiness checks it: the rule's global tag covers it.
                "service tag AzureBackup.westeurope": "out: allow-azurebackup (210)",
                "service tag AzureActiveDirectory": "out: allow-azureactivedirectory (220)",
            };
            for (const [tag, rule] of Object.entries(expected)) {
                expect(onlyEdge(topology, vms, node(topology, tag)).lines).to.deep.equal(["TCP 443", rule]);
            }
            expect(onlyEdge(topology, vms, node(topology, "Internet")).kind).to.equal("denied");
        });
    });

    describe("with a load balancer", () => {
        it("puts an internal load balancer in its frontend's subnet and links it to the VMs of its backend pool", () => {
            const plan = withLoadBalancer(reference);
            const topology = buildTopology(plan);
            const lb = node(topology, "load balancer proxy-lb");
            expect(lb).to.deep.include({ kind: "loadBalancer", parent: node(topology, "subnet proxy-subnet").id, lines: ["load balancer proxy-lb", "10.0.0.10 (internal)", "Tcp 3128→3128"] });
            expect(onlyEdge(topology, lb, node(topology, "proxy backup-proxy"))).to.deep.include({ kind: "balances", lines: ["pool proxies", "1 VM"] });
        });
    });

    describe("what a change marks", () => {
        it("marks added, changed and removed elements against the base plan", async () => {
            const after = await planReferenceEnvironment({ connectivity: "serviceTags", appVmCount: "2" });
            const topology = markChanges(buildTopology(reference), buildTopology(after), diffPlans(reference, after));
            const vms = node(topology, "2 Linux VMs");
            expect(vms.mark).to.equal("changed");
            expect(vms.lines).to.deep.equal(["2 Linux VMs", "app-vm-1, app-vm-2", "2 protected", "was 1"]);
            expect(node(topology, "proxy backup-proxy").mark).to.equal("removed");
            expect(node(topology, "subnet proxy-subnet").mark).to.equal("removed");
            expect(node(topology, "service tag AzureBackup.westeurope").mark).to.equal("added");
            expect(onlyEdge(topology, vms, node(topology, "load balancer backup-proxy-lb")).mark).to.equal("removed");
            expect(onlyEdge(topology, vms, node(topology, "service tag AzureBackup.westeurope")).mark).to.equal("added");
            expect(onlyEdge(topology, node(topology, "vault vm-backup-vault"), vms)).to.deep.include({ mark: "changed", lines: ["protects 2"] });
            // Unchanged elements carry no mark.
            expect(node(topology, "VNet backup-ready-vnet").mark).to.equal(undefined);
            expect(node(topology, "Azure platform").mark).to.equal(undefined);
            const markdown = topologyMarkdown(topology);
            expect(markdown).to.contain("**NEW**, **CHANGED** and **REMOVED** mark what changes against the base plan");
            expect(toMermaid(topology)).to.match(/\n {2}class [n\d,]+ removed\n/);
        });

        it("marks a VM group changed when only what runs inside its VMs changes", async () => {
            const after = await planReferenceEnvironment({ proxyPort: "8080" });
            const topology = markChanges(buildTopology(reference), buildTopology(after), diffPlans(reference, after));
            expect(node(topology, "1 Linux VM").mark).to.equal("changed");
            expect(onlyEdge(topology, node(topology, "1 Linux VM"), node(topology, "load balancer backup-proxy-lb"))).to.deep.include({ mark: "changed" });
            expect(onlyEdge(topology, node(topology, "proxy backup-proxy"), node(topology, "Internet")).mark).to.equal(undefined);
        });
    });

    describe("at 1,000 VMs", () => {
        let big: Topology;
        before(async function () {
            this.timeout(180_000);
            big = await bigTopology();
        });

        it("draws one box for the 1,000 VMs, with their count, and no more elements than for one VM", () => {
            const vms = node(big, "1,000 Linux VMs");
            expect(vms.lines).to.deep.equal(["1,000 Linux VMs", "app-vm-1 … app-vm-1000", "1,000 protected"]);
            const small = buildTopology(reference);
            expect(big.nodes.length).to.equal(small.nodes.length);
            expect(big.edges.length).to.equal(small.edges.length);
            expect(onlyEdge(big, node(big, "vault vm-backup-vault"), vms).lines).to.deep.equal(["protects 1,000"]);
        });

        it("renders an SVG that stays as large as one VM's, with readable labels", async function () {
            requireAll(this, FONTS);
            const small = rasterise(await toSvg(buildTopology(reference)));
            const svg = await toSvg(big);
            const large = rasterise(svg);
            fs.writeFileSync(path.join(pictures, "topology-1000.png"), large.png);
            fs.writeFileSync(path.join(pictures, "topology-default.png"), small.png);
            // The same picture with a longer name in one box: a little wider, no taller.
            expect(large.width).to.be.within(small.width, small.width * 1.2);
            expect(large.height).to.be.within(small.height * 0.9, small.height * 1.1);
            // The balancer stands on the clients' path (VMs -> frontend -> proxy): one rank more than a proxy reached directly.
            expect(large.width).to.be.below(3000);
            for (const raster of [small, large]) {
                // Flows in the palette's blue and red, and the labels' text drawn in the font.
                expect(raster.share(near("#0969da")), "allowed flows").to.be.above(0.001);
                expect(raster.share(near("#cf222e")), "denied flow").to.be.above(0.0005);
            }
            const withoutText = rasterise(svg, false);
            expect(large.share(DARK), "labels").to.be.above(withoutText.share(DARK) * 2);
            expect(svgText(svg)).to.contain("1,000 Linux VMs").and.to.contain("out: allow-clients-to-proxy (210)");
        });
    });

    describe("Mermaid text", () => {
        it("is accepted by Mermaid's parser as a flowchart, marked or not, at 1 and 1,000 VMs, and a broken one is not", async function () {
            const after = await planReferenceEnvironment({ connectivity: "serviceTags", appVmCount: "2" });
            const marked = markChanges(buildTopology(reference), buildTopology(after), diffPlans(reference, after));
            const big = await bigTopology();
            const results = parseMermaid(
                {
                    reference: toMermaid(buildTopology(reference)),
                    loadBalancer: toMermaid(buildTopology(withLoadBalancer(reference))),
                    marked: toMermaid(marked),
                    thousand: toMermaid(big),
                    quoted: toMermaid({ nodes: [{ id: "a", kind: "proxy", lines: ['proxy "x" <y> #1'], urns: [] }], edges: [] }),
                    broken: toMermaid(buildTopology(reference)).replace("-->", "-->|unclosed"),
                },
                scratch,
            );
            for (const name of ["reference", "loadBalancer", "marked", "thousand", "quoted"]) {
                expect(results[name], name).to.deep.equal({ type: "flowchart-v2" });
            }
            expect(results.broken.error).to.match(/Parse error/);
        });
    });
});

describe("the readiness section of the comment", () => {
    it("puts failing lines first, in a caution block, with the rule or setting that decided", async () => {
        const plan = await planReferenceEnvironment({ allowedDomains: '["packages.example.com"]', restoreDrill: "true" });
        const markdown = readinessMarkdown(readinessReport(plan));
        const lines = markdown.split("\n");
        expect(lines[0]).to.equal("## Backup readiness: NOT READY, 1 of 12 checks fail");
        expect(lines.slice(2, 5)).to.deep.equal([
            "> [!CAUTION]",
            "> **Backups would not work as planned** (1 protected VM). Each line names the check and the rule or setting that decided it:",
            "> - **app-vm-1**: proxy admits blob storage: squid on backup-proxy admits packages.example.com, no &lt;account&gt;.blob.core.windows.net host",
        ]);
        expect(markdown.indexOf("<details>")).to.be.above(markdown.indexOf("> - **app-vm-1**"));
        // Without alertEmails nobody is told of a failed backup: a warning, after the failures, that fails nothing.
        expect(markdown).to.match(/> \[!WARNING\]\n> Backups run, but:\n> - \*\*app-vm-1\*\*: a failed backup reaches someone: /);
        expect(markdown.indexOf("> [!WARNING]")).to.be.above(markdown.indexOf("> [!CAUTION]"));
    });

    it("says ready in one line when every check passes", async () => {
        const lines = readinessMarkdown(readinessReport(await planReferenceEnvironment({ alertEmails: '["ops@example.com"]', restoreDrill: "true" }))).split("\n");
        expect(lines[0]).to.equal("## Backup readiness: ready");
        expect(lines[2]).to.equal("12 of 12 checks pass for 1 protected VM.");
    });
});

describe("npm run plan when readiness fails", function () {
    this.timeout(120_000);
    let out: string;
    before(() => {
        out = makeScratch("plan-not-ready");
    });
    after(() => removeScratch(out));

    it("writes the diff, the readiness report and the picture, then exits 1", () => {
        const base = spawnSync(process.execPath, [...PLAN_CLI, "--out", path.join(out, "base")], { cwd: PROJECT_DIR, encoding: "utf8", timeout: 60_000 });
        expect(base.status, base.stderr).to.equal(0);
        const run = spawnSync(
            process.execPath,
            [...PLAN_CLI, "--config", "allowedDomains[0]=packages.example.com", "--diff", path.join(out, "base", "plan.json"), "--out", path.join(out, "pr")],
            { cwd: PROJECT_DIR, encoding: "utf8", timeout: 60_000 },
        );
        expect(run.status, run.stderr).to.equal(1);
        for (const name of ["plan.json", "plan-diff.md", "readiness.md", "readiness.txt", "topology.md", "topology.svg"]) {
            expect(fs.existsSync(path.join(out, "pr", name)), name).to.equal(true);
        }
        expect(fs.readFileSync(path.join(out, "pr", "readiness.md"), "utf8")).to.match(/^## Backup readiness: NOT READY/);
        expect(fs.readFileSync(path.join(out, "pr", "topology.md"), "utf8")).to.match(/```mermaid\nflowchart LR\n[\s\S]*CHANGED/);
        expect(svgText(fs.readFileSync(path.join(out, "pr", "topology.svg"), "utf8"))).to.match(/^<\?xml[\s\S]*<svg[\s\S]*proxy backup-proxy/);
    });
});
