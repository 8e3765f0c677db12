/**
 * Azure's service tags file (`ServiceTags_Public_YYYYMMDD.json`, "Azure IP Ranges and Service
 * Tags - Public Cloud"): the backup services' tags picked for a region, their IPv4 prefixes
 * merged and sorted, and laid out as NSG rules within Azure's limits. IPv4 only: the NSG rules
 * are IPv4, so the file's IPv6 prefixes are counted and left out. Reading the file is the
 * caller's (lib/serviceTagPrefixes.ts, the policy pack).
 */
import { Cidr, formatCidr, mergeCidrs, parseCidr, parseIp } from "./cidr";
import { InvalidSettingError } from "./errors";
import { NSG_LIMITS } from "./nsg";
import { sameRegion } from "./regions";
import type { PublicService } from "./checks";

const SETTING = "ipRangesFile";

/** One entry of the file's `values`, as Azure publishes it. */
export interface ServiceTagEntry {
    /** `Storage.WestEurope`, `AzureBackup`, ... */
    name: string;
    id?: string;
    properties: {
        changeNumber?: number;
        /** `westeurope`; empty for a global tag. */
        region?: string;
        regionId?: number;
        platform?: string;
        systemService?: string;
        /** IPv4 and IPv6 CIDRs. */
        addressPrefixes: string[];
        networkFeatures?: string[];
    };
}

/** Azure's service tags file: `{ changeNumber, cloud, values: [...] }`. */
export interface ServiceTagFile {
    changeNumber?: number;
    cloud?: string;
    values: ServiceTagEntry[];
}

/** Which form of a service's tag a layout uses: the region's, the region's when the file has one (else the global one), or the global one. */
export type TagScope = "regional" | "regionalIfPresent" | "global";

export interface ServiceTagRequest {
    /** The tag's service part: `Storage`, `AzureBackup`, `AzureActiveDirectory`. */
    service: string;
    scope: TagScope;
    /** The TCP ports the VMs reach it on: HTTPS, and 8443 where managed-disk endpoints need it. */
    ports: readonly string[];
}

/**
 * The tags a backup-ready VM needs without a proxy: its region's storage, Azure Backup, and
 * Microsoft Entra ID (https://learn.microsoft.com/azure/backup/backup-azure-arm-vms-prepare#establish-network-connectivity).
 */
export const BACKUP_SERVICE_TAGS: readonly ServiceTagRequest[] = [
    { service: "Storage", scope: "regional", ports: ["443", "8443"] },
    { service: "AzureBackup", scope: "regionalIfPresent", ports: ["443"] },
    { service: "AzureActiveDirectory", scope: "global", ports: ["443"] },
];

/** The IPv4 prefixes of one tag, merged and in address order. */
export interface TagPrefixes {
    service: string;
    /** The file's tag the prefixes come from, e.g. `Storage.WestEurope`. */
    tag: string;
    prefixes: string[];
    /** IPv6 prefixes the file lists for the tag and this layout leaves out. */
    ipv6Omitted: number;
}

/** One rule's worth of destinations: Azure takes many prefixes in one rule, but one service tag per rule at most. */
export interface PrefixRule {
    service: string;
    tag: string;
    destinationAddressPrefixes: string[];
}

export interface PrefixLayout {
    rules: PrefixRule[];
    /** Destination prefixes of the layout's rules. */
    prefixCount: number;
}

/** Any rule as far as the limits care: its destination prefixes. */
export interface RuleDestinations {
    destinationAddressPrefix?: string;
    destinationAddressPrefixes?: string[];
}

/** The file's shape, checked as far as this module reads it. */
export function checkServiceTagFile(path: string, parsed: unknown): ServiceTagFile {
    const values = (parsed as { values?: unknown } | null)?.values;
    if (!Array.isArray(values)) {
        throw new InvalidSettingError(SETTING, `${path} is not Azure's service tags file (ServiceTags_Public_YYYYMMDD.json): it has no "values" list`);
    }
    values.forEach((entry: Partial<ServiceTagEntry> | null, index) => {
        const prefixes = entry?.properties?.addressPrefixes;
        if (typeof entry?.name !== "string" || !Array.isArray(prefixes) || prefixes.some((prefix) => typeof prefix !== "string")) {
            throw new InvalidSettingError(
                SETTING,
                `${path} is not Azure's service tags file: values[${index}] needs a "name" and a "properties.addressPrefixes" list of strings`,
            );
        }
    });
    return parsed as ServiceTagFile;
}

/** The file's tag of a service: global (`AzureBackup`), or regional by name (`Storage.WestEurope`) or by `properties.region`. */
function findTag(file: ServiceTagFile, service: string, region: string | undefined): ServiceTagEntry | undefined {
    const key = service.toLowerCase();
    return file.values.find((entry) => {
        const [name, suffix, ...rest] = entry.name.split(".");
        if (name.toLowerCase() !== key || rest.length > 0) {
            return false;
        }
        if (region === undefined) {
            return suffix === undefined;
        }
        return suffix !== undefined && (sameRegion(suffix, region) || sameRegion(entry.properties.region ?? "", region));
    });
}

