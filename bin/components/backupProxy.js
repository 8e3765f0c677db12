"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.BackupProxy = exports.PROXY_SERVER_RUN_COMMAND_NAME = exports.BACKUP_PROXY_ARGUMENTS = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const compute = __importStar(require("@pulumi/azure-native/compute"));
const network = __importStar(require("@pulumi/azure-native/network"));
const aliases_1 = require("../lib/aliases");
const armIds_1 = require("../lib/armIds");
const azureTypes_1 = require("../policy/rulebook/azureTypes");
const errors_1 = require("../policy/rulebook/errors");
const proxyLayout_1 = require("../lib/proxyLayout");
const guestConfig_1 = require("../lib/guestConfig");
const arguments_1 = require("../lib/arguments");
const inputs_1 = require("../lib/inputs");
const patchWindow_1 = require("../lib/patchWindow");
const proxyClientRunCommand_1 = require("../lib/proxyClientRunCommand");
const numbers_1 = require("../lib/validation/numbers");
const outputs_1 = require("../lib/outputs");
const vmArgs_1 = require("../lib/vmArgs");
const guestConfig_2 = require("../lib/guestConfig");
const defaults_1 = require("../lib/defaults");
const addresses_1 = require("../lib/validation/addresses");
const images_1 = require("../lib/validation/images");
const names_1 = require("../lib/validation/names");
const sshKeys_1 = require("../lib/validation/sshKeys");
const vaultSettings_1 = require("../lib/vaultSettings");
/** Every argument of `BackupProxy`, once. */
exports.BACKUP_PROXY_ARGUMENTS = (0, arguments_1.argumentNames)()([
    "resourceGroupName", "location", "subnetId", "subnetAddressPrefix", "proxyIp", "proxyPort", "clientAddressPrefixes", "allowedDomains", "storageAccount",
    "vmName", "vmSize", "adminUsername", "sshPublicKey", "managedIdentity", "count", "zones", "frontendZones", "patchWindow", "tags", "keepTypeAliases",
]);
/** The Run Command that configures each proxy VM in place. */
exports.PROXY_SERVER_RUN_COMMAND_NAME = "configure-backup-proxy-server";
/**
 * Ubuntu LTS VMs running squid as an allow-list HTTPS proxy to Azure Storage, with a host
 * firewall that admits the proxy port from the clients (and a load balancer's probes) only,
 * each with a static Standard public IP of its own for its egress, patched in its own window.
 * They stand behind an internal Standard load balancer whose frontend is `proxyIp`, from the
 * first on: the first regional, the others spread over zones (or an availability set). A change of their
 * configuration is applied in place by a managed Run Command running the first boot's script,
 * one proxy after the other; the VMs are never replaced for it.
 */
