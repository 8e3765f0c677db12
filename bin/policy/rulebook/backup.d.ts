/** Azure Backup for Azure VMs: its limits, and the names the Recovery Services API expects. */
import { VmSizeFacts } from "./vmSizes";
/**
 * Data disks Azure Backup protects per VM: 32 on managed disks, 16 on unmanaged ones (the 2017
 * document's 16 was for classic VMs).
 * https://learn.microsoft.com/azure/backup/backup-support-matrix-iaas#vm-storage-support
 */
export declare const MAX_MANAGED_DATA_DISKS = 32;
export declare const MAX_UNMANAGED_DATA_DISKS = 16;
/** A Recovery Services vault protects up to 1000 Azure VMs. https://learn.microsoft.com/azure/backup/backup-support-matrix#vault-support */
export declare const MAX_VMS_PER_VAULT = 1000;
/** An inclusive limit, and why it is what it is. */
export interface Limit {
    max: number;
    reason: string;
}
/**
 * How many data disks a VM may have and still be backed up: Azure Backup's limit, and the VM
 * size's own when Azure's size data is at hand (Standard_B2s takes 4). Without that data the
 * reason says the size was not checked.
 */
export declare function dataDiskLimit(options: {
    unmanaged?: boolean;
    size?: string;
    sizeFacts?: VmSizeFacts;
    sizeUnchecked?: string;
}): Limit;
/** A VM by resource group and name. */
export interface VmReference {
    resourceGroupName: string;
    vmName: string;
}
/** The protection container of an Azure VM, `iaasvmcontainer;iaasvmcontainerv2;<group>;<vm>`. */
export declare function protectionContainerName(vm: VmReference): string;
/** The protected item of an Azure VM, `vm;iaasvmcontainerv2;<group>;<vm>`. */
export declare function protectedItemName(vm: VmReference): string;
/** The VM a protected item's name refers to, when it is one of {@link protectedItemName}'s. */
export declare function parseProtectedItemName(name: string): VmReference | undefined;
