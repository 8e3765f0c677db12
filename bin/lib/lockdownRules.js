"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WINDOWS_ACTIVATION_ADDRESSES = exports.DENY_INTERNET_OUTBOUND_RULE = exports.ALLOW_AZURE_PLATFORM_RULE = exports.AZURE_PLATFORM_ADDRESS = void 0;
exports.windowsActivationRule = windowsActivationRule;
exports.documentAllowProxyRule = documentAllowProxyRule;
exports.lockdownRules = lockdownRules;
exports.backupServiceDestinations = backupServiceDestinations;
exports.allowListRules = allowListRules;
/** The security rules of the lockdown NSG, as data. */
const loadBalancer_1 = require("../policy/rulebook/loadBalancer");
/** The platform's wire server: the agent, extensions and snapshots depend on it, never through a proxy. */
exports.AZURE_PLATFORM_ADDRESS = "168.63.129.16";
/** The VM agent, extensions and snapshots talk to the host through the wire server, in both modes. */
exports.ALLOW_AZURE_PLATFORM_RULE = {
    name: "allow-azure-platform",
    description: "The VM agent, extensions and snapshots talk to the host through the wire server.",
    priority: 100,
    direction: "Outbound",
    access: "Allow",
    protocol: "*",
    sourceAddressPrefix: "*",
    sourcePortRange: "*",
    destinationAddressPrefix: `${exports.AZURE_PLATFORM_ADDRESS}/32`,
    destinationPortRange: "*",
};
/** The lowest-priority rule of the lockdown: nothing else leaves for the Internet. */
exports.DENY_INTERNET_OUTBOUND_RULE = {
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
exports.WINDOWS_ACTIVATION_ADDRESSES = ["20.118.99.224/32", "40.83.235.53/32"];
/** Windows VMs keep activating behind the lockdown: their KMS is on the Internet, on port 1688. */
function windowsActivationRule(clientAddressPrefixes) {
    return {
        name: "allow-windows-activation",
        description: "Windows VMs activate against Azure's KMS (azkms.core.windows.net).",
        priority: 110,
        direction: "Outbound",
        access: "Allow",
        protocol: "Tcp",
        sourceAddressPrefixes: clientAddressPrefixes,
        sourcePortRange: "*",
        destinationAddressPrefixes: exports.WINDOWS_ACTIVATION_ADDRESSES,
        destinationPortRange: "1688",
    };
}
/** One address as a rule's single prefix, several as its list: a single proxy's rules stay as they always were. */
function hosts(addresses, field) {
    const prefixes = addresses.map((address) => `${address}/32`);
    return prefixes.length === 1 ? { [`${field}AddressPrefix`]: prefixes[0] } : { [`${field}AddressPrefixes`]: prefixes };
}
/**
 * The source document's rule, field for field (`Set-AzureNetworkSecurityRule -Name "allow-proxy" ...`);
 * behind a load balancer its source is every proxy's own address, from which each goes out.
 */
function documentAllowProxyRule(proxyIp, backendIps = [proxyIp]) {
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
/**
 * Everything the proxy topology needs: the wire server, the document's `allow-proxy`, clients to
 * the proxy port and no other Internet egress; inbound, the proxy port from the clients only.
 */
function lockdownRules(input) {
    const proxy = `${input.proxyIp}/32`;
    const backendIps = input.backendIps ?? [input.proxyIp];
    const rules = [
        exports.ALLOW_AZURE_PLATFORM_RULE,
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
        exports.DENY_INTERNET_OUTBOUND_RULE,
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
            sourceAddressPrefix: loadBalancer_1.LOAD_BALANCER_SERVICE_TAG,
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
/** The services of the allow-list option: regional storage, Azure Backup and Microsoft Entra ID. */
function backupServiceDestinations(region) {
    return [
        { service: "Storage", serviceTag: `Storage.${region}`, ports: ["443", "8443"] },
        { service: "AzureBackup", serviceTag: "AzureBackup", ports: ["443"] },
        { service: "AzureActiveDirectory", serviceTag: "AzureActiveDirectory", ports: ["443"] },
    ];
}
/**
 * The document's first option, done the way that works today: HTTPS to the Azure services the
 * backup needs, by service tag or literal prefixes, the wire server, and no other Internet egress.
 */
function allowListRules(input) {
    const services = input.destinations.map((destination, i) => ({
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
    return [exports.ALLOW_AZURE_PLATFORM_RULE, ...services, exports.DENY_INTERNET_OUTBOUND_RULE];
}
