/**
 * The reference environment: a VNet whose subnets sit behind NSG-lockdown, `appVmCount` Linux and
 * `windowsAppVmCount` Windows app VMs, and a Recovery Services vault in their region protecting
 * every one. With `connectivity` "proxy" (the default) the backup proxy is the VMs' only way out
 * to Azure Storage; with "serviceTags" the NSG lets them out to Azure's backup services directly.
 */
import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import * as resources from "@pulumi/azure-native/resources";
import * as random from "@pulumi/random";
import * as tls from "@pulumi/tls";
import { BackupFleet, BackupMonitoring, BackupProxy, BackupReadyLinuxVm, BackupReadyWindowsVm, BackupVault, NsgLockdown } from "./components";
import { lookUpVmSizes } from "./lib/vmSizeData";
import { proxyBackendIps } from "./lib/proxyLayout";
import { findVmSize, regionZones } from "./policy/rulebook";
import { appVmNames, checkSettingKeys, DEFAULTS, fleetRegionsOf, RawConfig, resolveSettings, SETTING_KEYS } from "./settings";

/**
 * The program is a function (Pulumi awaits it and takes what it returns as the stack outputs,
 * @pulumi/pulumi cmd/run/run.ts), so that Azure's size data for the region is read, and every
 * setting checked against it, before any resource is registered.
 */
