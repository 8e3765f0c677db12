/**
 * Outputs flow between components: a BackupProxy's privateIp feeds NsgLockdown and the proxy
 * clients, checked when it resolves with the message a plain value gets at once.
 */
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { BackupProxy, LinuxProxyClient, NsgLockdown, WindowsProxyClient } from "../components";
import { Plan } from "../plan/engine";
import { planFailure, planProgram } from "./support/plan";
import { InvalidSettingError, NsgRule } from "../policy/rulebook";

const SUBSCRIPTION = "/subscriptions/00000000-0000-0000-0000-000000000000";
const SUBNET = `${SUBSCRIPTION}/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/proxy`;
const NSG = `${SUBSCRIPTION}/resourceGroups/net/providers/Microsoft.Network/networkSecurityGroups/apps-nsg`;
const VM = (name: string) => `${SUBSCRIPTION}/resourceGroups/apps/providers/Microsoft.Compute/virtualMachines/${name}`;

const plan = (program: () => void) => planProgram(program);
const failure = (program: () => void) => planFailure(program);

const script = (planned: Plan, name: string) =>
    ((planned.resources.find((r) => r.name === name)?.inputs.source as { script?: string }) ?? {}).script ?? "";

describe("components that take Outputs", () => {
    it("take a BackupProxy's privateIp and backendIps in NsgLockdown and its privateIp in the Linux and Windows clients", async () => {
        const planned = await plan(() => {
            const proxy = new BackupProxy("backup-proxy", {
                resourceGroupName: "net",
                location: "westeurope",
                subnetId: SUBNET,
                subnetAddressPrefix: "10.0.0.0/24",
                proxyIp: "10.0.0.5",
                clientAddressPrefixes: ["10.0.0.0/16"],
                sshPublicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl test",
            });
            new NsgLockdown("lockdown", { existingNetworkSecurityGroupId: NSG, proxyIp: proxy.privateIp, proxyPort: proxy.port, clientAddressPrefixes: ["10.0.0.0/16"], backendIps: proxy.backendIps });
            new LinuxProxyClient("linux", { vmId: VM("erp-01"), location: "westeurope", proxyIp: proxy.privateIp, proxyPort: proxy.port });
            new WindowsProxyClient("windows", { vmId: VM("erp-02"), location: "westeurope", proxyIp: proxy.privateIp, proxyPort: proxy.port });
        });
        const toProxy = planned.resources.find((r) => r.name === "lockdown-allow-clients-to-proxy");
        expect(toProxy?.inputs).to.deep.include({ destinationAddressPrefix: "10.0.0.5/32", destinationPortRange: "3128", priority: 210 });
        // The proxy VM behind the balancer's frontend goes out from its own address.
        expect(planned.resources.find((r) => r.name === "lockdown-allow-proxy")?.inputs).to.deep.include({ sourceAddressPrefix: "10.0.0.6/32" });
        expect(script(planned, "linux-run-command")).to.contain("HttpProxy.Host=10.0.0.5");
        expect(script(planned, "windows-run-command")).to.contain("10.0.0.5:3128");
    });

    it("check an Output when it resolves, with the message a plain value gets at once", async () => {
        const plain = await failure(() => new LinuxProxyClient("linux", { vmId: VM("erp-01"), location: "westeurope", proxyIp: "10.0.0.500" }));
        const resolved = await failure(() => new LinuxProxyClient("linux", { vmId: VM("erp-01"), location: "westeurope", proxyIp: pulumi.output("10.0.0.500") }));
        expect(plain).to.be.instanceOf(InvalidSettingError);
        expect(resolved).to.be.instanceOf(InvalidSettingError);
        expect((resolved as Error).message).to.equal((plain as Error).message);
        expect((plain as Error).message).to.match(/^proxyIp: must be the proxy's IPv4 address alone/);
    });
});

describe("BackupProxy's balancer frontend", () => {
    it("takes frontendZones, the region's, apart from the zones the proxies spread over", async () => {
        const planned = await plan(() => {
            new BackupProxy("backup-proxy", {
                resourceGroupName: "net",
                location: "westeurope",
                subnetId: SUBNET,
                subnetAddressPrefix: "10.0.0.0/24",
                clientAddressPrefixes: ["10.0.0.0/16"],
                sshPublicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl test",
                count: 2,
                zones: ["2"],
                frontendZones: ["1", "2", "3"],
            });
        });
        const lb = planned.resources.find((r) => r.type === "azure-native:network:LoadBalancer")!;
        expect((lb.inputs.frontendIPConfigurations as Array<{ zones?: string[] }>)[0].zones).to.deep.equal(["1", "2", "3"]);
        expect(planned.resources.find((r) => r.name === "backup-proxy-2-vm")?.inputs.zones).to.deep.equal(["2"]);
    });
});

describe("NsgLockdown in a crowded NSG", () => {
    const rulesOf = (planned: Plan) =>
        planned.resources.filter((r) => r.type === "azure-native:network:SecurityRule").map((r) => r.inputs as unknown as NsgRule & { securityRuleName: string });

    it("moves the allow rules to priorityBase and up, in the same order, and keeps the denies last", async () => {
        const planned = await plan(() => new NsgLockdown("lockdown", { existingNetworkSecurityGroupId: NSG, proxyIp: "10.0.0.5", clientAddressPrefixes: ["10.0.0.0/16"], priorityBase: 1000 }));
        const priorities = Object.fromEntries(rulesOf(planned).map((rule) => [rule.securityRuleName, rule.priority]));
        expect(priorities).to.deep.equal({
            "allow-azure-platform": 1000,
            "allow-proxy": 1100,
            "allow-clients-to-proxy": 1110,
            "allow-clients-to-proxy-inbound": 1100,
            "deny-proxy-port-inbound": 4000,
            "deny-internet-outbound": 4096,
        });
    });

    it("refuses a base that would push the allow rules into the denies, naming priorityBase", async () => {
        const error = await failure(() => new NsgLockdown("lockdown", { existingNetworkSecurityGroupId: NSG, proxyIp: "10.0.0.5", clientAddressPrefixes: ["10.0.0.0/16"], priorityBase: 3900 }));
        expect((error as Error).message).to.match(/^priorityBase: must be a whole number from 100 to 3799 /);
    });

    it("leaves out the inbound rules with outboundOnly", async () => {
        const planned = await plan(() => new NsgLockdown("lockdown", { existingNetworkSecurityGroupId: NSG, proxyIp: "10.0.0.5", clientAddressPrefixes: ["10.0.0.0/16"], outboundOnly: true }));
        expect(rulesOf(planned).every((rule) => rule.direction === "Outbound")).to.equal(true);
        expect(rulesOf(planned).map((rule) => rule.securityRuleName)).to.include.members(["allow-proxy", "allow-clients-to-proxy", "deny-internet-outbound"]);
    });
});

describe("BackupProxy in an existing subnet", () => {
    it("reads the subnet and refuses a prefix that is not its own, naming subnetAddressPrefix", async () => {
        // getSubnet's answer (network 2024-05-01 Subnet: properties.addressPrefix, flattened by azure-native).
        const existingSubnet = (token: string) => (token === "azure-native:network:getSubnet" ? { id: SUBNET, name: "proxy", addressPrefix: "10.1.0.0/24" } : undefined);
        const error = await planFailure(
            () =>
                new BackupProxy("backup-proxy", {
                    resourceGroupName: "net",
                    location: "westeurope",
                    subnetId: SUBNET,
                    subnetAddressPrefix: "10.0.0.0/24",
                    proxyIp: "10.0.0.5",
                    clientAddressPrefixes: ["10.0.0.0/16"],
                    sshPublicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl test",
                }),
            existingSubnet,
        );
        expect((error as Error).message).to.equal('subnetAddressPrefix: must be the prefix of subnet proxy, which Azure reports as 10.1.0.0/24; got "10.0.0.0/24"');
    });
});
