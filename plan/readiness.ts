/**
 * The backup-readiness report: for every VM a `ProtectedItem` protects or a policy assignment
 * enrols (the rulebook's coverage rule, policy/rulebook/fleet.ts), what Azure Backup needs,
 * derived from the planned resources alone (not from the configuration): the vault in the VM's
 * region, the VM agent, the OS and disk limits, and the network path, evaluated the way Azure
 * evaluates NSG rules (lib/nsgEvaluation: priority order, service tags, the default rules; the
 * NIC's NSG then the subnet's outbound, the subnet's then the NIC's inbound).
 *
 * With a proxy VM in the plan (one whose cloud-init writes /etc/squid/squid.conf) the path is the
 * proxy's: VM to proxy port, proxy to the Internet on 443, squid admitting blob storage. Without
 * one it is the allow-list's: VM to Storage.<region>, AzureBackup and AzureActiveDirectory on 443.
 * Without a proxy, any public way out (NAT gateway, public IP or default outbound access) or an
 * NSG rule allowing more than private space, it is connectivity "none", which needs no path but
 * the platform's. Every way, nothing else from the VM reaches the Internet and the platform address
 * 168.63.129.16 stays reachable.
 */
import { keyAccessFinding } from "../policy/rulebook/vaultOptions";
import * as yaml from "js-yaml";
import {
    AZURE_PLATFORM_ADDRESS,
    AZURE_PLATFORM_PORTS,
    AZURE_TYPES,
    BACKUP_SERVICE_TAGS,
    dataDiskFinding,
    failureNotificationFinding,
    Finding,
    Flow,
    formatIp,
    hostAddress,
    HTTPS_PORT,
    imageFinding,
    isDefaultRule,
    LOAD_BALANCER_PROBE_SOURCE,
    normalizeRegion,
    NsgRule,
    parseCidr,
    prefixesForRegion,
    privateEndpointFinding,
    reachesInternet,
    ruleDestinations,
    protectedItemView,
    ResourceLike,
    DrillJobView,
    drillsOfVault,
    resourceLimitProblems,
    restoreDrillFinding,
    ruleProblems,
    stackLimitProblems,
    sameName,
    TagPrefixes,
    vmAgentFinding,
    VmProtection,
    vmProtection,
    VmSizeData,
    vaultOf,
    VaultView,
    vaultView,
} from "../policy/rulebook";
import { filesOfProxyServerScript } from "../lib/guestConfig";
import { readServiceTags } from "../lib/serviceTagPrefixes";
import { evaluateInbound } from "./hostFirewall";
import { offlineVmSizeData } from "../lib/vmSizeData";
import { Plan, PlannedResource } from "./engine";
import { decide, PlanIndex } from "./planIndex";

export interface ReadinessCheck {
    check: string;
    pass: boolean;
    /** Why it passes or fails; for the network, the flow and the rule that decided it. */
    why: string;
    /** "warn": a line that, failing, is printed WARN and leaves the plan ready (backups still run; only something around them is missing). */
    level?: "warn";
}

export interface VmReadiness {
    /** The VM's Azure name. */
    vm: string;
    checks: ReadinessCheck[];
}

export interface ReadinessOptions {
    /** Azure's size data for the VMs' sizes (the offline plan's extract); without it the size's own disk limit is not checked. */
    sizes?: VmSizeData;
    /**
     * The service tags' prefixes (lib/serviceTagPrefixes), when the allow-list uses literal
     * prefixes from `ipRangesFile`: without them, rules of literal prefixes cannot be matched
     * to the services they stand for.
     */
    serviceTagPrefixes?: readonly TagPrefixes[];
}

/** "The Internet": a documentation address (RFC 5737), never a real host. */
export const INTERNET_PROBE_ADDRESS = "203.0.113.10";
/** Where cloud-init writes squid's configuration on the proxy VM. */
const SQUID_CONF_PATH = "/etc/squid/squid.conf";
/** The proxy's host firewall, which nftables.service loads at boot. */
const NFTABLES_CONF_PATH = "/etc/nftables.conf";
/** Azure's first address for a NIC with a dynamic address: .4, after the four it keeps. */
const FIRST_DYNAMIC_OFFSET = 4;
const BLOB_DOMAIN = "blob.core.windows.net";

// ---- The inputs the report reads ----

interface VmInputs {
    vmName?: string;
    location?: string;
    osProfile?: { customData?: string };
    networkProfile?: { networkInterfaces?: Array<{ id?: string; primary?: boolean }> };
}

interface Reference {
    id?: string;
}

interface NicInputs {
    ipConfigurations?: Array<{ primary?: boolean; privateIPAddress?: string; privateIPAllocationMethod?: string; subnet?: Reference; loadBalancerBackendAddressPools?: Reference[] }>;
    networkSecurityGroup?: Reference;
}

interface SubnetInputs {
    addressPrefix?: string;
    addressPrefixes?: string[];
    networkSecurityGroup?: Reference;
}

interface SecurityRuleInputs extends Partial<NsgRule> {
    securityRuleName?: string;
    networkSecurityGroupName?: string;
    resourceGroupName?: string;
}

// ---- Finding resources ----

/** Something the report needs is not in the plan: the lines that need it fail with this message. */
class PlanGap extends Error {}

function gap(message: string): never {
    throw new PlanGap(message);
}

function inputs<T>(resource: PlannedResource): T {
    return resource.inputs as T;
}

/** The last segment of an ARM id: the resource's own name. */
function nameOf(id: string): string {
    return id.slice(id.lastIndexOf("/") + 1);
}

function vmName(vm: PlannedResource): string {
    return inputs<VmInputs>(vm).vmName ?? vm.name;
}

// ---- The network around a VM ----

/** An NSG where it applies, with every rule it holds. */
export interface AttachedNsg {
    name: string;
    /** `subnet app-subnet` or `NIC app-vm-1-nic`. */
    at: string;
    rules: NsgRule[];
}

/** A VM as the network sees it: its address, its virtual network and the NSGs on its way. */
export interface Endpoint {
    ip: string;
    /** How the address was found, when it was assumed. */
    ipNote?: string;
    vnetPrefixes: string[];
    nicNsg?: AttachedNsg;
    subnetNsg?: AttachedNsg;
    /** The load balancer backend pools its IP configuration joins, by id. */
    backendPools: string[];
}