class BackupProxy extends pulumi.ComponentResource {
    privateIp;
    port;
    url;
    /** The first proxy's egress address. */
    publicIp;
    /** Every proxy's egress address, in order. */
    publicIps;
    /** The first proxy VM's id. */
    vmId;
    vmIds;
    /** Each proxy VM's id on its own, so that what watches one proxy waits for that VM only (`vmIds` waits for all). */
    proxyVmIds;
    proxyVmNames;
    /** The proxies' own private addresses: the addresses after `proxyIp`, one per proxy. */
    backendIps;
    allowedDomains;
    constructor(name, args, opts) {
        super("backup-ready:index:BackupProxy", name, {}, (0, aliases_1.withoutTypeAliases)(opts, args.keepTypeAliases));
        const count = (0, numbers_1.wholeNumber)("count", args.count ?? defaults_1.DEFAULTS.proxyCount, proxyLayout_1.PROXY_COUNT);
        const layout = (0, inputs_1.whenAllKnown)([args.proxyIp, args.proxyPort], ([proxyIp, proxyPort]) => (0, proxyLayout_1.proxyLayout)({ subnetAddressPrefix: args.subnetAddressPrefix, proxyIp, proxyPort: (0, addresses_1.checkProxyPort)("proxyPort", proxyPort ?? defaults_1.DEFAULTS.proxyPort), count }, { subnet: "subnetAddressPrefix", proxyIp: "proxyIp", count: "count" }));
        const windows = (0, patchWindow_1.proxyPatchWindows)((0, patchWindow_1.parsePatchWindow)("patchWindow", args.patchWindow ?? defaults_1.DEFAULTS.patchWindow), count);
        const zones = args.zones ?? [];
        const vmSize = args.vmSize ?? defaults_1.DEFAULTS.vmSize;
        const adminUsername = args.adminUsername ?? defaults_1.DEFAULTS.adminUsername;
        (0, names_1.checkVmSize)("vmSize", vmSize);
        (0, images_1.checkTrustedLaunch)("image", undefined, "vmSize", vmSize);
        (0, names_1.checkAdminUsername)("adminUsername", adminUsername);
        if (typeof args.sshPublicKey === "string") {
            (0, sshKeys_1.checkSshPublicKey)("sshPublicKey", args.sshPublicKey);
        }
        (0, addresses_1.checkClientAddressPrefixes)("clientAddressPrefixes", args.clientAddressPrefixes);
        if (args.storageAccount !== undefined) {
            (0, names_1.checkStorageAccount)("storageAccount", args.storageAccount);
        }
        const allowedDomains = (0, guestConfig_2.effectiveAllowedDomains)(args.allowedDomains ?? [...defaults_1.DEFAULTS.allowedDomains], args.storageAccount);
        (0, names_1.checkDomains)("allowedDomains", allowedDomains);
        const tags = (0, vaultSettings_1.checkedTags)(args.tags);
        const baseVmName = args.vmName ?? name;
        const availabilitySet = count > 1 && zones.length === 0
            ? new compute.AvailabilitySet(`${name}-availability-set`, {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                // "Aligned" is what managed disks need.
                sku: { name: "Aligned" },
                platformFaultDomainCount: 2,
                platformUpdateDomainCount: 5,
                tags,
            }, { parent: this })
            : undefined;
        // An existing subnet is read, so that a wrong prefix (with an address that fits it) stops here, not at deploy.
        const subnetId = typeof args.subnetId === "string" ? checkedSubnet(args.subnetId, args.subnetAddressPrefix, this) : args.subnetId;
        let previous;
        const proxies = Array.from({ length: count }, (_, i) => {
            // The first proxy keeps the names (and URNs) a single proxy always had.
            const suffix = i === 0 ? "" : `-${i + 1}`;
            // The first proxy is regional, as a single proxy always was: Azure sets a VM's zone or availability
            // set only when it creates it (see REPLACE_TRIGGERS in plan/diff.ts), so a fixed placement per
            // proxy is what lets `count` change without replacing a proxy that keeps serving.
            const zone = i > 0 && zones.length > 0 ? [zones[i % zones.length]] : undefined;
            const inSet = i > 0 ? availabilitySet : undefined;
            const vmName = `${baseVmName}${suffix}`;
            const config = (0, inputs_1.whenKnown)(layout, ({ proxyPort }) => ({ proxyPort, clientCidrs: args.clientAddressPrefixes, allowedDomains, visibleHostname: vmName, patchWindow: windows[i] }));
            const publicIp = new network.PublicIPAddress(`${name}${suffix}-egress-ip`, {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                sku: { name: "Standard", tier: "Regional" },
                publicIPAllocationMethod: "Static",
                publicIPAddressVersion: "IPv4",
                zones: zone,
                tags,
            }, { parent: this });
            const nic = new network.NetworkInterface(`${name}${suffix}-nic`, {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                ipConfigurations: [
                    {
                        name: "ipconfig1",
                        primary: true,
                        subnet: { id: subnetId },
                        privateIPAllocationMethod: "Static",
                        privateIPAddress: (0, inputs_1.whenKnown)(layout, ({ backendIps }) => backendIps[i]),
                        publicIPAddress: { id: publicIp.id },
                    },
                ],
                tags,
            }, { parent: this });
            const vm = new compute.VirtualMachine(`${name}${suffix}-vm`, {
                ...(0, vmArgs_1.linuxVmArgs)({
                    resourceGroupName: args.resourceGroupName,
                    location: args.location,
                    vmName,
                    vmSize,
                    networkInterfaceId: nic.id,
                    adminUsername,
                    sshPublicKey: args.sshPublicKey,
                    cloudConfig: (0, inputs_1.whenKnown)(config, guestConfig_1.renderProxyCloudConfig),
                    tags,
                }),
                zones: zone,
                availabilitySet: inSet && { id: inSet.id },
                // The heartbeat's Azure Monitor agent (BackupMonitoring) signs in with it.
                ...(args.managedIdentity ? { identity: { type: "SystemAssigned" } } : {}),
            }, 
            // customData is the first boot's only: later changes go through the Run Command, never a new
            // VM. What Azure cannot change in place (zone, image, admin user) still replaces it, and the
            // new VM can take the NIC only once the old one is gone.
            { parent: this, ignoreChanges: ["osProfile.customData"], deleteBeforeReplace: true });
            const runCommand = (0, outputs_1.reading)()((lean) => new compute.VirtualMachineRunCommandByVirtualMachine(`${name}${suffix}-config`, (0, proxyClientRunCommand_1.proxyClientRunCommandArgs)({
                vmId: vm.id,
                location: args.location,
                osType: "Linux",
                component: "BackupProxy",
                script: (0, inputs_1.whenKnown)(config, guestConfig_1.renderProxyServerScript),
                runCommandName: exports.PROXY_SERVER_RUN_COMMAND_NAME,
                tags,
            }, this), 
            // One proxy at a time: the next is configured only once the one before answers with the change.
            { parent: this, dependsOn: previous ? [previous] : [], ...lean }));
            previous = runCommand;
            return { vm, publicIp, nic };
        });
        this.loadBalancer(name, `${baseVmName}-lb`, args, { layout, zones: args.frontendZones ?? zones, tags }, proxies.map(({ nic }) => nic));
        const known = pulumi.output(layout);
        this.privateIp = known.proxyIp;
        this.port = known.proxyPort;
        this.url = known.apply(guestConfig_1.proxyUrl);
        this.publicIps = pulumi.all(proxies.map(({ publicIp }) => publicIp.ipAddress.apply((address) => address ?? "")));
        this.publicIp = this.publicIps.apply((addresses) => addresses[0]);
        this.vmIds = pulumi.all(proxies.map(({ vm }) => vm.id));
        this.proxyVmIds = proxies.map(({ vm }) => vm.id);
        this.proxyVmNames = proxies.map((_, i) => `${baseVmName}${i === 0 ? "" : `-${i + 1}`}`);
        this.vmId = proxies[0].vm.id;
        this.backendIps = known.backendIps;
        this.allowedDomains = pulumi.output(allowedDomains);
        this.registerOutputs({
            privateIp: this.privateIp,
            port: this.port,
            url: this.url,
            publicIp: this.publicIp,
            publicIps: this.publicIps,
            vmId: this.vmId,
            vmIds: this.vmIds,
            backendIps: this.backendIps,
            allowedDomains: this.allowedDomains,
        });
    }
    /** The id of proxy `index` (0 for the first) alone: what watches one proxy then waits for that VM only, not for all as `vmIds` does. */
    /**
     * Each proxy as `BackupMonitoring` watches it (its `proxies`): named after its VM, with its own
     * address, which its heartbeat asks squid on. Not `privateIp`: a backend cannot reach its own
     * internal load balancer's frontend
     * (https://learn.microsoft.com/azure/load-balancer/load-balancer-troubleshoot-backend-traffic#cause-4-access-of-the-internal-load-balancer-frontend-from-the-participating-load-balancer-backend-pool-vm).
     */
    monitoredProxies() {
        return this.proxyVmNames.map((name, i) => ({ name, vmId: this.vmIdOf(i), proxyIp: this.backendIps.apply((ips) => ips[i]), proxyPort: this.port }));
    }
    vmIdOf(index) {
        const id = this.proxyVmIds[index];
        if (id === undefined) {
            throw new RangeError(`BackupProxy has ${this.proxyVmIds.length} proxies; there is no proxy ${index}`);
        }
        return id;
    }
    /**
     * The internal Standard load balancer: frontend `proxyIp` (zone-redundant where there are
     * zones), a TCP probe and a rule on the proxy port, and a backend pool of the proxies'
     * addresses in the VNet (an IP-based pool, which Standard load balancers take:
     * https://learn.microsoft.com/azure/load-balancer/backend-pool-management). It stands from the
     * first proxy on, so a change of `count` adds or removes pool members and their VMs only: no NIC
     * refers to the balancer, no address moves between resources, and the balancer is never
     * deleted. It waits for the NICs, so that a stack from before it (one proxy's NIC at `proxyIp`)
     * has that NIC give up `proxyIp` before the frontend takes it (Azure refuses an address in use).
     * Its parts refer to each other by id, which ARM builds from the balancer's own (network API
     * 2024-05-01, loadBalancer.json).
     */
    loadBalancer(name, loadBalancerName, args, placement, nics) {
        const subnetId = pulumi.output(args.subnetId);
        const subscription = subnetId.apply((id) => /^\/subscriptions\/([^/]+)\//i.exec(id)?.[1] ?? "");
        const vnetId = subnetId.apply((id) => id.replace(/\/subnets\/[^/]+$/i, ""));
        const id = pulumi.interpolate `/subscriptions/${subscription}/resourceGroups/${args.resourceGroupName}/providers/Microsoft.Network/loadBalancers/${loadBalancerName}`;
        const part = (kind, partName) => pulumi.interpolate `${id}/${kind}/${partName}`;
        const { layout, zones, tags } = placement;
        const proxyPort = (0, inputs_1.whenKnown)(layout, (known) => known.proxyPort);
        const count = args.count ?? defaults_1.DEFAULTS.proxyCount;
        return new network.LoadBalancer(`${name}-lb`, {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            loadBalancerName,
            sku: { name: "Standard", tier: "Regional" },
            frontendIPConfigurations: [
                {
                    name: "proxy",
                    subnet: { id: args.subnetId },
                    privateIPAllocationMethod: "Static",
                    privateIPAddress: (0, inputs_1.whenKnown)(layout, (known) => known.proxyIp),
                    privateIPAddressVersion: "IPv4",
                    zones: zones.length > 0 ? zones : undefined,
                },
            ],
            backendAddressPools: [
                {
                    name: "proxies",
                    loadBalancerBackendAddresses: Array.from({ length: count }, (_, i) => ({
                        name: `proxy-${i + 1}`,
                        ipAddress: (0, inputs_1.whenKnown)(layout, ({ backendIps }) => backendIps[i]),
                        virtualNetwork: { id: vnetId },
                    })),
                },
            ],
            probes: [{ name: "proxy-port", protocol: "Tcp", port: proxyPort, intervalInSeconds: 5, probeThreshold: 2 }],
            loadBalancingRules: [
                {
                    name: "proxy-port",
                    protocol: "Tcp",
                    frontendPort: proxyPort,
                    backendPort: proxyPort,
                    enableFloatingIP: false,
                    // A quiet HTTPS tunnel (an upload waiting on storage) outlives the 4-minute default; and a
                    // flow the balancer drops is reset, not left hanging for the client to time out
                    // (https://learn.microsoft.com/azure/load-balancer/load-balancer-tcp-reset).
                    idleTimeoutInMinutes: 30,
                    enableTcpReset: true,
                    frontendIPConfiguration: { id: part("frontendIPConfigurations", "proxy") },
                    backendAddressPool: { id: part("backendAddressPools", "proxies") },
                    probe: { id: part("probes", "proxy-port") },
                },
            ],
            tags,
        }, { parent: this, dependsOn: nics });
    }
}
exports.BackupProxy = BackupProxy;
/** An existing subnet's id, once Azure's answer shows it has the prefix the caller gave. */
function checkedSubnet(subnetId, subnetAddressPrefix, parent) {
    const subnet = (0, armIds_1.parseResourceId)("subnetId", subnetId, azureTypes_1.ARM_TYPES.subnet);
    return network
        .getSubnetOutput({ resourceGroupName: subnet.resourceGroupName, virtualNetworkName: subnet.names[0], subnetName: subnet.names[1] }, { parent })
        .apply((found) => {
        const prefixes = [found.addressPrefix, ...(found.addressPrefixes ?? [])].filter((prefix) => typeof prefix === "string");
        if (prefixes.length > 0 && !prefixes.includes(subnetAddressPrefix)) {
            (0, errors_1.invalid)("subnetAddressPrefix", `the prefix of subnet ${subnet.names[1]}, which Azure reports as ${prefixes.join(", ")}`, subnetAddressPrefix);
        }
        return subnetId;
    });
}
