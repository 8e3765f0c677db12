/** Names and values the Recovery Services API expects for Azure VM backup. */
import { invalid } from "./errors";

export interface VmReference {
    resourceGroupName: string;
    vmName: string;
}

const VM_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/virtualMachines\/([^/]+)$/i;

/** Reads the resource group and VM name from a VM's ARM id. */
export function parseVmId(setting: string, id: string): VmReference {
    const match = VM_ID.exec(id);
    if (!match) {
        invalid(setting, "a VM id: /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Compute/virtualMachines/<name>", id);
    }
    return { resourceGroupName: match[1], vmName: match[2] };
}

/** The protection container of an Azure VM, `iaasvmcontainer;iaasvmcontainerv2;<group>;<vm>`. */
export function protectionContainerName(vm: VmReference): string {
    return `iaasvmcontainer;iaasvmcontainerv2;${vm.resourceGroupName};${vm.vmName}`;
}

/** The protected item of an Azure VM, `vm;iaasvmcontainerv2;<group>;<vm>`. */
export function protectedItemName(vm: VmReference): string {
    return `vm;iaasvmcontainerv2;${vm.resourceGroupName};${vm.vmName}`;
}

/**
 * The policy's daily run time as the API wants it: an ISO date-time of which only the time
 * counts. The date is fixed so that plans are reproducible.
 */
export function scheduleRunTime(backupTime: string): string {
    return `2024-01-01T${backupTime}:00Z`;
}
