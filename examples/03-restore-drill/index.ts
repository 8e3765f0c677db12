/**
 * Restore drills for VMs an existing vault protects: each VM restored on a schedule into a
 * quarantine subnet of its network, booted, checked and removed; every result a row of
 * `RestoreDrill_CL`; a failed drill, or a run that left no record, an alert to the action group.
 */
import * as pulumi from "@pulumi/pulumi";
import { parseVmId, RestoreDrill } from "backup-ready";

const config = new pulumi.Config();
const vmIds = config.requireObject<string[]>("vmIds");
const location = new pulumi.Config("azure-native").require("location");

const drill = new RestoreDrill("restore-drill", {
    vaultId: config.require("vaultId"),
    location,
    virtualNetworkId: config.require("virtualNetworkId"),
    quarantineSubnetPrefix: config.require("quarantineSubnetPrefix"),
    actionGroupId: config.require("actionGroupId"),
    logAnalyticsWorkspaceId: config.get("logAnalyticsWorkspaceId") || undefined,
    // Drill exactly these VMs, and let the runner restore exactly these.
    vmNames: vmIds.map((id) => parseVmId("vmIds", id).vmName),
    sourceVmIds: vmIds,
    schedule: config.get("schedule"),
});

export const drillResourceGroupId = drill.resourceGroupId;
export const quarantineSubnetId = drill.quarantineSubnetId;
export const drillJobId = drill.jobId;
export const drillSchedule = drill.schedule;
