/**
 * The reference environment's configuration: defaults, parsing and checks, as plain functions
 * that run before any resource is registered.
 */
import { formatCidr, formatIp, hostAddress, parseCidr, subBlock } from "./cidr";
import { invalid } from "./errors";
import { checkAddressPlan, checkDomains, checkPolicy, checkStorageAccount, checkVaultName } from "./validation";

/** The stack defaults; `Pulumi.yaml` declares the same values (a test keeps the two equal). */
export const DEFAULTS = {
    location: "westeurope",
    addressSpace: "10.0.0.0/16",
    proxyPort: 3128,
    allowedDomains: [".blob.core.windows.net"],
    appVmCount: 1,
    appVmDataDisks: 0,
    appVmSize: "Standard_B2s",
    proxyVmSize: "Standard_B2s",
    adminUsername: "azureuser",
    vaultName: "vm-backup-vault",
    protectVault: true,
    backupTime: "02:00",
    timeZone: "UTC",
    retentionDays: 30,
    instantRestoreDays: 2,
} as const;

/** Subnets carved from the address space when none are given: the first and second /24. */
export const DEFAULT_SUBNET_PREFIX_LENGTH = 24;
/** The proxy's address when none is given: this many places after its subnet's network address. */
export const DEFAULT_PROXY_HOST_OFFSET = 5;

export interface Settings {
    location: string;
    addressSpace: string;
    proxySubnet: string;
    appSubnet: string;
    proxyIp: string;
    proxyPort: number;
    allowedDomains: string[];
    storageAccount?: string;
    appVmCount: number;
    appVmDataDisks: number;
    appVmSize: string;
    proxyVmSize: string;
    adminUsername: string;
    sshPublicKey?: string;
    sshSourceCidr?: string;
    vaultName: string;
    vaultLocation: string;
    protectVault: boolean;
    backupTime: string;
    timeZone: string;
    retentionDays: number;
    instantRestoreDays: number;
}

/** Raw configuration as strings (arrays as JSON), keyed by the names in `Pulumi.yaml`. */
export type RawConfig = Partial<Record<keyof Settings, string>>;

/** Turns raw configuration into checked settings, or throws an error that names the key. */
export function resolveSettings(raw: RawConfig): Settings {
    const location = text(raw, "location") ?? DEFAULTS.location;
    const addressSpace = text(raw, "addressSpace") ?? DEFAULTS.addressSpace;
    const space = parseCidr(addressSpace) ?? invalid("addressSpace", "an IPv4 CIDR such as 10.0.0.0/16", addressSpace);
    const proxySubnet = text(raw, "proxySubnet") ?? defaultSubnet(space, 0);
    const appSubnet = text(raw, "appSubnet") ?? defaultSubnet(space, 1);
    const proxyIp = text(raw, "proxyIp") ?? defaultProxyIp(proxySubnet);
    const storageAccount = text(raw, "storageAccount");
    const vaultLocation = text(raw, "vaultLocation") ?? location;

    const settings: Settings = {
        location,
        addressSpace,
        proxySubnet,
        appSubnet,
        proxyIp,
        proxyPort: integer(raw, "proxyPort", DEFAULTS.proxyPort, 1, 65535),
        allowedDomains: effectiveAllowedDomains(list(raw, "allowedDomains") ?? [...DEFAULTS.allowedDomains], storageAccount),
        storageAccount,
        appVmCount: integer(raw, "appVmCount", DEFAULTS.appVmCount, 0, 1000),
        appVmDataDisks: integer(raw, "appVmDataDisks", DEFAULTS.appVmDataDisks, 0, MAX_DATA_DISKS),
        appVmSize: text(raw, "appVmSize") ?? DEFAULTS.appVmSize,
        proxyVmSize: text(raw, "proxyVmSize") ?? DEFAULTS.proxyVmSize,
        adminUsername: text(raw, "adminUsername") ?? DEFAULTS.adminUsername,
        sshPublicKey: text(raw, "sshPublicKey"),
        sshSourceCidr: text(raw, "sshSourceCidr"),
        vaultName: text(raw, "vaultName") ?? DEFAULTS.vaultName,
        vaultLocation,
        protectVault: boolean(raw, "protectVault", DEFAULTS.protectVault),
        backupTime: text(raw, "backupTime") ?? DEFAULTS.backupTime,
        timeZone: text(raw, "timeZone") ?? DEFAULTS.timeZone,
        retentionDays: integer(raw, "retentionDays", DEFAULTS.retentionDays),
        instantRestoreDays: integer(raw, "instantRestoreDays", DEFAULTS.instantRestoreDays),
    };
    checkSettings(settings);
    return settings;
}

/** Azure Backup's limit for managed disks today (the 2017 document said 16, for classic VMs). */
export const MAX_DATA_DISKS = 32;

/** The storage allow-list: one account instead of all of blob storage when one is named. */
export function effectiveAllowedDomains(allowedDomains: string[], storageAccount?: string): string[] {
    const domains = storageAccount
        ? [`${storageAccount}.blob.core.windows.net`, ...allowedDomains.filter((d) => d !== ".blob.core.windows.net")]
        : allowedDomains;
    return [...new Set(domains.map((d) => d.toLowerCase()))];
}

function checkSettings(s: Settings): void {
    if (s.vaultLocation !== s.location) {
        invalid("vaultLocation", `the VMs' region "${s.location}" (a vault protects VMs in its own region only)`, s.vaultLocation);
    }
    checkAddressPlan(s);
    checkDomains("allowedDomains", s.allowedDomains);
    if (s.storageAccount !== undefined) {
        checkStorageAccount("storageAccount", s.storageAccount);
    }
    checkVaultName("vaultName", s.vaultName);
    checkPolicy(s);
}

function defaultSubnet(space: ReturnType<typeof parseCidr> & object, index: number): string {
    const block = subBlock(space, DEFAULT_SUBNET_PREFIX_LENGTH, index);
    if (!block) {
        invalid(
            "addressSpace",
            `large enough for two /${DEFAULT_SUBNET_PREFIX_LENGTH} subnets (a /23 or larger), or set proxySubnet and appSubnet`,
            formatCidr(space),
        );
    }
    return formatCidr(block);
}

function defaultProxyIp(proxySubnet: string): string {
    const subnet = parseCidr(proxySubnet) ?? invalid("proxySubnet", "an IPv4 CIDR such as 10.0.0.0/24", proxySubnet);
    return formatIp(hostAddress(subnet, DEFAULT_PROXY_HOST_OFFSET));
}

function text(raw: RawConfig, key: keyof Settings): string | undefined {
    const value = raw[key]?.trim();
    return value ? value : undefined;
}

function integer(raw: RawConfig, key: keyof Settings, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
    const value = text(raw, key);
    if (value === undefined) {
        return fallback;
    }
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
        invalid(key, max === Number.MAX_SAFE_INTEGER ? "a whole number" : `a whole number from ${min} to ${max}`, value);
    }
    return Number(value);
}

function boolean(raw: RawConfig, key: keyof Settings, fallback: boolean): boolean {
    const value = text(raw, key);
    if (value === undefined) {
        return fallback;
    }
    if (value !== "true" && value !== "false") {
        invalid(key, "true or false", value);
    }
    return value === "true";
}

function list(raw: RawConfig, key: keyof Settings): string[] | undefined {
    const value = text(raw, key);
    if (value === undefined) {
        return undefined;
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(value);
    } catch {
        parsed = undefined;
    }
    if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === "string")) {
        invalid(key, 'a list of strings, e.g. [".blob.core.windows.net"]', value);
    }
    return parsed;
}
