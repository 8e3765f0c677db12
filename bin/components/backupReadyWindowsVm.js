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
exports.BackupReadyWindowsVm = exports.BACKUP_READY_WINDOWS_VM_ARGUMENTS = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const compute = __importStar(require("@pulumi/azure-native/compute"));
const network = __importStar(require("@pulumi/azure-native/network"));
const aliases_1 = require("../lib/aliases");
const outputs_1 = require("../lib/outputs");
const vmArgs_1 = require("../lib/vmArgs");
const appVm_1 = require("../lib/validation/appVm");
const addresses_1 = require("../lib/validation/addresses");
const arguments_1 = require("../lib/arguments");
const images_1 = require("../lib/validation/images");
const names_1 = require("../lib/validation/names");
const vaultSettings_1 = require("../lib/vaultSettings");
const sharedArgs_1 = require("./sharedArgs");
const windowsProxyClient_1 = require("./windowsProxyClient");
/** Every argument of `BackupReadyWindowsVm`, once. */
exports.BACKUP_READY_WINDOWS_VM_ARGUMENTS = (0, arguments_1.argumentNames)()([...sharedArgs_1.BACKUP_READY_VM_ARGUMENTS, "image", "adminPassword"]);
/**
 * A Windows Server VM ready for Azure Backup: the VM agent provisioned, and behind a proxy a
 * {@link WindowsProxyClient} that sets WinHTTP and LocalSystem's proxy, also when the proxy changes.
 */
class BackupReadyWindowsVm extends pulumi.ComponentResource {
    vmId;
    vmName;
    constructor(name, args, opts) {
        super("backup-ready:index:BackupReadyWindowsVm", name, {}, (0, aliases_1.withoutTypeAliases)(opts, args.keepTypeAliases));
        const { proxy, vmSize, adminUsername, dataDiskCount } = (0, appVm_1.checkAppVm)(args);
        const tags = (0, vaultSettings_1.checkedTags)(args.tags);
        const vmName = args.vmName ?? name;
        (0, names_1.checkWindowsComputerName)("vmName", vmName);
        if (args.image !== undefined) {
            (0, images_1.checkImage)("image", args.image);
        }
        const nic = (0, outputs_1.reading)()((lean) => new network.NetworkInterface(`${name}-nic`, (0, vmArgs_1.appNicArgs)({ ...args, tags }), { parent: this, ...lean }));
        const vm = (0, outputs_1.reading)("name")((lean) => new compute.VirtualMachine(`${name}-vm`, (0, vmArgs_1.windowsVmArgs)({
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            vmName,
            vmSize,
            image: args.image,
            networkInterfaceId: nic.id,
            adminUsername,
            adminPassword: args.adminPassword,
            dataDiskCount,
            dataDiskSizeGb: args.dataDiskSizeGb,
            tags,
        }), { parent: this, ...lean }));
        if (proxy) {
            new windowsProxyClient_1.WindowsProxyClient(`${name}-proxy-client`, (0, addresses_1.carryingCheckedEndpoint)({ vmId: vm.id, location: args.location, proxyIp: args.proxyIp, proxyPort: args.proxyPort, tags, keepTypeAliases: args.keepTypeAliases }, proxy), { parent: this });
        }
        this.vmId = vm.id;
        this.vmName = vm.name;
        this.registerOutputs({ vmId: this.vmId, vmName: this.vmName });
    }
}
exports.BackupReadyWindowsVm = BackupReadyWindowsVm;
