/** Renders the guest configuration (cloud-init, squid, nftables, shell, PowerShell) from plain values. */
import { LOAD_BALANCER_PROBE_SOURCE } from "../policy/rulebook/loadBalancer";
import { formatPatchWindow, onCalendar, PatchWindow } from "./patchWindow";
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

export const PROXY_PATHS = {
    squidConf: "/etc/squid/squid.conf",
    nftablesConf: "/etc/nftables.conf",
    unattendedUpgrades: "/etc/apt/apt.conf.d/52backup-proxy-upgrades",
    timerDropIn: "/etc/systemd/system/apt-daily-upgrade.timer.d/backup-proxy-patch-window.conf",
    /** Where cloud-init puts the configuration script at first boot. */
    script: "/usr/local/sbin/configure-backup-proxy-server",
} as const;

/** The here-document terminator that fences each file in the script; no rendered file holds it as a line. */
const FILE_TERMINATOR = "BACKUP_PROXY_FILE";

export function renderSquidConf(config: Omit<ProxyServerConfig, "patchWindow">): string {
    return render("squid.conf", config);
}

export function renderProxyFirewall(config: Pick<ProxyServerConfig, "proxyPort" | "clientCidrs">): string {
    return render("nftables.conf", { ...config, clientCidrList: config.clientCidrs.join(", "), probeSource: LOAD_BALANCER_PROBE_SOURCE });
}

/** Every file of the proxy's configuration: the one set both paths (first boot, Run Command) write. */
export function proxyServerFiles(config: ProxyServerConfig): GuestFile[] {
    const window = { patchWindow: formatPatchWindow(config.patchWindow), onCalendar: onCalendar(config.patchWindow) };
    return [
        { path: PROXY_PATHS.squidConf, permissions: "0644", content: renderSquidConf(config) },
        { path: PROXY_PATHS.nftablesConf, permissions: "0644", content: renderProxyFirewall(config) },
        { path: PROXY_PATHS.unattendedUpgrades, permissions: "0644", content: render("unattended-upgrades.conf", window) },
        { path: PROXY_PATHS.timerDropIn, permissions: "0644", content: render("patch-window.timer.conf", window) },
    ];
}

/** The script that writes {@link proxyServerFiles} and applies them in place; idempotent. */
export function renderProxyServerScript(config: ProxyServerConfig): string {
    const files = proxyServerFiles(config).map((file) => {
        if (file.content.split("\n").includes(FILE_TERMINATOR)) {
            throw new Error(`${file.path} holds the line ${FILE_TERMINATOR}`);
        }
        return { ...file, content: file.content.endsWith("\n") ? file.content : `${file.content}\n`, terminator: FILE_TERMINATOR };
    });
    return render("proxy-server.sh", { files, ...PROXY_PATHS });
}

/** The files a configuration script writes, read back from its here-documents. */
export function filesOfProxyServerScript(script: string): GuestFile[] {
    const fenced = new RegExp(`^install_file (\\S+) (\\d+) <<'${FILE_TERMINATOR}'\n([\\s\\S]*?)^${FILE_TERMINATOR}$`, "gm");
    return [...script.matchAll(fenced)].map(([, path, permissions, content]) => ({ path, permissions, content }));
}

/** cloud-init user data for the proxy VM: the packages, then the very script the Run Command runs. */
export function renderProxyCloudConfig(config: ProxyServerConfig): string {
    return render("proxy.cloud-init.yaml", { scriptPath: PROXY_PATHS.script, indentedScript: indent(renderProxyServerScript(config), 6) });
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
