/**
 * The reference network rebuilt from the plan with network namespaces:
 *
 *   app (app subnet .4) ──┐
 *                         router (.1 of each subnet, 198.51.100.1) ── internet (198.51.100.10 blob,
 *   proxy (backend) ──────┘                                           198.51.100.20 other site,
 *                                                                     168.63.129.16 wire server)
 *
 * The router also stands in for the internal load balancer: nftables DNAT of the frontend
 * (`proxyIp`) to the proxy's own address, the client's address kept, as Azure's balancer hands a
 * flow on with floating IP off (policy/rulebook/loadBalancer.ts). So the app's NSG decides on the
 * frontend address and the proxy's NSG on app -> backend, as in Azure.
 *
 * The NSG's rules filter the app's and the proxy's traffic (an NSG on a subnet applies to every
 * NIC in it); the proxy also runs its own rendered host firewall. The "internet" addresses are
 * documentation addresses (RFC 5737) and exist only in these namespaces, which have no link to
 * the machine's network.
 */
import * as fs from "fs";
import * as path from "path";
import { formatIp, hostAddress, parseCidr } from "../../policy/rulebook/cidr";
import { ReferenceNetwork } from "./guest";
import { Host, NetnsLab } from "./netns";
import { NSG_TABLE, nsgToNftables, ruleCounters } from "./nsgFilter";
import { programPath } from "./programs";

export const INTERNET = {
    prefixLength: 24,
    router: "198.51.100.1",
    blobEndpoint: "198.51.100.10",
    otherSite: "198.51.100.20",
};
/** The platform's wire server: in Azure reached through the host, here a stand-in beyond the router. */
export const WIRE_SERVER = "168.63.129.16";

/** Azure's gateway address in a subnet is .1, the first address it gives a VM .4. */
const GATEWAY_OFFSET = 1;
const FIRST_VM_OFFSET = 4;

/** The address `offset` places after the network address of `cidr`. */
export function addressIn(cidr: string, offset: number): string {
    const parsed = parseCidr(cidr);
    if (!parsed) {
        throw new Error(`${cidr} is not an IPv4 CIDR`);
    }
    return formatIp(hostAddress(parsed, offset));
}

function prefixLength(cidr: string): string {
    return cidr.split("/")[1];
}

export interface Topology {
    router: Host;
    app: Host;
    proxy: Host;
    internet: Host;
    appIp: string;
}

export async function buildTopology(lab: NetnsLab, network: ReferenceNetwork, dir: string): Promise<Topology> {
    const [router, app, proxy, internet] = await Promise.all(["router", "app", "proxy", "internet"].map((role) => lab.addHost(role)));
    const appIp = addressIn(network.appSubnet, FIRST_VM_OFFSET);

    const subnetHost = async (host: Host, routerDevice: string, subnet: string, address: string) => {
        await lab.connect(host, "eth0", router, routerDevice);
        await router.addAddress(routerDevice, `${addressIn(subnet, GATEWAY_OFFSET)}/${prefixLength(subnet)}`);
        await host.addAddress("eth0", `${address}/${prefixLength(subnet)}`);
        await host.ip("route", "add", "default", "via", addressIn(subnet, GATEWAY_OFFSET));
    };
    await subnetHost(app, "app0", network.appSubnet, appIp);
    await subnetHost(proxy, "proxy0", network.proxySubnet, network.proxyVmIp);

    await lab.connect(internet, "eth0", router, "inet0");
    await router.addAddress("inet0", `${INTERNET.router}/${INTERNET.prefixLength}`);
    for (const address of [INTERNET.blobEndpoint, INTERNET.otherSite]) {
        await internet.addAddress("eth0", `${address}/${INTERNET.prefixLength}`);
    }
    await internet.addAddress("eth0", `${WIRE_SERVER}/32`);
    await internet.ip("route", "add", "default", "via", INTERNET.router);
    await router.ip("route", "add", `${WIRE_SERVER}/32`, "via", INTERNET.blobEndpoint);
    await router.enableForwarding();
    if (network.proxyIp !== network.proxyVmIp) {
        await loadNftables(
            router,
            path.join(dir, "router-lb.nft"),
            `table ip lb {\n  chain prerouting {\n    type nat hook prerouting priority dstnat;\n    ip daddr ${network.proxyIp} tcp dport ${network.proxyPort} dnat to ${network.proxyVmIp}\n  }\n}\n`,
        );
    }
    return { router, app, proxy, internet, appIp };
}

/** Loads an nftables file into the namespace with the real nft. */
export async function loadNftables(host: Host, file: string, ruleset: string): Promise<void> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, ruleset);
    await host.runOk(programPath("nft"), ["-f", file]);
}

/** Puts the NSG in front of the host: its rules, translated, in the host's namespace. */
export async function applyNsg(host: Host, network: ReferenceNetwork, dir: string): Promise<void> {
    await loadNftables(host, path.join(dir, `${host.name}-nsg.nft`), nsgToNftables(network.securityRules, { addressSpace: network.addressSpace }));
}

/** Packets each NSG rule has matched in the host so far, by `<priority> <name>`. */
export async function nsgCounters(host: Host): Promise<Map<string, number>> {
    return ruleCounters(await host.runOk(programPath("nft"), ["--json", "list", "table", "inet", NSG_TABLE]));
}
