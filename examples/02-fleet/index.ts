/**
 * Backup for a landing zone's VMs, wherever and whenever other teams create them: per region a
 * vault with its policy, and Azure Policy's built-in enrolment of every VM tagged `backup=daily`
 * in the landing zone's subscription (new VMs included; the ones that exist are remediated). No VM
 * is listed, created or managed here. Each vault's failed jobs are mailed to `alertEmails`.
 */
import * as pulumi from "@pulumi/pulumi";
import { BackupFleet, BackupMonitoring } from "backup-ready";

const config = new pulumi.Config();
const regions = config.requireObject<string[]>("regions");
const resourceGroupName = config.require("vaultResourceGroupName");

const fleet = new BackupFleet("fleet", {
    resourceGroupName,
    regions,
    scope: config.require("landingZoneScope"),
    tagName: config.get("tagName"),
    tagValue: config.get("tagValue"),
    retentionDays: config.getNumber("retentionDays"),
    weeklyRetentionWeeks: config.getNumber("weeklyRetentionWeeks"),
});

// One per region: a vault's alerts are routed where the vault is.
const alertEmails = config.getObject<string[]>("alertEmails") ?? [];
regions.forEach((region, i) => {
    new BackupMonitoring(`monitoring-${region}`, { resourceGroupName, location: region, vaultId: fleet.vaultIds.apply((ids) => ids[i]), alertEmails });
});

export const vaultIds = fleet.vaultIds;
export const assignmentIds = fleet.assignmentIds;
/** The assignments' identities, for an auditor checking what they may do. */
export const principalIds = fleet.principalIds;
