/**
 * The backup-ready rules as plain functions: they take resources as plain data (type, name, the
 * azure-native inputs) and return what is wrong with them, in words that name the resource and
 * say what is allowed. No Pulumi here; `policies.ts` adapts them to CrossGuard.
 */
import { RESOURCE_TYPES, tryParseResourceId } from "../lib/armIds";
import { parseProtectedItemName, VmReference } from "../lib/backupNames";
import { blockSize, Cidr, containsCidr, parseIp } from "../lib/cidr";
import { portRangeContains, prefixContains } from "../lib/nsgEvaluation";
import { backupServiceDestinations, WINDOWS_ACTIVATION_ADDRESSES, windowsActivationRule } from "../lib/rules";
import { BACKUP_SERVICE_TAGS, prefixesForRegion, ServiceTagFile } from "../lib/serviceTagPrefixes";
import { ImageReference, isSupportedImage, normalizeRegion } from "../lib/validation";

export const VM_TYPE = "azure-native:compute:VirtualMachine";
export const VAULT_TYPE = "azure-native:recoveryservices:Vault";
export const PROTECTED_ITEM_TYPE = "azure-native:recoveryservices:ProtectedItem";
export const NSG_TYPE = "azure-native:network:NetworkSecurityGroup";
export const SECURITY_RULE_TYPE = "azure-native:network:SecurityRule";

/** A resource as the rules see it. During preview, values not known yet are absent. */
export interface ResourceLike {
    type: string;
    /** The Pulumi resource name. */
    name: string;
    urn: string;
    /** The resource's inputs, as azure-native takes them. */
    props: Record<string, unknown>;
    /** URNs of the resources this one depends on. */
    dependencies?: string[];
}

/** A violation of a rule that looks at the whole stack, reported against one resource. */
export interface StackViolation {
    urn: string;
    message: string;
}

// ---- Configuration ----

/** What a stack may choose; each policy reads the part it needs. */
export interface RulesConfig {
    /** The backup proxy's private IPv4 addresses: the only sources allowed out to the Internet. */
    proxyAddresses: string[];
    /** The port the proxy listens on. */
    proxyPort: number;
    /** The virtual network's address prefixes: the only sources allowed to reach the proxy port. */
    vnetPrefixes: string[];
    /** Data disks per VM on managed disks. */
    maxDataDisks: number;
    /** Names of VMs that hold no data and need no backup (Azure `vmName` or Pulumi resource name). */
    exemptVmNames: string[];
    /**
     * Azure's service tags file (`ServiceTags_Public_YYYYMMDD.json`): with it, the prefixes of the
     * backup services' tags for `region` are Azure, not the Internet (the project's
     * `connectivity=serviceTags` with `ipRangesFile`). Absolute, or relative to the policy pack.
     */
    ipRangesFile?: string;
    /** The region whose `Storage.<region>` (and `AzureBackup.<region>`) prefixes `ipRangesFile` allows. */
    region?: string;
}

/** Azure Backup protects VMs with up to 32 managed data disks (the 2017 document said 16, for classic VMs). */
export const MAX_MANAGED_DATA_DISKS = 32;
/** Azure Backup protects VMs on unmanaged disks (a `vhd`) with up to 16 data disks. */
export const MAX_UNMANAGED_DATA_DISKS = 16;

/** The reference environment's layout, so that `pulumi preview --policy-pack policy` passes it without configuration. */
export const DEFAULT_CONFIG: RulesConfig = {
    proxyAddresses: ["10.0.0.5"],
    proxyPort: 3128,
    vnetPrefixes: ["10.0.0.0/16"],
    maxDataDisks: MAX_MANAGED_DATA_DISKS,
    exemptVmNames: ["backup-proxy"],
};

// ---- Reading inputs ----

/** The value when it is an array, otherwise none. */
function list<T>(value: T[] | undefined): T[] {
    return Array.isArray(value) ? value : [];
}

/** Equal as Azure compares names: ignoring case. */
function sameName(a: string, b: string): boolean {
    return a.toLowerCase() === b.toLowerCase();
}

function isText(value: unknown): value is string {
    return typeof value === "string" && value !== "";
}

