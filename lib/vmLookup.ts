/**
 * What Azure says of an existing VM, read once per VM and program: its region and its OS. The
 * vault (for the region) and a proxy client (for the region and the OS) of the same VM share
 * the one read. Nothing is read for a VM whose region the caller gives.
 */
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/azure-native/compute";
import { parseVmId } from "./armIds";

export interface VmFacts {
    location: string;
    /** "Linux" or "Windows": the OS disk's `osType`, else the OS profile's configuration. */
    osType: string | undefined;
}

/** Per program run (its stack resource): tests run many programs in one process. */
const reads = new WeakMap<object, Map<string, pulumi.Output<VmFacts>>>();
const NO_STACK = {};

/** The VM's region and OS, read from Azure (`azure-native:compute:getVirtualMachine`); `setting` names the id in errors. */
export function lookUpVm(setting: string, vmId: string, parent: pulumi.Resource): pulumi.Output<VmFacts> {
    const run = pulumi.runtime.getStackResource() ?? NO_STACK;
    const read = reads.get(run) ?? new Map<string, pulumi.Output<VmFacts>>();
    reads.set(run, read);
    const key = vmId.toLowerCase();
    const known = read.get(key);
    if (known) {
        return known;
    }
    const vm = parseVmId(setting, vmId);
    const facts = compute.getVirtualMachineOutput({ resourceGroupName: vm.resourceGroupName, vmName: vm.vmName }, { parent }).apply((found) => ({
        location: found.location,
        osType: found.storageProfile?.osDisk?.osType ?? (found.osProfile?.windowsConfiguration ? "Windows" : found.osProfile?.linuxConfiguration ? "Linux" : undefined),
    }));
    read.set(key, facts);
    return facts;
}
