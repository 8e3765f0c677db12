"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PRIVATE_DNS_ZONE_TYPE = exports.PRIVATE_ENDPOINT_SUBNET_PREFIX_LENGTH = exports.BACKUP_ZONE_ROLES = exports.BACKUP_GEO_CODES = exports.BACKUP_PRIVATE_ENDPOINT_GROUP = void 0;
exports.backupGeoCode = backupGeoCode;
exports.backupPrivateDnsZoneNames = backupPrivateDnsZoneNames;
exports.requiredBackupZones = requiredBackupZones;
exports.checkPrivateDnsZoneIds = checkPrivateDnsZoneIds;
exports.checkPrivateEndpointAccess = checkPrivateEndpointAccess;
exports.vaultPrivateEndpoints = vaultPrivateEndpoints;
exports.privateEndpointFinding = privateEndpointFinding;
exports.publicVaultWithoutEndpoint = publicVaultWithoutEndpoint;
/**
 * A private endpoint for a Recovery Services vault: Azure's rules for it, written once, for the
 * settings, the components, the readiness report and the policy pack alike.
 *
 * Sources: the v2 concept page (https://learn.microsoft.com/azure/backup/backup-azure-private-endpoints-concept,
 * azure-docs articles/backup/backup-azure-private-endpoints-concept.md, ms.date 07/19/2024), the v2
 * configure page (https://learn.microsoft.com/azure/backup/backup-azure-private-endpoints-configure-manage,
 * ms.date 06/26/2025) and the v1 page (https://learn.microsoft.com/azure/backup/private-endpoints).
 */
const armIds_1 = require("./armIds");
const azureTypes_1 = require("./azureTypes");
const errors_1 = require("./errors");
const regions_1 = require("./regions");
const resources_1 = require("./resources");
/** The vault's sub-resource for backup (`VaultSubResourceType`, azure-native 3.28 types/enums/recoveryservices). Not `AzureSiteRecovery`, which AVM defaults to. */
exports.BACKUP_PRIVATE_ENDPOINT_GROUP = "AzureBackup";
/**
 * Microsoft's geo codes, which name the backup zone `privatelink.<geo>.backup.windowsazure.com`:
 * https://learn.microsoft.com/azure/backup/scripts/geo-code-list (azure-docs
 * articles/backup/scripts/geo-code-list.md, commits 78a92811 and 092fdbcf), read on 2026-12-08.
 * A region not listed here is refused rather than guessed: give existing zones instead.
 */
exports.BACKUP_GEO_CODES = {
    westeurope: "we", northeurope: "ne", germanywestcentral: "gwc", uksouth: "uks", ukwest: "ukw", francecentral: "frc",
    swedencentral: "sdc", switzerlandnorth: "szn", norwayeast: "nwe",
    eastus: "eus", eastus2: "eus2", centralus: "cus", westus: "wus", westus2: "wus2", westus3: "wus3", southcentralus: "scus",
    northcentralus: "ncus", westcentralus: "wcus", canadacentral: "cnc", canadaeast: "cne", brazilsouth: "brs",
    southeastasia: "sea", eastasia: "ea", australiaeast: "ae", australiasoutheast: "ase", japaneast: "jpe", japanwest: "jpw",
    koreacentral: "krc", centralindia: "inc", southindia: "ins", uaenorth: "uan", southafricanorth: "san",
};
/** The region's geo code, or undefined where Microsoft's list (as read) has none. */
function backupGeoCode(region) {
    return exports.BACKUP_GEO_CODES[(0, regions_1.normalizeRegion)(region)];
}
exports.BACKUP_ZONE_ROLES = ["backup", "blob", "queue"];
/** The private DNS zone names (v1 page, "Private DNS zones"). */
function backupPrivateDnsZoneNames(geoCode) {
    return { backup: `privatelink.${geoCode}.backup.windowsazure.com`, blob: "privatelink.blob.core.windows.net", queue: "privatelink.queue.core.windows.net" };
}
/** Any region's backup zone, where the region's code is not known. */
const ANY_BACKUP_ZONE = /^privatelink\.[a-z0-9]+\.backup\.windowsazure\.com$/i;
/** The region's zone names, or an error naming `locationSetting` and what to do instead. */
function requiredBackupZones(locationSetting, region, zonesSetting) {
    const code = backupGeoCode(region);
    if (code === undefined) {
        (0, errors_1.invalid)(locationSetting, `a region with a known Azure Backup geo code (learn.microsoft.com/azure/backup/scripts/geo-code-list) for a vault private endpoint, or set ${zonesSetting} to existing zones`, region);
    }
    return backupPrivateDnsZoneNames(code);
}
/** The smallest subnet for the endpoint: "a private endpoint for a vault uses 10 private IPs, and the count may increase", and v1 suggests a /26. */
exports.PRIVATE_ENDPOINT_SUBNET_PREFIX_LENGTH = 26;
/** The ARM type of a private DNS zone, as its ids spell it (privatedns 2024-06-01). */
exports.PRIVATE_DNS_ZONE_TYPE = "Microsoft.Network/privateDnsZones";
/**
 * Existing zones' ids: each a private DNS zone, together naming the backup zone (the region's,
 * where its code is known), the blob zone and the queue zone. Returns them by role.
 */