// ---- VMs: agent, data disks, image ----

interface OsConfiguration {
    provisionVMAgent?: boolean;
}

interface Disk {
    vhd?: { uri?: string };
}


/** The inputs of `azure-native:compute:VirtualMachine` the rules read. */
export interface VmProps {
    vmName?: string;
    location?: string;
    resourceGroupName?: string;
    osProfile?: { linuxConfiguration?: OsConfiguration; windowsConfiguration?: OsConfiguration };
    storageProfile?: { imageReference?: Partial<ImageReference>; osDisk?: Disk; dataDisks?: Disk[] };
}

/** How a VM is named in messages: its Azure name, or its Pulumi name when that is not known. */
export function vmLabel(vm: ResourceLike): string {
    const vmName = (vm.props as VmProps).vmName;
    return isText(vmName) ? `VM "${vmName}"` : `VM "${vm.name}" (Pulumi name)`;
}

/**
 * The VM agent must be provisioned: Azure Backup's extension runs through it. `provisionVMAgent`
 * absent is Azure's default, true; only an explicit false is a violation.
 */
export function vmAgentViolations(vm: ResourceLike): string[] {
    const osProfile = (vm.props as VmProps).osProfile ?? {};
    return (["linuxConfiguration", "windowsConfiguration"] as const)
        .filter((key) => osProfile[key]?.provisionVMAgent === false)
        .map(
            (key) =>
                `${vmLabel(vm)} sets osProfile.${key}.provisionVMAgent to false; Azure Backup needs the VM agent: set it to true (or leave it unset, Azure's default)`,
        );
}

/** Up to 32 data disks on managed disks, 16 when the VM uses unmanaged disks (a `vhd`), never more than `maxDataDisks`. */
export function dataDiskViolations(vm: ResourceLike, maxDataDisks: number): string[] {
    const storage = (vm.props as VmProps).storageProfile ?? {};
    const dataDisks = list(storage.dataDisks);
    const unmanaged = [storage.osDisk, ...dataDisks].some((disk) => disk?.vhd !== undefined);
    const limit = unmanaged ? Math.min(maxDataDisks, MAX_UNMANAGED_DATA_DISKS) : maxDataDisks;
    if (dataDisks.length <= limit) {
        return [];
    }
    const kind = unmanaged ? "unmanaged (vhd)" : "managed";
    return [`${vmLabel(vm)} has ${dataDisks.length} data disks; Azure Backup protects VMs with up to ${limit} ${kind} data disks`];
}

/** The VM's marketplace image must be one Azure Backup supports; custom images and attached disks are not judged. */
export function imageViolations(vm: ResourceLike): string[] {
    const image = (vm.props as VmProps).storageProfile?.imageReference;
    if (image === undefined || isSupportedImage(image)) {
        return [];
    }
    const urn = [image.publisher, image.offer, image.sku, image.version ?? "latest"].join(":");
    return [
        `${vmLabel(vm)} uses image ${urn}; Azure Backup supports Azure-endorsed Linux distributions other than CoreOS and Flatcar, and Windows Server 2008 R2 or newer`,
    ];
}

// ---- Network security rules ----

/** A security rule as azure-native takes it, inline in an NSG's `securityRules` or as a `SecurityRule` resource. */
export interface SecurityRuleProps {
    name?: string;
    securityRuleName?: string;
    direction?: string;
    access?: string;
    protocol?: string;
    sourceAddressPrefix?: string;
    sourceAddressPrefixes?: string[];
    destinationAddressPrefix?: string;
    destinationAddressPrefixes?: string[];
    destinationPortRange?: string;
    destinationPortRanges?: string[];
}

/** A rule's prefixes or ranges: the list when it has one, else the single value; absent means `*`, as Azure evaluates it. */
function oneOrMany(many: string[] | undefined, one: string | undefined): string[] {
    const values = list(many);
    return values.length > 0 ? values : [one ?? "*"];
}

function sourcesOf(rule: SecurityRuleProps): string[] {
    return oneOrMany(rule.sourceAddressPrefixes, rule.sourceAddressPrefix);
}

