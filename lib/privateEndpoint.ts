/**
 * A Recovery Services vault's private endpoint for Azure Backup: the endpoint in its own subnet,
 * the three private DNS zones linked to that subnet's VNet (or existing ones), and the zone group
 * that writes the endpoint's records into them. The rules are the rulebook's (policy/rulebook/privateLink.ts).
 *
 * REST shapes, at the API versions azure-native 3.28 sends (azure-rest-api-specs):
 * - network 2024-05-01, specification/network/resource-manager/Microsoft.Network/stable/2024-05-01/privateEndpoint.json:
 *   `PrivateEndpointProperties.subnet`, `privateLinkServiceConnections[].properties.{privateLinkServiceId, groupIds}`
 *   (examples/PrivateEndpointCreate.json) and `PrivateDnsZoneGroup.properties.privateDnsZoneConfigs[].properties.privateDnsZoneId`
 *   (examples/PrivateEndpointDnsZoneGroupCreate.json); the SDK flattens `properties`. The spec marks none
 *   of them required, so the group id is set here, never left to a default.
 * - privatedns 2024-06-01, specification/privatedns/resource-manager/Microsoft.Network/stable/2024-06-01/privatedns.json:
 *   a zone is a TrackedResource with `location` "global" (examples/PrivateZonePut.json); a link has
 *   `virtualNetwork.id` and `registrationEnabled` (examples/VirtualNetworkLinkPut.json), false here, as
 *   a privatelink zone holds the endpoint's records and no VM's.
 */
import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import * as privatedns from "@pulumi/azure-native/privatedns";
import { parseResourceId } from "./armIds";
import { ARM_TYPES } from "../policy/rulebook/azureTypes";
import { InvalidSettingError } from "../policy/rulebook/errors";
import { BACKUP_PRIVATE_ENDPOINT_GROUP, BACKUP_ZONE_ROLES, BackupZoneRole, checkPrivateDnsZoneIds, checkPrivateEndpointAccess, requiredBackupZones } from "../policy/rulebook/privateLink";

export interface VaultPrivateEndpointArgs {
    resourceGroupName: pulumi.Input<string>;
    /** The vault's region, which the endpoint shares; it picks the backup zone's geo code. */
    location: pulumi.Input<string>;
    vaultName: string;
    vaultId: pulumi.Input<string>;
    /** The endpoint's own subnet; its VNet is the one the zones are linked to. */
    subnetId: pulumi.Input<string>;
    /** Existing zones to use instead of creating them, checked. */
    privateDnsZoneIds?: string[];
    /** The vault's public network access, which must be Disabled with the endpoint. */
    publicNetworkAccess: string;
    tags?: Record<string, string>;
}

/** The argument names a caller used, for errors: the component's or the settings'. */
export interface PrivateEndpointNames {
    subnetId: string;
    privateDnsZoneIds: string;
    publicNetworkAccess: string;
    location: string;
}

/** Checks what can be checked before anything is created; the zones' ids by role, when given. */
export function checkVaultPrivateEndpoint(
    args: Pick<VaultPrivateEndpointArgs, "privateDnsZoneIds" | "publicNetworkAccess"> & { subnetId?: unknown; location?: pulumi.Input<string> },
    names: PrivateEndpointNames,
): Record<BackupZoneRole, string> | undefined {
    if (args.subnetId === undefined) {
        if (args.privateDnsZoneIds !== undefined) {
            throw new InvalidSettingError(names.privateDnsZoneIds, `is used only with a private endpoint: set ${names.subnetId} too, or unset it`);
        }
        return undefined;
    }
    checkPrivateEndpointAccess(names.publicNetworkAccess, args.publicNetworkAccess);
    const region = typeof args.location === "string" ? args.location : undefined;
    if (args.privateDnsZoneIds !== undefined) {
        return checkPrivateDnsZoneIds(names.privateDnsZoneIds, args.privateDnsZoneIds, region);
    }
    if (region !== undefined) {
        requiredBackupZones(names.location, region, names.privateDnsZoneIds);
    }
    return undefined;
}