/** An NSG's rules: inline `securityRules` and the `SecurityRule` resources that name it; one list per NSG and name. */
function nsgRules(index: PlanIndex, nsg: PlannedResource, nsgName: string): NsgRule[] {
    return index.memo(`rules\n${nsg.urn}\n${nsgName}`, () => {
        const group = inputs<{ resourceGroupName?: string }>(nsg).resourceGroupName;
        const inline = inputs<{ securityRules?: NsgRule[] }>(nsg).securityRules ?? [];
        const standalone = index
            .ofType(AZURE_TYPES.securityRule)
            .map((resource) => ({ resource, rule: inputs<SecurityRuleInputs>(resource) }))
            .filter(({ rule }) => sameName(rule.networkSecurityGroupName, nsgName) && (group === undefined || sameName(rule.resourceGroupName, group)))
            .map(({ resource, rule }) => ({ ...rule, name: rule.securityRuleName ?? rule.name ?? resource.name }) as NsgRule);
        return [...inline, ...standalone];
    });
}

/** The NSG a NIC or subnet names, or none; one it names that the plan lacks is a gap. */
function attachedNsg(index: PlanIndex, reference: Reference | undefined, at: string): AttachedNsg | undefined {
    if (reference?.id === undefined) {
        return undefined;
    }
    const nsg = index.id(AZURE_TYPES.networkSecurityGroup, reference.id) ?? gap(`NSG ${reference.id} on ${at} is not in the plan: its rules cannot be evaluated`);
    const name = nameOf(reference.id);
    return { name, at, rules: nsgRules(index, nsg, name) };
}

/** The subnet's virtual network, by the subnet id's parent. */
function vnetPrefixesOf(index: PlanIndex, subnetId: string): string[] {
    const vnetId = subnetId.replace(/\/subnets\/[^/]+$/i, "");
    const vnet = index.id(AZURE_TYPES.virtualNetwork, vnetId) ?? gap(`virtual network ${vnetId} is not in the plan`);
    return inputs<{ addressSpace?: { addressPrefixes?: string[] } }>(vnet).addressSpace?.addressPrefixes ?? [];
}

/** The VM's primary NIC and IP configuration, its subnet, address and NSGs, all from the plan. */
export function endpointOf(index: PlanIndex, vm: PlannedResource): Endpoint {
    const nics = inputs<VmInputs>(vm).networkProfile?.networkInterfaces ?? [];
    const nicId = (nics.find((nic) => nic.primary) ?? nics[0])?.id ?? gap(`VM ${vmName(vm)} has no network interface`);
    const nic = index.id(AZURE_TYPES.networkInterface, nicId) ?? gap(`NIC ${nicId} is not in the plan`);
    const configs = inputs<NicInputs>(nic).ipConfigurations ?? [];
    const config = configs.find((c) => c.primary) ?? configs[0] ?? gap(`NIC ${nameOf(nicId)} has no IP configuration`);
    const subnetId = config.subnet?.id ?? gap(`NIC ${nameOf(nicId)} names no subnet`);
    const subnet = index.id(AZURE_TYPES.subnet, subnetId) ?? gap(`subnet ${subnetId} is not in the plan`);
    const subnetInputs = inputs<SubnetInputs>(subnet);
    const subnetPrefix = subnetInputs.addressPrefix ?? subnetInputs.addressPrefixes?.[0] ?? "";
    const block = parseCidr(subnetPrefix) ?? gap(`subnet ${nameOf(subnetId)} has no IPv4 address prefix`);
    const isStatic = sameName(config.privateIPAllocationMethod, "Static") && config.privateIPAddress !== undefined;
    return {
        ip: isStatic ? (config.privateIPAddress as string) : formatIp(hostAddress(block, FIRST_DYNAMIC_OFFSET)),
        ipNote: isStatic ? undefined : `dynamic, assumed: ${nameOf(subnetId)}'s first usable address`,
        vnetPrefixes: vnetPrefixesOf(index, subnetId),
        nicNsg: attachedNsg(index, inputs<NicInputs>(nic).networkSecurityGroup, `NIC ${nameOf(nicId)}`),
        subnetNsg: attachedNsg(index, subnetInputs.networkSecurityGroup, `subnet ${nameOf(subnetId)}`),
        backendPools: (config.loadBalancerBackendAddressPools ?? []).map((pool) => pool.id).filter((id): id is string => typeof id === "string"),
    };
}

// ---- Evaluating a path ----

interface PathVerdict {
    allowed: boolean;
    why: string;
}

function describeRule(rule: NsgRule, nsg: AttachedNsg, direction: string): string {
    const kind = isDefaultRule(rule) ? "Azure's default rule" : "rule";
    return `${kind} "${rule.name}" (priority ${rule.priority}) of NSG "${nsg.name}" (${direction.toLowerCase()}, ${nsg.at})`;
}

/**
 * A flow through the NSGs it meets: the source's outbound (NIC, then subnet), then, when the
 * destination is a VM of the plan, its inbound (subnet, then NIC). The first deny stops it.
 */
function evaluatePath(flow: Flow, from: Endpoint, to?: Endpoint): PathVerdict {
    const hops: Array<{ nsg: AttachedNsg | undefined; flow: Flow; vnet: string[] }> = [
        { nsg: from.nicNsg, flow, vnet: from.vnetPrefixes },
        { nsg: from.subnetNsg, flow, vnet: from.vnetPrefixes },
        ...(to ? [to.subnetNsg, to.nicNsg].map((nsg) => ({ nsg, flow: { ...flow, direction: "Inbound" as const }, vnet: to.vnetPrefixes })) : []),
    ];
    const allowedBy: string[] = [];
    for (const hop of hops) {
        if (hop.nsg !== undefined) {
            const rule = decide(hop.nsg.rules, hop.flow, hop.vnet);
            const description = describeRule(rule, hop.nsg, hop.flow.direction);
            if (rule.access === "Deny") {
                return { allowed: false, why: `denied by ${description}` };
            }
            allowedBy.push(description);
        }
    }
    return { allowed: true, why: allowedBy.length > 0 ? `allowed by ${allowedBy.join(" and ")}` : "allowed: no NSG on the NIC or subnet, so Azure filters nothing" };
}

/** How a flow reads in a line: `10.0.1.4 -> 10.0.0.5:3128`, with what the addresses stand for. */
function flowLabel(from: Endpoint, destination: string, port: number | string, what?: string): string {
    const source = from.ipNote ? `${from.ip} (${from.ipNote})` : from.ip;
    return `${source} -> ${destination}:${port}${what ? ` (${what})` : ""}`;
}

