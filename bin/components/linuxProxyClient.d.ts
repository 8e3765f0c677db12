import * as pulumi from "@pulumi/pulumi";
import { ProxyClientArgs } from "./sharedArgs";
export interface LinuxProxyClientArgs extends ProxyClientArgs {
}
/**
 * Points the agent and the backup extension of a Linux VM at the backup proxy, through a managed
 * Run Command: the same script that cloud-init runs at first boot, so a VM that exists already,
 * or a changed proxy address, is configured in place and never replaced.
 */
export declare class LinuxProxyClient extends pulumi.ComponentResource {
    readonly runCommandId: pulumi.Output<string>;
    constructor(name: string, args: LinuxProxyClientArgs, opts?: pulumi.ComponentResourceOptions);
}
