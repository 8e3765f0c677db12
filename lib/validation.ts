/**
 * Checks shared by the configuration and the components' arguments: plain functions that run
 * before any resource is registered. Each throws an {@link InvalidSettingError} that names the
 * setting and says what it allows. Every string that can reach a template (cloud-init, squid,
 * nftables, the guest shell script) or a resource name is held to a whitelist, so quotes,
 * newlines and shell or YAML metacharacters never get that far.
 */
import {
    AZURE_RESERVED_ADDRESS_COUNT,
    Cidr,
    containsCidr,
    containsIp,
    formatIp,
    isAzureReservedAddress,
    lastAddress,
    overlaps,
    parseCidr,
    parseIp,
    usableAddressCount,
} from "./cidr";
import { invalid } from "./errors";
import { WINDOWS_TIME_ZONES } from "./timeZones";

// ---- Whole numbers ----

/** An inclusive range of whole numbers, and why it is what it is. */
export interface WholeNumberRange {
    min: number;
    max: number;
    reason?: string;
}

/** Azure Backup protects VMs with up to 32 managed data disks today (the 2017 document said 16, for classic VMs). */
export const MAX_DATA_DISKS = 32;

export const TCP_PORT: WholeNumberRange = { min: 1, max: 65535 };
export const DATA_DISK_COUNT: WholeNumberRange = { min: 0, max: MAX_DATA_DISKS, reason: "Azure Backup's limit for managed disks" };
export const APP_VM_COUNT: WholeNumberRange = { min: 0, max: 1000, reason: "a Recovery Services vault protects up to 1000 Azure VMs" };
export const RETENTION_DAYS: WholeNumberRange = { min: 7, max: 9999, reason: "Azure's range for daily recovery points" };
/**
 * Azure Backup's two VM policies: Enhanced (policy V2), which also protects Trusted Launch VMs,
 * and Standard (V1), which does not.
 */
export const BACKUP_POLICY_TYPES = ["Enhanced", "Standard"] as const;
export type BackupPolicyType = (typeof BACKUP_POLICY_TYPES)[number];

export const INSTANT_RESTORE_DAYS: Record<BackupPolicyType, WholeNumberRange> = {
    Enhanced: { min: 1, max: 30, reason: "Azure's range for an enhanced policy" },
    Standard: { min: 1, max: 5, reason: "Azure's range for a standard daily policy" },
};

export function checkBackupPolicyType(setting: string, value: string): BackupPolicyType {
    if (!(BACKUP_POLICY_TYPES as readonly string[]).includes(value)) {
        invalid(setting, `one of ${BACKUP_POLICY_TYPES.map((type) => `"${type}"`).join(", ")} (Enhanced also protects Trusted Launch VMs)`, value);
    }
    return value as BackupPolicyType;
}

/** A whole number inside the range; `value` may be the configured text that did not parse as one. */
export function wholeNumber(setting: string, value: number | string, range: WholeNumberRange): number {
    if (typeof value !== "number" || !Number.isInteger(value) || value < range.min || value > range.max) {
        invalid(setting, `a whole number from ${range.min} to ${range.max}${range.reason ? ` (${range.reason})` : ""}`, value);
    }
    return value;
}

/** A TCP port. */
export function port(setting: string, value: number | string): number {
    return wholeNumber(setting, value, TCP_PORT);
}

/** The proxy VM's SSH server listens here, so squid cannot. */
const SSH_PORT = 22;

/** The port squid listens on: any TCP port but SSH's. */
export function checkProxyPort(setting: string, value: number | string): number {
    const proxyPort = port(setting, value);
    if (proxyPort === SSH_PORT) {
        invalid(setting, `a port from 1 to 65535 other than ${SSH_PORT}, where the proxy VM's SSH server listens`, value);
    }
    return proxyPort;
}

// ---- Addresses ----

/** An IPv4 CIDR block with its host bits zero. */
export function cidr(setting: string, value: string): Cidr {
    return parseCidr(value) ?? invalid(setting, "an IPv4 CIDR with its host bits zero, such as 10.0.0.0/24", value);
}