function destinationsOf(rule: SecurityRuleProps): string[] {
    return oneOrMany(rule.destinationAddressPrefixes, rule.destinationAddressPrefix);
}

function portsOf(rule: SecurityRuleProps): string[] {
    return oneOrMany(rule.destinationPortRanges, rule.destinationPortRange);
}

/** Parses an IPv4 address or CIDR, host bits allowed (Azure masks them); undefined for anything else. */
export function ipv4Block(prefix: string): Cidr | undefined {
    const [address, length = "32", ...rest] = prefix.split("/");
    const ip = parseIp(address);
    if (ip === undefined || rest.length > 0 || !/^(?:[12]?\d|3[0-2])$/.test(length)) {
        return undefined;
    }
    const prefixLength = Number(length);
    return { network: ip - (ip % blockSize(prefixLength)), prefixLength };
}

/** The IPv4 blocks among prefixes; tags and anything else left out. */
function ipv4Blocks(prefixes: readonly string[]): Cidr[] {
    return prefixes.map(ipv4Block).filter((block): block is Cidr => block !== undefined);
}

/** Prefixes that never reach the Internet: private, shared and link-local space, loopback, and the platform's wire server. */
const NON_INTERNET_BLOCKS = ipv4Blocks(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16", "127.0.0.0/8", "168.63.129.16/32"]);
/** Tags and wildcards that include the Internet. */
const INTERNET_TAGS = ["internet", "*", "any"];
/** A service tag such as `AzureBackup`, `Storage.westeurope` or `VirtualNetwork`: Azure's own ranges, not the open Internet. */
const SERVICE_TAG = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)?$/;
/** A unique local IPv6 prefix (fc00::/7): a four-digit first group starting fc or fd, and a prefix length of 7 or more. */
const IPV6_UNIQUE_LOCAL = /^f[cd][0-9a-f]{2}:[0-9a-f:]*\/(?:[7-9]|\d{2,3})$/i;

/** Whether a destination prefix reaches the Internet: `Internet`, `*`, or addresses outside private space and the virtual network. */
export function reachesInternet(prefix: string, vnetPrefixes: string[]): boolean {
    if (INTERNET_TAGS.includes(prefix.toLowerCase())) {
        return true;
    }
    const block = ipv4Block(prefix);
    if (block !== undefined) {
        const internal = [...NON_INTERNET_BLOCKS, ...ipv4Blocks(vnetPrefixes)];
        return !internal.some((range) => containsCidr(range, block));
    }
    if (prefix.includes(":")) {
        return !IPV6_UNIQUE_LOCAL.test(prefix);
    }
    return !SERVICE_TAG.test(prefix);
}

/** Whether a source prefix is one of the proxy's addresses, written as `a.b.c.d` or `a.b.c.d/32`. */
function isProxySource(prefix: string, proxyAddresses: string[]): boolean {
    return proxyAddresses.some((address) => prefix === address || prefix === `${address}/32`);
}

/** Whether a source prefix lies inside the virtual network: the `VirtualNetwork` tag or a CIDR inside one of its prefixes. */
function isVnetSource(prefix: string, vnetPrefixes: string[]): boolean {
    const block = ipv4Block(prefix);
    return sameName(prefix, "VirtualNetwork") || (block !== undefined && ipv4Blocks(vnetPrefixes).some((vnet) => containsCidr(vnet, block)));
}

function isAllow(rule: SecurityRuleProps, direction: "Inbound" | "Outbound"): boolean {
    return isText(rule.access) && sameName(rule.access, "Allow") && isText(rule.direction) && sameName(rule.direction, direction);
}

// ---- Public addresses that are Azure services, not the open Internet ----

/** Public addresses of an Azure service that any VM may reach, over TCP on the service's ports only. */
export interface PublicService {
    /** What the addresses are, for messages. */
    name: string;
    blocks: Cidr[];
    /** Single ports, such as "443". */
    ports: string[];
}

/** Azure's KMS, on the addresses and port of the project's own `allow-windows-activation` rule. */
export const WINDOWS_ACTIVATION: PublicService = {
    name: "Azure's KMS (Windows activation)",
    blocks: ipv4Blocks(WINDOWS_ACTIVATION_ADDRESSES),
    ports: portsOf(windowsActivationRule([])),
};

