/**
 * Documented limits of the resource types the project creates, where user input or the project's
 * own fixed values feed them. Refreshed 2026-12: each limit is marked VERIFIED with the quote and
 * the file it was read in. Limits reached only by the resources a stack holds (a lock's notes, a
 * load balancer's rules, endpoints per vault) are checked on the stack by
 * {@link resourceLimitProblems} and {@link stackLimitProblems}, which the policy pack's
 * `resources-within-azure-limits` applies to the project's resources and to any a user adds.
 */
import { AZURE_TYPES } from "./azureTypes";
import { tagProblems } from "./platform";
import { isText, list, ResourceLike } from "./resources";

/**
 * VERIFIED 2026-12. E-mail receivers: "Email | 1,000 email actions in an action group."
 * (MicrosoftDocs/azure-monitor-docs articles/azure-monitor/alerts/includes/azure-monitor-limits-action-groups.md,
 * included by learn.microsoft.com/azure/azure-monitor/fundamentals/service-limits#action-groups).
 * Short name: `ActionGroup.groupShortName` `"maxLength": 12` (Azure/azure-rest-api-specs
 * specification/monitor/resource-manager/Microsoft.Insights/preview/2024-10-01-preview/actionGroups_API.json,
 * the version azure-native 3.28's monitor.ActionGroup sends).
 */
export const ACTION_GROUP_LIMITS = { emailReceivers: 1000, shortNameLength: 12 } as const;

/**
 * VERIFIED 2026-12: "The character limit in an e-mail address is 64." (same include as
 * {@link ACTION_GROUP_LIMITS}, the row "Email"). Azure Monitor's limit, tighter than RFC 5321's
 * 254; an action group's `emailAddress` carries no maxLength in the REST spec, so this is the
 * documented one. Before 2026-12 the project allowed 254 (RFC 5321), which Azure Monitor refuses.
 */
export const EMAIL_ADDRESS_MAX_LENGTH = 64;

/**
 * Name VERIFIED 2026-12: "locks | scope of assignment | 1-90 | Alphanumerics, periods,
 * underscores, hyphens, and parenthesis. Can't end in period." (MicrosoftDocs/azure-docs
 * articles/azure-resource-manager/management/resource-name-rules.md, Microsoft.Authorization).
 * Notes VERIFIED 2026-12: `ManagementLockProperties.notes` "Notes about the lock. Maximum of 512
 * characters." (Azure/azure-rest-api-specs
 * specification/resources/resource-manager/Microsoft.Authorization/stable/2020-05-01/locks.json,
 * the version azure-native 3.28's authorization.ManagementLockByScope sends).
 */
export const LOCK_LIMITS = { nameLength: 90, notesLength: 512 } as const;

/**
 * VERIFIED 2026-12: "policyAssignments | scope of assignment | 1-128 display name, 1-64 resource
 * name, 1-24 resource name at management group scope | [...] Resource name can't use:
 * `<>*%&:\?.+/` or control characters. Can't end with period or space." (MicrosoftDocs/azure-docs
 * articles/azure-resource-manager/management/resource-name-rules.md, Microsoft.Authorization;
 * older revisions of that page said 1-128 and 1-260, the current one 1-64).
 * Policy assignments: a name of 1 to 64 characters (24 at a management group), none of
 * `<>*%&:\?.+/` nor control characters, not ending in a space (a period is refused anywhere).
 */
export const POLICY_ASSIGNMENT_NAME = { length: 64, managementGroupLength: 24, forbidden: /[<>*%&:\\?.+/\u0000-\u001f\u007f]|\s$/ } as const;

/** A policy assignment name Azure takes at a subscription or resource group (or, `atManagementGroup`, a management group); why not, otherwise. */
export function policyAssignmentNameProblem(name: string, atManagementGroup = false): string | undefined {
    const length = atManagementGroup ? POLICY_ASSIGNMENT_NAME.managementGroupLength : POLICY_ASSIGNMENT_NAME.length;
    if (name.length < 1 || name.length > length) {
        return `1 to ${length} characters`;
    }
    return POLICY_ASSIGNMENT_NAME.forbidden.test(name) ? "none of <>*%&:\\?.+/ nor control characters, and no trailing space" : undefined;
}

/**
 * VERIFIED 2026-12: "However, you can create a maximum of 12 private endpoints for a vault."
 * (learn.microsoft.com/azure/backup/backup-azure-private-endpoints-concept, azure-docs
 * articles/backup/backup-azure-private-endpoints-concept.md; the v1 page private-endpoints-overview
 * says the same: "the maximum number of private endpoints that can be created for a vault is 12").
 */
