/** Names and values the Recovery Services API expects for Azure VM backup. */
import type { recoveryservices } from "@pulumi/azure-native/types/input";
import { parseResourceId, RESOURCE_TYPES } from "./armIds";

export interface VmReference {
    resourceGroupName: string;
    vmName: string;
}

/** Reads the resource group and VM name from a VM's ARM id. */
export function parseVmId(setting: string, id: string): VmReference {
    const { resourceGroupName, names } = parseResourceId(setting, id, RESOURCE_TYPES.virtualMachine);
    return { resourceGroupName, vmName: names[0] };
}

/** The protection container of an Azure VM, `iaasvmcontainer;iaasvmcontainerv2;<group>;<vm>`. */
export function protectionContainerName(vm: VmReference): string {
    return `iaasvmcontainer;iaasvmcontainerv2;${vm.resourceGroupName};${vm.vmName}`;
}

/** The protected item of an Azure VM, `vm;iaasvmcontainerv2;<group>;<vm>`. */
export function protectedItemName(vm: VmReference): string {
    return `vm;iaasvmcontainerv2;${vm.resourceGroupName};${vm.vmName}`;
}

const PROTECTED_ITEM_NAME = /^vm;iaasvmcontainerv2;([^;]+);([^;]+)$/i;

/** The VM a protected item's name refers to, when it is one of {@link protectedItemName}'s. */
export function parseProtectedItemName(name: string): VmReference | undefined {
    const match = PROTECTED_ITEM_NAME.exec(name);
    return match ? { resourceGroupName: match[1], vmName: match[2] } : undefined;
}

/**
 * A daily schedule in the shape each policy type takes: Standard (V1) lists the run times on the
 * schedule, Enhanced (V2) under `dailySchedule`.
 */
export function dailySchedulePolicy(
    policyType: "Enhanced" | "Standard",
    runTime: string,
): recoveryservices.SimpleSchedulePolicyV2Args | recoveryservices.SimpleSchedulePolicyArgs {
    return policyType === "Enhanced"
        ? { schedulePolicyType: "SimpleSchedulePolicyV2", scheduleRunFrequency: "Daily", dailySchedule: { scheduleRunTimes: [runTime] } }
        : { schedulePolicyType: "SimpleSchedulePolicy", scheduleRunFrequency: "Daily", scheduleRunTimes: [runTime] };
}

/** Azure's name for each policy type. */
export const POLICY_TYPE_VERSIONS = { Enhanced: "V2", Standard: "V1" } as const;

/**
 * The policy's daily run time as the API wants it: an ISO date-time of which only the time
 * counts. The date is fixed so that plans are reproducible.
 */
export function scheduleRunTime(backupTime: string): string {
    return `2024-01-01T${backupTime}:00Z`;
}
