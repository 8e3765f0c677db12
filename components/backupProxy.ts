import * as pulumi from "@pulumi/pulumi";
import type { MonitoredProxyArgs } from "./backupMonitoring";
import { CommonArgs } from "./sharedArgs";
import * as compute from "@pulumi/azure-native/compute";
import * as network from "@pulumi/azure-native/network";
import { withoutTypeAliases } from "../lib/aliases";
import { parseResourceId } from "../lib/armIds";
import { ARM_TYPES } from "../policy/rulebook/azureTypes";
import { invalid } from "../policy/rulebook/errors";
import { PROXY_COUNT, ProxyLayout, proxyLayout } from "../lib/proxyLayout";
import { ProxyServerConfig, proxyUrl, renderProxyCloudConfig, renderProxyServerScript } from "../lib/guestConfig";
import { argumentNames } from "../lib/arguments";
import { whenAllKnown, whenKnown } from "../lib/inputs";
import { parsePatchWindow, proxyPatchWindows } from "../lib/patchWindow";
import { proxyClientRunCommandArgs } from "../lib/proxyClientRunCommand";
import { wholeNumber } from "../lib/validation/numbers";
import { reading } from "../lib/outputs";
import { linuxVmArgs } from "../lib/vmArgs";
import { effectiveAllowedDomains } from "../lib/guestConfig";
import { DEFAULTS } from "../lib/defaults";
import { checkClientAddressPrefixes, checkProxyPort } from "../lib/validation/addresses";
import { checkTrustedLaunch } from "../lib/validation/images";
import { checkAdminUsername, checkDomains, checkStorageAccount, checkVmSize } from "../lib/validation/names";
import { checkSshPublicKey } from "../lib/validation/sshKeys";
import { checkedTags } from "../lib/vaultSettings";

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
export const BACKUP_PROXY_ARGUMENTS = argumentNames<BackupProxyArgs>()([
    "resourceGroupName", "location", "subnetId", "subnetAddressPrefix", "proxyIp", "proxyPort", "clientAddressPrefixes", "allowedDomains", "storageAccount",
    "vmName", "vmSize", "adminUsername", "sshPublicKey", "managedIdentity", "count", "zones", "frontendZones", "patchWindow", "tags", "keepTypeAliases",
]);

/** The Run Command that configures each proxy VM in place. */
export const PROXY_SERVER_RUN_COMMAND_NAME = "configure-backup-proxy-server";

/**
 * Ubuntu LTS VMs running squid as an allow-list HTTPS proxy to Azure Storage, with a host
 * firewall that admits the proxy port from the clients (and a load balancer's probes) only,
 * each with a static Standard public IP of its own for its egress, patched in its own window.
 * They stand behind an internal Standard load balancer whose frontend is `proxyIp`, from the
 * first on: the first regional, the others spread over zones (or an availability set). A change of their
 * configuration is applied in place by a managed Run Command running the first boot's script,
 * one proxy after the other; the VMs are never replaced for it.
 */
export class BackupProxy extends pulumi.ComponentResource {
    public readonly privateIp: pulumi.Output<string>;
    public readonly port: pulumi.Output<number>;
    public readonly url: pulumi.Output<string>;
    /** The first proxy's egress address. */
    public readonly publicIp: pulumi.Output<string>;
    /** Every proxy's egress address, in order. */
    public readonly publicIps: pulumi.Output<string[]>;
    /** The first proxy VM's id. */
    public readonly vmId: pulumi.Output<string>;
    public readonly vmIds: pulumi.Output<string[]>;
    /** Each proxy VM's id on its own, so that what watches one proxy waits for that VM only (`vmIds` waits for all). */
    private readonly proxyVmIds: pulumi.Output<string>[];
    private readonly proxyVmNames: string[];
    /** The proxies' own private addresses: the addresses after `proxyIp`, one per proxy. */
    public readonly backendIps: pulumi.Output<string[]>;
    public readonly allowedDomains: pulumi.Output<string[]>;