function checkPrivateDnsZoneIds(setting, ids, region) {
    if (!Array.isArray(ids) || ids.length === 0) {
        (0, errors_1.invalid)(setting, "a list of private DNS zone ids: the backup, blob and queue zones", ids);
    }
    const names = ids.map((id, i) => {
        const parts = typeof id === "string" ? (0, armIds_1.parseResourceId)(id, exports.PRIVATE_DNS_ZONE_TYPE) : undefined;
        return parts?.names[0] ?? (0, errors_1.invalid)(`${setting}[${i}]`, `a private DNS zone id, ${(0, armIds_1.resourceIdForm)(exports.PRIVATE_DNS_ZONE_TYPE)}`, id);
    });
    const code = region === undefined ? undefined : backupGeoCode(region);
    const wanted = code === undefined ? undefined : backupPrivateDnsZoneNames(code);
    const find = (role) => {
        const matches = (name) => (role === "backup" && wanted === undefined ? ANY_BACKUP_ZONE.test(name) : (0, resources_1.sameName)(name, (wanted ?? backupPrivateDnsZoneNames("geo"))[role]));
        const i = names.findIndex(matches);
        if (i < 0) {
            const zone = role === "backup" ? (wanted?.backup ?? "privatelink.<geo>.backup.windowsazure.com") : backupPrivateDnsZoneNames("geo")[role];
            (0, errors_1.invalid)(setting, `ids of the three zones a backup private endpoint needs, among them ${zone}`, names);
        }
        return ids[i];
    };
    const zones = { backup: find("backup"), blob: find("blob"), queue: find("queue") };
    if (ids.length !== exports.BACKUP_ZONE_ROLES.length) {
        (0, errors_1.invalid)(setting, `exactly the ${exports.BACKUP_ZONE_ROLES.length} zones a backup private endpoint needs (backup, blob, queue)`, names);
    }
    return zones;
}
/** Public access and the endpoint: Microsoft recommends "public network access is set to Deny along with private endpoint setup" (v2 concept page). */
function checkPrivateEndpointAccess(setting, publicNetworkAccess) {
    if (publicNetworkAccess !== "Disabled") {
        (0, errors_1.invalid)(setting, `"Disabled" with a vault private endpoint: the endpoint is the vault's way in (and so Cross Region Restore, which Azure does not allow with public access denied, stays off)`, publicNetworkAccess);
    }
}
/** The backup private endpoints that name the vault: by id, or where the id is not known yet, by dependency. */
function vaultPrivateEndpoints(vault, resources) {
    const vaultId = vault.props.id;
    return resources.filter((resource) => {
        if (resource.type !== azureTypes_1.AZURE_TYPES.privateEndpoint) {
            return false;
        }
        const connections = resource.props.privateLinkServiceConnections ?? [];
        return connections.some((connection) => (connection.groupIds ?? []).includes(exports.BACKUP_PRIVATE_ENDPOINT_GROUP) &&
            (connection.privateLinkServiceId !== undefined ? (0, resources_1.sameName)(connection.privateLinkServiceId, vaultId) : (resource.dependencies ?? []).includes(vault.urn)));
    });
}
/** The name an endpoint goes by in Azure: its name input, or its output `name`. */
function azureNameOf(resource, input) {
    return resource.props[input] ?? resource.props.name ?? resource.name;
}
/**
 * Whether a vault's private endpoint can answer: its zone group names each of the three zones,
 * and each zone the plan creates is linked to the endpoint's VNet without auto-registration.
 * Undefined when the vault has no private endpoint.
 */
