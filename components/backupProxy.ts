import * as pulumi from "@pulumi/pulumi";
import { CommonArgs } from "./sharedArgs";
import * as compute from "@pulumi/azure-native/compute";
import * as network from "@pulumi/azure-native/network";
import { withoutTypeAliases } from "../lib/aliases";
import { formatIp, hostAddress } from "../policy/rulebook/cidr";
import { proxyUrl, renderProxyCloudConfig } from "../lib/guestConfig";
import { linuxVmArgs } from "../lib/vmArgs";
import { effectiveAllowedDomains } from "../lib/guestConfig";
import { DEFAULTS } from "../lib/defaults";
import { checkClientAddressPrefixes, checkProxyIp, checkProxyPort, cidr } from "../lib/validation/addresses";
import { checkTrustedLaunch } from "../lib/validation/images";
import { checkAdminUsername, checkDomains, checkStorageAccount, checkVmSize } from "../lib/validation/names";
import { checkSshPublicKey } from "../lib/validation/sshKeys";
import { checkedTags } from "../lib/vaultSettings";

export interface BackupProxyArgs extends CommonArgs {
    resourceGroupName: pulumi.Input<string>;
    location: string;
    /** The subnet the proxy's NIC joins. */
    subnetId: pulumi.Input<string>;
    /** That subnet's address prefix, to place and check the proxy's address. */
    subnetAddressPrefix: string;
    /** The proxy's static private IP. @default the subnet's address 5 places after its network address (10.0.0.5 in 10.0.0.0/24) */
    proxyIp?: string;
    /** @default 3128 */
    proxyPort?: number;
    /** Address prefixes that may use the proxy: the virtual network's address space. */
    clientAddressPrefixes: string[];
    /** Domains clients may reach (squid `dstdomain`; a leading dot admits subdomains). @default [".blob.core.windows.net"] */
    allowedDomains?: string[];
    /** Admit only this storage account instead of all of blob storage. */
    storageAccount?: string;
    /** @default the component name */
    vmName?: string;
    /** @default "Standard_B2s" */
    vmSize?: string;
    /** @default "azureuser" */
    adminUsername?: string;
    /** The OpenSSH public key for the admin user; password login stays off. */
    sshPublicKey: pulumi.Input<string>;
    /** A system-assigned managed identity, which the Azure Monitor agent of `BackupMonitoring`'s heartbeat signs in with. @default false */
    managedIdentity?: boolean;
}

/**
 * An Ubuntu LTS VM running squid as an allow-list HTTPS proxy to Azure Storage, at a static
 * private IP, with a host firewall that admits the proxy port from the clients only and a
 * static Standard public IP for one stable egress address. A change of its configuration
 * replaces the VM (it holds no state); its addresses stay.
 */
export class BackupProxy extends pulumi.ComponentResource {
    public readonly privateIp: pulumi.Output<string>;
    public readonly port: pulumi.Output<number>;
    public readonly url: pulumi.Output<string>;
    public readonly publicIp: pulumi.Output<string>;
    public readonly vmId: pulumi.Output<string>;
    public readonly allowedDomains: pulumi.Output<string[]>;

    constructor(name: string, args: BackupProxyArgs, opts?: pulumi.ComponentResourceOptions) {
        super("backup-ready:index:BackupProxy", name, {}, withoutTypeAliases(opts, args.keepTypeAliases));

        const subnet = cidr("subnetAddressPrefix", args.subnetAddressPrefix);
        const proxyIp = args.proxyIp ?? formatIp(hostAddress(subnet, DEFAULTS.proxyHostOffset));
        const proxyPort = checkProxyPort("proxyPort", args.proxyPort ?? DEFAULTS.proxyPort);
        checkProxyIp("proxyIp", proxyIp, args.subnetAddressPrefix, "subnetAddressPrefix");
        const vmSize = args.vmSize ?? DEFAULTS.vmSize;
        const adminUsername = args.adminUsername ?? DEFAULTS.adminUsername;
        checkVmSize("vmSize", vmSize);
        checkTrustedLaunch("image", undefined, "vmSize", vmSize);
        checkAdminUsername("adminUsername", adminUsername);
        if (typeof args.sshPublicKey === "string") {
            checkSshPublicKey("sshPublicKey", args.sshPublicKey);
        }
        checkClientAddressPrefixes("clientAddressPrefixes", args.clientAddressPrefixes);
        if (args.storageAccount !== undefined) {
            checkStorageAccount("storageAccount", args.storageAccount);
        }
        const allowedDomains = effectiveAllowedDomains(args.allowedDomains ?? [...DEFAULTS.allowedDomains], args.storageAccount);
        checkDomains("allowedDomains", allowedDomains);
        const tags = checkedTags(args.tags);

        const publicIp = new network.PublicIPAddress(
            `${name}-egress-ip`,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                sku: { name: "Standard", tier: "Regional" },
                publicIPAllocationMethod: "Static",
                publicIPAddressVersion: "IPv4",
                tags,
            },
            { parent: this },
        );

        const nic = new network.NetworkInterface(
            `${name}-nic`,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                ipConfigurations: [
                    {
                        name: "ipconfig1",
                        primary: true,
                        subnet: { id: args.subnetId },
                        privateIPAllocationMethod: "Static",
                        privateIPAddress: proxyIp,
                        publicIPAddress: { id: publicIp.id },
                    },
                ],
                tags,
            },
            { parent: this },
        );

        const cloudConfig = renderProxyCloudConfig({ proxyPort, clientCidrs: args.clientAddressPrefixes, allowedDomains });
        const vm = new compute.VirtualMachine(
            `${name}-vm`,
            {
                ...linuxVmArgs({
                    resourceGroupName: args.resourceGroupName,
                    location: args.location,
                    vmName: args.vmName ?? name,
                    vmSize,
                    networkInterfaceId: nic.id,
                    adminUsername,
                    sshPublicKey: args.sshPublicKey,
                    cloudConfig,
                    tags,
                }),
                ...(args.managedIdentity ? { identity: { type: "SystemAssigned" } } : {}),
            },
            // Azure cannot change customData in place: a new proxy configuration is a new VM on the same NIC.
            { parent: this, replaceOnChanges: ["osProfile.customData"], deleteBeforeReplace: true },
        );

        this.privateIp = pulumi.output(proxyIp);
        this.port = pulumi.output(proxyPort);
        this.url = pulumi.output(proxyUrl({ proxyIp, proxyPort }));
        this.publicIp = publicIp.ipAddress.apply((address) => address ?? "");
        this.vmId = vm.id;
        this.allowedDomains = pulumi.output(allowedDomains);
        this.registerOutputs({
            privateIp: this.privateIp,
            port: this.port,
            url: this.url,
            publicIp: this.publicIp,
            vmId: this.vmId,
            allowedDomains: this.allowedDomains,
        });
    }
}
