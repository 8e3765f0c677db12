/**
 * The guest configuration as the plan carries it: each VM's base64 customData, decoded and
 * parsed as YAML, and the network facts the guest tests rebuild on this machine.
 */
import * as yaml from "js-yaml";
import { Plan, PlannedResource } from "../../plan/engine";
import { decodedCustomData, onlyResourceOfType, planReferenceEnvironment, resourcesOfType } from "./plan";
import { NsgRule } from "../../policy/rulebook/nsg";
import { filesOfProxyServerScript, PROXY_PATHS } from "../../lib/guestConfig";

export const VM_TYPE = "azure-native:compute:VirtualMachine";
export const PROXY_VM = "backup-proxy-vm";
export const SQUID_CONF = "/etc/squid/squid.conf";
export const NFTABLES_CONF = "/etc/nftables.conf";
export const CLIENT_SCRIPT = "/usr/local/sbin/configure-backup-proxy";

export interface WrittenFile {
    path: string;
    content: string;
    owner?: string;
    permissions?: string;
    defer?: boolean;
}

export interface CloudConfig {
    write_files?: WrittenFile[];
    runcmd?: unknown[];
    packages?: string[];
}

/** A configuration of the reference environment and what its proxy must admit and refuse. */
export interface Layout {
    name: string;
    /** Config overrides as `pulumi config` holds them: strings, lists as JSON. */
    overrides: Record<string, string>;
    /** Names the proxy must tunnel to on 443: one for each allowed domain. */
    allowedHosts: string[];
    /** Names the proxy must refuse. */
    refusedHosts: string[];
}

export const LAYOUTS: Layout[] = [
    {
        name: "default layout",
        overrides: {},
        allowedHosts: ["backupvault1.blob.core.windows.net"],
        refusedHosts: ["www.example.com", "backupvault1.blob.core.windows.net.example.com"],
    },
    {
        name: "172.20.0.0/16, proxy 172.20.0.10:8888, one storage account and an extra domain, two app VMs",
        overrides: {
            addressSpace: "172.20.0.0/16",
            proxyIp: "172.20.0.10",
            proxyPort: "8888",
            allowedDomains: '[".blob.core.windows.net",".example.org"]',
            storageAccount: "acct1",
            appVmCount: "2",
        },
        allowedHosts: ["acct1.blob.core.windows.net", "files.example.org"],
        refusedHosts: ["otheraccount.blob.core.windows.net", "www.example.com"],
    },
];

const plans = new Map<Layout, Promise<Plan>>();

/** The layout's plan, made once per test run. */
export function planOf(layout: Layout): Promise<Plan> {
    let plan = plans.get(layout);
    if (!plan) {
        plan = planReferenceEnvironment(layout.overrides);
        plans.set(layout, plan);
    }
    return plan;
}

export function linuxVms(plan: Plan): PlannedResource[] {
    return resourcesOfType(plan, VM_TYPE).filter((vm) => (vm.inputs.osProfile as { linuxConfiguration?: unknown }).linuxConfiguration);
}

export function vmNamed(plan: Plan, name: string): PlannedResource {
    const vm = resourcesOfType(plan, VM_TYPE).find((resource) => resource.name === name);
    if (!vm) {
        throw new Error(`the plan has no VM ${name}`);
    }
    return vm;
}

export function appVms(plan: Plan): PlannedResource[] {
    return resourcesOfType(plan, VM_TYPE).filter((vm) => /^app-vm-\d+-vm$/.test(vm.name));
}

export function cloudConfigOf(vm: PlannedResource): CloudConfig {
    return yaml.load(decodedCustomData(vm)) as CloudConfig;
}

export function writtenFile(config: CloudConfig, path: string): WrittenFile {
    const matches = (config.write_files ?? []).filter((entry) => entry.path === path);
    if (matches.length !== 1) {
        throw new Error(`cloud-init writes ${path} ${matches.length} times`);
    }
    return matches[0];
}

/** The script cloud-init writes and runs on a proxy VM: its configuration, the same the Run Command runs. */
export function proxyScriptOf(plan: Plan, vm = PROXY_VM): WrittenFile {
    return writtenFile(cloudConfigOf(vmNamed(plan, vm)), PROXY_PATHS.script);
}

/** A file of the proxy's configuration, as its first boot writes it. */
export function proxyFileOf(plan: Plan, path: string, vm = PROXY_VM): string {
    const file = filesOfProxyServerScript(proxyScriptOf(plan, vm).content).find((entry) => entry.path === path);
    if (!file) {
        throw new Error(`the proxy's configuration script writes no ${path}`);
    }
    return file.content;
}

export function squidConfOf(plan: Plan): string {
    return proxyFileOf(plan, SQUID_CONF);
}

export function proxyFirewallOf(plan: Plan): string {
    return proxyFileOf(plan, NFTABLES_CONF);
}

/** The script cloud-init writes on the first app VM. */
export function clientScriptOf(plan: Plan): WrittenFile {
    return writtenFile(cloudConfigOf(appVms(plan)[0]), CLIENT_SCRIPT);
}

/** The addresses and rules of the reference network, as the plan hands them to Azure. */
export interface ReferenceNetwork {
    addressSpace: string[];
    proxySubnet: string;
    appSubnet: string;
    /** The address clients send to: the internal load balancer's frontend. */
    proxyIp: string;
    /** The proxy VM's own address (the balancer's backend). */
    proxyVmIp: string;
    proxyPort: number;
    securityRules: NsgRule[];
}

export function referenceNetworkOf(plan: Plan): ReferenceNetwork {
    const subnet = (name: string) => {
        const found = resourcesOfType(plan, "azure-native:network:Subnet").find((resource) => resource.name === name);
        return String(found?.inputs.addressPrefix);
    };
    const vnet = onlyResourceOfType(plan, "azure-native:network:VirtualNetwork").inputs as { addressSpace: { addressPrefixes: string[] } };
    const proxyNic = resourcesOfType(plan, "azure-native:network:NetworkInterface").find((resource) => resource.name === "backup-proxy-nic");
    const [ipConfiguration] = (proxyNic?.inputs.ipConfigurations ?? []) as { privateIPAddress: string }[];
    return {
        addressSpace: vnet.addressSpace.addressPrefixes,
        proxySubnet: subnet("proxy-subnet"),
        appSubnet: subnet("app-subnet"),
        proxyIp: String(plan.outputs.proxyPrivateIp),
        proxyVmIp: ipConfiguration.privateIPAddress,
        proxyPort: Number(plan.outputs.proxyPort),
        securityRules: onlyResourceOfType(plan, "azure-native:network:NetworkSecurityGroup").inputs.securityRules as NsgRule[],
    };
}
