"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BACKUP_SERVICE_TAGS = void 0;
exports.checkServiceTagFile = checkServiceTagFile;
exports.tagPrefixes = tagPrefixes;
exports.prefixesForRegion = prefixesForRegion;
exports.destinationPrefixCount = destinationPrefixCount;
exports.fitInNsg = fitInNsg;
exports.backupServices = backupServices;
/**
 * Azure's service tags file (`ServiceTags_Public_YYYYMMDD.json`, "Azure IP Ranges and Service
 * Tags - Public Cloud"): the backup services' tags picked for a region, their IPv4 prefixes
 * merged and sorted, and laid out as NSG rules within Azure's limits. IPv4 only: the NSG rules
 * are IPv4, so the file's IPv6 prefixes are counted and left out. Reading the file is the
 * caller's (lib/serviceTagPrefixes.ts, the policy pack).
 */
const cidr_1 = require("./cidr");
const errors_1 = require("./errors");
const nsg_1 = require("./nsg");
const regions_1 = require("./regions");
const SETTING = "ipRangesFile";
/**
 * The tags a backup-ready VM needs without a proxy: its region's storage, Azure Backup, and
 * Microsoft Entra ID (https://learn.microsoft.com/azure/backup/backup-azure-arm-vms-prepare#establish-network-connectivity).
 */
exports.BACKUP_SERVICE_TAGS = [
    { service: "Storage", scope: "regional", ports: ["443", "8443"] },
    { service: "AzureBackup", scope: "regionalIfPresent", ports: ["443"] },
    { service: "AzureActiveDirectory", scope: "global", ports: ["443"] },
];
/** The file's shape, checked as far as this module reads it. */
function checkServiceTagFile(path, parsed) {
    const values = parsed?.values;
    if (!Array.isArray(values)) {
        throw new errors_1.InvalidSettingError(SETTING, `${path} is not Azure's service tags file (ServiceTags_Public_YYYYMMDD.json): it has no "values" list`);
    }
    values.forEach((entry, index) => {
        const prefixes = entry?.properties?.addressPrefixes;
        if (typeof entry?.name !== "string" || !Array.isArray(prefixes) || prefixes.some((prefix) => typeof prefix !== "string")) {
            throw new errors_1.InvalidSettingError(SETTING, `${path} is not Azure's service tags file: values[${index}] needs a "name" and a "properties.addressPrefixes" list of strings`);
        }
    });
    return parsed;
}
/** The file's tag of a service: global (`AzureBackup`), or regional by name (`Storage.WestEurope`) or by `properties.region`. */
function findTag(file, service, region) {
    const key = service.toLowerCase();
    return file.values.find((entry) => {
        const [name, suffix, ...rest] = entry.name.split(".");
        if (name.toLowerCase() !== key || rest.length > 0) {
            return false;
        }
        if (region === undefined) {
            return suffix === undefined;
        }
        return suffix !== undefined && ((0, regions_1.sameRegion)(suffix, region) || (0, regions_1.sameRegion)(entry.properties.region ?? "", region));
    });
}
/** The tag a request names in the file, or an error that says what is missing. */
function resolveTag(file, request, region) {
    const regional = request.scope === "global" ? undefined : findTag(file, request.service, region);
    const found = regional ?? (request.scope === "regional" ? undefined : findTag(file, request.service, undefined));
    if (found === undefined) {
        const wanted = {
            regional: `${request.service}.<Region> tag for "${region}"`,
            regionalIfPresent: `${request.service}.<Region> tag for "${region}" and no global ${request.service} tag`,
            global: `global ${request.service} tag`,
        }[request.scope];
        throw new errors_1.InvalidSettingError(SETTING, `the service tags file has no ${wanted}; check the region and that the file is Azure's current one`);
    }
    return found;
}
/** A file prefix as an IPv4 block; IPv6 as "ipv6"; anything else is an error naming the tag. */
function ipv4Block(prefix, tag) {
    if (prefix.includes(":")) {
        return "ipv6";
    }
    const block = (0, cidr_1.parseCidr)(prefix.includes("/") ? prefix : `${prefix}/32`);
    if (block === undefined) {
        throw new errors_1.InvalidSettingError(SETTING, `the service tags file lists "${prefix}" under ${tag}, which is not an IPv4 or IPv6 CIDR`);
    }
    return block;
}
/** One tag's IPv4 prefixes, merged (overlapping and adjacent blocks collapsed) and in address order. */
function tagPrefixes(entry, service) {
    const blocks = entry.properties.addressPrefixes.map((prefix) => ipv4Block(prefix, entry.name));
    const ipv4 = blocks.filter((block) => block !== "ipv6");
    return { service, tag: entry.name, prefixes: (0, cidr_1.mergeCidrs)(ipv4).map(cidr_1.formatCidr), ipv6Omitted: blocks.length - ipv4.length };
}
/** The IPv4 prefixes of each requested tag for the region (`westeurope` or `West Europe`), merged and sorted. */
function prefixesForRegion(file, region, tags = exports.BACKUP_SERVICE_TAGS) {
    return tags.map((request) => tagPrefixes(resolveTag(file, request, region), request.service));
}
/** Whether a rule prefix is an address or range (which Azure's limit counts) rather than a tag or `*`. */
function isAddressPrefix(prefix) {
    return prefix.includes(":") || (0, cidr_1.parseIp)(prefix.split("/")[0]) !== undefined;
}
/** The literal destination prefixes of rules, as Azure's per-NSG limit counts them. */
function destinationPrefixCount(rules) {
    return rules
        .flatMap((rule) => (rule.destinationAddressPrefixes?.length ? rule.destinationAddressPrefixes : [rule.destinationAddressPrefix ?? "*"]))
        .filter(isAddressPrefix).length;
}
/**
 * One rule per tag (an NSG rule takes many prefixes but one service tag at most, and Azure sets
 * no limit per rule below the NSG's), checked against Azure's limits for the NSG together with
 * the rules it already holds. Too many is an {@link InvalidSettingError} for `ipRangesFile`.
 */
