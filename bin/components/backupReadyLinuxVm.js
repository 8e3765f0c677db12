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
exports.BackupReadyLinuxVm = exports.BACKUP_READY_LINUX_VM_ARGUMENTS = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const compute = __importStar(require("@pulumi/azure-native/compute"));
const network = __importStar(require("@pulumi/azure-native/network"));
const aliases_1 = require("../lib/aliases");
const inputs_1 = require("../lib/inputs");
const outputs_1 = require("../lib/outputs");
const guestConfig_1 = require("../lib/guestConfig");
const linuxProxyClient_1 = require("./linuxProxyClient");
const vmArgs_1 = require("../lib/vmArgs");
const appVm_1 = require("../lib/validation/appVm");
const addresses_1 = require("../lib/validation/addresses");
const arguments_1 = require("../lib/arguments");
const images_1 = require("../lib/validation/images");
const sshKeys_1 = require("../lib/validation/sshKeys");
const vaultSettings_1 = require("../lib/vaultSettings");
const sharedArgs_1 = require("./sharedArgs");
/** Every argument of `BackupReadyLinuxVm`, once. */
exports.BACKUP_READY_LINUX_VM_ARGUMENTS = (0, arguments_1.argumentNames)()([...sharedArgs_1.BACKUP_READY_VM_ARGUMENTS, "image", "sshPublicKey"]);
/**
 * An Ubuntu LTS VM ready for Azure Backup: the VM agent provisioned. Behind a proxy, cloud-init
 * points the agent and the backup extension at it at first boot, and a {@link LinuxProxyClient}
 * keeps them pointed at it when the proxy changes.
 */
class BackupReadyLinuxVm extends pulumi.ComponentResource {
    vmId;
    vmName;
    privateIp;
    constructor(name, args, opts) {
        super("backup-ready:index:BackupReadyLinuxVm", name, {}, (0, aliases_1.withoutTypeAliases)(opts, args.keepTypeAliases));
        const { proxy, vmSize, adminUsername, dataDiskCount } = (0, appVm_1.checkAppVm)(args);
        const tags = (0, vaultSettings_1.checkedTags)(args.tags);
        if (typeof args.sshPublicKey === "string") {
            (0, sshKeys_1.checkSshPublicKey)("sshPublicKey", args.sshPublicKey);
        }
        if (args.image !== undefined) {
            (0, images_1.checkLinuxImage)("image", args.image);
        }
        const nic = (0, outputs_1.reading)("ipConfigurations")((lean) => new network.NetworkInterface(`${name}-nic`, (0, vmArgs_1.appNicArgs)({ ...args, tags }), { parent: this, ...lean }));
        const vm = (0, outputs_1.reading)("name")((lean) => new compute.VirtualMachine(`${name}-vm`, (0, vmArgs_1.linuxVmArgs)({
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            vmName: args.vmName ?? name,
            vmSize,
            image: args.image,
            networkInterfaceId: nic.id,
            adminUsername,
            sshPublicKey: args.sshPublicKey,
            cloudConfig: proxy && (0, inputs_1.whenKnown)(proxy, guestConfig_1.renderLinuxProxyClientCloudConfig),
            dataDiskCount,
            dataDiskSizeGb: args.dataDiskSizeGb,
            tags,
        }), 
        // cloud-init configures the proxy at first boot, in a locked-down network the agent's
        // only way out. Azure cannot change customData in place, and a VM holding data must
        // never be replaced for a new proxy address: later changes go through the Run Command.
        { parent: this, ignoreChanges: ["osProfile.customData"], ...lean }));
        if (proxy) {
            new linuxProxyClient_1.LinuxProxyClient(`${name}-proxy-client`, (0, addresses_1.carryingCheckedEndpoint)({ vmId: vm.id, location: args.location, proxyIp: args.proxyIp, proxyPort: args.proxyPort, tags, keepTypeAliases: args.keepTypeAliases }, proxy), { parent: this });
        }
        this.vmId = vm.id;
        this.vmName = vm.name;
        this.privateIp = nic.ipConfigurations.apply((configs) => configs?.[0]?.privateIPAddress ?? "");
        this.registerOutputs({ vmId: this.vmId, vmName: this.vmName, privateIp: this.privateIp });
    }
}
exports.BackupReadyLinuxVm = BackupReadyLinuxVm;
