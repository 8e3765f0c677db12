/**
 * What the drill's identity may do, and where: every grant at the scope of one resource, never
 * of a resource group the drill shares with production (in the reference environment the vault,
 * the VNet and the VMs share one). Pure: the component turns the plan into role definitions and
 * assignments.
 */
import { uuidV5 } from "../uuid";

/** Built-in roles by id (learn.microsoft.com/azure/role-based-access-control/built-in-roles). */
export const BUILT_IN_ROLES = {
    /** Monitoring Metrics Publisher: Microsoft.Insights/Metrics/Write and Microsoft.Insights/Telemetry/Write, what the Logs Ingestion API asks of a sender on its DCR. */
    monitoringMetricsPublisher: "3913510d-42f4-4e42-8a64-420c390055eb",
} as const;

/** A role of the drill's own, with exactly its actions. */
export interface CustomRole {
    key: "vault" | "drill-group" | "subnet" | "vnet" | "staging" | "source-vm";
    description: string;
    actions: readonly string[];
}

const PROTECTED_ITEMS = "Microsoft.RecoveryServices/Vaults/backupFabrics/protectionContainers/protectedItems";

/**
 * The custom roles. Sources: the actions of the built-in Backup Operator (00c29273-979b-4161-815c-10b084fb9324,
 * learn.microsoft.com/azure/role-based-access-control/built-in-roles), of which the drill takes
 * those a restore to a new VM and following its job need; and Azure Backup's table "Minimum role
 * requirements for Azure VM backup", row "Restore VM" (learn.microsoft.com/azure/backup/backup-rbac-rs-vault):
 * Backup Operator on the vault; on the group the VM is restored to, Contributor or
 * `Microsoft.Resources/subscriptions/resourceGroups/write, Microsoft.DomainRegistration/domains/write,
 * Microsoft.Compute/virtualMachines/write, Microsoft.Network/virtualNetworks/read,
 * Microsoft.Network/virtualNetworks/subnets/join/action` (here split by where each applies: the
 * group's at the drill group, the VNet's read at the VNet, the join at the quarantine subnet only);
 * and Virtual Machine Contributor, or
 * `Microsoft.Compute/virtualMachines/write`, on the source VM that got backed up (the restore
 * checks that its caller could change the VM whose data it copies).
 */
export const CUSTOM_ROLES: Record<CustomRole["key"], CustomRole> = {
    vault: {
        key: "vault",
        description: "Restore drill: list the vault's protected VMs and recovery points, restore one to a new VM, follow the restore job.",
        actions: [
            "Microsoft.RecoveryServices/Vaults/read",
            "Microsoft.RecoveryServices/Vaults/backupProtectedItems/read",
            `${PROTECTED_ITEMS}/read`,
            `${PROTECTED_ITEMS}/recoveryPoints/read`,
            `${PROTECTED_ITEMS}/recoveryPoints/restore/action`,
            `${PROTECTED_ITEMS}/operationResults/read`,
            `${PROTECTED_ITEMS}/operationsStatus/read`,
            "Microsoft.RecoveryServices/Vaults/backupFabrics/operationResults/read",
            "Microsoft.RecoveryServices/Vaults/backupJobs/read",
            "Microsoft.RecoveryServices/Vaults/backupOperationResults/read",
        ],
    },
    "drill-group": {
        key: "drill-group",
        description: "Restore drill: restore VMs into the drill's own resource group, check them with Run Command, delete them with their disks and NICs.",
        actions: [
            // Azure Backup's list for the group a VM is restored to.
            "Microsoft.Resources/subscriptions/resourceGroups/read",
            "Microsoft.Resources/subscriptions/resourceGroups/write",
            "Microsoft.DomainRegistration/domains/write",
            // The clone: created by the restore, checked, then removed with what it is made of.
            "Microsoft.Resources/subscriptions/resourceGroups/resources/read",
            "Microsoft.Compute/virtualMachines/*",
            "Microsoft.Compute/disks/read",
            "Microsoft.Compute/disks/write",
            "Microsoft.Compute/disks/delete",
            "Microsoft.Network/networkInterfaces/read",
            "Microsoft.Network/networkInterfaces/write",
            "Microsoft.Network/networkInterfaces/delete",
            "Microsoft.Network/networkInterfaces/join/action",
            // What the drill removes if a restore brought it along (drill/drill.ts DELETABLE), and the tags its sweeper finds leftovers by.
            "Microsoft.Network/publicIPAddresses/read",
            "Microsoft.Network/publicIPAddresses/delete",
            "Microsoft.Network/networkSecurityGroups/read",
            "Microsoft.Network/networkSecurityGroups/delete",
            "Microsoft.Resources/tags/write",
        ],
    },
    subnet: {
        key: "subnet",
        description: "Restore drill: put the restored VMs' NICs in the quarantine subnet, and nowhere else.",
        actions: ["Microsoft.Network/virtualNetworks/subnets/read", "Microsoft.Network/virtualNetworks/subnets/join/action"],
    },
    vnet: {
        key: "vnet",
        description: "Restore drill: read the quarantine subnet's virtual network, which a restore request names (virtualNetworkId), and nothing else of it.",
        actions: ["Microsoft.Network/virtualNetworks/read"],
    },
    staging: {
        key: "staging",
        description: "Restore drill: name the staging storage account in a restore request (Azure Backup asks for write on it).",
        actions: ["Microsoft.Storage/storageAccounts/read", "Microsoft.Storage/storageAccounts/write"],
    },
    "source-vm": {
        key: "source-vm",
        description: "Restore drill: the write on a source VM that Azure Backup asks of whoever restores a copy of it.",
        actions: ["Microsoft.Compute/virtualMachines/write"],
    },
};

