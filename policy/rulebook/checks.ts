/**
 * The backup-ready checks: what Azure Backup needs of a VM and its network, over resources as
 * plain data (see resources.ts for the shapes). Each returns findings in words that say what was
 * found and what is allowed; the readiness report prints them, the policy pack reports the
 * failing ones, validation turns the same limits into a setting's message.
 */
import { containsCidr } from "./cidr";
import { AZURE_TYPES } from "./azureTypes";
import { dataDiskLimit, protectedItemName } from "./backup";
import { Enrolment, enrolmentLabel, enrolmentOf, enrolments, enrolmentTagLabel } from "./fleet";
import { formatImageUrn, isSupportedImage, SUPPORTED_IMAGES } from "./images";
import { isProbeSourcePrefix, LOAD_BALANCER_SERVICE_TAG } from "./loadBalancer";
import { addressBlock, isVnetPrefix, portRangeContains, prefixContains, reachesInternet, ruleDestinations, rulePorts, ruleProblems, ruleSources, SecurityRuleFields } from "./nsg";
import { sameRegion } from "./regions";
import {
    ancestorTypes,
    Disk,
    isText,
    list,
    ProtectedItemView,
    protectedItemView,
    ResourceLike,
    sameName,
    VaultView,
    vaultView,
    vmLabel,
    VmView,
    vmView,
} from "./resources";
import { findVmSize, VmSizeData } from "./vmSizes";

/** The outcome of one check. */
export interface Finding {
    pass: boolean;
    /** What was found, and on failure what is allowed. */
    why: string;
}

const pass = (why: string): Finding => ({ pass: true, why });
const fail = (why: string): Finding => ({ pass: false, why });

// ---- One VM ----

/**
 * The VM agent must be provisioned: Azure Backup's extension runs through it. Left unset,
 * `provisionVMAgent` is Azure's default, true; only an explicit false fails.
 */
export function vmAgentFinding(vm: VmView): Finding {
    const osProfile = vm.props.osProfile ?? {};
    const settings = (["linuxConfiguration", "windowsConfiguration"] as const)
        .filter((key) => osProfile[key]?.provisionVMAgent !== undefined)
        .map((key) => ({ key, on: osProfile[key]?.provisionVMAgent === true }));
    const off = settings.find((setting) => !setting.on);
    if (off) {
        return fail(`osProfile.${off.key}.provisionVMAgent is false: Azure Backup's extension runs through the VM agent; set it to true (or leave it unset, Azure's default)`);
    }
    return pass(settings.length > 0 ? `osProfile.${settings[0].key}.provisionVMAgent is true` : "provisionVMAgent is unset: Azure provisions the agent by default");
}

/** The VM's marketplace image must be one Azure Backup supports; custom images and attached disks are not judged. */
export function imageFinding(vm: VmView): Finding {
    const image = vm.props.storageProfile?.imageReference;
    if (!isText(image?.publisher) || !isText(image?.offer) || !isText(image?.sku)) {
        return pass("no marketplace image (a custom image or an attached disk): not judged");
    }
    const urn = formatImageUrn(image);
    return isSupportedImage(image) ? pass(`${urn} is an image Azure Backup supports`) : fail(`must be ${SUPPORTED_IMAGES}; got "${urn}"`);
}

function isUnmanaged(disk: Disk | undefined): boolean {
    return disk?.vhd !== undefined;
}

/**
 * The data disks within what Azure Backup protects (32 managed, 16 unmanaged) and what the VM's
 * size takes, by Azure's size data when given. `maxDataDisks` lowers the limit further.
 */
export function dataDiskFinding(vm: VmView, options: { sizes?: VmSizeData; maxDataDisks?: number } = {}): Finding {
    const storage = vm.props.storageProfile ?? {};
    const dataDisks = list(storage.dataDisks);
    const size = vm.props.hardwareProfile?.vmSize;
    const unmanaged = [storage.osDisk, ...dataDisks].some(isUnmanaged);
    const limit = dataDiskLimit({ unmanaged, size, sizeFacts: size ? findVmSize(options.sizes, size) : undefined, sizeUnchecked: sizeUncheckedNote(options.sizes) });
    const max = Math.min(limit.max, options.maxDataDisks ?? limit.max);
    const reason = max < limit.max ? "this policy's maxDataDisks" : limit.reason;
    const text = `${dataDisks.length} data disks; ${max} at most (${reason})`;
    return dataDisks.length <= max ? pass(text) : fail(text);
}

/** How a size missing from the size data is described: not offered (Azure's whole list), or not checked (an extract, or none). */
function sizeUncheckedNote(sizes: VmSizeData | undefined): string {
    return sizes?.complete ? "is not offered in the region" : "was not checked against Azure's size data offline";
}

