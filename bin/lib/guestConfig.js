"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PROXY_HEALTH = exports.PROXY_PATHS = exports.WINDOWS_BYPASS_LIST = exports.NO_PROXY_HOSTS = void 0;
exports.proxyUrl = proxyUrl;
exports.renderLinuxProxyClientScript = renderLinuxProxyClientScript;
exports.renderLinuxProxyClientCloudConfig = renderLinuxProxyClientCloudConfig;
exports.powershellLiteral = powershellLiteral;
exports.renderWindowsProxyClientScript = renderWindowsProxyClientScript;
exports.renderSquidConf = renderSquidConf;
exports.renderProxyFirewall = renderProxyFirewall;
exports.proxyServerFiles = proxyServerFiles;
exports.renderProxyServerScript = renderProxyServerScript;
exports.filesOfProxyServerScript = filesOfProxyServerScript;
exports.renderProxyCloudConfig = renderProxyCloudConfig;
exports.effectiveAllowedDomains = effectiveAllowedDomains;
exports.renderProxyHealthScript = renderProxyHealthScript;
/** Renders the guest configuration (cloud-init, squid, nftables, shell, PowerShell) from plain values. */
const loadBalancer_1 = require("../policy/rulebook/loadBalancer");
const patchWindow_1 = require("./patchWindow");
const templates_1 = require("./templates");
/**
 * Hosts that must never go through the proxy: the platform's wire server, through which the
 * agent and snapshots talk to the host, and the instance metadata service.
 */
exports.NO_PROXY_HOSTS = ["localhost", "127.0.0.1", "168.63.129.16", "169.254.169.254"];
function proxyUrl(proxy) {
    return `http://${proxy.proxyIp}:${proxy.proxyPort}`;
}
/** The shell script that points the agent at the proxy; idempotent. */
function renderLinuxProxyClientScript(proxy) {
    return (0, templates_1.render)("linux-proxy-client.sh", { ...proxy, proxyUrl: proxyUrl(proxy), noProxy: exports.NO_PROXY_HOSTS.join(",") });
}
/** cloud-init user data that installs and runs {@link renderLinuxProxyClientScript} at first boot. */
function renderLinuxProxyClientCloudConfig(proxy) {
    return (0, templates_1.render)("linux-proxy-client.cloud-init.yaml", {
        proxyUrl: proxyUrl(proxy),
        indentedScript: (0, templates_1.indent)(renderLinuxProxyClientScript(proxy), 6),
    });
}
/** Hosts Windows reaches directly: `<local>` (names without a dot) and the same platform addresses. */
exports.WINDOWS_BYPASS_LIST = ["<local>", "168.63.129.16", "169.254.169.254"];
/** A PowerShell single-quoted string literal: nothing inside is expanded, a quote is doubled. */
function powershellLiteral(value) {
    return `'${value.replace(/'/g, "''")}'`;
}
/** The PowerShell script that points WinHTTP and LocalSystem at the proxy; idempotent. */
function renderWindowsProxyClientScript(proxy) {
    const proxyAddress = `${proxy.proxyIp}:${proxy.proxyPort}`;
    return (0, templates_1.render)("windows-proxy-client.ps1", {
        proxyAddress,
        quotedProxyAddress: powershellLiteral(proxyAddress),
        quotedBypassList: `@(${exports.WINDOWS_BYPASS_LIST.map(powershellLiteral).join(", ")})`,
    });
}
exports.PROXY_PATHS = {
    squidConf: "/etc/squid/squid.conf",
    nftablesConf: "/etc/nftables.conf",
    unattendedUpgrades: "/etc/apt/apt.conf.d/52backup-proxy-upgrades",
    timerDropIn: "/etc/systemd/system/apt-daily-upgrade.timer.d/backup-proxy-patch-window.conf",
    /** Where cloud-init puts the configuration script at first boot. */
    script: "/usr/local/sbin/configure-backup-proxy-server",
};
/** The here-document terminator that fences each file in the script; no rendered file holds it as a line. */
const FILE_TERMINATOR = "BACKUP_PROXY_FILE";
function renderSquidConf(config) {
    return (0, templates_1.render)("squid.conf", config);
}
function renderProxyFirewall(config) {
    return (0, templates_1.render)("nftables.conf", { ...config, clientCidrList: config.clientCidrs.join(", "), probeSource: loadBalancer_1.LOAD_BALANCER_PROBE_SOURCE });
}
/** Every file of the proxy's configuration: the one set both paths (first boot, Run Command) write. */
function proxyServerFiles(config) {
    const window = { patchWindow: (0, patchWindow_1.formatPatchWindow)(config.patchWindow), onCalendar: (0, patchWindow_1.onCalendar)(config.patchWindow) };
    return [
        { path: exports.PROXY_PATHS.squidConf, permissions: "0644", content: renderSquidConf(config) },
        { path: exports.PROXY_PATHS.nftablesConf, permissions: "0644", content: renderProxyFirewall(config) },
        { path: exports.PROXY_PATHS.unattendedUpgrades, permissions: "0644", content: (0, templates_1.render)("unattended-upgrades.conf", window) },
        { path: exports.PROXY_PATHS.timerDropIn, permissions: "0644", content: (0, templates_1.render)("patch-window.timer.conf", window) },
    ];
}
/** The script that writes {@link proxyServerFiles} and applies them in place; idempotent. */
function renderProxyServerScript(config) {
    const files = proxyServerFiles(config).map((file) => {
        if (file.content.split("\n").includes(FILE_TERMINATOR)) {
            throw new Error(`${file.path} holds the line ${FILE_TERMINATOR}`);
        }
        return { ...file, content: file.content.endsWith("\n") ? file.content : `${file.content}\n`, terminator: FILE_TERMINATOR };
    });
    return (0, templates_1.render)("proxy-server.sh", { files, ...exports.PROXY_PATHS });
}
/** The files a configuration script writes, read back from its here-documents. */
function filesOfProxyServerScript(script) {
    const fenced = new RegExp(`^install_file (\\S+) (\\d+) <<'${FILE_TERMINATOR}'\n([\\s\\S]*?)^${FILE_TERMINATOR}$`, "gm");
    return [...script.matchAll(fenced)].map(([, path, permissions, content]) => ({ path, permissions, content }));
}
/** cloud-init user data for the proxy VM: the packages, then the very script the Run Command runs. */
function renderProxyCloudConfig(config) {
    return (0, templates_1.render)("proxy.cloud-init.yaml", { scriptPath: exports.PROXY_PATHS.script, indentedScript: (0, templates_1.indent)(renderProxyServerScript(config), 6) });
}
/** The storage allow-list: one account instead of all of blob storage when one is named. */
function effectiveAllowedDomains(allowedDomains, storageAccount) {
    const domains = storageAccount
        ? [`${storageAccount}.blob.core.windows.net`, ...allowedDomains.filter((d) => d !== ".blob.core.windows.net")]
        : allowedDomains;
    return [...new Set(domains.map((d) => d.toLowerCase()))];
}
/** The proxy heartbeat's syslog tag and facility: what the data collection rule collects and the alert's query reads. */
exports.PROXY_HEALTH = { tag: "backup-proxy-health", facility: "local0", probeHost: "backup-proxy-health.invalid" };
/** The script that installs the proxy heartbeat (a systemd timer) on a proxy VM, for its Run Command. */
function renderProxyHealthScript(proxy) {
    return (0, templates_1.render)("proxy-health.sh", { ...proxy, ...exports.PROXY_HEALTH });
}
