/** Addresses and ports of Azure's platform that every VM depends on, and the limits every resource has. */
/**
 * The platform's virtual IP (the wire server): the VM agent, extensions, DNS and backup
 * snapshots talk to the host through it, never through a proxy. Behind the `AzureLoadBalancer`
 * tag too: load balancer health probes come from it.
 * https://learn.microsoft.com/azure/virtual-network/what-is-ip-address-168-63-129-16
 */
export declare const AZURE_PLATFORM_ADDRESS = "168.63.129.16";
/** The wire server's ports: HTTP, HTTPS and the agent's 32526. */
export declare const AZURE_PLATFORM_PORTS: readonly [80, 443, 32526];
/** The instance metadata service. */
export declare const INSTANCE_METADATA_ADDRESS = "169.254.169.254";
/**
 * Azure's Key Management Service for Windows (azkms.core.windows.net and kms.core.windows.net),
 * where Windows VMs activate, on TCP 1688.
 * https://learn.microsoft.com/troubleshoot/azure/virtual-machines/windows/custom-routes-enable-kms-activation
 */
export declare const WINDOWS_ACTIVATION_ADDRESSES: readonly ["20.118.99.224/32", "40.83.235.53/32"];
export declare const WINDOWS_ACTIVATION_PORT = 1688;
export declare const HTTPS_PORT = 443;
export declare const SSH_PORT = 22;
/**
 * Azure's limits for tags: at most 50 per resource, names up to 512 characters without `<>%&\?/`,
 * values up to 256; on storage accounts names up to 128: "For storage accounts, the tag name is
 * limited to 128 characters, and the tag value is limited to 256 characters."
 * (learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations).
 */
export declare const TAG_LIMITS: {
    readonly maxTags: 50;
    readonly name: RegExp;
    readonly maxValueLength: 256;
    readonly storageAccountMaxNameLength: 128;
};
/**
 * What Azure refuses in a resource's tags by {@link TAG_LIMITS}, one line each; a storage
 * account's names by its shorter limit. Tags that are not an object of names are left to the
 * provider's own type check.
 */
export declare function tagProblems(tags: unknown, storageAccount: boolean): string[];
/** The tags' count, names and values beyond {@link TAG_LIMITS}, one line each. */
export declare function tagLimitProblems(tags: Record<string, unknown>, storageAccount: boolean): string[];
/**
 * The first tag name that another of `names` equals ignoring case, and that other: Azure keeps one
 * of them only, "Tag names are case-insensitive for operations" (same page).
 */
export declare function tagNameClash(names: readonly string[]): [string, string] | undefined;