// ---- Backup protection, across the stack ----

/** Whether the VM is one the stack need not back up: named in `exemptVmNames`, or a backup proxy's own VM (it holds no data). */
function isExempt(vm: VmView, exemptVmNames: readonly string[]): boolean {
    const byName = exemptVmNames.some((name) => name === vm.resource.name || sameName(name, vm.azureName));
    return byName || ancestorTypes(vm.resource.urn).includes(BACKUP_PROXY_TYPE);
}

/** The component type of this project's backup proxy: its VM is exempt wherever it is used. */
export const BACKUP_PROXY_TYPE = "backup-ready:index:BackupProxy";

/**
 * Whether the item protects the VM: by the names, where both are known (source id or item name,
 * and the VM's name); else by dependency, which the engine records in every shape (in a first
 * preview the item's names are unknown, and so is the VM's name in its preview outputs).
 */
function protects(item: ProtectedItemView, vm: VmView): boolean {
    if (item.vms.length > 0 && vm.azureName !== undefined) {
        return item.vms.some(
            (reference) => sameName(reference.vmName, vm.azureName) && (vm.resourceGroupName === undefined || sameName(reference.resourceGroupName, vm.resourceGroupName)),
        );
    }
    return (item.resource.dependencies ?? []).includes(vm.resource.urn);
}

/** The vault an item belongs to: by name (and resource group) when known, else by dependency. */
export function vaultOf(item: ProtectedItemView, vaults: readonly VaultView[]): VaultView | undefined {
    if (item.vaultName !== undefined) {
        const named = vaults.find(
            (vault) =>
                sameName(vault.name, item.vaultName) &&
                (item.resourceGroupName === undefined || vault.resourceGroupName === undefined || sameName(vault.resourceGroupName, item.resourceGroupName)),
        );
        if (named) {
            return named;
        }
    }
    return vaults.find((vault) => (item.resource.dependencies ?? []).includes(vault.resource.urn));
}

/** The vault of one protected item must be in the stack and in the VM's region. */
export function vaultRegionFinding(vm: VmView, item: ProtectedItemView, vaults: readonly VaultView[]): Finding {
    const vault = vaultOf(item, vaults);
    if (vault === undefined) {
        return fail(
            `vault "${item.vaultName ?? "(unknown)"}" is not in the stack: its region cannot be checked; declare or read the vault (Vault.get) in the stack`,
        );
    }
    const name = vault.name ?? vault.resource.name;
    if (vm.location === undefined || vault.location === undefined) {
        return pass(`vault "${name}": its region or the VM's is not known yet, checked once it is`);
    }
    return sameRegion(vm.location, vault.location)
        ? pass(`vault "${name}" is in ${vault.location}, as the VM`)
        : fail(`vault "${name}" is in ${vault.location}, the VM in ${vm.location}: a vault backs up VMs in its own region only`);
}

/**
 * An assignment's vault must be in the stack and in the region the assignment covers: the
 * definition deploys into the vault of its `backupPolicyId`, which "needs to be in a vault that is
 * present in the location chosen" (fleet.ts). Its line reads "enrolled by policy assignment X
 * (tag backup=daily) into vault Y in its region".
 */
export function enrolmentFinding(vm: VmView, enrolment: Enrolment, vaults: readonly VaultView[]): Finding {
    const by = `enrolled by ${enrolmentLabel(enrolment)} (${enrolmentTagLabel(enrolment)})`;
    const vault = vaults.find(
        (candidate) =>
            enrolment.vault !== undefined &&
            sameName(candidate.name, enrolment.vault.name) &&
            (candidate.resourceGroupName === undefined || sameName(candidate.resourceGroupName, enrolment.vault.resourceGroupName)),
    );
    if (vault === undefined) {
        return enrolment.vault === undefined
            ? pass(`${by}; its vault is not known yet, checked once it is`)
            : fail(`${by} into vault "${enrolment.vault.name}", which is not in the stack: its region cannot be checked; declare or read the vault in the stack`);
    }
    const name = vault.name ?? vault.resource.name;
    if (vault.location !== undefined && enrolment.vaultLocation !== undefined && !sameRegion(vault.location, enrolment.vaultLocation)) {
        return fail(`${by} into vault "${name}" in ${vault.location}, but the assignment covers ${enrolment.vaultLocation}: a vault backs up VMs in its own region only`);
    }
    return pass(`${by} into vault "${name}" in ${vault.location ?? enrolment.vaultLocation ?? vm.location ?? "its region"}, the VM's region`);
}

/** A VM of the stack and what protects it. */
export interface VmProtection {
    vm: VmView;
    /** Its protected items, each with the finding on its vault's region. */
    items: Array<{ item: ProtectedItemView; vaultRegion: Finding }>;
    /** The policy assignment that enrols it, when no protected item names it. */
    enrolment?: Enrolment;
    /** Unprotected, exempt, enrolled (with the vault's finding), or protected (the items' findings then tell the rest). */
    finding: Finding;
}

