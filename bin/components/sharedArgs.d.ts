import * as pulumi from "@pulumi/pulumi";
/** What every component takes, as Azure Verified Modules give every module the same interface. */
export interface CommonArgs {
    /** Tags for every resource the component creates that takes them. @default none */
    tags?: {
        [key: string]: string;
    };
    /**
     * Keep the API-versioned type aliases azure-native adds to every resource: only resources
     * once registered under such a type token (`azure-native:compute/v20230301:VirtualMachine`)
     * need them, to move to the default one without replacement; dropping them makes large
     * stacks far cheaper to plan. @default false
     */
    keepTypeAliases?: boolean;
}
/** What every backup-ready app VM takes, Linux or Windows. */
export interface BackupReadyVmArgs extends CommonArgs {
    resourceGroupName: pulumi.Input<string>;
    location: pulumi.Input<string>;
    subnetId: pulumi.Input<string>;
    /** The backup proxy's private IP (a `BackupProxy`'s `privateIp`); without one the VM reaches Azure through the NSG's allow-list. */
    proxyIp?: pulumi.Input<string>;
    /** @default 3128 */
    proxyPort?: pulumi.Input<number>;
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
}
/** Every argument both app VMs take, once. */
export declare const BACKUP_READY_VM_ARGUMENTS: readonly ["resourceGroupName", "location", "subnetId", "proxyIp", "proxyPort", "vmName", "vmSize", "adminUsername", "dataDiskCount", "dataDiskSizeGb", "tags", "keepTypeAliases"];
/** What a proxy client takes, for a Linux or a Windows VM. */
export interface ProxyClientArgs extends CommonArgs {
    /** The VM's ARM id: a VM of this stack or one that exists already. */
    vmId: pulumi.Input<string>;
    /** The VM's region. @default read from the VM */
    location?: pulumi.Input<string>;
    /** The backup proxy's private IP (a `BackupProxy`'s `privateIp`). */
    proxyIp: pulumi.Input<string>;
    /** @default 3128 */
    proxyPort?: pulumi.Input<number>;
}
