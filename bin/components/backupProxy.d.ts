import * as pulumi from "@pulumi/pulumi";
import { CommonArgs } from "./sharedArgs";
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
}
/**
 * An Ubuntu LTS VM running squid as an allow-list HTTPS proxy to Azure Storage, at a static
 * private IP, with a host firewall that admits the proxy port from the clients only and a
 * static Standard public IP for one stable egress address. A change of its configuration
 * replaces the VM (it holds no state); its addresses stay.
 */
export declare class BackupProxy extends pulumi.ComponentResource {
    readonly privateIp: pulumi.Output<string>;
    readonly port: pulumi.Output<number>;
    readonly url: pulumi.Output<string>;
    readonly publicIp: pulumi.Output<string>;
    readonly vmId: pulumi.Output<string>;
    readonly allowedDomains: pulumi.Output<string[]>;
    constructor(name: string, args: BackupProxyArgs, opts?: pulumi.ComponentResourceOptions);
}
