/**
 * What Azure says of an existing VM, read once per VM and program: its region and its OS. The
 * vault (for the region) and a proxy client (for the region and the OS) of the same VM share
 * the one read. Nothing is read for a VM whose region the caller gives.
 */
import * as pulumi from "@pulumi/pulumi";
export interface VmFacts {
    location: string;
    /** "Linux" or "Windows": the OS disk's `osType`, else the OS profile's configuration. */
    osType: string | undefined;
}
/** The VM's region and OS, read from Azure (`azure-native:compute:getVirtualMachine`); `setting` names the id in errors. */
export declare function lookUpVm(setting: string, vmId: string, parent: pulumi.Resource): pulumi.Output<VmFacts>;
