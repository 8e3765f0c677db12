/**
 * The CrossGuard policies: thin adapters from `@pulumi/policy`'s arguments to the plain rules of
 * the rulebook (`rulebook/checks.ts`). Kept apart from `index.ts`, whose `PolicyPack` starts the
 * analyzer server, so that tests can call every `validateResource` and `validateStack` directly.
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
import * as fs from "fs";
import * as path from "path";
import {
    AZURE_TYPES,
    backupServices,
    checkServiceTagFile,
    dataDiskFinding,
    EgressConfig,
    Finding,
    imageFinding,
    internetEgressViolations,
    InvalidSettingError,
    MAX_MANAGED_DATA_DISKS,
    proxyInboundViolations,
    publicVaultWithoutEndpoint,
    PublicService,
    refusedRuleFindings,
    resourceLimitProblems,
    ResourceLike,
    ResourceSku,
    restoreDrillFinding,
    securityRulesViolations,
    stackLimitProblems,
    vmAgentFinding,
    vmLabel,
    vmProtectionViolations,
    VmSizeData,
    vmSizeData,
    vmView,
    WINDOWS_ACTIVATION_ADDRESSES,
    WINDOWS_ACTIVATION_PORT,
} from "./rulebook";

/** What a stack may choose; each policy reads the part it needs. */
export interface RulesConfig {
    /** The backup proxy's private IPv4 addresses: the only sources allowed out to the Internet. */
    proxyAddresses: string[];
    /** The port the proxy listens on. */
    proxyPort: number;
    /** The virtual network's address prefixes: the only sources allowed to reach the proxy port. */
    vnetPrefixes: string[];
    /** Data disks per VM, at most Azure Backup's limit. */
    maxDataDisks: number;
    /** VMs that hold no data and need no backup (Azure name or Pulumi name); a BackupProxy's VM always is. */
    exemptVmNames: string[];
    /** Azure's service tags file: the backup services' prefixes for `region` are then Azure, not the Internet. */
    ipRangesFile?: string;
    /** The region whose tags `ipRangesFile` allows, and whose VM sizes `vmSizesFile` lists. */
    region?: string;
    /** Azure's VM sizes of the region (`az vm list-skus --location <region> --resource-type virtualMachines -o json`): each size's own data-disk limit is then checked. */
    vmSizesFile?: string;
}

/** The reference environment's layout, so that `pulumi preview --policy-pack policy` passes it without configuration. */
export const DEFAULT_CONFIG: RulesConfig = {
    // The proxy VM's own address (the stack output proxyBackendIps), behind the balancer's frontend 10.0.0.5.
    proxyAddresses: ["10.0.0.6"],
    proxyPort: 3128,
    vnetPrefixes: ["10.0.0.0/16"],
    maxDataDisks: MAX_MANAGED_DATA_DISKS,
    exemptVmNames: ["backup-proxy"],
};

/** Azure's KMS, on the project's `allow-windows-activation` terms: TCP 1688 only. */
export const WINDOWS_ACTIVATION: PublicService = {
    name: "Azure's KMS (Windows activation)",
    prefixes: WINDOWS_ACTIVATION_ADDRESSES,
    ports: [String(WINDOWS_ACTIVATION_PORT)],
};

type ConfigProperty = PolicyConfigSchema["properties"][string];

