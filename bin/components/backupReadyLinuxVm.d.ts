import * as pulumi from "@pulumi/pulumi";
import { ImageReference } from "../policy/rulebook/images";
import { BackupReadyVmArgs } from "./sharedArgs";
export interface BackupReadyLinuxVmArgs extends BackupReadyVmArgs {
    /** A Linux marketplace image. @default Ubuntu Server 24.04 LTS */
    image?: ImageReference;
    /** The OpenSSH public key for the admin user; password login stays off. */
    sshPublicKey: pulumi.Input<string>;
}
/** Every argument of `BackupReadyLinuxVm`, once. */
export declare const BACKUP_READY_LINUX_VM_ARGUMENTS: readonly ["resourceGroupName", "location", "subnetId", "proxyIp", "proxyPort", "vmName", "vmSize", "adminUsername", "dataDiskCount", "dataDiskSizeGb", "tags", "keepTypeAliases", "image", "sshPublicKey"];
/**
 * An Ubuntu LTS VM ready for Azure Backup: the VM agent provisioned. Behind a proxy, cloud-init
 * points the agent and the backup extension at it at first boot, and a {@link LinuxProxyClient}
 * keeps them pointed at it when the proxy changes.
 */
export declare class BackupReadyLinuxVm extends pulumi.ComponentResource {
    readonly vmId: pulumi.Output<string>;
    readonly vmName: pulumi.Output<string>;
    readonly privateIp: pulumi.Output<string>;
    constructor(name: string, args: BackupReadyLinuxVmArgs, opts?: pulumi.ComponentResourceOptions);
}