/** One grant: a role at one resource's scope. */
export interface Grant {
    /** Stable within the component: it names the Pulumi resource. */
    key: string;
    scope: string;
    /** A custom role's key, or a built-in role's GUID. */
    role: CustomRole["key"] | { builtIn: string };
    /** The resource group a custom role must be assignable in for this grant: the one holding `scope`. */
    assignableScope: string;
}

export interface GrantTargets {
    vaultId: string;
    drillGroupId: string;
    subnetId: string;
    stagingAccountId: string;
    recordRuleId: string;
    sourceVmIds: readonly string[];
}

/** Exactly what the runner needs, each at the one resource it concerns. */
export function drillGrants(targets: GrantTargets): Grant[] {
    return [
        { key: "vault", scope: targets.vaultId, role: "vault", assignableScope: resourceGroupOf(targets.vaultId) },
        { key: "drill-group", scope: targets.drillGroupId, role: "drill-group", assignableScope: targets.drillGroupId },
        { key: "subnet", scope: targets.subnetId, role: "subnet", assignableScope: resourceGroupOf(targets.subnetId) },
        { key: "vnet", scope: vnetOfSubnet(targets.subnetId), role: "vnet", assignableScope: resourceGroupOf(targets.subnetId) },
        // The staging account is the drill group's.
        { key: "staging", scope: targets.stagingAccountId, role: "staging", assignableScope: targets.drillGroupId },
        { key: "record", scope: targets.recordRuleId, role: { builtIn: BUILT_IN_ROLES.monitoringMetricsPublisher }, assignableScope: targets.drillGroupId },
        ...targets.sourceVmIds.map((scope, i) => ({ key: `source-vm-${i + 1}`, scope, role: "source-vm" as const, assignableScope: resourceGroupOf(scope) })),
    ];
}

/** The virtual network id of a subnet id. */
export function vnetOfSubnet(subnetId: string): string {
    return subnetId.replace(/\/subnets\/[^/]+$/i, "");
}

/** The resource group id of a resource id: `/subscriptions/<id>/resourceGroups/<group>`. */
export function resourceGroupOf(id: string): string {
    return id.split("/").slice(0, 5).join("/");
}

/** A role assignment's name: a GUID, the same for the same scope, role and principal (Microsoft.Authorization 2022-04-01 wants a GUID). */
export function assignmentName(scope: string, roleDefinitionId: string, principalId: string): string {
    return uuidV5(`${scope.toLowerCase()}|${roleDefinitionId.toLowerCase()}|${principalId}`);
}

/** A custom role's id (its definition's name is a GUID too): one per role and component, stable across deployments. */
export function customRoleGuid(role: CustomRole["key"], componentKey: string): string {
    return uuidV5(`backup-ready restore drill|${role}|${componentKey}`);
}