function privateEndpointFinding(vault, resources) {
    const [endpoint] = vaultPrivateEndpoints(vault, resources);
    if (endpoint === undefined) {
        return undefined;
    }
    const endpointName = azureNameOf(endpoint, "privateEndpointName");
    const subnetId = endpoint.props.subnet?.id ?? "";
    const vnetId = subnetId.replace(/\/subnets\/[^/]+$/i, "");
    const region = vault.props.location ?? "";
    const code = backupGeoCode(region);
    const group = resources.find((resource) => resource.type === azureTypes_1.AZURE_TYPES.privateDnsZoneGroup && (0, resources_1.sameName)(resource.props.privateEndpointName, endpointName));
    if (group === undefined) {
        return { pass: false, why: `private endpoint "${endpointName}" has no DNS zone group: nothing writes its records into the private zones` };
    }
    const configured = (group.props.privateDnsZoneConfigs ?? []).map((config) => config.privateDnsZoneId ?? "");
    const zoneNameOf = (id) => (0, armIds_1.parseResourceId)(id, exports.PRIVATE_DNS_ZONE_TYPE)?.names[0] ?? id;
    const wanted = code === undefined ? undefined : backupPrivateDnsZoneNames(code);
    const found = [];
    for (const role of exports.BACKUP_ZONE_ROLES) {
        const id = configured.find((zoneId) => (role === "backup" && wanted === undefined ? ANY_BACKUP_ZONE.test(zoneNameOf(zoneId)) : (0, resources_1.sameName)(zoneNameOf(zoneId), (wanted ?? backupPrivateDnsZoneNames("geo"))[role])));
        if (id === undefined) {
            return { pass: false, why: `the DNS zone group of "${endpointName}" names no ${role === "backup" ? (wanted?.backup ?? "privatelink.<geo>.backup.windowsazure.com") : backupPrivateDnsZoneNames("geo")[role]} zone` };
        }
        const zoneName = zoneNameOf(id);
        const zone = resources.find((resource) => resource.type === azureTypes_1.AZURE_TYPES.privateDnsZone && (0, resources_1.sameName)(azureNameOf(resource, "privateZoneName"), zoneName));
        if (zone === undefined) {
            found.push(`${zoneName} (an existing zone: its link to the VNet is its owner's)`);
            continue;
        }
        const link = resources.find((resource) => resource.type === azureTypes_1.AZURE_TYPES.virtualNetworkLink &&
            (0, resources_1.sameName)(resource.props.privateZoneName, zoneName) &&
            (0, resources_1.sameName)(resource.props.virtualNetwork?.id, vnetId));
        if (link === undefined) {
            return { pass: false, why: `zone ${zoneName} is not linked to the endpoint's VNet ${vnetId || "(unknown)"}: the VMs would resolve the vault's public names` };
        }
        if (link.props.registrationEnabled === true) {
            return { pass: false, why: `the link of zone ${zoneName} registers VMs (registrationEnabled true): a privatelink zone holds the endpoint's records only` };
        }
        found.push(`${zoneName} (linked)`);
    }
    const early = itemsBefore(vault, resources, [endpoint, group]);
    if (early !== undefined) {
        return { pass: false, why: `protected item ${early} does not wait for private endpoint "${endpointName}" and its DNS zone group: Azure takes a backup private endpoint only on a vault that never had a protected item` };
    }
    return { pass: true, why: `private endpoint "${endpointName}" (group ${exports.BACKUP_PRIVATE_ENDPOINT_GROUP}), which every protected item waits for; its zone group names ${found.join(", ")}` };
}
/** The first protected item of the vault that does not depend on each of `first` (where dependencies are known). */
function itemsBefore(vault, resources, first) {
    const vaultName = vault.props.vaultName ?? vault.name;
    const items = resources.filter((resource) => resource.type === azureTypes_1.AZURE_TYPES.protectedItem && (0, resources_1.sameName)(resource.props.vaultName, vaultName));
    const early = items.find((item) => item.dependencies !== undefined && !first.every((resource) => item.dependencies.includes(resource.urn)));
    return early === undefined ? undefined : (early.props.protectedItemName ?? early.name);
}
/** Advisory: a vault open to public networks with no private endpoint (v2 concept page recommends Deny with an endpoint). */
function publicVaultWithoutEndpoint(vault, resources) {
    const properties = vault.props.properties;
    // Only an explicit Disabled closes the vault: the rule does not assume what Azure does with the property unset.
    if (properties?.publicNetworkAccess !== undefined && (0, resources_1.sameName)(properties.publicNetworkAccess, "Disabled")) {
        return undefined;
    }
    if (vaultPrivateEndpoints(vault, resources).length > 0) {
        return undefined;
    }
    const name = vault.props.vaultName ?? vault.props.name ?? vault.name;
    return `vault "${name}" is open to public networks (publicNetworkAccess ${properties?.publicNetworkAccess ?? "not set to Disabled"}) and has no private endpoint: Azure VM backup needs neither; set publicNetworkAccess Disabled, or add a private endpoint (group ${exports.BACKUP_PRIVATE_ENDPOINT_GROUP}) for file recovery and workload backup`;
}