/** A dotted IPv4 address. */
export function ip(setting: string, value: string): number {
    return parseIp(value) ?? invalid(setting, "an IPv4 address such as 10.0.0.5", value);
}

/** `scheme://user:password@` or `user:password@` in front of a host: everything up to the last `@`. */
const PROXY_CREDENTIALS = /^([a-z][a-z0-9+.-]*:\/\/)?.*@/i;

/** The proxy's address: an IPv4 address alone. Azure Backup cannot use an authenticated proxy. */
export function proxyAddress(setting: string, value: string): number {
    if (PROXY_CREDENTIALS.test(value)) {
        invalid(
            setting,
            "the proxy's IPv4 address alone, such as 10.0.0.5: an authenticated proxy is not supported by Azure Backup (the VM agent cannot send credentials)",
            value.replace(PROXY_CREDENTIALS, "$1***@"),
        );
    }
    return parseIp(value) ?? invalid(setting, "the proxy's IPv4 address alone, such as 10.0.0.5, without scheme or port (the port is proxyPort)", value);
}

/** Ranges Azure refuses in a virtual network's address space, and what they are. */
const AZURE_FORBIDDEN_RANGES = [
    ["127.0.0.0/8", "loopback"],
    ["169.254.0.0/16", "link-local"],
    ["168.63.129.16/32", "the Azure platform's wire server"],
    ["224.0.0.0/4", "multicast"],
    ["255.255.255.255/32", "broadcast"],
].map(([range, what]) => ({ range, what, block: parseCidr(range) as Cidr }));

/** A virtual network's address space: a CIDR clear of the ranges Azure refuses. */
function checkAddressSpace(setting: string, value: string): Cidr {
    const space = cidr(setting, value);
    const forbidden = AZURE_FORBIDDEN_RANGES.find(({ block }) => overlaps(space, block));
    if (forbidden) {
        invalid(setting, `clear of ${forbidden.range} (${forbidden.what}), which Azure refuses in a virtual network`, value);
    }
    return space;
}

/** Azure refuses subnets smaller than /29. */
export const SMALLEST_SUBNET_PREFIX_LENGTH = 29;

/** A subnet inside the address space and no smaller than Azure allows. */
function checkSubnet(setting: string, value: string, space: Cidr, addressSpace: string): Cidr {
    const subnet = cidr(setting, value);
    if (!containsCidr(space, subnet)) {
        invalid(setting, `inside addressSpace ${addressSpace}`, value);
    }
    if (subnet.prefixLength > SMALLEST_SUBNET_PREFIX_LENGTH) {
        invalid(setting, `a /${SMALLEST_SUBNET_PREFIX_LENGTH} or larger (Azure's smallest subnet)`, value);
    }
    return subnet;
}

export interface AddressPlan {
    addressSpace: string;
    proxySubnet: string;
    appSubnet: string;
    proxyIp: string;
    proxyPort: number;
    appVmCount: number;
    sshSourceCidr?: string;
}

/** Subnets inside the address space, apart and large enough; the proxy on a free, usable address of its subnet. */
export function checkAddressPlan(plan: AddressPlan): void {
    const space = checkAddressSpace("addressSpace", plan.addressSpace);
    const proxySubnet = checkSubnet("proxySubnet", plan.proxySubnet, space, plan.addressSpace);
    const appSubnet = checkSubnet("appSubnet", plan.appSubnet, space, plan.addressSpace);
    if (overlaps(proxySubnet, appSubnet)) {
        invalid("appSubnet", `apart from proxySubnet ${plan.proxySubnet}`, plan.appSubnet);
    }
    if (usableAddressCount(appSubnet) < plan.appVmCount) {
        invalid(
            "appSubnet",
            `large enough for appVmCount (${plan.appVmCount}) VMs: ${plan.appVmCount + AZURE_RESERVED_ADDRESS_COUNT} addresses or more, as Azure keeps ${AZURE_RESERVED_ADDRESS_COUNT} of every subnet`,
            plan.appSubnet,
        );
    }
    checkProxyIpFree("proxyIp", plan.proxyIp, { dynamicSubnets: { appSubnet: plan.appSubnet } });
    checkProxyIp("proxyIp", plan.proxyIp, plan.proxySubnet);
    checkProxyPort("proxyPort", plan.proxyPort);
    if (plan.sshSourceCidr !== undefined) {
        cidr("sshSourceCidr", plan.sshSourceCidr);
    }
}

