import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/azure-native/compute";
import { renderWindowsProxyClientScript } from "../lib/guestConfig";
import { proxyClientRunCommandArgs } from "../lib/proxyClientRunCommand";
import { withoutTypeAliases } from "../lib/aliases";
import { readingOnly } from "../lib/outputs";
import { checkProxyPort, proxyAddress } from "../lib/validation";

export interface WindowsProxyClientArgs {
    /** The VM's ARM id: a VM of this stack or one that exists already. */
    vmId: pulumi.Input<string>;
    /** The VM's region. @default read from the VM */
    location?: pulumi.Input<string>;
    /** The backup proxy's private IP. */
    proxyIp: string;
    /** @default 3128 */
    proxyPort?: number;
}

/**
 * Points the agent, the backup extension and the services of a Windows VM at the backup proxy:
 * WinHTTP and LocalSystem's proxy settings, with the wire server and instance metadata
 * bypassed, set by a PowerShell script through a managed Run Command. The VM is configured in
 * place, never replaced, also when the proxy changes.
 */
export class WindowsProxyClient extends pulumi.ComponentResource {
    public readonly runCommandId: pulumi.Output<string>;

    constructor(name: string, args: WindowsProxyClientArgs, opts?: pulumi.ComponentResourceOptions) {
        super("backup-ready:index:WindowsProxyClient", name, {}, withoutTypeAliases(opts));

        proxyAddress("proxyIp", args.proxyIp);
        const proxy = { proxyIp: args.proxyIp, proxyPort: checkProxyPort("proxyPort", args.proxyPort ?? 3128) };
        const runCommand = new compute.VirtualMachineRunCommandByVirtualMachine(
            `${name}-run-command`,
            proxyClientRunCommandArgs({ vmId: args.vmId, location: args.location, script: renderWindowsProxyClientScript(proxy) }, this),
            { parent: this, ...readingOnly() },
        );

        this.runCommandId = runCommand.id;
        this.registerOutputs({ runCommandId: this.runCommandId });
    }
}
