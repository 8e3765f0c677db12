/**
 * Backup readiness for VMs that exist already: the proxy in an existing subnet, the lockdown
 * rules in the NSGs the app and proxy subnets already have, every VM pointed at the proxy in
 * place (no VM is replaced, or even managed, here), a vault in the VMs' region protecting them,
 * and its failed jobs and the proxy's availability mailed to `alertEmails`.
 */
import * as pulumi from "@pulumi/pulumi";
import { BackupMonitoring, BackupProxy, BackupVault, LinuxProxyClient, NsgLockdown } from "backup-ready";

const config = new pulumi.Config();
const linuxVmIds = config.requireObject<string[]>("linuxVmIds");
const proxyIp = config.require("proxyIp");
const clientAddressPrefixes = [config.require("vnetAddressSpace")];
const resourceGroupName = config.require("vaultResourceGroupName");
const location = new pulumi.Config("azure-native").require("location");

const proxy = new BackupProxy("backup-proxy", {
    resourceGroupName,
    location,
    subnetId: config.require("proxySubnetId"),
    subnetAddressPrefix: config.require("proxySubnetPrefix"),
    proxyIp,
    clientAddressPrefixes,
    sshPublicKey: config.require("sshPublicKey"),
});

// The proxy's address and port flow to everything that points at it, as Outputs: clients use the
// balancer's frontend (privateIp), the proxy's own rules name the proxy VMs behind it (backendIps).
const endpoint = { proxyIp: proxy.privateIp, proxyPort: proxy.port, clientAddressPrefixes, backendIps: proxy.backendIps };

// In front of the apps, the outbound rules (they reach only the proxy); in front of the proxy, all
// of them (the proxy reaches only HTTP(S), and only the network reaches the proxy port).
const lockdowns = [
    new NsgLockdown("lockdown-apps", { existingSubnetId: config.require("appSubnetId"), ...endpoint, outboundOnly: true }),
    new NsgLockdown("lockdown-proxy", { existingSubnetId: config.require("proxySubnetId"), ...endpoint }),
];

const proxyClients = linuxVmIds.map((vmId, i) => new LinuxProxyClient(`proxy-client-${i + 1}`, { vmId, proxyIp: proxy.privateIp, proxyPort: proxy.port }));

const vault = new BackupVault("backup", { resourceGroupName, virtualMachineIds: linuxVmIds });

new BackupMonitoring("monitoring", {
    resourceGroupName,
    location,
    vaultId: vault.vaultId,
    alertEmails: config.getObject<string[]>("alertEmails") ?? [],
    // Each proxy VM, watched on its own address: a backend cannot reach its balancer's frontend.
    proxies: proxy.monitoredProxies(),
});

export const proxyUrl = proxy.url;
export const lockdownNsgIds = pulumi.all(lockdowns.map((lockdown) => lockdown.networkSecurityGroupId));
export const proxyClientRunCommandIds = pulumi.all(proxyClients.map((client) => client.runCommandId));
export const vaultId = vault.vaultId;
export const protectedItems = vault.protectedItems;
