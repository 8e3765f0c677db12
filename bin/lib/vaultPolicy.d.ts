/**
 * The VM backup policy's schedule and retention, as plain functions: the shapes each policy type
 * takes, checked against Azure's ranges (policy/rulebook/vault.ts). Shapes are those of the Recovery Services backup REST API
 * 2024-10-01, the version azure-native 3.28 sends for `ProtectionPolicy` (Azure/azure-rest-api-specs,
 * specification/recoveryservicesbackup/.../stable/2024-10-01/examples/AzureIaasVm/V2Policy/IaaS_v2_hourly.json
 * and ProtectionPolicies_CreateOrUpdate_Complex.json).
 */
import type { recoveryservices } from "@pulumi/azure-native/types/input";
import { BackupFrequency } from "../policy/rulebook/vault";
import { PolicySettings } from "./validation/backupPolicy";
/**
 * A daily schedule in the shape each policy type takes: Standard (V1) lists the run times on the
 * schedule, Enhanced (V2) under `dailySchedule`.
 */
export declare function dailySchedulePolicy(policyType: "Enhanced" | "Standard", runTime: string): recoveryservices.SimpleSchedulePolicyV2Args | recoveryservices.SimpleSchedulePolicyArgs;
/**
 * The policy's daily run time as the API wants it: an ISO date-time of which only the time
 * counts. The date is fixed so that plans are reproducible.
 */
export declare function scheduleRunTime(backupTime: string): string;
export interface VaultPolicySettings extends PolicySettings {
    backupFrequency: BackupFrequency;
    hourlyInterval: number;
    hourlyWindowHours: number;
    weeklyRetentionWeeks: number;
    monthlyRetentionMonths: number;
    yearlyRetentionYears: number;
    retentionDay: string;
    yearlyRetentionMonth: string;
}
export declare const VAULT_POLICY_DEFAULTS: {
    readonly backupFrequency: "Daily";
    readonly hourlyInterval: 4;
    readonly hourlyWindowHours: 24;
    readonly weeklyRetentionWeeks: 0;
    readonly monthlyRetentionMonths: 0;
    readonly yearlyRetentionYears: 0;
    readonly retentionDay: "Sunday";
    readonly yearlyRetentionMonth: "January";
};
/** Everything the policy takes, each value in Azure's range and the combinations Azure accepts. */
export declare function checkVaultPolicy(policy: VaultPolicySettings): void;
/**
 * The schedule in the shape of its policy type: V1 (Standard) daily, V2 (Enhanced) daily, or V2
 * hourly from `runTime` for `hourlyWindowHours`, every `hourlyInterval` hours.
 */
export declare function schedulePolicy(policy: Pick<VaultPolicySettings, "backupPolicyType" | "backupFrequency" | "hourlyInterval" | "hourlyWindowHours">, runTime: string): recoveryservices.SimpleSchedulePolicyV2Args | recoveryservices.SimpleSchedulePolicyArgs;
/**
 * Daily retention, and each tier that is on: weekly on `retentionDay`, monthly and yearly on the
 * first such day of the month (yearly in `yearlyRetentionMonth`), all from the backup at `runTime`.
 */
export declare function retentionPolicy(policy: Pick<VaultPolicySettings, "retentionDays" | "weeklyRetentionWeeks" | "monthlyRetentionMonths" | "yearlyRetentionYears" | "retentionDay" | "yearlyRetentionMonth">, runTime: string): recoveryservices.LongTermRetentionPolicyArgs;
