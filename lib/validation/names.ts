/** Names Azure and squid accept: domains, storage accounts, vaults, VM sizes, admin users, computer names, regions. */
import { invalid } from "../../policy/rulebook/errors";
import { backupRedundancyProblem, isRegionName, RegionData, regionNameProblem, sameRegion } from "../../policy/rulebook/regions";
import { STORAGE_REDUNDANCIES } from "../../policy/rulebook/vault";
import { adminUsernameProblem, isWindowsComputerName, WINDOWS_COMPUTER_NAME_RULE } from "../../policy/rulebook/vms";

export function checkWindowsComputerName(setting: string, name: string): void {
    if (!isWindowsComputerName(name)) {
        invalid(setting, WINDOWS_COMPUTER_NAME_RULE, name);
    }
}

/** An Azure region: shaped like one, and a physical region of the region table (Azure's list online, Microsoft's offline). */
export function checkRegion(setting: string, region: string, regions: RegionData): void {
    if (typeof region !== "string" || !isRegionName(region)) {
        invalid(setting, 'an Azure region such as "westeurope" or "West Europe"', region);
    }
    const problem = regionNameProblem(region, regions);
    if (problem !== undefined) {
        invalid(setting, problem, region);
    }
}

/** The vault's storage redundancy and Cross Region Restore, where Azure Backup offers them in its region; `names` are the user's names for the three. */
export function checkBackupRedundancy(
    names: { region: string; storageRedundancy: string; crossRegionRestore: string },
    s: { region: string; storageRedundancy: string; crossRegionRestore: boolean },
    regions: RegionData,
): void {
    const problem = backupRedundancyProblem(s.region, s.storageRedundancy, s.crossRegionRestore, regions);
    if (problem !== undefined) {
        const offered = STORAGE_REDUNDANCIES.filter((redundancy) => backupRedundancyProblem(s.region, redundancy, false, regions) === undefined);
        const instead = problem.choice === "crossRegionRestore" ? "false" : offered.map((redundancy) => JSON.stringify(redundancy)).join(" or ");
        invalid(names[problem.choice], `${instead} in ${names.region} "${s.region}": ${problem.reason}`, s[problem.choice]);
    }
}

/** A vault protects VMs in its own region only: `region` must be `expectedRegion`, described to the user as `expectedLabel`. */
export function checkSameRegion(setting: string, region: string, expectedRegion: string, expectedLabel: string): void {
    if (!sameRegion(region, expectedRegion)) {
        invalid(
            setting,
            `${expectedLabel} "${expectedRegion}": a vault backs up VMs in its own region only (no cross-region backup)`,
            region,
        );
    }
}

/** One DNS label: letters, digits and inner hyphens. */
const DOMAIN_LABEL = "(?!-)[a-z0-9-]{1,63}(?<!-)";
/** A top-level domain starts with a letter, which keeps IP addresses out. */
const TOP_LEVEL_DOMAIN = "[a-z][a-z0-9-]{0,62}(?<!-)";
/** A host or domain name of two labels or more, with an optional leading dot that admits its subdomains (squid `dstdomain`). */
const DOMAIN_NAME = new RegExp(`^\\.?(?:${DOMAIN_LABEL}\\.)+${TOP_LEVEL_DOMAIN}$`, "i");
const MAX_DOMAIN_LENGTH = 253;

/** Domains for squid's `dstdomain`: host names, or a leading dot for a domain and all its subdomains. */
export function checkDomains(setting: string, domains: string[]): void {
    if (domains.length === 0) {
        invalid(setting, "at least one domain, e.g. .blob.core.windows.net", domains);
    }
    for (const domain of domains) {
        if (!DOMAIN_NAME.test(domain) || domain.length > MAX_DOMAIN_LENGTH) {
            invalid(
                setting,
                'domain names such as .blob.core.windows.net or acct1.blob.core.windows.net (a leading dot admits subdomains; no scheme, path, port, address or other "*" pattern)',
                domain,
            );
        }
    }
    for (const domain of domains) {
        const cover = domains.find((other) => other !== domain && other.startsWith(".") && (domain === other.slice(1) || domain.endsWith(other)));
        if (cover) {
            invalid(setting, `free of entries that another already covers (${cover} covers ${domain}; squid refuses both)`, domains);
        }
    }
}

/** Azure's rule for storage account names, VERIFIED 2026-12: "storageAccounts | global | 3-24 | Lowercase letters and numbers." (MicrosoftDocs/azure-docs articles/azure-resource-manager/management/resource-name-rules.md, Microsoft.Storage). */
const STORAGE_ACCOUNT = /^[a-z0-9]{3,24}$/;

export function checkStorageAccount(setting: string, account: string): void {
    if (!STORAGE_ACCOUNT.test(account)) {
        invalid(setting, "a storage account name: 3 to 24 lower-case letters and digits", account);
    }
}

/** Azure's rule for Recovery Services vault names, VERIFIED 2026-12: "vaults | resource group | 2-50 | Alphanumerics and hyphens. Start with letter." (MicrosoftDocs/azure-docs articles/azure-resource-manager/management/resource-name-rules.md, Microsoft.RecoveryServices). */
const VAULT_NAME = /^[A-Za-z][A-Za-z0-9-]{1,49}$/;

export function checkVaultName(setting: string, name: string): void {
    if (!VAULT_NAME.test(name)) {
        invalid(setting, "2 to 50 letters, digits and hyphens, starting with a letter (Azure's rule for vault names)", name);
    }
}

/** An Azure VM size: "Standard_B2s", "Standard_D4s_v5", constrained-core sizes such as "Standard_E4-2s_v5". */
const VM_SIZE = /^(?:Standard|Basic)_[A-Za-z0-9]+(?:[_-][A-Za-z0-9]+)*$/;

export function checkVmSize(setting: string, size: string): void {
    if (!VM_SIZE.test(size)) {
        invalid(setting, 'an Azure VM size such as "Standard_B2s" or "Standard_D4s_v5"', size);
    }
}

/** An admin user name Azure accepts for the VMs' OSes (Linux by default). */
export function checkAdminUsername(setting: string, name: string, os = { linux: true, windows: false }): void {
    const problem = adminUsernameProblem(name, os);
    if (problem !== undefined) {
        invalid(setting, problem, name);
    }
}

/** Keys a component's list items are named by in Pulumi: letters, digits, '-', '_' and '.', each once. */
export function checkUniqueKeys(setting: string, keys: string[], each: string): void {
    const seen = new Set<string>();
    for (const key of keys) {
        if (!/^[A-Za-z0-9][A-Za-z0-9-_.]*$/.test(key) || seen.has(key)) {
            invalid(setting, `a unique key of letters, digits, '-', '_' and '.' for each ${each}`, key);
        }
        seen.add(key);
    }
}