/**
 * The backup services' tags for the region in Azure's service tags file (the region's storage,
 * Azure Backup, Microsoft Entra ID), each on the ports the project opens to it: HTTPS, and 8443
 * for storage.
 */
export function backupServices(file: ServiceTagFile, region: string): PublicService[] {
    const destinations = backupServiceDestinations(region);
    return prefixesForRegion(file, region).map(({ service, tag, prefixes }) => ({
        name: tag,
        blocks: ipv4Blocks(prefixes),
        ports: destinations.find((destination) => destination.service === service)?.ports ?? [],
    }));
}

/** Whether a destination prefix lies inside the service's addresses. */
function isWithin(service: PublicService, prefix: string): boolean {
    const block = ipv4Block(prefix);
    return block !== undefined && service.blocks.some((range) => containsCidr(range, block));
}

/** Whether every port of a rule's range ("443", "400-500"; never "*") is one of the given single ports. */
function portRangeWithin(range: string, ports: string[]): boolean {
    const [low, high = low] = range.split("-").map(Number);
    const inside = new Set(ports.map(Number).filter((port) => port >= low && port <= high));
    return Number.isInteger(low) && Number.isInteger(high) && inside.size === high - low + 1;
}

/** Whether a rule's traffic keeps to the service's terms: TCP, to its ports only. */
function onServiceTerms(rule: SecurityRuleProps, service: PublicService): boolean {
    return isText(rule.protocol) && sameName(rule.protocol, "Tcp") && portsOf(rule).every((range) => portRangeWithin(range, service.ports));
}

/** Whether the rule may reach a destination prefix as one of the services. */
function isServiceTraffic(rule: SecurityRuleProps, prefix: string, services: PublicService[]): boolean {
    return services.some((service) => isWithin(service, prefix) && onServiceTerms(rule, service));
}

const BACKUP_SERVICE_NAMES = BACKUP_SERVICE_TAGS.map((tag) => tag.service).join(", ");

/**
 * What would make the rejected destinations acceptable: the terms of a service they belong to,
 * or, for other addresses, the service tags file they may come from.
 */
function egressHints(outside: string[], services: PublicService[], backupServicesGiven: PublicService[] | undefined): string {
    const terms = services
        .filter((service) => outside.some((prefix) => isWithin(service, prefix)))
        .map((service) => `; ${service.name} is allowed over TCP ${service.ports.join(", ")} only`);
    const unknown = outside.some((prefix) => ipv4Block(prefix) !== undefined && !services.some((service) => isWithin(service, prefix)));
    if (!unknown) {
        return terms.join("");
    }
    const file =
        backupServicesGiven === undefined
            ? `; if they are ${BACKUP_SERVICE_NAMES} prefixes from Azure's service tags file (connectivity=serviceTags with ipRangesFile), set this policy's ipRangesFile and region to that file and the stack's region`
            : `; they are not in ${backupServicesGiven.map((service) => service.name).join(", ")} of this policy's ipRangesFile`;
    return terms.join("") + file;
}

// ---- Network security rules: the checks ----

/** What the Internet egress rule needs: the proxy and network, and the backup services when the policy has a service tags file. */
export interface EgressConfig extends Pick<RulesConfig, "proxyAddresses" | "vnetPrefixes"> {
    /** The backup services of the policy's `ipRangesFile` (see {@link backupServices}); absent without one. */
    backupServices?: PublicService[];
}

/**
 * No outbound Allow rule to the Internet (`Internet`, `*`, `0.0.0.0/0` or a public CIDR) unless
 * its every source is a proxy address. Not the Internet: the wire server 168.63.129.16, service
 * tags, Azure's KMS over TCP 1688, and, given the service tags file, the backup services'
 * prefixes over TCP 443 (and 8443 for storage).
 */
