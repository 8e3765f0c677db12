"use strict";
/** Addresses and ports of Azure's platform that every VM depends on, and the limits every resource has. */
Object.defineProperty(exports, "__esModule", { value: true });
exports.TAG_LIMITS = exports.SSH_PORT = exports.HTTPS_PORT = exports.WINDOWS_ACTIVATION_PORT = exports.WINDOWS_ACTIVATION_ADDRESSES = exports.INSTANCE_METADATA_ADDRESS = exports.AZURE_PLATFORM_PORTS = exports.AZURE_PLATFORM_ADDRESS = void 0;
exports.tagNameClash = tagNameClash;
/**
 * The platform's virtual IP (the wire server): the VM agent, extensions, DNS and backup
 * snapshots talk to the host through it, never through a proxy. Behind the `AzureLoadBalancer`
 * tag too: load balancer health probes come from it.
 * https://learn.microsoft.com/azure/virtual-network/what-is-ip-address-168-63-129-16
 */
exports.AZURE_PLATFORM_ADDRESS = "168.63.129.16";
/** The wire server's ports: HTTP, HTTPS and the agent's 32526. */
exports.AZURE_PLATFORM_PORTS = [80, 443, 32526];
/** The instance metadata service. */
exports.INSTANCE_METADATA_ADDRESS = "169.254.169.254";
/**
 * Azure's Key Management Service for Windows (azkms.core.windows.net and kms.core.windows.net),
 * where Windows VMs activate, on TCP 1688.
 * https://learn.microsoft.com/troubleshoot/azure/virtual-machines/windows/custom-routes-enable-kms-activation
 */
exports.WINDOWS_ACTIVATION_ADDRESSES = ["20.118.99.224/32", "40.83.235.53/32"];
exports.WINDOWS_ACTIVATION_PORT = 1688;
exports.HTTPS_PORT = 443;
exports.SSH_PORT = 22;
/**
 * Azure's limits for tags: at most 50 per resource, names up to 512 characters without `<>%&\?/`,
 * values up to 256; on storage accounts names up to 128: "For storage accounts, the tag name is
 * limited to 128 characters, and the tag value is limited to 256 characters."
 * (learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations).
 */
exports.TAG_LIMITS = { maxTags: 50, name: /^[^<>%&\\?/]{1,512}$/, maxValueLength: 256, storageAccountMaxNameLength: 128 };
/**
 * The first tag name that another of `names` equals ignoring case, and that other: Azure keeps one
 * of them only, "Tag names are case-insensitive for operations" (same page).
 */
function tagNameClash(names) {
    for (const [i, name] of names.entries()) {
        const earlier = names.slice(0, i).find((other) => other.toLowerCase() === name.toLowerCase());
        if (earlier !== undefined) {
            return [earlier, name];
        }
    }
    return undefined;
}
