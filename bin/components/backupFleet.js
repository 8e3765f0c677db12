"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.BackupFleet = exports.FLEET_TAG = exports.BACKUP_FLEET_ARGUMENTS = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const authorization = __importStar(require("@pulumi/azure-native/authorization"));
const policyinsights = __importStar(require("@pulumi/azure-native/policyinsights"));
const aliases_1 = require("../lib/aliases");
const arguments_1 = require("../lib/arguments");
const defaults_1 = require("../lib/defaults");
const uuid_1 = require("../lib/uuid");
const fleet_1 = require("../lib/validation/fleet");
const names_1 = require("../lib/validation/names");
const vaultSettings_1 = require("../lib/vaultSettings");
const armIds_1 = require("../policy/rulebook/armIds");
const armIds_2 = require("../lib/armIds");
const limits_1 = require("../policy/rulebook/limits");
const azureTypes_1 = require("../policy/rulebook/azureTypes");
const fleet_2 = require("../policy/rulebook/fleet");
const fleetDefinition_1 = require("../policy/rulebook/fleetDefinition");
const fleetDefinition_2 = require("../lib/validation/fleetDefinition");
const errors_1 = require("../policy/rulebook/errors");
const backupVault_1 = require("./backupVault");
const regionData_1 = require("../lib/regionData");
/** Every argument of `BackupFleet`, once. */
exports.BACKUP_FLEET_ARGUMENTS = (0, arguments_1.argumentNames)()([...backupVault_1.BACKUP_VAULT_SETTINGS_ARGUMENTS, "resourceGroupName", "regions", "scope", "tagName", "tagValue", "excludeTagged", "definition"]);
/** The tag a fleet enrols by, unless told otherwise. */
exports.FLEET_TAG = { name: "backup", value: "daily" };
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
class BackupFleet extends pulumi.ComponentResource {
    vaultIds;
    policyIds;
    assignmentIds;
    /** The assignments' managed identities, by principal id. */
    principalIds;
    /** Whether the scope is a whole subscription (given as a plain id), not a resource group. */
    subscriptionScope;
    constructor(name, args, opts) {
        super("backup-ready:index:BackupFleet", name, {}, (0, aliases_1.withoutTypeAliases)(opts, args.keepTypeAliases));
        const known = (0, regionData_1.knownRegions)();
        const regions = (0, fleet_1.checkFleetRegions)("regions", args.regions, known);
        const redundancy = { storageRedundancy: args.storageRedundancy ?? vaultSettings_1.VAULT_DEFAULTS.storageRedundancy, crossRegionRestore: args.crossRegionRestore ?? vaultSettings_1.VAULT_DEFAULTS.crossRegionRestore };
        regions.forEach((region) => (0, names_1.checkBackupRedundancy)({ region: "regions", storageRedundancy: "storageRedundancy", crossRegionRestore: "crossRegionRestore" }, { region, ...redundancy }, known));
        const tagName = args.tagName ?? exports.FLEET_TAG.name;
        const tagValue = args.tagValue ?? exports.FLEET_TAG.value;
        (0, vaultSettings_1.checkTag)("tagName=tagValue", tagName, tagValue);
        if (typeof args.scope === "string") {
            (0, fleet_1.checkFleetScope)("scope", args.scope);
        }
        this.subscriptionScope = typeof args.scope === "string" && (0, armIds_1.parseScopeId)(args.scope)?.resourceGroupName === undefined;
        const mode = args.excludeTagged ? "exclude" : "include";
        const definitionKind = (0, fleetDefinition_2.checkFleetDefinition)("definition", args.definition ?? fleetDefinition_2.FLEET_DEFINITION_DEFAULT);
        const definition = (0, fleetDefinition_1.enrolmentDefinitionFor)(definitionKind, mode);
        // The custom definition lives in the deploying subscription (Microsoft.Authorization
        // 2025-01-01 policyDefinitions at subscription scope), which the assignments' scope must be in.
        const scope = pulumi.output(args.scope).apply((id) => (0, armIds_2.parseScope)("scope", id));
        const customDefinition = definitionKind === "custom" ? this.customDefinition(name, mode, scope) : undefined;
        const { regions: _regions, scope: _scope, tagName: _tagName, tagValue: _tagValue, excludeTagged: _excludeTagged, definition: _definition, ...vaultSettings } = args;
        const vaultName = args.vaultName ?? defaults_1.DEFAULTS.vaultName;
        // Policy assignment names take up to 64 characters at a subscription or group scope: cut, they must stay apart and valid.
        const assignmentNames = regions.map((region) => `${name}-${region}`.slice(0, limits_1.POLICY_ASSIGNMENT_NAME.length));
        assignmentNames.forEach((assignmentName, i) => {
            const problem = (0, limits_1.policyAssignmentNameProblem)(assignmentName) ?? (assignmentNames.indexOf(assignmentName) !== i ? "one per region, yet cut to 64 characters two are the same" : undefined);
            if (problem !== undefined) {
                (0, errors_1.invalid)(`name of ${(0, armIds_2.componentLabel)("BackupFleet", name)}`, `a name whose policy assignment names ("<name>-<region>", cut to ${limits_1.POLICY_ASSIGNMENT_NAME.length}) Azure takes: ${problem}`, assignmentName);
            }
        });
        const members = regions.map((region, i) => {
            const vault = new backupVault_1.BackupVault(`${name}-${region}`, { ...vaultSettings, resourceGroupName: args.resourceGroupName, location: region, vaultName: `${vaultName}-${region}` }, { parent: this });
            const assignmentName = assignmentNames[i];
            const assignment = new authorization.PolicyAssignment(`${name}-${region}-assignment`, {
                policyAssignmentName: assignmentName,
                scope: args.scope,
                policyDefinitionId: customDefinition?.id ?? definition.id,
                displayName: `Back up ${args.excludeTagged ? "VMs without" : "VMs with"} tag ${tagName}=${tagValue} in ${region}`,
                description: `${definition.displayName} (${definition.version}), into ${vaultName}-${region}.`,
                enforcementMode: "Default",
                // A DeployIfNotExists assignment deploys as its managed identity, which needs a location.
                identity: { type: "SystemAssigned" },
                location: region,
                parameters: vault.policyId.apply((backupPolicyId) => (0, fleet_2.enrolmentParameters)(definition, { vaultLocation: region, backupPolicyId, tagName, tagValues: [tagValue] })),
            }, { parent: this });
            const principalId = assignment.identity.apply((identity) => identity?.principalId);
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
    customDefinition(name, mode, scope) {
        const properties = (0, fleetDefinition_1.customDefinitionProperties)(mode);
        const deploying = authorization.getClientConfigOutput({ parent: this });
        const description = pulumi.all([scope, deploying]).apply(([parts, client]) => {
            if (typeof client?.subscriptionId === "string" && parts.subscriptionId.toLowerCase() !== client.subscriptionId.toLowerCase()) {
                (0, errors_1.invalid)("scope", `in the deploying subscription ${client.subscriptionId} with definition "custom", where the project's definition is created; or set definition "builtIn"`, scopeId(parts));
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
    grantRoles(name, definition, assignmentName, principalId, scope, vaultId) {
        const vaultGroup = vaultId.apply((id) => {
            const vault = (0, armIds_2.parseResourceId)("vaultId", id, azureTypes_1.ARM_TYPES.vault);
            return { subscriptionId: vault.subscriptionId, resourceGroupName: vault.resourceGroupName };
        });
        const scopes = {
            [fleet_2.ROLES.virtualMachineContributor]: { role: "vm-contributor", at: scope },
            [fleet_2.ROLES.backupContributor]: { role: "backup-contributor", at: vaultGroup },
        };
        // Exactly the definition's roles: one this component does not know the scope of is an error, not a guess.
        const grants = definition.roleDefinitionIds.map((id) => {
            const guid = id.split("/").pop();
            const grant = scopes[guid] ?? (0, errors_1.invalid)("roleDefinitionIds", `roles whose scope BackupFleet knows (${Object.keys(scopes).join(", ")})`, id);
            return { ...grant, guid };
        });
        return grants.map(({ role, guid, at }) => new authorization.RoleAssignment(`${name}-${role}`, {
            scope: at.apply(scopeId),
            roleDefinitionId: at.apply(({ subscriptionId }) => `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${guid}`),
            roleAssignmentName: at.apply((parts) => (0, uuid_1.uuidV5)(`${scopeId(parts)}|${guid}|${assignmentName}`)),
            principalId,
            principalType: "ServicePrincipal",
        }, { parent: this }));
    }
    /**
     * A remediation for the VMs that exist when the assignment is made (Azure Policy enrols new ones
     * by itself), in the assignment's region, after its roles: the compliance is evaluated anew
     * first (`ReEvaluateCompliance`), since a new assignment has none yet. A subscription scope's
     * remediation is the provider's subscription's.
     */
    remediate(name, assignment, region, scope, after) {
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
        const resourceGroupName = scope.apply((parts) => parts.resourceGroupName ?? (0, errors_1.invalid)("scope", "a resource group id when it is an Output", scopeId(parts)));
        new policyinsights.RemediationAtResourceGroup(`${name}-remediation`, { ...remediation, resourceGroupName }, options);
    }
}
exports.BackupFleet = BackupFleet;
/** The ARM id of a subscription or resource group scope. */
function scopeId(parts) {
    return parts.resourceGroupName === undefined ? `/subscriptions/${parts.subscriptionId}` : `/subscriptions/${parts.subscriptionId}/resourceGroups/${parts.resourceGroupName}`;
}
