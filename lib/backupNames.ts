/** The policy shapes the Recovery Services API expects for Azure VM backup, and VM ids read as a user passes them. */
import type { recoveryservices } from "@pulumi/azure-native/types/input";
import { ARM_TYPES } from "../policy/rulebook/azureTypes";
import { VmReference } from "../policy/rulebook/backup";
import { parseResourceId } from "./armIds";

/** Reads the resource group and VM name from a VM's ARM id. */
export function parseVmId(setting: string, id: string): VmReference {
    const { resourceGroupName, names } = parseResourceId(setting, id, ARM_TYPES.virtualMachine);
    return { resourceGroupName, vmName: names[0] };
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
