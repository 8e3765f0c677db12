/**
 * The reference environment: a VNet whose subnets sit behind NSG-lockdown, `appVmCount` Linux and
 * `windowsAppVmCount` Windows app VMs, and a Recovery Services vault in their region protecting
 * every one. With `connectivity` "proxy" (the default) the backup proxy is the VMs' only way out
 * to Azure Storage; with "serviceTags" the NSG lets them out to Azure's backup services directly;
 * with "none" they have no way out at all, which Azure VM backup does not need.
 */
import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import * as resources from "@pulumi/azure-native/resources";
import * as random from "@pulumi/random";
import * as tls from "@pulumi/tls";
import { BackupFleet, BackupMonitoring, BackupProxy, BackupReadyLinuxVm, BackupReadyWindowsVm, BackupVault, NsgLockdown, RestoreDrill } from "./components";
import { lookUpRegions } from "./lib/regionData";
import { lookUpVmSizes } from "./lib/vmSizeData";
import { findVmSize, regionZones } from "./policy/rulebook";
import { checkSettingKeys, DEFAULTS, fleetRegionsOf, RawConfig, resolveSettings, roleArguments, SETTING_KEYS } from "./settings";

/**
 * The program is a function (Pulumi awaits it and takes what it returns as the stack outputs,
 * @pulumi/pulumi cmd/run/run.ts), so that Azure's regions and size data for the region are read,
 * and every setting checked against them, before any resource is registered.
 */
