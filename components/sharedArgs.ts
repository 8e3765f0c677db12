import * as pulumi from "@pulumi/pulumi";

/** What every backup-ready app VM takes, Linux or Windows. */
export interface BackupReadyVmArgs {
    resourceGroupName: pulumi.Input<string>;
    location: string;
    subnetId: pulumi.Input<string>;
    /** The backup proxy's private IP; without one the VM reaches Azure through the NSG's allow-list. */
    proxyIp?: string;
    /** @default 3128 */
    proxyPort?: number;
    /** @default the component name */
    vmName?: string;
    /** @default "Standard_B2s" */
    vmSize?: string;
    /** @default "azureuser" */
    adminUsername?: string;
    /** Empty managed data disks to attach (Azure Backup protects up to 32). @default 0 */
    dataDiskCount?: number;
    /** @default 32 */
    dataDiskSizeGb?: number;
    /** Tags for every resource the component creates that takes them. @default none */
    tags?: { [key: string]: string };
}

/** What a proxy client takes, for a Linux or a Windows VM. */
export interface ProxyClientArgs {
    /** The VM's ARM id: a VM of this stack or one that exists already. */
    vmId: pulumi.Input<string>;
    /** The VM's region. @default read from the VM */
    location?: pulumi.Input<string>;
    /** The backup proxy's private IP. */
    proxyIp: string;
    /** @default 3128 */
    proxyPort?: number;
    /** Tags for every resource the component creates that takes them. @default none */
    tags?: { [key: string]: string };
}
