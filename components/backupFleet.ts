import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as policyinsights from "@pulumi/azure-native/policyinsights";
import { withoutTypeAliases } from "../lib/aliases";
import { argumentNames } from "../lib/arguments";
import { DEFAULTS } from "../lib/defaults";
import { uuidV5 } from "../lib/uuid";
import { checkFleetRegions, checkFleetScope } from "../lib/validation/fleet";
import { checkBackupRedundancy } from "../lib/validation/names";
import { checkTag, VAULT_DEFAULTS } from "../lib/vaultSettings";
import { parseScopeId, ScopeParts } from "../policy/rulebook/armIds";
import { componentLabel, parseResourceId, parseScope } from "../lib/armIds";
import { POLICY_ASSIGNMENT_NAME, policyAssignmentNameProblem } from "../policy/rulebook/limits";
import { ARM_TYPES } from "../policy/rulebook/azureTypes";
import { EnrolmentDefinition, enrolmentParameters, ROLES } from "../policy/rulebook/fleet";
import { customDefinitionProperties, enrolmentDefinitionFor } from "../policy/rulebook/fleetDefinition";
import { checkFleetDefinition, FLEET_DEFINITION_DEFAULT } from "../lib/validation/fleetDefinition";
import { invalid } from "../policy/rulebook/errors";
import { BACKUP_VAULT_SETTINGS_ARGUMENTS, BackupVault, BackupVaultSettingsArgs } from "./backupVault";
import { knownRegions } from "../lib/regionData";

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
    /**
     * "custom": the project's definition (an `authorization.PolicyDefinition` in the deploying
     * subscription, the built-in's rule with every image Azure Backup supports, Ubuntu 24.04 and
     * RHEL 9 among them); "builtIn": Azure's built-in definition. @default "custom"
     */
    definition?: string;
}

/** Every argument of `BackupFleet`, once. */
export const BACKUP_FLEET_ARGUMENTS = argumentNames<BackupFleetArgs>()([...BACKUP_VAULT_SETTINGS_ARGUMENTS, "resourceGroupName", "regions", "scope", "tagName", "tagValue", "excludeTagged", "definition"]);

/** The tag a fleet enrols by, unless told otherwise. */
export const FLEET_TAG = { name: "backup", value: "daily" } as const;

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
export class BackupFleet extends pulumi.ComponentResource {
    public readonly vaultIds: pulumi.Output<string[]>;
    public readonly policyIds: pulumi.Output<string[]>;
    public readonly assignmentIds: pulumi.Output<string[]>;
    /** The assignments' managed identities, by principal id. */
    public readonly principalIds: pulumi.Output<string[]>;
    /** Whether the scope is a whole subscription (given as a plain id), not a resource group. */
    private readonly subscriptionScope: boolean;

