import * as pulumi from "@pulumi/pulumi";
import { ImageReference } from "../policy/rulebook/images";
import { BackupReadyVmArgs } from "./sharedArgs";
export interface BackupReadyWindowsVmArgs extends BackupReadyVmArgs {
    /** A Windows Server marketplace image, 2008 R2 or newer. @default Windows Server 2022 Datacenter: Azure Edition */
    image?: ImageReference;
    /** The admin user's password; pass a secret. */
    adminPassword: pulumi.Input<string>;
}
/** Every argument of `BackupReadyWindowsVm`, once. */
export declare const BACKUP_READY_WINDOWS_VM_ARGUMENTS: readonly ["resourceGroupName", "location", "subnetId", "proxyIp", "proxyPort", "vmName", "vmSize", "adminUsername", "dataDiskCount", "dataDiskSizeGb", "tags", "keepTypeAliases", "image", "adminPassword"];
/**
 * A Windows Server VM ready for Azure Backup: the VM agent provisioned, and behind a proxy a
 * {@link WindowsProxyClient} that sets WinHTTP and LocalSystem's proxy, also when the proxy changes.
 */
export declare class BackupReadyWindowsVm extends pulumi.ComponentResource {
    readonly vmId: pulumi.Output<string>;
    readonly vmName: pulumi.Output<string>;
    constructor(name: string, args: BackupReadyWindowsVmArgs, opts?: pulumi.ComponentResourceOptions);
}
