import { NsgRule } from "../policy/rulebook/nsg";
/** A rule as the project writes it: every field Azure evaluates, and a description. */
export interface SecurityRuleSpec extends NsgRule {
    description: string;
    protocol: "Tcp" | "Udp" | "*";
    sourcePortRange: string;
}
/** The platform's wire server: the agent, extensions and snapshots depend on it, never through a proxy. */
export declare const AZURE_PLATFORM_ADDRESS = "168.63.129.16";
/** The VM agent, extensions and snapshots talk to the host through the wire server, in both modes. */
export declare const ALLOW_AZURE_PLATFORM_RULE: SecurityRuleSpec;
/** The lowest-priority rule of the lockdown: nothing else leaves for the Internet. */
export declare const DENY_INTERNET_OUTBOUND_RULE: SecurityRuleSpec;
/** Azure's Key Management Service for Windows (azkms.core.windows.net): Windows VMs activate through it. */
export declare const WINDOWS_ACTIVATION_ADDRESSES: string[];
/** Windows VMs keep activating behind the lockdown: their KMS is on the Internet, on port 1688. */
export declare function windowsActivationRule(clientAddressPrefixes: string[]): SecurityRuleSpec;
/**
 * The source document's rule, field for field (`Set-AzureNetworkSecurityRule -Name "allow-proxy" ...`);
 * behind a load balancer its source is every proxy's own address, from which each goes out.
 */
export declare function documentAllowProxyRule(proxyIp: string, backendIps?: string[]): SecurityRuleSpec;
export interface LockdownRulesInput {
    proxyIp: string;
    proxyPort: number;
    /** Address prefixes that may use the proxy (the app subnets, or the whole virtual network). */
    clientAddressPrefixes: string[];
    /** Where administrators may SSH to the proxy from; no SSH rule when absent. */
    sshSourceCidr?: string;
    /**
     * The proxies' own addresses when a load balancer's frontend holds `proxyIp`: inbound rules
     * then name them (the balancer hands flows on to them) and admit its health probes.
     */
    backendIps?: string[];
}
/**
 * Everything the proxy topology needs: the wire server, the document's `allow-proxy`, clients to
 * the proxy port and no other Internet egress; inbound, the proxy port from the clients only.
 */
export declare function lockdownRules(input: LockdownRulesInput): SecurityRuleSpec[];
/** An Azure service the backup extension and the agent need, as its NSG service tag. */
export interface ServiceDestination {
    /** `Storage`, `AzureBackup` or `AzureActiveDirectory`. */
    service: string;
    /** The service tag, e.g. `Storage.westeurope`; it names the rule. */
    serviceTag: string;
    /** HTTPS, and 8443 where managed-disk endpoints need it. */
    ports: string[];
    /** Literal prefixes to use instead of the tag, for firewalls that need them. */
    addressPrefixes?: string[];
}
/** The services of the allow-list option: regional storage, Azure Backup and Microsoft Entra ID. */
export declare function backupServiceDestinations(region: string): ServiceDestination[];
export interface AllowListRulesInput {
    /** Address prefixes of the VMs the rules let out: the virtual network's address space. */
    clientAddressPrefixes: string[];
    destinations: ServiceDestination[];
}
/**
 * The document's first option, done the way that works today: HTTPS to the Azure services the
 * backup needs, by service tag or literal prefixes, the wire server, and no other Internet egress.
 */
export declare function allowListRules(input: AllowListRulesInput): SecurityRuleSpec[];
