/**
 * Documented limits of the resource types the project creates, where user input feeds them.
 * Refreshed 2026-12: each limit is marked VERIFIED (quote and URL checked against Microsoft's
 * source that day) or UNVERIFIED (the source named was not re-read in time; treat as the
 * previous engineer's reading, to be checked before relying on it). Limits no input can reach
 * (per-subscription counts of resources the project creates a handful of) are not repeated here.
 */
/**
 * UNVERIFIED 2026-12 (the Azure Monitor service-limits page was not found in the search corpora).
 * Action groups: 1000 e-mail receivers per group; the short name at most 12 characters
 * (learn.microsoft.com/azure/azure-monitor/fundamentals/service-limits#action-groups; monitor
 * actionGroups_API.json `ActionGroup.groupShortName` maxLength 12).
 */
export declare const ACTION_GROUP_LIMITS: {
    readonly emailReceivers: 1000;
    readonly shortNameLength: 12;
};
/** UNVERIFIED 2026-12 (RFC not re-read). An e-mail address: at most 254 characters (RFC 5321 4.5.3.1.3, a 256-octet path less its angle brackets). */
export declare const EMAIL_ADDRESS_MAX_LENGTH = 254;
/**
 * Name VERIFIED 2026-12: "locks | scope of assignment | 1-90 | Alphanumerics, periods,
 * underscores, hyphens, and parenthesis. Can't end in period." (MicrosoftDocs/azure-docs
 * articles/azure-resource-manager/management/resource-name-rules.md, Microsoft.Authorization).
 * Notes length UNVERIFIED 2026-12 (locks.json not re-read).
 * Management locks: a name of 1 to 90 characters, notes up to 512
 * (learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftauthorization;
 * resources locks.json `ManagementLockProperties.notes` maxLength 512).
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
 * `<>*%&:\?.+/` nor control characters, not ending in a space (a period is refused anywhere)
 * (learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftauthorization).
 */
export declare const POLICY_ASSIGNMENT_NAME: {
    readonly length: 64;
    readonly managementGroupLength: 24;
    readonly forbidden: RegExp;
};
/** A policy assignment name Azure takes at a subscription or resource group; why not, otherwise. */
export declare function policyAssignmentNameProblem(name: string): string | undefined;
/** UNVERIFIED 2026-12. Private endpoints of one Recovery Services vault: at most 12 (learn.microsoft.com/azure/backup/private-endpoints-overview). */
export declare const PRIVATE_ENDPOINTS_PER_VAULT = 12;
/**
 * UNVERIFIED 2026-12.
 * Standard Load Balancer: 1000 IP configurations in a backend pool, 1500 rules per load balancer
 * (learn.microsoft.com/azure/azure-resource-manager/management/azure-subscription-service-limits#load-balancer).
 */
export declare const LOAD_BALANCER_LIMITS: {
    readonly backendPoolSize: 1000;
    readonly rules: 1500;
};
/** UNVERIFIED 2026-12. Role assignments: 4000 per subscription (learn.microsoft.com/azure/role-based-access-control/troubleshoot-limits). */
export declare const ROLE_ASSIGNMENTS_PER_SUBSCRIPTION = 4000;
