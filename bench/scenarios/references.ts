/**
 * What the SDK costs without this project, per VM: (a) a VM, a NIC and a protected item with
 * the stock azure-native classes; (b) the same with the type aliases removed; (c) three custom
 * resources of one property each. And the same for a protected item alone, the unit of an
 * enrolment. Each is wired like the real thing: the VM takes the NIC's id, the item the VM's.
 */
import type * as pulumi from "@pulumi/pulumi";
import { linuxVmArgs } from "../../lib/vmArgs";
import { BENCH_PROJECT, BENCH_STACK, LOCATION, Scenario } from "./scenario";
import { existingVmIds } from "./enrolment";

type Pulumi = typeof import("@pulumi/pulumi");
type Registration = "stock" | "no-aliases" | "one-property";

const ALIASES = require.resolve("../../lib/aliases");
const SDK_MODULES = ["@pulumi/azure-native/compute", "@pulumi/azure-native/network", "@pulumi/azure-native/recoveryservices"];
const GROUP = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/bench";
const SUBNET_ID = `${GROUP}/providers/Microsoft.Network/virtualNetworks/bench-vnet/subnets/app-subnet`;
const POLICY_ID = `${GROUP}/providers/Microsoft.RecoveryServices/vaults/bench-vault/backupPolicies/daily`;

interface Registrar {
    nic(name: string): pulumi.CustomResource;
    vm(name: string, nicId: pulumi.Input<string>): pulumi.CustomResource;
    protectedItem(name: string, vmId: pulumi.Input<string>): pulumi.CustomResource;
}

/** The parent of every reference resource; with `no-aliases` it drops their type aliases as the components do. */
function group(registration: Registration): pulumi.ComponentResource {
    const sdk = require("@pulumi/pulumi") as Pulumi;
    const { dropApiVersionTypeAliases } = require(ALIASES) as typeof import("../../lib/aliases");
    return new sdk.ComponentResource("bench:index:References", "references", {}, registration === "no-aliases" ? { transformations: [dropApiVersionTypeAliases] } : {});
}

function azureNative(parent: pulumi.Resource): Registrar {
    const compute = require("@pulumi/azure-native/compute") as typeof import("@pulumi/azure-native/compute");
    const network = require("@pulumi/azure-native/network") as typeof import("@pulumi/azure-native/network");
    const recoveryservices = require("@pulumi/azure-native/recoveryservices") as typeof import("@pulumi/azure-native/recoveryservices");
    return {
        nic: (name) =>
            new network.NetworkInterface(
                name,
                {
                    resourceGroupName: "bench",
                    location: LOCATION,
                    ipConfigurations: [{ name: "ipconfig1", primary: true, subnet: { id: SUBNET_ID }, privateIPAllocationMethod: "Dynamic" }],
                },
                { parent },
            ),
        vm: (name, nicId) =>
            new compute.VirtualMachine(
                name,
                linuxVmArgs({
                    resourceGroupName: "bench",
                    location: LOCATION,
                    vmName: name,
                    vmSize: "Standard_B2s",
                    networkInterfaceId: nicId,
                    adminUsername: "azureuser",
                    sshPublicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBench bench",
                }),
                { parent },
            ),
        protectedItem: (name, vmId) =>
            new recoveryservices.ProtectedItem(
                name,
                {
                    resourceGroupName: "bench",
                    vaultName: "bench-vault",
                    fabricName: "Azure",
                    containerName: `iaasvmcontainer;iaasvmcontainerv2;bench;${name}`,
                    protectedItemName: `vm;iaasvmcontainerv2;bench;${name}`,
                    properties: { protectedItemType: "Microsoft.Compute/virtualMachines", sourceResourceId: vmId, policyId: POLICY_ID },
                },
                { parent },
            ),
    };
}

function onePropertyResources(parent: pulumi.Resource): Registrar {
    const sdk = require("@pulumi/pulumi") as Pulumi;
    class OneProperty extends sdk.CustomResource {
        constructor(name: string, value: pulumi.Input<string>) {
            super("bench:index:OneProperty", name, { value }, { parent });
        }
    }
    const one = (name: string, value: pulumi.Input<string>) => new OneProperty(name, value);
    return { nic: (name) => one(name, SUBNET_ID), vm: one, protectedItem: one };
}

function registrar(registration: Registration): Registrar {
    const parent = group(registration);
    return registration === "one-property" ? onePropertyResources(parent) : azureNative(parent);
}

function reference(description: string, registration: Registration, program: (count: number, registrar: Registrar) => void): Scenario {
    return {
        description,
        modules: registration === "one-property" ? [ALIASES] : [...SDK_MODULES, ALIASES],
        request: (count) => ({
            project: BENCH_PROJECT,
            stack: BENCH_STACK,
            config: { "azure-native:location": LOCATION },
            program: () => {
                program(count, registrar(registration));
                return {};
            },
        }),
    };
}

function vmNicAndItem(count: number, registrar: Registrar): void {
    for (let i = 1; i <= count; i++) {
        const nic = registrar.nic(`vm-${i}-nic`);
        const vm = registrar.vm(`vm-${i}`, nic.id);
        registrar.protectedItem(`vm-${i}-item`, vm.id);
    }
}

function itemOnly(count: number, registrar: Registrar): void {
    existingVmIds(count).forEach((id, i) => registrar.protectedItem(`vm-${i + 1}-item`, id));
}

export const references: Record<string, Scenario> = {
    "vm (a) stock": reference("per VM: a VM, a NIC and a protected item, stock azure-native classes", "stock", vmNicAndItem),
    "vm (b) no aliases": reference("per VM: the same three, type aliases removed", "no-aliases", vmNicAndItem),
    "vm (c) one property": reference("per VM: three custom resources of one property", "one-property", vmNicAndItem),
    "item (a) stock": reference("per VM: a protected item, stock class", "stock", itemOnly),
    "item (b) no aliases": reference("per VM: a protected item, type aliases removed", "no-aliases", itemOnly),
    "item (c) one property": reference("per VM: one custom resource of one property", "one-property", itemOnly),
};
