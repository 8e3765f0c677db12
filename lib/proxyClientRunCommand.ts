/**
 * The managed Run Command that applies a configuration script to a VM: a proxy client's (Linux
 * or Windows), or the backup proxy's own. Unlike the Custom Script extension, of which a VM can
 * have only one, it leaves that extension to the VM's owner; and a changed script runs again in
 * place.
 */
import * as pulumi from "@pulumi/pulumi";
import type * as compute from "@pulumi/azure-native/compute";
import { InvalidSettingError } from "../policy/rulebook/errors";
import { parseVmId, vmArgument } from "./armIds";
import { lookUpVm, VmFacts } from "./vmLookup";

/** The Run Command's name on every VM. */
export const PROXY_CLIENT_RUN_COMMAND_NAME = "configure-backup-proxy";

export interface ProxyClientRunCommandSpec {
    vmId: pulumi.Input<string>;
    /** The VM's region; read from the VM when absent, and its OS checked then. */
    location?: pulumi.Input<string>;
    /** The OS the script is for: a VM Azure reports with another OS is refused. */
    osType: "Linux" | "Windows";
    /** The component that takes the VM, named in its errors: `LinuxProxyClient "web-1-proxy"`. */
    component: string;
    /** The argument that holds the VM's id, named in its errors. @default "vmId" */
    argument?: string;
    /** The script, shell on Linux and PowerShell on Windows: it holds no secret, and reviewers read it in every preview. */
    script: pulumi.Input<string>;
    tags?: Record<string, string>;
    /** The Run Command's name on the VM. @default {@link PROXY_CLIENT_RUN_COMMAND_NAME} */
    runCommandName?: string;
}

/** Run Command arguments for a VM given by id; `parent` makes the location lookup its child. */
export function proxyClientRunCommandArgs(spec: ProxyClientRunCommandSpec, parent: pulumi.Resource): compute.VirtualMachineRunCommandByVirtualMachineArgs {
    const about = (id: string) => vmArgument(spec.argument ?? "vmId", id, spec.component);
    if (typeof spec.vmId === "string") {
        parseVmId(about(spec.vmId), spec.vmId);
    }
    const vm = pulumi.output(spec.vmId).apply((id) => parseVmId(about(id), id));
    return {
        resourceGroupName: vm.resourceGroupName,
        vmName: vm.vmName,
        location: spec.location ?? pulumi.output(spec.vmId).apply((id) => lookUpVm(about(id), id, parent).apply((facts) => checkedOs(about(id), spec, facts))),
        runCommandName: spec.runCommandName ?? PROXY_CLIENT_RUN_COMMAND_NAME,
        source: { script: spec.script },
        asyncExecution: false,
        // A script that fails fails the deployment, instead of a VM silently left without its proxy.
        treatFailureAsDeploymentFailure: true,
        timeoutInSeconds: 600,
        tags: spec.tags,
    };
}

/** The VM's region, once Azure's answer shows it runs the OS the script is for. */
function checkedOs(setting: string, spec: ProxyClientRunCommandSpec, facts: VmFacts): string {
    if (facts.osType !== undefined && facts.osType.toLowerCase() !== spec.osType.toLowerCase()) {
        const other = spec.osType === "Linux" ? "WindowsProxyClient" : "LinuxProxyClient";
        throw new InvalidSettingError(setting, `must be a ${spec.osType} VM: Azure reports a ${facts.osType} VM; use ${other}`);
    }
    return facts.location;
}
