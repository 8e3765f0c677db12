/**
 * Literal address prefixes instead of service tags, for users whose own firewalls need them:
 * Azure's published service tags file (the `ipRangesFile` setting), read from disk and laid out
 * as NSG rules by the rulebook (policy/rulebook/serviceTags.ts).
 */
import * as fs from "fs";
import { InvalidSettingError } from "../policy/rulebook/errors";
import { checkServiceTagFile, fitInNsg, PrefixLayout, prefixesForRegion, RuleDestinations, ServiceTagFile } from "../policy/rulebook/serviceTags";

const SETTING = "ipRangesFile";

/** Reads Azure's service tags file; an unreadable file or another format is an {@link InvalidSettingError} for `ipRangesFile`. */
export function readServiceTags(path: string): ServiceTagFile {
    let text: string;
    try {
        text = fs.readFileSync(path, "utf8");
    } catch (err) {
        throw new InvalidSettingError(SETTING, `cannot read ${path}: ${(err as Error).message}`);
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (err) {
        throw new InvalidSettingError(SETTING, `${path} is not JSON (${(err as Error).message}); download Azure's ServiceTags_Public_YYYYMMDD.json`);
    }
    return checkServiceTagFile(path, parsed);
}

/** `ipRangesFile` to rules: the file read, the backup tags' prefixes for the region, laid out within the NSG's limits. */
export function prefixRulesFromFile(ipRangesFile: string, region: string, otherRules: readonly RuleDestinations[] = []): PrefixLayout {
    return fitInNsg(prefixesForRegion(readServiceTags(ipRangesFile), region), region, otherRules);
}