    constructor(name: string, args: BackupFleetArgs, opts?: pulumi.ComponentResourceOptions) {
        super("backup-ready:index:BackupFleet", name, {}, withoutTypeAliases(opts, args.keepTypeAliases));

        const known = knownRegions();
        const regions = checkFleetRegions("regions", args.regions, known);
        const redundancy = { storageRedundancy: args.storageRedundancy ?? VAULT_DEFAULTS.storageRedundancy, crossRegionRestore: args.crossRegionRestore ?? VAULT_DEFAULTS.crossRegionRestore };
        regions.forEach((region) => checkBackupRedundancy({ region: "regions", storageRedundancy: "storageRedundancy", crossRegionRestore: "crossRegionRestore" }, { region, ...redundancy }, known));
        const tagName = args.tagName ?? FLEET_TAG.name;
        const tagValue = args.tagValue ?? FLEET_TAG.value;
        checkTag("tagName=tagValue", tagName, tagValue);
        if (typeof args.scope === "string") {
            checkFleetScope("scope", args.scope);
        }
        this.subscriptionScope = typeof args.scope === "string" && parseScopeId(args.scope)?.resourceGroupName === undefined;
        const mode = args.excludeTagged ? "exclude" : "include";
        const definitionKind = checkFleetDefinition("definition", args.definition ?? FLEET_DEFINITION_DEFAULT);
        const definition = enrolmentDefinitionFor(definitionKind, mode);
        // The custom definition lives in the deploying subscription (Microsoft.Authorization
        // 2025-01-01 policyDefinitions at subscription scope), which the assignments' scope must be in.
        const scope = pulumi.output(args.scope).apply((id) => parseScope("scope", id));
        const customDefinition = definitionKind === "custom" ? this.customDefinition(name, mode, scope) : undefined;
        const { regions: _regions, scope: _scope, tagName: _tagName, tagValue: _tagValue, excludeTagged: _excludeTagged, definition: _definition, ...vaultSettings } = args;
        const vaultName = args.vaultName ?? DEFAULTS.vaultName;

        // Policy assignment names take up to 64 characters at a subscription or group scope: cut, they must stay apart and valid.
        const assignmentNames = regions.map((region) => `${name}-${region}`.slice(0, POLICY_ASSIGNMENT_NAME.length));
        assignmentNames.forEach((assignmentName, i) => {
            const problem = policyAssignmentNameProblem(assignmentName) ?? (assignmentNames.indexOf(assignmentName) !== i ? "one per region, yet cut to 64 characters two are the same" : undefined);
            if (problem !== undefined) {
                invalid(`name of ${componentLabel("BackupFleet", name)}`, `a name whose policy assignment names ("<name>-<region>", cut to ${POLICY_ASSIGNMENT_NAME.length}) Azure takes: ${problem}`, assignmentName);
            }
        });

        const members = regions.map((region, i) => {
            const vault = new BackupVault(
                `${name}-${region}`,
                { ...vaultSettings, resourceGroupName: args.resourceGroupName, location: region, vaultName: `${vaultName}-${region}` },
                { parent: this },
            );
            const assignmentName = assignmentNames[i];
            const assignment = new authorization.PolicyAssignment(
                `${name}-${region}-assignment`,
                {
                    policyAssignmentName: assignmentName,
                    scope: args.scope,
                    policyDefinitionId: customDefinition?.id ?? definition.id,
                    displayName: `Back up ${args.excludeTagged ? "VMs without" : "VMs with"} tag ${tagName}=${tagValue} in ${region}`,
                    description: `${definition.displayName} (${definition.version}), into ${vaultName}-${region}.`,
                    enforcementMode: "Default",
                    // A DeployIfNotExists assignment deploys as its managed identity, which needs a location.
                    identity: { type: "SystemAssigned" },
                    location: region,
                    parameters: vault.policyId.apply((backupPolicyId) =>
                        enrolmentParameters(definition, { vaultLocation: region, backupPolicyId, tagName, tagValues: [tagValue] }),
                    ),
                },
                { parent: this },
            );
            const principalId = assignment.identity.apply((identity) => identity?.principalId as string);
            const roleAssignments = this.grantRoles(`${name}-${region}`, definition, assignmentName, principalId, scope, vault.vaultId);
            this.remediate(`${name}-${region}`, assignment, region, scope, roleAssignments);
            return { vault, assignment, principalId };
        });

        this.vaultIds = pulumi.all(members.map(({ vault }) => vault.vaultId));
        this.policyIds = pulumi.all(members.map(({ vault }) => vault.policyId));
        this.assignmentIds = pulumi.all(members.map(({ assignment }) => assignment.id));
        this.principalIds = pulumi.all(members.map(({ principalId }) => principalId));
        this.registerOutputs({ vaultIds: this.vaultIds, policyIds: this.policyIds, assignmentIds: this.assignmentIds, principalIds: this.principalIds });
    }

    /**
     * The project's definition, in the deploying subscription: an assignment can only use a
     * definition at or above its scope, so a scope in another subscription is refused before
     * anything is created (the deploying subscription read with getClientConfig; offline unknown).
     */
    private customDefinition(name: string, mode: "include" | "exclude", scope: pulumi.Output<ScopeParts>): authorization.PolicyDefinition {
        const properties = customDefinitionProperties(mode);
        const deploying = authorization.getClientConfigOutput({ parent: this });
        const description = pulumi.all([scope, deploying]).apply(([parts, client]) => {
            if (typeof client?.subscriptionId === "string" && parts.subscriptionId.toLowerCase() !== client.subscriptionId.toLowerCase()) {
                invalid(
                    "scope",
                    `in the deploying subscription ${client.subscriptionId} with definition "custom", where the project's definition is created; or set definition "builtIn"`,
                    scopeId(parts),
                );
            }
            return properties.description;
        });
        return new authorization.PolicyDefinition(`${name}-definition`, { ...properties, description }, { parent: this });
    }

