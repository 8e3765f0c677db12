/**
 * The CrossGuard policies: thin adapters from `@pulumi/policy`'s arguments to the plain rules in
 * `rules.ts`. Kept apart from `index.ts`, whose `PolicyPack` starts the analyzer server, so that
 * tests can call every `validateResource` and `validateStack` directly.
 */
import {
    PolicyConfigSchema,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationPolicy,
    UnknownValueError,
} from "@pulumi/policy";
import { InvalidSettingError } from "../lib/errors";
import { readServiceTags } from "../lib/serviceTagPrefixes";
import {
    backupServices,
    dataDiskViolations,
    DEFAULT_CONFIG,
    imageViolations,
    internetEgressViolations,
    MAX_MANAGED_DATA_DISKS,
    NSG_TYPE,
    proxyInboundViolations,
    PublicService,
    ResourceLike,
    RulesConfig,
    SECURITY_RULE_TYPE,
    securityRulesViolations,
    vmAgentViolations,
    vmProtectionViolations,
    VM_TYPE,
} from "./rules";

type ConfigProperty = PolicyConfigSchema["properties"][string];

/** The configuration each policy may take, with the reference environment's values as defaults. */
const CONFIG_PROPERTIES: Record<keyof RulesConfig, ConfigProperty> = {
    proxyAddresses: {
        type: "array",
        items: { type: "string", pattern: "^\\d{1,3}(\\.\\d{1,3}){3}$" },
        default: DEFAULT_CONFIG.proxyAddresses,
        description: "The backup proxy's private IPv4 addresses: the only sources allowed out to the Internet.",
    },
    proxyPort: {
        type: "integer",
        minimum: 1,
        maximum: 65535,
        default: DEFAULT_CONFIG.proxyPort,
        description: "The port the backup proxy listens on.",
    },
    vnetPrefixes: {
        type: "array",
        items: { type: "string" },
        default: DEFAULT_CONFIG.vnetPrefixes,
        description: "The virtual network's address prefixes: the only sources allowed to the proxy port; never counted as Internet.",
    },
    maxDataDisks: {
        type: "integer",
        minimum: 0,
        maximum: MAX_MANAGED_DATA_DISKS,
        default: DEFAULT_CONFIG.maxDataDisks,
        description: "Data disks per VM (Azure Backup's limit: 32 managed, 16 unmanaged).",
    },
    exemptVmNames: {
        type: "array",
        items: { type: "string" },
        default: DEFAULT_CONFIG.exemptVmNames,
        description: "VMs that hold no data and need no backup, by Azure vmName or Pulumi name (the reference environment's proxy).",
    },
    ipRangesFile: {
        type: "string",
        minLength: 1,
        description:
            "Azure's service tags file (ServiceTags_Public_YYYYMMDD.json), absolute or relative to the policy pack: the prefixes of the region's Storage, AzureBackup and AzureActiveDirectory tags are then allowed over HTTPS (and 8443 for storage). Needs region.",
    },
    region: {
        type: "string",
        minLength: 1,
        description: "The stack's region (westeurope): picks the Storage.<region> and AzureBackup.<region> tags of ipRangesFile.",
    },
};

/** A config schema made of some of the properties above. */
function configSchema(...keys: (keyof RulesConfig)[]): PolicyConfigSchema {
    return { properties: Object.fromEntries(keys.map((key) => [key, CONFIG_PROPERTIES[key]])) };
}

/** The policy's configuration: the stack's choices over the defaults. */
function configOf(args: { getConfig<T extends object>(): T }): RulesConfig {
    return { ...DEFAULT_CONFIG, ...args.getConfig<Partial<RulesConfig>>() };
}

/** The backup services of each service tags file and region, read once: the file is megabytes and every NSG asks. */
const backupServicesRead = new Map<string, PublicService[]>();

/** The backup services of the policy's `ipRangesFile` for its `region`; none without the file. */
function configuredBackupServices({ ipRangesFile, region }: RulesConfig): PublicService[] | undefined {
    if (!ipRangesFile) {
        return undefined;
    }
    if (!region) {
        throw new InvalidSettingError("region", "must be set with ipRangesFile: it picks the file's Storage.<region> tag");
    }
    const key = JSON.stringify([ipRangesFile, region]);
    const services = backupServicesRead.get(key) ?? backupServices(readServiceTags(ipRangesFile), region);
    backupServicesRead.set(key, services);
    return services;
}