export function internetEgressViolations(rule: SecurityRuleProps, label: string, config: EgressConfig): string[] {
    const sources = sourcesOf(rule);
    if (!isAllow(rule, "Outbound") || sources.every((prefix) => isProxySource(prefix, config.proxyAddresses))) {
        return [];
    }
    const services = [WINDOWS_ACTIVATION, ...(config.backupServices ?? [])];
    const outside = destinationsOf(rule).filter((prefix) => reachesInternet(prefix, config.vnetPrefixes) && !isServiceTraffic(rule, prefix, services));
    if (outside.length === 0) {
        return [];
    }
    const proxies = config.proxyAddresses.map((address) => `${address}/32`).join(", ") || "(none configured)";
    const hints = egressHints(outside, services, config.backupServices);
    return [
        `${label} allows outbound traffic from ${sources.join(", ")} to ${outside.join(", ")}; only the backup proxy (${proxies}) may reach the Internet${hints}`,
    ];
}

/** No inbound Allow rule admits anyone but the virtual network to the proxy port on a proxy address. */
export function proxyInboundViolations(rule: SecurityRuleProps, label: string, config: Pick<RulesConfig, "proxyAddresses" | "proxyPort" | "vnetPrefixes">): string[] {
    const tcp = !isText(rule.protocol) || rule.protocol === "*" || sameName(rule.protocol, "Tcp");
    const toProxyPort = portsOf(rule).some((range) => portRangeContains(range, config.proxyPort));
    const toProxy = destinationsOf(rule).some((prefix) => config.proxyAddresses.some((address) => prefixContains(prefix, address, config.vnetPrefixes)));
    if (!isAllow(rule, "Inbound") || !tcp || !toProxyPort || !toProxy) {
        return [];
    }
    const outsiders = sourcesOf(rule).filter((prefix) => !isVnetSource(prefix, config.vnetPrefixes));
    if (outsiders.length === 0) {
        return [];
    }
    return [
        `${label} admits ${outsiders.join(", ")} to the proxy port ${config.proxyPort}; only the virtual network (VirtualNetwork, ${config.vnetPrefixes.join(", ")}) may reach the proxy`,
    ];
}

/** A check of one security rule; `label` names the rule in messages. */
export type SecurityRuleCheck = (rule: SecurityRuleProps, label: string) => string[];

/**
 * Runs a rule check on every rule a resource declares: an NSG's inline `securityRules`, or a
 * `SecurityRule` resource itself (named by `securityRuleName`; its NSG's name is often not known
 * before the NSG exists, and Pulumi reports the resource anyway).
 */
export function securityRulesViolations(resource: ResourceLike, check: SecurityRuleCheck): string[] {
    if (resource.type === NSG_TYPE) {
        const props = resource.props as { networkSecurityGroupName?: string; securityRules?: SecurityRuleProps[] };
        const nsgName = props.networkSecurityGroupName ?? resource.name;
        return list(props.securityRules).flatMap((rule) => check(rule, `security rule "${rule.name ?? "(unnamed)"}" of NSG "${nsgName}"`));
    }
    if (resource.type === SECURITY_RULE_TYPE) {
        const props = resource.props as SecurityRuleProps;
        return check(props, `security rule "${props.securityRuleName ?? resource.name}"`);
    }
    return [];
}

// ---- Backup protection, across the stack ----

/** The inputs of `azure-native:recoveryservices:ProtectedItem` the rules read. */
interface ProtectedItemProps {
    vaultName?: string;
    resourceGroupName?: string;
    protectedItemName?: string;
    properties?: { sourceResourceId?: string };
}

/** The inputs of `azure-native:recoveryservices:Vault` the rules read. */
interface VaultProps {
    vaultName?: string;
    resourceGroupName?: string;
    location?: string;
}

/** A VM by resource group and name, as an item or an id names it. */
/** The VMs a protected item names by `properties.sourceResourceId` and `protectedItemName`, where those are known. */
function namedVms(item: ProtectedItemProps): VmReference[] {
    const byId = tryParseResourceId(item.properties?.sourceResourceId ?? "", RESOURCE_TYPES.virtualMachine);
    const references = [
        byId && { resourceGroupName: byId.resourceGroupName, vmName: byId.names[0] },
        parseProtectedItemName(item.protectedItemName ?? ""),
    ];
    return references.filter((reference): reference is VmReference => reference !== undefined);
}

