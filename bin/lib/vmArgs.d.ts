/** The parts every VM of this project shares (agent, disks, diagnostics) and what each OS adds. */
import * as pulumi from "@pulumi/pulumi";
import type * as compute from "@pulumi/azure-native/compute";
import type * as network from "@pulumi/azure-native/network";
import type { ImageReference } from "../policy/rulebook/images";
/** Ubuntu Server 24.04 LTS, the current LTS in Azure's marketplace. */
export declare const UBUNTU_LTS_IMAGE: ImageReference;
/**
 * Ubuntu 22.04 LTS, Generation 2 (Trusted Launch): the newest Ubuntu that Azure's built-in backup
 * enrolment definition lists ("22_04-lts*" SKUs; policy/rulebook/fleet.ts).
 */
export declare const UBUNTU_22_04_IMAGE: ImageReference;
/** Windows Server 2022 Datacenter: Azure Edition, the current Windows Server image for Azure. */
export declare const WINDOWS_SERVER_IMAGE: ImageReference;
export interface VmSpec {
    resourceGroupName: pulumi.Input<string>;
    location: pulumi.Input<string>;
    vmName: string;
    vmSize: string;
    image: ImageReference;
    networkInterfaceId: pulumi.Input<string>;
    adminUsername: string;
    /** Empty managed data disks to attach. */
    dataDiskCount?: number;
    dataDiskSizeGb?: number;
    tags?: Record<string, string>;
}
export interface LinuxVmSpec extends Omit<VmSpec, "image"> {
    /** @default {@link UBUNTU_LTS_IMAGE} */
    image?: ImageReference;
    sshPublicKey: pulumi.Input<string>;
    /** cloud-init user data, plain text; Azure receives it base64-encoded. */
    cloudConfig?: pulumi.Input<string>;
}
export interface WindowsVmSpec extends Omit<VmSpec, "image"> {
    /** @default {@link WINDOWS_SERVER_IMAGE} */
    image?: ImageReference;
    adminPassword: pulumi.Input<string>;
}
/** An app VM's NIC: one dynamic private address in its subnet, no public IP. */
export declare function appNicArgs(spec: {
    resourceGroupName: pulumi.Input<string>;
    location: pulumi.Input<string>;
    subnetId: pulumi.Input<string>;
    tags?: Record<string, string>;
}): network.NetworkInterfaceArgs;
/** Linux VM arguments: the VM agent provisioned (Azure Backup needs it), SSH keys only. */
export declare function linuxVmArgs(spec: LinuxVmSpec): compute.VirtualMachineArgs;
/** Windows VM arguments: the VM agent provisioned, updates installed by Windows. */
export declare function windowsVmArgs(spec: WindowsVmSpec): compute.VirtualMachineArgs;
