import { expect } from "chai";
import { filesOfProxyServerScript } from "../lib/guestConfig";
import * as yaml from "js-yaml";
import { Plan, PlannedResource } from "../plan/engine";
import { decodedCustomData, onlyResourceOfType, planReferenceEnvironment, resourcesOfType } from "./support/plan";

const NSG = "azure-native:network:NetworkSecurityGroup";
const VM = "azure-native:compute:VirtualMachine";
const VAULT = "azure-native:recoveryservices:Vault";
const ITEM = "azure-native:recoveryservices:ProtectedItem";
const POLICY = "azure-native:recoveryservices:ProtectionPolicy";

type Rule = Record<string, unknown>;
type CloudConfig = { write_files: { path: string; content: string; permissions?: string }[]; runcmd: unknown[]; packages?: string[] };

function rules(plan: Plan): Rule[] {
    return onlyResourceOfType(plan, NSG).inputs.securityRules as Rule[];
}

function vm(plan: Plan, name: string): PlannedResource {
    const found = resourcesOfType(plan, VM).find((resource) => resource.name === name);
    if (!found) {
        throw new Error(`no VM ${name}`);
    }
    return found;
}

function cloudConfig(resource: PlannedResource): CloudConfig {
    return yaml.load(decodedCustomData(resource)) as CloudConfig;
}

function writtenFile(config: CloudConfig, path: string): string {
    // The proxy's files live inside its configuration script, which cloud-init writes and runs.
    const embedded = config.write_files.flatMap((entry) => filesOfProxyServerScript(entry.content));
    const file = [...config.write_files, ...embedded].find((entry) => entry.path === path);
    if (!file) {
        throw new Error(`cloud-init writes no ${path}`);
    }
    return file.content;
}

