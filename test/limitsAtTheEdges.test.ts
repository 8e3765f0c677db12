/**
 * Every limit and availability rule of the rulebook at its edge: the largest (or otherwise
 * boundary) value it allows passes, the first value past it is refused in one line naming the
 * setting, argument or resource. The table is the list of rules; each row drives the rule the way
 * a user meets it: settings through `resolveSettings` (what `index.ts` and the offline plan run),
 * stack resources through the policy pack's `resources-within-azure-limits`, and a few rules no
 * setting reaches cheaply through the rulebook function the components and policies call.
 *
 * A second table holds, for every key of Pulumi.yaml no rule row covers, one refused value and
 * one good value at its limits; a test walks Pulumi.yaml so that no setting is left without both.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { resolveSettings, RawConfig } from "../settings";
import { InvalidSettingError } from "../policy/rulebook/errors";
import * as limits from "../policy/rulebook/limits";
import {
    ACTION_GROUP_LIMITS,
    EMAIL_ADDRESS_MAX_LENGTH,
    LOAD_BALANCER_LIMITS,
    PRIVATE_ENDPOINTS_PER_VAULT,
    ROLE_ASSIGNMENTS_PER_SUBSCRIPTION,
} from "../policy/rulebook/limits";
import { AZURE_TYPES, dataDiskFinding, fitInNsg, MAX_MANAGED_DATA_DISKS, MAX_UNMANAGED_DATA_DISKS, NSG_LIMITS, refusedRuleFindings, ResourceLike, securityRulesViolations, TagPrefixes, vmView } from "../policy/rulebook";
import { resourcesWithinAzureLimits } from "../policy/policies";
import { checkBackupDiskLuns } from "../lib/archiveTier";
import { PROJECT_DIR } from "./support/plan";
import { ED25519_KEY, RSA_1024_KEY, RSA_2048_KEY } from "./support/sshKeys";

const GUID = "11111111-2222-3333-4444-555555555555";
const GROUP = `/subscriptions/${GUID}/resourceGroups/sec`;
const VAULT_ID = `${GROUP}/providers/Microsoft.RecoveryServices/vaults/vault1`;
const ZONES = ["privatelink.we.backup.windowsazure.com", "privatelink.blob.core.windows.net", "privatelink.queue.core.windows.net"].map(
    (zone) => `${GROUP}/providers/Microsoft.Network/privateDnsZones/${zone}`,
);
const SERVICE_TAGS_FILE = path.join(PROJECT_DIR, "test", "fixtures", "ServiceTags_Public_fixture.json");

/** The error a configuration is refused with, or undefined when it resolves. */
function refusal(config: RawConfig): InvalidSettingError | undefined {
    try {
        resolveSettings(config);
        return undefined;
    } catch (error) {
        expect(error, String(error)).to.be.instanceOf(InvalidSettingError);
        return error as InvalidSettingError;
    }
}

function thrown(call: () => unknown): InvalidSettingError | undefined {
    try {
        call();
        return undefined;
    } catch (error) {
        expect(error, String(error)).to.be.instanceOf(InvalidSettingError);
        return error as InvalidSettingError;
    }
}

/** What the policy reports for these resources, one line each. */
function violations(resources: ResourceLike[]): string[] {
    const reported: string[] = [];
    const stubs = { stackTags: new Map<string, string>(), isType: () => false, asType: () => undefined, notApplicable: () => undefined };
    const policyResources = resources.map((r) => ({ ...stubs, ...r, opts: {}, dependencies: [], propertyDependencies: {} }));
    const args = { ...stubs, resources: policyResources, getConfig: () => ({}) } as unknown as Parameters<typeof resourcesWithinAzureLimits.validateStack>[0];
    resourcesWithinAzureLimits.validateStack(args, (message) => reported.push(message));
    return reported;
}