export = async () => {
    const project = new pulumi.Config();
    checkSettingKeys(Object.keys(pulumi.runtime.allConfig()), pulumi.getProject());
    const raw: RawConfig = Object.fromEntries(SETTING_KEYS.map((key) => [key, project.get(key)]));
    raw.location = new pulumi.Config("azure-native").get("location");
    const sizes = await lookUpVmSizes(raw.location ?? DEFAULTS.location);
    const settings = resolveSettings(raw, sizes);
    const location = settings.location;
    const behindProxy = settings.connectivity === "proxy";
    const proxyEndpoint = behindProxy ? { proxyIp: settings.proxyIp, proxyPort: settings.proxyPort } : {};
    const tags = settings.tags;
    /** What every component takes. */
    const common = { tags, keepTypeAliases: settings.keepTypeAliases };
    /** Where the vault's logs and the proxy heartbeat go, if anywhere. */
    const logsWorkspace = { logAnalyticsWorkspaceId: settings.logAnalyticsWorkspaceId, createWorkspace: settings.logAnalyticsWorkspace !== undefined };
    const withWorkspace = logsWorkspace.logAnalyticsWorkspaceId !== undefined || logsWorkspace.createWorkspace;

    const resourceGroup = new resources.ResourceGroup("backup-ready", { location, tags });
    const resourceGroupName = resourceGroup.name;

    /** The admin key: the one configured, or a generated one whose private half is a secret output. */
    const generatedKey = settings.sshPublicKey ? undefined : new tls.PrivateKey("admin-ssh-key", { algorithm: "RSA", rsaBits: 4096 });
    const sshPublicKey = settings.sshPublicKey ?? (generatedKey as tls.PrivateKey).publicKeyOpenssh;

    const lockdown = new NsgLockdown("lockdown", {
        resourceGroupName,
        location,
        connectivity: settings.connectivity,
        ipRangesFile: settings.ipRangesFile,
        allowWindowsActivation: settings.windowsAppVmCount > 0,
        ...proxyEndpoint,
        clientAddressPrefixes: [settings.addressSpace],
        sshSourceCidr: settings.sshSourceCidr,
        proxyBackendAddresses: behindProxy && settings.proxyCount > 1 ? proxyBackendIps(settings.proxyIp, settings.proxyCount) : undefined,
        ...common,
    });

    const vnet = new network.VirtualNetwork("backup-ready-vnet", {
        resourceGroupName,
        location,
        addressSpace: { addressPrefixes: [settings.addressSpace] },
        tags,
    });

    /**
     * The subnets are private (no default outbound access, which Azure is retiring). The app VMs then
     * go out through a NAT gateway with one static address where they go out at all: without a proxy,
     * to the backup services, and behind it, Windows VMs to their KMS. The NSG decides where to.
     */
    const natGateway = !behindProxy || settings.windowsAppVmCount > 0 ? egressNatGateway() : undefined;

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

    /** Zones for two or more proxies: Azure's data for the proxy size where it says, Microsoft's region list otherwise. */
    function proxyZones(): string[] {
        const known = regionZones(location, findVmSize(sizes, settings.proxyVmSize)?.zones);
        if (settings.proxyCount > 1 && known.source === "unknown offline") {
            pulumi.log.info(`proxyCount ${settings.proxyCount}: whether ${location} has availability zones is not known offline; the proxies share an availability set`);
        }
        return known.zones;
    }

    const proxy = behindProxy
        ? new BackupProxy("backup-proxy", {
              resourceGroupName,
              location,
              // The proxy goes out through its own static public IP, not the NAT gateway.
              subnetId: subnet("proxy-subnet", settings.proxySubnet, undefined, appSubnet).id,
              subnetAddressPrefix: settings.proxySubnet,
              proxyIp: settings.proxyIp,
              proxyPort: settings.proxyPort,
              clientAddressPrefixes: [settings.addressSpace],
              allowedDomains: settings.allowedDomains,
              vmSize: settings.proxyVmSize,
              adminUsername: settings.adminUsername,
              sshPublicKey,
              // The heartbeat's Azure Monitor agent signs in with it.
              managedIdentity: withWorkspace,
              count: settings.proxyCount,
              zones: proxyZones(),
              patchWindow: settings.proxyPatchWindow,
              ...common,
          })
        : undefined;

    /** Enrolled by Azure Policy, the app VMs carry the tag its assignments look for. */
    const byPolicy = settings.enrolment === "policy";
    const enrolmentTag = byPolicy ? { [settings.enrolmentTag.name]: settings.enrolmentTag.value } : {};

    /** What every app VM shares, Linux or Windows. */
    const appVmArgs = {
        resourceGroupName,
        location,
        subnetId: appSubnet.id,
        ...proxyEndpoint,
        adminUsername: settings.adminUsername,
        dataDiskCount: settings.appVmDataDisks,
        ...common,
        tags: byPolicy ? { ...tags, ...enrolmentTag } : tags,
    };

    const linuxVms = appVmNames("app-vm", settings.appVmCount).map((name) => ({
        name,
        vm: new BackupReadyLinuxVm(name, { ...appVmArgs, vmSize: settings.appVmSize, image: settings.appVmImage, sshPublicKey }),
    }));

    /** The Windows admin password: generated, kept as a Pulumi secret. */
    const windowsPassword =
        settings.windowsAppVmCount > 0
            ? new random.RandomPassword("windows-admin-password", { length: 24, minLower: 1, minUpper: 1, minNumeric: 1, minSpecial: 1, overrideSpecial: "!#%*-_=+?" })
            : undefined;
    const windowsVms = appVmNames("win-vm", settings.windowsAppVmCount).map((name) => ({
        name,
        vm: new BackupReadyWindowsVm(name, {
            ...appVmArgs,
            vmSize: settings.windowsAppVmSize,
            adminPassword: (windowsPassword as random.RandomPassword).result,
        }),
    }));
    /** Every vault and policy setting, for the one vault or each of the fleet's. */
    const vaultSettings = {
        vaultName: settings.vaultName,
        backupPolicyType: settings.backupPolicyType,
        backupTime: settings.backupTime,
        timeZone: settings.timeZone,
        retentionDays: settings.retentionDays,
        instantRestoreDays: settings.instantRestoreDays,
        backupFrequency: settings.backupFrequency,
        hourlyInterval: settings.hourlyInterval,
        hourlyWindowHours: settings.hourlyWindowHours,
        weeklyRetentionWeeks: settings.weeklyRetentionWeeks,
        monthlyRetentionMonths: settings.monthlyRetentionMonths,
        yearlyRetentionYears: settings.yearlyRetentionYears,
        retentionDay: settings.retentionDay,
        yearlyRetentionMonth: settings.yearlyRetentionMonth,
        protect: settings.protectVault,
        softDelete: settings.vaultSoftDelete,
        softDeleteDays: settings.softDeleteDays,
        immutability: settings.vaultImmutability,
        allowIrreversibleSettings: settings.allowIrreversibleVaultSettings,
        storageRedundancy: settings.storageRedundancy,
        crossRegionRestore: settings.crossRegionRestore,
        publicNetworkAccess: settings.vaultPublicNetworkAccess,
        lock: settings.vaultLock,
        ...common,
    };
    const vault = byPolicy
        ? undefined
        : new BackupVault("backup", {
              ...vaultSettings,
              resourceGroupName,
              location: settings.vaultLocation,
              virtualMachines: [...linuxVms, ...windowsVms].map(({ name, vm }) => ({ name, id: vm.vmId, location })),
              // A VM that is gone keeps its recovery points: its item, under the same name, stops protection.
              retiredVirtualMachines: settings.retiredVms.map((name) => ({ name, id: pulumi.interpolate`${resourceGroup.id}/providers/Microsoft.Compute/virtualMachines/${name}` })),
          });
    const fleet = byPolicy
        ? new BackupFleet("fleet", {
              ...vaultSettings,
              resourceGroupName,
              regions: fleetRegionsOf(settings),
              scope: settings.fleetScope ?? resourceGroup.id,
              tagName: settings.enrolmentTag.name,
              tagValue: settings.enrolmentTag.value,
          })
        : undefined;

    /** Every vault's job failures reach people, and the proxy is watched once (by the first vault's monitoring). */
    const proxies = proxy ? [{ name: "backup-proxy", vmId: proxy.vmId, proxyIp: settings.proxyIp, proxyPort: settings.proxyPort }] : [];
    const monitored = vault
        ? [{ name: "monitoring", location: settings.vaultLocation, vaultId: vault.vaultId }]
        : fleetRegionsOf(settings).map((region, i) => ({ name: `monitoring-${region}`, location: region, vaultId: (fleet as BackupFleet).vaultIds.apply((ids) => ids[i]) }));
    monitored.forEach(({ name, location: vaultLocation, vaultId }, i) =>
        new BackupMonitoring(name, {
            resourceGroupName,
            location: vaultLocation,
            vaultId,
            alertEmails: settings.alertEmails,
            ...logsWorkspace,
            proxies: i === 0 ? proxies : [],
            ...common,
        }),
    );

    return {
        resourceGroupName,
        connectivity: settings.connectivity,
        proxyPrivateIp: proxy?.privateIp ?? null,
        proxyPort: proxy?.port ?? null,
        proxyUrl: proxy?.url ?? null,
        proxyPublicIp: proxy?.publicIp ?? null,
        proxyPublicIps: proxy?.publicIps ?? null,
        proxyAllowedDomains: proxy?.allowedDomains ?? null,
        lockdownNsgId: lockdown.networkSecurityGroupId,
        vaultName: vault?.vaultName ?? null,
        vaultId: vault?.vaultId ?? null,
        backupPolicyId: vault?.policyId ?? null,
        fleetVaultIds: fleet?.vaultIds ?? null,
        fleetAssignmentIds: fleet?.assignmentIds ?? null,
        appVmIds: pulumi.all(linuxVms.map(({ vm }) => vm.vmId)),
        windowsVmIds: pulumi.all(windowsVms.map(({ vm }) => vm.vmId)),
        adminUsername: settings.adminUsername,
        adminSshPrivateKey: generatedKey ? pulumi.secret(generatedKey.privateKeyOpenssh) : null,
        windowsAdminPassword: windowsPassword ? pulumi.secret(windowsPassword.result) : null,
    };
};
