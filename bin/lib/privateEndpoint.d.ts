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
import { BackupZoneRole } from "../policy/rulebook/privateLink";
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
export declare function checkVaultPrivateEndpoint(args: Pick<VaultPrivateEndpointArgs, "privateDnsZoneIds" | "publicNetworkAccess"> & {
    subnetId?: unknown;
    location?: pulumi.Input<string>;
}, names: PrivateEndpointNames): Record<BackupZoneRole, string> | undefined;
/** A component's subnet id, when plain: checked before anything is created (an Output is checked when it resolves). */
export declare function checkEndpointSubnetId(setting: string, subnetId: pulumi.Input<string> | undefined): void;
/**
 * The endpoint, its zones and their links, and its zone group, children of `parent`. Returns what
 * protected items must wait for: Azure takes a backup private endpoint only on a vault that has
 * never had a protected item (v2 configure page), so every item depends on the endpoint and its
 * zone group.
 */
export declare function vaultPrivateEndpoint(name: string, args: VaultPrivateEndpointArgs, names: PrivateEndpointNames, parent: pulumi.Resource): pulumi.Resource[];