    constructor(name: string, args: BackupProxyArgs, opts?: pulumi.ComponentResourceOptions) {
        super("backup-ready:index:BackupProxy", name, {}, withoutTypeAliases(opts, args.keepTypeAliases));

        const count = wholeNumber("count", args.count ?? DEFAULTS.proxyCount, PROXY_COUNT);
        const layout = whenAllKnown<[string | undefined, number | undefined], ProxyLayout>([args.proxyIp, args.proxyPort], ([proxyIp, proxyPort]) =>
            proxyLayout(
                { subnetAddressPrefix: args.subnetAddressPrefix, proxyIp, proxyPort: checkProxyPort("proxyPort", proxyPort ?? DEFAULTS.proxyPort), count },
                { subnet: "subnetAddressPrefix", proxyIp: "proxyIp", count: "count" },
            ),
        );
        const windows = proxyPatchWindows(parsePatchWindow("patchWindow", args.patchWindow ?? DEFAULTS.patchWindow), count);
        const zones = args.zones ?? [];
        const vmSize = args.vmSize ?? DEFAULTS.vmSize;
        const adminUsername = args.adminUsername ?? DEFAULTS.adminUsername;
        checkVmSize("vmSize", vmSize);
        checkTrustedLaunch("image", undefined, "vmSize", vmSize);
        checkAdminUsername("adminUsername", adminUsername);
        if (typeof args.sshPublicKey === "string") {
            checkSshPublicKey("sshPublicKey", args.sshPublicKey);
        }
        checkClientAddressPrefixes("clientAddressPrefixes", args.clientAddressPrefixes);
        if (args.storageAccount !== undefined) {
            checkStorageAccount("storageAccount", args.storageAccount);
        }
        const allowedDomains = effectiveAllowedDomains(args.allowedDomains ?? [...DEFAULTS.allowedDomains], args.storageAccount);
        checkDomains("allowedDomains", allowedDomains);
        const tags = checkedTags(args.tags);
        const baseVmName = args.vmName ?? name;

        const availabilitySet =
            count > 1 && zones.length === 0
                ? new compute.AvailabilitySet(
                      `${name}-availability-set`,
                      {
                          resourceGroupName: args.resourceGroupName,
                          location: args.location,
                          // "Aligned" is what managed disks need.
                          sku: { name: "Aligned" },
                          platformFaultDomainCount: 2,
                          platformUpdateDomainCount: 5,
                          tags,
                      },
                      { parent: this },
                  )
                : undefined;

        // An existing subnet is read, so that a wrong prefix (with an address that fits it) stops here, not at deploy.
        const subnetId = typeof args.subnetId === "string" ? checkedSubnet(args.subnetId, args.subnetAddressPrefix, this) : args.subnetId;
        let previous: pulumi.Resource | undefined;
        const proxies = Array.from({ length: count }, (_, i) => {
            // The first proxy keeps the names (and URNs) a single proxy always had.
            const suffix = i === 0 ? "" : `-${i + 1}`;
            // The first proxy is regional, as a single proxy always was: Azure sets a VM's zone or availability
            // set only when it creates it (see REPLACE_TRIGGERS in plan/diff.ts), so a fixed placement per
            // proxy is what lets `count` change without replacing a proxy that keeps serving.
            const zone = i > 0 && zones.length > 0 ? [zones[i % zones.length]] : undefined;
            const inSet = i > 0 ? availabilitySet : undefined;
            const vmName = `${baseVmName}${suffix}`;
            const config = whenKnown(layout, ({ proxyPort }): ProxyServerConfig => ({ proxyPort, clientCidrs: args.clientAddressPrefixes, allowedDomains, visibleHostname: vmName, patchWindow: windows[i] }));
            const publicIp = new network.PublicIPAddress(
                `${name}${suffix}-egress-ip`,
                {
                    resourceGroupName: args.resourceGroupName,
                    location: args.location,
                    sku: { name: "Standard", tier: "Regional" },
                    publicIPAllocationMethod: "Static",
                    publicIPAddressVersion: "IPv4",
                    zones: zone,
                    tags,
                },
                { parent: this },
            );
            const nic = new network.NetworkInterface(
                `${name}${suffix}-nic`,
                {
                    resourceGroupName: args.resourceGroupName,
                    location: args.location,
                    ipConfigurations: [
                        {
                            name: "ipconfig1",
                            primary: true,
                            subnet: { id: subnetId },
                            privateIPAllocationMethod: "Static",
                            privateIPAddress: whenKnown(layout, ({ backendIps }) => backendIps[i]),
                            publicIPAddress: { id: publicIp.id },
                        },
                    ],
                    tags,
                },
                { parent: this },
            );
            const vm = new compute.VirtualMachine(
                `${name}${suffix}-vm`,
                {
                    ...linuxVmArgs({
                        resourceGroupName: args.resourceGroupName,
                        location: args.location,
                        vmName,
                        vmSize,
                        networkInterfaceId: nic.id,
                        adminUsername,
                        sshPublicKey: args.sshPublicKey,
                        cloudConfig: whenKnown(config, renderProxyCloudConfig),
                        tags,
                    }),
                    zones: zone,
                    availabilitySet: inSet && { id: inSet.id },
                    // The heartbeat's Azure Monitor agent (BackupMonitoring) signs in with it.
                    ...(args.managedIdentity ? { identity: { type: "SystemAssigned" } } : {}),
                },
                // customData is the first boot's only: later changes go through the Run Command, never a new
                // VM. What Azure cannot change in place (zone, image, admin user) still replaces it, and the
                // new VM can take the NIC only once the old one is gone.
                { parent: this, ignoreChanges: ["osProfile.customData"], deleteBeforeReplace: true },
            );
            const runCommand = reading()((lean) =>
                new compute.VirtualMachineRunCommandByVirtualMachine(
                    `${name}${suffix}-config`,
                    proxyClientRunCommandArgs(
                        {
                            vmId: vm.id,
                            location: args.location,
                            osType: "Linux",
                            component: "BackupProxy",
                            script: whenKnown(config, renderProxyServerScript),
                            runCommandName: PROXY_SERVER_RUN_COMMAND_NAME,
                            tags,
                        },
                        this,
                    ),
                    // One proxy at a time: the next is configured only once the one before answers with the change.
                    { parent: this, dependsOn: previous ? [previous] : [], ...lean },
                ),
            );
            previous = runCommand;
            return { vm, publicIp, nic };
        });
        this.loadBalancer(name, `${baseVmName}-lb`, args, { layout, zones: args.frontendZones ?? zones, tags }, proxies.map(({ nic }) => nic));

        const known = pulumi.output(layout);
        this.privateIp = known.proxyIp;
        this.port = known.proxyPort;
        this.url = known.apply(proxyUrl);
        this.publicIps = pulumi.all(proxies.map(({ publicIp }) => publicIp.ipAddress.apply((address) => address ?? "")));
        this.publicIp = this.publicIps.apply((addresses) => addresses[0]);
        this.vmIds = pulumi.all(proxies.map(({ vm }) => vm.id));
        this.proxyVmIds = proxies.map(({ vm }) => vm.id);
        this.proxyVmNames = proxies.map((_, i) => `${baseVmName}${i === 0 ? "" : `-${i + 1}`}`);
        this.vmId = proxies[0].vm.id;
        this.backendIps = known.backendIps;
        this.allowedDomains = pulumi.output(allowedDomains);
        this.registerOutputs({
            privateIp: this.privateIp,
            port: this.port,
            url: this.url,
            publicIp: this.publicIp,
            publicIps: this.publicIps,
            vmId: this.vmId,
            vmIds: this.vmIds,
            backendIps: this.backendIps,
            allowedDomains: this.allowedDomains,
        });
    }