function tcp(from: Endpoint, destinationIp: string, destinationPort: number): Flow {
    return { direction: "Outbound", protocol: "Tcp", sourceIp: from.ip, destinationIp, destinationPort };
}

/** A line that passes when the path is open. */
function mustAllow(check: string, label: string, verdict: PathVerdict): ReadinessCheck {
    return { check, pass: verdict.allowed, why: `${label}: ${verdict.why}` };
}

/** A line that passes when the path is closed. */
function mustDeny(check: string, label: string, verdict: PathVerdict): ReadinessCheck {
    return { check, pass: !verdict.allowed, why: `${label}: ${verdict.why}` };
}

/** Nothing but the allowed paths leaves the VM for the Internet. */
function internetDeniedCheck(vm: Endpoint): ReadinessCheck {
    const label = flowLabel(vm, INTERNET_PROBE_ADDRESS, HTTPS_PORT, "the Internet");
    return mustDeny("no other Internet access from the VM", label, evaluatePath(tcp(vm, INTERNET_PROBE_ADDRESS, HTTPS_PORT), vm));
}

/** The agent, extensions and snapshots reach the wire server on all its ports. */
function platformCheck(vm: Endpoint): ReadinessCheck {
    const check = `VM to the platform ${AZURE_PLATFORM_ADDRESS}`;
    const verdicts = AZURE_PLATFORM_PORTS.map((port) => ({ port, verdict: evaluatePath(tcp(vm, AZURE_PLATFORM_ADDRESS, port), vm) }));
    const denied = verdicts.find(({ verdict }) => !verdict.allowed);
    if (denied) {
        return mustAllow(check, flowLabel(vm, AZURE_PLATFORM_ADDRESS, denied.port), denied.verdict);
    }
    const reasons = [...new Set(verdicts.map(({ verdict }) => verdict.why))].join("; ");
    return { check, pass: true, why: `${flowLabel(vm, AZURE_PLATFORM_ADDRESS, AZURE_PLATFORM_PORTS.join(","))}: ${reasons}` };
}

// ---- The proxy ----

interface SquidSettings {
    port?: number;
    /** The `dstdomain` entries of the ACLs that an `http_access allow` line uses. */
    allowedDomains: string[];
}

interface WrittenFile {
    path?: string;
    content: string;
}

/** The files a cloud-init user data (base64 `customData`) writes, directly or inside the proxy's configuration script (lib/guestConfig.ts). */
function filesWritten(customData: string): WrittenFile[] {
    let cloudConfig: unknown;
    try {
        cloudConfig = yaml.load(Buffer.from(customData, "base64").toString("utf8"));
    } catch {
        return [];
    }
    const files = (cloudConfig as { write_files?: Array<{ path?: string; content?: string; encoding?: string }> } | null)?.write_files;
    const written = (Array.isArray(files) ? files : [])
        .filter((file) => typeof file?.content === "string")
        .map((file) => ({ path: file.path, content: /^(b64|base64)$/i.test(file.encoding ?? "") ? Buffer.from(file.content as string, "base64").toString("utf8") : (file.content as string) }));
    return [...written, ...written.flatMap((file) => filesOfProxyServerScript(file.content))];
}

/**
 * A file a VM's cloud-init writes; undefined when it writes none. With an index, each distinct
 * user data is parsed once (app VMs mostly share theirs).
 */
export function writtenFileOf(vm: PlannedResource, path: string, index?: PlanIndex): string | undefined {
    const customData = inputs<VmInputs>(vm).osProfile?.customData;
    if (typeof customData !== "string") {
        return undefined;
    }
    const files = index ? index.memo(`files\n${customData}`, () => filesWritten(customData)) : filesWritten(customData);
    return files.find((file) => file.path === path)?.content;
}

/** The squid configuration a VM's cloud-init writes, or undefined when it writes none. */
export function squidConfOf(vm: PlannedResource, index?: PlanIndex): string | undefined {
    return writtenFileOf(vm, SQUID_CONF_PATH, index);
}