/** The configuration each policy may take, with the reference environment's values as defaults. */
const CONFIG_PROPERTIES: Record<keyof RulesConfig, ConfigProperty> = {
    proxyAddresses: {
        type: "array",
        items: { type: "string", pattern: "^\\d{1,3}(\\.\\d{1,3}){3}$" },
        default: DEFAULT_CONFIG.proxyAddresses,
        description: "The backup proxy's private IPv4 addresses: the only sources allowed out to the Internet; empty with connectivity none or serviceTags (no source may).",
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
        description: "The stack's region (westeurope): picks the Storage.<region> and AzureBackup.<region> tags of ipRangesFile, and the sizes of vmSizesFile.",
    },
    vmSizesFile: {
        type: "string",
        minLength: 1,
        description:
            "Azure's VM sizes of the region as `az vm list-skus --location <region> --resource-type virtualMachines -o json` prints them, absolute or relative to the policy pack: each VM's size limit on data disks is then checked too. Needs region.",
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

/** A file named in the policy's config: absolute, or relative to the policy pack. */
function readJson(setting: string, file: string): unknown {
    const resolved = path.resolve(__dirname, file);
    try {
        return JSON.parse(fs.readFileSync(resolved, "utf8"));
    } catch (err) {
        throw new InvalidSettingError(setting, `cannot read JSON from ${resolved}: ${(err as Error).message}`);
    }
}

/** What each file gives, read once: the files are megabytes and every resource asks. */
const filesRead = new Map<string, unknown>();

function once<T>(key: unknown[], read: () => T): T {
    const id = JSON.stringify(key);
    if (!filesRead.has(id)) {
        filesRead.set(id, read());
    }
    return filesRead.get(id) as T;
}

function requireRegion(config: RulesConfig, setting: string): string {
    if (!config.region) {
        throw new InvalidSettingError("region", `must be set with ${setting}: it picks the file's entries for the stack's region`);
    }
    return config.region;
}

/** The backup services of the policy's `ipRangesFile` for its `region`; none without the file. */
function configuredBackupServices(config: RulesConfig): PublicService[] {
    const { ipRangesFile } = config;
    if (!ipRangesFile) {
        return [];
    }
    const region = requireRegion(config, "ipRangesFile");
    return once(["ipRangesFile", ipRangesFile, region], () => backupServices(checkServiceTagFile(ipRangesFile, readJson("ipRangesFile", ipRangesFile)), region));
}

/** Azure's VM sizes of the policy's `vmSizesFile` for its `region`; none without the file. */
function configuredVmSizes(config: RulesConfig): VmSizeData | undefined {
    const { vmSizesFile } = config;
    if (!vmSizesFile) {
        return undefined;
    }
    const region = requireRegion(config, "vmSizesFile");
    return once(["vmSizesFile", vmSizesFile, region], () => {
        const skus = readJson("vmSizesFile", vmSizesFile);
        if (!Array.isArray(skus)) {
            throw new InvalidSettingError("vmSizesFile", "must be the JSON list `az vm list-skus --resource-type virtualMachines -o json` prints");
        }
        return vmSizeData(skus as ResourceSku[], region, true);
    });
}

export function egressConfig(config: RulesConfig): EgressConfig {
    const fromFile = configuredBackupServices(config);
    return {
        ...config,
        services: [WINDOWS_ACTIVATION, ...fromFile],
        backupServicesHint: config.ipRangesFile
            ? `they are not in ${fromFile.map((service) => service.name).join(", ")} of this policy's ipRangesFile`
            : "if they are Storage, AzureBackup or AzureActiveDirectory prefixes from Azure's service tags file (connectivity=serviceTags with ipRangesFile), set this policy's ipRangesFile and region to that file and the stack's region",
    };
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

const NSG_TYPES: string[] = [AZURE_TYPES.networkSecurityGroup, AZURE_TYPES.securityRule];

export const vmProtectedInRegion: StackValidationPolicy = {
    name: "vm-protected-in-region",
    description:
        "Every VM is protected by a Recovery Services vault in its own region: a protected item names it, or a policy assignment of the stack enrols it (Azure's built-in backup definitions, by tag and region).",
    configSchema: configSchema("exemptVmNames"),
    validateStack: (args, reportViolation) => {
        const violations = vmProtectionViolations(args.resources.map(plainResource), configOf(args).exemptVmNames);
        violations.forEach(({ message, urn }) => reportViolation(message, urn));
    },
};

/** A VM policy: the failing finding, in a message that names the VM. */
function vmFinding(check: (vm: ReturnType<typeof vmView>, config: RulesConfig) => Finding): (resource: ResourceLike, config: RulesConfig) => string[] {
    return (resource, config) => {
        const vm = vmView(resource);
        const finding = check(vm, config);
        return finding.pass ? [] : [`${vmLabel(vm)}: ${finding.why}`];
    };
}

export const vmAgentProvisioned = resourcePolicy(
    { name: "vm-agent-provisioned", description: "The VM agent is provisioned on every VM (provisionVMAgent is not false)." },
    [AZURE_TYPES.virtualMachine],
    vmFinding((vm) => vmAgentFinding(vm)),
);

export const vmDataDiskLimit = resourcePolicy(
    {
        name: "vm-data-disk-limit",
        description: "A VM has no more data disks than Azure Backup protects (32 managed, 16 unmanaged) and, with vmSizesFile, than its size takes.",
        configSchema: configSchema("maxDataDisks", "vmSizesFile", "region"),
    },
    [AZURE_TYPES.virtualMachine],
    vmFinding((vm, config) => dataDiskFinding(vm, { sizes: configuredVmSizes(config), maxDataDisks: config.maxDataDisks })),
);

export const vmSupportedImage = resourcePolicy(
    { name: "vm-supported-image", description: "A VM's marketplace image is one Azure Backup supports: no CoreOS or Flatcar, Windows Server 2008 R2 or newer." },
    [AZURE_TYPES.virtualMachine],
    vmFinding((vm) => imageFinding(vm)),
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
        const egress = egressConfig(config);
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

export const nsgRulesAzureAccepts = resourcePolicy(
    {
        name: "nsg-rules-azure-accepts",
        description: "Security rules use prefixes and priorities Azure accepts: no CIDR with host bits set, no priority outside 100-4096 (Azure refuses the rule, so it allows and denies nothing).",
    },
    NSG_TYPES,
    (resource) => securityRulesViolations(resource, refusedRuleFindings),
);

/**
 * Advisory: a vault open to public networks with no backup private endpoint. Microsoft recommends
 * "that public network access is set to Deny along with private endpoint setup"
 * (learn.microsoft.com/azure/backup/backup-azure-private-endpoints-concept); Azure VM backup needs
 * neither, so this only advises.
 */
export const vaultPublicAccessWithoutPrivateEndpoint: StackValidationPolicy = {
    name: "vault-public-access-without-private-endpoint",
    description: "A Recovery Services vault whose public network access is not Disabled has a private endpoint (group AzureBackup); advisory.",
    enforcementLevel: "advisory",
    validateStack: (args, reportViolation) => {
        const resources = args.resources.map(plainResource);
        resources
            .filter((resource) => resource.type === AZURE_TYPES.vault)
            .forEach((vault) => {
                const message = publicVaultWithoutEndpoint(vault, resources);
                if (message !== undefined) {
                    reportViolation(message, vault.urn);
                }
            });
    },
};

/**
 * Azure's documented limits of the resources a stack creates (rulebook limits.ts, each with its
 * source): what Azure would refuse at deploy time, reported at preview instead. Per resource
 * against it, across the stack without one.
 */
export const resourcesWithinAzureLimits: StackValidationPolicy = {
    name: "resources-within-azure-limits",
    description:
        "Resources stay within Azure's documented limits: an action group's short name (12), e-mail receivers (1000) and addresses (64 characters); a lock's name (90) and notes (512); a policy assignment's name (64, 24 at a management group); a load balancer's rules (1500) and backend pool (5000); private endpoints per vault (12); role assignments (4000); metric and log search alert rules (5000 each), alert processing rules (1000), and their descriptions (2048, log search 4096); any resource's tags (50, names 512 or 128 on a storage account, values 256, names that differ in more than case).",
    validateStack: (args, reportViolation) => {
        const resources = args.resources.map(plainResource);
        resources.forEach((resource) => resourceLimitProblems(resource).forEach((message) => reportViolation(message, resource.urn)));
        stackLimitProblems(resources).forEach((message) => reportViolation(message));
    },
};

/**
 * Advice, not a gate: a vault whose backups nobody restores on a schedule is a vault nobody knows
 * restores. Reported against the vault; a drill is a scheduled job whose runner names the vault
 * (the rulebook's restoreDrill.ts), in a preview by its dependency on the vault.
 */
export const vaultHasRestoreDrill: StackValidationPolicy = {
    name: "vault-has-restore-drill",
    description: "Every Recovery Services vault has a scheduled restore drill: its VMs restored into a quarantine, checked and removed, each result recorded (advisory: backups run without one, untested).",
    enforcementLevel: "advisory",
    validateStack: (args, reportViolation) => {
        const resources = args.resources.map(plainResource);
        for (const vault of resources.filter((resource) => resource.type === AZURE_TYPES.vault)) {
            const finding = restoreDrillFinding(vault, resources);
            if (!finding.pass) {
                reportViolation(finding.why, vault.urn);
            }
        }
    },
};

/** Every policy of the pack. */
export const policies = [
    vmProtectedInRegion,
    vaultHasRestoreDrill,
    resourcesWithinAzureLimits,
    vmAgentProvisioned,
    vmDataDiskLimit,
    vmSupportedImage,
    nsgInternetEgressFromProxyOnly,
    nsgProxyPortVnetOnly,
    nsgRulesAzureAccepts,
    vaultPublicAccessWithoutPrivateEndpoint,
];
