import { Enrolment } from "./fleet";
import { SecurityRuleFields } from "./nsg";
import { ProtectedItemView, ResourceLike, VaultView, VmView } from "./resources";
import { VmSizeData } from "./vmSizes";
/** The outcome of one check. */
export interface Finding {
    pass: boolean;
    /** What was found, and on failure what is allowed. */
    why: string;
}
/**
 * The VM agent must be provisioned: Azure Backup's extension runs through it. Left unset,
 * `provisionVMAgent` is Azure's default, true; only an explicit false fails.
 */
export declare function vmAgentFinding(vm: VmView): Finding;
/** The VM's marketplace image must be one Azure Backup supports; custom images and attached disks are not judged. */
export declare function imageFinding(vm: VmView): Finding;
/**
 * The data disks within what Azure Backup protects (32 managed, 16 unmanaged) and what the VM's
 * size takes, by Azure's size data when given. `maxDataDisks` lowers the limit further.
 */
export declare function dataDiskFinding(vm: VmView, options?: {
    sizes?: VmSizeData;
    maxDataDisks?: number;
}): Finding;
/** The component type of this project's backup proxy: its VM is exempt wherever it is used. */
export declare const BACKUP_PROXY_TYPE = "backup-ready:index:BackupProxy";
/** The vault an item belongs to: by name (and resource group) when known, else by dependency. */
export declare function vaultOf(item: ProtectedItemView, vaults: readonly VaultView[]): VaultView | undefined;
/** The vault of one protected item must be in the stack and in the VM's region. */
export declare function vaultRegionFinding(vm: VmView, item: ProtectedItemView, vaults: readonly VaultView[]): Finding;
/**
 * An assignment's vault must be in the stack and in the region the assignment covers: the
 * definition deploys into the vault of its `backupPolicyId`, which "needs to be in a vault that is
 * present in the location chosen" (fleet.ts). Its line reads "enrolled by policy assignment X
 * (tag backup=daily) into vault Y in its region".
 */
export declare function enrolmentFinding(vm: VmView, enrolment: Enrolment, vaults: readonly VaultView[]): Finding;
/** A VM of the stack and what protects it. */
export interface VmProtection {
    vm: VmView;
    /** Its protected items, each with the finding on its vault's region. */
    items: Array<{
        item: ProtectedItemView;
        vaultRegion: Finding;
    }>;
    /** The policy assignment that enrols it, when no protected item names it. */
    enrolment?: Enrolment;
    /** Unprotected, exempt, enrolled (with the vault's finding), or protected (the items' findings then tell the rest). */
    finding: Finding;
}
/** Every VM of the stack with its protection; exempt VMs pass. */
export declare function vmProtection(resources: readonly ResourceLike[], exemptVmNames?: readonly string[]): VmProtection[];
/** The stack's VMs that are not protected, or protected by a vault outside their region: one message each, naming the VM. */
export declare function vmProtectionViolations(resources: readonly ResourceLike[], exemptVmNames: readonly string[]): Array<{
    urn: string;
    message: string;
}>;
/** Public addresses of an Azure service that any VM may reach, over TCP on the service's ports only. */
export interface PublicService {
    /** What the addresses are, for messages. */
    name: string;
    prefixes: readonly string[];
    /** Single ports, such as "443". */
    ports: readonly string[];
}
/** What the egress check needs: the proxy, the network, and the public services any VM may reach. */
export interface EgressConfig {
    /** The backup proxy's private IPv4 addresses: the only sources allowed out to the Internet. */
    proxyAddresses: readonly string[];
    vnetPrefixes: readonly string[];
    /** Azure's KMS and, given Azure's service tags file, the backup services' prefixes. */
    services: readonly PublicService[];
    /** Said when literal prefixes are refused and no service tags file was given. */
    backupServicesHint?: string;
}
/** A rule Azure refuses: listed once, by every check that reads the rule. */
export declare function refusedRuleFindings(rule: SecurityRuleFields, label: string): string[];
/**
 * No outbound Allow rule to the Internet (`Internet`, `*`, `0.0.0.0/0` or a public CIDR) unless
 * its every source is a proxy address. Not the Internet: the wire server 168.63.129.16, private
 * space, service tags, and the public services of the config on their terms.
 */
export declare function internetEgressViolations(rule: SecurityRuleFields, label: string, config: EgressConfig): string[];
/**
 * No inbound Allow rule admits anyone but the virtual network to the proxy port on a proxy
 * address; the load balancer's health probes (`AzureLoadBalancer`) must reach it too.
 */
export declare function proxyInboundViolations(rule: SecurityRuleFields, label: string, config: {
    proxyAddresses: readonly string[];
    proxyPort: number;
    vnetPrefixes: readonly string[];
}): string[];
/** A check of one security rule; `label` names the rule in messages. */
export type SecurityRuleCheck = (rule: SecurityRuleFields, label: string) => string[];
/**
 * Runs a rule check on every rule a resource declares: an NSG's inline `securityRules`, or a
 * `SecurityRule` resource itself. Inputs name them `networkSecurityGroupName` and
 * `securityRuleName`, outputs `name`; the Pulumi name stands in when neither is known.
 */
export declare function securityRulesViolations(resource: ResourceLike, check: SecurityRuleCheck): string[];
