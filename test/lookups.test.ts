/**
 * What the components read of existing VMs: each VM once, never when its region is given, and
 * what Azure answers decides (a VM of the other OS is refused by the proxy client).
 */
import { expect } from "chai";
import { BackupVault, LinuxProxyClient, WindowsProxyClient } from "../components";
import { planFailure, planProgram } from "./support/plan";
import { InvalidSettingError } from "../policy/rulebook";

const VM = (name: string) => `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/legacy-apps/providers/Microsoft.Compute/virtualMachines/${name}`;

/** getVirtualMachine's answer for a Windows VM (compute 2024-11-01 VirtualMachine: storageProfile.osDisk.osType). */
const windowsVm = (token: string, inputs: Record<string, unknown>) =>
    token === "azure-native:compute:getVirtualMachine" && inputs.vmName === "win-01"
        ? { id: VM("win-01"), name: "win-01", location: "westeurope", storageProfile: { osDisk: { osType: "Windows" } }, osProfile: { windowsConfiguration: { provisionVMAgent: true } } }
        : undefined;

const plan = (program: () => void) => planProgram(program, windowsVm);
const failure = (program: () => void) => planFailure(program, windowsVm);

describe("looking up existing VMs", () => {
    it("reads each VM once for the vault and its proxy client, and not at all when the region is given", async () => {
        const planned = await plan(() => {
            new BackupVault("backup", { resourceGroupName: "rg", virtualMachineIds: [VM("erp-01"), VM("erp-02")] });
            new LinuxProxyClient("client-1", { vmId: VM("erp-01"), proxyIp: "10.0.0.5" });
            new LinuxProxyClient("client-2", { vmId: VM("erp-02"), proxyIp: "10.0.0.5", location: "westeurope" });
        });
        const reads = planned.lookups.filter((lookup) => lookup.token === "azure-native:compute:getVirtualMachine").map((lookup) => lookup.inputs.vmName);
        expect(reads.sort()).to.deep.equal(["erp-01", "erp-02"]);
    });

    it("refuses a Windows VM given to LinuxProxyClient, naming the argument and the client to use", async () => {
        const error = await failure(() => new LinuxProxyClient("client", { vmId: VM("win-01"), proxyIp: "10.0.0.5" }));
        expect(error).to.be.instanceOf(InvalidSettingError);
        expect((error as Error).message).to.equal('vmId (vm win-01) of LinuxProxyClient "client": must be a Linux VM: Azure reports a Windows VM; use WindowsProxyClient');
    });

    it("takes the same Windows VM in WindowsProxyClient", async () => {
        const planned = await plan(() => new WindowsProxyClient("client", { vmId: VM("win-01"), proxyIp: "10.0.0.5" }));
        expect(planned.resources.filter((r) => r.type === "azure-native:compute:VirtualMachineRunCommandByVirtualMachine")).to.have.length(1);
    });

    it("names the id the user passed when its VM is in another region than the vault", async () => {
        const error = await failure(() => new BackupVault("backup", { resourceGroupName: "rg", location: "northeurope", virtualMachineIds: [VM("erp-01")] }));
        expect((error as Error).message).to.equal(
            'virtualMachineIds[0] (vm erp-01) of BackupVault "backup" (its region, read from Azure): must be the vault\'s region "northeurope": a vault backs up VMs in its own region only (no cross-region backup); got "westeurope"',
        );
    });

    describe("a wrong VM among several", () => {
        const apps = [1, 2, 3, 4, 5].map((n) => `app-vm-${n}`);

        it("given to the vault: one line naming the VM, the argument and the vault", async () => {
            const error = await failure(() =>
                new BackupVault("backup", {
                    resourceGroupName: "rg",
                    location: "westeurope",
                    virtualMachines: apps.map((vm) => ({ name: vm, id: VM(vm), location: vm === "app-vm-4" ? "northeurope" : "westeurope" })),
                }),
            );
            expect((error as Error).message).to.equal(
                'virtualMachines[app-vm-4].location (vm app-vm-4) of BackupVault "backup": must be the vault\'s region "westeurope": a vault backs up VMs in its own region only (no cross-region backup); got "northeurope"',
            );
        });

        it("given to the vault by id: a malformed id names its index, the VM and the vault", async () => {
            const ids = apps.map((vm) => (vm === "app-vm-4" ? VM(vm).replace("00000000-0000-0000-0000-000000000000", "production") : VM(vm)));
            const error = await failure(() => new BackupVault("backup", { resourceGroupName: "rg", location: "westeurope", virtualMachineIds: ids }));
            expect((error as Error).message).to.equal(
                `virtualMachineIds[3] (vm app-vm-4) of BackupVault "backup": must be an ARM id of the form /subscriptions/<guid>/resourceGroups/<group>/providers/Microsoft.Compute/virtualMachines/<name>; got "${ids[3]}"`,
            );
            expect((error as Error).message).not.to.include("\n");
        });

        it("given to one proxy client of several: one line naming the VM, the argument and that client", async () => {
            const error = await failure(() => {
                for (const vm of ["erp-01", "win-01", "erp-02"]) {
                    new LinuxProxyClient(`${vm}-proxy`, { vmId: VM(vm), proxyIp: "10.0.0.5" });
                }
            });
            expect((error as Error).message).to.equal('vmId (vm win-01) of LinuxProxyClient "win-01-proxy": must be a Linux VM: Azure reports a Windows VM; use WindowsProxyClient');
        });

        it("given to a proxy client with a malformed id: the id's VM and the client, as the vault names them", async () => {
            const FORM = "must be an ARM id of the form /subscriptions/<guid>/resourceGroups/<group>/providers/Microsoft.Compute/virtualMachines/<name>";
            // A VM extension's id pasted for the VM's, and a subscription given by name: the VM reads from either.
            const extension = `${VM("web-1")}/extensions/MicrosoftMonitoringAgent`;
            const windows = await failure(() => new WindowsProxyClient("web-1-proxy", { vmId: extension, proxyIp: "10.0.0.5", location: "westeurope" }));
            expect((windows as Error).message).to.equal(`vmId (vm web-1) of WindowsProxyClient "web-1-proxy": ${FORM}; got "${extension}"`);
            const named = VM("erp-01").replace("00000000-0000-0000-0000-000000000000", "production");
            const linux = await failure(() => new LinuxProxyClient("erp-01-proxy", { vmId: named, proxyIp: "10.0.0.5", location: "westeurope" }));
            expect((linux as Error).message).to.equal(`vmId (vm erp-01) of LinuxProxyClient "erp-01-proxy": ${FORM}; got "${named}"`);
            // A scale set's id names no VM, and the message claims none.
            const scaleSet = VM("web-1").replace("/virtualMachines/", "/virtualMachineScaleSets/");
            const set = await failure(() => new WindowsProxyClient("web-1-proxy", { vmId: scaleSet, proxyIp: "10.0.0.5", location: "westeurope" }));
            expect((set as Error).message).to.equal(`vmId of WindowsProxyClient "web-1-proxy": ${FORM}; got "${scaleSet}"`);
        });
    });

    it("maps each protected VM's id to its protected item's id", async () => {
        let vault: BackupVault | undefined;
        await plan(() => {
            vault = new BackupVault("backup", { resourceGroupName: "rg", location: "westeurope", virtualMachineIds: [VM("erp-01")] });
        });
        const items = await new Promise<Record<string, string>>((resolve) => (vault as BackupVault).protectedItems.apply(resolve));
        expect(Object.keys(items)).to.deep.equal([VM("erp-01")]);
        expect(items[VM("erp-01")]).to.match(/\/protectedItems\/vm;iaasvmcontainerv2;legacy-apps;erp-01$/);
    });
});