/** Every VM of the stack with its protection; exempt VMs pass. */
export function vmProtection(resources: readonly ResourceLike[], exemptVmNames: readonly string[] = []): VmProtection[] {
    const items = resources
        .filter((resource) => resource.type === AZURE_TYPES.protectedItem)
        .map(protectedItemView)
        .filter((item) => !item.stopped);
    const vaults = resources.filter((resource) => resource.type === AZURE_TYPES.vault).map(vaultView);
    const fleet = enrolments(resources);
    return resources
        .filter((resource) => resource.type === AZURE_TYPES.virtualMachine)
        .map(vmView)
        .map((vm) => {
            const protecting = items.filter((item) => protects(item, vm)).map((item) => ({ item, vaultRegion: vaultRegionFinding(vm, item, vaults) }));
            if (protecting.length > 0) {
                return { vm, items: protecting, finding: pass(`protected by ${protecting.length} protected item(s)`) };
            }
            const enrolled = enrolmentOf(vm, fleet);
            if (enrolled.enrolment) {
                return { vm, items: [], enrolment: enrolled.enrolment, finding: enrolmentFinding(vm, enrolled.enrolment, vaults) };
            }
            if (isExempt(vm, exemptVmNames)) {
                return { vm, items: [], finding: pass("exempt: holds no data to back up") };
            }
            if (fleet.length > 0) {
                return { vm, items: [], finding: fail(`not enrolled by Azure Policy: ${enrolled.gaps.join("; ")}; tag it, or give its region a vault and an assignment`) };
            }
            const itemName = protectedItemName({ resourceGroupName: vm.resourceGroupName ?? "<group>", vmName: vm.azureName ?? "<vm>" });
            return {
                vm,
                items: [],
                finding: fail(
                    `not protected by Azure Backup: no ${AZURE_TYPES.protectedItem} names it (properties.sourceResourceId, or protectedItemName "${itemName}") or depends on it; protect it with a vault in its region, or list it in exemptVmNames`,
                ),
            };
        });
}

/** The stack's VMs that are not protected, or protected by a vault outside their region: one message each, naming the VM. */
export function vmProtectionViolations(resources: readonly ResourceLike[], exemptVmNames: readonly string[]): Array<{ urn: string; message: string }> {
    return vmProtection(resources, exemptVmNames).flatMap(({ vm, items, finding }) =>
        [finding, ...items.map(({ vaultRegion }) => vaultRegion)]
            .filter((found) => !found.pass)
            .map((found) => ({ urn: vm.resource.urn, message: `${vmLabel(vm)}: ${found.why}` })),
    );
}

// ---- Network security rules ----

/** Public addresses of an Azure service that any VM may reach, over TCP on the service's ports only. */
export interface PublicService {
    /** What the addresses are, for messages. */
    name: string;
    prefixes: readonly string[];
    /** Single ports, such as "443". */
    ports: readonly string[];
}

/** Whether a destination prefix lies inside the service's addresses. */
function isWithin(service: PublicService, prefix: string): boolean {
    const block = addressBlock(prefix);
    return block !== undefined && service.prefixes.some((range) => {
        const outer = addressBlock(range);
        return outer !== undefined && containsCidr(outer, block);
    });
}

/** Whether every port of a rule's range ("443", "400-500"; never "*") is one of the given single ports. */
function portRangeWithin(range: string, ports: readonly string[]): boolean {
    const [low, high = low] = range.split("-").map(Number);
    const inside = new Set(ports.map(Number).filter((port) => port >= low && port <= high));
    return Number.isInteger(low) && Number.isInteger(high) && inside.size === high - low + 1;
}

/** Whether a rule's traffic keeps to the service's terms: TCP, to its ports only. */
function onServiceTerms(rule: SecurityRuleFields, service: PublicService): boolean {
    return isText(rule.protocol) && sameName(rule.protocol, "Tcp") && rulePorts(rule).every((range) => portRangeWithin(range, service.ports));
}

