/** Addresses and ports of Azure's platform that every VM depends on, and the limits every resource has. */

/**
 * The platform's virtual IP (the wire server): the VM agent, extensions, DNS and backup
 * snapshots talk to the host through it, never through a proxy. Behind the `AzureLoadBalancer`
 * tag too: load balancer health probes come from it.
 * https://learn.microsoft.com/azure/virtual-network/what-is-ip-address-168-63-129-16
 */
export const AZURE_PLATFORM_ADDRESS = "168.63.129.16";

/** The wire server's ports: HTTP, HTTPS and the agent's 32526. */
export const AZURE_PLATFORM_PORTS = [80, 443, 32526] as const;

/** The instance metadata service. */
export const INSTANCE_METADATA_ADDRESS = "169.254.169.254";

/**
 * Azure's Key Management Service for Windows (azkms.core.windows.net and kms.core.windows.net),
 * where Windows VMs activate, on TCP 1688.
 * https://learn.microsoft.com/troubleshoot/azure/virtual-machines/windows/custom-routes-enable-kms-activation
 */
export const WINDOWS_ACTIVATION_ADDRESSES = ["20.118.99.224/32", "40.83.235.53/32"] as const;
export const WINDOWS_ACTIVATION_PORT = 1688;

export const HTTPS_PORT = 443;
export const SSH_PORT = 22;

/**
 * Azure's limits for tags: at most 50 per resource, names up to 512 characters without `<>%&\?/`,
 * values up to 256; on storage accounts names up to 128: "For storage accounts, the tag name is
 * limited to 128 characters, and the tag value is limited to 256 characters."
 * (learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations).
 */
export const TAG_LIMITS = { maxTags: 50, name: /^[^<>%&\\?/]{1,512}$/, maxValueLength: 256, storageAccountMaxNameLength: 128 } as const;
/** The name length in {@link TAG_LIMITS}' `name`. */
const TAG_NAME_LENGTH = 512;

/**
 * What Azure refuses in a resource's tags by {@link TAG_LIMITS}, one line each; a storage
 * account's names by its shorter limit. Tags that are not an object of names are left to the
 * provider's own type check.
 */
export function tagProblems(tags: unknown, storageAccount: boolean): string[] {
    if (typeof tags !== "object" || tags === null || Array.isArray(tags)) {
        return [];
    }
    const clash = tagNameClash(Object.keys(tags));
    return [...tagLimitProblems(tags as Record<string, unknown>, storageAccount), ...(clash ? [`tags "${clash[0]}" and "${clash[1]}" are one tag to Azure, whose tag names ignore case`] : [])];
}

/** The tags' count, names and values beyond {@link TAG_LIMITS}, one line each. */
export function tagLimitProblems(tags: Record<string, unknown>, storageAccount: boolean): string[] {
    const entries = Object.entries(tags);
    const nameLimit = storageAccount ? TAG_LIMITS.storageAccountMaxNameLength : TAG_NAME_LENGTH;
    return [
        ...(entries.length > TAG_LIMITS.maxTags ? [`${entries.length} tags; Azure takes at most ${TAG_LIMITS.maxTags}`] : []),
        ...entries.filter(([name]) => !TAG_LIMITS.name.test(name) || name.length > nameLimit).map(([name]) => `tag name ${JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}...` : name)} (${name.length} characters): Azure takes names of 1 to ${nameLimit} characters${storageAccount ? " on a storage account" : ""} without <>%&\\?/`),
        ...entries.filter(([, value]) => typeof value === "string" && value.length > TAG_LIMITS.maxValueLength).map(([name, value]) => `tag ${JSON.stringify(name)}'s value is ${(value as string).length} characters; Azure takes at most ${TAG_LIMITS.maxValueLength}`),
    ];
}

/**
 * The first tag name that another of `names` equals ignoring case, and that other: Azure keeps one
 * of them only, "Tag names are case-insensitive for operations" (same page).
 */
export function tagNameClash(names: readonly string[]): [string, string] | undefined {
    for (const [i, name] of names.entries()) {
        const earlier = names.slice(0, i).find((other) => other.toLowerCase() === name.toLowerCase());
        if (earlier !== undefined) {
            return [earlier, name];
        }
    }
    return undefined;
}