/** The proxy's address must be in its subnet (named by `subnetSetting`) and not one of the five that Azure keeps. */
export function checkProxyIp(setting: string, proxyIp: string, subnet: string, subnetSetting = "proxySubnet"): void {
    const address = proxyAddress(setting, proxyIp);
    const block = cidr(subnetSetting, subnet);
    if (!containsIp(block, address)) {
        invalid(setting, `an address inside ${subnetSetting} ${subnet}`, proxyIp);
    }
    if (isAzureReservedAddress(block, address)) {
        invalid(
            setting,
            `a usable address of ${subnetSetting} ${subnet}: Azure keeps the first four (${formatIp(block.network)}-${formatIp(block.network + 3)}) and the last (${formatIp(lastAddress(block))})`,
            proxyIp,
        );
    }
}

/** Addresses that other VMs hold or may be given, keyed by the setting that names them. */
export interface TakenAddresses {
    /** Subnets where Azure hands out dynamic addresses to other VMs. */
    dynamicSubnets?: Record<string, string>;
    /** Static addresses of other VMs. */
    staticIps?: Record<string, string>;
}

/** The proxy's static address must not collide with another VM's, now or when Azure hands out the next dynamic address. */
export function checkProxyIpFree(setting: string, proxyIp: string, taken: TakenAddresses): void {
    const address = proxyAddress(setting, proxyIp);
    for (const [subnetSetting, subnet] of Object.entries(taken.dynamicSubnets ?? {})) {
        if (containsIp(cidr(subnetSetting, subnet), address)) {
            invalid(setting, `outside ${subnetSetting} ${subnet}, where Azure gives other VMs dynamic addresses`, proxyIp);
        }
    }
    for (const [vmSetting, vmIp] of Object.entries(taken.staticIps ?? {})) {
        if (ip(vmSetting, vmIp) === address) {
            invalid(setting, `an address no other VM holds (${vmSetting} is ${vmIp})`, proxyIp);
        }
    }
}

/** Who may use the proxy: at least one CIDR, each well formed (an empty list would open nothing and break squid and nft). */
export function checkClientAddressPrefixes(setting: string, prefixes: string[]): void {
    if (prefixes.length === 0) {
        invalid(setting, "at least one CIDR: the virtual network's address space", prefixes);
    }
    prefixes.forEach((prefix, i) => cidr(`${setting}[${i}]`, prefix));
}

/** The default port of the backup proxy, squid's own. */
export const DEFAULT_PROXY_PORT = 3128;
/** Every VM's default size: 2 vCPUs and 4 GiB, enough for squid and for Windows Server, with Trusted Launch. */
export const DEFAULT_VM_SIZE = "Standard_B2s";
export const DEFAULT_ADMIN_USERNAME = "azureuser";

/** A proxy's address and port, checked, the port defaulted. */
export function checkProxyEndpoint(proxyIp: string, proxyPort?: number): { proxyIp: string; proxyPort: number } {
    proxyAddress("proxyIp", proxyIp);
    return { proxyIp, proxyPort: checkProxyPort("proxyPort", proxyPort ?? DEFAULT_PROXY_PORT) };
}

/** The settings every app VM shares, checked, with their defaults. */
export interface AppVmSettings {
    proxy?: { proxyIp: string; proxyPort: number };
    vmSize: string;
    adminUsername: string;
    dataDiskCount: number;
}

/** Checks what every app VM takes, Linux or Windows, and applies the defaults. */
export function checkAppVm(args: {
    proxyIp?: string;
    proxyPort?: number;
    vmSize?: string;
    image?: ImageReference;
    adminUsername?: string;
    dataDiskCount?: number;
}): AppVmSettings {
    const settings: AppVmSettings = {
        vmSize: args.vmSize ?? DEFAULT_VM_SIZE,
        adminUsername: args.adminUsername ?? DEFAULT_ADMIN_USERNAME,
        dataDiskCount: wholeNumber("dataDiskCount", args.dataDiskCount ?? 0, DATA_DISK_COUNT),
    };
    if (args.proxyIp !== undefined) {
        settings.proxy = checkProxyEndpoint(args.proxyIp, args.proxyPort);
    }
    checkVmSize("vmSize", settings.vmSize);
    checkTrustedLaunch("image", args.image, "vmSize", settings.vmSize);
    checkAdminUsername("adminUsername", settings.adminUsername);
    return settings;
}