function isAllow(rule: SecurityRuleFields, direction: "Inbound" | "Outbound"): boolean {
    return isText(rule.access) && sameName(rule.access, "Allow") && isText(rule.direction) && sameName(rule.direction, direction);
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

/** Whether a source prefix is one of the proxy's addresses, written as `a.b.c.d` or `a.b.c.d/32`. */
function isProxySource(prefix: string, proxyAddresses: readonly string[]): boolean {
    return proxyAddresses.some((address) => prefix === address || prefix === `${address}/32`);
}

/** A rule Azure refuses: listed once, by every check that reads the rule. */
export function refusedRuleFindings(rule: SecurityRuleFields, label: string): string[] {
    return ruleProblems(rule).map((problem) => `${label} cannot be created: ${problem}`);
}

/**
 * No outbound Allow rule to the Internet (`Internet`, `*`, `0.0.0.0/0` or a public CIDR) unless
 * its every source is a proxy address. Not the Internet: the wire server 168.63.129.16, private
 * space, service tags, and the public services of the config on their terms.
 */
export function internetEgressViolations(rule: SecurityRuleFields, label: string, config: EgressConfig): string[] {
    const sources = ruleSources(rule);
    if (!isAllow(rule, "Outbound") || sources.every((prefix) => isProxySource(prefix, config.proxyAddresses))) {
        return [];
    }
    const outside = ruleDestinations(rule).filter(
        (prefix) => reachesInternet(prefix, config.vnetPrefixes) && !config.services.some((service) => isWithin(service, prefix) && onServiceTerms(rule, service)),
    );
    if (outside.length === 0) {
        return [];
    }
    const proxies = config.proxyAddresses.map((address) => `${address}/32`).join(", ");
    const terms = config.services
        .filter((service) => outside.some((prefix) => isWithin(service, prefix)))
        .map((service) => `; ${service.name} is allowed over TCP ${service.ports.join(", ")} only`);
    const unknown = outside.some((prefix) => addressBlock(prefix) !== undefined && !config.services.some((service) => isWithin(service, prefix)));
    const hint = unknown && config.backupServicesHint ? `; ${config.backupServicesHint}` : "";
    return [`${label} allows outbound traffic from ${sources.join(", ")} to ${outside.join(", ")}; ${egressAllowedTo(proxies)}${terms.join("")}${hint}`];
}

/** Who may reach the Internet: the proxy, or with no proxy (connectivity "none" or "serviceTags") nobody. */
function egressAllowedTo(proxies: string): string {
    return proxies ? `only the backup proxy (${proxies}) may reach the Internet` : 'with no backup proxy (connectivity "none", or "serviceTags" and its tags) nothing may reach the Internet';
}

/**
 * No inbound Allow rule admits anyone but the virtual network to the proxy port on a proxy
 * address; the load balancer's health probes (`AzureLoadBalancer`) must reach it too.
 */
export function proxyInboundViolations(
    rule: SecurityRuleFields,
    label: string,
    config: { proxyAddresses: readonly string[]; proxyPort: number; vnetPrefixes: readonly string[] },
): string[] {
    const tcp = !isText(rule.protocol) || rule.protocol === "*" || sameName(rule.protocol, "Tcp");
    const toProxyPort = rulePorts(rule).some((range) => portRangeContains(range, config.proxyPort));
    const toProxy = ruleDestinations(rule).some((prefix) => config.proxyAddresses.some((address) => prefixContains(prefix, address, config.vnetPrefixes)));
    if (!isAllow(rule, "Inbound") || !tcp || !toProxyPort || !toProxy) {
        return [];
    }
    const outsiders = ruleSources(rule).filter((prefix) => !isVnetPrefix(prefix, config.vnetPrefixes) && !isProbeSourcePrefix(prefix));
    if (outsiders.length === 0) {
        return [];
    }
    return [
        `${label} admits ${outsiders.join(", ")} to the proxy port ${config.proxyPort}; only the virtual network (VirtualNetwork, ${config.vnetPrefixes.join(", ")}) and the load balancer's probes (${LOAD_BALANCER_SERVICE_TAG}) may reach the proxy`,
    ];
}

/** A check of one security rule; `label` names the rule in messages. */
export type SecurityRuleCheck = (rule: SecurityRuleFields, label: string) => string[];

/**
 * Runs a rule check on every rule a resource declares: an NSG's inline `securityRules`, or a
 * `SecurityRule` resource itself. Inputs name them `networkSecurityGroupName` and
 * `securityRuleName`, outputs `name`; the Pulumi name stands in when neither is known.
 */
export function securityRulesViolations(resource: ResourceLike, check: SecurityRuleCheck): string[] {
    const props = resource.props as SecurityRuleFields & { networkSecurityGroupName?: string; securityRules?: SecurityRuleFields[] };
    if (resource.type === AZURE_TYPES.networkSecurityGroup) {
        const nsgName = [props.networkSecurityGroupName, props.name].find(isText) ?? resource.name;
        return list(props.securityRules).flatMap((rule) => check(rule, `security rule "${rule.name ?? "(unnamed)"}" of NSG "${nsgName}"`));
    }
    if (resource.type === AZURE_TYPES.securityRule) {
        return check(props, `security rule "${[props.securityRuleName, props.name].find(isText) ?? resource.name}"`);
    }
    return [];
}
