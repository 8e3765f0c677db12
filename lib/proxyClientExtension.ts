/** The Custom Script extension that applies a proxy client script to a VM, Linux or Windows. */
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/azure-native/compute";
import { parseVmId } from "./backupNames";

export interface ExtensionHandler {
    publisher: string;
    type: string;
    typeHandlerVersion: string;
}

export const LINUX_CUSTOM_SCRIPT: ExtensionHandler = { publisher: "Microsoft.Azure.Extensions", type: "CustomScript", typeHandlerVersion: "2.1" };
export const WINDOWS_CUSTOM_SCRIPT: ExtensionHandler = { publisher: "Microsoft.Compute", type: "CustomScriptExtension", typeHandlerVersion: "1.10" };

/** The extension's name on every VM. */
export const PROXY_CLIENT_EXTENSION_NAME = "configure-backup-proxy";

export interface ProxyClientExtensionSpec {
    vmId: pulumi.Input<string>;
    /** The VM's region; read from the VM when absent. */
    location?: pulumi.Input<string>;
    handler: ExtensionHandler;
    /**
     * The handler's public settings: the scripts hold no secret, and reviewers see them in every
     * preview. A change re-runs the script in place.
     */
    settings: Record<string, string>;
}

/** Extension arguments for a VM given by id; `parent` makes the location lookup its child. */
export function proxyClientExtensionArgs(spec: ProxyClientExtensionSpec, parent: pulumi.Resource): compute.VirtualMachineExtensionArgs {
    if (typeof spec.vmId === "string") {
        parseVmId("vmId", spec.vmId);
    }
    const vm = pulumi.output(spec.vmId).apply((id) => parseVmId("vmId", id));
    return {
        resourceGroupName: vm.resourceGroupName,
        vmName: vm.vmName,
        location: spec.location ?? vm.apply((ref) => compute.getVirtualMachineOutput(ref, { parent }).location),
        vmExtensionName: PROXY_CLIENT_EXTENSION_NAME,
        ...spec.handler,
        autoUpgradeMinorVersion: true,
        settings: spec.settings,
    };
}
