/**
 * Documented limits of the resource types the project creates, where user input feeds them.
 * Extract refreshed 2026-11; each from the source named beside it. Limits no input can reach
 * (per-subscription counts of resources the project creates a handful of) are not repeated here.
 */

/**
 * Action groups: 1000 e-mail receivers per group; the short name at most 12 characters
 * (learn.microsoft.com/azure/azure-monitor/fundamentals/service-limits#action-groups; monitor
 * actionGroups_API.json `ActionGroup.groupShortName` maxLength 12).
 */
export const ACTION_GROUP_LIMITS = { emailReceivers: 1000, shortNameLength: 12 } as const;

/** An e-mail address: at most 254 characters (RFC 5321 4.5.3.1.3, a 256-octet path less its angle brackets). */
export const EMAIL_ADDRESS_MAX_LENGTH = 254;

/**
 * Management locks: a name of 1 to 90 characters, notes up to 512
 * (learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftauthorization;
 * resources locks.json `ManagementLockProperties.notes` maxLength 512).
 */
export const LOCK_LIMITS = { nameLength: 90, notesLength: 512 } as const;

/**
 * Policy assignments: a name of 1 to 64 characters (24 at a management group), none of
 * `<>*%&:\?.+/`, not ending in a space
 * (learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftauthorization).
 */
export const POLICY_ASSIGNMENT_NAME = { length: 64, managementGroupLength: 24, forbidden: /[<>*%&:\\?.+/]|\s$/ } as const;

/** A policy assignment name Azure takes at a subscription or resource group; why not, otherwise. */
export function policyAssignmentNameProblem(name: string): string | undefined {
    if (name.length < 1 || name.length > POLICY_ASSIGNMENT_NAME.length) {
        return `1 to ${POLICY_ASSIGNMENT_NAME.length} characters`;
    }
    return POLICY_ASSIGNMENT_NAME.forbidden.test(name) ? "none of <>*%&:\\?.+/ and no trailing space" : undefined;
}

/** Private endpoints of one Recovery Services vault: at most 12 (learn.microsoft.com/azure/backup/private-endpoints-overview). */
export const PRIVATE_ENDPOINTS_PER_VAULT = 12;

/**
 * Standard Load Balancer: 1000 IP configurations in a backend pool, 1500 rules per load balancer
 * (learn.microsoft.com/azure/azure-resource-manager/management/azure-subscription-service-limits#load-balancer).
 */
export const LOAD_BALANCER_LIMITS = { backendPoolSize: 1000, rules: 1500 } as const;

/** Role assignments: 4000 per subscription (learn.microsoft.com/azure/role-based-access-control/troubleshoot-limits). */
export const ROLE_ASSIGNMENTS_PER_SUBSCRIPTION = 4000;
