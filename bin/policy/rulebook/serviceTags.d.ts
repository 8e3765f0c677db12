import type { PublicService } from "./checks";
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
export declare const BACKUP_SERVICE_TAGS: readonly ServiceTagRequest[];
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
export declare function checkServiceTagFile(path: string, parsed: unknown): ServiceTagFile;
/** One tag's IPv4 prefixes, merged (overlapping and adjacent blocks collapsed) and in address order. */
export declare function tagPrefixes(entry: ServiceTagEntry, service: string): TagPrefixes;
/** The IPv4 prefixes of each requested tag for the region (`westeurope` or `West Europe`), merged and sorted. */
export declare function prefixesForRegion(file: ServiceTagFile, region: string, tags?: readonly ServiceTagRequest[]): TagPrefixes[];
/** The literal destination prefixes of rules, as Azure's per-NSG limit counts them. */
export declare function destinationPrefixCount(rules: readonly RuleDestinations[]): number;
/**
 * One rule per tag (an NSG rule takes many prefixes but one service tag at most, and Azure sets
 * no limit per rule below the NSG's), checked against Azure's limits for the NSG together with
 * the rules it already holds. Too many is an {@link InvalidSettingError} for `ipRangesFile`.
 */
export declare function fitInNsg(groups: readonly TagPrefixes[], region: string, otherRules?: readonly RuleDestinations[]): PrefixLayout;
/** The backup services' tags of the file for the region, each with its prefixes and the ports the VMs reach it on. */
export declare function backupServices(file: ServiceTagFile, region: string): PublicService[];
