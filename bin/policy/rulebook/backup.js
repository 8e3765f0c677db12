"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_VMS_PER_VAULT = exports.MAX_UNMANAGED_DATA_DISKS = exports.MAX_MANAGED_DATA_DISKS = void 0;
exports.dataDiskLimit = dataDiskLimit;
exports.protectionContainerName = protectionContainerName;
exports.protectedItemName = protectedItemName;
exports.parseProtectedItemName = parseProtectedItemName;
/**
 * Data disks Azure Backup protects per VM: 32 on managed disks, 16 on unmanaged ones (the 2017
 * document's 16 was for classic VMs).
 * https://learn.microsoft.com/azure/backup/backup-support-matrix-iaas#vm-storage-support
 */
exports.MAX_MANAGED_DATA_DISKS = 32;
exports.MAX_UNMANAGED_DATA_DISKS = 16;
/** A Recovery Services vault protects up to 1000 Azure VMs. https://learn.microsoft.com/azure/backup/backup-support-matrix#vault-support */
exports.MAX_VMS_PER_VAULT = 1000;
/**
 * How many data disks a VM may have and still be backed up: Azure Backup's limit, and the VM
 * size's own when Azure's size data is at hand (Standard_B2s takes 4). Without that data the
 * reason says the size was not checked.
 */
function dataDiskLimit(options) {
    const backup = options.unmanaged
        ? { max: exports.MAX_UNMANAGED_DATA_DISKS, reason: "Azure Backup's limit for unmanaged disks" }
        : { max: exports.MAX_MANAGED_DATA_DISKS, reason: "Azure Backup's limit for managed disks" };
    if (options.sizeFacts && options.sizeFacts.maxDataDiskCount < backup.max) {
        return { max: options.sizeFacts.maxDataDiskCount, reason: `what size ${options.sizeFacts.name} takes, by Azure's size data` };
    }
    if (options.sizeFacts === undefined && options.size !== undefined && options.sizeUnchecked !== undefined) {
        return { max: backup.max, reason: `${backup.reason}; size ${options.size} ${options.sizeUnchecked}` };
    }
    return backup;
}
/** The protection container of an Azure VM, `iaasvmcontainer;iaasvmcontainerv2;<group>;<vm>`. */
function protectionContainerName(vm) {
    return `iaasvmcontainer;iaasvmcontainerv2;${vm.resourceGroupName};${vm.vmName}`;
}
/** The protected item of an Azure VM, `vm;iaasvmcontainerv2;<group>;<vm>`. */
function protectedItemName(vm) {
    return `vm;iaasvmcontainerv2;${vm.resourceGroupName};${vm.vmName}`;
}
const PROTECTED_ITEM_NAME = /^vm;iaasvmcontainerv2;([^;]+);([^;]+)$/i;
/** The VM a protected item's name refers to, when it is one of {@link protectedItemName}'s. */
function parseProtectedItemName(name) {
    const match = PROTECTED_ITEM_NAME.exec(name);
    return match ? { resourceGroupName: match[1], vmName: match[2] } : undefined;
}
