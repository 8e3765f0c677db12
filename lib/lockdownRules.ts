/** The security rules of the lockdown NSG, as data. */
import { LOAD_BALANCER_SERVICE_TAG } from "../policy/rulebook/loadBalancer";
import { NsgRule } from "../policy/rulebook/nsg";

/** A rule as the project writes it: every field Azure evaluates, and a description. */
export interface SecurityRuleSpec extends NsgRule {
    description: string;
    protocol: "Tcp" | "Udp" | "*";
    sourcePortRange: string;
}

/** The platform's wire server: the agent, extensions and snapshots depend on it, never through a proxy. */
export const AZURE_PLATFORM_ADDRESS = "168.63.129.16";

/** The VM agent, extensions and snapshots talk to the host through the wire server, in both modes. */
export const ALLOW_AZURE_PLATFORM_RULE: SecurityRuleSpec = {
    name: "allow-azure-platform",
    description: "The VM agent, extensions and snapshots talk to the host through the wire server.",
    priority: 100,
    direction: "Outbound",
    access: "Allow",
    protocol: "*",
    sourceAddressPrefix: "*",
    sourcePortRange: "*",
    destinationAddressPrefix: `${AZURE_PLATFORM_ADDRESS}/32`,
    destinationPortRange: "*",
};

/** The lowest-priority rule of the lockdown: nothing else leaves for the Internet. */
export const DENY_INTERNET_OUTBOUND_RULE: SecurityRuleSpec = {
    name: "deny-internet-outbound",
    description: "No other traffic leaves for the Internet.",
    priority: 4096,
    direction: "Outbound",
    access: "Deny",
    protocol: "*",
    sourceAddressPrefix: "*",
    sourcePortRange: "*",
    destinationAddressPrefix: "Internet",
    destinationPortRange: "*",
};

/** Azure's Key Management Service for Windows (azkms.core.windows.net): Windows VMs activate through it. */
export const WINDOWS_ACTIVATION_ADDRESSES = ["20.118.99.224/32", "40.83.235.53/32"];

/** Windows VMs keep activating behind the lockdown: their KMS is on the Internet, on port 1688. */
export function windowsActivationRule(clientAddressPrefixes: string[]): SecurityRuleSpec {
    return {
        name: "allow-windows-activation",
        description: "Windows VMs activate against Azure's KMS (azkms.core.windows.net).",
        priority: 110,
        direction: "Outbound",
        access: "Allow",
        protocol: "Tcp",
        sourceAddressPrefixes: clientAddressPrefixes,
        sourcePortRange: "*",
        destinationAddressPrefixes: WINDOWS_ACTIVATION_ADDRESSES,
        destinationPortRange: "1688",
    };
}

/** One address as a rule's single prefix, several as its list: a single proxy's rules stay as they always were. */
function hosts(addresses: string[], field: "source" | "destination"): Partial<Pick<NsgRule, "sourceAddressPrefix" | "sourceAddressPrefixes" | "destinationAddressPrefix" | "destinationAddressPrefixes">> {
    const prefixes = addresses.map((address) => `${address}/32`);
    return prefixes.length === 1 ? { [`${field}AddressPrefix`]: prefixes[0] } : { [`${field}AddressPrefixes`]: prefixes };
}

/**
 * The source document's rule, field for field (`Set-AzureNetworkSecurityRule -Name "allow-proxy" ...`);
 * behind a load balancer its source is every proxy's own address, from which each goes out.
 */