/** The port squid listens on (`http_port [address:]port`) and the domains its allow rules admit. */
export function parseSquidConf(conf: string): SquidSettings {
    const lines = conf
        .split("\n")
        .map((line) => line.replace(/#.*/, "").trim().split(/\s+/))
        .filter((words) => words[0] !== "");
    const portWord = lines.find((words) => words[0] === "http_port")?.[1];
    const port = portWord === undefined ? undefined : Number(portWord.slice(portWord.lastIndexOf(":") + 1));
    const domainAcls = new Map<string, string[]>();
    for (const [, name, type, ...values] of lines.filter((words) => words[0] === "acl")) {
        if (type === "dstdomain") {
            domainAcls.set(name, [...(domainAcls.get(name) ?? []), ...values]);
        }
    }
    const allowed = lines.filter((words) => words[0] === "http_access" && words[1] === "allow").flatMap((words) => words.slice(2));
    const allowedDomains = [...new Set(allowed.flatMap((name) => domainAcls.get(name) ?? []))];
    return { port: Number.isInteger(port) ? port : undefined, allowedDomains };
}

/** Whether a `dstdomain` entry admits blob storage hosts: `.blob.core.windows.net` (or a parent domain with a dot), or one account's host. */
export function admitsBlobHost(domain: string): boolean {
    const entry = domain.toLowerCase();
    const host = entry.replace(/^\./, "");
    const coversAll = entry.startsWith(".") && (host === BLOB_DOMAIN || BLOB_DOMAIN.endsWith(`.${host}`));
    return coversAll || host.endsWith(`.${BLOB_DOMAIN}`);
}

interface Proxy {
    vm: string;
    endpoint: Endpoint;
    squid: SquidSettings;
    /** Its host firewall, as cloud-init (or its script) writes it. */
    firewall?: string;
}

/** The proxy VMs of the plan: those whose cloud-init writes squid's configuration. Found once per plan. */
function findProxies(index: PlanIndex): Proxy[] {
    return index.memo("proxies", () =>
        index
            .ofType(AZURE_TYPES.virtualMachine)
            .flatMap((vm) => {
                const conf = squidConfOf(vm, index);
                return conf === undefined ? [] : [{ vm: vmName(vm), endpoint: endpointOf(index, vm), squid: parseSquidConf(conf), firewall: writtenFileOf(vm, NFTABLES_CONF_PATH, index) }];
            })
            .sort((a, b) => a.vm.localeCompare(b.vm)),
    );
}

interface LoadBalancerInputs {
    loadBalancerName?: string;
    frontendIPConfigurations?: Array<{ name?: string; privateIPAddress?: string }>;
    backendAddressPools?: Array<{ name?: string; loadBalancerBackendAddresses?: Array<{ ipAddress?: string }> }>;
    probes?: Array<{ name?: string; protocol?: string; port?: number }>;
    loadBalancingRules?: Array<{ name?: string; protocol?: string; frontendPort?: number; backendPort?: number; frontendIPConfiguration?: Reference; backendAddressPool?: Reference; probe?: Reference }>;
}

/** A load balancer rule in front of proxies: its frontend, ports, probe and the proxies of its pool. */
interface Balanced {
    name: string;
    rule: string;
    frontendIp: string;
    frontendPort: number;
    backendPort: number;
    probe?: { name: string; port: number; protocol: string };
    backends: Proxy[];
}

/** A part of a load balancer named by id: the last segment of `<balancer id>/<kind>/<name>`. */
function partNamed<T extends { name?: string }>(parts: T[] | undefined, id: string | undefined): T | undefined {
    return id === undefined ? undefined : (parts ?? []).find((part) => part.name !== undefined && sameName(`/${part.name}`, id.slice(id.lastIndexOf("/"))));
}

/** The load balancer rule whose backend pool the proxies join (the first, by rule), or undefined for a proxy that stands alone. */
function balancerOf(index: PlanIndex, proxies: Proxy[]): Balanced | undefined {
    for (const balancer of index.ofType(AZURE_TYPES.loadBalancer)) {
        const lb = inputs<LoadBalancerInputs>(balancer);
        const name = lb.loadBalancerName ?? balancer.name;
        for (const rule of lb.loadBalancingRules ?? []) {
            const pool = rule.backendAddressPool?.id;
            // A pool names its members by NIC (the NIC's IP configuration joins it) or by address.
            const addresses = (partNamed(lb.backendAddressPools, pool)?.loadBalancerBackendAddresses ?? []).map((member) => member.ipAddress);
            const backends = proxies.filter(
                (proxy) => pool !== undefined && (proxy.endpoint.backendPools.some((id) => sameName(id, pool)) || addresses.includes(proxy.endpoint.ip)),
            );
            const frontendIp = partNamed(lb.frontendIPConfigurations, rule.frontendIPConfiguration?.id)?.privateIPAddress;
            if (backends.length === 0 || frontendIp === undefined || rule.frontendPort === undefined) {
                continue;
            }
            const probe = partNamed(lb.probes, rule.probe?.id);
            return {
                name,
                rule: rule.name ?? "(unnamed)",
                frontendIp,
                frontendPort: rule.frontendPort,
                backendPort: rule.backendPort ?? rule.frontendPort,
                probe: probe?.port === undefined ? undefined : { name: probe.name ?? "(unnamed)", port: probe.port, protocol: probe.protocol ?? "Tcp" },
                backends,
            };
        }
    }
    return undefined;
}

/** Where the probes come from, as a source with no NSG of its own: only the backend's inbound rules apply. */
function probeSource(backend: Endpoint): Endpoint {
    return { ip: LOAD_BALANCER_PROBE_SOURCE, vnetPrefixes: backend.vnetPrefixes, backendPools: [] };
}

/** Whether a backend is healthy: the probe gets through its NSGs and host firewall, and squid listens on the probed port. */
function backendHealth(balanced: Balanced, proxy: Proxy): PathVerdict {
    const probe = balanced.probe;
    if (probe === undefined) {
        return { allowed: false, why: `rule "${balanced.rule}" of load balancer "${balanced.name}" names no health probe` };
    }
    const flow: Flow = { direction: "Inbound", protocol: "Tcp", sourceIp: LOAD_BALANCER_PROBE_SOURCE, destinationIp: proxy.endpoint.ip, destinationPort: probe.port };
    const label = `probe "${probe.name}" ${LOAD_BALANCER_PROBE_SOURCE} -> ${proxy.vm} ${proxy.endpoint.ip}:${probe.port}`;
    const nsg = evaluatePath(flow, probeSource(proxy.endpoint), proxy.endpoint);
    if (!nsg.allowed) {
        return { allowed: false, why: `${label}: ${nsg.why}` };
    }
    if (proxy.firewall === undefined) {
        return { allowed: false, why: `${label}: ${proxy.vm} writes no ${NFTABLES_CONF_PATH}, so its host firewall is unknown` };
    }
    const host = evaluateInbound(proxy.firewall, { sourceIp: LOAD_BALANCER_PROBE_SOURCE, destinationPort: probe.port });
    if (host.accepted !== true) {
        return { allowed: false, why: `${label}: ${host.accepted === false ? "dropped" : "not known to pass"} by the host firewall of ${proxy.vm} (${NFTABLES_CONF_PATH}: ${host.why})` };
    }
    if (proxy.squid.port !== probe.port) {
        return { allowed: false, why: `${label}: squid on ${proxy.vm} listens on ${proxy.squid.port ?? "no port"}, not the probed port` };
    }
    return { allowed: true, why: `${label}: ${nsg.why}, and the host firewall's ${host.why}` };
}

/**
 * VM -> frontend, then on to every backend, as Azure evaluates a flow through an internal
 * balancer (policy/rulebook/loadBalancer.ts): the VM's outbound rules see the frontend address;
 * each backend's inbound rules see the VM's own address -> the backend's, on the backend port;
 * and the probe keeps the backend healthy.
 */
function balancedProxyCheck(vm: Endpoint, balanced: Balanced): ReadinessCheck {
    const check = `VM to the proxy ${balanced.frontendIp}:${balanced.frontendPort}`;
    const label = `${flowLabel(vm, balanced.frontendIp, balanced.frontendPort, `load balancer "${balanced.name}", rule "${balanced.rule}"`)}`;
    const out = evaluatePath(tcp(vm, balanced.frontendIp, balanced.frontendPort), vm);
    if (!out.allowed) {
        return mustAllow(check, label, out);
    }
    const reasons: string[] = [];
    for (const backend of balanced.backends) {
        const health = backendHealth(balanced, backend);
        if (!health.allowed) {
            return { check, pass: false, why: `${label}: backend ${backend.vm} is never healthy: ${health.why}` };
        }
        const inbound = evaluatePath({ ...tcp(vm, backend.endpoint.ip, balanced.backendPort), direction: "Inbound" }, { ...vm, nicNsg: undefined, subnetNsg: undefined }, backend.endpoint);
        if (!inbound.allowed) {
            return { check, pass: false, why: `${label}: on to backend ${backend.vm} ${backend.endpoint.ip}:${balanced.backendPort}: ${inbound.why}` };
        }
        reasons.push(`healthy backend ${backend.vm} ${backend.endpoint.ip}:${balanced.backendPort} (${vm.ip} -> ${backend.endpoint.ip}:${balanced.backendPort} ${inbound.why}; ${health.why})`);
    }
    return { check, pass: true, why: `${label}: ${out.why}; on to ${reasons.join("; ")}` };
}

function proxyChecks(vm: Endpoint, proxies: Proxy[], balanced: Balanced | undefined): ReadinessCheck[] {
    // Clients reach the load balancer's frontend where there is one, else the first proxy itself.
    const [first] = proxies;
    const reached = balanced?.backends ?? [first];
    const toProxy = balanced
        ? balancedProxyCheck(vm, balanced)
        : first.squid.port === undefined
          ? { check: `VM to the proxy ${first.endpoint.ip}`, pass: false, why: `${SQUID_CONF_PATH} on ${first.vm} sets no http_port` }
          : mustAllow(`VM to the proxy ${first.endpoint.ip}:${first.squid.port}`, flowLabel(vm, first.endpoint.ip, first.squid.port), evaluatePath(tcp(vm, first.endpoint.ip, first.squid.port), vm, first.endpoint));
    const egress = reached.map((proxy) => ({ proxy, verdict: evaluatePath(tcp(proxy.endpoint, INTERNET_PROBE_ADDRESS, HTTPS_PORT), proxy.endpoint) }));
    const blocked = egress.find(({ verdict }) => !verdict.allowed) ?? egress[0];
    const out =
        blocked.verdict.allowed && egress.length > 1
            ? { allowed: true, why: egress.map(({ proxy, verdict }) => `${proxy.vm}: ${verdict.why}`).join("; ") }
            : blocked.verdict;
    const blobs = reached.map((proxy) => ({ proxy, blob: proxy.squid.allowedDomains.find(admitsBlobHost) }));
    const missing = blobs.find(({ blob }) => blob === undefined);
    return [
        toProxy,
        mustAllow(`proxy to the Internet on ${HTTPS_PORT}`, flowLabel(blocked.proxy.endpoint, INTERNET_PROBE_ADDRESS, HTTPS_PORT, "the Internet"), out),
        internetDeniedCheck(vm),
        platformCheck(vm),
        {
            check: "proxy admits blob storage",
            pass: missing === undefined,
            why:
                missing === undefined
                    ? blobs.map(({ proxy, blob }) => `squid on ${proxy.vm} admits ${blob}`).join("; ")
                    : `squid on ${missing.proxy.vm} admits ${missing.proxy.squid.allowedDomains.join(", ") || "no domain"}, no <account>.${BLOB_DOMAIN} host`,
        },
    ];
}

// ---- Service tags ----

function serviceTagChecks(vm: Endpoint, region: string, options: ReadinessOptions): ReadinessCheck[] {
    const tagChecks = BACKUP_SERVICE_TAGS.map(({ service, scope }) => {
        const tag = scope === "global" ? service : `${service}.${region}`;
        const destinationTagPrefixes = options.serviceTagPrefixes?.find((group) => group.service === service)?.prefixes;
        const flow: Flow = { direction: "Outbound", protocol: "Tcp", sourceIp: vm.ip, destinationTag: tag, destinationPort: HTTPS_PORT, destinationTagPrefixes };
        return mustAllow(`VM to ${tag} on ${HTTPS_PORT}`, flowLabel(vm, tag, HTTPS_PORT), evaluatePath(flow, vm));
    });
    return [...tagChecks, internetDeniedCheck(vm), platformCheck(vm)];
}

// ---- No way out (connectivity "none") ----

/**
 * How the VM could reach a public address: its subnet's NAT gateway, a public IP on its NIC, or
 * the subnet's default outbound access, which network 2024-05-01 still defaults to true
 * (Microsoft.Network/stable/2024-05-01/virtualNetwork.json, `defaultOutboundAccess`). None of
 * these, and nothing but the platform is reached: the plan has no way out at all.
 */
export function publicWayOut(index: PlanIndex, vm: PlannedResource): string[] {
    const nicId = (inputs<VmInputs>(vm).networkProfile?.networkInterfaces ?? [])[0]?.id;
    const nic = index.id(AZURE_TYPES.networkInterface, nicId);
    const config = nic ? inputs<{ ipConfigurations?: Array<{ subnet?: Reference; publicIPAddress?: Reference }> }>(nic).ipConfigurations?.[0] : undefined;
    const subnet = index.id(AZURE_TYPES.subnet, config?.subnet?.id);
    const subnetInputs = subnet ? inputs<{ natGateway?: Reference; defaultOutboundAccess?: boolean }>(subnet) : undefined;
    return [
        ...(config?.publicIPAddress?.id !== undefined ? [`public IP ${nameOf(config.publicIPAddress.id)} on its NIC`] : []),
        ...(subnetInputs?.natGateway?.id !== undefined ? [`NAT gateway ${nameOf(subnetInputs.natGateway.id)} on its subnet`] : []),
        ...(subnetInputs !== undefined && subnetInputs.defaultOutboundAccess !== false ? ["its subnet's default outbound access (not set to false)"] : []),
    ];
}

/**
 * Without a proxy: the allow-list's lines, unless the VM has no public way out and its NSGs allow
 * none of the backup's service tags, which is connectivity "none".
 */
function withoutProxyChecks(index: PlanIndex, vm: PlannedResource, endpoint: Endpoint, region: string, options: ReadinessOptions): ReadinessCheck[] {
    return publicWayOut(index, vm).length === 0 && allowsOnlyPrivate(endpoint) ? noWayOutChecks(endpoint, vmName(vm)) : serviceTagChecks(endpoint, region, options);
}

/** Whether the VM's NSGs allow it out to nothing but private space, its VNet and the platform address: no tag, no public prefix. */
function allowsOnlyPrivate(vm: Endpoint): boolean {
    const allows = [vm.nicNsg, vm.subnetNsg]
        .flatMap((nsg) => nsg?.rules ?? [])
        .filter((rule) => !isDefaultRule(rule) && sameName(rule.direction, "Outbound") && sameName(rule.access, "Allow"));
    const isPrivate = (prefix: string) => sameName(prefix, "VirtualNetwork") || (/^[\d.]+(\/\d+)?$/.test(prefix) && !reachesInternet(prefix, vm.vnetPrefixes));
    return allows.every((rule) => ruleDestinations(rule).every(isPrivate));
}

/** With no way out, Azure VM backup still works: snapshots go through the host, which only the platform address reaches. */
function noWayOutChecks(vm: Endpoint, name: string): ReadinessCheck[] {
    const noWayOut: ReadinessCheck = {
        check: "no public way out (connectivity none)",
        pass: true,
        why: `${name} has no public IP, its subnet no NAT gateway and no default outbound access; Azure VM backup needs no IP or FQDN (learn.microsoft.com/azure/backup/backup-azure-private-endpoints-concept)`,
    };
    return [noWayOut, internetDeniedCheck(vm), platformCheck(vm)];
}

// ---- The VM itself: the rulebook's checks ----

/** A planned resource as the rulebook reads it: its inputs, and its planned id as `id` (what outputs carry) unless an input is named so. */
/** A planned resource as the rulebook reads it: its inputs and planned id as props. */
export function asResource(resource: PlannedResource): ResourceLike {
    return { type: resource.type, name: resource.name, urn: resource.urn, props: { id: resource.id, ...resource.inputs }, dependencies: resource.dependencies };
}

function line(check: string, finding: Finding): ReadinessCheck {
    return { check, pass: finding.pass, why: finding.why };
}

/**
 * Rules Azure refuses (a prefix with host bits set) never exist in Azure: the NSG evaluation
 * leaves them out, and this line names them, on the VM's way and the proxy's.
 */
function refusedRulesCheck(endpoints: Endpoint[]): ReadinessCheck {
    const nsgs = [...new Map(endpoints.flatMap((endpoint) => [endpoint.nicNsg, endpoint.subnetNsg]).filter((nsg): nsg is AttachedNsg => nsg !== undefined).map((nsg) => [nsg.name, nsg])).values()];
    const refused = nsgs.flatMap((nsg) => refusedRules(nsg.rules).map(({ rule, problem }) => `rule "${rule.name}" of NSG "${nsg.name}": ${problem}`));
    return refused.length === 0
        ? { check: "NSG rules Azure accepts", pass: true, why: `every rule of ${nsgs.map((nsg) => `"${nsg.name}"`).join(", ") || "no NSG"} is valid` }
        : { check: "NSG rules Azure accepts", pass: false, why: `${refused.join("; ")}; Azure refuses the rule, so it allows and denies nothing` };
}

/** The problems of every rule Azure refuses, per rule list (an NSG's, built once per plan). */
const refusedPerList = new WeakMap<readonly NsgRule[], Array<{ rule: NsgRule; problem: string }>>();

function refusedRules(rules: readonly NsgRule[]): Array<{ rule: NsgRule; problem: string }> {
    let refused = refusedPerList.get(rules);
    if (refused === undefined) {
        refused = rules.flatMap((rule) => ruleProblems(rule).map((problem) => ({ rule, problem })));
        refusedPerList.set(rules, refused);
    }
    return refused;
}

/** The network lines of one VM, or one failing line when the plan lacks what they need. */
function networkChecks(index: PlanIndex, vm: PlannedResource, options: ReadinessOptions): ReadinessCheck[] {
    try {
        const endpoint = endpointOf(index, vm);
        const proxies = findProxies(index);
        const region = normalizeRegion(inputs<VmInputs>(vm).location ?? "");
        const paths = proxies.length > 0 ? proxyChecks(endpoint, proxies, index.memo("balancer", () => balancerOf(index, proxies))) : withoutProxyChecks(index, vm, endpoint, region, options);
        return [refusedRulesCheck([endpoint, ...proxies.map((proxy) => proxy.endpoint)]), ...paths];
    } catch (err) {
        if (err instanceof PlanGap) {
            return [{ check: "network path", pass: false, why: err.message }];
        }
        throw err;
    }
}

/** The plan as the rulebook reads it, and what the report reads from it once, not per VM. */
interface RulebookView {
    resources: readonly ResourceLike[];
    vaults: VaultView[];
    /** Whether a vault's failed jobs reach someone, per vault. */
    notification: Map<ResourceLike, Finding>;
    /** Whether a vault's private endpoint and its DNS can answer, per vault (undefined: it has none). */
    privateEndpoint: Map<ResourceLike, Finding | undefined>;
    /** The scheduled restore drills of a vault, per vault. */
    drills: Map<ResourceLike, DrillJobView[]>;
}

function rulebookView(resources: readonly ResourceLike[]): RulebookView {
    return { resources, vaults: resources.filter((resource) => resource.type === AZURE_TYPES.vault).map(vaultView), notification: new Map(), privateEndpoint: new Map(), drills: new Map() };
}

/** The vaults of the plan that protect the VM: by a protected item, or by a policy assignment's enrolment. */
function protectingVaults(view: RulebookView, protection: VmProtection): VaultView[] {
    const vaults = view.vaults;
    const enrolledInto = protection.enrolment?.vault;
    const byEnrolment = enrolledInto
        ? vaults.filter((vault) => sameName(vault.name, enrolledInto.name) && (vault.resourceGroupName === undefined || sameName(vault.resourceGroupName, enrolledInto.resourceGroupName)))
        : [];
    return [...new Set([...protection.items.map(({ item }) => vaultOf(item, vaults)), ...byEnrolment].filter((vault) => vault !== undefined))];
}

/** Per vault that protects the VM, whether its failed jobs reach someone: a warning, since the backups themselves still run. */
function notificationChecks(view: RulebookView, protection: VmProtection): ReadinessCheck[] {
    return protectingVaults(view, protection).flatMap((vault) => [
        { ...line("a failed backup reaches someone", notificationOf(view, vault.resource)), level: "warn" as const },
        ...keyAccessChecks(vault.name, vault.resource),
    ]);
}

/** A vault with a customer-managed key: the key's access is the user's step, a warning. */
function keyAccessChecks(vaultName: string | undefined, vault: ResourceLike): ReadinessCheck[] {
    const finding = keyAccessFinding(vaultName ?? vault.name, vault.props as Parameters<typeof keyAccessFinding>[1]);
    return finding ? [{ ...line("customer-managed key reachable", finding), level: "warn" as const }] : [];
}

/** Where a drill's clone sits: the quarantine subnet's first usable address, behind the subnet's NSG. */
export function quarantineEndpoint(index: PlanIndex, subnetId: string): Endpoint & { prefix: string } {
    const subnet = index.id(AZURE_TYPES.subnet, subnetId) ?? gap(`quarantine subnet ${subnetId} is not in the plan`);
    const subnetInputs = inputs<SubnetInputs>(subnet);
    const prefix = subnetInputs.addressPrefix ?? subnetInputs.addressPrefixes?.[0] ?? "";
    const block = parseCidr(prefix) ?? gap(`quarantine subnet ${nameOf(subnetId)} has no IPv4 address prefix`);
    return {
        prefix,
        ip: formatIp(hostAddress(block, FIRST_DYNAMIC_OFFSET)),
        vnetPrefixes: vnetPrefixesOf(index, subnetId),
        subnetNsg: attachedNsg(index, subnetInputs.networkSecurityGroup, `subnet ${nameOf(subnetId)}`),
        backendPools: [],
    };
}

/** A vault's scheduled drills, read once per vault. */
function drillsOf(view: RulebookView, vault: ResourceLike): DrillJobView[] {
    let drills = view.drills.get(vault);
    if (drills === undefined) {
        drills = drillsOfVault(vault, view.resources);
        view.drills.set(vault, drills);
    }
    return drills;
}

/**
 * Per vault that protects the VM, whether a scheduled drill restores it, and whether its clone is
 * quarantined, evaluated as Azure evaluates the quarantine subnet's NSG: the platform address
 * reachable (the clone's agent and Run Command need it), the Internet and the VM itself not, and
 * nothing in from the VM's network. No drill is a warning (the backups run, untested); a
 * quarantine that leaks fails: a clone of production that reaches production.
 */
function restoreDrillChecks(index: PlanIndex, view: RulebookView, protection: VmProtection, vmIp: string | undefined): ReadinessCheck[] {
    const vmName = protection.vm.azureName ?? protection.vm.resource.name;
    return protectingVaults(view, protection).map((vault) => {
        const drill = drillsOf(view, vault.resource).find((candidate) => candidate.vmNames === undefined || candidate.vmNames.length === 0 || candidate.vmNames.some((name: string) => sameName(name, vmName)));
        if (drill === undefined || drill.quarantineSubnetId === undefined) {
            // The rulebook's words for a vault without a drill for this VM: the drills were looked for once, above.
            return { ...line("restore drill", restoreDrillFinding(vault.resource, [], vmName)), level: "warn" as const };
        }
        try {
            const clone = index.memo(`quarantine\n${drill.quarantineSubnetId}`, () => quarantineEndpoint(index, drill.quarantineSubnetId as string));
            const nsg = clone.subnetNsg ?? gap(`quarantine subnet ${nameOf(drill.quarantineSubnetId)} has no NSG: Azure would filter nothing`);
            const judge = (flow: Flow) => decide(nsg.rules, flow, clone.vnetPrefixes);
            const out = (destinationIp: string, destinationPort: number): Flow => ({ direction: "Outbound", protocol: "Tcp", sourceIp: clone.ip, destinationIp, destinationPort });
            const neighbour = vmIp ?? formatIp(hostAddress(parseCidr(clone.vnetPrefixes[0] ?? "10.0.0.0/16") as NonNullable<ReturnType<typeof parseCidr>>, FIRST_DYNAMIC_OFFSET));
            const platform = judge(out(AZURE_PLATFORM_ADDRESS, AZURE_PLATFORM_PORTS[0]));
            const leaks = [
                { what: `the Internet (${INTERNET_PROBE_ADDRESS}:${HTTPS_PORT})`, rule: judge(out(INTERNET_PROBE_ADDRESS, HTTPS_PORT)) },
                { what: `the VM's network (${neighbour}:22)`, rule: judge(out(neighbour, 22)) },
                { what: `in from the VM's network (${neighbour} -> ${clone.ip}:22)`, rule: judge({ direction: "Inbound", protocol: "Tcp", sourceIp: neighbour, destinationIp: clone.ip, destinationPort: 22 }) },
            ].filter(({ rule }) => rule.access === "Allow");
            const where = `scheduled "${drill.schedule}" (UTC) into quarantine subnet ${clone.prefix}`;
            if (leaks.length > 0 || platform.access !== "Allow") {
                const problems = [
                    ...leaks.map(({ what, rule }) => `${what} allowed by rule "${rule.name}"`),
                    ...(platform.access === "Allow" ? [] : [`the platform ${AZURE_PLATFORM_ADDRESS} denied by rule "${platform.name}": the clone's agent and Run Command cannot answer`]),
                ];
                return { check: "restore drill", pass: false, why: `${where}, but NSG "${nsg.name}" does not quarantine it: ${problems.join("; ")}` };
            }
            return { check: "restore drill", pass: true, why: `${where}: its clones reach ${AZURE_PLATFORM_ADDRESS} (rule "${platform.name}") and nothing else, and nothing reaches them (NSG "${nsg.name}")` };
        } catch (err) {
            if (err instanceof PlanGap) {
                return { check: "restore drill", pass: false, why: err.message };
            }
            throw err;
        }
    });
}

function notificationOf(view: RulebookView, vault: ResourceLike): Finding {
    let finding = view.notification.get(vault);
    if (finding === undefined) {
        finding = failureNotificationFinding(vault, view.resources);
        view.notification.set(vault, finding);
    }
    return finding;
}

/** Per vault that protects the VM and has a private endpoint: the endpoint, each zone linked to the VNet, the zone group naming each. */
function privateEndpointChecks(view: RulebookView, protection: VmProtection): ReadinessCheck[] {
    return protectingVaults(view, protection).flatMap((vault) => {
        if (!view.privateEndpoint.has(vault.resource)) {
            view.privateEndpoint.set(vault.resource, privateEndpointFinding(vault.resource, view.resources));
        }
        const finding = view.privateEndpoint.get(vault.resource);
        return finding === undefined ? [] : [line("vault private endpoint and DNS", finding)];
    });
}

function vmReadiness(index: PlanIndex, view: RulebookView, protection: VmProtection, options: ReadinessOptions): VmReadiness {
    const { vm, items } = protection;
    const planned = index.urn(vm.resource.urn) as PlannedResource;
    const protectedBy =
        items.length > 0
            ? items.map(({ vaultRegion }) => line("vault in the VM's region", vaultRegion))
            : [line(protection.enrolment ? "Azure Policy enrolment" : "protected by Azure Backup", protection.finding)];
    return {
        vm: vm.azureName ?? vm.resource.name,
        checks: [
            ...protectedBy,
            ...notificationChecks(view, protection),
            ...privateEndpointChecks(view, protection),
            line("VM agent provisioned", vmAgentFinding(vm)),
            line("OS supported by Azure Backup", imageFinding(vm)),
            line("data disks within the limit", dataDiskFinding(vm, { sizes: options.sizes })),
            ...networkChecks(index, planned, options),
            ...restoreDrillChecks(index, view, protection, vmAddress(index, planned)),
        ],
    };
}

/** The VM's address as the network checks assume it, or none when the plan lacks its NIC. */
function vmAddress(index: PlanIndex, vm: PlannedResource): string | undefined {
    try {
        return endpointOf(index, vm).ip;
    } catch (err) {
        if (err instanceof PlanGap) {
            return undefined;
        }
        throw err;
    }
}

/** A protected item whose VM the plan does not hold: nothing about the VM can be derived. */
function missingVmReadiness(item: PlannedResource): VmReadiness {
    const sourceId = (item.inputs as { properties?: { sourceResourceId?: string } }).properties?.sourceResourceId ?? "";
    const why = `${sourceId || `protected item ${item.name} names no VM`} is not in the plan: its readiness cannot be derived from the planned resources`;
    return { vm: sourceId ? nameOf(sourceId) : item.name, checks: [{ check: "VM in the plan", pass: false, why }] };
}

// ---- The report ----

/**
 * One entry per VM that is protected or should be (the rulebook's exemptions aside: a backup
 * proxy's VM holds no data), and one per protected item whose VM is not in the plan; by VM name.
 */
export function readinessReport(plan: Pick<Plan, "resources">, options: ReadinessOptions = {}): VmReadiness[] {
    const index = new PlanIndex(plan);
    const resources = plan.resources.map(asResource);
    const view = rulebookView(resources);
    const protections = vmProtection(resources);
    const matched = new Set(protections.flatMap(({ items }) => items.map(({ item }) => item.resource.urn)));
    // A retired VM's item (protection stopped, recovery points kept) backs up nothing: no entry.
    const orphans = plan.resources
        .filter((resource) => resource.type === AZURE_TYPES.protectedItem && !matched.has(resource.urn))
        .filter((item) => !protectedItemView(asResource(item)).stopped);
    const limits = limitsCheck(resources);
    return [
        ...protections
            .filter(({ items, enrolment, finding }) => items.length > 0 || enrolment !== undefined || !finding.pass)
            .map((protection) => vmReadiness(index, view, protection, options)),
        ...orphans.map(missingVmReadiness),
    ]
        .map((vm) => (limits ? { ...vm, checks: [...vm.checks, limits] } : vm))
        .sort((a, b) => a.vm.localeCompare(b.vm));
}

/**
 * A resource of the plan beyond Azure's documented limits (the rulebook's limits.ts, as the policy
 * pack's resources-within-azure-limits applies them) fails the deployment, and with it every VM's
 * backup: one failing line on each VM naming them; none while everything fits.
 */
function limitsCheck(resources: readonly ResourceLike[]): ReadinessCheck | undefined {
    const problems = [...resources.flatMap(resourceLimitProblems), ...stackLimitProblems(resources)];
    return problems.length === 0 ? undefined : { check: "resources within Azure's limits", pass: false, why: problems.join("; ") };
}

/** A check that makes the plan unready: failing, and not a mere warning. */
export function isFailing(check: ReadinessCheck): boolean {
    return !check.pass && check.level !== "warn";
}

/** Ready when no check fails; warnings do not count. */
export function isReady(report: readonly VmReadiness[]): boolean {
    return report.every((vm) => !vm.checks.some(isFailing));
}

function status(check: ReadinessCheck): "PASS" | "WARN" | "FAIL" {
    return check.pass ? "PASS" : isFailing(check) ? "FAIL" : "WARN";
}

/** Plain text: one line per check (`app-vm-1  PASS  vault in the VM's region: ...`), then a verdict. */
export function formatReadiness(report: readonly VmReadiness[]): string {
    const heading = "Backup readiness, derived from the planned resources:";
    if (report.length === 0) {
        return `${heading}\n  no protected VMs in the plan`;
    }
    const width = Math.max(...report.map((vm) => vm.vm.length));
    const lines = report.flatMap(({ vm, checks }) => checks.map((check) => `  ${vm.padEnd(width)}  ${status(check)}  ${check.check}: ${check.why}`));
    const all = report.flatMap((vm) => vm.checks);
    const total = all.length;
    const failed = all.filter(isFailing).length;
    const warned = all.filter((check) => status(check) === "WARN").length;
    const vms = `${report.length} protected VM${report.length === 1 ? "" : "s"}`;
    const warnings = warned === 0 ? "" : ` ${warned} warning${warned === 1 ? "" : "s"} (WARN: backups run, but see the line).`;
    const verdict =
        failed > 0
            ? `NOT READY: ${failed} of ${total} checks fail (${vms}).${warnings}`
            : warned === 0
              ? `Ready: ${vms}, all ${total} checks pass.`
              : `Ready: ${vms}, ${total - warned} of ${total} checks pass.${warnings}`;
    return [heading, ...lines, verdict].join("\n");
}

/** The backup-readiness report of a plan; the service tags file only tells which literal prefixes stand for which tag. */
export function checkReadiness(plan: Plan): { report: VmReadiness[]; text: string; ready: boolean } {
    const report = readinessReport(plan, readinessOptions(plan));
    return { report, text: formatReadiness(report), ready: isReady(report) };
}

/** What the report knows beyond the plan, from the plan's own settings: the service tags file, and the offline size data of its region. */
export function readinessOptions(plan: Pick<Plan, "project" | "config">): ReadinessOptions {
    const ipRangesFile = plan.config[`${plan.project}:ipRangesFile`];
    const region = plan.config["azure-native:location"] ?? "westeurope";
    return {
        serviceTagPrefixes: ipRangesFile ? prefixesForRegion(readServiceTags(ipRangesFile), region) : undefined,
        sizes: offlineVmSizeData(region),
    };
}
