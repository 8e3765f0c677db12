import { PrefixLayout, RuleDestinations, ServiceTagFile } from "../policy/rulebook/serviceTags";
/** Reads Azure's service tags file; an unreadable file or another format is an {@link InvalidSettingError} for `ipRangesFile`. */
export declare function readServiceTags(path: string): ServiceTagFile;
/** `ipRangesFile` to rules: the file read, the backup tags' prefixes for the region, laid out within the NSG's limits. */
export declare function prefixRulesFromFile(ipRangesFile: string, region: string, otherRules?: readonly RuleDestinations[]): PrefixLayout;
