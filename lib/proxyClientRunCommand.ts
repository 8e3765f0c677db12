/**
 * The managed Run Command that applies a configuration script to a VM: a proxy client's (Linux
 * or Windows), or the backup proxy's own. Unlike the Custom Script extension, of which a VM can
 * have only one, it leaves that extension to the VM's owner; and a changed script runs again in
 * place.
 */
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/azure-native/compute";
import { parseVmId } from "./backupNames";

/** The Run Command's name on every VM. */
export const PROXY_CLIENT_RUN_COMMAND_NAME = "configure-backup-proxy";

export interface ProxyClientRunCommandSpec {
    vmId: pulumi.Input<string>;
    /** The VM's region; read from the VM when absent. */
    location?: pulumi.Input<string>;
    /** The script, shell on Linux and PowerShell on Windows: it holds no secret, and reviewers read it in every preview. */
    script: string;
    tags?: Record<string, string>;
    /** The Run Command's name on the VM. @default {@link PROXY_CLIENT_RUN_COMMAND_NAME} */
    runCommandName?: string;
}

/** Run Command arguments for a VM given by id; `parent` makes the location lookup its child. */
export function proxyClientRunCommandArgs(spec: ProxyClientRunCommandSpec, parent: pulumi.Resource): compute.VirtualMachineRunCommandByVirtualMachineArgs {
    if (typeof spec.vmId === "string") {
        parseVmId("vmId", spec.vmId);
    }
    const vm = pulumi.output(spec.vmId).apply((id) => parseVmId("vmId", id));
    return {
        resourceGroupName: vm.resourceGroupName,
        vmName: vm.vmName,
        location: spec.location ?? vm.apply((ref) => compute.getVirtualMachineOutput(ref, { parent }).location),
        runCommandName: spec.runCommandName ?? PROXY_CLIENT_RUN_COMMAND_NAME,
        source: { script: spec.script },
        asyncExecution: false,
        // A script that fails fails the deployment, instead of a VM silently left without its proxy.
        treatFailureAsDeploymentFailure: true,
        timeoutInSeconds: 600,
        tags: spec.tags,
    };
}
