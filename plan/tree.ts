/** Prints a plan as a tree of resources with the properties a reviewer looks at first. */
import { PlannedResource } from "./engine";

type Inputs = Record<string, any>;

/** One line of the properties that matter for each type. */
export function summarize(resource: PlannedResource): string {
    const i: Inputs = resource.inputs;
    switch (resource.type) {
        case "azure-native:resources:ResourceGroup":
            return `location=${i.location}`;
        case "azure-native:network:VirtualNetwork":
            return `addressSpace=${i.addressSpace?.addressPrefixes?.join(",")}`;
        case "azure-native:network:Subnet":
            return `addressPrefix=${i.addressPrefix} nsg=${lastSegment(i.networkSecurityGroup?.id)}`;
        case "azure-native:network:NetworkSecurityGroup":
            return `name=${i.networkSecurityGroupName ?? resource.name} rules=${(i.securityRules ?? []).map((r: Inputs) => `${r.name}(${r.priority})`).join(",")}`;
        case "azure-native:network:PublicIPAddress":
            return `sku=${i.sku?.name} allocation=${i.publicIPAllocationMethod}${zones(i)}`;
        case "azure-native:network:LoadBalancer": {
            const probes = (i.probes ?? []).map((p: Inputs) => `${p.protocol}:${p.port}`).join(",");
            const backends = (i.backendAddressPools ?? []).flatMap((pool: Inputs) => (pool.loadBalancerBackendAddresses ?? []).map((a: Inputs) => a.ipAddress)).join(",");
            return `sku=${i.sku?.name} frontend=${(i.frontendIPConfigurations ?? []).map((f: Inputs) => f.privateIPAddress).join(",")} probe=${probes} backends=${backends || "by NIC"}`;
        }
        case "azure-native:network:NetworkInterface": {
            const ipConfig = i.ipConfigurations?.[0] ?? {};
            return `privateIp=${ipConfig.privateIPAddress ?? "dynamic"} subnet=${lastSegment(ipConfig.subnet?.id)}`;
        }
        case "azure-native:compute:VirtualMachine": {
            const image = i.storageProfile?.imageReference ?? {};
            return [
                `vmName=${i.vmName}`,
                `size=${i.hardwareProfile?.vmSize}`,
                `image=${image.offer}/${image.sku}`,
                `agent=${i.osProfile?.linuxConfiguration?.provisionVMAgent ?? i.osProfile?.windowsConfiguration?.provisionVMAgent}`,
                `dataDisks=${(i.storageProfile?.dataDisks ?? []).length}`,
            ].join(" ") + zones(i);
        }
        case "azure-native:compute:VirtualMachineRunCommandByVirtualMachine":
            return `vm=${i.vmName} runCommand=${i.runCommandName} script=${String(i.source?.script ?? "").split("\n").length} lines`;
        case "azure-native:recoveryservices:Vault": {
            const security = i.properties?.securitySettings ?? {};
            return [
                `vaultName=${i.vaultName} location=${i.location} softDelete=${security.softDeleteSettings?.softDeleteState}`,
                `immutability=${security.immutabilitySettings?.state} redundancy=${i.properties?.redundancySettings?.standardTierStorageRedundancy}`,
                `publicNetworkAccess=${i.properties?.publicNetworkAccess}`,
            ].join(" ");
        }
        case "azure-native:recoveryservices:ProtectionPolicy": {
            const p = i.properties ?? {};
            const hourly = p.schedulePolicy?.hourlySchedule;
            const runTime: string | undefined = hourly?.scheduleWindowStartTime ?? (p.schedulePolicy?.dailySchedule ?? p.schedulePolicy)?.scheduleRunTimes?.[0];
            const schedule = hourly ? `every ${hourly.interval} h for ${hourly.scheduleWindowDuration} h from` : "daily at";
            const retention = p.retentionPolicy ?? {};
            const tiers = ["weeklySchedule", "monthlySchedule", "yearlySchedule"]
                .map((tier) => retention[tier]?.retentionDuration)
                .filter(Boolean)
                .map((d: Inputs) => `, ${d.count} ${String(d.durationType).toLowerCase()}`)
                .join("");
            return `${p.policyType} ${schedule} ${runTime?.slice(11, 16)} ${p.timeZone}, keep ${retention.dailySchedule?.retentionDuration?.count} days${tiers}, instant restore ${p.instantRpRetentionRangeInDays} days`;
        }
        case "azure-native:recoveryservices:ProtectedItem":
            return `item=${i.protectedItemName} container=${i.containerName}${i.properties?.protectionState === "ProtectionStopped" ? " protection stopped, recovery points kept" : ""}`;
        case "azure-native:authorization:PolicyAssignment": {
            const parameters: Inputs = i.parameters ?? {};
            const values = Object.entries(parameters)
                .filter(([key]) => key !== "backupPolicyId" && key !== "effect")
                .map(([key, parameter]) => `${key}=${JSON.stringify((parameter as Inputs)?.value)}`);
            return `definition=${lastSegment(i.policyDefinitionId)} scope=${lastSegment(i.scope)} identity=${i.identity?.type} location=${i.location} ${values.join(" ")} policy=${lastSegment(parameters.backupPolicyId?.value)}`;
        }
        case "azure-native:authorization:RoleAssignment":
            return `role=${lastSegment(i.roleDefinitionId)} at=${lastSegment(i.scope)} principalType=${i.principalType}`;
        case "azure-native:policyinsights:RemediationAtResourceGroup":
        case "azure-native:policyinsights:RemediationAtSubscription":
            return `assignment=${lastSegment(i.policyAssignmentId)} mode=${i.resourceDiscoveryMode} locations=${(i.filters?.locations ?? []).join(",")}`;
        case "azure-native:authorization:ManagementLockByScope":
            return `level=${i.level} on ${lastSegment(i.scope)}`;
        default:
            return "";
    }
}

function lastSegment(id: unknown): string {
    return typeof id === "string" ? id.split("/").pop() ?? id : String(id);
}

export function formatTree(resources: PlannedResource[]): string {
    const children = new Map<string | undefined, PlannedResource[]>();
    for (const resource of resources) {
        children.set(resource.parent, [...(children.get(resource.parent) ?? []), resource]);
    }
    const lines: string[] = [];
    const walk = (parent: string | undefined, prefix: string) => {
        const level = children.get(parent) ?? [];
        level.forEach((resource, index) => {
            const last = index === level.length - 1;
            const flags = [
                resource.options.protect ? "protected" : "",
                resource.options.retainOnDelete ? "kept in Azure on delete" : "",
                resource.options.replaceOnChanges ? "replace-on-change" : "",
            ]
                .filter(Boolean)
                .map((flag) => ` [${flag}]`)
                .join("");
            const summary = summarize(resource);
            lines.push(`${prefix}${last ? "└─ " : "├─ "}${resource.type}  ${resource.name}${flags}${summary ? `  ${summary}` : ""}`);
            walk(resource.urn, prefix + (last ? "   " : "│  "));
        });
    };
    walk(undefined, "");
    return lines.join("\n");
}

/** ` zones=1,2` where a resource names zones; nothing otherwise. */
function zones(i: Inputs): string {
    return Array.isArray(i.zones) && i.zones.length > 0 ? ` zones=${i.zones.join(",")}` : "";
}
