/** The parts every Linux VM of this project shares: image, agent, SSH-only login, disks. */
import * as pulumi from "@pulumi/pulumi";
import type * as compute from "@pulumi/azure-native/compute";
import { toBase64 } from "./templates";
import type { ImageReference } from "./validation";

/** Ubuntu Server 24.04 LTS, the current LTS in Azure's marketplace. */
export const UBUNTU_LTS_IMAGE: ImageReference = {
    publisher: "Canonical",
    offer: "ubuntu-24_04-lts",
    sku: "server",
    version: "latest",
};

export interface LinuxVmSpec {
    resourceGroupName: pulumi.Input<string>;
    location: string;
    vmName: string;
    vmSize: string;
    /** @default {@link UBUNTU_LTS_IMAGE} */
    image?: ImageReference;
    networkInterfaceId: pulumi.Input<string>;
    adminUsername: string;
    sshPublicKey: pulumi.Input<string>;
    /** cloud-init user data, plain text; Azure receives it base64-encoded. */
    cloudConfig: string;
    /** Empty managed data disks to attach. */
    dataDiskCount?: number;
    dataDiskSizeGb?: number;
}

/** VM arguments with the VM agent provisioned (Azure Backup needs it) and password login off. */
export function linuxVmArgs(spec: LinuxVmSpec): compute.VirtualMachineArgs {
    return {
        resourceGroupName: spec.resourceGroupName,
        vmName: spec.vmName,
        location: spec.location,
        hardwareProfile: { vmSize: spec.vmSize },
        networkProfile: { networkInterfaces: [{ id: spec.networkInterfaceId, primary: true }] },
        osProfile: {
            computerName: spec.vmName,
            adminUsername: spec.adminUsername,
            customData: toBase64(spec.cloudConfig),
            linuxConfiguration: {
                disablePasswordAuthentication: true,
                provisionVMAgent: true,
                ssh: {
                    publicKeys: [{ path: `/home/${spec.adminUsername}/.ssh/authorized_keys`, keyData: spec.sshPublicKey }],
                },
            },
        },
        storageProfile: {
            imageReference: spec.image ?? UBUNTU_LTS_IMAGE,
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
    };
}