function fitInNsg(groups, region, otherRules = []) {
    const empty = groups.find((group) => group.prefixes.length === 0);
    if (empty !== undefined) {
        throw new errors_1.InvalidSettingError(SETTING, `the service tags file lists no IPv4 prefixes under ${empty.tag}, and Azure refuses a rule without destinations`);
    }
    const rules = groups.map(({ service, tag, prefixes }) => ({ service, tag, destinationAddressPrefixes: prefixes }));
    const prefixCount = rules.reduce((sum, rule) => sum + rule.destinationAddressPrefixes.length, 0);
    const existing = destinationPrefixCount(otherRules);
    if (prefixCount + existing > nsg_1.NSG_LIMITS.addressPrefixes) {
        const tags = groups.map((group) => group.tag).join(", ");
        const breakdown = existing > 0 ? ` (${prefixCount} of ${tags}, ${existing} in the NSG's other rules)` : ` (${tags})`;
        throw new errors_1.InvalidSettingError(SETTING, `${prefixCount + existing} prefixes for ${region}${breakdown} exceed Azure's limit of ${nsg_1.NSG_LIMITS.addressPrefixes} address prefixes per NSG; use service tags (connectivity=serviceTags without ipRangesFile) or a firewall`);
    }
    if (rules.length + otherRules.length > nsg_1.NSG_LIMITS.rules) {
        throw new errors_1.InvalidSettingError(SETTING, `${rules.length + otherRules.length} rules exceed Azure's limit of ${nsg_1.NSG_LIMITS.rules} rules per NSG; use service tags (connectivity=serviceTags without ipRangesFile) or a firewall`);
    }
    return { rules, prefixCount };
}
/** The backup services' tags of the file for the region, each with its prefixes and the ports the VMs reach it on. */
function backupServices(file, region) {
    return prefixesForRegion(file, region).map(({ service, tag, prefixes }) => ({
        name: tag,
        prefixes,
        ports: exports.BACKUP_SERVICE_TAGS.find((request) => request.service === service)?.ports ?? [],
    }));
}
