import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/azure-native/compute";
import * as network from "@pulumi/azure-native/network";
import { withoutTypeAliases } from "../lib/aliases";
import { invalid } from "../lib/errors";
import { readingOnly } from "../lib/outputs";
import { appNicArgs, windowsVmArgs } from "../lib/vmArgs";
import { checkAdminUsername, checkImage, checkProxyPort, checkVmSize, DATA_DISK_COUNT, ImageReference, proxyAddress, wholeNumber } from "../lib/validation";
import { WindowsProxyClient } from "./windowsProxyClient";

export interface BackupReadyWindowsVmArgs {
    resourceGroupName: pulumi.Input<string>;
    location: string;
    subnetId: pulumi.Input<string>;
    /** The backup proxy's private IP; without one the VM reaches Azure through the NSG's allow-list. */
    proxyIp?: string;
    /** @default 3128 */
    proxyPort?: number;
    /** Also the computer name: 1 to 15 letters, digits and hyphens. @default the component name */
    vmName?: string;
    /** @default "Standard_B2s" */
    vmSize?: string;
    /** A Windows Server marketplace image, 2008 R2 or newer. @default Windows Server 2022 Datacenter: Azure Edition */
    image?: ImageReference;
    /** @default "azureuser" */
    adminUsername?: string;
    /** The admin user's password; pass a secret. */
    adminPassword: pulumi.Input<string>;
    /** Empty managed data disks to attach (Azure Backup protects up to 32). @default 0 */
    dataDiskCount?: number;
    /** @default 32 */
    dataDiskSizeGb?: number;
}

/** Windows limits a computer name to 15 characters. */
const WINDOWS_COMPUTER_NAME = /^(?![0-9]+$)[A-Za-z0-9][A-Za-z0-9-]{0,14}$/;

/**
 * A Windows Server VM ready for Azure Backup: the VM agent provisioned, and behind a proxy a
 * {@link WindowsProxyClient} that sets WinHTTP and LocalSystem's proxy, also when the proxy changes.
 */
export class BackupReadyWindowsVm extends pulumi.ComponentResource {
    public readonly vmId: pulumi.Output<string>;
    public readonly vmName: pulumi.Output<string>;

    constructor(name: string, args: BackupReadyWindowsVmArgs, opts?: pulumi.ComponentResourceOptions) {
        super("backup-ready:index:BackupReadyWindowsVm", name, {}, withoutTypeAliases(opts));

        const proxy = args.proxyIp === undefined ? undefined : { proxyIp: args.proxyIp, proxyPort: checkProxyPort("proxyPort", args.proxyPort ?? 3128) };
        if (proxy) {
            proxyAddress("proxyIp", proxy.proxyIp);
        }
        const vmName = args.vmName ?? name;
        if (!WINDOWS_COMPUTER_NAME.test(vmName)) {
            invalid("vmName", "a Windows computer name: 1 to 15 letters, digits and hyphens, not only digits", vmName);
        }
        const vmSize = args.vmSize ?? "Standard_B2s";
        const adminUsername = args.adminUsername ?? "azureuser";
        checkVmSize("vmSize", vmSize);
        checkAdminUsername("adminUsername", adminUsername);
        if (args.image !== undefined) {
            checkImage("image", args.image);
        }
        const dataDiskCount = wholeNumber("dataDiskCount", args.dataDiskCount ?? 0, DATA_DISK_COUNT);

        const nic = new network.NetworkInterface(`${name}-nic`, appNicArgs(args), { parent: this, ...readingOnly() });

        const vm = new compute.VirtualMachine(
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
            }),
            { parent: this, ...readingOnly("name") },
        );

        if (proxy) {
            new WindowsProxyClient(`${name}-proxy-client`, { vmId: vm.id, location: args.location, ...proxy }, { parent: this });
        }

        this.vmId = vm.id;
        this.vmName = vm.name;
        this.registerOutputs({ vmId: this.vmId, vmName: this.vmName });
    }
}
