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
exports.LinuxProxyClient = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const compute = __importStar(require("@pulumi/azure-native/compute"));
const aliases_1 = require("../lib/aliases");
const outputs_1 = require("../lib/outputs");
const guestConfig_1 = require("../lib/guestConfig");
const proxyClientRunCommand_1 = require("../lib/proxyClientRunCommand");
const armIds_1 = require("../lib/armIds");
const inputs_1 = require("../lib/inputs");
const addresses_1 = require("../lib/validation/addresses");
const vaultSettings_1 = require("../lib/vaultSettings");
/**
 * Points the agent and the backup extension of a Linux VM at the backup proxy, through a managed
 * Run Command: the same script that cloud-init runs at first boot, so a VM that exists already,
 * or a changed proxy address, is configured in place and never replaced.
 */
class LinuxProxyClient extends pulumi.ComponentResource {
    runCommandId;
    constructor(name, args, opts) {
        super("backup-ready:index:LinuxProxyClient", name, {}, (0, aliases_1.withoutTypeAliases)(opts, args.keepTypeAliases));
        const proxy = (0, addresses_1.proxyEndpointOf)(args);
        const runCommand = (0, outputs_1.reading)()((lean) => new compute.VirtualMachineRunCommandByVirtualMachine(`${name}-run-command`, (0, proxyClientRunCommand_1.proxyClientRunCommandArgs)({ vmId: args.vmId, location: args.location, osType: "Linux", component: (0, armIds_1.componentLabel)("LinuxProxyClient", name), script: (0, inputs_1.whenKnown)(proxy, guestConfig_1.renderLinuxProxyClientScript), tags: (0, vaultSettings_1.checkedTags)(args.tags) }, this), { parent: this, ...lean }));
        this.runCommandId = runCommand.id;
        this.registerOutputs({ runCommandId: this.runCommandId });
    }
}
exports.LinuxProxyClient = LinuxProxyClient;