/** Windows limits a computer name to 15 characters. */
const WINDOWS_COMPUTER_NAME = /^(?![0-9]+$)[A-Za-z0-9][A-Za-z0-9-]{0,14}$/;

export function checkWindowsComputerName(setting: string, name: string): void {
    if (!WINDOWS_COMPUTER_NAME.test(name)) {
        invalid(setting, "a Windows computer name: 1 to 15 letters, digits and hyphens, not only digits", name);
    }
}

// ---- Connectivity ----

/** The document's two ways out to Azure Storage: a proxy, or an allow-list of Azure's addresses. */
export const CONNECTIVITY_MODES = ["proxy", "serviceTags"] as const;
export type Connectivity = (typeof CONNECTIVITY_MODES)[number];

export function checkConnectivity(setting: string, value: string): Connectivity {
    if (!(CONNECTIVITY_MODES as readonly string[]).includes(value)) {
        invalid(setting, `one of ${CONNECTIVITY_MODES.map((mode) => `"${mode}"`).join(", ")}`, value);
    }
    return value as Connectivity;
}

// ---- Regions ----

/** A region as Azure writes it: "westeurope" or "West Europe". */
const REGION = /^[a-z][a-z0-9]*(?: [a-z0-9]+)*$/i;

/** Azure writes regions both as "westeurope" and "West Europe". */
export function normalizeRegion(region: string): string {
    return region.replace(/\s+/g, "").toLowerCase();
}

/** An Azure region name. */
export function checkRegion(setting: string, region: string): void {
    if (!REGION.test(region)) {
        invalid(setting, 'an Azure region such as "westeurope" or "West Europe"', region);
    }
}

/** A vault protects VMs in its own region only: `region` must be `expectedRegion`, described to the user as `expectedLabel`. */
export function checkSameRegion(setting: string, region: string, expectedRegion: string, expectedLabel: string): void {
    if (normalizeRegion(region) !== normalizeRegion(expectedRegion)) {
        invalid(
            setting,
            `${expectedLabel} "${expectedRegion}": a vault backs up VMs in its own region only (no cross-region backup)`,
            region,
        );
    }
}

// ---- Names ----

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

/** Azure's rule for storage account names. */
const STORAGE_ACCOUNT = /^[a-z0-9]{3,24}$/;

export function checkStorageAccount(setting: string, account: string): void {
    if (!STORAGE_ACCOUNT.test(account)) {
        invalid(setting, "a storage account name: 3 to 24 lower-case letters and digits", account);
    }
}

/** Azure's rule for Recovery Services vault names. */
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

/**
 * A Linux login name every distribution's `useradd` accepts: a lower-case letter, then up to 31
 * lower-case letters, digits, "_" and "-" (Azure allows 64, Linux tools 32).
 */
const ADMIN_USERNAME = /^[a-z][a-z0-9_-]{0,31}$/;

/** The admin user names Azure refuses. */
const RESERVED_ADMIN_USERNAMES: readonly string[] = [
    "administrator", "admin", "user", "user1", "test", "user2", "test1", "user3", "admin1", "1", "123", "a", "actuser", "adm",
    "admin2", "aspnet", "backup", "console", "david", "guest", "john", "owner", "root", "server", "sql", "support",
    "support_388945a0", "sys", "test2", "test3", "user4", "user5",
];

export function checkAdminUsername(setting: string, name: string): void {
    if (!ADMIN_USERNAME.test(name)) {
        invalid(setting, 'a Linux user name: a lower-case letter, then up to 31 lower-case letters, digits, "_" and "-"', name);
    }
    if (RESERVED_ADMIN_USERNAMES.includes(name)) {
        invalid(setting, `a name Azure allows for the admin user, none of ${RESERVED_ADMIN_USERNAMES.join(", ")}`, name);
    }
}

