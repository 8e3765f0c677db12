import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { Plan } from "../../plan/engine";
import { STOCK_WAAGENT_CONF } from "../support/agent";
import { parseEnvironmentFile, prepareClientScratch, PROXY_VARIABLES, runClientScript, scratchPath } from "../support/clientScript";
import { CURL_TIMED_OUT, curl, CurlResult } from "../support/curl";
import { clientScriptOf, LAYOUTS, planOf, proxyFirewallOf, ReferenceNetwork, referenceNetworkOf, squidConfOf } from "../support/guest";
import { Host, NetnsLab } from "../support/netns";
import { CURL, file, NETNS, NFT, program, requireAll, SQUID, UNSHARE } from "../support/programs";
import { makeScratch, removeScratch } from "../support/scratch";
import { startSquid } from "../support/squid";
import { parseStandInReply, startStandIn } from "../support/standIn";
import { applyNsg, buildTopology, INTERNET, loadNftables, nsgCounters, Topology, WIRE_SERVER } from "../support/topology";

/** Ports the stand-in sites listen on: HTTP, HTTPS, and one outside the document's 80-443. */
const SITE_PORTS = [80, 443, 8080];
/** Long enough for a SYN answered on a veth, short enough to keep the dropped-packet checks quick. */
const DROPPED_AFTER_S = 1;

/** Dropped: no answer at all, not even a refusal. */
function expectDropped(result: CurlResult, what: string): void {
    expect(result.exitCode, `${what}: ${result.stderr}`).to.equal(CURL_TIMED_OUT);
}