/** The tag a request names in the file, or an error that says what is missing. */
function resolveTag(file: ServiceTagFile, request: ServiceTagRequest, region: string): ServiceTagEntry {
    const regional = request.scope === "global" ? undefined : findTag(file, request.service, region);
    const found = regional ?? (request.scope === "regional" ? undefined : findTag(file, request.service, undefined));
    if (found === undefined) {
        const wanted = {
            regional: `${request.service}.<Region> tag for "${region}"`,
            regionalIfPresent: `${request.service}.<Region> tag for "${region}" and no global ${request.service} tag`,
            global: `global ${request.service} tag`,
        }[request.scope];
        throw new InvalidSettingError(SETTING, `the service tags file has no ${wanted}; check the region and that the file is Azure's current one`);
    }
    return found;
}

/** A file prefix as an IPv4 block; IPv6 as "ipv6"; anything else is an error naming the tag. */
function ipv4Block(prefix: string, tag: string): Cidr | "ipv6" {
    if (prefix.includes(":")) {
        return "ipv6";
    }
    const block = parseCidr(prefix.includes("/") ? prefix : `${prefix}/32`);
    if (block === undefined) {
        throw new InvalidSettingError(SETTING, `the service tags file lists "${prefix}" under ${tag}, which is not an IPv4 or IPv6 CIDR`);
    }
    return block;
}

/** One tag's IPv4 prefixes, merged (overlapping and adjacent blocks collapsed) and in address order. */
export function tagPrefixes(entry: ServiceTagEntry, service: string): TagPrefixes {
    const blocks = entry.properties.addressPrefixes.map((prefix) => ipv4Block(prefix, entry.name));
    const ipv4 = blocks.filter((block): block is Cidr => block !== "ipv6");
    return { service, tag: entry.name, prefixes: mergeCidrs(ipv4).map(formatCidr), ipv6Omitted: blocks.length - ipv4.length };
}

/** The IPv4 prefixes of each requested tag for the region (`westeurope` or `West Europe`), merged and sorted. */
export function prefixesForRegion(file: ServiceTagFile, region: string, tags: readonly ServiceTagRequest[] = BACKUP_SERVICE_TAGS): TagPrefixes[] {
    return tags.map((request) => tagPrefixes(resolveTag(file, request, region), request.service));
}

/** Whether a rule prefix is an address or range (which Azure's limit counts) rather than a tag or `*`. */
function isAddressPrefix(prefix: string): boolean {
    return prefix.includes(":") || parseIp(prefix.split("/")[0]) !== undefined;
}

/** The literal destination prefixes of rules, as Azure's per-NSG limit counts them. */
export function destinationPrefixCount(rules: readonly RuleDestinations[]): number {
    return rules
        .flatMap((rule) => (rule.destinationAddressPrefixes?.length ? rule.destinationAddressPrefixes : [rule.destinationAddressPrefix ?? "*"]))
        .filter(isAddressPrefix).length;
}

/**
 * One rule per tag (an NSG rule takes many prefixes but one service tag at most, and Azure sets
 * no limit per rule below the NSG's), checked against Azure's limits for the NSG together with
 * the rules it already holds. Too many is an {@link InvalidSettingError} for `ipRangesFile`.
 */
export function fitInNsg(groups: readonly TagPrefixes[], region: string, otherRules: readonly RuleDestinations[] = []): PrefixLayout {
    const empty = groups.find((group) => group.prefixes.length === 0);
    if (empty !== undefined) {
        throw new InvalidSettingError(SETTING, `the service tags file lists no IPv4 prefixes under ${empty.tag}, and Azure refuses a rule without destinations`);
    }
    const rules = groups.map(({ service, tag, prefixes }) => ({ service, tag, destinationAddressPrefixes: prefixes }));
    const prefixCount = rules.reduce((sum, rule) => sum + rule.destinationAddressPrefixes.length, 0);
    const existing = destinationPrefixCount(otherRules);
    if (prefixCount + existing > NSG_LIMITS.addressPrefixes) {
        const tags = groups.map((group) => group.tag).join(", ");
        const breakdown = existing > 0 ? ` (${prefixCount} of ${tags}, ${existing} in the NSG's other rules)` : ` (${tags})`;
        throw new InvalidSettingError(
            SETTING,
            `${prefixCount + existing} prefixes for ${region}${breakdown} exceed Azure's limit of ${NSG_LIMITS.addressPrefixes} address prefixes per NSG; use service tags (connectivity=serviceTags without ipRangesFile) or a firewall`,
        );
    }
    if (rules.length + otherRules.length > NSG_LIMITS.rules) {
        throw new InvalidSettingError(
            SETTING,
            `${rules.length + otherRules.length} rules exceed Azure's limit of ${NSG_LIMITS.rules} rules per NSG; use service tags (connectivity=serviceTags without ipRangesFile) or a firewall`,
        );
    }
    return { rules, prefixCount };
}

/** The backup services' tags of the file for the region, each with its prefixes and the ports the VMs reach it on. */
export function backupServices(file: ServiceTagFile, region: string): PublicService[] {
    return prefixesForRegion(file, region).map(({ service, tag, prefixes }) => ({
        name: tag,
        prefixes,
        ports: BACKUP_SERVICE_TAGS.find((request) => request.service === service)?.ports ?? [],
    }));
}
