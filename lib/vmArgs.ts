/** The parts every VM of this project shares (agent, disks, diagnostics) and what each OS adds. */
import * as pulumi from "@pulumi/pulumi";
import type * as compute from "@pulumi/azure-native/compute";
import type * as network from "@pulumi/azure-native/network";
import { whenKnown } from "./inputs";
import { toBase64 } from "./templates";
import type { ImageReference } from "../policy/rulebook/images";

/** Ubuntu Server 24.04 LTS, the current LTS in Azure's marketplace. */
export const UBUNTU_LTS_IMAGE: ImageReference = {
    publisher: "Canonical",
    offer: "ubuntu-24_04-lts",
    sku: "server",
    version: "latest",
};

/**
 * Ubuntu 22.04 LTS, Generation 2 (Trusted Launch): the newest Ubuntu that Azure's built-in backup
 * enrolment definition lists ("22_04-lts*" SKUs; policy/rulebook/fleet.ts).
 */
export const UBUNTU_22_04_IMAGE: ImageReference = {
    publisher: "Canonical",
    offer: "0001-com-ubuntu-server-jammy",
    sku: "22_04-lts-gen2",
    version: "latest",
};

/** Windows Server 2022 Datacenter: Azure Edition, the current Windows Server image for Azure. */
export const WINDOWS_SERVER_IMAGE: ImageReference = {
    publisher: "MicrosoftWindowsServer",
    offer: "WindowsServer",
    sku: "2022-datacenter-azure-edition",
    version: "latest",
};

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
export function appNicArgs(spec: {
    resourceGroupName: pulumi.Input<string>;
    location: pulumi.Input<string>;
    subnetId: pulumi.Input<string>;
    tags?: Record<string, string>;
}): network.NetworkInterfaceArgs {
    return {
        resourceGroupName: spec.resourceGroupName,
        location: spec.location,
        ipConfigurations: [{ name: "ipconfig1", primary: true, subnet: { id: spec.subnetId }, privateIPAllocationMethod: "Dynamic" }],
        tags: spec.tags,
    };
}

/** Linux VM arguments: the VM agent provisioned (Azure Backup needs it), SSH keys only. */
export function linuxVmArgs(spec: LinuxVmSpec): compute.VirtualMachineArgs {
    return vmArgs({ ...spec, image: spec.image ?? UBUNTU_LTS_IMAGE }, {
        customData: spec.cloudConfig === undefined ? undefined : whenKnown(spec.cloudConfig, toBase64),
        linuxConfiguration: {
            disablePasswordAuthentication: true,
            provisionVMAgent: true,
            ssh: { publicKeys: [{ path: `/home/${spec.adminUsername}/.ssh/authorized_keys`, keyData: spec.sshPublicKey }] },
        },
    });
}

/** Windows VM arguments: the VM agent provisioned, updates installed by Windows. */
export function windowsVmArgs(spec: WindowsVmSpec): compute.VirtualMachineArgs {
    return vmArgs({ ...spec, image: spec.image ?? WINDOWS_SERVER_IMAGE }, {
        adminPassword: spec.adminPassword,
        windowsConfiguration: { provisionVMAgent: true, enableAutomaticUpdates: true },
    });
}

function vmArgs(spec: VmSpec, osProfile: compute.VirtualMachineArgs["osProfile"] & object): compute.VirtualMachineArgs {
    return {
        resourceGroupName: spec.resourceGroupName,
        vmName: spec.vmName,
        location: spec.location,
        hardwareProfile: { vmSize: spec.vmSize },
        networkProfile: { networkInterfaces: [{ id: spec.networkInterfaceId, primary: true }] },
        osProfile: { computerName: spec.vmName, adminUsername: spec.adminUsername, ...osProfile },
        storageProfile: {
            imageReference: spec.image,
            osDisk: {
                createOption: "FromImage",
                deleteOption: "Delete",
                managedDisk: { storageAccountType: "StandardSSD_LRS" },
            },
            dataDisks: Array.from({ length: spec.dataDiskCount ?? 0 }, (_, lun) => ({
                lun,
                createOption: "Empty",
                diskSizeGB: spec.dataDiskSizeGb ?? 32,
                deleteOption: "Detach",
                managedDisk: { storageAccountType: "StandardSSD_LRS" },
            })),
        },
        diagnosticsProfile: { bootDiagnostics: { enabled: true } },
        // Azure's default for new VMs, stated rather than left to the API version: Secure Boot and
        // a virtual TPM (Gen2 images only; an Enhanced backup policy protects such VMs).
        securityProfile: { securityType: "TrustedLaunch", uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } },
        tags: spec.tags,
    };
}
