"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BACKUP_PROXY_TYPE = void 0;
exports.vmAgentFinding = vmAgentFinding;
exports.imageFinding = imageFinding;
exports.dataDiskFinding = dataDiskFinding;
exports.vaultOf = vaultOf;
exports.vaultRegionFinding = vaultRegionFinding;
exports.enrolmentFinding = enrolmentFinding;
exports.vmProtection = vmProtection;
exports.vmProtectionViolations = vmProtectionViolations;
exports.refusedRuleFindings = refusedRuleFindings;
exports.internetEgressViolations = internetEgressViolations;
exports.proxyInboundViolations = proxyInboundViolations;
exports.securityRulesViolations = securityRulesViolations;
/**
 * The backup-ready checks: what Azure Backup needs of a VM and its network, over resources as
 * plain data (see resources.ts for the shapes). Each returns findings in words that say what was
 * found and what is allowed; the readiness report prints them, the policy pack reports the
 * failing ones, validation turns the same limits into a setting's message.
 */
const cidr_1 = require("./cidr");
const azureTypes_1 = require("./azureTypes");
const backup_1 = require("./backup");
const fleet_1 = require("./fleet");
const images_1 = require("./images");
const loadBalancer_1 = require("./loadBalancer");
const nsg_1 = require("./nsg");
const regions_1 = require("./regions");
const resources_1 = require("./resources");
const vmSizes_1 = require("./vmSizes");
const pass = (why) => ({ pass: true, why });
const fail = (why) => ({ pass: false, why });
// ---- One VM ----
/**
 * The VM agent must be provisioned: Azure Backup's extension runs through it. Left unset,
 * `provisionVMAgent` is Azure's default, true; only an explicit false fails.
 */
function vmAgentFinding(vm) {
    const osProfile = vm.props.osProfile ?? {};
    const settings = ["linuxConfiguration", "windowsConfiguration"]
        .filter((key) => osProfile[key]?.provisionVMAgent !== undefined)
        .map((key) => ({ key, on: osProfile[key]?.provisionVMAgent === true }));
    const off = settings.find((setting) => !setting.on);
    if (off) {
        return fail(`osProfile.${off.key}.provisionVMAgent is false: Azure Backup's extension runs through the VM agent; set it to true (or leave it unset, Azure's default)`);
    }
    return pass(settings.length > 0 ? `osProfile.${settings[0].key}.provisionVMAgent is true` : "provisionVMAgent is unset: Azure provisions the agent by default");
}
/** The VM's marketplace image must be one Azure Backup supports; custom images and attached disks are not judged. */
function imageFinding(vm) {
    const image = vm.props.storageProfile?.imageReference;
    if (!(0, resources_1.isText)(image?.publisher) || !(0, resources_1.isText)(image?.offer) || !(0, resources_1.isText)(image?.sku)) {
        return pass("no marketplace image (a custom image or an attached disk): not judged");
    }
    const urn = (0, images_1.formatImageUrn)(image);
    return (0, images_1.isSupportedImage)(image) ? pass(`${urn} is an image Azure Backup supports`) : fail(`must be ${images_1.SUPPORTED_IMAGES}; got "${urn}"`);
}
function isUnmanaged(disk) {
    return disk?.vhd !== undefined;
}
/**
 * The data disks within what Azure Backup protects (32 managed, 16 unmanaged) and what the VM's
 * size takes, by Azure's size data when given. `maxDataDisks` lowers the limit further.
 */
function dataDiskFinding(vm, options = {}) {
    const storage = vm.props.storageProfile ?? {};
    const dataDisks = (0, resources_1.list)(storage.dataDisks);
    const size = vm.props.hardwareProfile?.vmSize;
    const unmanaged = [storage.osDisk, ...dataDisks].some(isUnmanaged);
    const limit = (0, backup_1.dataDiskLimit)({ unmanaged, size, sizeFacts: size ? (0, vmSizes_1.findVmSize)(options.sizes, size) : undefined, sizeUnchecked: sizeUncheckedNote(options.sizes) });
    const max = Math.min(limit.max, options.maxDataDisks ?? limit.max);
    const reason = max < limit.max ? "this policy's maxDataDisks" : limit.reason;
    const text = `${dataDisks.length} data disks; ${max} at most (${reason})`;
    return dataDisks.length <= max ? pass(text) : fail(text);
}
/** How a size missing from the size data is described: not offered (Azure's whole list), or not checked (an extract, or none). */
function sizeUncheckedNote(sizes) {
    return sizes?.complete ? "is not offered in the region" : "was not checked against Azure's size data offline";
}
// ---- Backup protection, across the stack ----
/** Whether the VM is one the stack need not back up: named in `exemptVmNames`, or a backup proxy's own VM (it holds no data). */
function isExempt(vm, exemptVmNames) {
    const byName = exemptVmNames.some((name) => name === vm.resource.name || (0, resources_1.sameName)(name, vm.azureName));
    return byName || (0, resources_1.ancestorTypes)(vm.resource.urn).includes(exports.BACKUP_PROXY_TYPE);
}
/** The component type of this project's backup proxy: its VM is exempt wherever it is used. */
exports.BACKUP_PROXY_TYPE = "backup-ready:index:BackupProxy";
/**
 * Whether the item protects the VM: by the names, where both are known (source id or item name,
 * and the VM's name); else by dependency, which the engine records in every shape (in a first
 * preview the item's names are unknown, and so is the VM's name in its preview outputs).
 */
