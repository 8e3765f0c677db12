"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WINDOWS_BYPASS_LIST = exports.NO_PROXY_HOSTS = void 0;
exports.proxyUrl = proxyUrl;
exports.renderLinuxProxyClientScript = renderLinuxProxyClientScript;
exports.renderLinuxProxyClientCloudConfig = renderLinuxProxyClientCloudConfig;
exports.powershellLiteral = powershellLiteral;
exports.renderWindowsProxyClientScript = renderWindowsProxyClientScript;
exports.renderSquidConf = renderSquidConf;
exports.renderProxyFirewall = renderProxyFirewall;
exports.renderProxyCloudConfig = renderProxyCloudConfig;
exports.effectiveAllowedDomains = effectiveAllowedDomains;
/** Renders the guest configuration (cloud-init, squid, nftables, shell, PowerShell) from plain values. */
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
function renderSquidConf(config) {
    return (0, templates_1.render)("squid.conf", config);
}
function renderProxyFirewall(config) {
    return (0, templates_1.render)("nftables.conf", { ...config, clientCidrList: config.clientCidrs.join(", ") });
}
/** cloud-init user data for the proxy VM: squid and its host firewall. */
function renderProxyCloudConfig(config) {
    return (0, templates_1.render)("proxy.cloud-init.yaml", {
        indentedSquidConf: (0, templates_1.indent)(renderSquidConf(config), 6),
        indentedFirewall: (0, templates_1.indent)(renderProxyFirewall(config), 6),
    });
}
/** The storage allow-list: one account instead of all of blob storage when one is named. */
function effectiveAllowedDomains(allowedDomains, storageAccount) {
    const domains = storageAccount
        ? [`${storageAccount}.blob.core.windows.net`, ...allowedDomains.filter((d) => d !== ".blob.core.windows.net")]
        : allowedDomains;
    return [...new Set(domains.map((d) => d.toLowerCase()))];
}