// ---- SSH public keys ----

/** One line of an OpenSSH public key of a type Azure accepts: type, base64 blob, optional comment. */
const SSH_PUBLIC_KEY = /^(ssh-rsa|ssh-ed25519) (AAAA[A-Za-z0-9+/]+={0,2})(?: [\w@.+:=-]+)*$/;

/** How many length-prefixed fields each key type's blob holds: the type, then e and n for RSA, the point for Ed25519. */
const SSH_KEY_FIELD_COUNT: Record<string, number> = { "ssh-rsa": 3, "ssh-ed25519": 2 };

/** Azure refuses RSA keys shorter than this. */
const MIN_RSA_BITS = 2048;

/** An OpenSSH public key for the admin user: RSA of 2048 bits or more, or Ed25519. */
export function checkSshPublicKey(setting: string, key: string): void {
    const match = SSH_PUBLIC_KEY.exec(key);
    const fields = match ? sshBlobFields(Buffer.from(match[2], "base64")) : undefined;
    if (!match || !fields || fields[0]?.toString("latin1") !== match[1] || fields.length !== SSH_KEY_FIELD_COUNT[match[1]]) {
        invalid(
            setting,
            `one line of an OpenSSH public key, "ssh-ed25519 AAAA... [comment]" or "ssh-rsa AAAA... [comment]" of ${MIN_RSA_BITS} bits or more`,
            key,
        );
    }
    if (match[1] === "ssh-rsa" && unsignedBitLength(fields[2]) < MIN_RSA_BITS) {
        invalid(setting, `an RSA key of ${MIN_RSA_BITS} bits or more (Azure refuses shorter ones), or an Ed25519 key`, key);
    }
}

/** Splits an SSH key blob into its length-prefixed fields (RFC 4253, section 6.6); undefined when it is not such a blob. */
function sshBlobFields(blob: Buffer): Buffer[] | undefined {
    const fields: Buffer[] = [];
    let offset = 0;
    while (offset < blob.length) {
        if (offset + 4 > blob.length) {
            return undefined;
        }
        const end = offset + 4 + blob.readUInt32BE(offset);
        if (end > blob.length) {
            return undefined;
        }
        fields.push(blob.subarray(offset + 4, end));
        offset = end;
    }
    return fields;
}

/** The bit length of an unsigned big-endian integer (an SSH `mpint` that is not negative). */
function unsignedBitLength(bytes: Buffer): number {
    const first = bytes.findIndex((byte) => byte !== 0);
    return first < 0 ? 0 : (bytes.length - first - 1) * 8 + bytes[first].toString(2).length;
}

// ---- Images ----

/** A marketplace image, as in a VM's `storageProfile.imageReference`. */
export interface ImageReference {
    publisher: string;
    offer: string;
    sku: string;
    version: string;
}

/** A publisher, offer or SKU of a marketplace image. */
const IMAGE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const IMAGE_VERSION = /^(?:latest|\d+\.\d+\.\d+)$/;

/** Parses an image URN as the az CLI writes it, `publisher:offer:sku:version`. */
export function parseImageUrn(setting: string, urn: string): ImageReference {
    const parts = urn.split(":");
    const [publisher, offer, sku, version] = parts;
    if (parts.length !== 4 || ![publisher, offer, sku].every((part) => IMAGE_NAME.test(part)) || !IMAGE_VERSION.test(version)) {
        invalid(setting, 'an image URN "publisher:offer:sku:version" such as "Canonical:ubuntu-24_04-lts:server:latest"', urn);
    }
    return { publisher, offer, sku, version };
}

/** Writes an image as its URN, `publisher:offer:sku:version`. */
export function formatImageUrn(image: ImageReference): string {
    return [image.publisher, image.offer, image.sku, image.version].join(":");
}

/** Container Linux distributions, which Azure Backup does not support. */
const CONTAINER_LINUX = /coreos|flatcar/i;
const WINDOWS_SERVER_OFFER = /^WindowsServer$/i;
/** Windows Server SKUs older than 2008 R2: the years 2000 to 2007, and 2008 without R2. */
const PRE_2008_R2_SKU = /^(?:200[0-7]|2008(?![-_]?r2))(?!\d)/i;
const WINDOWS = /windows/i;