export function documentAllowProxyRule(proxyIp: string, backendIps: string[] = [proxyIp]): SecurityRuleSpec {
    return {
        name: "allow-proxy",
        description: "The backup proxy may reach the Internet on HTTP and HTTPS.",
        priority: 200,
        direction: "Outbound",
        access: "Allow",
        protocol: "Tcp",
        ...hosts(backendIps, "source"),
        sourcePortRange: "*",
        destinationAddressPrefix: "Internet",
        destinationPortRange: "80-443",
    };
}

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
export function lockdownRules(input: LockdownRulesInput): SecurityRuleSpec[] {
    const proxy = `${input.proxyIp}/32`;
    const backendIps = input.backendIps ?? [input.proxyIp];
    const rules: SecurityRuleSpec[] = [
        ALLOW_AZURE_PLATFORM_RULE,
        documentAllowProxyRule(input.proxyIp, backendIps),
        {
            name: "allow-clients-to-proxy",
            description: "App VMs reach Azure Storage only through the backup proxy.",
            priority: 210,
            direction: "Outbound",
            access: "Allow",
            protocol: "Tcp",
            sourceAddressPrefixes: input.clientAddressPrefixes,
            sourcePortRange: "*",
            destinationAddressPrefix: proxy,
            destinationPortRange: String(input.proxyPort),
        },
        DENY_INTERNET_OUTBOUND_RULE,
        {
            name: "allow-clients-to-proxy-inbound",
            description: "The proxy port admits the virtual network's clients.",
            priority: 200,
            direction: "Inbound",
            access: "Allow",
            protocol: "Tcp",
            sourceAddressPrefixes: input.clientAddressPrefixes,
            sourcePortRange: "*",
            ...hosts(backendIps, "destination"),
            destinationPortRange: String(input.proxyPort),
        },
        {
            name: "deny-proxy-port-inbound",
            description: "Nobody else reaches the proxy port: no open proxy.",
            priority: 4000,
            direction: "Inbound",
            access: "Deny",
            protocol: "*",
            sourceAddressPrefix: "*",
            sourcePortRange: "*",
            ...hosts(backendIps, "destination"),
            destinationPortRange: String(input.proxyPort),
        },
    ];
    if (input.backendIps !== undefined) {
        // Health probes come from 168.63.129.16 (policy/rulebook/loadBalancer.ts); deny-proxy-port-inbound would stop them.
        rules.push({
            name: "allow-load-balancer-probe",
            description: "The load balancer's health probes reach every proxy's port.",
            priority: 220,
            direction: "Inbound",
            access: "Allow",
            protocol: "Tcp",
            sourceAddressPrefix: LOAD_BALANCER_SERVICE_TAG,
            sourcePortRange: "*",
            ...hosts(backendIps, "destination"),
            destinationPortRange: String(input.proxyPort),
        });
    }
    if (input.sshSourceCidr !== undefined) {
        rules.push({
            name: "allow-ssh-to-proxy",
            description: "Administrators may SSH to the proxy from the range they named.",
            priority: 300,
            direction: "Inbound",
            access: "Allow",
            protocol: "Tcp",
            sourceAddressPrefix: input.sshSourceCidr,
            sourcePortRange: "*",
            ...hosts(backendIps, "destination"),
            destinationPortRange: "22",
        });
    }
    return rules;
}

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
export function backupServiceDestinations(region: string): ServiceDestination[] {
    return [
        { service: "Storage", serviceTag: `Storage.${region}`, ports: ["443", "8443"] },
        { service: "AzureBackup", serviceTag: "AzureBackup", ports: ["443"] },
        { service: "AzureActiveDirectory", serviceTag: "AzureActiveDirectory", ports: ["443"] },
    ];
}

export interface AllowListRulesInput {
    /** Address prefixes of the VMs the rules let out: the virtual network's address space. */
    clientAddressPrefixes: string[];
    destinations: ServiceDestination[];
}

/**
 * The document's first option, done the way that works today: HTTPS to the Azure services the
 * backup needs, by service tag or literal prefixes, the wire server, and no other Internet egress.
 */
export function allowListRules(input: AllowListRulesInput): SecurityRuleSpec[] {
    const services = input.destinations.map((destination, i): SecurityRuleSpec => ({
        name: `allow-${destination.serviceTag.replace(/\./g, "-").toLowerCase()}`,
        description: `The VMs reach ${destination.serviceTag} over HTTPS.`,
        priority: 200 + 10 * i,
        direction: "Outbound",
        access: "Allow",
        protocol: "Tcp",
        sourceAddressPrefixes: input.clientAddressPrefixes,
        sourcePortRange: "*",
        ...(destination.addressPrefixes ? { destinationAddressPrefixes: destination.addressPrefixes } : { destinationAddressPrefix: destination.serviceTag }),
        destinationPortRanges: destination.ports,
    }));
    return [ALLOW_AZURE_PLATFORM_RULE, ...services, DENY_INTERNET_OUTBOUND_RULE];
}
