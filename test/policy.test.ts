/**
 * The policy pack (`policy/`): every rule as a plain function, every policy through its
 * `validateResource` / `validateStack` with fabricated arguments, and the reference environment's
 * own plan against the whole pack.
 */
import { expect } from "chai";
import * as path from "path";
import { windowsActivationRule } from "../lib/lockdownRules";
import { readServiceTags } from "../lib/serviceTagPrefixes";
import { Plan } from "../plan/engine";
import {
    DEFAULT_CONFIG,
    egressConfig,
    knownValues,
    nsgInternetEgressFromProxyOnly,
    nsgProxyPortVnetOnly,
    policies,
    resourcesWithinAzureLimits,
    RulesConfig,
    vmAgentProvisioned,
    vmDataDiskLimit,
    vmProtectedInRegion,
    vmSupportedImage,
    WINDOWS_ACTIVATION,
} from "../policy/policies";
import {
    backupServices,
    dataDiskFinding,
    EgressConfig,
    Finding,
    imageFinding,
    internetEgressViolations,
    isSupportedImage,
    MAX_MANAGED_DATA_DISKS,
    proxyInboundViolations,
    reachesInternet,
    ResourceLike,
    SecurityRuleFields as SecurityRuleProps,
    securityRulesViolations,
    vmAgentFinding,
    vmLabel,
    vmProtectionViolations,
    vmView,
    WINDOWS_ACTIVATION_ADDRESSES,
} from "../policy/rulebook";
import { planReferenceEnvironment, PROJECT_DIR } from "./support/plan";

// ---- The rulebook's VM findings as a policy reports them ----

function violations(resource: ResourceLike, finding: Finding): string[] {
    return finding.pass ? [] : [`${vmLabel(vmView(resource))}: ${finding.why}`];
}
const vmAgentViolations = (resource: ResourceLike) => violations(resource, vmAgentFinding(vmView(resource)));
const imageViolations = (resource: ResourceLike) => violations(resource, imageFinding(vmView(resource)));
const dataDiskViolations = (resource: ResourceLike, maxDataDisks: number) => violations(resource, dataDiskFinding(vmView(resource), { maxDataDisks }));
const egressOf = (config: Partial<EgressConfig> & Pick<EgressConfig, "proxyAddresses" | "vnetPrefixes">): EgressConfig =>
    config.services ? (config as EgressConfig) : egressConfig({ ...DEFAULT_CONFIG, ...(config as Partial<RulesConfig>) });


// ---- Fabricated resources ----

const URN_PREFIX = "urn:pulumi:test::backup-ready::";
const SUBSCRIPTION = "/subscriptions/00000000-0000-0000-0000-000000000000";

function resource(type: string, name: string, props: Record<string, unknown>, dependencies: string[] = []): ResourceLike {
    return { type, name, urn: `${URN_PREFIX}${type}::${name}`, props, dependencies };
}

