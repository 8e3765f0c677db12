"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WINDOWS_SERVER_IMAGE = exports.UBUNTU_22_04_IMAGE = exports.UBUNTU_LTS_IMAGE = void 0;
exports.appNicArgs = appNicArgs;
exports.linuxVmArgs = linuxVmArgs;
exports.windowsVmArgs = windowsVmArgs;
const inputs_1 = require("./inputs");
const templates_1 = require("./templates");
/** Ubuntu Server 24.04 LTS, the current LTS in Azure's marketplace. */
exports.UBUNTU_LTS_IMAGE = {
    publisher: "Canonical",
    offer: "ubuntu-24_04-lts",
    sku: "server",
    version: "latest",
};
/**
 * Ubuntu 22.04 LTS, Generation 2 (Trusted Launch): the newest Ubuntu that Azure's built-in backup
 * enrolment definition lists ("22_04-lts*" SKUs; policy/rulebook/fleet.ts).
 */
exports.UBUNTU_22_04_IMAGE = {
    publisher: "Canonical",
    offer: "0001-com-ubuntu-server-jammy",
    sku: "22_04-lts-gen2",
    version: "latest",
};
/** Windows Server 2022 Datacenter: Azure Edition, the current Windows Server image for Azure. */
exports.WINDOWS_SERVER_IMAGE = {
    publisher: "MicrosoftWindowsServer",
    offer: "WindowsServer",
    sku: "2022-datacenter-azure-edition",
    version: "latest",
};
/** An app VM's NIC: one dynamic private address in its subnet, no public IP. */
function appNicArgs(spec) {
    return {
        resourceGroupName: spec.resourceGroupName,
        location: spec.location,
        ipConfigurations: [{ name: "ipconfig1", primary: true, subnet: { id: spec.subnetId }, privateIPAllocationMethod: "Dynamic" }],
        tags: spec.tags,
    };
}
/** Linux VM arguments: the VM agent provisioned (Azure Backup needs it), SSH keys only. */
function linuxVmArgs(spec) {
    return vmArgs({ ...spec, image: spec.image ?? exports.UBUNTU_LTS_IMAGE }, {
        customData: spec.cloudConfig === undefined ? undefined : (0, inputs_1.whenKnown)(spec.cloudConfig, templates_1.toBase64),
        linuxConfiguration: {
            disablePasswordAuthentication: true,
            provisionVMAgent: true,
            ssh: { publicKeys: [{ path: `/home/${spec.adminUsername}/.ssh/authorized_keys`, keyData: spec.sshPublicKey }] },
        },
    });
}
/** Windows VM arguments: the VM agent provisioned, updates installed by Windows. */
function windowsVmArgs(spec) {
    return vmArgs({ ...spec, image: spec.image ?? exports.WINDOWS_SERVER_IMAGE }, {
        adminPassword: spec.adminPassword,
        windowsConfiguration: { provisionVMAgent: true, enableAutomaticUpdates: true },
    });
}
function vmArgs(spec, osProfile) {
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
