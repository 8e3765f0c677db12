/**
 * The reference environment: a VNet with a proxy subnet and an app subnet behind NSG-lockdown,
 * the backup proxy, `appVmCount` Linux app VMs that reach Azure Storage through it, and a
 * Recovery Services vault in their region protecting every app VM.
 */
import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import * as resources from "@pulumi/azure-native/resources";
import * as tls from "@pulumi/tls";
import { BackupProxy, BackupReadyLinuxVm, BackupVault, NsgLockdown } from "./components";
import { RawConfig, resolveSettings, Settings } from "./lib/settings";

const project = new pulumi.Config();
const settingKeys: (keyof Settings)[] = [
    "addressSpace", "proxySubnet", "appSubnet", "proxyIp", "proxyPort", "allowedDomains", "storageAccount",
    "appVmCount", "appVmDataDisks", "appVmSize", "appVmImage", "proxyVmSize", "adminUsername", "sshPublicKey", "sshSourceCidr",
    "vaultName", "vaultLocation", "protectVault", "backupTime", "timeZone", "retentionDays", "instantRestoreDays",
];
const raw: RawConfig = Object.fromEntries(settingKeys.map((key) => [key, project.get(key)]));
raw.location = new pulumi.Config("azure-native").get("location");
const settings = resolveSettings(raw);

const resourceGroup = new resources.ResourceGroup("backup-ready", { location: settings.location });
export const resourceGroupName = resourceGroup.name;
const location = settings.location;

/** The admin key: the one configured, or a generated one whose private half is a secret output. */
const generatedKey = settings.sshPublicKey ? undefined : new tls.PrivateKey("admin-ssh-key", { algorithm: "RSA", rsaBits: 4096 });
const sshPublicKey = settings.sshPublicKey ?? (generatedKey as tls.PrivateKey).publicKeyOpenssh;

const lockdown = new NsgLockdown("lockdown", {
    resourceGroupName,
    location,
    proxyIp: settings.proxyIp,
    proxyPort: settings.proxyPort,
    clientAddressPrefixes: [settings.addressSpace],
    sshSourceAddressPrefix: settings.sshSourceCidr,
});

const vnet = new network.VirtualNetwork("backup-ready-vnet", {
    resourceGroupName,
    location,
    addressSpace: { addressPrefixes: [settings.addressSpace] },
});

const subnet = (name: string, addressPrefix: string) =>
    new network.Subnet(name, {
        resourceGroupName,
        virtualNetworkName: vnet.name,
        subnetName: name,
        addressPrefix,
        networkSecurityGroup: { id: lockdown.networkSecurityGroupId },
    });
const proxySubnet = subnet("proxy-subnet", settings.proxySubnet);
const appSubnet = subnet("app-subnet", settings.appSubnet);

const proxy = new BackupProxy("backup-proxy", {
    resourceGroupName,
    location,
    subnetId: proxySubnet.id,
    subnetAddressPrefix: settings.proxySubnet,
    proxyIp: settings.proxyIp,
    proxyPort: settings.proxyPort,
    clientAddressPrefixes: [settings.addressSpace],
    allowedDomains: settings.allowedDomains,
    vmSize: settings.proxyVmSize,
    adminUsername: settings.adminUsername,
    sshPublicKey,
});

const appVms = Array.from({ length: settings.appVmCount }, (_, i) =>
    new BackupReadyLinuxVm(`app-vm-${i + 1}`, {
        resourceGroupName,
        location,
        subnetId: appSubnet.id,
        proxyIp: settings.proxyIp,
        proxyPort: settings.proxyPort,
        vmSize: settings.appVmSize,
        image: settings.appVmImage,
        adminUsername: settings.adminUsername,
        sshPublicKey,
        dataDiskCount: settings.appVmDataDisks,
    }),
);

const vault = new BackupVault("backup", {
    resourceGroupName,
    location: settings.vaultLocation,
    vaultName: settings.vaultName,
    backupTime: settings.backupTime,
    timeZone: settings.timeZone,
    retentionDays: settings.retentionDays,
    instantRestoreDays: settings.instantRestoreDays,
    protect: settings.protectVault,
    virtualMachines: appVms.map((vm, i) => ({ name: `app-vm-${i + 1}`, id: vm.vmId, location })),
});

export const proxyPrivateIp = proxy.privateIp;
export const proxyPort = proxy.port;
export const proxyUrl = proxy.url;
export const proxyPublicIp = proxy.publicIp;
export const proxyAllowedDomains = proxy.allowedDomains;
export const lockdownNsgId = lockdown.networkSecurityGroupId;
export const vaultName = vault.vaultName;
export const vaultId = vault.vaultId;
export const backupPolicyId = vault.policyId;
export const appVmIds = pulumi.all(appVms.map((vm) => vm.vmId));
export const adminUsername = settings.adminUsername;
export const adminSshPrivateKey = generatedKey ? pulumi.secret(generatedKey.privateKeyOpenssh) : null;
