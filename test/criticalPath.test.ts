import { expect } from "chai";
import {
    criticalPath,
    dependencyEdges,
    pathEdges,
    provisioningSeconds,
    throttledDeployment,
    topologicalOrder,
    usage,
} from "../bench/criticalPath";
import { PlannedResource } from "../plan/engine";
import { planReferenceEnvironment } from "./support/plan";

const GROUP_ID = "/subscriptions/0/resourceGroups/rg";

function resource(name: string, type: string, more: Partial<PlannedResource> = {}): PlannedResource {
    return { urn: `urn:${name}`, type, name, custom: true, inputs: {}, dependencies: [], options: {}, ...more };
}

const rg = resource("rg", "azure-native:resources:ResourceGroup", { id: GROUP_ID });
const component = resource("app", "backup-ready:index:BackupReadyLinuxVm", { custom: false });
const nic = resource("nic", "azure-native:network:NetworkInterface", {
    id: `${GROUP_ID}/providers/Microsoft.Network/networkInterfaces/nic`,
    parent: component.urn,
    inputs: { resourceGroupName: "rg" },
    dependencies: [rg.urn],
});
const key = resource("key", "tls:index/privateKey:PrivateKey", { id: "key-id" });
const vm = resource("vm", "azure-native:compute:VirtualMachine", {
    id: `${GROUP_ID}/providers/Microsoft.Compute/virtualMachines/vm`,
    parent: component.urn,
    inputs: { networkProfile: { networkInterfaces: [{ id: nic.id }] }, keyData: "ssh-rsa AAAA-mock-key" },
    dependencies: [nic.urn, key.urn],
});
const extension = resource("ext", "azure-native:compute:VirtualMachineRunCommandByVirtualMachine", { parent: component.urn, inputs: { vmName: "vm" }, dependencies: [vm.urn] });
const item = resource("item", "azure-native:recoveryservices:ProtectedItem", { inputs: { sourceResourceId: vm.id }, dependencies: [vm.urn] });
const plan = [item, extension, vm, key, nic, component, rg];

describe("deployment critical path", () => {
    it("orders resources after what they wait for, parents included, and refuses a cycle", () => {
        const order = topologicalOrder(plan).map((r) => r.name);
        expect(order.indexOf("rg")).to.be.lessThan(order.indexOf("nic"));
        expect(order.indexOf("app")).to.be.lessThan(order.indexOf("nic"));
        expect(order.indexOf("vm")).to.be.lessThan(order.indexOf("item"));
        const a = resource("a", "azure-native:network:Subnet", { dependencies: ["urn:b"] });
        const b = resource("b", "azure-native:network:Subnet", { dependencies: ["urn:a"] });
        expect(() => topologicalOrder([a, b])).to.throw(/cycle/);
    });

    it("weighs components and local resources nothing, and every Azure type something", () => {
        expect(provisioningSeconds(component).typical).to.equal(0);
        expect(provisioningSeconds(key).typical).to.equal(0);
        expect(provisioningSeconds(vm).typical).to.be.greaterThan(0);
        expect(() => provisioningSeconds(resource("x", "azure-native:web:WebApp"))).to.throw(/no provisioning time for azure-native:web:WebApp/);
    });

    it("follows the longest chain of Azure creates, components collapsed", () => {
        const path = criticalPath(plan);
        expect(path.steps.map((step) => step.resource.name)).to.deep.equal(["rg", "nic", "vm", "item"]);
        expect(path.seconds).to.equal(2 + 5 + 90 + 90);
        expect(path.steps.map((step) => step.start)).to.deep.equal([0, 2, 7, 97]);
        expect(criticalPath(plan, "low").seconds).to.equal(1 + 2 + 60 + 60);
    });

    it("tells how a dependent uses what it waits for: its id, its Azure name or a value naming it", () => {
        expect(usage(nic, rg)).to.equal("name");
        expect(usage(vm, nic)).to.equal("id");
        expect(usage(vm, key)).to.equal("value");
        expect(usage(extension, vm)).to.equal("name");
        expect(usage(item, nic)).to.equal(undefined);
        const password = resource("password", "random:index/randomPassword:RandomPassword", { id: "password-id" });
        expect(usage(resource("win", "azure-native:compute:VirtualMachine", { inputs: { osProfile: { adminPassword: "[secret]" } } }), password)).to.equal("secret");
        expect(pathEdges(criticalPath(plan)).map((edge) => edge.usage)).to.deep.equal(["name", "id", "id"]);
        const spurious = resource("late", "azure-native:network:Subnet", { dependencies: [vm.urn] });
        expect(dependencyEdges([...plan, spurious]).filter((edge) => edge.usage === undefined).map((e) => e.dependent.name)).to.deep.equal(["late"]);
    });

    it("finds every dependency of two proxies used: the balancer waits for the NICs whose addresses it names, each proxy's Run Command for the one before", async () => {
        const pair = await planReferenceEnvironment({ proxyCount: "2" });
        const edges = dependencyEdges(pair.resources);
        expect(edges.filter((edge) => edge.usage === undefined).map((edge) => `${edge.dependent.name} -> ${edge.dependency.name}`)).to.deep.equal([]);
        const used = (dependent: string, dependency: string) => edges.find((edge) => edge.dependent.name === dependent && edge.dependency.name === dependency)?.usage;
        expect(used("backup-proxy-lb", "backup-proxy-nic")).to.equal("address");
        expect(used("backup-proxy-2-config", "backup-proxy-config")).to.equal("one at a time");
        // Nothing else ties a Run Command to another.
        expect(used("app-vm-1-proxy-client-run-command", "backup-proxy-config")).to.equal(undefined);
    });

    it("stretches the deployment when Azure's write bucket runs dry", () => {
        const vms = [1, 2, 3].map((i) => resource(`vm-${i}`, "azure-native:compute:VirtualMachine"));
        expect(throttledDeployment(vms, { bucket: 200, refillPerSecond: 10 })).to.equal(90);
        expect(throttledDeployment(vms, { bucket: 1, refillPerSecond: 1 })).to.equal(92);
        expect(throttledDeployment(plan)).to.equal(criticalPath(plan).seconds);
    });

    it("finds in the reference environment a path of real dependencies only", async () => {
        const environment = (await planReferenceEnvironment({ windowsAppVmCount: "1" })).resources;
        const path = criticalPath(environment);
        // With Windows VMs the app subnet waits for its NAT gateway (their way to the KMS), which takes longer than the VNet.
        expect(path.steps.map((step) => step.resource.type.split(":").pop())).to.deep.equal([
            "ResourceGroup",
            "PublicIPAddress",
            "NatGateway",
            "Subnet",
            "NetworkInterface",
            "VirtualMachine",
            "ProtectedItem",
            "ManagementLockByScope",
        ]);
        expect(criticalPath((await planReferenceEnvironment()).resources).steps.map((step) => step.resource.type.split(":").pop())).to.deep.equal([
            "ResourceGroup",
            "VirtualNetwork",
            "Subnet",
            "NetworkInterface",
            "VirtualMachine",
            "ProtectedItem",
            "ManagementLockByScope",
        ]);
        expect(pathEdges(path).filter((edge) => edge.usage === undefined)).to.deep.equal([]);
        expect(dependencyEdges(environment).filter((edge) => edge.usage === undefined).map((e) => `${e.dependency.name} > ${e.dependent.name}`)).to.deep.equal([]);
    });
});
