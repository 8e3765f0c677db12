import { ResourceLike } from "./resources";
/**
 * VERIFIED 2026-12. E-mail receivers: "Email | 1,000 email actions in an action group."
 * (MicrosoftDocs/azure-monitor-docs articles/azure-monitor/alerts/includes/azure-monitor-limits-action-groups.md,
 * included by learn.microsoft.com/azure/azure-monitor/fundamentals/service-limits#action-groups).
 * Short name: `ActionGroup.groupShortName` `"maxLength": 12` (Azure/azure-rest-api-specs
 * specification/monitor/resource-manager/Microsoft.Insights/preview/2024-10-01-preview/actionGroups_API.json,
 * the version azure-native 3.28's monitor.ActionGroup sends).
 */
export declare const ACTION_GROUP_LIMITS: {
    readonly emailReceivers: 1000;
    readonly shortNameLength: 12;
};
/**
 * VERIFIED 2026-12: "The character limit in an e-mail address is 64." (same include as
 * {@link ACTION_GROUP_LIMITS}, the row "Email"). Azure Monitor's limit, tighter than RFC 5321's
 * 254; an action group's `emailAddress` carries no maxLength in the REST spec, so this is the
 * documented one. Before 2026-12 the project allowed 254 (RFC 5321), which Azure Monitor refuses.
 */
export declare const EMAIL_ADDRESS_MAX_LENGTH = 64;
/**
 * Name VERIFIED 2026-12: "locks | scope of assignment | 1-90 | Alphanumerics, periods,
 * underscores, hyphens, and parenthesis. Can't end in period." (MicrosoftDocs/azure-docs
 * articles/azure-resource-manager/management/resource-name-rules.md, Microsoft.Authorization).
 * Notes VERIFIED 2026-12: `ManagementLockProperties.notes` "Notes about the lock. Maximum of 512
 * characters." (Azure/azure-rest-api-specs
 * specification/resources/resource-manager/Microsoft.Authorization/stable/2020-05-01/locks.json,
 * the version azure-native 3.28's authorization.ManagementLockByScope sends).
 */
export declare const LOCK_LIMITS: {
    readonly nameLength: 90;
    readonly notesLength: 512;
};
/**
 * VERIFIED 2026-12: "policyAssignments | scope of assignment | 1-128 display name, 1-64 resource
 * name, 1-24 resource name at management group scope | [...] Resource name can't use:
 * `<>*%&:\?.+/` or control characters. Can't end with period or space." (MicrosoftDocs/azure-docs
 * articles/azure-resource-manager/management/resource-name-rules.md, Microsoft.Authorization;
 * older revisions of that page said 1-128 and 1-260, the current one 1-64).
 * Policy assignments: a name of 1 to 64 characters (24 at a management group), none of
 * `<>*%&:\?.+/` nor control characters, not ending in a space (a period is refused anywhere).
 */
export declare const POLICY_ASSIGNMENT_NAME: {
    readonly length: 64;
    readonly managementGroupLength: 24;
    readonly forbidden: RegExp;
};
/** A policy assignment name Azure takes at a subscription or resource group (or, `atManagementGroup`, a management group); why not, otherwise. */
export declare function policyAssignmentNameProblem(name: string, atManagementGroup?: boolean): string | undefined;
/**
 * VERIFIED 2026-12: "However, you can create a maximum of 12 private endpoints for a vault."
 * (learn.microsoft.com/azure/backup/backup-azure-private-endpoints-concept, azure-docs
 * articles/backup/backup-azure-private-endpoints-concept.md; the v1 page private-endpoints-overview
 * says the same: "the maximum number of private endpoints that can be created for a vault is 12").
 */
export declare const PRIVATE_ENDPOINTS_PER_VAULT = 12;
/**
 * VERIFIED 2026-12, Standard Load Balancer: "Rules (Load Balancer + Inbound NAT) per resource |
 * 1,500", "Backend pool size | 5,000" (MicrosoftDocs/azure-docs includes/load-balancer-limits.md,
 * ms.date 06/30/2026, included by azure-subscription-service-limits.md#load-balancer). The
 * previous reading, 1000 per backend pool, was an older revision's.
 */
export declare const LOAD_BALANCER_LIMITS: {
    readonly backendPoolSize: 5000;
    readonly rules: 1500;
};
/**
 * VERIFIED 2026-12: "Azure supports up to 4000 role assignments per subscription. This limit
 * includes role assignments at the subscription, resource group, and resource scopes"
 * (learn.microsoft.com/azure/role-based-access-control/troubleshoot-limits). A stack holds only
 * its own, so a stack past it is certainly refused; one below it may still meet others'.
 */
export declare const ROLE_ASSIGNMENTS_PER_SUBSCRIPTION = 4000;
/**
 * VERIFIED 2026-12 (MicrosoftDocs/azure-monitor-docs
 * articles/azure-monitor/alerts/includes/azure-monitor-limits-alerts.md, the Azure Monitor
 * service limits' alerts table): "Metric alerts | 5,000 active alert rules per subscription",
 * "Log alerts | 5,000 active alert rules per subscription", "Alert processing rules | 1,000 active
 * rules per subscription", "Alert rules and alert processing rules description length | Log search
 * alerts 4,096 characters. All others are 2,048 characters." Per subscription, so a stack past a
 * count is certainly refused; one below it may still meet others'.
 */
export declare const ALERT_LIMITS: {
    readonly metricAlerts: 5000;
    readonly logAlerts: 5000;
    readonly alertProcessingRules: 1000;
    readonly descriptionLength: 2048;
    readonly logSearchDescriptionLength: 4096;
};
/**
 * What in one resource's inputs or outputs Azure refuses by the limits above: an action group's
 * short name, e-mail receivers and addresses; a lock's name and notes; a policy assignment's name;
 * a load balancer's rules and inline backend pool addresses; alert rules' descriptions; and any
 * resource's tags (platform.ts, `tagProblems`). One line each, naming the resource.
 */
export declare function resourceLimitProblems(resource: ResourceLike): string[];
/**
 * What across a stack's resources Azure refuses by the limits above: more private endpoints to one
 * vault than it takes, more role assignments than one subscription holds. Vault ids compared as
 * ARM compares them, ignoring case.
 */
export declare function stackLimitProblems(resources: readonly ResourceLike[]): string[];
