export interface ProxyEndpoint {
    /** The proxy's private IP address. */
    proxyIp: string;
    proxyPort: number;
}
/**
 * Hosts that must never go through the proxy: the platform's wire server, through which the
 * agent and snapshots talk to the host, and the instance metadata service.
 */
export declare const NO_PROXY_HOSTS: string[];
export declare function proxyUrl(proxy: ProxyEndpoint): string;
/** The shell script that points the agent at the proxy; idempotent. */
export declare function renderLinuxProxyClientScript(proxy: ProxyEndpoint): string;
/** cloud-init user data that installs and runs {@link renderLinuxProxyClientScript} at first boot. */
export declare function renderLinuxProxyClientCloudConfig(proxy: ProxyEndpoint): string;
/** Hosts Windows reaches directly: `<local>` (names without a dot) and the same platform addresses. */
export declare const WINDOWS_BYPASS_LIST: string[];
/** A PowerShell single-quoted string literal: nothing inside is expanded, a quote is doubled. */
export declare function powershellLiteral(value: string): string;
/** The PowerShell script that points WinHTTP and LocalSystem at the proxy; idempotent. */
export declare function renderWindowsProxyClientScript(proxy: ProxyEndpoint): string;
export interface ProxyServerConfig {
    proxyPort: number;
    /** Who may use the proxy: the virtual network's address prefixes. */
    clientCidrs: string[];
    /** squid `dstdomain` entries; a leading dot admits every subdomain. */
    allowedDomains: string[];
}
export declare function renderSquidConf(config: ProxyServerConfig): string;
export declare function renderProxyFirewall(config: ProxyServerConfig): string;
/** cloud-init user data for the proxy VM: squid and its host firewall. */
export declare function renderProxyCloudConfig(config: ProxyServerConfig): string;
/** The storage allow-list: one account instead of all of blob storage when one is named. */
export declare function effectiveAllowedDomains(allowedDomains: string[], storageAccount?: string): string[];