export const PRIVATE_ENDPOINTS_PER_VAULT = 12;

/**
 * VERIFIED 2026-12, Standard Load Balancer: "Rules (Load Balancer + Inbound NAT) per resource |
 * 1,500", "Backend pool size | 5,000" (MicrosoftDocs/azure-docs includes/load-balancer-limits.md,
 * ms.date 06/30/2026, included by azure-subscription-service-limits.md#load-balancer). The
 * previous reading, 1000 per backend pool, was an older revision's.
 */
export const LOAD_BALANCER_LIMITS = { backendPoolSize: 5000, rules: 1500 } as const;

/**
 * VERIFIED 2026-12: "Azure supports up to 4000 role assignments per subscription. This limit
 * includes role assignments at the subscription, resource group, and resource scopes"
 * (learn.microsoft.com/azure/role-based-access-control/troubleshoot-limits). A stack holds only
 * its own, so a stack past it is certainly refused; one below it may still meet others'.
 */
export const ROLE_ASSIGNMENTS_PER_SUBSCRIPTION = 4000;

/**
 * VERIFIED 2026-12 (MicrosoftDocs/azure-monitor-docs
 * articles/azure-monitor/alerts/includes/azure-monitor-limits-alerts.md, the Azure Monitor
 * service limits' alerts table): "Metric alerts | 5,000 active alert rules per subscription",
 * "Log alerts | 5,000 active alert rules per subscription", "Alert processing rules | 1,000 active
 * rules per subscription", "Alert rules and alert processing rules description length | Log search
 * alerts 4,096 characters. All others are 2,048 characters." Per subscription, so a stack past a
 * count is certainly refused; one below it may still meet others'.
 */
export const ALERT_LIMITS = { metricAlerts: 5000, logAlerts: 5000, alertProcessingRules: 1000, descriptionLength: 2048, logSearchDescriptionLength: 4096 } as const;

const MANAGEMENT_LOCK_TYPE = /^azure-native:authorization:ManagementLock/;
const MANAGEMENT_GROUP_SCOPE = /^\/providers\/Microsoft\.Management\/managementGroups\/[^/]+$/i;

function label(resource: ResourceLike, kind: string, nameInput: string): string {
    const name = [resource.props[nameInput], resource.props.name].find(isText) ?? resource.name;
    return `${kind} "${name}"`;
}

/** The over-long text of a property, as a problem; undefined when it fits. */
function tooLong(what: string, value: unknown, max: number, min = 0): string | undefined {
    return typeof value === "string" && (value.length > max || value.length < min) ? `${what} is ${value.length} characters; Azure takes ${min > 0 ? `${min} to ${max}` : `at most ${max}`}` : undefined;
}

function tooMany(what: string, count: number, max: number): string | undefined {
    return count > max ? `${count} ${what}; Azure takes at most ${max}` : undefined;
}

/**
 * What in one resource's inputs or outputs Azure refuses by the limits above: an action group's
 * short name, e-mail receivers and addresses; a lock's name and notes; a policy assignment's name;
 * a load balancer's rules and inline backend pool addresses; alert rules' descriptions; and any
 * resource's tags (platform.ts, `tagProblems`). One line each, naming the resource.
 */
export function resourceLimitProblems(resource: ResourceLike): string[] {
    const tags = tagProblems(resource.props.tags, resource.type === AZURE_TYPES.storageAccount).map((problem) => `${resource.type.split(":").pop()} "${isText(resource.props.name) ? resource.props.name : resource.name}": ${problem}`);
    return [...typeLimitProblems(resource), ...tags];
}

