import * as pulumi from "@pulumi/pulumi";
import type { MonitoredProxyArgs } from "./backupMonitoring";
import { CommonArgs } from "./sharedArgs";
export interface BackupProxyArgs extends CommonArgs {
    resourceGroupName: pulumi.Input<string>;
    location: string;
    /** The subnet the proxy's NIC joins. */
    subnetId: pulumi.Input<string>;
    /**
     * That subnet's address prefix, to place and check the proxy's address. When `subnetId` is an
     * existing subnet's id (a plain string), the subnet is read and its real prefix must be this one.
     */
    subnetAddressPrefix: string;
    /** The address clients use: the internal load balancer's frontend (the proxies sit at the addresses after it). @default the subnet's address 5 places after its network address (10.0.0.5 in 10.0.0.0/24) */
    proxyIp?: pulumi.Input<string>;
    /** @default 3128 */
    proxyPort?: pulumi.Input<number>;
    /** Address prefixes that may use the proxy: the virtual network's address space. */
    clientAddressPrefixes: string[];
    /** Domains clients may reach (squid `dstdomain`; a leading dot admits subdomains). @default [".blob.core.windows.net"] */
    allowedDomains?: string[];
    /** Admit only this storage account instead of all of blob storage. */
    storageAccount?: string;
    /** @default the component name */
    vmName?: string;
    /** @default "Standard_B2s" */
    vmSize?: string;
    /** @default "azureuser" */
    adminUsername?: string;
    /** The OpenSSH public key for the admin user; password login stays off. */
    sshPublicKey: pulumi.Input<string>;
    /** A system-assigned managed identity, which the Azure Monitor agent of `BackupMonitoring`'s heartbeat signs in with. @default false */
    managedIdentity?: boolean;
    /**
     * How many proxy VMs (1-10), behind an internal Standard load balancer whose frontend is
     * `proxyIp`, each at the next address after it. A change adds or removes backends only. @default 1
     */
    count?: number;
    /** The availability zones to spread the second proxy on over (the first is regional, so it never moves); none means an availability set for them. @default none */
    zones?: string[];
    /**
     * The zones of the balancer's frontend, which Azure sets only when it creates it: the region's
     * zones, so that a change of `vmSize` (and with it `zones`) never asks for another frontend.
     * @default `zones`
     */
    frontendZones?: string[];
    /** When the proxies install security updates and reboot: a weekday and a UTC time; each further proxy an hour later. @default "Sun 03:00" */
    patchWindow?: string;
}
/** Every argument of `BackupProxy`, once. */
export declare const BACKUP_PROXY_ARGUMENTS: readonly ["resourceGroupName", "location", "subnetId", "subnetAddressPrefix", "proxyIp", "proxyPort", "clientAddressPrefixes", "allowedDomains", "storageAccount", "vmName", "vmSize", "adminUsername", "sshPublicKey", "managedIdentity", "count", "zones", "frontendZones", "patchWindow", "tags", "keepTypeAliases"];
/** The Run Command that configures each proxy VM in place. */
export declare const PROXY_SERVER_RUN_COMMAND_NAME = "configure-backup-proxy-server";
/**
 * Ubuntu LTS VMs running squid as an allow-list HTTPS proxy to Azure Storage, with a host
 * firewall that admits the proxy port from the clients (and a load balancer's probes) only,
 * each with a static Standard public IP of its own for its egress, patched in its own window.
 * They stand behind an internal Standard load balancer whose frontend is `proxyIp`, from the
 * first on: the first regional, the others spread over zones (or an availability set). A change of their
 * configuration is applied in place by a managed Run Command running the first boot's script,
 * one proxy after the other; the VMs are never replaced for it.
 */
export declare class BackupProxy extends pulumi.ComponentResource {
    readonly privateIp: pulumi.Output<string>;
    readonly port: pulumi.Output<number>;
    readonly url: pulumi.Output<string>;
    /** The first proxy's egress address. */
    readonly publicIp: pulumi.Output<string>;
    /** Every proxy's egress address, in order. */
    readonly publicIps: pulumi.Output<string[]>;
    /** The first proxy VM's id. */
    readonly vmId: pulumi.Output<string>;
    readonly vmIds: pulumi.Output<string[]>;
    /** Each proxy VM's id on its own, so that what watches one proxy waits for that VM only (`vmIds` waits for all). */
    private readonly proxyVmIds;
    private readonly proxyVmNames;
    /** The proxies' own private addresses: the addresses after `proxyIp`, one per proxy. */
    readonly backendIps: pulumi.Output<string[]>;
    readonly allowedDomains: pulumi.Output<string[]>;
    constructor(name: string, args: BackupProxyArgs, opts?: pulumi.ComponentResourceOptions);
    /** The id of proxy `index` (0 for the first) alone: what watches one proxy then waits for that VM only, not for all as `vmIds` does. */
    /**
     * Each proxy as `BackupMonitoring` watches it (its `proxies`): named after its VM, with its own
     * address, which its heartbeat asks squid on. Not `privateIp`: a backend cannot reach its own
     * internal load balancer's frontend
     * (https://learn.microsoft.com/azure/load-balancer/load-balancer-troubleshoot-backend-traffic#cause-4-access-of-the-internal-load-balancer-frontend-from-the-participating-load-balancer-backend-pool-vm).
     */
    monitoredProxies(): MonitoredProxyArgs[];
    vmIdOf(index: number): pulumi.Output<string>;
    /**
     * The internal Standard load balancer: frontend `proxyIp` (zone-redundant where there are
     * zones), a TCP probe and a rule on the proxy port, and a backend pool of the proxies'
     * addresses in the VNet (an IP-based pool, which Standard load balancers take:
     * https://learn.microsoft.com/azure/load-balancer/backend-pool-management). It stands from the
     * first proxy on, so a change of `count` adds or removes pool members and their VMs only: no NIC
     * refers to the balancer, no address moves between resources, and the balancer is never
     * deleted. It waits for the NICs, so that a stack from before it (one proxy's NIC at `proxyIp`)
     * has that NIC give up `proxyIp` before the frontend takes it (Azure refuses an address in use).
     * Its parts refer to each other by id, which ARM builds from the balancer's own (network API
     * 2024-05-01, loadBalancer.json).
     */
    private loadBalancer;
}