function protects(item, vm) {
    if (item.vms.length > 0 && vm.azureName !== undefined) {
        return item.vms.some((reference) => (0, resources_1.sameName)(reference.vmName, vm.azureName) && (vm.resourceGroupName === undefined || (0, resources_1.sameName)(reference.resourceGroupName, vm.resourceGroupName)));
    }
    return (item.resource.dependencies ?? []).includes(vm.resource.urn);
}
/** The vault an item belongs to: by name (and resource group) when known, else by dependency. */
function vaultOf(item, vaults) {
    if (item.vaultName !== undefined) {
        const named = vaults.find((vault) => (0, resources_1.sameName)(vault.name, item.vaultName) &&
            (item.resourceGroupName === undefined || vault.resourceGroupName === undefined || (0, resources_1.sameName)(vault.resourceGroupName, item.resourceGroupName)));
        if (named) {
            return named;
        }
    }
    return vaults.find((vault) => (item.resource.dependencies ?? []).includes(vault.resource.urn));
}
/** The vault of one protected item must be in the stack and in the VM's region. */
function vaultRegionFinding(vm, item, vaults) {
    const vault = vaultOf(item, vaults);
    if (vault === undefined) {
        return fail(`vault "${item.vaultName ?? "(unknown)"}" is not in the stack: its region cannot be checked; declare or read the vault (Vault.get) in the stack`);
    }
    const name = vault.name ?? vault.resource.name;
    if (vm.location === undefined || vault.location === undefined) {
        return pass(`vault "${name}": its region or the VM's is not known yet, checked once it is`);
    }
    return (0, regions_1.sameRegion)(vm.location, vault.location)
        ? pass(`vault "${name}" is in ${vault.location}, as the VM`)
        : fail(`vault "${name}" is in ${vault.location}, the VM in ${vm.location}: a vault backs up VMs in its own region only`);
}
/**
 * An assignment's vault must be in the stack and in the region the assignment covers: the
 * definition deploys into the vault of its `backupPolicyId`, which "needs to be in a vault that is
 * present in the location chosen" (fleet.ts). Its line reads "enrolled by policy assignment X
 * (tag backup=daily) into vault Y in its region".
 */