    /**
     * The definition's `roleDefinitionIds`, at the least scope each needs: Virtual Machine
     * Contributor where the VMs are (the assignment's scope), Backup Contributor on the vault's
     * resource group, where the definition's nested deployment writes the protected item
     * (`resourceGroup` of its `backupPolicyId`). Azure Backup asks the same split of a person:
     * "Enable backup of Azure VMs" takes a backup role on the vault's resource group and Virtual
     * Machine Contributor on the VM (learn.microsoft.com/azure/backup/backup-rbac-rs-vault).
     */
    private grantRoles(
        name: string,
        definition: EnrolmentDefinition,
        assignmentName: string,
        principalId: pulumi.Output<string>,
        scope: pulumi.Output<ScopeParts>,
        vaultId: pulumi.Output<string>,
    ): authorization.RoleAssignment[] {
        const vaultGroup: pulumi.Output<ScopeParts> = vaultId.apply((id) => {
            const vault = parseResourceId("vaultId", id, ARM_TYPES.vault);
            return { subscriptionId: vault.subscriptionId, resourceGroupName: vault.resourceGroupName };
        });
        const scopes: Record<string, { role: string; at: pulumi.Output<ScopeParts> }> = {
            [ROLES.virtualMachineContributor]: { role: "vm-contributor", at: scope },
            [ROLES.backupContributor]: { role: "backup-contributor", at: vaultGroup },
        };
        // Exactly the definition's roles: one this component does not know the scope of is an error, not a guess.
        const grants = definition.roleDefinitionIds.map((id) => {
            const guid = id.split("/").pop() as string;
            const grant = scopes[guid] ?? invalid("roleDefinitionIds", `roles whose scope BackupFleet knows (${Object.keys(scopes).join(", ")})`, id);
            return { ...grant, guid };
        });
        return grants.map(
            ({ role, guid, at }) =>
                new authorization.RoleAssignment(
                    `${name}-${role}`,
                    {
                        scope: at.apply(scopeId),
                        roleDefinitionId: at.apply(({ subscriptionId }) => `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${guid}`),
                        roleAssignmentName: at.apply((parts) => uuidV5(`${scopeId(parts)}|${guid}|${assignmentName}`)),
                        principalId,
                        principalType: "ServicePrincipal",
                    },
                    { parent: this },
                ),
        );
    }

    /**
     * A remediation for the VMs that exist when the assignment is made (Azure Policy enrols new ones
     * by itself), in the assignment's region, after its roles: the compliance is evaluated anew
     * first (`ReEvaluateCompliance`), since a new assignment has none yet. A subscription scope's
     * remediation is the provider's subscription's.
     */
    private remediate(name: string, assignment: authorization.PolicyAssignment, region: string, scope: pulumi.Output<ScopeParts>, after: pulumi.Resource[]): void {
        const remediation = {
            remediationName: `${name}-existing-vms`,
            policyAssignmentId: assignment.id,
            resourceDiscoveryMode: "ReEvaluateCompliance",
            filters: { locations: [region] },
        };
        const options = { parent: this, dependsOn: after };
        if (this.subscriptionScope) {
            new policyinsights.RemediationAtSubscription(`${name}-remediation`, remediation, options);
            return;
        }
        const resourceGroupName = scope.apply((parts) => parts.resourceGroupName ?? invalid("scope", "a resource group id when it is an Output", scopeId(parts)));
        new policyinsights.RemediationAtResourceGroup(`${name}-remediation`, { ...remediation, resourceGroupName }, options);
    }
}

/** The ARM id of a subscription or resource group scope. */
function scopeId(parts: ScopeParts): string {
    return parts.resourceGroupName === undefined ? `/subscriptions/${parts.subscriptionId}` : `/subscriptions/${parts.subscriptionId}/resourceGroups/${parts.resourceGroupName}`;
}
