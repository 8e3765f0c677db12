import * as pulumi from "@pulumi/pulumi";
import { ProxyClientArgs } from "./sharedArgs";
export interface WindowsProxyClientArgs extends ProxyClientArgs {
}
/**
 * Points the agent, the backup extension and the services of a Windows VM at the backup proxy:
 * WinHTTP and LocalSystem's proxy settings, with the wire server and instance metadata
 * bypassed, set by a PowerShell script through a managed Run Command. The VM is configured in
 * place, never replaced, also when the proxy changes.
 */
export declare class WindowsProxyClient extends pulumi.ComponentResource {
    readonly runCommandId: pulumi.Output<string>;
    constructor(name: string, args: WindowsProxyClientArgs, opts?: pulumi.ComponentResourceOptions);
}