    /** The id of proxy `index` (0 for the first) alone: what watches one proxy then waits for that VM only, not for all as `vmIds` does. */
    /**
     * Each proxy as `BackupMonitoring` watches it (its `proxies`): named after its VM, with its own
     * address, which its heartbeat asks squid on. Not `privateIp`: a backend cannot reach its own
     * internal load balancer's frontend
     * (https://learn.microsoft.com/azure/load-balancer/load-balancer-troubleshoot-backend-traffic#cause-4-access-of-the-internal-load-balancer-frontend-from-the-participating-load-balancer-backend-pool-vm).
     */
    public monitoredProxies(): MonitoredProxyArgs[] {
        return this.proxyVmNames.map((name, i) => ({ name, vmId: this.vmIdOf(i), proxyIp: this.backendIps.apply((ips) => ips[i]), proxyPort: this.port }));
    }

    public vmIdOf(index: number): pulumi.Output<string> {
        const id = this.proxyVmIds[index];
        if (id === undefined) {
            throw new RangeError(`BackupProxy has ${this.proxyVmIds.length} proxies; there is no proxy ${index}`);
        }
        return id;
    }

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
    private loadBalancer(
        name: string,
        loadBalancerName: string,
        args: BackupProxyArgs,
        placement: { layout: ProxyLayout | pulumi.Output<ProxyLayout>; zones: string[]; tags?: Record<string, string> },
        nics: network.NetworkInterface[],
    ): network.LoadBalancer {
        const subnetId = pulumi.output(args.subnetId);
        const subscription = subnetId.apply((id) => /^\/subscriptions\/([^/]+)\//i.exec(id)?.[1] ?? "");
        const vnetId = subnetId.apply((id) => id.replace(/\/subnets\/[^/]+$/i, ""));
        const id = pulumi.interpolate`/subscriptions/${subscription}/resourceGroups/${args.resourceGroupName}/providers/Microsoft.Network/loadBalancers/${loadBalancerName}`;
        const part = (kind: string, partName: string) => pulumi.interpolate`${id}/${kind}/${partName}`;
        const { layout, zones, tags } = placement;
        const proxyPort = whenKnown(layout, (known) => known.proxyPort);
        const count = args.count ?? DEFAULTS.proxyCount;
        return new network.LoadBalancer(
            `${name}-lb`,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                loadBalancerName,
                sku: { name: "Standard", tier: "Regional" },
                frontendIPConfigurations: [
                    {
                        name: "proxy",
                        subnet: { id: args.subnetId },
                        privateIPAllocationMethod: "Static",
                        privateIPAddress: whenKnown(layout, (known) => known.proxyIp),
                        privateIPAddressVersion: "IPv4",
                        zones: zones.length > 0 ? zones : undefined,
                    },
                ],
                backendAddressPools: [
                    {
                        name: "proxies",
                        loadBalancerBackendAddresses: Array.from({ length: count }, (_, i) => ({
                            name: `proxy-${i + 1}`,
                            ipAddress: whenKnown(layout, ({ backendIps }) => backendIps[i]),
                            virtualNetwork: { id: vnetId },
                        })),
                    },
                ],
                probes: [{ name: "proxy-port", protocol: "Tcp", port: proxyPort, intervalInSeconds: 5, probeThreshold: 2 }],
                loadBalancingRules: [
                    {
                        name: "proxy-port",
                        protocol: "Tcp",
                        frontendPort: proxyPort,
                        backendPort: proxyPort,
                        enableFloatingIP: false,
                        // A quiet HTTPS tunnel (an upload waiting on storage) outlives the 4-minute default; and a
                        // flow the balancer drops is reset, not left hanging for the client to time out
                        // (https://learn.microsoft.com/azure/load-balancer/load-balancer-tcp-reset).
                        idleTimeoutInMinutes: 30,
                        enableTcpReset: true,
                        frontendIPConfiguration: { id: part("frontendIPConfigurations", "proxy") },
                        backendAddressPool: { id: part("backendAddressPools", "proxies") },
                        probe: { id: part("probes", "proxy-port") },
                    },
                ],
                tags,
            },
            { parent: this, dependsOn: nics },
        );
    }
}

/** An existing subnet's id, once Azure's answer shows it has the prefix the caller gave. */
function checkedSubnet(subnetId: string, subnetAddressPrefix: string, parent: pulumi.Resource): pulumi.Output<string> {
    const subnet = parseResourceId("subnetId", subnetId, ARM_TYPES.subnet);
    return network
        .getSubnetOutput({ resourceGroupName: subnet.resourceGroupName, virtualNetworkName: subnet.names[0], subnetName: subnet.names[1] }, { parent })
        .apply((found) => {
            const prefixes = [found.addressPrefix, ...(found.addressPrefixes ?? [])].filter((prefix): prefix is string => typeof prefix === "string");
            if (prefixes.length > 0 && !prefixes.includes(subnetAddressPrefix)) {
                invalid("subnetAddressPrefix", `the prefix of subnet ${subnet.names[1]}, which Azure reports as ${prefixes.join(", ")}`, subnetAddressPrefix);
            }
            return subnetId;
        });
}
