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
exports.lookUpVm = lookUpVm;
/**
 * What Azure says of an existing VM, read once per VM and program: its region and its OS. The
 * vault (for the region) and a proxy client (for the region and the OS) of the same VM share
 * the one read. Nothing is read for a VM whose region the caller gives.
 */
const pulumi = __importStar(require("@pulumi/pulumi"));
const compute = __importStar(require("@pulumi/azure-native/compute"));
const armIds_1 = require("./armIds");
/** Per program run (its stack resource): tests run many programs in one process. */
const reads = new WeakMap();
const NO_STACK = {};
/** The VM's region and OS, read from Azure (`azure-native:compute:getVirtualMachine`); `setting` names the id in errors. */
function lookUpVm(setting, vmId, parent) {
    const run = pulumi.runtime.getStackResource() ?? NO_STACK;
    const read = reads.get(run) ?? new Map();
    reads.set(run, read);
    const key = vmId.toLowerCase();
    const known = read.get(key);
    if (known) {
        return known;
    }
    const vm = (0, armIds_1.parseVmId)(setting, vmId);
    const facts = compute.getVirtualMachineOutput({ resourceGroupName: vm.resourceGroupName, vmName: vm.vmName }, { parent }).apply((found) => ({
        location: found.location,
        osType: found.storageProfile?.osDisk?.osType ?? (found.osProfile?.windowsConfiguration ? "Windows" : found.osProfile?.linuxConfiguration ? "Linux" : undefined),
    }));
    read.set(key, facts);
    return facts;
}