/** Whether Azure Backup supports a marketplace image: no CoreOS or Flatcar, no Windows Server older than 2008 R2. */
export function isSupportedImage(image: Partial<ImageReference>): boolean {
    const containerLinux = [image.publisher, image.offer].some((name) => typeof name === "string" && CONTAINER_LINUX.test(name));
    const oldWindows = WINDOWS_SERVER_OFFER.test(image.offer ?? "") && PRE_2008_R2_SKU.test(image.sku ?? "");
    return !containerLinux && !oldWindows;
}

/** An image Azure Backup supports: no CoreOS or Flatcar, no Windows Server older than 2008 R2. */
export function checkImage(setting: string, image: ImageReference): void {
    if (!isSupportedImage(image)) {
        invalid(
            setting,
            "an image Azure Backup supports: an Azure-endorsed Linux distribution other than CoreOS and Flatcar, or Windows Server 2008 R2 or newer",
            formatImageUrn(image),
        );
    }
}

/** A supported Linux image, for VMs that cloud-init sets up. */
export function checkLinuxImage(setting: string, image: ImageReference): void {
    checkImage(setting, image);
    if (WINDOWS.test(image.publisher) || WINDOWS.test(image.offer)) {
        invalid(setting, "a Linux image: these VMs are Linux VMs set up by cloud-init", formatImageUrn(image));
    }
}

// ---- Backup policy ----

export interface PolicySettings {
    backupPolicyType: BackupPolicyType;
    backupTime: string;
    timeZone: string;
    retentionDays: number;
    instantRestoreDays: number;
}

/** Azure runs daily backups on the hour or the half hour. */
const BACKUP_TIME = /^(?:[01]\d|2[0-3]):[03]0$/;

/** A Windows time zone id, which is what a backup policy takes (not an IANA name such as Europe/Berlin). */
export function checkTimeZone(setting: string, timeZone: string): void {
    if (!WINDOWS_TIME_ZONES.includes(timeZone)) {
        invalid(setting, 'a Windows time zone id as "tzutil /l" lists them, such as "UTC", "W. Europe Standard Time" or "Pacific Standard Time"', timeZone);
    }
}

/** A daily policy Azure accepts. */
export function checkPolicy(policy: PolicySettings): void {
    if (!BACKUP_TIME.test(policy.backupTime)) {
        invalid("backupTime", "a time of day on the hour or half hour, as HH:MM (e.g. 02:00 or 21:30)", policy.backupTime);
    }
    checkTimeZone("timeZone", policy.timeZone);
    wholeNumber("retentionDays", policy.retentionDays, RETENTION_DAYS);
    wholeNumber("instantRestoreDays", policy.instantRestoreDays, INSTANT_RESTORE_DAYS[policy.backupPolicyType]);
    if (policy.retentionDays < policy.instantRestoreDays) {
        invalid("retentionDays", `at least instantRestoreDays (${policy.instantRestoreDays}): a recovery point outlives its snapshot`, policy.retentionDays);
    }
}

/** Trusted Launch needs Generation 2: marketplace SKUs named for Gen1, and Windows Server before 2016 (Gen1 only), cannot boot it. */
const GEN1_SKU = /gen1|^(?:2008|2012)/i;
/** Sizes without Trusted Launch: Basic and the A-series. */
const NO_TRUSTED_LAUNCH_SIZE = /^(?:Basic_|Standard_A\d)/i;

/** The VMs this project creates are Trusted Launch: their image and size must support it. */
export function checkTrustedLaunch(imageSetting: string, image: ImageReference | undefined, sizeSetting: string, size: string): void {
    if (image !== undefined && GEN1_SKU.test(image.sku)) {
        invalid(imageSetting, "a Generation 2 image: the VMs are Trusted Launch (Secure Boot, vTPM)", formatImageUrn(image));
    }
    if (NO_TRUSTED_LAUNCH_SIZE.test(size)) {
        invalid(sizeSetting, "a size that supports Trusted Launch (not Basic or A-series)", size);
    }
}