function enrolmentFinding(vm, enrolment, vaults) {
    const by = `enrolled by ${(0, fleet_1.enrolmentLabel)(enrolment)} (${(0, fleet_1.enrolmentTagLabel)(enrolment)})`;
    const vault = vaults.find((candidate) => enrolment.vault !== undefined &&
        (0, resources_1.sameName)(candidate.name, enrolment.vault.name) &&
        (candidate.resourceGroupName === undefined || (0, resources_1.sameName)(candidate.resourceGroupName, enrolment.vault.resourceGroupName)));
    if (vault === undefined) {
        return enrolment.vault === undefined
            ? pass(`${by}; its vault is not known yet, checked once it is`)
            : fail(`${by} into vault "${enrolment.vault.name}", which is not in the stack: its region cannot be checked; declare or read the vault in the stack`);
    }
    const name = vault.name ?? vault.resource.name;
    if (vault.location !== undefined && enrolment.vaultLocation !== undefined && !(0, regions_1.sameRegion)(vault.location, enrolment.vaultLocation)) {
        return fail(`${by} into vault "${name}" in ${vault.location}, but the assignment covers ${enrolment.vaultLocation}: a vault backs up VMs in its own region only`);
    }
    return pass(`${by} into vault "${name}" in ${vault.location ?? enrolment.vaultLocation ?? vm.location ?? "its region"}, the VM's region`);
}
/** Every VM of the stack with its protection; exempt VMs pass. */
function vmProtection(resources, exemptVmNames = []) {
    const items = resources
        .filter((resource) => resource.type === azureTypes_1.AZURE_TYPES.protectedItem)
        .map(resources_1.protectedItemView)
        .filter((item) => !item.stopped);
    const vaults = resources.filter((resource) => resource.type === azureTypes_1.AZURE_TYPES.vault).map(resources_1.vaultView);
    const fleet = (0, fleet_1.enrolments)(resources);
    return resources
        .filter((resource) => resource.type === azureTypes_1.AZURE_TYPES.virtualMachine)
        .map(resources_1.vmView)
        .map((vm) => {
        const protecting = items.filter((item) => protects(item, vm)).map((item) => ({ item, vaultRegion: vaultRegionFinding(vm, item, vaults) }));
        if (protecting.length > 0) {
            return { vm, items: protecting, finding: pass(`protected by ${protecting.length} protected item(s)`) };
        }
        const enrolled = (0, fleet_1.enrolmentOf)(vm, fleet);
        if (enrolled.enrolment) {
            return { vm, items: [], enrolment: enrolled.enrolment, finding: enrolmentFinding(vm, enrolled.enrolment, vaults) };
        }
        if (isExempt(vm, exemptVmNames)) {
            return { vm, items: [], finding: pass("exempt: holds no data to back up") };
        }
        if (fleet.length > 0) {
            return { vm, items: [], finding: fail(`not enrolled by Azure Policy: ${enrolled.gaps.join("; ")}; tag it, or give its region a vault and an assignment`) };
        }
        const itemName = (0, backup_1.protectedItemName)({ resourceGroupName: vm.resourceGroupName ?? "<group>", vmName: vm.azureName ?? "<vm>" });
        return {
            vm,
            items: [],
            finding: fail(`not protected by Azure Backup: no ${azureTypes_1.AZURE_TYPES.protectedItem} names it (properties.sourceResourceId, or protectedItemName "${itemName}") or depends on it; protect it with a vault in its region, or list it in exemptVmNames`),
        };
    });
}
/** The stack's VMs that are not protected, or protected by a vault outside their region: one message each, naming the VM. */
function vmProtectionViolations(resources, exemptVmNames) {
    return vmProtection(resources, exemptVmNames).flatMap(({ vm, items, finding }) => [finding, ...items.map(({ vaultRegion }) => vaultRegion)]
        .filter((found) => !found.pass)
        .map((found) => ({ urn: vm.resource.urn, message: `${(0, resources_1.vmLabel)(vm)}: ${found.why}` })));
}
/** Whether a destination prefix lies inside the service's addresses. */
function isWithin(service, prefix) {
    const block = (0, nsg_1.addressBlock)(prefix);
    return block !== undefined && service.prefixes.some((range) => {
        const outer = (0, nsg_1.addressBlock)(range);
        return outer !== undefined && (0, cidr_1.containsCidr)(outer, block);
    });
}
/** Whether every port of a rule's range ("443", "400-500"; never "*") is one of the given single ports. */
function portRangeWithin(range, ports) {
    const [low, high = low] = range.split("-").map(Number);
    const inside = new Set(ports.map(Number).filter((port) => port >= low && port <= high));
    return Number.isInteger(low) && Number.isInteger(high) && inside.size === high - low + 1;
}
/** Whether a rule's traffic keeps to the service's terms: TCP, to its ports only. */
function onServiceTerms(rule, service) {
    return (0, resources_1.isText)(rule.protocol) && (0, resources_1.sameName)(rule.protocol, "Tcp") && (0, nsg_1.rulePorts)(rule).every((range) => portRangeWithin(range, service.ports));
}
function isAllow(rule, direction) {
    return (0, resources_1.isText)(rule.access) && (0, resources_1.sameName)(rule.access, "Allow") && (0, resources_1.isText)(rule.direction) && (0, resources_1.sameName)(rule.direction, direction);
}
/** Whether a source prefix is one of the proxy's addresses, written as `a.b.c.d` or `a.b.c.d/32`. */
function isProxySource(prefix, proxyAddresses) {
    return proxyAddresses.some((address) => prefix === address || prefix === `${address}/32`);
}
/** A rule Azure refuses: listed once, by every check that reads the rule. */
function refusedRuleFindings(rule, label) {
    return (0, nsg_1.ruleProblems)(rule).map((problem) => `${label} cannot be created: ${problem}`);
}
/**
 * No outbound Allow rule to the Internet (`Internet`, `*`, `0.0.0.0/0` or a public CIDR) unless
 * its every source is a proxy address. Not the Internet: the wire server 168.63.129.16, private
 * space, service tags, and the public services of the config on their terms.
 */