function vm(name: string, props: Record<string, unknown> = {}): ResourceLike {
    return resource(
        "azure-native:compute:VirtualMachine",
        `${name}-vm`,
        {
            vmName: name,
            location: "westeurope",
            resourceGroupName: "rg",
            osProfile: { linuxConfiguration: { provisionVMAgent: true } },
            storageProfile: { imageReference: { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" }, dataDisks: [] },
            ...props,
        },
    );
}

function vmWithDisks(count: number, disk: Record<string, unknown> = {}): ResourceLike {
    const dataDisks = Array.from({ length: count }, (_, lun) => ({ lun, createOption: "Empty", ...disk }));
    return vm("app-vm-1", { storageProfile: { dataDisks } });
}

function vmWithImage(publisher: string, offer: string, sku: string): ResourceLike {
    return vm("app-vm-1", { storageProfile: { imageReference: { publisher, offer, sku, version: "latest" } } });
}

function vault(name: string, location = "westeurope", dependencies: string[] = []): ResourceLike {
    return resource("azure-native:recoveryservices:Vault", `${name}-vault`, { vaultName: name, location, resourceGroupName: "rg" }, dependencies);
}

/** A protected item as the project writes it; `props` may replace or remove (undefined) any of its names. */
function protectedItem(vmName: string, vaultName: string, props: Record<string, unknown> = {}, dependencies: string[] = []): ResourceLike {
    return resource(
        "azure-native:recoveryservices:ProtectedItem",
        `backup-${vmName}`,
        {
            resourceGroupName: "rg",
            vaultName,
            fabricName: "Azure",
            containerName: `iaasvmcontainer;iaasvmcontainerv2;rg;${vmName}`,
            protectedItemName: `vm;iaasvmcontainerv2;rg;${vmName}`,
            properties: {
                protectedItemType: "Microsoft.Compute/virtualMachines",
                sourceResourceId: `${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/${vmName}`,
            },
            ...props,
        },
        dependencies,
    );
}

/** The source document's `allow-proxy` rule, field for field; `changes` alter it. */
function allowProxy(changes: SecurityRuleProps = {}): SecurityRuleProps {
    return {
        name: "allow-proxy",
        priority: 200,
        direction: "Outbound",
        access: "Allow",
        protocol: "Tcp",
        sourceAddressPrefix: "10.0.0.6/32",
        destinationAddressPrefix: "Internet",
        destinationPortRange: "80-443",
        ...changes,
    } as SecurityRuleProps;
}

/** The reference environment's inbound rule to the proxy port; `changes` alter it. */
function proxyInbound(changes: SecurityRuleProps = {}): SecurityRuleProps {
    return {
        name: "allow-clients-to-proxy-inbound",
        direction: "Inbound",
        access: "Allow",
        protocol: "Tcp",
        sourceAddressPrefixes: ["10.0.0.0/16"],
        destinationAddressPrefix: "10.0.0.6/32",
        destinationPortRange: "3128",
        ...changes,
    };
}

function nsg(rules: SecurityRuleProps[]): ResourceLike {
    return resource("azure-native:network:NetworkSecurityGroup", "lockdown-nsg", { networkSecurityGroupName: "NSG-lockdown", securityRules: rules });
}

function standaloneRule(rule: SecurityRuleProps): ResourceLike {
    const { name, ...fields } = rule;
    return resource("azure-native:network:SecurityRule", `${name}-rule`, { securityRuleName: name, networkSecurityGroupName: "NSG-lockdown", ...fields });
}

/** The project's own `allow-windows-activation`, from the VNet; `changes` alter it. */
function windowsActivation(changes: SecurityRuleProps = {}): SecurityRuleProps {
    return { ...windowsActivationRule(["10.0.0.0/16"]), ...changes };
}

/** An allow-list rule from the VNet to literal prefixes over HTTPS, as `connectivity=serviceTags` with `ipRangesFile` writes it. */
function toPrefixes(destinationAddressPrefixes: string[], destinationPortRanges = ["443"]): SecurityRuleProps {
    return { name: "allow-prefixes", direction: "Outbound", access: "Allow", protocol: "Tcp", sourceAddressPrefixes: ["10.0.0.0/16"], destinationAddressPrefixes, destinationPortRanges };
}

/** The service tags file the project's tests plan with, and the policy's config that names it. */
const SERVICE_TAGS_FILE = path.join(PROJECT_DIR, "test", "fixtures", "ServiceTags_Public_fixture.json");
const SERVICE_TAGS_CONFIG = { ipRangesFile: SERVICE_TAGS_FILE, region: "westeurope" };

const egress = (rule: SecurityRuleProps, config: Partial<EgressConfig> & Pick<EgressConfig, "proxyAddresses" | "vnetPrefixes"> = DEFAULT_CONFIG) =>
    internetEgressViolations(rule, `security rule "${rule.name}"`, egressOf(config));
const inbound = (rule: SecurityRuleProps, config = DEFAULT_CONFIG) => proxyInboundViolations(rule, `security rule "${rule.name}"`, config);

// ---- Driving the policies as the CrossGuard analyzer does ----

type ResourcePolicy = typeof vmAgentProvisioned;
type ResourceValidation = Exclude<NonNullable<ResourcePolicy["validateResource"]>, unknown[]>;
type ResourceArgs = Parameters<ResourceValidation>[0];
type StackArgs = Parameters<typeof vmProtectedInRegion.validateStack>[0];
type PolicyResource = StackArgs["resources"][number];

/** Only what the policies read; the rest of the analyzer's arguments is left out. */
const analyzerStubs = { stackTags: new Map<string, string>(), isType: () => false, asType: () => undefined, notApplicable: () => { throw new Error("not applicable"); } };

/** Runs a resource policy's `validateResource` on one resource and collects what it reports. */
function validateResource(policy: ResourcePolicy, target: ResourceLike, config: object = {}): string[] {
    const reported: string[] = [];
    const args = { ...analyzerStubs, ...target, opts: {}, getConfig: () => config } as unknown as ResourceArgs;
    (policy.validateResource as ResourceValidation)(args, (message) => reported.push(message));
    return reported;
}

/** Resources shaped as `validateStack` receives them, dependencies resolved to the resources themselves. */
function policyResources(resources: ResourceLike[]): PolicyResource[] {
    const byUrn = new Map<string, PolicyResource>();
    const converted = resources.map((r) => {
        const converted = { ...analyzerStubs, type: r.type, name: r.name, urn: r.urn, props: r.props, opts: {}, dependencies: [], propertyDependencies: {} } as unknown as PolicyResource;
        byUrn.set(r.urn, converted);
        return converted;
    });
    resources.forEach((r, i) => {
        converted[i].dependencies = (r.dependencies ?? []).map((urn) => byUrn.get(urn)).filter((d): d is PolicyResource => d !== undefined);
    });
    return converted;
}

interface Reported {
    message: string;
    urn?: string;
}

/** Runs the stack policy's `validateStack` and collects what it reports. */
function validateStack(resources: PolicyResource[], config: object = {}, policy: typeof vmProtectedInRegion = vmProtectedInRegion): Reported[] {
    const reported: Reported[] = [];
    const args = { ...analyzerStubs, resources, getConfig: () => config } as unknown as StackArgs;
    policy.validateStack(args, (message, urn) => reported.push({ message, urn }));
    return reported;
}

/** The plan's resources as the policies see them: inputs as props, dependencies as URNs. */
function planResources(plan: Plan): ResourceLike[] {
    return plan.resources.filter((r) => r.custom).map((r) => ({ type: r.type, name: r.name, urn: r.urn, props: r.inputs, dependencies: r.dependencies }));
}

/** The names of the inline security rules of the plan's NSGs. */
function securityRuleNames(plan: Plan): string[] {
    return planResources(plan)
        .filter((r) => r.type === "azure-native:network:NetworkSecurityGroup")
        .flatMap((r) => ((r.props.securityRules ?? []) as SecurityRuleProps[]).map((rule) => rule.name ?? ""));
}

/** Every violation the whole pack reports on a plan, as `<policy>: <message>`. */
function packViolations(plan: Plan, config: object = {}): string[] {
    const resources = planResources(plan);
    const stack = [vmProtectedInRegion, resourcesWithinAzureLimits].flatMap((policy) =>
        validateStack(policyResources(resources), config, policy).map(({ message }) => `${policy.name}: ${message}`),
    );
    const perResource = policies
        .filter((policy): policy is ResourcePolicy => "validateResource" in policy)
        .flatMap((policy) => resources.flatMap((r) => validateResource(policy, r, config).map((message) => `${policy.name}: ${message}`)));
    return [...stack, ...perResource];
}

// ---- Tests ----

describe("policy pack", () => {
    describe("the VM agent rule", () => {
        it("passes a VM that provisions the agent, or leaves it to Azure's default (true)", () => {
            expect(vmAgentViolations(vm("app-vm-1"))).to.deep.equal([]);
            expect(vmAgentViolations(vm("app-vm-1", { osProfile: { linuxConfiguration: {} } }))).to.deep.equal([]);
            expect(vmAgentViolations(vm("app-vm-1", { osProfile: undefined }))).to.deep.equal([]);
        });

        it("names the VM and the setting when the agent is turned off, Linux or Windows", () => {
            expect(vmAgentViolations(vm("app-vm-1", { osProfile: { linuxConfiguration: { provisionVMAgent: false } } }))).to.deep.equal([
                'VM "app-vm-1": osProfile.linuxConfiguration.provisionVMAgent is false: Azure Backup\'s extension runs through the VM agent; set it to true (or leave it unset, Azure\'s default)',
            ]);
            const [message] = vmAgentViolations(vm("win-1", { osProfile: { windowsConfiguration: { provisionVMAgent: false } } }));
            expect(message).to.match(/^VM "win-1": osProfile\.windowsConfiguration\.provisionVMAgent is false/);
        });

        it("is wired into vm-agent-provisioned, for VMs only", () => {
            expect(validateResource(vmAgentProvisioned, vm("app-vm-1"))).to.deep.equal([]);
            const off = vm("app-vm-1", { osProfile: { linuxConfiguration: { provisionVMAgent: false } } });
            expect(validateResource(vmAgentProvisioned, off)).to.have.length(1);
            expect(validateResource(vmAgentProvisioned, { ...off, type: "azure-native:compute:VirtualMachineScaleSet" })).to.deep.equal([]);
        });
    });

    describe("the data-disk rule", () => {
        it("uses the project's limit, 32 managed data disks", () => {
            expect(MAX_MANAGED_DATA_DISKS).to.equal(MAX_MANAGED_DATA_DISKS);
            expect(DEFAULT_CONFIG.maxDataDisks).to.equal(MAX_MANAGED_DATA_DISKS);
        });

        it("passes up to 32 managed data disks and up to 16 unmanaged ones", () => {
            expect(dataDiskViolations(vmWithDisks(32, { managedDisk: { storageAccountType: "StandardSSD_LRS" } }), 32)).to.deep.equal([]);
            expect(dataDiskViolations(vmWithDisks(16, { vhd: { uri: "https://acct.blob.core.windows.net/vhds/d.vhd" } }), 32)).to.deep.equal([]);
            expect(dataDiskViolations(vm("app-vm-1", { storageProfile: {} }), 32)).to.deep.equal([]);
        });

        it("reports 33 managed data disks, 17 unmanaged ones, and more than a lower configured limit", () => {
            expect(dataDiskViolations(vmWithDisks(33), 32)).to.deep.equal([
                'VM "app-vm-1": 33 data disks; 32 at most (Azure Backup\'s limit for managed disks)',
            ]);
            expect(dataDiskViolations(vmWithDisks(17, { vhd: { uri: "https://acct.blob.core.windows.net/vhds/d.vhd" } }), 32)).to.deep.equal([
                'VM "app-vm-1": 17 data disks; 16 at most (Azure Backup\'s limit for unmanaged disks)',
            ]);
            expect(dataDiskViolations(vmWithDisks(5), 4)).to.have.length(1);
        });

        it("is wired into vm-data-disk-limit with maxDataDisks from the policy's config", () => {
            expect(validateResource(vmDataDiskLimit, vmWithDisks(32))).to.deep.equal([]);
            expect(validateResource(vmDataDiskLimit, vmWithDisks(33))).to.have.length(1);
            expect(validateResource(vmDataDiskLimit, vmWithDisks(8), { maxDataDisks: 4 })).to.deep.equal([
                'VM "app-vm-1": 8 data disks; 4 at most (this policy\'s maxDataDisks)',
            ]);
        });
    });

    describe("the OS image rule", () => {
        it("passes endorsed Linux distributions and Windows Server 2008 R2 or newer", () => {
            expect(isSupportedImage({ publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server" })).to.equal(true);
            expect(isSupportedImage({ publisher: "RedHat", offer: "RHEL", sku: "9-lvm-gen2" })).to.equal(true);
            expect(isSupportedImage({ publisher: "MicrosoftWindowsServer", offer: "WindowsServer", sku: "2008-R2-SP1" })).to.equal(true);
            expect(isSupportedImage({ publisher: "MicrosoftWindowsServer", offer: "WindowsServer", sku: "2022-datacenter-azure-edition" })).to.equal(true);
            expect(imageViolations(vm("app-vm-1", { storageProfile: { osDisk: { createOption: "Attach" } } }))).to.deep.equal([]);
        });

        it("reports CoreOS, Flatcar and Windows Server older than 2008 R2, naming the image", () => {
            expect(imageViolations(vmWithImage("CoreOS", "CoreOS", "Stable"))).to.deep.equal([
                'VM "app-vm-1": must be an Azure-endorsed Linux distribution other than CoreOS and Flatcar, or Windows Server 2008 R2 or newer; got "CoreOS:CoreOS:Stable:latest"',
            ]);
            expect(imageViolations(vmWithImage("kinvolk", "flatcar-container-linux-free", "stable"))).to.have.length(1);
            expect(imageViolations(vmWithImage("MicrosoftWindowsServer", "WindowsServer", "2008-SP2"))).to.have.length(1);
            expect(imageViolations(vmWithImage("MicrosoftWindowsServer", "WindowsServer", "2003-Datacenter"))).to.have.length(1);
        });

        it("is wired into vm-supported-image", () => {
            expect(validateResource(vmSupportedImage, vm("app-vm-1"))).to.deep.equal([]);
            expect(validateResource(vmSupportedImage, vmWithImage("CoreOS", "CoreOS", "Stable"))).to.have.length(1);
        });
    });

    describe("what counts as the Internet", () => {
        it("is Internet, any, and every prefix that reaches public addresses", () => {
            for (const prefix of ["Internet", "*", "Any", "0.0.0.0/0", "0.0.0.0/1", "8.8.8.8", "20.0.0.0/8", "203.0.113.0/24", "::/0", "2001:db8::/32", "not a prefix!"]) {
                expect(reachesInternet(prefix, DEFAULT_CONFIG.vnetPrefixes), prefix).to.equal(true);
            }
        });

        it("is not private space, the wire server, service tags or the configured VNet, even a public one", () => {
            for (const prefix of ["10.1.0.0/16", "192.168.1.0/24", "168.63.129.16/32", "168.63.129.16", "VirtualNetwork", "AzureBackup", "Storage.westeurope", "fd12:3456::/64"]) {
                expect(reachesInternet(prefix, DEFAULT_CONFIG.vnetPrefixes), prefix).to.equal(false);
            }
            expect(reachesInternet("52.10.0.0/24", ["52.10.0.0/16"])).to.equal(false);
        });
    });

    describe("the Internet egress rule", () => {
        it("passes the document's allow-proxy, the wire server, service tags, deny and inbound rules", () => {
            expect(egress(allowProxy())).to.deep.equal([]);
            expect(egress(allowProxy({ sourceAddressPrefix: "10.0.0.6" }))).to.deep.equal([]);
            expect(egress(allowProxy({ name: "allow-azure-platform", sourceAddressPrefix: "*", destinationAddressPrefix: "168.63.129.16/32" }))).to.deep.equal([]);
            expect(egress(allowProxy({ sourceAddressPrefix: "*", destinationAddressPrefix: "AzureBackup" }))).to.deep.equal([]);
            expect(egress(allowProxy({ sourceAddressPrefix: "*", access: "Deny" }))).to.deep.equal([]);
            expect(egress(allowProxy({ sourceAddressPrefix: "*", direction: "Inbound" }))).to.deep.equal([]);
        });

        it("reports Internet egress from anywhere but the proxy, naming the rule, the traffic and the proxy", () => {
            expect(egress(allowProxy({ name: "allow-web", sourceAddressPrefix: "*" }))).to.deep.equal([
                'security rule "allow-web" allows outbound traffic from * to Internet; only the backup proxy (10.0.0.6/32) may reach the Internet',
            ]);
            expect(egress(allowProxy({ sourceAddressPrefix: undefined, sourceAddressPrefixes: ["10.0.0.6/32", "10.0.1.0/24"] }))).to.have.length(1);
            expect(egress(allowProxy({ sourceAddressPrefix: "10.0.1.4/32", destinationAddressPrefix: "0.0.0.0/0" }))).to.have.length(1);
            const [message] = egress(allowProxy({ sourceAddressPrefix: "*", destinationAddressPrefix: undefined, destinationAddressPrefixes: ["10.0.0.0/8", "52.1.2.3/32"] }));
            expect(message).to.contain("to 52.1.2.3/32;");
        });

        it("takes the proxy's address from config", () => {
            const config = { ...DEFAULT_CONFIG, proxyAddresses: ["172.20.0.10"] };
            expect(egress(allowProxy({ sourceAddressPrefix: "172.20.0.10/32" }), config)).to.deep.equal([]);
            expect(egress(allowProxy(), config)).to.have.length(1);
        });
    });

    describe("Azure's KMS, for Windows activation", () => {
        const kms = WINDOWS_ACTIVATION_ADDRESSES.join(", ");

        it("is not the Internet over TCP 1688: the project's allow-windows-activation passes, from any source", () => {
            expect(egress(windowsActivation())).to.deep.equal([]);
            expect(egress(windowsActivation({ destinationAddressPrefixes: [WINDOWS_ACTIVATION_ADDRESSES[1]] }))).to.deep.equal([]);
            expect(egress(windowsActivation({ sourceAddressPrefixes: ["*"] }))).to.deep.equal([]);
        });

        it("is the Internet on any other port or protocol, and the message says its terms", () => {
            expect(egress(windowsActivation({ destinationPortRange: "443" }))).to.deep.equal([
                `security rule "allow-windows-activation" allows outbound traffic from 10.0.0.0/16 to ${kms}; only the backup proxy (10.0.0.6/32) may reach the Internet; Azure's KMS (Windows activation) is allowed over TCP 1688 only`,
            ]);
            for (const changes of [{ destinationPortRange: "*" }, { destinationPortRange: "1688-1689" }, { destinationPortRanges: ["1688", "80"] }, { protocol: "Udp" }, { protocol: "*" }]) {
                expect(egress(windowsActivation(changes)), JSON.stringify(changes)).to.have.length(1);
            }
        });

        it("does not cover other public addresses on 1688, alone or beside its own", () => {
            const [message] = egress(windowsActivation({ destinationAddressPrefixes: ["203.0.113.7/32"] }));
            expect(message).to.match(/to 203\.0\.113\.7\/32; only the backup proxy \(10\.0\.0\.6\/32\) may reach the Internet; if they are Storage, AzureBackup or AzureActiveDirectory prefixes/);
            expect(egress(windowsActivation({ destinationAddressPrefixes: [...WINDOWS_ACTIVATION_ADDRESSES, "203.0.113.7/32"] }))[0]).to.contain(" to 203.0.113.7/32;");
            expect(egress(windowsActivation({ destinationAddressPrefixes: ["20.118.99.0/24"] }))).to.have.length(1);
        });
    });

    describe("the backup services' prefixes from Azure's service tags file", () => {
        const fromFile = backupServices(readServiceTags(SERVICE_TAGS_FILE), "westeurope");
        const westEurope: EgressConfig = {
            ...DEFAULT_CONFIG,
            services: [WINDOWS_ACTIVATION, ...fromFile],
            backupServicesHint: `they are not in ${fromFile.map((service) => service.name).join(", ")} of this policy's ipRangesFile`,
        };

        it("are the region's Storage, AzureBackup and AzureActiveDirectory tags, on the ports the project opens to them", () => {
            expect(fromFile.map(({ name, ports }) => ({ name, ports }))).to.deep.equal([
                { name: "Storage.WestEurope", ports: ["443", "8443"] },
                { name: "AzureBackup.WestEurope", ports: ["443"] },
                { name: "AzureActiveDirectory", ports: ["443"] },
            ]);
        });

        it("are not the Internet over their ports when the policy has the file", () => {
            expect(egress(toPrefixes(["52.239.212.0/23", "13.69.40.0/24"], ["443", "8443"]), westEurope)).to.deep.equal([]);
            expect(egress(toPrefixes(["51.145.136.0/26", "20.50.8.0/25"]), westEurope)).to.deep.equal([]);
            expect(egress(toPrefixes(["20.190.128.0/18", "13.64.151.161"]), westEurope)).to.deep.equal([]);
        });

        it("are the Internet on other ports, and another region's prefixes are not in the file's", () => {
            expect(egress(toPrefixes(["52.239.212.0/23"], ["80"]), westEurope)).to.deep.equal([
                'security rule "allow-prefixes" allows outbound traffic from 10.0.0.0/16 to 52.239.212.0/23; only the backup proxy (10.0.0.6/32) may reach the Internet; Storage.WestEurope is allowed over TCP 443, 8443 only',
            ]);
            expect(egress(toPrefixes(["51.145.136.0/26"], ["8443"]), westEurope)[0]).to.match(/; AzureBackup\.WestEurope is allowed over TCP 443 only$/);
            expect(egress(toPrefixes(["20.60.40.0/23"]), westEurope)).to.deep.equal([
                'security rule "allow-prefixes" allows outbound traffic from 10.0.0.0/16 to 20.60.40.0/23; only the backup proxy (10.0.0.6/32) may reach the Internet; they are not in Storage.WestEurope, AzureBackup.WestEurope, AzureActiveDirectory of this policy\'s ipRangesFile',
            ]);
        });

        it("are the Internet without the file, and the message says how to allow them", () => {
            expect(egress(toPrefixes(["52.239.212.0/23"]))).to.deep.equal([
                'security rule "allow-prefixes" allows outbound traffic from 10.0.0.0/16 to 52.239.212.0/23; only the backup proxy (10.0.0.6/32) may reach the Internet; if they are Storage, AzureBackup or AzureActiveDirectory prefixes from Azure\'s service tags file (connectivity=serviceTags with ipRangesFile), set this policy\'s ipRangesFile and region to that file and the stack\'s region',
            ]);
        });

        it("are read by nsg-internet-egress-from-proxy-only from its ipRangesFile and region, which go together", () => {
            const storage = nsg([toPrefixes(["52.239.212.0/23"])]);
            expect(validateResource(nsgInternetEgressFromProxyOnly, storage)).to.have.length(1);
            expect(validateResource(nsgInternetEgressFromProxyOnly, storage, SERVICE_TAGS_CONFIG)).to.deep.equal([]);
            expect(validateResource(nsgInternetEgressFromProxyOnly, storage, { ...SERVICE_TAGS_CONFIG, region: "West Europe" })).to.deep.equal([]);
            expect(validateResource(nsgInternetEgressFromProxyOnly, storage, { ...SERVICE_TAGS_CONFIG, region: "northeurope" })).to.have.length(1);
            expect(() => validateResource(nsgInternetEgressFromProxyOnly, storage, { ipRangesFile: SERVICE_TAGS_FILE })).to.throw("region: must be set with ipRangesFile");
            expect(() => validateResource(nsgInternetEgressFromProxyOnly, storage, { ...SERVICE_TAGS_CONFIG, ipRangesFile: "missing.json" })).to.throw(/^ipRangesFile: cannot read JSON from \/.*missing\.json/);
        });
    });

    describe("the proxy inbound rule", () => {
        it("passes the VNet to the proxy port, and rules that do not reach it", () => {
            expect(inbound(proxyInbound())).to.deep.equal([]);
            expect(inbound(proxyInbound({ sourceAddressPrefixes: ["VirtualNetwork"] }))).to.deep.equal([]);
            expect(inbound(proxyInbound({ sourceAddressPrefixes: ["10.0.1.0/24"] }))).to.deep.equal([]);
            // Azure Load Balancer's health probes, by tag or address: they come from 168.63.129.16, never from the Internet.
            expect(inbound(proxyInbound({ sourceAddressPrefixes: ["AzureLoadBalancer"] }))).to.deep.equal([]);
            expect(inbound(proxyInbound({ sourceAddressPrefixes: ["168.63.129.16/32"] }))).to.deep.equal([]);
            expect(inbound(proxyInbound({ name: "allow-ssh-to-proxy", sourceAddressPrefixes: ["203.0.113.0/24"], destinationPortRange: "22" }))).to.deep.equal([]);
            expect(inbound(proxyInbound({ sourceAddressPrefixes: ["*"], access: "Deny" }))).to.deep.equal([]);
            expect(inbound(proxyInbound({ sourceAddressPrefixes: ["*"], protocol: "Udp" }))).to.deep.equal([]);
            expect(inbound(proxyInbound({ sourceAddressPrefixes: ["*"], destinationAddressPrefix: "10.0.1.4/32" }))).to.deep.equal([]);
        });

        it("reports anyone else admitted to the proxy port, naming the rule, the sources and the VNet", () => {
            expect(inbound(proxyInbound({ name: "open-proxy", sourceAddressPrefixes: ["10.0.0.0/16", "Internet"] }))).to.deep.equal([
                `security rule "open-proxy" admits Internet to the proxy port 3128; only the virtual network (VirtualNetwork, 10.0.0.0/16) and the load balancer's probes (AzureLoadBalancer) may reach the proxy`,
            ]);
            expect(inbound(proxyInbound({ sourceAddressPrefixes: ["*"], destinationAddressPrefix: "*", destinationPortRange: "3000-4000" }))).to.have.length(1);
            expect(inbound(proxyInbound({ sourceAddressPrefixes: ["10.0.0.0/8"] }))).to.have.length(1);
        });
    });

    describe("security rules, inline and standalone", () => {
        const open = allowProxy({ name: "allow-web", sourceAddressPrefix: "*" });

        it("checks every inline rule of an NSG, naming the NSG", () => {
            expect(securityRulesViolations(nsg([allowProxy(), open]), (rule, label) => egress(rule).length ? [label] : [])).to.deep.equal([
                'security rule "allow-web" of NSG "NSG-lockdown"',
            ]);
        });

        it("is wired into nsg-internet-egress-from-proxy-only for NSGs and SecurityRule resources", () => {
            expect(validateResource(nsgInternetEgressFromProxyOnly, nsg([allowProxy()]))).to.deep.equal([]);
            expect(validateResource(nsgInternetEgressFromProxyOnly, nsg([allowProxy(), open]))).to.have.length(1);
            expect(validateResource(nsgInternetEgressFromProxyOnly, standaloneRule(allowProxy()))).to.deep.equal([]);
            expect(validateResource(nsgInternetEgressFromProxyOnly, standaloneRule(open))).to.deep.equal([
                'security rule "allow-web" allows outbound traffic from * to Internet; only the backup proxy (10.0.0.6/32) may reach the Internet',
            ]);
            expect(validateResource(nsgInternetEgressFromProxyOnly, standaloneRule(open), { proxyAddresses: ["10.9.9.9"] })[0]).to.contain("(10.9.9.9/32)");
        });

        it("is wired into nsg-proxy-port-vnet-only for NSGs and SecurityRule resources, with the port from config", () => {
            const outside = proxyInbound({ sourceAddressPrefixes: ["Internet"] });
            expect(validateResource(nsgProxyPortVnetOnly, nsg([proxyInbound()]))).to.deep.equal([]);
            expect(validateResource(nsgProxyPortVnetOnly, nsg([outside]))).to.have.length(1);
            expect(validateResource(nsgProxyPortVnetOnly, standaloneRule(outside))).to.have.length(1);
            expect(validateResource(nsgProxyPortVnetOnly, standaloneRule(outside), { proxyPort: 8080 })).to.deep.equal([]);
        });
    });

    describe("the vault rule", () => {
        const appVm = vm("app-vm-1");
        const westVault = vault("vm-backup-vault");

        it("passes a VM protected by a vault of the stack in its region, found by id, by item name or (preview) by dependency", () => {
            expect(vmProtectionViolations([appVm, westVault, protectedItem("app-vm-1", "vm-backup-vault")], [])).to.deep.equal([]);
            const byItemName = protectedItem("app-vm-1", "vm-backup-vault", { properties: {} });
            expect(vmProtectionViolations([appVm, westVault, byItemName], [])).to.deep.equal([]);
            const inPreview = protectedItem("app-vm-1", "ignored", { vaultName: undefined, protectedItemName: undefined, properties: {} }, [appVm.urn, westVault.urn]);
            expect(vmProtectionViolations([appVm, westVault, inPreview], [])).to.deep.equal([]);
            const spelledOut = vm("app-vm-1", { location: "West Europe" });
            expect(vmProtectionViolations([spelledOut, westVault, protectedItem("app-vm-1", "vm-backup-vault")], [])).to.deep.equal([]);
        });

        it("reports an unprotected VM against its URN unless it is exempt", () => {
            expect(vmProtectionViolations([appVm, westVault], [])).to.deep.equal([
                {
                    urn: appVm.urn,
                    message:
                        'VM "app-vm-1": not protected by Azure Backup: no azure-native:recoveryservices:ProtectedItem names it (properties.sourceResourceId, or protectedItemName "vm;iaasvmcontainerv2;rg;app-vm-1") or depends on it; protect it with a vault in its region, or list it in exemptVmNames',
                },
            ]);
            expect(vmProtectionViolations([appVm, westVault], ["app-vm-1"])).to.deep.equal([]);
            const otherGroup = protectedItem("app-vm-1", "vm-backup-vault", {
                protectedItemName: "vm;iaasvmcontainerv2;other-rg;app-vm-1",
                properties: { sourceResourceId: `${SUBSCRIPTION}/resourceGroups/other-rg/providers/Microsoft.Compute/virtualMachines/app-vm-1` },
            });
            expect(vmProtectionViolations([appVm, westVault, otherGroup], [])).to.have.length(1);
        });

        it("reports a vault in another region, and one the stack does not declare", () => {
            const east = vault("east-vault", "eastus");
            expect(vmProtectionViolations([appVm, east, protectedItem("app-vm-1", "east-vault")], []).map((v) => v.message)).to.deep.equal([
                'VM "app-vm-1": vault "east-vault" is in eastus, the VM in westeurope: a vault backs up VMs in its own region only',
            ]);
            const [missing] = vmProtectionViolations([appVm, protectedItem("app-vm-1", "elsewhere")], []);
            expect(missing.message).to.match(/^VM "app-vm-1": vault "elsewhere" is not in the stack/);
        });

        it("is wired into vm-protected-in-region, reporting against the VM's URN, exemptions from config", () => {
            const protectedStack = policyResources([appVm, westVault, protectedItem("app-vm-1", "vm-backup-vault")]);
            expect(validateStack(protectedStack)).to.deep.equal([]);
            const [reported] = validateStack(policyResources([appVm, westVault]));
            expect(reported.urn).to.equal(appVm.urn);
            expect(reported.message).to.match(/^VM "app-vm-1": not protected/);
            expect(validateStack(policyResources([appVm, westVault]), { exemptVmNames: ["app-vm-1"] })).to.deep.equal([]);
        });

        it("decides in a preview on what is known: values Pulumi cannot know yet are left out, not thrown", () => {
            // The pack's own copy of @pulumi/policy, the one whose UnknownValueError the policies catch.
            const policyDir = path.resolve(__dirname, "..", "policy");
            const proxy = require(require.resolve("@pulumi/policy/proxy", { paths: [policyDir] })) as {
                unknownCheckingProxy<T>(value: T): T;
                unknownStringValue: string;
            };
            const unknown = proxy.unknownStringValue;
            const item = protectedItem("app-vm-1", unknown, { protectedItemName: unknown, properties: { sourceResourceId: unknown, protectedItemType: "Microsoft.Compute/virtualMachines" } }, [appVm.urn, westVault.urn]);
            const previewed = policyResources([appVm, westVault, item]);
            previewed[2].props = proxy.unknownCheckingProxy(item.props);
            expect(() => previewed[2].props.protectedItemName).to.throw(/can't be known during preview/);
            expect(knownValues(previewed[2].props)).to.deep.equal({
                resourceGroupName: "rg",
                fabricName: "Azure",
                containerName: "iaasvmcontainer;iaasvmcontainerv2;rg;app-vm-1",
                properties: { protectedItemType: "Microsoft.Compute/virtualMachines" },
            });
            expect(validateStack(previewed)).to.deep.equal([]);
            expect(validateStack(previewed.filter((r) => r.urn !== appVm.urn).concat(policyResources([vm("app-vm-2")])))).to.have.length(1);
        });
    });

    describe("the pack", () => {
        it("holds ten policies with unique names", () => {
            const names = policies.map((policy) => policy.name);
            expect(names).to.have.length(10);
            expect(new Set(names).size).to.equal(names.length);
        });

        it("passes the reference environment's own plan with its defaults", async () => {
            const plan = await planReferenceEnvironment();
            expect(plan.resources.some((r) => r.type === "azure-native:recoveryservices:ProtectedItem")).to.equal(true);
            expect(packViolations(plan)).to.deep.equal([]);
        });

        it("passes Windows VMs, which activate against Azure's KMS", async () => {
            const plan = await planReferenceEnvironment({ windowsAppVmCount: "1" });
            expect(securityRuleNames(plan)).to.include("allow-windows-activation");
            expect(packViolations(plan)).to.deep.equal([]);
        });

        it("passes connectivity=serviceTags: service tags are not the Internet", async () => {
            const plan = await planReferenceEnvironment({ connectivity: "serviceTags" });
            expect(securityRuleNames(plan)).to.include("allow-storage-westeurope");
            expect(packViolations(plan)).to.deep.equal([]);
        });

        it("passes connectivity=serviceTags with ipRangesFile when told the same file and region, and says how when not", async () => {
            const plan = await planReferenceEnvironment({ connectivity: "serviceTags", ipRangesFile: SERVICE_TAGS_FILE });
            expect(packViolations(plan, SERVICE_TAGS_CONFIG)).to.deep.equal([]);
            const violations = packViolations(plan);
            expect(violations.map((message) => /security rule "([^"]+)"/.exec(message)?.[1])).to.deep.equal([
                "allow-storage-westeurope",
                "allow-azurebackup",
                "allow-azureactivedirectory",
            ]);
            violations.forEach((message) => expect(message).to.match(/^nsg-internet-egress-from-proxy-only: .*, set this policy's ipRangesFile and region to that file and the stack's region$/));
        });

        it("passes two proxies behind a load balancer when told their own addresses, and the probe to the proxy port", async () => {
            const plan = await planReferenceEnvironment({ proxyCount: "2" });
            expect(securityRuleNames(plan)).to.include("allow-load-balancer-probe");
            expect(plan.outputs.proxyBackendIps).to.deep.equal(["10.0.0.6", "10.0.0.7"]);
            expect(packViolations(plan, { proxyAddresses: plan.outputs.proxyBackendIps as string[] })).to.deep.equal([]);
            expect(packViolations(plan)).to.deep.equal([
                'nsg-internet-egress-from-proxy-only: security rule "allow-proxy" of NSG "NSG-lockdown" allows outbound traffic from 10.0.0.6/32, 10.0.0.7/32 to Internet; only the backup proxy (10.0.0.6/32) may reach the Internet',
            ]);
        });

        it("passes a changed layout when told its addresses, and catches it when not", async () => {
            const plan = await planReferenceEnvironment({
                addressSpace: "172.20.0.0/16",
                proxyIp: "172.20.0.10",
                proxyPort: "8080",
                appVmCount: "2",
                appVmSize: "Standard_D8s_v5",
                appVmDataDiskCount: "16",
            });
            // The proxy VM's own address, the stack output the docs point to: the one after the frontend 172.20.0.10.
            expect(plan.outputs.proxyBackendIps).to.deep.equal(["172.20.0.11"]);
            const config = { proxyAddresses: plan.outputs.proxyBackendIps as string[], proxyPort: 8080, vnetPrefixes: ["172.20.0.0/16"] };
            expect(packViolations(plan, config)).to.deep.equal([]);
            expect(packViolations(plan)).to.deep.equal([
                'nsg-internet-egress-from-proxy-only: security rule "allow-proxy" of NSG "NSG-lockdown" allows outbound traffic from 172.20.0.11/32 to Internet; only the backup proxy (10.0.0.6/32) may reach the Internet',
            ]);
        });
    });
});