describe("reference environment (default configuration)", () => {
    let plan: Plan;
    before(async () => {
        plan = await planReferenceEnvironment();
    });

    it("carries the document's allow-proxy rule exactly", () => {
        const rule = rules(plan).find((r) => r.name === "allow-proxy");
        expect(rule).to.include({
            access: "Allow",
            direction: "Outbound",
            protocol: "Tcp",
            priority: 200,
            // The proxy VM itself, the address after the load balancer's frontend (proxyIp 10.0.0.5).
            sourceAddressPrefix: "10.0.0.6/32",
            sourcePortRange: "*",
            destinationAddressPrefix: "Internet",
            destinationPortRange: "80-443",
        });
        expect(onlyResourceOfType(plan, NSG).inputs.networkSecurityGroupName).to.equal("NSG-lockdown");
    });

    it("lets the wire server through ahead of the Internet deny, and the clients reach only the proxy port", () => {
        const byName = Object.fromEntries(rules(plan).map((r) => [r.name, r]));
        expect(byName["allow-azure-platform"]).to.include({ access: "Allow", direction: "Outbound", destinationAddressPrefix: "168.63.129.16/32" });
        expect(byName["deny-internet-outbound"]).to.include({ access: "Deny", direction: "Outbound", destinationAddressPrefix: "Internet", destinationPortRange: "*" });
        expect(byName["allow-azure-platform"].priority).to.be.below(byName["deny-internet-outbound"].priority as number);
        expect(byName["allow-clients-to-proxy"]).to.deep.include({
            access: "Allow",
            direction: "Outbound",
            sourceAddressPrefixes: ["10.0.0.0/16"],
            destinationAddressPrefix: "10.0.0.5/32",
            destinationPortRange: "3128",
        });
    });

    it("puts NSG-lockdown on both subnets", () => {
        const subnets = resourcesOfType(plan, "azure-native:network:Subnet");
        expect(subnets.map((s) => [s.name, s.inputs.addressPrefix])).to.have.deep.members([
            ["proxy-subnet", "10.0.0.0/24"],
            ["app-subnet", "10.0.1.0/24"],
        ]);
        for (const subnet of subnets) {
            expect((subnet.inputs.networkSecurityGroup as { id: string }).id).to.match(/\/networkSecurityGroups\/NSG-lockdown$/);
            expect(subnet.inputs.defaultOutboundAccess, subnet.name).to.equal(false);
            expect(subnet.inputs.natGateway, `${subnet.name}: behind the proxy nothing else goes out`).to.equal(undefined);
        }
    });

    it("puts the vault in the VMs' region and protects it and its items from deletion", () => {
        const vault = onlyResourceOfType(plan, VAULT);
        const vmLocations = new Set(resourcesOfType(plan, VM).map((r) => r.inputs.location));
        expect([...vmLocations]).to.deep.equal([vault.inputs.location]);
        expect(vault.inputs.location).to.equal("westeurope");
        expect(vault.options.protect).to.equal(true);
        // Items are kept in Azure whenever Pulumi lets go of them, rather than protected: a VM
        // that leaves the program must not fail the deployment.
        expect(resourcesOfType(plan, ITEM).every((item) => item.options.retainOnDelete && !item.options.protect)).to.equal(true);
        expect(vault.inputs.properties).to.deep.include({
            securitySettings: {
                softDeleteSettings: { softDeleteState: "Enabled", softDeleteRetentionPeriodInDays: 14 },
                immutabilitySettings: { state: "Unlocked" },
            },
        });
    });

    it("names the protected items and containers the way Azure expects", () => {
        const [item] = resourcesOfType(plan, ITEM);
        const app = vm(plan, "app-vm-1-vm");
        expect(item.inputs).to.include({
            fabricName: "Azure",
            containerName: "iaasvmcontainer;iaasvmcontainerv2;backup-ready;app-vm-1",
            protectedItemName: "vm;iaasvmcontainerv2;backup-ready;app-vm-1",
        });
        expect(item.inputs.properties).to.deep.include({ protectedItemType: "Microsoft.Compute/virtualMachines" });
        expect((item.inputs.properties as Rule).sourceResourceId).to.match(/\/virtualMachines\/app-vm-1$/);
        expect((item.inputs.properties as Rule).policyId).to.match(/\/backupPolicies\/daily-vm-backup$/);
        expect(item.dependencies).to.include(app.urn);
    });

    it("schedules the policy daily at the configured time with the configured retention", () => {
        const properties = onlyResourceOfType(plan, POLICY).inputs.properties as Record<string, any>;
        expect(properties).to.include({ backupManagementType: "AzureIaasVM", policyType: "V2", timeZone: "UTC", instantRpRetentionRangeInDays: 2 });
        expect(properties.schedulePolicy).to.deep.equal({
            schedulePolicyType: "SimpleSchedulePolicyV2",
            scheduleRunFrequency: "Daily",
            dailySchedule: { scheduleRunTimes: ["2024-01-01T02:00:00Z"] },
        });
        expect(properties.retentionPolicy.dailySchedule.retentionDuration).to.deep.equal({ count: 30, durationType: "Days" });
    });

    it("parents every child to its component", () => {
        const components = new Map(plan.resources.filter((r) => !r.custom).map((r) => [r.urn, r.type]));
        const expected: Record<string, string> = {
            "backup-proxy-vm": "backup-ready:index:BackupProxy",
            "backup-proxy-nic": "backup-ready:index:BackupProxy",
            "backup-proxy-egress-ip": "backup-ready:index:BackupProxy",
            "lockdown-nsg": "backup-ready:index:NsgLockdown",
            "app-vm-1-vm": "backup-ready:index:BackupReadyLinuxVm",
            "app-vm-1-nic": "backup-ready:index:BackupReadyLinuxVm",
            "app-vm-1-proxy-client": "backup-ready:index:BackupReadyLinuxVm",
            "app-vm-1-proxy-client-run-command": "backup-ready:index:LinuxProxyClient",
            "backup-vault": "backup-ready:index:BackupVault",
            "backup-policy": "backup-ready:index:BackupVault",
            "backup-app-vm-1": "backup-ready:index:BackupVault",
        };
        for (const [name, parentType] of Object.entries(expected)) {
            const child = plan.resources.find((r) => r.name === name);
            expect(child, name).to.not.equal(undefined);
            expect(components.get(child!.parent as string), name).to.equal(parentType);
            expect(child!.urn, name).to.contain(`${parentType}$`);
        }
    });

    it("provisions the VM agent on every VM, with SSH keys only, as a Trusted Launch VM (which the Enhanced policy protects)", () => {
        for (const resource of resourcesOfType(plan, VM)) {
            expect(resource.inputs.securityProfile, resource.name).to.deep.equal({ securityType: "TrustedLaunch", uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } });
            const linux = (resource.inputs.osProfile as Record<string, any>).linuxConfiguration;
            expect(linux.provisionVMAgent, resource.name).to.equal(true);
            expect(linux.disablePasswordAuthentication, resource.name).to.equal(true);
        }
    });

    it("configures squid on the proxy VM as an allow-list for VNet clients, CONNECT to 443 only", () => {
        const config = cloudConfig(vm(plan, "backup-proxy-vm"));
        expect(decodedCustomData(vm(plan, "backup-proxy-vm")).startsWith("#cloud-config\n")).to.equal(true);
        expect(config.packages).to.include.members(["squid", "nftables", "unattended-upgrades"]);
        const squid = writtenFile(config, "/etc/squid/squid.conf");
        expect(squid).to.match(/^http_port 3128$/m);
        expect(squid).to.match(/^acl vnet_clients src 10\.0\.0\.0\/16$/m);
        expect(squid).to.match(/^acl backup_destinations dstdomain \.blob\.core\.windows\.net$/m);
        expect(squid).to.match(/^http_access allow vnet_clients CONNECT https_port backup_destinations\nhttp_access deny all$/m);
        const firewall = writtenFile(config, "/etc/nftables.conf");
        expect(firewall).to.match(/policy drop;/);
        expect(firewall).to.match(/ip saddr \{ 10\.0\.0\.0\/16 \} tcp dport 3128 accept/);
        expect(firewall).to.contain("ip saddr 168.63.129.16 tcp dport 3128 accept");
        expect(squid).to.match(/^visible_hostname backup-proxy$/m);
        expect(squid).to.match(/^shutdown_lifetime 3 seconds$/m);
        expect(writtenFile(config, "/etc/systemd/system/apt-daily-upgrade.timer.d/backup-proxy-patch-window.conf")).to.contain("OnCalendar=Sun *-*-* 03:00:00\n");
        expect(writtenFile(config, "/etc/apt/apt.conf.d/52backup-proxy-upgrades")).to.contain('Unattended-Upgrade::Automatic-Reboot-Time "now";');
    });

    it("points the app VM's agent at the proxy through /etc/environment, a systemd drop-in and waagent.conf", () => {
        const userData = decodedCustomData(vm(plan, "app-vm-1-vm"));
        expect(userData.startsWith("#cloud-config\n")).to.equal(true);
        const config = cloudConfig(vm(plan, "app-vm-1-vm"));
        const script = writtenFile(config, "/usr/local/sbin/configure-backup-proxy");
        expect(config.runcmd).to.deep.equal([["/usr/local/sbin/configure-backup-proxy"]]);
        expect(script).to.contain("proxy_url='http://10.0.0.5:3128'");
        expect(script).to.contain("no_proxy_hosts='localhost,127.0.0.1,168.63.129.16,169.254.169.254'");
        expect(script).to.contain('set_keys /etc/environment "http_proxy=$proxy_url" "https_proxy=$proxy_url" "no_proxy=$no_proxy_hosts"');
        expect(script).to.contain('set_keys /etc/waagent.conf "HttpProxy.Host=10.0.0.5" "HttpProxy.Port=3128"');
        expect(script).to.contain("/etc/systemd/system/$unit.service.d/backup-proxy.conf");
        expect(script).to.match(/for unit in walinuxagent waagent/);
    });

    it("runs the same script from a managed Run Command as from cloud-init, so the two cannot drift", () => {
        const runCommand = resourcesOfType(plan, "azure-native:compute:VirtualMachineRunCommandByVirtualMachine").find((r) => r.name === "app-vm-1-proxy-client-run-command")!;
        expect(runCommand.inputs).to.include({ vmName: "app-vm-1", runCommandName: "configure-backup-proxy", asyncExecution: false, treatFailureAsDeploymentFailure: true });
        const script = (runCommand.inputs.source as { script: string }).script;
        expect(script).to.equal(writtenFile(cloudConfig(vm(plan, "app-vm-1-vm")), "/usr/local/sbin/configure-backup-proxy"));
    });

    it("configures the proxy VM with the same script from a managed Run Command as from cloud-init, and ignores customData after creation", () => {
        const runCommand = resourcesOfType(plan, "azure-native:compute:VirtualMachineRunCommandByVirtualMachine").find((r) => r.name === "backup-proxy-config")!;
        expect(runCommand.inputs).to.include({ vmName: "backup-proxy", runCommandName: "configure-backup-proxy-server", asyncExecution: false, treatFailureAsDeploymentFailure: true });
        const script = (runCommand.inputs.source as { script: string }).script;
        expect(script).to.equal(writtenFile(cloudConfig(vm(plan, "backup-proxy-vm")), "/usr/local/sbin/configure-backup-proxy-server"));
        expect(vm(plan, "backup-proxy-vm").options).to.deep.include({ ignoreChanges: ["osProfile.customData"] });
        expect(vm(plan, "backup-proxy-vm").options.replaceOnChanges ?? []).to.not.include("osProfile.customData");
    });

    it("exports what a user needs next", () => {
        expect(plan.outputs).to.include({ proxyPrivateIp: "10.0.0.5", proxyPort: 3128, vaultName: "vm-backup-vault", adminSshPrivateKey: "[secret]" });
        expect(plan.outputs.vaultId).to.match(/\/Microsoft\.RecoveryServices\/vaults\/vm-backup-vault$/);
        expect(plan.outputs.appVmIds).to.have.length(1);
    });
});

