import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/azure-native/compute";
import * as network from "@pulumi/azure-native/network";
import { withoutTypeAliases } from "../lib/aliases";
import { whenKnown } from "../lib/inputs";
import { reading } from "../lib/outputs";
import { renderLinuxProxyClientCloudConfig } from "../lib/guestConfig";
import { LinuxProxyClient } from "./linuxProxyClient";
import { appNicArgs, linuxVmArgs } from "../lib/vmArgs";
import { checkAppVm } from "../lib/validation/appVm";
import { carryingCheckedEndpoint } from "../lib/validation/addresses";
import { argumentNames } from "../lib/arguments";
import { checkLinuxImage } from "../lib/validation/images";
import { checkSshPublicKey } from "../lib/validation/sshKeys";
import { ImageReference } from "../policy/rulebook/images";
import { checkedTags } from "../lib/vaultSettings";
import { BACKUP_READY_VM_ARGUMENTS, BackupReadyVmArgs } from "./sharedArgs";

export interface BackupReadyLinuxVmArgs extends BackupReadyVmArgs {
    /** A Linux marketplace image. @default Ubuntu Server 24.04 LTS */
    image?: ImageReference;
    /** The OpenSSH public key for the admin user; password login stays off. */
    sshPublicKey: pulumi.Input<string>;
}

/** Every argument of `BackupReadyLinuxVm`, once. */
export const BACKUP_READY_LINUX_VM_ARGUMENTS = argumentNames<BackupReadyLinuxVmArgs>()([...BACKUP_READY_VM_ARGUMENTS, "image", "sshPublicKey"]);

/**
 * An Ubuntu LTS VM ready for Azure Backup: the VM agent provisioned. Behind a proxy, cloud-init
 * points the agent and the backup extension at it at first boot, and a {@link LinuxProxyClient}
 * keeps them pointed at it when the proxy changes.
 */
export class BackupReadyLinuxVm extends pulumi.ComponentResource {
    public readonly vmId: pulumi.Output<string>;
    public readonly vmName: pulumi.Output<string>;
    public readonly privateIp: pulumi.Output<string>;

    constructor(name: string, args: BackupReadyLinuxVmArgs, opts?: pulumi.ComponentResourceOptions) {
        super("backup-ready:index:BackupReadyLinuxVm", name, {}, withoutTypeAliases(opts, args.keepTypeAliases));

        const { proxy, vmSize, adminUsername, dataDiskCount } = checkAppVm(args);
        const tags = checkedTags(args.tags);
        if (typeof args.sshPublicKey === "string") {
            checkSshPublicKey("sshPublicKey", args.sshPublicKey);
        }
        if (args.image !== undefined) {
            checkLinuxImage("image", args.image);
        }

        const nic = reading("ipConfigurations")((lean) => new network.NetworkInterface(`${name}-nic`, appNicArgs({ ...args, tags }), { parent: this, ...lean }));

        const vm = reading("name")((lean) =>
            new compute.VirtualMachine(
                `${name}-vm`,
                linuxVmArgs({
                    resourceGroupName: args.resourceGroupName,
                    location: args.location,
                    vmName: args.vmName ?? name,
                    vmSize,
                    image: args.image,
                    networkInterfaceId: nic.id,
                    adminUsername,
                    sshPublicKey: args.sshPublicKey,
                    cloudConfig: proxy && whenKnown(proxy, renderLinuxProxyClientCloudConfig),
                    dataDiskCount,
                    dataDiskSizeGb: args.dataDiskSizeGb,
                    tags,
                }),
                // cloud-init configures the proxy at first boot, in a locked-down network the agent's
                // only way out. Azure cannot change customData in place, and a VM holding data must
                // never be replaced for a new proxy address: later changes go through the Run Command.
                { parent: this, ignoreChanges: ["osProfile.customData"], ...lean },
            ),
        );

        if (proxy) {
            new LinuxProxyClient(
                `${name}-proxy-client`,
                carryingCheckedEndpoint({ vmId: vm.id, location: args.location, proxyIp: args.proxyIp as pulumi.Input<string>, proxyPort: args.proxyPort, tags, keepTypeAliases: args.keepTypeAliases }, proxy),
                { parent: this },
            );
        }

        this.vmId = vm.id;
        this.vmName = vm.name;
        this.privateIp = nic.ipConfigurations.apply((configs) => configs?.[0]?.privateIPAddress ?? "");
        this.registerOutputs({ vmId: this.vmId, vmName: this.vmName, privateIp: this.privateIp });
    }
}
