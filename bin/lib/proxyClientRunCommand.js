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
exports.PROXY_CLIENT_RUN_COMMAND_NAME = void 0;
exports.proxyClientRunCommandArgs = proxyClientRunCommandArgs;
/**
 * The managed Run Command that applies a configuration script to a VM: a proxy client's (Linux
 * or Windows), or the backup proxy's own. Unlike the Custom Script extension, of which a VM can
 * have only one, it leaves that extension to the VM's owner; and a changed script runs again in
 * place.
 */
const pulumi = __importStar(require("@pulumi/pulumi"));
const errors_1 = require("../policy/rulebook/errors");
const armIds_1 = require("./armIds");
const vmLookup_1 = require("./vmLookup");
/** The Run Command's name on every VM. */
exports.PROXY_CLIENT_RUN_COMMAND_NAME = "configure-backup-proxy";
/** Run Command arguments for a VM given by id; `parent` makes the location lookup its child. */
function proxyClientRunCommandArgs(spec, parent) {
    const about = (id) => (0, armIds_1.vmArgument)(spec.argument ?? "vmId", id, spec.component);
    if (typeof spec.vmId === "string") {
        (0, armIds_1.parseVmId)(about(spec.vmId), spec.vmId);
    }
    const vm = pulumi.output(spec.vmId).apply((id) => (0, armIds_1.parseVmId)(about(id), id));
    return {
        resourceGroupName: vm.resourceGroupName,
        vmName: vm.vmName,
        location: spec.location ?? pulumi.output(spec.vmId).apply((id) => (0, vmLookup_1.lookUpVm)(about(id), id, parent).apply((facts) => checkedOs(about(id), spec, facts))),
        runCommandName: spec.runCommandName ?? exports.PROXY_CLIENT_RUN_COMMAND_NAME,
        source: { script: spec.script },
        asyncExecution: false,
        // A script that fails fails the deployment, instead of a VM silently left without its proxy.
        treatFailureAsDeploymentFailure: true,
        timeoutInSeconds: 600,
        tags: spec.tags,
    };
}
/** The VM's region, once Azure's answer shows it runs the OS the script is for. */
function checkedOs(setting, spec, facts) {
    if (facts.osType !== undefined && facts.osType.toLowerCase() !== spec.osType.toLowerCase()) {
        const other = spec.osType === "Linux" ? "WindowsProxyClient" : "LinuxProxyClient";
        throw new errors_1.InvalidSettingError(setting, `must be a ${spec.osType} VM: Azure reports a ${facts.osType} VM; use ${other}`);
    }
    return facts.location;
}