/** The limits of the resource's own type. */
function typeLimitProblems(resource: ResourceLike): string[] {
    const props = resource.props;
    const problems: (string | undefined)[] = [];
    if (resource.type === AZURE_TYPES.actionGroup) {
        const receivers = list(props.emailReceivers as { emailAddress?: unknown }[] | undefined);
        problems.push(
            tooLong("groupShortName", props.groupShortName, ACTION_GROUP_LIMITS.shortNameLength),
            tooMany("e-mail receivers", receivers.length, ACTION_GROUP_LIMITS.emailReceivers),
            ...receivers.map((receiver) => tooLong(`e-mail address ${JSON.stringify(receiver.emailAddress)}`, receiver.emailAddress, EMAIL_ADDRESS_MAX_LENGTH)),
        );
        return problems.filter(isText).map((problem) => `${label(resource, "action group", "actionGroupName")}: ${problem}`);
    }
    if (MANAGEMENT_LOCK_TYPE.test(resource.type)) {
        problems.push(tooLong("lockName", props.lockName, LOCK_LIMITS.nameLength, 1), tooLong("notes", props.notes, LOCK_LIMITS.notesLength));
        return problems.filter(isText).map((problem) => `${label(resource, "lock", "lockName")}: ${problem}`);
    }
    if (resource.type === AZURE_TYPES.policyAssignment && isText(props.policyAssignmentName)) {
        const problem = policyAssignmentNameProblem(props.policyAssignmentName, isText(props.scope) && MANAGEMENT_GROUP_SCOPE.test(props.scope));
        return problem === undefined ? [] : [`${label(resource, "policy assignment", "policyAssignmentName")}: policyAssignmentName must be ${problem}`];
    }
    if (resource.type === AZURE_TYPES.metricAlert || resource.type === AZURE_TYPES.scheduledQueryRule || resource.type === AZURE_TYPES.alertProcessingRule) {
        const logSearch = resource.type === AZURE_TYPES.scheduledQueryRule;
        const description = resource.type === AZURE_TYPES.alertProcessingRule ? (props.properties as { description?: unknown } | undefined)?.description : props.description;
        const problem = tooLong("description", description, logSearch ? ALERT_LIMITS.logSearchDescriptionLength : ALERT_LIMITS.descriptionLength);
        const kind = logSearch ? "log search alert" : resource.type === AZURE_TYPES.metricAlert ? "metric alert" : "alert processing rule";
        return problem === undefined ? [] : [`${label(resource, kind, resource.type === AZURE_TYPES.alertProcessingRule ? "alertProcessingRuleName" : "ruleName")}: ${problem}`];
    }
    if (resource.type === AZURE_TYPES.loadBalancer) {
        const rules = list(props.loadBalancingRules as unknown[] | undefined).length + list(props.inboundNatRules as unknown[] | undefined).length;
        const pools = list(props.backendAddressPools as { name?: unknown; loadBalancerBackendAddresses?: unknown[] }[] | undefined);
        problems.push(
            tooMany("load balancing and inbound NAT rules", rules, LOAD_BALANCER_LIMITS.rules),
            ...pools.map((pool) => tooMany(`addresses in backend pool ${JSON.stringify(pool.name ?? "")}`, list(pool.loadBalancerBackendAddresses).length, LOAD_BALANCER_LIMITS.backendPoolSize)),
        );
        return problems.filter(isText).map((problem) => `${label(resource, "load balancer", "loadBalancerName")}: ${problem}`);
    }
    return [];
}

interface PrivateLinkConnection {
    privateLinkServiceId?: unknown;
}

/**
 * What across a stack's resources Azure refuses by the limits above: more private endpoints to one
 * vault than it takes, more role assignments than one subscription holds. Vault ids compared as
 * ARM compares them, ignoring case.
 */
export function stackLimitProblems(resources: readonly ResourceLike[]): string[] {
    const endpointsByVault = new Map<string, number>();
    for (const endpoint of resources.filter((resource) => resource.type === AZURE_TYPES.privateEndpoint)) {
        const connections = [
            ...list(endpoint.props.privateLinkServiceConnections as PrivateLinkConnection[] | undefined),
            ...list(endpoint.props.manualPrivateLinkServiceConnections as PrivateLinkConnection[] | undefined),
        ];
        const targets = new Set(connections.map((connection) => connection.privateLinkServiceId).filter(isText).map((id) => id.toLowerCase()));
        for (const target of [...targets].filter((id) => id.includes("/microsoft.recoveryservices/vaults/"))) {
            endpointsByVault.set(target, (endpointsByVault.get(target) ?? 0) + 1);
        }
    }
    const count = (type: string) => resources.filter((resource) => resource.type === type).length;
    const roleAssignments = count(AZURE_TYPES.roleAssignment);
    return [
        tooMany("metric alert rules in one stack", count(AZURE_TYPES.metricAlert), ALERT_LIMITS.metricAlerts),
        tooMany("log search alert rules in one stack", count(AZURE_TYPES.scheduledQueryRule), ALERT_LIMITS.logAlerts),
        tooMany("alert processing rules in one stack", count(AZURE_TYPES.alertProcessingRule), ALERT_LIMITS.alertProcessingRules),
        ...[...endpointsByVault].map(([vault, count]) => tooMany(`private endpoints to vault ${vault}`, count, PRIVATE_ENDPOINTS_PER_VAULT)),
        tooMany("role assignments in one stack", roleAssignments, ROLE_ASSIGNMENTS_PER_SUBSCRIPTION),
    ].filter(isText);
}
