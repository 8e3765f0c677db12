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
exports.BackupProxy = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const compute = __importStar(require("@pulumi/azure-native/compute"));
const network = __importStar(require("@pulumi/azure-native/network"));
const aliases_1 = require("../lib/aliases");
const cidr_1 = require("../policy/rulebook/cidr");
const guestConfig_1 = require("../lib/guestConfig");
const vmArgs_1 = require("../lib/vmArgs");
const guestConfig_2 = require("../lib/guestConfig");
const defaults_1 = require("../lib/defaults");
const addresses_1 = require("../lib/validation/addresses");
const images_1 = require("../lib/validation/images");
const names_1 = require("../lib/validation/names");
const sshKeys_1 = require("../lib/validation/sshKeys");
const vaultSettings_1 = require("../lib/vaultSettings");
/**
 * An Ubuntu LTS VM running squid as an allow-list HTTPS proxy to Azure Storage, at a static
 * private IP, with a host firewall that admits the proxy port from the clients only and a
 * static Standard public IP for one stable egress address. A change of its configuration
 * replaces the VM (it holds no state); its addresses stay.
 */
class BackupProxy extends pulumi.ComponentResource {
    privateIp;
    port;
    url;
    publicIp;
    vmId;
    allowedDomains;
    constructor(name, args, opts) {
        super("backup-ready:index:BackupProxy", name, {}, (0, aliases_1.withoutTypeAliases)(opts, args.keepTypeAliases));
        const subnet = (0, addresses_1.cidr)("subnetAddressPrefix", args.subnetAddressPrefix);
        const proxyIp = args.proxyIp ?? (0, cidr_1.formatIp)((0, cidr_1.hostAddress)(subnet, defaults_1.DEFAULTS.proxyHostOffset));
        const proxyPort = (0, addresses_1.checkProxyPort)("proxyPort", args.proxyPort ?? defaults_1.DEFAULTS.proxyPort);
        (0, addresses_1.checkProxyIp)("proxyIp", proxyIp, args.subnetAddressPrefix, "subnetAddressPrefix");
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
        const publicIp = new network.PublicIPAddress(`${name}-egress-ip`, {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            sku: { name: "Standard", tier: "Regional" },
            publicIPAllocationMethod: "Static",
            publicIPAddressVersion: "IPv4",
            tags,
        }, { parent: this });
        const nic = new network.NetworkInterface(`${name}-nic`, {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            ipConfigurations: [
                {
                    name: "ipconfig1",
                    primary: true,
                    subnet: { id: args.subnetId },
                    privateIPAllocationMethod: "Static",
                    privateIPAddress: proxyIp,
                    publicIPAddress: { id: publicIp.id },
                },
            ],
            tags,
        }, { parent: this });
        const cloudConfig = (0, guestConfig_1.renderProxyCloudConfig)({ proxyPort, clientCidrs: args.clientAddressPrefixes, allowedDomains });
        const vm = new compute.VirtualMachine(`${name}-vm`, (0, vmArgs_1.linuxVmArgs)({
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            vmName: args.vmName ?? name,
            vmSize,
            networkInterfaceId: nic.id,
            adminUsername,
            sshPublicKey: args.sshPublicKey,
            cloudConfig,
            tags,
        }), 
        // Azure cannot change customData in place: a new proxy configuration is a new VM on the same NIC.
        { parent: this, replaceOnChanges: ["osProfile.customData"], deleteBeforeReplace: true });
        this.privateIp = pulumi.output(proxyIp);
        this.port = pulumi.output(proxyPort);
        this.url = pulumi.output((0, guestConfig_1.proxyUrl)({ proxyIp, proxyPort }));
        this.publicIp = publicIp.ipAddress.apply((address) => address ?? "");
        this.vmId = vm.id;
        this.allowedDomains = pulumi.output(allowedDomains);
        this.registerOutputs({
            privateIp: this.privateIp,
            port: this.port,
            url: this.url,
            publicIp: this.publicIp,
            vmId: this.vmId,
            allowedDomains: this.allowedDomains,
        });
    }
}
exports.BackupProxy = BackupProxy;
