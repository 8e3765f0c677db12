/** Renders the guest configuration (cloud-init, squid, nftables, shell, PowerShell) from plain values. */
import { indent, render } from "./templates";

export interface ProxyEndpoint {
    /** The proxy's private IP address. */
    proxyIp: string;
    proxyPort: number;
}

/**
 * Hosts that must never go through the proxy: the platform's wire server, through which the
 * agent and snapshots talk to the host, and the instance metadata service.
 */
export const NO_PROXY_HOSTS = ["localhost", "127.0.0.1", "168.63.129.16", "169.254.169.254"];

export function proxyUrl(proxy: ProxyEndpoint): string {
    return `http://${proxy.proxyIp}:${proxy.proxyPort}`;
}

/** The shell script that points the agent at the proxy; idempotent. */
export function renderLinuxProxyClientScript(proxy: ProxyEndpoint): string {
    return render("linux-proxy-client.sh", { ...proxy, proxyUrl: proxyUrl(proxy), noProxy: NO_PROXY_HOSTS.join(",") });
}

/** cloud-init user data that installs and runs {@link renderLinuxProxyClientScript} at first boot. */
export function renderLinuxProxyClientCloudConfig(proxy: ProxyEndpoint): string {
    return render("linux-proxy-client.cloud-init.yaml", {
        proxyUrl: proxyUrl(proxy),
        indentedScript: indent(renderLinuxProxyClientScript(proxy), 6),
    });
}

/** Hosts Windows reaches directly: `<local>` (names without a dot) and the same platform addresses. */
export const WINDOWS_BYPASS_LIST = ["<local>", "168.63.129.16", "169.254.169.254"];

/** A PowerShell single-quoted string literal: nothing inside is expanded, a quote is doubled. */
export function powershellLiteral(value: string): string {
    return `'${value.replace(/'/g, "''")}'`;
}

/** The PowerShell script that points WinHTTP and LocalSystem at the proxy; idempotent. */
export function renderWindowsProxyClientScript(proxy: ProxyEndpoint): string {
    const proxyAddress = `${proxy.proxyIp}:${proxy.proxyPort}`;
    return render("windows-proxy-client.ps1", {
        proxyAddress,
        quotedProxyAddress: powershellLiteral(proxyAddress),
        quotedBypassList: `@(${WINDOWS_BYPASS_LIST.map(powershellLiteral).join(", ")})`,
    });
}

export interface ProxyServerConfig {
    proxyPort: number;
    /** Who may use the proxy: the virtual network's address prefixes. */
    clientCidrs: string[];
    /** squid `dstdomain` entries; a leading dot admits every subdomain. */
    allowedDomains: string[];
}

export function renderSquidConf(config: ProxyServerConfig): string {
    return render("squid.conf", config);
}

export function renderProxyFirewall(config: ProxyServerConfig): string {
    return render("nftables.conf", { ...config, clientCidrList: config.clientCidrs.join(", ") });
}

/** cloud-init user data for the proxy VM: squid and its host firewall. */
export function renderProxyCloudConfig(config: ProxyServerConfig): string {
    return render("proxy.cloud-init.yaml", {
        indentedSquidConf: indent(renderSquidConf(config), 6),
        indentedFirewall: indent(renderProxyFirewall(config), 6),
    });
}

/** The storage allow-list: one account instead of all of blob storage when one is named. */
export function effectiveAllowedDomains(allowedDomains: string[], storageAccount?: string): string[] {
    const domains = storageAccount
        ? [`${storageAccount}.blob.core.windows.net`, ...allowedDomains.filter((d) => d !== ".blob.core.windows.net")]
        : allowedDomains;
    return [...new Set(domains.map((d) => d.toLowerCase()))];
}

/** The proxy heartbeat's syslog tag and facility: what the data collection rule collects and the alert's query reads. */
export const PROXY_HEALTH = { tag: "backup-proxy-health", facility: "local0", probeHost: "backup-proxy-health.invalid" } as const;

/** The script that installs the proxy heartbeat (a systemd timer) on a proxy VM, for its Run Command. */
export function renderProxyHealthScript(proxy: ProxyEndpoint): string {
    return render("proxy-health.sh", { ...proxy, ...PROXY_HEALTH });
}
