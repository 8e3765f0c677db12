/**
 * The managed Run Command that applies a configuration script to a VM: a proxy client's (Linux
 * or Windows), or the backup proxy's own. Unlike the Custom Script extension, of which a VM can
 * have only one, it leaves that extension to the VM's owner; and a changed script runs again in
 * place.
 */
import * as pulumi from "@pulumi/pulumi";
import type * as compute from "@pulumi/azure-native/compute";
/** The Run Command's name on every VM. */
export declare const PROXY_CLIENT_RUN_COMMAND_NAME = "configure-backup-proxy";
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
export declare function proxyClientRunCommandArgs(spec: ProxyClientRunCommandSpec, parent: pulumi.Resource): compute.VirtualMachineRunCommandByVirtualMachineArgs;