describe("reference environment (changed layout)", () => {
    let plan: Plan;
    before(async () => {
        plan = await planReferenceEnvironment({
            addressSpace: "172.20.0.0/16",
            proxyIp: "172.20.0.10",
            proxyPort: "8080",
            appVmCount: "2",
            storageAccount: "acct1",
        });
    });

    it("carves the subnets from the new address space", () => {
        const vnet = onlyResourceOfType(plan, "azure-native:network:VirtualNetwork");
        expect(vnet.inputs.addressSpace).to.deep.equal({ addressPrefixes: ["172.20.0.0/16"] });
        expect(resourcesOfType(plan, "azure-native:network:Subnet").map((s) => s.inputs.addressPrefix)).to.have.members([
            "172.20.0.0/24",
            "172.20.1.0/24",
        ]);
    });

    it("moves the document's rule, the client rules and the NIC to the new proxy address and port", () => {
        const byName = Object.fromEntries(rules(plan).map((r) => [r.name, r]));
        expect(byName["allow-proxy"].sourceAddressPrefix).to.equal("172.20.0.11/32");
        expect(byName["allow-clients-to-proxy"]).to.deep.include({ destinationAddressPrefix: "172.20.0.10/32", destinationPortRange: "8080", sourceAddressPrefixes: ["172.20.0.0/16"] });
        const nic = plan.resources.find((r) => r.name === "backup-proxy-nic")!;
        expect((nic.inputs.ipConfigurations as Rule[])[0]).to.include({ privateIPAddress: "172.20.0.11", privateIPAllocationMethod: "Static" });
        const lb = plan.resources.find((r) => r.name === "backup-proxy-lb")!;
        expect((lb.inputs.frontendIPConfigurations as Rule[])[0]).to.include({ privateIPAddress: "172.20.0.10", privateIPAllocationMethod: "Static" });
    });

    it("renders squid and the host firewall for the new port, clients and single storage account", () => {
        const config = cloudConfig(vm(plan, "backup-proxy-vm"));
        const squid = writtenFile(config, "/etc/squid/squid.conf");
        expect(squid).to.match(/^http_port 8080$/m);
        expect(squid).to.match(/^acl vnet_clients src 172\.20\.0\.0\/16$/m);
        expect(squid).to.match(/^acl backup_destinations dstdomain acct1\.blob\.core\.windows\.net$/m);
        expect(writtenFile(config, "/etc/nftables.conf")).to.contain("ip saddr { 172.20.0.0/16 } tcp dport 8080 accept");
    });

    it("points every app VM at the new proxy", () => {
        for (const name of ["app-vm-1-vm", "app-vm-2-vm"]) {
            const script = writtenFile(cloudConfig(vm(plan, name)), "/usr/local/sbin/configure-backup-proxy");
            expect(script, name).to.contain("proxy_url='http://172.20.0.10:8080'");
            expect(script, name).to.contain('"HttpProxy.Host=172.20.0.10" "HttpProxy.Port=8080"');
        }
        expect(resourcesOfType(plan, ITEM).map((item) => item.inputs.protectedItemName)).to.have.members([
            "vm;iaasvmcontainerv2;backup-ready;app-vm-1",
            "vm;iaasvmcontainerv2;backup-ready;app-vm-2",
        ]);
        expect(plan.outputs).to.include({ proxyPrivateIp: "172.20.0.10", proxyPort: 8080 });
    });
});