/** Whether a reference names the VM: same name, and same resource group when the VM's is known. */
function refersTo(reference: VmReference, vm: VmProps): boolean {
    const group = vm.resourceGroupName;
    return isText(vm.vmName) && sameName(reference.vmName, vm.vmName) && (!isText(group) || sameName(reference.resourceGroupName, group));
}

/**
 * Whether the item protects the VM: it names it, or, during a preview where its names are not
 * known yet, its inputs depend on the VM.
 */
function protects(item: ResourceLike, vm: ResourceLike): boolean {
    const references = namedVms(item.props as ProtectedItemProps);
    if (references.length > 0) {
        return references.some((reference) => refersTo(reference, vm.props as VmProps));
    }
    return (item.dependencies ?? []).includes(vm.urn);
}

/** The vault an item belongs to: by `vaultName` (and resource group) when known, else by dependency. */
function vaultOf(item: ResourceLike, vaults: ResourceLike[]): ResourceLike | undefined {
    const { vaultName, resourceGroupName } = item.props as ProtectedItemProps;
    if (isText(vaultName)) {
        return vaults.find((vault) => {
            const props = vault.props as VaultProps;
            const sameGroup = !isText(resourceGroupName) || !isText(props.resourceGroupName) || sameName(resourceGroupName, props.resourceGroupName);
            return isText(props.vaultName) && sameName(props.vaultName, vaultName) && sameGroup;
        });
    }
    return vaults.find((vault) => (item.dependencies ?? []).includes(vault.urn));
}

/** Whether the VM is exempt from backup by its Azure or Pulumi name. */
function isExempt(vm: ResourceLike, exemptVmNames: string[]): boolean {
    const vmName = (vm.props as VmProps).vmName;
    return exemptVmNames.some((name) => name === vm.name || (isText(vmName) && sameName(name, vmName)));
}

/** What is wrong with one protected item of a VM: its vault missing from the stack, or in another region. */
function vaultRegionViolation(vm: ResourceLike, item: ResourceLike, vaults: ResourceLike[]): string | undefined {
    const vault = vaultOf(item, vaults);
    const vmLocation = (vm.props as VmProps).location;
    if (vault === undefined) {
        const vaultName = (item.props as ProtectedItemProps).vaultName ?? "(unknown)";
        return `${vmLabel(vm)} is protected by vault "${vaultName}", which this stack does not declare: its region cannot be checked; declare or read the vault (Vault.get) in the stack`;
    }
    const vaultLocation = (vault.props as VaultProps).location;
    if (isText(vmLocation) && isText(vaultLocation) && normalizeRegion(vmLocation) !== normalizeRegion(vaultLocation)) {
        const vaultName = (vault.props as VaultProps).vaultName ?? vault.name;
        return `${vmLabel(vm)} in ${vmLocation} is protected by vault "${vaultName}" in ${vaultLocation}; a vault backs up VMs in its own region only (no cross-region backup)`;
    }
    return undefined;
}

/** Every VM, but the exempt ones, is protected by a `ProtectedItem` of a vault in the stack, in the VM's region. */
export function vmProtectionViolations(resources: ResourceLike[], exemptVmNames: string[]): StackViolation[] {
    const items = resources.filter((resource) => resource.type === PROTECTED_ITEM_TYPE);
    const vaults = resources.filter((resource) => resource.type === VAULT_TYPE);
    const vms = resources.filter((resource) => resource.type === VM_TYPE && !isExempt(resource, exemptVmNames));
    return vms.flatMap((vm) => {
        const protecting = items.filter((item) => protects(item, vm));
        if (protecting.length === 0) {
            const vmName = (vm.props as VmProps).vmName ?? vm.name;
            return [
                {
                    urn: vm.urn,
                    message: `${vmLabel(vm)} is not protected by Azure Backup: no ${PROTECTED_ITEM_TYPE} names it (properties.sourceResourceId or protectedItemName "vm;iaasvmcontainerv2;<group>;${vmName}"); protect it with a vault in its region, or list it in exemptVmNames`,
                },
            ];
        }
        return protecting
            .map((item) => vaultRegionViolation(vm, item, vaults))
            .filter((message): message is string => message !== undefined)
            .map((message) => ({ urn: vm.urn, message }));
    });
}
