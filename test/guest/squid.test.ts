import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { Plan } from "../../plan/engine";
import { curl, CurlRequest } from "../support/curl";
import { LAYOUTS, planOf, ReferenceNetwork, referenceNetworkOf, squidConfOf } from "../support/guest";
import { Host, NetnsLab } from "../support/netns";
import { CURL, NETNS, programPath, requireAll, SQUID } from "../support/programs";
import { run } from "../support/processes";
import { makeScratch, removeScratch } from "../support/scratch";
import { startSquid } from "../support/squid";
import { parseStandInReply, startStandIn } from "../support/standIn";
import { addressIn } from "../support/topology";

/** A client outside every virtual network the plan can have. */
const OUTSIDE_CLIENT = "127.0.0.2";
const OTHER_PORT = 8443;

describe("guest configuration: squid runs the proxy VM's squid.conf", () => {
    LAYOUTS.forEach((layout, index) => {
        describe(layout.name, () => {
            let plan: Plan;
            let dir: string;

            before(async function () {
                requireAll(this, [SQUID]);
                plan = await planOf(layout);
                dir = makeScratch("squid");
            });

            after(() => removeScratch(dir));

            it("passes `squid -k parse` without a warning", async () => {
                const file = path.join(dir, "squid.conf");
                fs.writeFileSync(file, squidConfOf(plan));
                const result = await run(programPath("squid"), ["-k", "parse", "-f", file]);
                const output = result.stderr + result.stdout;
                expect(result.code, output).to.equal(0);
                expect(output).to.include(`Processing Configuration File: ${file}`);
                expect(output.split("\n").filter((line) => /WARNING|ERROR|FATAL/i.test(line))).to.deep.equal([]);
            });

            // squid on loopback in a namespace of its own: the loopback carries the proxy's address
            // and an app subnet address, so the rendered `acl vnet_clients src` admits the client
            // without a change to any policy line, and the rendered `http_port` listens on this
            // namespace's addresses only.
            describe("live, on loopback in its own network namespace, names resolved to 127.0.0.1", () => {
                const lab = new NetnsLab(`squid${index}`);
                let network: ReferenceNetwork;
                let host: Host;
                let vnetClient: string;

                before(async function () {
                    requireAll(this, [NETNS, CURL]);
                    network = referenceNetworkOf(plan);
                    vnetClient = addressIn(network.appSubnet, 4);
                    host = await lab.addHost("squid");
                    await host.addAddress("lo", `${network.proxyVmIp}/32`);
                    await host.addAddress("lo", `${vnetClient}/32`);
                    await startStandIn(host, [443, OTHER_PORT]);
                    const names = [...layout.allowedHosts, ...layout.refusedHosts];
                    await startSquid(host, path.join(dir, "live"), squidConfOf(plan), Object.fromEntries(names.map((name) => [name, "127.0.0.1"])));
                });

                after(() => lab.destroy());

                const viaProxy = (request: Omit<CurlRequest, "proxy">) =>
                    curl(host, { proxy: `http://${network.proxyVmIp}:${network.proxyPort}`, source: vnetClient, ...request });

                it("opens a CONNECT tunnel to each allowed storage name on 443", async () => {
                    for (const name of layout.allowedHosts) {
                        const result = await viaProxy({ url: `http://${name}:443/`, tunnel: true });
                        expect(result.connectCode, `${name}: ${result.stderr}`).to.equal(200);
                        expect(parseStandInReply(result.body)).to.include({ local: "127.0.0.1", port: 443, host: `${name}:443` });
                    }
                });

                it("refuses CONNECT to names that are not on the list (403)", async () => {
                    for (const name of layout.refusedHosts) {
                        const result = await viaProxy({ url: `http://${name}:443/`, tunnel: true });
                        expect(result.connectCode, name).to.equal(403);
                    }
                });

                it(`refuses CONNECT to an allowed name on another port (${OTHER_PORT}, which is listening)`, async () => {
                    const result = await viaProxy({ url: `http://${layout.allowedHosts[0]}:${OTHER_PORT}/`, tunnel: true });
                    expect(result.connectCode).to.equal(403);
                });

                it("refuses a plain GET, also to an allowed name", async () => {
                    const result = await viaProxy({ url: `http://${layout.allowedHosts[0]}:443/` });
                    expect([result.connectCode, result.httpCode]).to.deep.equal([0, 403]);
                });

                it(`refuses a client outside the virtual network (${OUTSIDE_CLIENT})`, async () => {
                    const result = await viaProxy({ url: `http://${layout.allowedHosts[0]}:443/`, tunnel: true, source: OUTSIDE_CLIENT });
                    expect(result.connectCode).to.equal(403);
                });
            });
        });
    });
});