/** A resource policy for some azure-native types, reporting what a plain rule finds. */
function resourcePolicy(
    policy: Omit<ResourceValidationPolicy, "validateResource">,
    types: string[],
    rule: (resource: ResourceLike, config: RulesConfig) => string[],
): ResourceValidationPolicy {
    return {
        ...policy,
        validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
            if (types.includes(args.type)) {
                const resource = { type: args.type, name: args.name, urn: args.urn, props: args.props };
                rule(resource, configOf(args)).forEach((message) => reportViolation(message));
            }
        },
    };
}

/** Reads a value, or undefined when Pulumi cannot know it during preview. */
function known(read: () => unknown): unknown {
    try {
        return knownValues(read());
    } catch (error) {
        if (error instanceof UnknownValueError) {
            return undefined;
        }
        throw error;
    }
}

/**
 * A plain copy of a resource's props without the values unknown during preview, which
 * `@pulumi/policy` makes throw when read: the stack rule decides on what is known.
 */
export function knownValues(value: unknown): unknown {
    if (typeof value !== "object" || value === null) {
        return value;
    }
    if (Array.isArray(value)) {
        return Array.from({ length: value.length }, (_, i) => known(() => value[i])).filter((item) => item !== undefined);
    }
    const record = value as Record<string, unknown>;
    const entries = Object.keys(record).map((key) => [key, known(() => record[key])] as const);
    return Object.fromEntries(entries.filter(([, item]) => item !== undefined));
}

/** A stack resource as the rules take it. */
function plainResource(resource: PolicyResource): ResourceLike {
    return {
        type: resource.type,
        name: resource.name,
        urn: resource.urn,
        props: knownValues(resource.props) as Record<string, unknown>,
        dependencies: resource.dependencies.map((dependency) => dependency.urn),
    };
}

const NSG_TYPES = [NSG_TYPE, SECURITY_RULE_TYPE];

export const vmProtectedInRegion: StackValidationPolicy = {
    name: "vm-protected-in-region",
    description: "Every VM is protected by a Recovery Services vault in its own region.",
    configSchema: configSchema("exemptVmNames"),
    validateStack: (args, reportViolation) => {
        const violations = vmProtectionViolations(args.resources.map(plainResource), configOf(args).exemptVmNames);
        violations.forEach(({ message, urn }) => reportViolation(message, urn));
    },
};

export const vmAgentProvisioned = resourcePolicy(
    { name: "vm-agent-provisioned", description: "The VM agent is provisioned on every VM (provisionVMAgent is not false)." },
    [VM_TYPE],
    vmAgentViolations,
);

export const vmDataDiskLimit = resourcePolicy(
    {
        name: "vm-data-disk-limit",
        description: "A VM has no more data disks than Azure Backup protects: 32 managed, 16 unmanaged.",
        configSchema: configSchema("maxDataDisks"),
    },
    [VM_TYPE],
    (vm, config) => dataDiskViolations(vm, config.maxDataDisks),
);

export const vmSupportedImage = resourcePolicy(
    { name: "vm-supported-image", description: "A VM's marketplace image is one Azure Backup supports: no CoreOS or Flatcar, Windows Server 2008 R2 or newer." },
    [VM_TYPE],
    imageViolations,
);

export const nsgInternetEgressFromProxyOnly = resourcePolicy(
    {
        name: "nsg-internet-egress-from-proxy-only",
        description:
            "No outbound security rule allows Internet traffic except from the backup proxy's address; Azure's KMS (TCP 1688) and, with ipRangesFile, the backup services' prefixes (HTTPS) are not the Internet.",
        configSchema: configSchema("proxyAddresses", "vnetPrefixes", "ipRangesFile", "region"),
    },
    NSG_TYPES,
    (resource, config) => {
        const egress = { ...config, backupServices: configuredBackupServices(config) };
        return securityRulesViolations(resource, (rule, label) => internetEgressViolations(rule, label, egress));
    },
);

export const nsgProxyPortVnetOnly = resourcePolicy(
    {
        name: "nsg-proxy-port-vnet-only",
        description: "Inbound security rules admit only the virtual network to the backup proxy's port.",
        configSchema: configSchema("proxyAddresses", "proxyPort", "vnetPrefixes"),
    },
    NSG_TYPES,
    (resource, config) => securityRulesViolations(resource, (rule, label) => proxyInboundViolations(rule, label, config)),
);

/** Every policy of the pack. */
export const policies = [
    vmProtectedInRegion,
    vmAgentProvisioned,
    vmDataDiskLimit,
    vmSupportedImage,
    nsgInternetEgressFromProxyOnly,
    nsgProxyPortVnetOnly,
];
