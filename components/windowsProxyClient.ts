import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/azure-native/compute";
import { renderWindowsProxyClientScript } from "../lib/guestConfig";
import { proxyClientRunCommandArgs } from "../lib/proxyClientRunCommand";
import { componentLabel } from "../lib/armIds";
import { withoutTypeAliases } from "../lib/aliases";
import { reading } from "../lib/outputs";
import { whenKnown } from "../lib/inputs";
import { proxyEndpointOf } from "../lib/validation/addresses";
import { checkedTags } from "../lib/vaultSettings";
import { ProxyClientArgs } from "./sharedArgs";

export interface WindowsProxyClientArgs extends ProxyClientArgs {}

/**
 * Points the agent, the backup extension and the services of a Windows VM at the backup proxy:
 * WinHTTP and LocalSystem's proxy settings, with the wire server and instance metadata
 * bypassed, set by a PowerShell script through a managed Run Command. The VM is configured in
 * place, never replaced, also when the proxy changes.
 */
export class WindowsProxyClient extends pulumi.ComponentResource {
    public readonly runCommandId: pulumi.Output<string>;

    constructor(name: string, args: WindowsProxyClientArgs, opts?: pulumi.ComponentResourceOptions) {
        super("backup-ready:index:WindowsProxyClient", name, {}, withoutTypeAliases(opts, args.keepTypeAliases));

        const proxy = proxyEndpointOf(args);
        const runCommand = reading()((lean) =>
            new compute.VirtualMachineRunCommandByVirtualMachine(
                `${name}-run-command`,
                proxyClientRunCommandArgs({ vmId: args.vmId, location: args.location, osType: "Windows", component: componentLabel("WindowsProxyClient", name), script: whenKnown(proxy, renderWindowsProxyClientScript), tags: checkedTags(args.tags) }, this),
                { parent: this, ...lean },
            ));

        this.runCommandId = runCommand.id;
        this.registerOutputs({ runCommandId: this.runCommandId });
    }
}