describe("a vault alone with the Standard backup policy (for VMs that are not Trusted Launch)", () => {
    it("writes the V1 schedule shape, with the run time on the schedule itself", async () => {
        const plan = await planReferenceEnvironment({ appVmCount: "0", backupPolicyType: "Standard", instantRestoreDays: "5", vaultLocation: "westeurope" });
        const properties = onlyResourceOfType(plan, POLICY).inputs.properties as Record<string, any>;
        expect(properties).to.include({ policyType: "V1", instantRpRetentionRangeInDays: 5 });
        expect(properties.schedulePolicy).to.deep.equal({
            schedulePolicyType: "SimpleSchedulePolicy",
            scheduleRunFrequency: "Daily",
            scheduleRunTimes: ["2024-01-01T02:00:00Z"],
        });
    });
});

describe("a throwaway stack (vaultProtect=false, vaultLock=false, vaultImmutability=Disabled)", () => {
    it("leaves the vault and its items unprotected, unlocked and mutable, so pulumi destroy can remove them; soft delete stays, as Azure enforces it", async () => {
        const plan = await planReferenceEnvironment({ vaultProtect: "false", vaultLock: "false", vaultImmutability: "Disabled" });
        const vault = onlyResourceOfType(plan, VAULT);
        expect(vault.options.protect).to.equal(undefined);
        expect(resourcesOfType(plan, ITEM).some((item) => item.options.protect || item.options.retainOnDelete)).to.equal(false);
        expect(resourcesOfType(plan, "azure-native:authorization:ManagementLockByScope")).to.deep.equal([]);
        expect((vault.inputs.properties as Record<string, any>).securitySettings).to.deep.equal({
            softDeleteSettings: { softDeleteState: "Enabled", softDeleteRetentionPeriodInDays: 14 },
            immutabilitySettings: { state: "Disabled" },
        });
    });
});
