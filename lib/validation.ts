/** Checks shared by the configuration and the components' arguments. Each throws an error naming the setting. */
import { Cidr, containsCidr, containsIp, formatIp, isAzureReservedAddress, overlaps, parseCidr, parseIp } from "./cidr";
import { invalid } from "./errors";

export function cidr(setting: string, value: string): Cidr {
    return parseCidr(value) ?? invalid(setting, "an IPv4 CIDR with its host bits zero, such as 10.0.0.0/24", value);
}

export function ip(setting: string, value: string): number {
    return parseIp(value) ?? invalid(setting, "an IPv4 address such as 10.0.0.5", value);
}

export function port(setting: string, value: number): number {
    if (!Number.isInteger(value) || value < 1 || value > 65535) {
        invalid(setting, "a whole number from 1 to 65535", value);
    }
    return value;
}

/** Azure refuses subnets smaller than /29. */
export const SMALLEST_SUBNET_PREFIX_LENGTH = 29;

export interface AddressPlan {
    addressSpace: string;
    proxySubnet: string;
    appSubnet: string;
    proxyIp: string;
    proxyPort: number;
    sshSourceCidr?: string;
}

/** Subnets inside the address space, apart and large enough; the proxy on a usable address of its subnet. */
export function checkAddressPlan(plan: AddressPlan): void {
    const space = cidr("addressSpace", plan.addressSpace);
    const subnets = (["proxySubnet", "appSubnet"] as const).map((key) => {
        const subnet = cidr(key, plan[key]);
        if (!containsCidr(space, subnet)) {
            invalid(key, `inside addressSpace ${plan.addressSpace}`, plan[key]);
        }
        if (subnet.prefixLength > SMALLEST_SUBNET_PREFIX_LENGTH) {
            invalid(key, `a /${SMALLEST_SUBNET_PREFIX_LENGTH} or larger (Azure's smallest subnet)`, plan[key]);
        }
        return subnet;
    });
    if (overlaps(subnets[0], subnets[1])) {
        invalid("appSubnet", `apart from proxySubnet ${plan.proxySubnet}`, plan.appSubnet);
    }
    checkProxyIp("proxyIp", plan.proxyIp, plan.proxySubnet);
    port("proxyPort", plan.proxyPort);
    if (plan.sshSourceCidr !== undefined) {
        cidr("sshSourceCidr", plan.sshSourceCidr);
    }
}

/** The proxy's address must be in its subnet and not one of the five that Azure keeps. */
export function checkProxyIp(setting: string, proxyIp: string, proxySubnet: string): void {
    const address = ip(setting, proxyIp);
    const subnet = cidr("proxySubnet", proxySubnet);
    if (!containsIp(subnet, address)) {
        invalid(setting, `an address inside proxySubnet ${proxySubnet}`, proxyIp);
    }
    if (isAzureReservedAddress(subnet, address)) {
        invalid(
            setting,
            `a usable address of ${proxySubnet}: Azure keeps the first four and the last (${formatIp(subnet.network)}-${formatIp(subnet.network + 3)} and the broadcast address)`,
            proxyIp,
        );
    }
}

const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Domains for squid's `dstdomain`: host names, or a leading dot for a domain and all its subdomains. */
export function checkDomains(setting: string, domains: string[]): void {
    if (domains.length === 0) {
        invalid(setting, "at least one domain, e.g. .blob.core.windows.net", domains);
    }
    for (const domain of domains) {
        const name = domain.startsWith(".") ? domain.slice(1) : domain;
        const labels = name.split(".");
        if (name.length > 253 || labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) {
            invalid(
                setting,
                "domain names such as .blob.core.windows.net (a leading dot allows subdomains; no scheme, path, port or other wildcard)",
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

export function checkStorageAccount(setting: string, account: string): void {
    if (!/^[a-z0-9]{3,24}$/.test(account)) {
        invalid(setting, "a storage account name: 3 to 24 lower-case letters and digits", account);
    }
}

export function checkVaultName(setting: string, name: string): void {
    if (!/^[A-Za-z][A-Za-z0-9-]{1,49}$/.test(name)) {
        invalid(setting, "2 to 50 letters, digits and hyphens, starting with a letter (Azure's rule for vault names)", name);
    }
}

export interface PolicySettings {
    backupTime: string;
    timeZone: string;
    retentionDays: number;
    instantRestoreDays: number;
}

/** Azure accepts daily backups on the hour or the half hour. */
export function checkPolicy(policy: PolicySettings): void {
    if (!/^([01]\d|2[0-3]):(00|30)$/.test(policy.backupTime)) {
        invalid("backupTime", "a time of day on the hour or half hour, as HH:MM (e.g. 02:00 or 21:30)", policy.backupTime);
    }
    if (!/^[A-Za-z][A-Za-z0-9 .+\-()]*$/.test(policy.timeZone)) {
        invalid("timeZone", 'a Windows time zone id such as "UTC" or "W. Europe Standard Time"', policy.timeZone);
    }
    if (!Number.isInteger(policy.retentionDays) || policy.retentionDays < 7 || policy.retentionDays > 9999) {
        invalid("retentionDays", "a whole number of days from 7 to 9999 (Azure's range for daily retention)", policy.retentionDays);
    }
    if (!Number.isInteger(policy.instantRestoreDays) || policy.instantRestoreDays < 1 || policy.instantRestoreDays > 5) {
        invalid("instantRestoreDays", "a whole number of days from 1 to 5 (instant restore for a daily policy)", policy.instantRestoreDays);
    }
}
