/** Built-in roles by id (learn.microsoft.com/azure/role-based-access-control/built-in-roles). */
export declare const BUILT_IN_ROLES: {
    /** Monitoring Metrics Publisher: Microsoft.Insights/Metrics/Write and Microsoft.Insights/Telemetry/Write, what the Logs Ingestion API asks of a sender on its DCR. */
    readonly monitoringMetricsPublisher: "3913510d-42f4-4e42-8a64-420c390055eb";
};
/** A role of the drill's own, with exactly its actions. */
export interface CustomRole {
    key: "vault" | "drill-group" | "subnet" | "vnet" | "staging" | "source-vm";
    description: string;
    actions: readonly string[];
}
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
export declare const CUSTOM_ROLES: Record<CustomRole["key"], CustomRole>;
/** One grant: a role at one resource's scope. */
export interface Grant {
    /** Stable within the component: it names the Pulumi resource. */
    key: string;
    scope: string;
    /** A custom role's key, or a built-in role's GUID. */
    role: CustomRole["key"] | {
        builtIn: string;
    };
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
export declare function drillGrants(targets: GrantTargets): Grant[];
/** The virtual network id of a subnet id. */
export declare function vnetOfSubnet(subnetId: string): string;
/** The resource group id of a resource id: `/subscriptions/<id>/resourceGroups/<group>`. */
export declare function resourceGroupOf(id: string): string;
/** A role assignment's name: a GUID, the same for the same scope, role and principal (Microsoft.Authorization 2022-04-01 wants a GUID). */
export declare function assignmentName(scope: string, roleDefinitionId: string, principalId: string): string;
/** A custom role's id (its definition's name is a GUID too): one per role and component, stable across deployments. */
export declare function customRoleGuid(role: CustomRole["key"], componentKey: string): string;
