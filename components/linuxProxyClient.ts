import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/azure-native/compute";
import { withoutTypeAliases } from "../lib/aliases";
import { reading } from "../lib/outputs";
import { renderLinuxProxyClientScript } from "../lib/guestConfig";
import { proxyClientRunCommandArgs } from "../lib/proxyClientRunCommand";
import { componentLabel } from "../lib/armIds";
import { whenKnown } from "../lib/inputs";
import { proxyEndpointOf } from "../lib/validation/addresses";
import { checkedTags } from "../lib/vaultSettings";
import { ProxyClientArgs } from "./sharedArgs";

export interface LinuxProxyClientArgs extends ProxyClientArgs {}

/**
 * Points the agent and the backup extension of a Linux VM at the backup proxy, through a managed
 * Run Command: the same script that cloud-init runs at first boot, so a VM that exists already,
 * or a changed proxy address, is configured in place and never replaced.
 */
export class LinuxProxyClient extends pulumi.ComponentResource {
    public readonly runCommandId: pulumi.Output<string>;

    constructor(name: string, args: LinuxProxyClientArgs, opts?: pulumi.ComponentResourceOptions) {
        super("backup-ready:index:LinuxProxyClient", name, {}, withoutTypeAliases(opts, args.keepTypeAliases));

        const proxy = proxyEndpointOf(args);
        const runCommand = reading()((lean) =>
            new compute.VirtualMachineRunCommandByVirtualMachine(
                `${name}-run-command`,
                proxyClientRunCommandArgs({ vmId: args.vmId, location: args.location, osType: "Linux", component: componentLabel("LinuxProxyClient", name), script: whenKnown(proxy, renderLinuxProxyClientScript), tags: checkedTags(args.tags) }, this),
                { parent: this, ...lean },
            ));

        this.runCommandId = runCommand.id;
        this.registerOutputs({ runCommandId: this.runCommandId });
    }
}
