import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/azure-native/compute";
import * as network from "@pulumi/azure-native/network";
import { withoutTypeAliases } from "../lib/aliases";
import { reading } from "../lib/outputs";
import { appNicArgs, windowsVmArgs } from "../lib/vmArgs";
import { checkAppVm } from "../lib/validation/appVm";
import { carryingCheckedEndpoint } from "../lib/validation/addresses";
import { argumentNames } from "../lib/arguments";
import { checkImage } from "../lib/validation/images";
import { checkWindowsComputerName } from "../lib/validation/names";
import { ImageReference } from "../policy/rulebook/images";
import { checkedTags } from "../lib/vaultSettings";
import { BACKUP_READY_VM_ARGUMENTS, BackupReadyVmArgs } from "./sharedArgs";
import { WindowsProxyClient } from "./windowsProxyClient";

export interface BackupReadyWindowsVmArgs extends BackupReadyVmArgs {
    /** A Windows Server marketplace image, 2008 R2 or newer. @default Windows Server 2022 Datacenter: Azure Edition */
    image?: ImageReference;
    /** The admin user's password; pass a secret. */
    adminPassword: pulumi.Input<string>;
}

/** Every argument of `BackupReadyWindowsVm`, once. */
export const BACKUP_READY_WINDOWS_VM_ARGUMENTS = argumentNames<BackupReadyWindowsVmArgs>()([...BACKUP_READY_VM_ARGUMENTS, "image", "adminPassword"]);

/**
 * A Windows Server VM ready for Azure Backup: the VM agent provisioned, and behind a proxy a
 * {@link WindowsProxyClient} that sets WinHTTP and LocalSystem's proxy, also when the proxy changes.
 */
export class BackupReadyWindowsVm extends pulumi.ComponentResource {
    public readonly vmId: pulumi.Output<string>;
    public readonly vmName: pulumi.Output<string>;

    constructor(name: string, args: BackupReadyWindowsVmArgs, opts?: pulumi.ComponentResourceOptions) {
        super("backup-ready:index:BackupReadyWindowsVm", name, {}, withoutTypeAliases(opts, args.keepTypeAliases));

        const { proxy, vmSize, adminUsername, dataDiskCount } = checkAppVm(args);
        const tags = checkedTags(args.tags);
        const vmName = args.vmName ?? name;
        checkWindowsComputerName("vmName", vmName);
        if (args.image !== undefined) {
            checkImage("image", args.image);
        }

        const nic = reading()((lean) =>
            new network.NetworkInterface(`${name}-nic`, appNicArgs({ ...args, tags }), { parent: this, ...lean }));

        const vm = reading("name")((lean) =>
            new compute.VirtualMachine(
                `${name}-vm`,
                windowsVmArgs({
                    resourceGroupName: args.resourceGroupName,
                    location: args.location,
                    vmName,
                    vmSize,
                    image: args.image,
                    networkInterfaceId: nic.id,
                    adminUsername,
                    adminPassword: args.adminPassword,
                    dataDiskCount,
                    dataDiskSizeGb: args.dataDiskSizeGb,
                    tags,
                }),
                { parent: this, ...lean },
            ));

        if (proxy) {
            new WindowsProxyClient(
                `${name}-proxy-client`,
                carryingCheckedEndpoint({ vmId: vm.id, location: args.location, proxyIp: args.proxyIp as pulumi.Input<string>, proxyPort: args.proxyPort, tags, keepTypeAliases: args.keepTypeAliases }, proxy),
                { parent: this },
            );
        }

        this.vmId = vm.id;
        this.vmName = vm.name;
        this.registerOutputs({ vmId: this.vmId, vmName: this.vmName });
    }
}
