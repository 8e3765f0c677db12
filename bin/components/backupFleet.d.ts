import * as pulumi from "@pulumi/pulumi";
import { BackupVaultSettingsArgs } from "./backupVault";
export interface BackupFleetArgs extends BackupVaultSettingsArgs {
    /** The resource group of the vaults. */
    resourceGroupName: pulumi.Input<string>;
    /** The regions of the fleet's VMs: one vault, one policy and one assignment each. */
    regions: string[];
    /**
     * Where the assignments enrol VMs: a subscription id (`/subscriptions/<guid>`) or a resource
     * group id. An Output (a group of the same program) is taken as a resource group id.
     */
    scope: pulumi.Input<string>;
    /** The tag that selects VMs. @default "backup" */
    tagName?: string;
    /** The tag's value. @default "daily" */
    tagValue?: string;
    /**
     * Enrol every VM of the scope except those tagged `tagName=tagValue`, with Azure's "without a
     * given tag" definition, instead of only the tagged ones. @default false
     */
    excludeTagged?: boolean;
}
/** Every argument of `BackupFleet`, once. */
export declare const BACKUP_FLEET_ARGUMENTS: readonly ["vaultName", "policyName", "backupPolicyType", "backupTime", "timeZone", "retentionDays", "instantRestoreDays", "backupFrequency", "hourlyInterval", "hourlyWindowHours", "weeklyRetentionWeeks", "monthlyRetentionMonths", "yearlyRetentionYears", "retentionDay", "yearlyRetentionMonth", "protect", "softDelete", "softDeleteDays", "immutability", "allowIrreversibleSettings", "storageRedundancy", "crossRegionRestore", "publicNetworkAccess", "lock", "tags", "keepTypeAliases", "resourceGroupName", "regions", "scope", "tagName", "tagValue", "excludeTagged"];
/** The tag a fleet enrols by, unless told otherwise. */
export declare const FLEET_TAG: {
    readonly name: "backup";
    readonly value: "daily";
};
/**
 * A fleet of VMs in several regions, enrolled by Azure Policy: per region a vault with its policy
 * (`BackupVault`, so every vault setting applies) and an assignment of Azure's built-in
 * "configure backup on virtual machines with a given tag to an existing recovery services vault in
 * the same location" definition (or the "without a given tag" one), with a system-assigned
 * identity, the roles the definition asks for, and a remediation for the VMs that exist already.
 * New VMs are enrolled by Azure, not by a deployment: the resources do not grow with the VMs.
 *
 * azure-native 3.28 sends PolicyAssignment as Microsoft.Authorization 2025-01-01 ("The location of
 * the policy assignment. Only required when utilizing managed identity"; parameters keyed by the
 * definition's names, each `{ value }`), RoleAssignment as 2022-04-01 (the name must be a GUID),
 * and the remediations as Microsoft.PolicyInsights 2024-10-01 (authorization/policyAssignment.d.ts,
 * roleAssignment.d.ts, policyinsights/remediationAt*.d.ts).
 */
export declare class BackupFleet extends pulumi.ComponentResource {
    readonly vaultIds: pulumi.Output<string[]>;
    readonly policyIds: pulumi.Output<string[]>;
    readonly assignmentIds: pulumi.Output<string[]>;
    /** The assignments' managed identities, by principal id. */
    readonly principalIds: pulumi.Output<string[]>;
    /** Whether the scope is a whole subscription (given as a plain id), not a resource group. */
    private readonly subscriptionScope;
    constructor(name: string, args: BackupFleetArgs, opts?: pulumi.ComponentResourceOptions);
    /**
     * The definition's `roleDefinitionIds`, at the least scope each needs: Virtual Machine
     * Contributor where the VMs are (the assignment's scope), Backup Contributor on the vault's
     * resource group, where the definition's nested deployment writes the protected item
     * (`resourceGroup` of its `backupPolicyId`). Azure Backup asks the same split of a person:
     * "Enable backup of Azure VMs" takes a backup role on the vault's resource group and Virtual
     * Machine Contributor on the VM (learn.microsoft.com/azure/backup/backup-rbac-rs-vault).
     */
    private grantRoles;
    /**
     * A remediation for the VMs that exist when the assignment is made (Azure Policy enrols new ones
     * by itself), in the assignment's region, after its roles: the compliance is evaluated anew
     * first (`ReEvaluateCompliance`), since a new assignment has none yet. A subscription scope's
     * remediation is the provider's subscription's.
     */
    private remediate;
}