function internetEgressViolations(rule, label, config) {
    const sources = (0, nsg_1.ruleSources)(rule);
    if (!isAllow(rule, "Outbound") || sources.every((prefix) => isProxySource(prefix, config.proxyAddresses))) {
        return [];
    }
    const outside = (0, nsg_1.ruleDestinations)(rule).filter((prefix) => (0, nsg_1.reachesInternet)(prefix, config.vnetPrefixes) && !config.services.some((service) => isWithin(service, prefix) && onServiceTerms(rule, service)));
    if (outside.length === 0) {
        return [];
    }
    const proxies = config.proxyAddresses.map((address) => `${address}/32`).join(", ");
    const terms = config.services
        .filter((service) => outside.some((prefix) => isWithin(service, prefix)))
        .map((service) => `; ${service.name} is allowed over TCP ${service.ports.join(", ")} only`);
    const unknown = outside.some((prefix) => (0, nsg_1.addressBlock)(prefix) !== undefined && !config.services.some((service) => isWithin(service, prefix)));
    const hint = unknown && config.backupServicesHint ? `; ${config.backupServicesHint}` : "";
    return [`${label} allows outbound traffic from ${sources.join(", ")} to ${outside.join(", ")}; ${egressAllowedTo(proxies)}${terms.join("")}${hint}`];
}
/** Who may reach the Internet: the proxy, or with no proxy (connectivity "none" or "serviceTags") nobody. */
function egressAllowedTo(proxies) {
    return proxies ? `only the backup proxy (${proxies}) may reach the Internet` : 'with no backup proxy (connectivity "none", or "serviceTags" and its tags) nothing may reach the Internet';
}
/**
 * No inbound Allow rule admits anyone but the virtual network to the proxy port on a proxy
 * address; the load balancer's health probes (`AzureLoadBalancer`) must reach it too.
 */
function proxyInboundViolations(rule, label, config) {
    const tcp = !(0, resources_1.isText)(rule.protocol) || rule.protocol === "*" || (0, resources_1.sameName)(rule.protocol, "Tcp");
    const toProxyPort = (0, nsg_1.rulePorts)(rule).some((range) => (0, nsg_1.portRangeContains)(range, config.proxyPort));
    const toProxy = (0, nsg_1.ruleDestinations)(rule).some((prefix) => config.proxyAddresses.some((address) => (0, nsg_1.prefixContains)(prefix, address, config.vnetPrefixes)));
    if (!isAllow(rule, "Inbound") || !tcp || !toProxyPort || !toProxy) {
        return [];
    }
    const outsiders = (0, nsg_1.ruleSources)(rule).filter((prefix) => !(0, nsg_1.isVnetPrefix)(prefix, config.vnetPrefixes) && !(0, loadBalancer_1.isProbeSourcePrefix)(prefix));
    if (outsiders.length === 0) {
        return [];
    }
    return [
        `${label} admits ${outsiders.join(", ")} to the proxy port ${config.proxyPort}; only the virtual network (VirtualNetwork, ${config.vnetPrefixes.join(", ")}) and the load balancer's probes (${loadBalancer_1.LOAD_BALANCER_SERVICE_TAG}) may reach the proxy`,
    ];
}
/**
 * Runs a rule check on every rule a resource declares: an NSG's inline `securityRules`, or a
 * `SecurityRule` resource itself. Inputs name them `networkSecurityGroupName` and
 * `securityRuleName`, outputs `name`; the Pulumi name stands in when neither is known.
 */
function securityRulesViolations(resource, check) {
    const props = resource.props;
    if (resource.type === azureTypes_1.AZURE_TYPES.networkSecurityGroup) {
        const nsgName = [props.networkSecurityGroupName, props.name].find(resources_1.isText) ?? resource.name;
        return (0, resources_1.list)(props.securityRules).flatMap((rule) => check(rule, `security rule "${rule.name ?? "(unnamed)"}" of NSG "${nsgName}"`));
    }
    if (resource.type === azureTypes_1.AZURE_TYPES.securityRule) {
        return check(props, `security rule "${[props.securityRuleName, props.name].find(resources_1.isText) ?? resource.name}"`);
    }
    return [];
}