/** A component's subnet id, when plain: checked before anything is created (an Output is checked when it resolves). */
export function checkEndpointSubnetId(setting: string, subnetId: pulumi.Input<string> | undefined): void {
    if (typeof subnetId === "string") {
        parseResourceId(setting, subnetId, ARM_TYPES.subnet);
    }
}

/**
 * The endpoint, its zones and their links, and its zone group, children of `parent`. Returns what
 * protected items must wait for: Azure takes a backup private endpoint only on a vault that has
 * never had a protected item (v2 configure page), so every item depends on the endpoint and its
 * zone group.
 */
export function vaultPrivateEndpoint(name: string, args: VaultPrivateEndpointArgs, names: PrivateEndpointNames, parent: pulumi.Resource): pulumi.Resource[] {
    const existing = checkVaultPrivateEndpoint(args, names);
    const opts = { parent };
    const subnet = pulumi.output(args.subnetId).apply((id) => parseResourceId(names.subnetId, id, ARM_TYPES.subnet));
    const vnetId = subnet.apply((s) => `/subscriptions/${s.subscriptionId}/resourceGroups/${s.resourceGroupName}/providers/${ARM_TYPES.virtualNetwork}/${s.names[0]}`);
    const endpoint = new network.PrivateEndpoint(
        `${name}-pe`,
        {
            resourceGroupName: args.resourceGroupName,
            privateEndpointName: `pe-${args.vaultName}-backup`,
            location: args.location,
            subnet: { id: args.subnetId },
            privateLinkServiceConnections: [{ name: BACKUP_PRIVATE_ENDPOINT_GROUP, privateLinkServiceId: args.vaultId, groupIds: [BACKUP_PRIVATE_ENDPOINT_GROUP] }],
            tags: args.tags,
        },
        opts,
    );
    const zoneIds = existing ?? createdZones(name, args, names, vnetId, subnet.apply((s) => s.names[0]), opts);
    const zoneGroup = new network.PrivateDnsZoneGroup(
        `${name}-pe-dns`,
        {
            resourceGroupName: args.resourceGroupName,
            privateEndpointName: endpoint.name,
            privateDnsZoneGroupName: "default",
            privateDnsZoneConfigs: BACKUP_ZONE_ROLES.map((role) => ({ name: role, privateDnsZoneId: zoneIds[role] })),
        },
        opts,
    );
    return [endpoint, zoneGroup];
}

/** The three zones, each linked to the VNet; created in the vault's resource group. */
function createdZones(
    name: string,
    args: VaultPrivateEndpointArgs,
    names: PrivateEndpointNames,
    vnetId: pulumi.Output<string>,
    vnetName: pulumi.Output<string>,
    opts: pulumi.CustomResourceOptions,
): Record<BackupZoneRole, pulumi.Output<string>> {
    const zoneNames = pulumi.output(args.location).apply((region) => requiredBackupZones(names.location, region, names.privateDnsZoneIds));
    const entries = BACKUP_ZONE_ROLES.map((role) => {
        const zone = new privatedns.PrivateZone(`${name}-dns-${role}`, { resourceGroupName: args.resourceGroupName, privateZoneName: zoneNames[role], location: "global", tags: args.tags }, opts);
        new privatedns.VirtualNetworkLink(
            `${name}-dns-${role}-link`,
            {
                resourceGroupName: args.resourceGroupName,
                privateZoneName: zone.name,
                virtualNetworkLinkName: pulumi.interpolate`${vnetName}-link`,
                location: "global",
                virtualNetwork: { id: vnetId },
                registrationEnabled: false,
                tags: args.tags,
            },
            opts,
        );
        return [role, zone.id] as const;
    });
    return Object.fromEntries(entries) as Record<BackupZoneRole, pulumi.Output<string>>;
}
