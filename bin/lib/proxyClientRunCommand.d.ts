/**
 * The managed Run Command that applies a proxy client script to a VM, Linux or Windows. Unlike
 * the Custom Script extension, of which a VM can have only one, it leaves that extension to the
 * VM's owner; and a changed script runs again in place.
 */
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/azure-native/compute";
/** The Run Command's name on every VM. */
export declare const PROXY_CLIENT_RUN_COMMAND_NAME = "configure-backup-proxy";
export interface ProxyClientRunCommandSpec {
    vmId: pulumi.Input<string>;
    /** The VM's region; read from the VM when absent. */
    location?: pulumi.Input<string>;
    /** The script, shell on Linux and PowerShell on Windows: it holds no secret, and reviewers read it in every preview. */
    script: string;
    tags?: Record<string, string>;
}
/** Run Command arguments for a VM given by id; `parent` makes the location lookup its child. */
export declare function proxyClientRunCommandArgs(spec: ProxyClientRunCommandSpec, parent: pulumi.Resource): compute.VirtualMachineRunCommandByVirtualMachineArgs;