export = async () => {
    const project = new pulumi.Config();
    checkSettingKeys(Object.keys(pulumi.runtime.allConfig()), pulumi.getProject());
    const raw: RawConfig = Object.fromEntries(SETTING_KEYS.map((key) => [key, project.get(key)]));
    raw.location = new pulumi.Config("azure-native").get("location");
    const [regions, sizes] = await Promise.all([lookUpRegions(), lookUpVmSizes(raw.location ?? DEFAULTS.location)]);
    const settings = resolveSettings(raw, sizes, { project: pulumi.getProject(), regions });
    const { location, tags, topology } = settings;
    const behindProxy = settings.connectivity === "proxy";
    /** Without the proxy nothing is pointed at it, though the settings still name its address. */
    const withoutProxy = behindProxy ? {} : { proxyIp: undefined, proxyPort: undefined };
    const createWorkspace = settings.logAnalyticsWorkspace !== undefined;
    const withWorkspace = settings.logAnalyticsWorkspaceId !== undefined || createWorkspace;

    const resourceGroup = new resources.ResourceGroup("backup-ready", { location, tags });
    const resourceGroupName = resourceGroup.name;

    /** The admin key: the one configured, or a generated one whose private half is a secret output. */
    const generatedKey = settings.sshPublicKey ? undefined : new tls.PrivateKey("admin-ssh-key", { algorithm: "RSA", rsaBits: 4096 });
    const sshPublicKey = settings.sshPublicKey ?? (generatedKey as tls.PrivateKey).publicKeyOpenssh;

    const lockdown = new NsgLockdown("lockdown", {
        ...roleArguments(settings, "lockdown"),
        ...withoutProxy,
        resourceGroupName,
        allowWindowsActivation: settings.windowsAppVmCount > 0,
        clientAddressPrefixes: [settings.addressSpace],
        backendIps: behindProxy ? topology.proxy.backendIps : undefined,
    });

    const vnet = new network.VirtualNetwork("backup-ready-vnet", {
        resourceGroupName,
        location,
        addressSpace: { addressPrefixes: [settings.addressSpace] },
        tags,
    });

    /**
     * The subnets are private (no default outbound access, which Azure is retiring). The app VMs then
     * go out through a NAT gateway with one static address where they go out at all: with service
     * tags, to the backup services, and behind the proxy, Windows VMs to their KMS. The NSG decides
     * where to. With "none" nothing goes out (settings.ts refuses Windows VMs there).
     */
    const natGateway = settings.connectivity === "serviceTags" || (behindProxy && settings.windowsAppVmCount > 0) ? egressNatGateway() : undefined;

    function egressNatGateway(): network.NatGateway {
        const address = new network.PublicIPAddress("backup-ready-nat-ip", {
            resourceGroupName,
            location,
            sku: { name: "Standard", tier: "Regional" },
            publicIPAllocationMethod: "Static",
            tags,
        });
        return new network.NatGateway("backup-ready-nat", { resourceGroupName, location, sku: { name: "Standard" }, publicIpAddresses: [{ id: address.id }], tags });
    }

    /** A private subnet behind NSG-lockdown; Azure changes one subnet of a VNet at a time, so it waits for `after`. */
    const subnet = (name: string, addressPrefix: string, egress?: network.NatGateway, after?: network.Subnet) =>
        new network.Subnet(
            name,
            {
                resourceGroupName,
                virtualNetworkName: vnet.name,
                subnetName: name,
                addressPrefix,
                defaultOutboundAccess: false,
                networkSecurityGroup: { id: lockdown.networkSecurityGroupId },
                natGateway: egress && { id: egress.id },
            },
            { dependsOn: after ? [after] : [] },
        );
    const appSubnet = subnet("app-subnet", settings.appSubnet, natGateway);

    /** Zones for the second proxy on (the first is regional and never moves): Azure's data for the proxy size where it says, the region table otherwise. */
    function proxyZones(): string[] {
        const known = regionZones(location, findVmSize(sizes, settings.proxyVmSize)?.zones, regions);
        if (settings.proxyCount > 1 && known.source === "unknown offline") {
            pulumi.log.info(`proxyCount ${settings.proxyCount}: whether ${location} has availability zones is not known offline; the proxies after the first share an availability set`);
        }
        return known.zones;
    }

    const proxySubnet = behindProxy ? subnet("proxy-subnet", settings.proxySubnet, undefined, appSubnet) : undefined;
    const proxy = proxySubnet
        ? new BackupProxy("backup-proxy", {
              ...roleArguments(settings, "proxy"),
              resourceGroupName,
              location,
              // The proxy goes out through its own static public IP, not the NAT gateway.
              subnetId: proxySubnet.id,
              subnetAddressPrefix: settings.proxySubnet,
              clientAddressPrefixes: [settings.addressSpace],
              sshPublicKey,
              // The heartbeat's Azure Monitor agent signs in with it.
              managedIdentity: withWorkspace,
              zones: proxyZones(),
              // The region's zones, whatever the proxy size offers: a frontend keeps the zones it was created with.
              frontendZones: regionZones(location, undefined, regions).zones,
          })
        : undefined;

    /** The vault's private endpoint gets a subnet of its own, the last one created. */
    const endpointSubnet = settings.vaultPrivateEndpoint ? subnet("vault-pe-subnet", settings.vaultPrivateEndpointSubnet as string, undefined, proxySubnet ?? appSubnet) : undefined;

    /** Enrolled by Azure Policy, the app VMs carry the tag its assignments look for. */
    const byPolicy = settings.enrolment === "policy";
    const enrolmentTag = byPolicy ? { [settings.enrolmentTag.name]: settings.enrolmentTag.value } : {};

    /** What every app VM takes besides its settings, Linux or Windows. */
    const appVmArgs = { ...withoutProxy, resourceGroupName, location, subnetId: appSubnet.id, tags: byPolicy ? { ...tags, ...enrolmentTag } : tags };

    const linuxVms = topology.appVmNames.map((name) => ({
        name,
        vm: new BackupReadyLinuxVm(name, { ...roleArguments(settings, "appVm"), ...appVmArgs, sshPublicKey }),
    }));

    /** The Windows admin password: generated, kept as a Pulumi secret. */
    const windowsPassword =
        settings.windowsAppVmCount > 0
            ? new random.RandomPassword("windows-admin-password", { length: 24, minLower: 1, minUpper: 1, minNumeric: 1, minSpecial: 1, overrideSpecial: "!#%*-_=+?" })
            : undefined;
    const windowsVms = topology.windowsVmNames.map((name) => ({
        name,
        vm: new BackupReadyWindowsVm(name, { ...roleArguments(settings, "windowsAppVm"), ...appVmArgs, adminPassword: (windowsPassword as random.RandomPassword).result }),
    }));
    const vault = byPolicy
        ? undefined
        : new BackupVault("backup", {
              ...roleArguments(settings, "vault"),
              resourceGroupName,
              privateEndpointSubnetId: endpointSubnet?.id,
              virtualMachines: [...linuxVms, ...windowsVms].map(({ name, vm }) => ({ name, id: vm.vmId, location, backupDiskLuns: settings.appVmBackupDiskLuns })),
              // A VM that is gone keeps its recovery points: its item, under the same name, stops protection.
              retiredVirtualMachines: settings.retiredVms.map((name) => ({ name, id: pulumi.interpolate`${resourceGroup.id}/providers/Microsoft.Compute/virtualMachines/${name}` })),
          });
    const fleet = byPolicy
        ? new BackupFleet("fleet", {
              ...roleArguments(settings, "fleet"),
              resourceGroupName,
              regions: fleetRegionsOf(settings),
              scope: settings.fleetScope ?? resourceGroup.id,
              tagName: settings.enrolmentTag.name,
              tagValue: settings.enrolmentTag.value,
          })
        : undefined;

    /** Every vault's job failures reach people, and each proxy is watched once (by the first vault's monitoring), on its own address. */
    const proxies = proxy?.monitoredProxies() ?? [];
    const monitored = vault
        ? [{ name: "monitoring", location: settings.vaultLocation, vaultId: vault.vaultId }]
        : fleetRegionsOf(settings).map((region, i) => ({ name: `monitoring-${region}`, location: region, vaultId: (fleet as BackupFleet).vaultIds.apply((ids) => ids[i]) }));
    const monitoring = monitored.map(({ name, location: vaultLocation, vaultId }, i) =>
        new BackupMonitoring(name, {
            ...roleArguments(settings, "monitoring"),
            resourceGroupName,
            location: vaultLocation,
            vaultId,
            createWorkspace,
            proxies: i === 0 ? proxies : [],
        }),
    );

    /**
     * Restore drills of the vault's VMs, into a quarantine subnet of the VNet, with the monitoring's
     * workspace and action group. Its subnet comes after the others (Azure changes one subnet of a
     * VNet at a time): the VNet's id reaches it only once they exist.
     */
    const protectedVms = [...linuxVms, ...windowsVms];
    const drilledVms = settings.restoreDrillVms.length > 0 ? protectedVms.filter(({ name }) => settings.restoreDrillVms.includes(name)) : protectedVms;
    const drill =
        settings.restoreDrill && vault
            ? new RestoreDrill("restore-drill", {
                  ...roleArguments(settings, "restoreDrill"),
                  location: settings.vaultLocation,
                  vaultId: vault.vaultId,
                  virtualNetworkId: pulumi.all([vnet.id, (proxySubnet ?? appSubnet).id]).apply(([id]) => id),
                  quarantineSubnetPrefix: settings.restoreDrillSubnet,
                  actionGroupId: settings.alertEmails.length > 0 ? (monitoring[0].actionGroupId as pulumi.Output<string>) : undefined,
                  logAnalyticsWorkspaceId: withWorkspace ? (monitoring[0].workspaceId as pulumi.Output<string>) : undefined,
                  vmNames: settings.restoreDrillVms,
                  sourceVmIds: drilledVms.map(({ vm }) => vm.vmId),
              })
            : undefined;

    return {
        resourceGroupName,
        connectivity: settings.connectivity,
        proxyPrivateIp: proxy?.privateIp ?? null,
        proxyPort: proxy?.port ?? null,
        proxyUrl: proxy?.url ?? null,
        proxyPublicIp: proxy?.publicIp ?? null,
        proxyPublicIps: proxy?.publicIps ?? null,
        proxyBackendIps: proxy?.backendIps ?? null,
        proxyAllowedDomains: proxy?.allowedDomains ?? null,
        lockdownNsgId: lockdown.networkSecurityGroupId,
        vaultName: vault?.vaultName ?? null,
        vaultId: vault?.vaultId ?? null,
        backupPolicyId: vault?.policyId ?? null,
        fleetVaultIds: fleet?.vaultIds ?? null,
        fleetAssignmentIds: fleet?.assignmentIds ?? null,
        appVmIds: pulumi.all(linuxVms.map(({ vm }) => vm.vmId)),
        windowsVmIds: pulumi.all(windowsVms.map(({ vm }) => vm.vmId)),
        restoreDrillJobId: drill?.jobId ?? null,
        restoreDrillSubnetId: drill?.quarantineSubnetId ?? null,
        adminUsername: settings.adminUsername,
        adminSshPrivateKey: generatedKey ? pulumi.secret(generatedKey.privateKeyOpenssh) : null,
        windowsAdminPassword: windowsPassword ? pulumi.secret(windowsPassword.result) : null,
    };
};