describe("guest configuration: the reference network end to end, in network namespaces", () => {
    LAYOUTS.forEach((layout, index) => {
        describe(layout.name, () => {
            const lab = new NetnsLab(`net${index}`);
            let plan: Plan;
            let network: ReferenceNetwork;
            let dir: string;
            let net: Topology;
            /** The app VM's proxy variables, read from the /etc/environment its script wrote. */
            let proxyVariables: Record<string, string>;

            before(async function () {
                requireAll(this, [NETNS, SQUID, CURL, NFT, UNSHARE, program("mount", "mount"), file(STOCK_WAAGENT_CONF, "waagent")]);
                plan = await planOf(layout);
                network = referenceNetworkOf(plan);
                dir = makeScratch("topology");

                const client = prepareClientScratch(path.join(dir, "app-vm"), clientScriptOf(plan), {
                    environment: "",
                    waagentConf: fs.readFileSync(STOCK_WAAGENT_CONF, "utf8"),
                });
                const scriptRun = await runClientScript(client);
                expect(scriptRun.code, scriptRun.stderr).to.equal(0);
                const environment = parseEnvironmentFile(fs.readFileSync(scratchPath(client, "/etc/environment"), "utf8"));
                expect(Object.keys(environment)).to.include.members(PROXY_VARIABLES);
                proxyVariables = Object.fromEntries(PROXY_VARIABLES.map((key) => [key, environment[key]]));

                net = await buildTopology(lab, network, dir);
                await loadNftables(net.proxy, path.join(dir, "proxy-nftables.conf"), proxyFirewallOf(plan));
                await applyNsg(net.proxy, network, dir);
                await applyNsg(net.app, network, dir);
                await startStandIn(net.internet, SITE_PORTS);
                const names = {
                    ...Object.fromEntries(layout.allowedHosts.map((name) => [name, INTERNET.blobEndpoint])),
                    ...Object.fromEntries(layout.refusedHosts.map((name) => [name, INTERNET.otherSite])),
                };
                await startSquid(net.proxy, path.join(dir, "squid"), squidConfOf(plan), names);
            });

            after(async () => {
                try {
                    await lab.destroy();
                } finally {
                    removeScratch(dir);
                }
            });

            it("the app VM reaches the blob endpoint through the proxy with nothing but its /etc/environment variables", async () => {
                for (const name of layout.allowedHosts) {
                    // Plain HTTP tunnelled with CONNECT to port 443, as the agent tunnels HTTPS.
                    const tunnelled = await curl(net.app, { url: `http://${name}:443/`, tunnel: true, env: proxyVariables });
                    expect(tunnelled.connectCode, `${name}: ${tunnelled.stderr}`).to.equal(200);
                    // The site saw the proxy's address, and the connection arrived at the blob endpoint.
                    expect(parseStandInReply(tunnelled.body)).to.include({ local: INTERNET.blobEndpoint, port: 443, peer: network.proxyVmIp });

                    // An https:// URL takes https_proxy and gets its tunnel; the stand-in speaks no TLS, so the handshake then fails.
                    const https = await curl(net.app, { url: `https://${name}/`, env: proxyVariables });
                    expect(https.connectCode, `${name}: ${https.stderr}`).to.equal(200);
                }
            });

            it("through the load balancer stand-in (DNAT, client address kept) the app's NSG decides on the frontend and the proxy's on app -> backend", async () => {
                expect(proxyVariables.http_proxy).to.contain(`${network.proxyIp}:${network.proxyPort}`);
                expect(network.proxyVmIp).to.not.equal(network.proxyIp);
                const [out, inbound] = [await nsgCounters(net.app), await nsgCounters(net.proxy)];
                const result = await curl(net.app, { url: `http://${layout.allowedHosts[0]}:443/`, tunnel: true, env: proxyVariables });
                expect(result.connectCode, result.stderr).to.equal(200);
                // allow-clients-to-proxy names the frontend only; allow-clients-to-proxy-inbound names the backends only.
                expect((await nsgCounters(net.app)).get("210 allow-clients-to-proxy")).to.be.greaterThan(out.get("210 allow-clients-to-proxy") ?? 0);
                expect((await nsgCounters(net.proxy)).get("200 allow-clients-to-proxy-inbound")).to.be.greaterThan(inbound.get("200 allow-clients-to-proxy-inbound") ?? 0);
            });

            it("the proxy refuses the other site (403)", async () => {
                for (const name of layout.refusedHosts) {
                    const result = await curl(net.app, { url: `http://${name}:443/`, tunnel: true, env: proxyVariables });
                    expect(result.connectCode, name).to.equal(403);
                }
            });

            it("the app VM reaches neither site directly: the NSG's deny-internet-outbound drops it", async () => {
                const before = (await nsgCounters(net.app)).get("4096 deny-internet-outbound") ?? 0;
                const attempts = [INTERNET.blobEndpoint, INTERNET.otherSite].flatMap((address) =>
                    [80, 443].map((port) => ({ what: `${address}:${port}`, url: `http://${address}:${port}/` })),
                );
                const results = await Promise.all(attempts.map(({ url }) => curl(net.app, { url, direct: true, connectTimeout: DROPPED_AFTER_S })));
                results.forEach((result, i) => expectDropped(result, attempts[i].what));
                expect((await nsgCounters(net.app)).get("4096 deny-internet-outbound")).to.be.greaterThan(before);
            });

            it("the proxy VM reaches the Internet on 80 and 443 only (allow-proxy): 8080 is dropped, although the site listens", async () => {
                const reach = (host: Host, port: number, connectTimeout?: number) =>
                    curl(host, { url: `http://${INTERNET.blobEndpoint}:${port}/`, direct: true, connectTimeout });
                const [http, https, other, fromRouter] = await Promise.all([
                    reach(net.proxy, 80),
                    reach(net.proxy, 443),
                    reach(net.proxy, 8080, DROPPED_AFTER_S),
                    reach(net.router, 8080),
                ]);
                expect([http.httpCode, https.httpCode]).to.deep.equal([200, 200]);
                expectDropped(other, "proxy to 8080");
                expect(fromRouter.httpCode, "the site answers on 8080 outside the NSG").to.equal(200);
            });

            it("the wire server stays reachable directly from the app VM (no_proxy, allow-azure-platform)", async () => {
                const result = await curl(net.app, { url: `http://${WIRE_SERVER}/`, env: proxyVariables });
                expect(result.httpCode, result.stderr).to.equal(200);
                expect(parseStandInReply(result.body)).to.include({ local: WIRE_SERVER, peer: net.appIp });
            });

            it("nobody outside the virtual network can use the proxy: deny-proxy-port-inbound drops it", async () => {
                const before = (await nsgCounters(net.proxy)).get("4000 deny-proxy-port-inbound") ?? 0;
                const result = await curl(net.internet, {
                    url: `http://${layout.allowedHosts[0]}:443/`,
                    proxy: `http://${network.proxyVmIp}:${network.proxyPort}`,
                    tunnel: true,
                    connectTimeout: DROPPED_AFTER_S,
                });
                expectDropped(result, "internet to the proxy port");
                expect((await nsgCounters(net.proxy)).get("4000 deny-proxy-port-inbound")).to.be.greaterThan(before);
            });
        });
    });
});
