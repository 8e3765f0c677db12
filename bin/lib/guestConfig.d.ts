import { PatchWindow } from "./patchWindow";
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
    /** squid's `visible_hostname`: the VM's own name. */
    visibleHostname: string;
    /** When the proxy installs updates and reboots, `Sun 03:00` (UTC, one hour). */
    patchWindow: PatchWindow;
}
/** A file the proxy's configuration consists of, as both the first boot and a Run Command write it. */
export interface GuestFile {
    path: string;
    permissions: string;
    content: string;
}
export declare const PROXY_PATHS: {
    readonly squidConf: "/etc/squid/squid.conf";
    readonly nftablesConf: "/etc/nftables.conf";
    readonly unattendedUpgrades: "/etc/apt/apt.conf.d/52backup-proxy-upgrades";
    readonly timerDropIn: "/etc/systemd/system/apt-daily-upgrade.timer.d/backup-proxy-patch-window.conf";
    /** Where cloud-init puts the configuration script at first boot. */
    readonly script: "/usr/local/sbin/configure-backup-proxy-server";
};
export declare function renderSquidConf(config: Omit<ProxyServerConfig, "patchWindow">): string;
export declare function renderProxyFirewall(config: Pick<ProxyServerConfig, "proxyPort" | "clientCidrs">): string;
/** Every file of the proxy's configuration: the one set both paths (first boot, Run Command) write. */
export declare function proxyServerFiles(config: ProxyServerConfig): GuestFile[];
/** The script that writes {@link proxyServerFiles} and applies them in place; idempotent. */
export declare function renderProxyServerScript(config: ProxyServerConfig): string;
/** The files a configuration script writes, read back from its here-documents. */
export declare function filesOfProxyServerScript(script: string): GuestFile[];
/** cloud-init user data for the proxy VM: the packages, then the very script the Run Command runs. */
export declare function renderProxyCloudConfig(config: ProxyServerConfig): string;
/** The storage allow-list: one account instead of all of blob storage when one is named. */
export declare function effectiveAllowedDomains(allowedDomains: string[], storageAccount?: string): string[];
/** The proxy heartbeat's syslog tag and facility: what the data collection rule collects and the alert's query reads. */
export declare const PROXY_HEALTH: {
    readonly tag: "backup-proxy-health";
    readonly facility: "local0";
    readonly probeHost: "backup-proxy-health.invalid";
};
/** The script that installs the proxy heartbeat (a systemd timer) on a proxy VM, for its Run Command. */
export declare function renderProxyHealthScript(proxy: ProxyEndpoint): string;
