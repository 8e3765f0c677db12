import { RegionData } from "../../policy/rulebook/regions";
export declare function checkWindowsComputerName(setting: string, name: string): void;
/** An Azure region: shaped like one, and a physical region of the region table (Azure's list online, Microsoft's offline). */
export declare function checkRegion(setting: string, region: string, regions: RegionData): void;
/** The vault's storage redundancy and Cross Region Restore, where Azure Backup offers them in its region; `names` are the user's names for the three. */
export declare function checkBackupRedundancy(names: {
    region: string;
    storageRedundancy: string;
    crossRegionRestore: string;
}, s: {
    region: string;
    storageRedundancy: string;
    crossRegionRestore: boolean;
}, regions: RegionData): void;
/** A vault protects VMs in its own region only: `region` must be `expectedRegion`, described to the user as `expectedLabel`. */
export declare function checkSameRegion(setting: string, region: string, expectedRegion: string, expectedLabel: string): void;
/** Domains for squid's `dstdomain`: host names, or a leading dot for a domain and all its subdomains. */
export declare function checkDomains(setting: string, domains: string[]): void;
export declare function checkStorageAccount(setting: string, account: string): void;
export declare function checkVaultName(setting: string, name: string): void;
export declare function checkVmSize(setting: string, size: string): void;
/** An admin user name Azure accepts for the VMs' OSes (Linux by default). */
export declare function checkAdminUsername(setting: string, name: string, os?: {
    linux: boolean;
    windows: boolean;
}): void;
/** Keys a component's list items are named by in Pulumi: letters, digits, '-', '_' and '.', each once. */
export declare function checkUniqueKeys(setting: string, keys: string[], each: string): void;