const resource = (type: string, name: string, props: Record<string, unknown>): ResourceLike => ({ type, name, urn: `urn:pulumi:test::test::${type}::${name}`, props });
const times = <T>(count: number, item: (i: number) => T): T[] => Array.from({ length: count }, (_, i) => item(i));
const email = (length: number, i = 0) => `${`${i}`.padStart(length - "@example.com".length, "a")}@example.com`;
const emails = (count: number) => JSON.stringify(times(count, (i) => `ops${i}@example.com`));
const tags = (count: number, nameLength = 3, valueLength = 1) => JSON.stringify(Object.fromEntries(times(count, (i) => [`${i}`.padStart(nameLength, "t"), "v".repeat(valueLength)])));
const addresses = (count: number) => times(count, (i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}/32`);
const nsgGroups = (prefixes: number): TagPrefixes[] => [{ service: "Storage", tag: "Storage.WestEurope", prefixes: addresses(prefixes), ipv6Omitted: 0 }];
const actionGroup = (props: Record<string, unknown>) => resource(AZURE_TYPES.actionGroup, "alerts", { actionGroupName: "alerts", groupShortName: "backupready", emailReceivers: [], ...props });
const lock = (props: Record<string, unknown>) => resource("azure-native:authorization:ManagementLockByScope", "lock", { lockName: "lock", level: "CanNotDelete", scope: VAULT_ID, ...props });
const assignment = (policyAssignmentName: string, scope = GROUP) => resource(AZURE_TYPES.policyAssignment, "fleet", { policyAssignmentName, scope });
const loadBalancer = (rules: number, poolAddresses: number) =>
    resource(AZURE_TYPES.loadBalancer, "proxy-lb", {
        loadBalancerName: "proxy-lb",
        loadBalancingRules: times(rules, (i) => ({ name: `rule${i}` })),
        backendAddressPools: [{ name: "proxies", loadBalancerBackendAddresses: times(poolAddresses, (i) => ({ name: `b${i}` })) }],
    });
const endpoints = (count: number) =>
    times(count, (i) => resource(AZURE_TYPES.privateEndpoint, `pe${i}`, { privateLinkServiceConnections: [{ privateLinkServiceId: i % 2 ? VAULT_ID.toUpperCase() : VAULT_ID, groupIds: ["AzureBackup"] }] }));
const vm = (dataDisks: object[]) => resource(AZURE_TYPES.virtualMachine, "vm1", { vmName: "vm1", storageProfile: { osDisk: dataDisks.length ? dataDisks[0] : {}, dataDisks } });
const unmanagedVm = (disks: number) => vm(times(disks, (i) => ({ lun: i, vhd: { uri: `https://acct1.blob.core.windows.net/vhds/d${i}.vhd` } })));
const managedVm = (disks: number) => vm(times(disks, (i) => ({ lun: i, createOption: "Empty", diskSizeGB: 4 })));
const securityRule = (priority: number) =>
    resource(AZURE_TYPES.securityRule, "deny-all", { securityRuleName: "deny-all", priority, direction: "Outbound", access: "Deny", protocol: "*", sourceAddressPrefix: "*", destinationAddressPrefix: "*", destinationPortRange: "*" });
const roleAssignments = (count: number) => times(count, (i) => resource(AZURE_TYPES.roleAssignment, `ra${i}`, {}));
const taggedWith = (type: string, tagSet: Record<string, string>) => resource(type, "tagged", { name: "tagged", tags: tagSet });
const tagSet = (count: number, nameLength = 3, valueLength = 1) => Object.fromEntries(times(count, (i) => [`${i}`.padStart(nameLength, "t"), "v".repeat(valueLength)]));
const ofType = (type: string, count: number) => times(count, (i) => resource(type, `r${i}`, {}));
const metricAlert = (description: string) => resource(AZURE_TYPES.metricAlert, "proxy-down", { ruleName: "proxy-down", description });
const logSearchAlert = (description: string) => resource(AZURE_TYPES.scheduledQueryRule, "drill-failed", { ruleName: "drill-failed", description });

/** A rule met through the settings: the boundary value resolves, the first one past it is refused naming `setting`. */
interface SettingsEdge {
    via: "settings";
    allowed: RawConfig;
    refused: RawConfig;
    setting: string;
}

/** A rule met by a stack's resources: the policy passes the boundary and reports the first one past it, in one line. */
interface StackEdge {
    via: "policy";
    allowed: ResourceLike[];
    refused: ResourceLike[];
    /** The policy's findings; `resources-within-azure-limits` unless another policy applies the rule. */
    problems?: (resources: ResourceLike[]) => string[];
}

/** A rule no setting reaches cheaply, met through the rulebook function that applies it. */
interface CallEdge {
    via: "rulebook";
    allowed: () => unknown;
    refused: () => unknown;
    setting: string;
}

type Edge = { rule: string; says: RegExp; limits?: string[] } & (SettingsEdge | StackEdge | CallEdge);

/**
 * Every limit and availability rule of the rulebook. `rule` names it as the rulebook exports it
 * (`limits` lists the `policy/rulebook/limits.ts` names a row exercises); `says` is what the
 * refusal must say besides naming what was wrong.
 */
const RULES: Edge[] = [
    // ---- policy/rulebook/limits.ts ----
    { rule: "ACTION_GROUP_LIMITS.emailReceivers (alertEmails)", limits: ["ACTION_GROUP_LIMITS.emailReceivers"], via: "settings", setting: "alertEmails", allowed: { alertEmails: emails(1000) }, refused: { alertEmails: emails(1001) }, says: /at most 1000 addresses/ },
    {
        rule: "ACTION_GROUP_LIMITS.emailReceivers (any action group)",
        limits: ["ACTION_GROUP_LIMITS.emailReceivers"],
        via: "policy",
        allowed: [actionGroup({ emailReceivers: times(ACTION_GROUP_LIMITS.emailReceivers, (i) => ({ name: `r${i}`, emailAddress: `ops${i}@example.com` })) })],
        refused: [actionGroup({ emailReceivers: times(ACTION_GROUP_LIMITS.emailReceivers + 1, (i) => ({ name: `r${i}`, emailAddress: `ops${i}@example.com` })) })],
        says: /^action group "alerts": 1001 e-mail receivers; Azure takes at most 1000$/,
    },
    { rule: "ACTION_GROUP_LIMITS.shortNameLength", limits: ["ACTION_GROUP_LIMITS.shortNameLength"], via: "policy", allowed: [actionGroup({ groupShortName: "b".repeat(12) })], refused: [actionGroup({ groupShortName: "b".repeat(13) })], says: /^action group "alerts": groupShortName is 13 characters; Azure takes at most 12$/ },
    { rule: "EMAIL_ADDRESS_MAX_LENGTH (alertEmails)", limits: ["EMAIL_ADDRESS_MAX_LENGTH"], via: "settings", setting: "alertEmails", allowed: { alertEmails: JSON.stringify([email(64)]) }, refused: { alertEmails: JSON.stringify([email(65)]) }, says: /^alertEmails\[0\]: .*of up to 64 characters; got "a+0@example.com"$/ },
    {
        rule: "EMAIL_ADDRESS_MAX_LENGTH (any action group)",
        limits: ["EMAIL_ADDRESS_MAX_LENGTH"],
        via: "policy",
        allowed: [actionGroup({ emailReceivers: [{ name: "ops", emailAddress: email(EMAIL_ADDRESS_MAX_LENGTH) }] })],
        refused: [actionGroup({ emailReceivers: [{ name: "ops", emailAddress: email(EMAIL_ADDRESS_MAX_LENGTH + 1) }] })],
        says: /^action group "alerts": e-mail address "a+0@example.com" is 65 characters; Azure takes at most 64$/,
    },
    { rule: "LOCK_LIMITS.nameLength", limits: ["LOCK_LIMITS.nameLength"], via: "policy", allowed: [lock({ lockName: "l".repeat(90) })], refused: [lock({ lockName: "l".repeat(91) })], says: /^lock "l{91}": lockName is 91 characters; Azure takes 1 to 90$/ },
    { rule: "LOCK_LIMITS.notesLength", limits: ["LOCK_LIMITS.notesLength"], via: "policy", allowed: [lock({ notes: "n".repeat(512) })], refused: [lock({ notes: "n".repeat(513) })], says: /^lock "lock": notes is 513 characters; Azure takes at most 512$/ },
    { rule: "POLICY_ASSIGNMENT_NAME.length", limits: ["POLICY_ASSIGNMENT_NAME.length"], via: "policy", allowed: [assignment("p".repeat(64))], refused: [assignment("p".repeat(65))], says: /^policy assignment "p{65}": policyAssignmentName must be 1 to 64 characters$/ },
    {
        rule: "POLICY_ASSIGNMENT_NAME.managementGroupLength",
        limits: ["POLICY_ASSIGNMENT_NAME.managementGroupLength"],
        via: "policy",
        allowed: [assignment("p".repeat(24), "/providers/Microsoft.Management/managementGroups/platform")],
        refused: [assignment("p".repeat(25), "/providers/Microsoft.Management/managementGroups/platform")],
        says: /policyAssignmentName must be 1 to 24 characters$/,
    },
    { rule: "POLICY_ASSIGNMENT_NAME.forbidden", limits: ["POLICY_ASSIGNMENT_NAME.forbidden"], via: "policy", allowed: [assignment("backup_fleet-(westeurope)")], refused: [assignment("backup.fleet")], says: /policyAssignmentName must be none of <>\*%&:\\\?\.\+\/ nor control characters/ },
    { rule: "PRIVATE_ENDPOINTS_PER_VAULT", limits: ["PRIVATE_ENDPOINTS_PER_VAULT"], via: "policy", allowed: endpoints(PRIVATE_ENDPOINTS_PER_VAULT), refused: endpoints(PRIVATE_ENDPOINTS_PER_VAULT + 1), says: /^13 private endpoints to vault .*\/vaults\/vault1; Azure takes at most 12$/ },
    { rule: "LOAD_BALANCER_LIMITS.rules", limits: ["LOAD_BALANCER_LIMITS.rules"], via: "policy", allowed: [loadBalancer(LOAD_BALANCER_LIMITS.rules, 2)], refused: [loadBalancer(LOAD_BALANCER_LIMITS.rules + 1, 2)], says: /^load balancer "proxy-lb": 1501 load balancing and inbound NAT rules; Azure takes at most 1500$/ },
    { rule: "LOAD_BALANCER_LIMITS.backendPoolSize", limits: ["LOAD_BALANCER_LIMITS.backendPoolSize"], via: "policy", allowed: [loadBalancer(1, LOAD_BALANCER_LIMITS.backendPoolSize)], refused: [loadBalancer(1, LOAD_BALANCER_LIMITS.backendPoolSize + 1)], says: /^load balancer "proxy-lb": 5001 addresses in backend pool "proxies"; Azure takes at most 5000$/ },
    { rule: "ALERT_LIMITS.metricAlerts", limits: ["ALERT_LIMITS.metricAlerts"], via: "policy", allowed: ofType(AZURE_TYPES.metricAlert, 5000), refused: ofType(AZURE_TYPES.metricAlert, 5001), says: /^5001 metric alert rules in one stack; Azure takes at most 5000$/ },
    { rule: "ALERT_LIMITS.logAlerts", limits: ["ALERT_LIMITS.logAlerts"], via: "policy", allowed: ofType(AZURE_TYPES.scheduledQueryRule, 5000), refused: ofType(AZURE_TYPES.scheduledQueryRule, 5001), says: /^5001 log search alert rules in one stack; Azure takes at most 5000$/ },
    { rule: "ALERT_LIMITS.alertProcessingRules", limits: ["ALERT_LIMITS.alertProcessingRules"], via: "policy", allowed: ofType(AZURE_TYPES.alertProcessingRule, 1000), refused: ofType(AZURE_TYPES.alertProcessingRule, 1001), says: /^1001 alert processing rules in one stack; Azure takes at most 1000$/ },
    { rule: "ALERT_LIMITS.descriptionLength", limits: ["ALERT_LIMITS.descriptionLength"], via: "policy", allowed: [metricAlert("d".repeat(2048))], refused: [metricAlert("d".repeat(2049))], says: /^metric alert "proxy-down": description is 2049 characters; Azure takes at most 2048$/ },
    { rule: "ALERT_LIMITS.logSearchDescriptionLength", limits: ["ALERT_LIMITS.logSearchDescriptionLength"], via: "policy", allowed: [logSearchAlert("d".repeat(4096))], refused: [logSearchAlert("d".repeat(4097))], says: /^log search alert "drill-failed": description is 4097 characters; Azure takes at most 4096$/ },
    { rule: "ROLE_ASSIGNMENTS_PER_SUBSCRIPTION", limits: ["ROLE_ASSIGNMENTS_PER_SUBSCRIPTION"], via: "policy", allowed: roleAssignments(ROLE_ASSIGNMENTS_PER_SUBSCRIPTION), refused: roleAssignments(ROLE_ASSIGNMENTS_PER_SUBSCRIPTION + 1), says: /^4001 role assignments in one stack; Azure takes at most 4000$/ },

    // ---- platform.ts: tags ----
    { rule: "TAG_LIMITS.maxTags (any resource)", via: "policy", allowed: [taggedWith(AZURE_TYPES.vault, tagSet(50))], refused: [taggedWith(AZURE_TYPES.vault, tagSet(51))], says: /^Vault "tagged": 51 tags; Azure takes at most 50$/ },
    { rule: "TAG_LIMITS.maxValueLength (any resource)", via: "policy", allowed: [taggedWith(AZURE_TYPES.vault, tagSet(1, 3, 256))], refused: [taggedWith(AZURE_TYPES.vault, tagSet(1, 3, 257))], says: /^Vault "tagged": tag "tt0"'s value is 257 characters; Azure takes at most 256$/ },
    { rule: "TAG_LIMITS.storageAccountMaxNameLength (any storage account)", via: "policy", allowed: [taggedWith(AZURE_TYPES.storageAccount, tagSet(1, 128))], refused: [taggedWith(AZURE_TYPES.storageAccount, tagSet(1, 129))], says: /^StorageAccount "tagged": tag name "t+\.\.\." \(129 characters\): Azure takes names of 1 to 128 characters on a storage account/ },
    { rule: "TAG_LIMITS.maxTags", via: "settings", setting: "tags", allowed: { tags: tags(50) }, refused: { tags: tags(51) }, says: /up to 50 tags/ },
    { rule: "TAG_LIMITS.name (length)", via: "settings", setting: "tags", allowed: { tags: tags(1, 512) }, refused: { tags: tags(1, 513) }, says: /names of 1 to 512 characters/ },
    { rule: "TAG_LIMITS.name (characters)", via: "settings", setting: "tags", allowed: { tags: '{"cost-center_(eu).1":"x"}' }, refused: { tags: '{"cost/center":"x"}' }, says: /without <>%&\\\?\// },
    { rule: "TAG_LIMITS.maxValueLength", via: "settings", setting: "tags", allowed: { tags: tags(1, 3, 256) }, refused: { tags: tags(1, 3, 257) }, says: /values of text up to 256/ },
    { rule: "TAG_LIMITS.storageAccountMaxNameLength (restoreDrill's staging storage account)", via: "settings", setting: "tags", allowed: { restoreDrill: "true", tags: tags(1, 128, 256) }, refused: { restoreDrill: "true", tags: tags(1, 129) }, says: /tag names of up to 128 characters: the restore drill's staging storage account gets them/ },
    { rule: "TAG_LIMITS.storageAccountMaxNameLength (no storage account without restoreDrill)", via: "settings", setting: "tags", allowed: { tags: tags(1, 129) }, refused: { tags: tags(1, 513) }, says: /names of 1 to 512 characters/ },
    { rule: "TAG_LIMITS (enrolmentTag)", via: "settings", setting: "enrolmentTag", allowed: { enrolment: "policy", enrolmentTag: `${"k".repeat(512)}=${"v".repeat(256)}` }, refused: { enrolment: "policy", enrolmentTag: `${"k".repeat(513)}=v` }, says: /a name of 1 to 512 characters/ },

    // ---- nsg.ts ----
    { rule: "NSG_LIMITS.addressPrefixes", via: "rulebook", setting: "ipRangesFile", allowed: () => fitInNsg(nsgGroups(NSG_LIMITS.addressPrefixes), "westeurope"), refused: () => fitInNsg(nsgGroups(NSG_LIMITS.addressPrefixes + 1), "westeurope"), says: /4001 prefixes for westeurope .* exceed Azure's limit of 4000/ },
    {
        rule: "NSG_LIMITS.rules",
        via: "rulebook",
        setting: "ipRangesFile",
        allowed: () => fitInNsg(nsgGroups(1), "westeurope", times(NSG_LIMITS.rules - 1, () => ({ destinationAddressPrefix: "Storage" }))),
        refused: () => fitInNsg(nsgGroups(1), "westeurope", times(NSG_LIMITS.rules, () => ({ destinationAddressPrefix: "Storage" }))),
        says: /1001 rules exceed Azure's limit of 1000 rules per NSG/,
    },

    {
        rule: "NSG_LIMITS.highestPriority (policy nsg-rules-azure-accepts)",
        via: "policy",
        problems: (rules) => rules.flatMap((rule) => securityRulesViolations(rule, refusedRuleFindings)),
        allowed: [securityRule(4096)],
        refused: [securityRule(4097)],
        says: /^security rule "deny-all" cannot be created: priority 4097 is not a whole number from 100 to 4096/,
    },
    {
        rule: "NSG_LIMITS.lowestPriority (policy nsg-rules-azure-accepts)",
        via: "policy",
        problems: (rules) => rules.flatMap((rule) => securityRulesViolations(rule, refusedRuleFindings)),
        allowed: [securityRule(100)],
        refused: [securityRule(99)],
        says: /priority 99 is not a whole number from 100 to 4096/,
    },

    // ---- backup.ts ----
    { rule: "MAX_MANAGED_DATA_DISKS", via: "settings", setting: "appVmDataDiskCount", allowed: { appVmDataDiskCount: "32", appVmSize: "Standard_D16s_v5" }, refused: { appVmDataDiskCount: "33" }, says: /from 0 to 32 \(Azure Backup's limit for managed disks\)/ },
    {
        rule: "MAX_UNMANAGED_DATA_DISKS (policy vm-data-disk-limit)",
        via: "policy",
        problems: (vms) => vms.map((vm) => dataDiskFinding(vmView(vm))).filter((finding) => !finding.pass).map((finding) => finding.why),
        allowed: [unmanagedVm(MAX_UNMANAGED_DATA_DISKS)],
        refused: [unmanagedVm(MAX_UNMANAGED_DATA_DISKS + 1)],
        says: /^17 data disks; 16 at most \(Azure Backup's limit for unmanaged disks\)$/,
    },
    {
        rule: "MAX_MANAGED_DATA_DISKS (policy vm-data-disk-limit)",
        via: "policy",
        problems: (vms) => vms.map((vm) => dataDiskFinding(vmView(vm))).filter((finding) => !finding.pass).map((finding) => finding.why),
        allowed: [managedVm(MAX_MANAGED_DATA_DISKS)],
        refused: [managedVm(MAX_MANAGED_DATA_DISKS + 1)],
        says: /^33 data disks; 32 at most \(Azure Backup's limit for managed disks\)/,
    },
    { rule: "MAX_VMS_PER_VAULT (appVmCount)", via: "settings", setting: "appVmCount", allowed: { appVmCount: "1000", appSubnet: "10.0.4.0/22" }, refused: { appVmCount: "1001", appSubnet: "10.0.4.0/22" }, says: /from 1 to 1000|from 0 to 1000|up to 1000/ },
    { rule: "MAX_VMS_PER_VAULT (Linux and Windows together)", via: "settings", setting: "appVmCount + windowsAppVmCount", allowed: { appVmCount: "999", windowsAppVmCount: "1", appSubnet: "10.0.4.0/22", adminUsername: "ops" }, refused: { appVmCount: "1000", windowsAppVmCount: "1", appSubnet: "10.0.4.0/22", adminUsername: "ops" }, says: /1000/ },
    { rule: "MAX_VMS_PER_VAULT (retiredVms)", via: "settings", setting: "retiredVms", allowed: { retiredVms: '["app-vm-1000","win-vm-1000"]' }, refused: { retiredVms: '["win-vm-1001"]' }, says: /N up to 1000/ },

    // ---- vault.ts ----
    { rule: "RETENTION_DAYS.max", via: "settings", setting: "retentionDays", allowed: { retentionDays: "9999" }, refused: { retentionDays: "10000" }, says: /from 7 to 9999/ },
    { rule: "RETENTION_DAYS.min", via: "settings", setting: "retentionDays", allowed: { retentionDays: "7" }, refused: { retentionDays: "6" }, says: /from 7 to 9999/ },
    { rule: "INSTANT_RESTORE_DAYS.Enhanced", via: "settings", setting: "instantRestoreDays", allowed: { instantRestoreDays: "30" }, refused: { instantRestoreDays: "31" }, says: /from 1 to 30/ },
    { rule: "INSTANT_RESTORE_DAYS.Standard", via: "settings", setting: "instantRestoreDays", allowed: { backupPolicyType: "Standard", appVmCount: "0", instantRestoreDays: "5" }, refused: { backupPolicyType: "Standard", appVmCount: "0", instantRestoreDays: "6" }, says: /from 1 to 5/ },
    { rule: "BACKUP_TIME", via: "settings", setting: "backupTime", allowed: { backupTime: "23:30" }, refused: { backupTime: "23:45" }, says: /half hour|:30|:00/ },
    { rule: "HOURLY_INTERVALS", via: "settings", setting: "hourlyInterval", allowed: { backupFrequency: "Hourly", hourlyInterval: "12" }, refused: { backupFrequency: "Hourly", hourlyInterval: "24" }, says: /4, 6, 8 or 12|4\/6\/8\/12|\b12\b/ },
    { rule: "HOURLY_WINDOW_HOURS.max", via: "settings", setting: "hourlyWindowHours", allowed: { backupFrequency: "Hourly", hourlyWindowHours: "24" }, refused: { backupFrequency: "Hourly", hourlyWindowHours: "25" }, says: /from 4 to 24/ },
    { rule: "HOURLY_WINDOW_HOURS.min", via: "settings", setting: "hourlyWindowHours", allowed: { backupFrequency: "Hourly", hourlyWindowHours: "4" }, refused: { backupFrequency: "Hourly", hourlyWindowHours: "3" }, says: /from 4 to 24/ },
    { rule: "WEEKLY_RETENTION_WEEKS", via: "settings", setting: "weeklyRetentionWeeks", allowed: { weeklyRetentionWeeks: "5163" }, refused: { weeklyRetentionWeeks: "5164" }, says: /from 0 to 5163/ },
    { rule: "MONTHLY_RETENTION_MONTHS", via: "settings", setting: "monthlyRetentionMonths", allowed: { monthlyRetentionMonths: "1188" }, refused: { monthlyRetentionMonths: "1189" }, says: /from 0 to 1188/ },
    { rule: "YEARLY_RETENTION_YEARS", via: "settings", setting: "yearlyRetentionYears", allowed: { yearlyRetentionYears: "99" }, refused: { yearlyRetentionYears: "100" }, says: /from 0 to 99/ },
    { rule: "SOFT_DELETE_DAYS.max", via: "settings", setting: "softDeleteDays", allowed: { softDeleteDays: "180" }, refused: { softDeleteDays: "181" }, says: /from 14 to 180/ },
    { rule: "SOFT_DELETE_DAYS.min", via: "settings", setting: "softDeleteDays", allowed: { softDeleteDays: "14" }, refused: { softDeleteDays: "13" }, says: /from 14 to 180/ },
    { rule: "PUBLIC_NETWORK_ACCESS with Cross Region Restore", via: "settings", setting: "crossRegionRestore", allowed: { crossRegionRestore: "true", vaultPublicNetworkAccess: "Enabled" }, refused: { crossRegionRestore: "true" }, says: /Azure does not deny public access to a vault with Cross Region Restore/ },

    // ---- vaultOptions.ts ----
    { rule: "KEY_URI (key vault name, 3-24)", via: "settings", setting: "vaultCmkKeyUri", allowed: { vaultCmkKeyUri: `https://k${"v".repeat(22)}1.vault.azure.net/keys/backup` }, refused: { vaultCmkKeyUri: `https://k${"v".repeat(23)}1.vault.azure.net/keys/backup` }, says: /a key URI https:\/\/<vault>/ },
    { rule: "KEY_URI (key name, 1-127)", via: "settings", setting: "vaultCmkKeyUri", allowed: { vaultCmkKeyUri: `https://kv1.vault.azure.net/keys/${"k".repeat(127)}/${"0".repeat(32)}` }, refused: { vaultCmkKeyUri: `https://kv1.vault.azure.net/keys/${"k".repeat(128)}` }, says: /a key URI/ },
    {
        rule: "ARCHIVE_AFTER_DAYS.min (ARCHIVE_MIN_AGE_DAYS)",
        via: "settings",
        setting: "archiveAfterDays",
        allowed: { archiveTier: "AfterDays", archiveAfterDays: "90", monthlyRetentionMonths: "9" },
        refused: { archiveTier: "AfterDays", archiveAfterDays: "89", monthlyRetentionMonths: "9" },
        says: /from 90 to 35955/,
    },
    // 10 years kept (3650 days) leave 3470 days in the standard tier before the 6 months Azure wants left.
    {
        rule: "ARCHIVE_AFTER_DAYS with ARCHIVE_MIN_RETENTION_LEFT_DAYS (the longest wait for the retention)",
        via: "settings",
        setting: "archiveTier",
        allowed: { archiveTier: "AfterDays", archiveAfterDays: "3470", yearlyRetentionYears: "10" },
        refused: { archiveTier: "AfterDays", archiveAfterDays: "3471", yearlyRetentionYears: "10" },
        says: /kept at least 3651 days \(3471 in the standard tier, then 6 months left/,
    },
    { rule: "ARCHIVE_AFTER_DAYS.max", via: "settings", setting: "archiveAfterDays", allowed: { archiveTier: "AfterDays", archiveAfterDays: "35955", yearlyRetentionYears: "99" }, refused: { archiveTier: "AfterDays", archiveAfterDays: "35956", yearlyRetentionYears: "99" }, says: /from 90 to 35955/ },
    { rule: "ARCHIVE_MIN_RETENTION_LEFT_DAYS", via: "settings", setting: "archiveTier", allowed: { archiveTier: "Recommended", monthlyRetentionMonths: "9" }, refused: { archiveTier: "Recommended", monthlyRetentionMonths: "8" }, says: /kept at least 270 days/ },
    { rule: "ARCHIVE_UNSUPPORTED_REDUNDANCY", via: "settings", setting: "archiveTier", allowed: { archiveTier: "Recommended", monthlyRetentionMonths: "9", storageRedundancy: "LocallyRedundant" }, refused: { archiveTier: "Recommended", monthlyRetentionMonths: "9", storageRedundancy: "ZoneRedundant" }, says: /zone-redundant/ },
    { rule: "SNAPSHOT_CONSISTENCIES.CrashConsistent (Enhanced only)", via: "settings", setting: "snapshotConsistency", allowed: { snapshotConsistency: "CrashConsistent" }, refused: { snapshotConsistency: "CrashConsistent", backupPolicyType: "Standard", appVmCount: "0" }, says: /Enhanced policy/ },
    {
        rule: "INSTANT_RESTORE_RG_MAX_LENGTH",
        via: "settings",
        setting: "instantRestoreResourceGroupPrefix + instantRestoreResourceGroupSuffix",
        allowed: { instantRestoreResourceGroupPrefix: "p".repeat(40), instantRestoreResourceGroupSuffix: "s".repeat(32) },
        refused: { instantRestoreResourceGroupPrefix: "p".repeat(40), instantRestoreResourceGroupSuffix: "s".repeat(33) },
        says: /at most 72 characters together/,
    },
    { rule: "INSTANT_RESTORE_RG_MAX_LENGTH (prefix alone)", via: "settings", setting: "instantRestoreResourceGroupPrefix", allowed: { instantRestoreResourceGroupPrefix: "p".repeat(72) }, refused: { instantRestoreResourceGroupPrefix: "p".repeat(73) }, says: /at most 72 characters/ },
    { rule: "INSTANT_RESTORE_RG_CHARACTERS", via: "settings", setting: "instantRestoreResourceGroupPrefix", allowed: { instantRestoreResourceGroupPrefix: "Rg_backup.(eu)-" }, refused: { instantRestoreResourceGroupPrefix: "rg backup" }, says: /parentheses/ },
    { rule: "MAX_BACKED_UP_DATA_DISKS", via: "settings", setting: "appVmBackupDiskLuns", allowed: { appVmDataDiskCount: "32", appVmSize: "Standard_D16s_v5", appVmBackupDiskLuns: JSON.stringify(times(31, (i) => i)) }, refused: { appVmDataDiskCount: "32", appVmSize: "Standard_D16s_v5", appVmBackupDiskLuns: JSON.stringify(times(32, (i) => i)) }, says: /at most 31 data disks: Azure Backup backs up 32 disks of a VM, its OS disk among them/ },
    { rule: "DATA_DISK_LUNS.max (a component's diskLuns)", via: "rulebook", setting: "diskLuns", allowed: () => checkBackupDiskLuns("diskLuns", [0, 63]), refused: () => checkBackupDiskLuns("diskLuns", [0, 64]), says: /from 0 to 63 \(a data disk's LUN\); got 64$/ },
    { rule: "DATA_DISK_LUNS (a disk the VM has)", via: "settings", setting: "appVmBackupDiskLuns", allowed: { appVmDataDiskCount: "2", appVmBackupDiskLuns: "[1]" }, refused: { appVmDataDiskCount: "2", appVmBackupDiskLuns: "[2]" }, says: /appVmDataDiskCount/ },

    // ---- regions.ts: Azure Backup's redundancy per region ----
    { rule: "backupRedundancyProblem (ZoneRedundant needs zones)", via: "settings", setting: "storageRedundancy", allowed: { location: "uksouth", vaultLocation: "uksouth", storageRedundancy: "ZoneRedundant" }, refused: { location: "ukwest", vaultLocation: "ukwest", storageRedundancy: "ZoneRedundant" }, says: /UK West has no availability zones/ },
    { rule: "backupRedundancyProblem (GeoRedundant needs a pair)", via: "settings", setting: "storageRedundancy", allowed: { location: "italynorth", vaultLocation: "italynorth", storageRedundancy: "ZoneRedundant" }, refused: { location: "italynorth", vaultLocation: "italynorth" }, says: /Italy North has no paired region/ },
    { rule: "backupRedundancyProblem (Cross Region Restore needs a pair)", via: "settings", setting: "crossRegionRestore", allowed: { location: "northeurope", vaultLocation: "northeurope", crossRegionRestore: "true", vaultPublicNetworkAccess: "Enabled" }, refused: { location: "polandcentral", vaultLocation: "polandcentral", storageRedundancy: "LocallyRedundant", crossRegionRestore: "true", vaultPublicNetworkAccess: "Enabled" }, says: /GeoRedundant|paired region/ },
    { rule: "AZURE_REGIONS", via: "settings", setting: "azure-native:location", allowed: { location: "Sweden Central", vaultLocation: "swedencentral" }, refused: { location: "swedencentra", vaultLocation: "swedencentra" }, says: /public Azure region in Microsoft's region list/ },

    // ---- cidr.ts ----
    { rule: "SMALLEST_SUBNET_PREFIX_LENGTH", via: "settings", setting: "proxySubnet", allowed: { proxySubnet: "10.0.0.0/29", proxyIp: "10.0.0.4" }, refused: { proxySubnet: "10.0.0.0/30", proxyIp: "10.0.0.1" }, says: /a \/29 or larger/ },
    { rule: "AZURE_RESERVED_ADDRESS_COUNT (first four)", via: "settings", setting: "proxyIp", allowed: { proxyIp: "10.0.0.4" }, refused: { proxyIp: "10.0.0.3" }, says: /Azure keeps the first four/ },
    // The last usable address, 10.0.0.254, goes to the proxy behind the balancer's frontend proxyIp.
    { rule: "AZURE_RESERVED_ADDRESS_COUNT (broadcast)", via: "settings", setting: "proxyIp", allowed: { proxyIp: "10.0.0.253" }, refused: { proxyIp: "10.0.0.255" }, says: /and the last/ },
    { rule: "proxyLayout (room for the proxies after proxyIp)", via: "settings", setting: "proxyIp", allowed: { proxyIp: "10.0.0.244", proxyCount: "10" }, refused: { proxyIp: "10.0.0.245", proxyCount: "10" }, says: /room for 10 proxies after it \(proxyCount\): they take 10\.0\.0\.246-10\.0\.0\.255/ },
    { rule: "AZURE_RESERVED_ADDRESS_COUNT (room for the VMs)", via: "settings", setting: "appSubnet", allowed: { appSubnet: "10.0.1.0/29", appVmCount: "3" }, refused: { appSubnet: "10.0.1.0/29", appVmCount: "4" }, says: /Azure keeps 5 of every subnet/ },
    { rule: "AZURE_REFUSED_RANGES", via: "settings", setting: "addressSpace", allowed: { addressSpace: "172.16.0.0/16" }, refused: { addressSpace: "169.254.0.0/16" }, says: /link-local/ },

    // ---- privateLink.ts ----
    { rule: "PRIVATE_ENDPOINT_SUBNET_PREFIX_LENGTH", via: "settings", setting: "vaultPrivateEndpointSubnet", allowed: { vaultPrivateEndpoint: "true", vaultPrivateEndpointSubnet: "10.0.2.0/26" }, refused: { vaultPrivateEndpoint: "true", vaultPrivateEndpointSubnet: "10.0.2.0/27" }, says: /\/26/ },
    { rule: "BACKUP_GEO_CODES", via: "settings", setting: "azure-native:location", allowed: { location: "norwayeast", vaultLocation: "norwayeast", vaultPrivateEndpoint: "true" }, refused: { location: "polandcentral", vaultLocation: "polandcentral", storageRedundancy: "LocallyRedundant", vaultPrivateEndpoint: "true" }, says: /known Azure Backup geo code/ },

    // ---- vms.ts ----
    { rule: "LINUX_ADMIN_USERNAME (32 characters)", via: "settings", setting: "adminUsername", allowed: { adminUsername: `a${"b".repeat(31)}` }, refused: { adminUsername: `a${"b".repeat(32)}` }, says: /up to 31/ },
    { rule: "MAX_WINDOWS_ADMIN_USERNAME_LENGTH", via: "settings", setting: "adminUsername", allowed: { windowsAppVmCount: "1", adminUsername: `a${"b".repeat(19)}` }, refused: { windowsAppVmCount: "1", adminUsername: `a${"b".repeat(20)}` }, says: /at most 20 characters/ },
    { rule: "RESERVED_ADMIN_USERNAMES", via: "settings", setting: "adminUsername", allowed: { adminUsername: "admin3" }, refused: { adminUsername: "admin1" }, says: /none of administrator, admin/ },

    // ---- lib/validation/names.ts (Azure's name rules) ----
    { rule: "VAULT_NAME (2-50)", via: "settings", setting: "vaultName", allowed: { vaultName: `v${"a".repeat(49)}` }, refused: { vaultName: `v${"a".repeat(50)}` }, says: /2 to 50/ },
    { rule: "STORAGE_ACCOUNT (3-24)", via: "settings", setting: "storageAccount", allowed: { storageAccount: "a".repeat(24) }, refused: { storageAccount: "a".repeat(25) }, says: /3 to 24/ },
];

/** Where a refusal names the thing refused: the setting, at the start of its one line. */
function expectNamed(error: InvalidSettingError | undefined, setting: string, says: RegExp): void {
    expect(error, "refused").to.be.instanceOf(InvalidSettingError);
    const message = (error as InvalidSettingError).message;
    expect(message).not.to.include("\n");
    expect(message.startsWith(setting), message).to.equal(true);
    expect(message).to.match(says);
}

describe("every limit and availability rule at its edge", () => {
    for (const edge of RULES) {
        it(`${edge.rule}: takes the boundary, refuses the first value past it`, () => {
            if (edge.via === "settings") {
                const allowed = refusal(edge.allowed);
                expect(allowed?.message, JSON.stringify(edge.allowed).slice(0, 200)).to.equal(undefined);
                expectNamed(refusal(edge.refused), edge.setting, edge.says);
            } else if (edge.via === "rulebook") {
                expect(thrown(edge.allowed)?.message).to.equal(undefined);
                expectNamed(thrown(edge.refused), edge.setting, edge.says);
            } else {
                const problems = edge.problems ?? violations;
                expect(problems(edge.allowed)).to.deep.equal([]);
                const reported = problems(edge.refused);
                expect(reported).to.have.length(1);
                expect(reported[0]).not.to.include("\n");
                expect(reported[0]).to.match(edge.says);
            }
        });
    }

    it("has a row for every limit policy/rulebook/limits.ts exports", () => {
        const exported = Object.entries(limits).flatMap(([name, value]) => {
            if (typeof value === "number") {
                return [name];
            }
            return typeof value === "object" && value !== null ? Object.keys(value).map((key) => `${name}.${key}`) : [];
        });
        expect(exported).to.include.members(["ACTION_GROUP_LIMITS.emailReceivers", "LOCK_LIMITS.notesLength", "PRIVATE_ENDPOINTS_PER_VAULT"]);
        const covered = new Set(RULES.flatMap((edge) => edge.limits ?? []));
        expect(exported.filter((name) => !covered.has(name)), "limits without an edge row").to.deep.equal([]);
    });

    it("has a row for every other limit the rulebook exports, by its name in the row's rule", () => {
        const names = rulebookLimits();
        expect(names).to.include.members(["NSG_LIMITS.highestPriority", "RETENTION_DAYS", "INSTANT_RESTORE_DAYS.Standard", "DATA_DISK_LUNS", "MAX_VMS_PER_VAULT"]);
        const said = RULES.map((edge) => `${edge.rule} ${(edge.limits ?? []).join(" ")}`);
        const uncovered = names.filter((name) => !said.some((text) => new RegExp(`\\b${name.replace(".", "\\.")}\\b`).test(text)));
        expect(uncovered, "rulebook limits without an edge row").to.deep.equal([]);
    });
});

/** The rulebook's modules, each a file of policy/rulebook. */
const RULEBOOK_DIR = path.join(PROJECT_DIR, "policy", "rulebook");

/** Numbers the rulebook exports that are facts the rules are built from, not limits a value can pass. */
const NOT_LIMITS: Record<string, string> = {
    WINDOWS_ACTIVATION_PORT: "the port Azure's KMS listens on",
    HTTPS_PORT: "a port the rules open",
    SSH_PORT: "a port the rules open",
    INSTANT_RESTORE_RG_COUNTER_DIGITS: "held back inside INSTANT_RESTORE_RG_MAX_LENGTH, whose rows test it",
};

/** Every limit the rulebook exports: numbers, whole-number ranges (alone or by case), and each field of a *_LIMITS object. */
function rulebookLimits(): string[] {
    const names = new Set<string>();
    for (const file of fs.readdirSync(RULEBOOK_DIR).filter((name) => name.endsWith(".ts") && name !== "index.ts")) {
        const module = require(path.join(RULEBOOK_DIR, file)) as Record<string, unknown>;
        for (const [name, value] of Object.entries(module)) {
            const isRange = (v: unknown) => typeof v === "object" && v !== null && typeof (v as { min?: unknown }).min === "number";
            if (typeof value === "number" || isRange(value)) {
                names.add(name);
            } else if (typeof value === "object" && value !== null && !Array.isArray(value) && (/_LIMITS$|_NAME$/.test(name) || Object.values(value).some(isRange))) {
                Object.keys(value).forEach((key) => names.add(`${name}.${key}`));
            }
        }
    }
    return [...names].filter((name) => !(name in NOT_LIMITS));
}

/**
 * For each key of Pulumi.yaml that no row of {@link RULES} names: values at its limits (the most
 * it takes, or every value of a choice) that must resolve, and the first value it must refuse in
 * one line naming it. A choice's "limit" is its whole list; a flag's, both values.
 */
interface SettingEdges {
    atLimits: RawConfig[];
    refused: RawConfig;
    says: RegExp;
}

const IDENTITY_ID = `${GROUP}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/backup-cmk`;
const KEY_URI = "https://contoso-kv.vault.azure.net/keys/backup-key";
const DRILL = { restoreDrill: "true" };
const POLICY = { enrolment: "policy" };
const flag = (key: string, extra: RawConfig = {}): SettingEdges => ({
    atLimits: [{ ...extra, [key]: "true" }, { ...extra, [key]: "false" }],
    refused: { ...extra, [key]: "yes" },
    says: /must be true or false; got "yes"$/,
});

const SETTINGS: Record<string, SettingEdges> = {
    connectivity: { atLimits: [{ connectivity: "proxy" }, { connectivity: "serviceTags" }, { connectivity: "none" }], refused: { connectivity: "firewall" }, says: /one of "proxy", "serviceTags", "none"/ },
    ipRangesFile: { atLimits: [{ connectivity: "serviceTags", ipRangesFile: SERVICE_TAGS_FILE }], refused: { ipRangesFile: SERVICE_TAGS_FILE }, says: /applies only with connectivity "serviceTags"/ },
    proxyPort: { atLimits: [{ proxyPort: "1" }, { proxyPort: "65535" }], refused: { proxyPort: "65536" }, says: /from 1 to 65535/ },
    allowedDomains: { atLimits: [{ allowedDomains: JSON.stringify([`${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(61)}`]) }], refused: { allowedDomains: JSON.stringify([`${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(62)}`]) }, says: /domain names such as/ },
    windowsAppVmCount: { atLimits: [{ appVmCount: "0", windowsAppVmCount: "1000", appSubnet: "10.0.4.0/22", adminUsername: "ops" }], refused: { appVmCount: "0", windowsAppVmCount: "1001", appSubnet: "10.0.4.0/22", adminUsername: "ops" }, says: /1000/ },
    windowsAppVmSize: { atLimits: [{ windowsAppVmCount: "1", adminUsername: "ops", windowsAppVmSize: "Standard_E4-2s_v5" }], refused: { windowsAppVmCount: "1", adminUsername: "ops", windowsAppVmSize: "E4s_v5" }, says: /an Azure VM size/ },
    appVmSize: { atLimits: [{ appVmSize: "Standard_NC24ads_A100_v4" }], refused: { appVmSize: "Standard D4s v5" }, says: /an Azure VM size/ },
    proxyVmSize: { atLimits: [{ proxyVmSize: "Standard_D2s_v5" }], refused: { proxyVmSize: "Standard_D2s_v5;" }, says: /an Azure VM size/ },
    appVmImage: { atLimits: [{ appVmImage: "Debian:debian-12:12-gen2:0.20240717.1" }], refused: { appVmImage: "kinvolk:flatcar-container-linux-free:stable:latest" }, says: /an image Azure Backup supports/ },
    proxyCount: { atLimits: [{ proxyCount: "1" }, { proxyCount: "10" }], refused: { proxyCount: "11" }, says: /from 1 to 10/ },
    proxyPatchWindow: { atLimits: [{ proxyPatchWindow: "Mon 00:00" }, { proxyPatchWindow: "Sat 23:59" }], refused: { proxyPatchWindow: "Sun 24:00" }, says: /a weekday and a UTC time/ },
    sshPublicKey: { atLimits: [{ sshPublicKey: RSA_2048_KEY }, { sshPublicKey: ED25519_KEY }], refused: { sshPublicKey: RSA_1024_KEY }, says: /2048 bits or more/ },
    sshSourceCidr: { atLimits: [{ sshSourceCidr: "203.0.113.7/32" }, { sshSourceCidr: "0.0.0.0/0" }], refused: { sshSourceCidr: "203.0.113.7/24" }, says: /host bits zero/ },
    keepTypeAliases: flag("keepTypeAliases"),
    vaultLocation: { atLimits: [{ vaultLocation: "West Europe" }], refused: { vaultLocation: "northeurope" }, says: /the VMs' region "westeurope"/ },
    vaultProtect: flag("vaultProtect"),
    vaultSoftDelete: { atLimits: [{ vaultSoftDelete: "Enabled" }, { vaultSoftDelete: "AlwaysOn", vaultAllowIrreversibleSettings: "true" }], refused: { vaultSoftDelete: "Disabled" }, says: /cannot be turned off/ },
    vaultImmutability: { atLimits: [{ vaultImmutability: "Disabled" }, { vaultImmutability: "Unlocked" }, { vaultImmutability: "Locked", vaultAllowIrreversibleSettings: "true" }], refused: { vaultImmutability: "Locked" }, says: /"Locked" is irreversible/ },
    vaultAllowIrreversibleSettings: flag("vaultAllowIrreversibleSettings"),
    vaultPublicNetworkAccess: { atLimits: [{ vaultPublicNetworkAccess: "Enabled" }, { vaultPublicNetworkAccess: "Disabled" }], refused: { vaultPublicNetworkAccess: "Deny" }, says: /Enabled|Disabled/ },
    vaultLock: flag("vaultLock"),
    enrolment: { atLimits: [{ enrolment: "list" }, { enrolment: "policy" }], refused: { enrolment: "tag" }, says: /"list" .* or "policy"/ },
    fleetRegions: { atLimits: [{ ...POLICY, fleetRegions: '["westeurope","northeurope","swedencentral"]' }], refused: { ...POLICY, fleetRegions: '["westeurope","West Europe"]' }, says: /^fleetRegions\[1\]: must be each region once: .*; it repeats fleetRegions\[0\]; got "West Europe"$/ },
    fleetScope: { atLimits: [{ ...POLICY, fleetScope: `/subscriptions/${GUID}` }, { ...POLICY, fleetScope: GROUP }], refused: { ...POLICY, fleetScope: `/subscriptions/${GUID}/resourceGroups/sec/providers/Microsoft.Compute/virtualMachines/vm1` }, says: /a subscription id/ },
    logAnalyticsWorkspaceId: { atLimits: [{ logAnalyticsWorkspaceId: `${GROUP}/providers/Microsoft.OperationalInsights/workspaces/${"w".repeat(63)}` }], refused: { logAnalyticsWorkspaceId: `${GROUP}/providers/Microsoft.Insights/workspaces/logs` }, says: /Microsoft\.OperationalInsights\/workspaces/ },
    logAnalyticsWorkspace: { atLimits: [{ logAnalyticsWorkspace: "create" }], refused: { logAnalyticsWorkspace: "new" }, says: /create/ },
    backupPolicyType: { atLimits: [{ backupPolicyType: "Enhanced" }, { backupPolicyType: "Standard", appVmCount: "0" }], refused: { backupPolicyType: "Standard" }, says: /Trusted Launch/ },
    timeZone: { atLimits: [{ timeZone: "Dateline Standard Time" }, { timeZone: "Line Islands Standard Time" }], refused: { timeZone: "Europe/Berlin" }, says: /a Windows time zone id/ },
    backupFrequency: { atLimits: [{ backupFrequency: "Daily" }, { backupFrequency: "Hourly" }], refused: { backupFrequency: "Weekly" }, says: /Daily|Hourly/ },
    retentionDay: { atLimits: [{ weeklyRetentionWeeks: "1", retentionDay: "Saturday" }, { weeklyRetentionWeeks: "1", retentionDay: "Monday" }], refused: { weeklyRetentionWeeks: "1", retentionDay: "Sun" }, says: /Sunday/ },
    yearlyRetentionMonth: { atLimits: [{ yearlyRetentionYears: "1", yearlyRetentionMonth: "December" }, { yearlyRetentionYears: "1", yearlyRetentionMonth: "February" }], refused: { yearlyRetentionYears: "1", yearlyRetentionMonth: "Dec" }, says: /January/ },
    vaultCmkIdentityId: { atLimits: [{ vaultCmkKeyUri: KEY_URI, vaultCmkIdentityId: IDENTITY_ID }], refused: { vaultCmkKeyUri: KEY_URI, vaultCmkIdentityId: IDENTITY_ID.replace(GUID, "prod") }, says: /userAssignedIdentities/ },
    vaultInfrastructureEncryption: { atLimits: [{ vaultCmkKeyUri: KEY_URI, vaultInfrastructureEncryption: "true", vaultAllowIrreversibleSettings: "true" }, { vaultCmkKeyUri: KEY_URI, vaultInfrastructureEncryption: "false" }], refused: { vaultCmkKeyUri: KEY_URI, vaultInfrastructureEncryption: "yes" }, says: /true or false/ },
    resourceGuardId: { atLimits: [{ resourceGuardId: `${GROUP}/providers/Microsoft.DataProtection/resourceGuards/guard` }], refused: { resourceGuardId: `${GROUP}/providers/Microsoft.DataProtection/backupVaults/guard` }, says: /resourceGuards/ },
    crossSubscriptionRestore: { atLimits: [{ crossSubscriptionRestore: "Enabled" }, { crossSubscriptionRestore: "Disabled" }, { crossSubscriptionRestore: "PermanentlyDisabled", vaultAllowIrreversibleSettings: "true" }], refused: { crossSubscriptionRestore: "PermanentlyDisabled" }, says: /irreversible/ },
    instantRestoreResourceGroupSuffix: { atLimits: [{ instantRestoreResourceGroupPrefix: "rg-", instantRestoreResourceGroupSuffix: "-snap_(eu)" }], refused: { instantRestoreResourceGroupPrefix: "rg-", instantRestoreResourceGroupSuffix: "snap." }, says: /does not end with a period/ },
    fleetDefinition: { atLimits: [{ ...POLICY, fleetDefinition: "custom" }, { ...POLICY, fleetDefinition: "builtIn" }], refused: { ...POLICY, fleetDefinition: "builtin" }, says: /"custom"/ },
    vaultPrivateEndpoint: flag("vaultPrivateEndpoint"),
    vaultPrivateDnsZoneIds: { atLimits: [{ vaultPrivateEndpoint: "true", vaultPrivateDnsZoneIds: JSON.stringify(ZONES) }], refused: { vaultPrivateEndpoint: "true", vaultPrivateDnsZoneIds: JSON.stringify(ZONES.slice(0, 2)) }, says: /queue/ },
    restoreDrill: flag("restoreDrill"),
    restoreDrillSchedule: { atLimits: [{ ...DRILL, restoreDrillSchedule: "59 23 * * 6" }, { ...DRILL, restoreDrillSchedule: "0 0 1 * *" }], refused: { ...DRILL, restoreDrillSchedule: "60 3 * * 6" }, says: /0-59/ },
    restoreDrillVms: { atLimits: [{ ...DRILL, appVmCount: "2", restoreDrillVms: '["app-vm-1","app-vm-2"]' }], refused: { ...DRILL, appVmCount: "2", restoreDrillVms: '["app-vm-3"]' }, says: /app-vm-1, app-vm-2/ },
    restoreDrillSubnet: { atLimits: [{ ...DRILL, restoreDrillSubnet: "10.0.200.0/29" }], refused: { ...DRILL, restoreDrillSubnet: "10.0.200.0/30" }, says: /a \/29 or larger/ },
};

/** The keys Pulumi.yaml declares, as the errors name them. */
function pulumiYamlKeys(): string[] {
    const project = yaml.load(fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), "utf8")) as { config: Record<string, unknown> };
    return Object.keys(project.config);
}

/** The settings a row names: `a + b` names both. */
const namedSettings = (edge: Edge): string[] => (edge.via === "policy" ? [] : edge.setting.split(" + "));

describe("every setting of Pulumi.yaml: a good value at its limits and a refused one", () => {
    for (const [key, edges] of Object.entries(SETTINGS)) {
        it(`${key}: takes ${edges.atLimits.length > 1 ? "each value at its limits" : "the value at its limits"}, refuses the first past them`, () => {
            for (const config of edges.atLimits) {
                expect(refusal(config)?.message, JSON.stringify(config).slice(0, 200)).to.equal(undefined);
            }
            expectNamed(refusal(edges.refused), key, edges.says);
        });
    }

    it("covers every key Pulumi.yaml declares, in this table or in the rules' table", () => {
        const covered = new Set([...Object.keys(SETTINGS), ...RULES.flatMap(namedSettings)]);
        const keys = pulumiYamlKeys();
        expect(keys).to.include.members(["azure-native:location", "restoreDrillSubnet", "vaultCmkKeyUri"]);
        expect(keys.filter((key) => !covered.has(key)), "settings without a refused and a good-at-the-limits case").to.deep.equal([]);
        expect(Object.keys(SETTINGS).filter((key) => !keys.includes(key)), "rows for settings Pulumi.yaml does not declare").to.deep.equal([]);
    });
});
