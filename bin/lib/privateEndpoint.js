"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkVaultPrivateEndpoint = checkVaultPrivateEndpoint;
exports.checkEndpointSubnetId = checkEndpointSubnetId;
exports.vaultPrivateEndpoint = vaultPrivateEndpoint;
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
const pulumi = __importStar(require("@pulumi/pulumi"));
const network = __importStar(require("@pulumi/azure-native/network"));
const privatedns = __importStar(require("@pulumi/azure-native/privatedns"));
const armIds_1 = require("./armIds");
const azureTypes_1 = require("../policy/rulebook/azureTypes");
const errors_1 = require("../policy/rulebook/errors");
const privateLink_1 = require("../policy/rulebook/privateLink");
/** Checks what can be checked before anything is created; the zones' ids by role, when given. */
function checkVaultPrivateEndpoint(args, names) {
    if (args.subnetId === undefined) {
        if (args.privateDnsZoneIds !== undefined) {
            throw new errors_1.InvalidSettingError(names.privateDnsZoneIds, `is used only with a private endpoint: set ${names.subnetId} too, or unset it`);
        }
        return undefined;
    }
    (0, privateLink_1.checkPrivateEndpointAccess)(names.publicNetworkAccess, args.publicNetworkAccess);
    const region = typeof args.location === "string" ? args.location : undefined;
    if (args.privateDnsZoneIds !== undefined) {
        return (0, privateLink_1.checkPrivateDnsZoneIds)(names.privateDnsZoneIds, args.privateDnsZoneIds, region);
    }
    if (region !== undefined) {
        (0, privateLink_1.requiredBackupZones)(names.location, region, names.privateDnsZoneIds);
    }
    return undefined;
}
/** A component's subnet id, when plain: checked before anything is created (an Output is checked when it resolves). */
function checkEndpointSubnetId(setting, subnetId) {
    if (typeof subnetId === "string") {
        (0, armIds_1.parseResourceId)(setting, subnetId, azureTypes_1.ARM_TYPES.subnet);
    }
}
/**
 * The endpoint, its zones and their links, and its zone group, children of `parent`. Returns what
 * protected items must wait for: Azure takes a backup private endpoint only on a vault that has
 * never had a protected item (v2 configure page), so every item depends on the endpoint and its
 * zone group.
 */
function vaultPrivateEndpoint(name, args, names, parent) {
    const existing = checkVaultPrivateEndpoint(args, names);
    const opts = { parent };
    const subnet = pulumi.output(args.subnetId).apply((id) => (0, armIds_1.parseResourceId)(names.subnetId, id, azureTypes_1.ARM_TYPES.subnet));
    const vnetId = subnet.apply((s) => `/subscriptions/${s.subscriptionId}/resourceGroups/${s.resourceGroupName}/providers/${azureTypes_1.ARM_TYPES.virtualNetwork}/${s.names[0]}`);
    const endpoint = new network.PrivateEndpoint(`${name}-pe`, {
        resourceGroupName: args.resourceGroupName,
        privateEndpointName: `pe-${args.vaultName}-backup`,
        location: args.location,
        subnet: { id: args.subnetId },
        privateLinkServiceConnections: [{ name: privateLink_1.BACKUP_PRIVATE_ENDPOINT_GROUP, privateLinkServiceId: args.vaultId, groupIds: [privateLink_1.BACKUP_PRIVATE_ENDPOINT_GROUP] }],
        tags: args.tags,
    }, opts);
    const zoneIds = existing ?? createdZones(name, args, names, vnetId, subnet.apply((s) => s.names[0]), opts);
    const zoneGroup = new network.PrivateDnsZoneGroup(`${name}-pe-dns`, {
        resourceGroupName: args.resourceGroupName,
        privateEndpointName: endpoint.name,
        privateDnsZoneGroupName: "default",
        privateDnsZoneConfigs: privateLink_1.BACKUP_ZONE_ROLES.map((role) => ({ name: role, privateDnsZoneId: zoneIds[role] })),
    }, opts);
    return [endpoint, zoneGroup];
}
/** The three zones, each linked to the VNet; created in the vault's resource group. */
function createdZones(name, args, names, vnetId, vnetName, opts) {
    const zoneNames = pulumi.output(args.location).apply((region) => (0, privateLink_1.requiredBackupZones)(names.location, region, names.privateDnsZoneIds));
    const entries = privateLink_1.BACKUP_ZONE_ROLES.map((role) => {
        const zone = new privatedns.PrivateZone(`${name}-dns-${role}`, { resourceGroupName: args.resourceGroupName, privateZoneName: zoneNames[role], location: "global", tags: args.tags }, opts);
        new privatedns.VirtualNetworkLink(`${name}-dns-${role}-link`, {
            resourceGroupName: args.resourceGroupName,
            privateZoneName: zone.name,
            virtualNetworkLinkName: pulumi.interpolate `${vnetName}-link`,
            location: "global",
            virtualNetwork: { id: vnetId },
            registrationEnabled: false,
            tags: args.tags,
        }, opts);
        return [role, zone.id];
    });
    return Object.fromEntries(entries);
}
