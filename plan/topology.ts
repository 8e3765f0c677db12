/**
 * The planned network as a picture a reviewer reads at a glance: the virtual network and its
 * subnets, the NSG on each, the proxies, load balancers and VMs in them (VMs grouped per subnet
 * with a count, so that 1,000 VMs are one box), the vaults that protect them, and the flows the
 * backup depends on, each labelled with the NSG rule that decides it. The flows are evaluated
 * the way readiness evaluates them (the rulebook's NSG evaluation, policy/rulebook/nsg.ts: the source's NIC and subnet NSGs
 * outbound, the destination's subnet and NIC NSGs inbound).
 *
 * Written as Mermaid (GitHub renders it in comments) and as Graphviz DOT, which @viz-js/viz
 * (Graphviz compiled to WebAssembly) turns into SVG offline.
 */
import { instance } from "@viz-js/viz";
import { AZURE_PLATFORM_ADDRESS, BACKUP_SERVICE_TAGS, drillJobs, Flow, isDefaultRule, LOAD_BALANCER_PROBE_SOURCE, normalizeRegion, NsgRule, TagPrefixes } from "../policy/rulebook";
import { ResourceChange } from "./diff";
import { Plan, PlannedResource } from "./engine";
import { decide, PlanIndex } from "./planIndex";
import { asResource, AttachedNsg, Endpoint, endpointOf, INTERNET_PROBE_ADDRESS, parseSquidConf, publicWayOut, quarantineEndpoint, readinessOptions, squidConfOf } from "./readiness";

export type Mark = "added" | "changed" | "removed";

export type NodeKind = "vnet" | "subnet" | "nsg" | "proxy" | "loadBalancer" | "vms" | "vault" | "internet" | "platform" | "serviceTag" | "drill";

export interface TopologyNode {
    /** Stable across plans (built from ARM ids and names), so that two plans' pictures can be compared. */
    id: string;
    kind: NodeKind;
    /** The label, one entry per line; the first names the element. */
    lines: string[];
    /** The VNet of a subnet, the subnet of what sits in it. */
    parent?: string;
    /** How many VMs a group stands for. */
    count?: number;
    /** The resources the element stands for: a change to any of them changes the element. */
    urns: string[];
    mark?: Mark;
}

/** `allowed` and `denied` are network flows; a vault `protects` VMs and `restores` them into a drill's quarantine; a load balancer `balances` its backend pool. */
export type EdgeKind = "allowed" | "denied" | "protects" | "balances" | "restores";

export interface TopologyEdge {
    id: string;
    from: string;
    to: string;
    kind: EdgeKind;
    lines: string[];
    mark?: Mark;
}

export interface Topology {
    nodes: TopologyNode[];
    edges: TopologyEdge[];
}

const TYPES = {
    vm: "azure-native:compute:VirtualMachine",
    nic: "azure-native:network:NetworkInterface",
    subnet: "azure-native:network:Subnet",
    vnet: "azure-native:network:VirtualNetwork",
    nsg: "azure-native:network:NetworkSecurityGroup",
    securityRule: "azure-native:network:SecurityRule",
    loadBalancer: "azure-native:network:LoadBalancer",
    vault: "azure-native:recoveryservices:Vault",
    protectedItem: "azure-native:recoveryservices:ProtectedItem",
} as const;

/** Ports of the flows drawn: what readiness checks, so the picture and the report agree. */
const HTTPS = 443;
const PROXY_EGRESS_PORTS = [80, HTTPS];
const PLATFORM_PORTS = [80, HTTPS, 32526];
/** At most this many VM names are listed in a group's box; beyond, the first and the last. */
const NAMES_LISTED = 3;

// ---- Reading the plan ----

interface Reference {
    id?: string;
}

/**
 * The inputs read here, as azure-native sends them (properties flattened): a NIC's IP
 * configurations name their subnet and the load balancer backend pools they join
 * (`loadBalancerBackendAddressPools`, ids `<load balancer id>/backendAddressPools/<name>`); a
 * load balancer has `frontendIPConfigurations` (a subnet and private address, or a public IP),
 * `backendAddressPools` and `loadBalancingRules`. Microsoft.Network 2024-05-01, the version
 * @pulumi/azure-native 3.x sends (azure-rest-api-specs
 * specification/network/resource-manager/Microsoft.Network/stable/2024-05-01/networkInterface.json
 * and loadBalancer.json; the SDK's `network.LoadBalancer` and `NetworkInterfaceIPConfigurationArgs`).
 */
interface NicInputs {
    ipConfigurations?: Array<{ primary?: boolean; subnet?: Reference; loadBalancerBackendAddressPools?: Reference[] }>;
}

interface LoadBalancerInputs {
    loadBalancerName?: string;
    frontendIPConfigurations?: Array<{ name?: string; privateIPAddress?: string; subnet?: Reference; publicIPAddress?: Reference }>;
    backendAddressPools?: Array<{ name?: string; loadBalancerBackendAddresses?: Array<{ ipAddress?: string }> }>;
    loadBalancingRules?: Array<{ protocol?: string; frontendPort?: number; backendPort?: number; frontendIPConfiguration?: Reference; backendAddressPool?: Reference; probe?: Reference }>;
    probes?: Array<{ name?: string; port?: number; protocol?: string }>;
}

interface VmInputs {
    vmName?: string;
    location?: string;
    osProfile?: { windowsConfiguration?: unknown };
    networkProfile?: { networkInterfaces?: Array<{ id?: string; primary?: boolean }> };
}

function inputs<T>(resource: PlannedResource): T {
    return resource.inputs as T;
}

function key(id: string | undefined): string {
    return (id ?? "").toLowerCase();
}

function lastSegment(id: string): string {
    return id.slice(id.lastIndexOf("/") + 1);
}

/** Resources by lower-cased ARM id, for one type. */
function indexById(plan: Pick<Plan, "resources">, type: string): Map<string, PlannedResource> {
    return new Map(plan.resources.filter((r) => r.type === type && r.id).map((r) => [key(r.id), r]));
}

/** A VM as the picture needs it: where it sits, what it is, and how the network sees it. */
interface PlacedVm {
    vm: PlannedResource;
    name: string;
    subnetId: string;
    pools: string[];
    windows: boolean;
    region: string;
    urns: string[];
    /** Undefined when the plan lacks what the network path needs (readiness reports it). */
    endpoint?: Endpoint;
}

/**
 * What lives inside each VM in ARM (extensions, Run Commands: ids below the VM's id), by the
 * VM's lower-cased id: a change to them changes the VM's box.
 */
function vmChildren(plan: Pick<Plan, "resources">): Map<string, string[]> {
    const children = new Map<string, string[]>();
    for (const resource of plan.resources) {
        const vmId = /^(.*\/providers\/microsoft\.compute\/virtualmachines\/[^/]+)\/./i.exec(resource.id ?? "")?.[1];
        if (vmId !== undefined) {
            children.set(key(vmId), [...(children.get(key(vmId)) ?? []), resource.urn]);
        }
    }
    return children;
}

function placeVm(index: PlanIndex, vm: PlannedResource, nics: Map<string, PlannedResource>, children: Map<string, string[]>): PlacedVm | undefined {
    const props = inputs<VmInputs>(vm);
    const refs = props.networkProfile?.networkInterfaces ?? [];
    const nic = nics.get(key((refs.find((ref) => ref.primary) ?? refs[0])?.id));
    const configs = nic ? (inputs<NicInputs>(nic).ipConfigurations ?? []) : [];
    const config = configs.find((c) => c.primary) ?? configs[0];
    if (nic === undefined || config?.subnet?.id === undefined) {
        return undefined;
    }
    let endpoint: Endpoint | undefined;
    try {
        endpoint = endpointOf(index, vm);
    } catch {
        endpoint = undefined;
    }
    return {
        vm,
        name: props.vmName ?? vm.name,
        subnetId: config.subnet.id,
        pools: configs.flatMap((c) => c.loadBalancerBackendAddressPools ?? []).map((pool) => key(pool.id)),
        windows: props.osProfile?.windowsConfiguration !== undefined,
        region: normalizeRegion(props.location ?? ""),
        urns: [vm.urn, nic.urn, ...(children.get(key(vm.id)) ?? [])],
        endpoint,
    };
}

// ---- Flows ----

/** One NSG hop of a flow and the rule that decided it. */
interface Hop {
    rule: NsgRule;
    nsg: AttachedNsg;
    direction: "Outbound" | "Inbound";
}

/** The NSGs a flow meets, in Azure's order, each with its deciding rule, up to the first deny. */
function hopsOf(flow: Flow, from: Endpoint, to?: Endpoint): Hop[] {
    const inbound: Flow = { ...flow, direction: "Inbound" };
    const candidates = [
        { nsg: from.nicNsg, flow, vnet: from.vnetPrefixes },
        { nsg: from.subnetNsg, flow, vnet: from.vnetPrefixes },
        ...(to ? [to.subnetNsg, to.nicNsg].map((nsg) => ({ nsg, flow: inbound, vnet: to.vnetPrefixes })) : []),
    ];
    const hops: Hop[] = [];
    for (const { nsg, flow: hopFlow, vnet } of candidates) {
        if (nsg !== undefined) {
            const rule = decide(nsg.rules, hopFlow, vnet);
            hops.push({ rule, nsg, direction: hopFlow.direction });
            if (rule.access === "Deny") {
                break;
            }
        }
    }
    return hops;
}

function describeHop(hop: Hop): string {
    const way = hop.direction === "Outbound" ? "out" : "in";
    return `${way}: ${hop.rule.name} (${isDefaultRule(hop.rule) ? "Azure default" : hop.rule.priority})`;
}

/** What a flow comes to: allowed or denied, and by which rules. Equal verdicts draw one arrow. */
interface Verdict {
    allowed: boolean;
    rules: string[];
}

function verdictOf(hops: Hop[]): Verdict {
    const denied = hops.find((hop) => hop.rule.access === "Deny");
    if (denied) {
        return { allowed: false, rules: [describeHop(denied)] };
    }
    return { allowed: true, rules: hops.length > 0 ? hops.map(describeHop) : ["no NSG: Azure filters nothing"] };
}

/** A flow drawn from a group of sources to one destination, on one or more ports. */
interface FlowSpec {
    /** Names the arrow across plans: `to-proxy`, `internet`, `platform`, `tag:Storage.westeurope`. */
    name: string;
    to: string;
    ports: number[];
    /** What the ports stand for, after the port numbers. */
    what?: string;
    flow: (from: Endpoint, port: number) => Flow;
    destination?: Endpoint;
}

function tcpTo(destinationIp: string): (from: Endpoint, port: number) => Flow {
    return (from, port) => ({ direction: "Outbound", protocol: "Tcp", sourceIp: from.ip, destinationIp, destinationPort: port });
}

function tcpToTag(tag: string, prefixes: string[] | undefined): (from: Endpoint, port: number) => Flow {
    return (from, port) => ({ direction: "Outbound", protocol: "Tcp", sourceIp: from.ip, destinationTag: tag, destinationPort: port, destinationTagPrefixes: prefixes });
}

/**
 * The arrows of one flow from a group: one per distinct verdict. Members that reach the
 * destination by other rules than the rest get their own arrow, with their count.
 */
function flowEdges(groupId: string, members: Endpoint[], spec: FlowSpec, from = groupId): TopologyEdge[] {
    const arrows = new Map<string, { verdict: Verdict; ports: number[]; sources: number }>();
    for (const member of members) {
        // This member's ports, grouped by verdict: `TCP 80, 443` when both go the same way.
        const byVerdict = new Map<string, { verdict: Verdict; ports: number[] }>();
        for (const port of spec.ports) {
            const verdict = verdictOf(hopsOf(spec.flow(member, port), member, spec.destination));
            const signature = JSON.stringify(verdict);
            byVerdict.set(signature, { verdict, ports: [...(byVerdict.get(signature)?.ports ?? []), port] });
        }
        for (const [signature, { verdict, ports }] of byVerdict) {
            const arrow = `${signature}|${ports.join(",")}`;
            arrows.set(arrow, { verdict, ports, sources: (arrows.get(arrow)?.sources ?? 0) + 1 });
        }
    }
    return [...arrows.values()].map(({ verdict, ports, sources }, i) => {
        const head = `TCP ${ports.join(", ")}${spec.what ? ` (${spec.what})` : ""}${verdict.allowed ? "" : " denied"}`;
        const share = sources === members.length ? [] : [`${sources} of ${members.length} VMs`];
        return {
            id: `${groupId}->${spec.name}${i === 0 ? "" : `#${i}`}`,
            from,
            to: spec.to,
            kind: verdict.allowed ? "allowed" : "denied",
            lines: [head, ...verdict.rules, ...share],
        };
    });
}

// ---- Building the picture ----

function formatCount(count: number): string {
    return count.toLocaleString("en-US");
}

/** `app-vm-1, app-vm-2` or `app-vm-1 ... app-vm-1000`, in natural order. */
function memberNames(names: string[]): string {
    const sorted = [...names].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    return sorted.length <= NAMES_LISTED ? sorted.join(", ") : `${sorted[0]} … ${sorted[sorted.length - 1]}`;
}

function nsgUrns(plan: Pick<Plan, "resources">, nsg: PlannedResource, name: string): string[] {
    const rules = plan.resources.filter((r) => r.type === TYPES.securityRule && key(inputs<{ networkSecurityGroupName?: string }>(r).networkSecurityGroupName) === key(name));
    return [nsg.urn, ...rules.map((r) => r.urn)];
}

/** A picture being drawn: its elements so far, and the plan's network by id. */
class Sketch {
    readonly nodes = new Map<string, TopologyNode>();
    readonly edges: TopologyEdge[] = [];
    private readonly subnets: Map<string, PlannedResource>;
    private readonly vnets: Map<string, PlannedResource>;
    private readonly nsgs: Map<string, PlannedResource>;

    readonly index: PlanIndex;

    constructor(readonly plan: Pick<Plan, "resources" | "project" | "config">) {
        this.index = new PlanIndex(plan);
        this.subnets = indexById(plan, TYPES.subnet);
        this.vnets = indexById(plan, TYPES.vnet);
        this.nsgs = indexById(plan, TYPES.nsg);
    }

    /** Adds a node once; its id either way. */
    add(node: TopologyNode): string {
        if (!this.nodes.has(node.id)) {
            this.nodes.set(node.id, node);
        }
        return node.id;
    }

    /** A subnet's box, inside its VNet's, with the subnet's NSG in it; its id. */
    subnet(subnetId: string): string {
        const subnet = this.subnets.get(key(subnetId));
        const vnetId = subnetId.replace(/\/subnets\/[^/]+$/i, "");
        const vnet = this.vnets.get(key(vnetId));
        const vnetSpace = vnet ? (inputs<{ addressSpace?: { addressPrefixes?: string[] } }>(vnet).addressSpace?.addressPrefixes ?? []) : [];
        const parent = this.add({ id: `vnet:${key(vnetId)}`, kind: "vnet", lines: [`VNet ${lastSegment(vnetId)}`, vnetSpace.join(", ")].filter(Boolean), urns: vnet ? [vnet.urn] : [] });
        const props = subnet ? inputs<{ addressPrefix?: string; addressPrefixes?: string[]; networkSecurityGroup?: Reference }>(subnet) : {};
        const id = this.add({
            id: `subnet:${key(subnetId)}`,
            kind: "subnet",
            lines: [`subnet ${lastSegment(subnetId)}`, props.addressPrefix ?? (props.addressPrefixes ?? []).join(", ")].filter(Boolean),
            parent,
            urns: subnet ? [subnet.urn] : [],
        });
        const nsgId = props.networkSecurityGroup?.id;
        if (nsgId !== undefined) {
            const nsg = this.nsgs.get(key(nsgId));
            const urns = nsg ? nsgUrns(this.plan, nsg, lastSegment(nsgId)) : [];
            const ruleCount = nsg ? (inputs<{ securityRules?: unknown[] }>(nsg).securityRules ?? []).length + urns.length - 1 : 0;
            this.add({ id: `nsg:${key(subnetId)}`, kind: "nsg", lines: [`NSG ${lastSegment(nsgId)}`, nsg ? `${ruleCount} rules` : "not in the plan"], parent: id, urns });
        }
        return id;
    }

    topology(): Topology {
        return { nodes: [...this.nodes.values()], edges: this.edges };
    }
}

/** A box flows start from: a proxy, or a group of VMs. */
interface Source {
    id: string;
    members: PlacedVm[];
    /** A proxy's squid port. */
    port?: number;
}

/** Proxies: VMs whose cloud-init writes squid's configuration, each its own box. */
function drawProxies(sketch: Sketch, placed: PlacedVm[]): Source[] {
    return placed.flatMap((vm) => {
        const conf = squidConfOf(vm.vm, sketch.index);
        if (conf === undefined) {
            return [];
        }
        const port = parseSquidConf(conf).port;
        const id = sketch.add({
            id: `proxy:${key(vm.vm.id)}`,
            kind: "proxy",
            lines: [`proxy ${vm.name}`, `${vm.endpoint?.ip ?? "address unknown"}${port === undefined ? " · no http_port" : ` · squid :${port}`}`],
            parent: sketch.subnet(vm.subnetId),
            urns: vm.urns,
        });
        return [{ id, members: [vm], port }];
    });
}

/** Other VMs, grouped by subnet, OS and NIC NSG: one box per group, however many VMs. */
function drawVmGroups(sketch: Sketch, vms: PlacedVm[], protectedBy: Map<string, string>): Source[] {
    const groups = new Map<string, PlacedVm[]>();
    for (const vm of vms) {
        const groupKey = `vms:${key(vm.subnetId)}:${vm.windows ? "windows" : "linux"}:${key(vm.endpoint?.nicNsg?.name)}`;
        groups.set(groupKey, [...(groups.get(groupKey) ?? []), vm]);
    }
    return [...groups].map(([id, members]) => {
        const protectedCount = members.filter((vm) => protectedBy.has(key(vm.vm.id))).length;
        const nicNsg = members[0].endpoint?.nicNsg;
        sketch.add({
            id,
            kind: "vms",
            count: members.length,
            lines: [
                `${formatCount(members.length)} ${members[0].windows ? "Windows" : "Linux"} VM${members.length === 1 ? "" : "s"}`,
                memberNames(members.map((vm) => vm.name)),
                ...(nicNsg ? [`NIC NSG ${nicNsg.name}`] : []),
                `${formatCount(protectedCount)} protected`,
            ],
            parent: sketch.subnet(members[0].subnetId),
            urns: members.flatMap((vm) => vm.urns),
        });
        return { id, members };
    });
}

/** An internal load balancer rule in front of proxies: the address and port clients send to, and the proxies it hands flows to. */
interface Fronted {
    id: string;
    frontendIp: string;
    frontendPort: number;
    backendPort: number;
    /** The port of the health probe the rule names, if it names one. */
    probePort?: number;
    backends: Source[];
}

/** Whether a box's VM is in a pool: its NIC's IP configuration joins it, or the pool names its address. */
function inPool(vm: PlacedVm, poolId: string, addresses: (string | undefined)[]): boolean {
    return vm.pools.includes(poolId) || (vm.endpoint !== undefined && addresses.includes(vm.endpoint.ip));
}

/**
 * Load balancers, in the subnet of their private frontend (outside the VNet when public), and the
 * boxes their pools hold; the internal rules in front of proxies, which the clients' flows go through.
 */
function drawLoadBalancers(sketch: Sketch, sources: Source[], proxies: Source[]): Fronted[] {
    const fronted: Fronted[] = [];
    for (const lb of sketch.plan.resources.filter((r) => r.type === TYPES.loadBalancer)) {
        const props = inputs<LoadBalancerInputs>(lb);
        const internal = (props.frontendIPConfigurations ?? []).find((f) => f.subnet?.id !== undefined);
        const rules = (props.loadBalancingRules ?? []).map((rule) => `${rule.protocol ?? "Tcp"} ${rule.frontendPort ?? "?"}→${rule.backendPort ?? "?"}`);
        const id = sketch.add({
            id: `lb:${key(lb.id ?? lb.urn)}`,
            kind: "loadBalancer",
            lines: [
                `load balancer ${props.loadBalancerName ?? lb.name}`,
                internal ? `${internal.privateIPAddress ?? "dynamic address"} (internal)` : "public frontend",
                ...(rules.length > 0 ? [rules.join(", ")] : []),
            ],
            parent: internal?.subnet?.id ? sketch.subnet(internal.subnet.id) : undefined,
            urns: [lb.urn],
        });
        const front = fronted.length;
        for (const rule of props.loadBalancingRules ?? []) {
            const frontend = (props.frontendIPConfigurations ?? []).find((f) => key(`${lb.id}/frontendIPConfigurations/${f.name}`) === key(rule.frontendIPConfiguration?.id));
            const pool = (props.backendAddressPools ?? []).find((p) => key(`${lb.id}/backendAddressPools/${p.name}`) === key(rule.backendAddressPool?.id));
            const addresses = (pool?.loadBalancerBackendAddresses ?? []).map((member) => member.ipAddress);
            const backends = pool ? proxies.filter((proxy) => inPool(proxy.members[0], key(rule.backendAddressPool?.id), addresses)) : [];
            const probe = (props.probes ?? []).find((p) => key(`${lb.id}/probes/${p.name}`) === key(rule.probe?.id));
            if (frontend?.privateIPAddress !== undefined && rule.frontendPort !== undefined && backends.length > 0) {
                fronted.push({ id, frontendIp: frontend.privateIPAddress, frontendPort: rule.frontendPort, backendPort: rule.backendPort ?? rule.frontendPort, probePort: probe?.port, backends });
            }
        }
        for (const pool of props.backendAddressPools ?? []) {
            const poolId = key(`${lb.id}/backendAddressPools/${pool.name}`);
            const addresses = (pool.loadBalancerBackendAddresses ?? []).map((member) => member.ipAddress);
            // Proxies a rule fronts get the clients' flows from the balancer instead (frontedEdges).
            const onPath = fronted.slice(front).flatMap((rule) => rule.backends);
            for (const source of sources.filter((candidate) => !onPath.includes(candidate))) {
                const count = source.members.filter((vm) => inPool(vm, poolId, addresses)).length;
                if (count > 0) {
                    const lines = [`pool ${pool.name}`, `${formatCount(count)} VM${count === 1 ? "" : "s"}`];
                    sketch.edges.push({ id: `${id}->${source.id}:${pool.name}`, from: id, to: source.id, kind: "balances", lines });
                }
            }
        }
    }
    return fronted;
}

/** Vaults, and how many VMs of each box each protects. */
function drawVaults(sketch: Sketch, sources: Source[], protectedBy: Map<string, string>): void {
    for (const vault of sketch.plan.resources.filter((r) => r.type === TYPES.vault)) {
        const props = inputs<{ vaultName?: string; location?: string }>(vault);
        const name = props.vaultName ?? vault.name;
        const id = sketch.add({ id: `vault:${key(name)}`, kind: "vault", lines: [`vault ${name}`, props.location ?? ""].filter(Boolean), urns: [vault.urn] });
        for (const source of sources) {
            const count = source.members.filter((vm) => protectedBy.get(key(vm.vm.id)) === key(name)).length;
            if (count > 0) {
                sketch.edges.push({ id: `${id}->${source.id}`, from: id, to: source.id, kind: "protects", lines: [`protects ${formatCount(count)}`] });
            }
        }
    }
}

/**
 * Restore drills: the clones' box in the quarantine subnet (with its NSG), the vault restoring
 * into it, and the flows that show the quarantine: out to the platform address (allowed, the
 * clone's agent needs it), to the Internet and to every other box of the network (denied).
 */
function drawRestoreDrills(sketch: Sketch, sources: Source[]): void {
    for (const drill of drillJobs(sketch.plan.resources.map(asResource))) {
        if (drill.quarantineSubnetId === undefined) {
            continue;
        }
        const id = sketch.add({
            id: `drill:${key(drill.resource.name)}`,
            kind: "drill",
            lines: ["restore drill clones", drill.schedule ? `on "${drill.schedule}" UTC` : "on no schedule"],
            parent: sketch.subnet(drill.quarantineSubnetId),
            urns: [drill.resource.urn],
        });
        const vault = sketch.plan.resources.find((r) => r.type === TYPES.vault && key(r.id) === key(drill.vaultId));
        if (vault) {
            const vaultId = `vault:${key(inputs<{ vaultName?: string }>(vault).vaultName ?? vault.name)}`;
            sketch.edges.push({ id: `${vaultId}->${id}`, from: vaultId, to: id, kind: "restores", lines: [drill.vmNames?.length ? `restores ${drill.vmNames.join(", ")}` : "restores every VM"] });
        }
        let clone: Endpoint;
        try {
            clone = quarantineEndpoint(sketch.index, drill.quarantineSubnetId);
        } catch {
            continue;
        }
        const internet = sketch.add({ id: "internet", kind: "internet", lines: ["Internet"], urns: [] });
        const platform = sketch.add({ id: "platform", kind: "platform", lines: ["Azure platform", AZURE_PLATFORM_ADDRESS], urns: [] });
        const neighbours: FlowSpec[] = sources.flatMap((source) => {
            const endpoint = source.members[0]?.endpoint;
            return endpoint === undefined ? [] : [{ name: `to ${source.id}`, to: source.id, ports: [22, HTTPS], flow: tcpTo(endpoint.ip), destination: endpoint }];
        });
        for (const spec of [
            { name: "platform", to: platform, ports: PLATFORM_PORTS, flow: tcpTo(AZURE_PLATFORM_ADDRESS) },
            { name: "internet", to: internet, ports: [HTTPS], what: "any site", flow: tcpTo(INTERNET_PROBE_ADDRESS) },
            ...neighbours,
        ]) {
            sketch.edges.push(...flowEdges(id, [clone], spec));
        }
    }
}

/**
 * The flows readiness checks, from one box: a proxy to the Internet on 80-443; VMs to each
 * proxy's port, or without a proxy to the backup service tags; VMs to any other site (denied,
 * when the lockdown holds); and everyone to the platform address.
 */
function flowSpecs(sketch: Sketch, source: Source, proxies: Source[], fronted: Fronted[], tagPrefixes: readonly TagPrefixes[] | undefined): FlowSpec[] {
    const internet = sketch.add({ id: "internet", kind: "internet", lines: ["Internet"], urns: [] });
    const platform = sketch.add({ id: "platform", kind: "platform", lines: ["Azure platform", AZURE_PLATFORM_ADDRESS], urns: [] });
    const toPlatform: FlowSpec = { name: "platform", to: platform, ports: PLATFORM_PORTS, flow: tcpTo(AZURE_PLATFORM_ADDRESS) };
    if (proxies.includes(source)) {
        return [{ name: "internet", to: internet, ports: PROXY_EGRESS_PORTS, flow: tcpTo(INTERNET_PROBE_ADDRESS) }, toPlatform];
    }
    const behindBalancer = fronted.flatMap((lb) => lb.backends);
    const backup: FlowSpec[] =
        proxies.length > 0
            ? [
                  // The client's own NSGs see the frontend address as the destination (see frontedEdges).
                  ...fronted.map((lb) => ({ name: `to ${lb.id}`, to: lb.id, ports: [lb.frontendPort], flow: tcpTo(lb.frontendIp) })),
                  ...proxies.filter((proxy) => !behindBalancer.includes(proxy)).flatMap((proxy) => {
                  const endpoint = proxy.members[0].endpoint;
                      return proxy.port === undefined || endpoint === undefined ? [] : [{ name: `to ${proxy.id}`, to: proxy.id, ports: [proxy.port], flow: tcpTo(endpoint.ip), destination: endpoint }];
                  }),
              ]
            : !hasWayOut(sketch.index, source)
              ? []
              : BACKUP_SERVICE_TAGS.map(({ service, scope }) => {
                  const tag = scope === "global" ? service : `${service}.${source.members[0].region}`;
                  const to = sketch.add({ id: `tag:${key(tag)}`, kind: "serviceTag", lines: [`service tag ${tag}`], urns: [] });
                  const prefixes = tagPrefixes?.find((group) => group.service === service)?.prefixes;
                  return { name: `tag ${key(tag)}`, to, ports: [HTTPS], flow: tcpToTag(tag, prefixes) };
              });
    return [...backup, { name: "internet", to: internet, ports: [HTTPS], what: "any other site", flow: tcpTo(INTERNET_PROBE_ADDRESS) }, toPlatform];
}

/**
 * The balancer's health probes, from the platform address to each proxy's probed port, as the
 * proxy's inbound rules see them (the probe has no NSG of its own): a proxy they keep out is
 * marked down, and the balancer sends it nothing.
 */
function probeEdges(sketch: Sketch, lb: Fronted): TopologyEdge[] {
    if (lb.probePort === undefined) {
        return [];
    }
    const platform = sketch.add({ id: "platform", kind: "platform", lines: ["Azure platform", AZURE_PLATFORM_ADDRESS], urns: [] });
    return lb.backends.flatMap((proxy) => {
        const backend = proxy.members[0].endpoint;
        const probe: Endpoint = { ip: LOAD_BALANCER_PROBE_SOURCE, vnetPrefixes: backend?.vnetPrefixes ?? [], backendPools: [] };
        return backend === undefined
            ? []
            : flowEdges(platform, [probe], { name: `probe ${lb.id} to ${proxy.id}`, to: proxy.id, ports: [lb.probePort as number], what: "health probe", flow: tcpTo(backend.ip), destination: backend });
    });
}

/**
 * The second leg through an internal load balancer: from its frontend on to each proxy, as the
 * proxy's NSGs see it. The balancer keeps the client's address as the source and, with floating IP
 * off, puts the backend's own address in the destination, so the backend's inbound rules see
 * client -> backend address on the backend port, while the client's outbound rules saw the
 * frontend (policy/rulebook/loadBalancer.ts). Only the proxy's NSGs apply to this leg.
 */
function frontedEdges(source: Source, sourceName: string, endpoints: Endpoint[], lb: Fronted): TopologyEdge[] {
    // Only clients whose own NSGs let them reach the frontend go on.
    const clients = endpoints
        .filter((endpoint) => verdictOf(hopsOf(tcpTo(lb.frontendIp)(endpoint, lb.frontendPort), endpoint)).allowed)
        .map((endpoint) => ({ ...endpoint, nicNsg: undefined, subnetNsg: undefined }));
    return lb.backends.flatMap((proxy) => {
        const backend = proxy.members[0].endpoint;
        return backend === undefined
            ? []
            : flowEdges(source.id, clients, { name: `via ${lb.id} to ${proxy.id}`, to: proxy.id, ports: [lb.backendPort], what: `from ${sourceName}`, flow: tcpTo(backend.ip), destination: backend }, lb.id);
    });
}

/** Whether a box's VMs have a public way out; without one (connectivity "none") no service tag is drawn, as readiness checks none. */
function hasWayOut(index: PlanIndex, source: Source): boolean {
    return source.members.some((member) => publicWayOut(index, member.vm).length > 0);
}

/** The picture of a plan. */
export function buildTopology(plan: Pick<Plan, "resources" | "project" | "config">): Topology {
    const sketch = new Sketch(plan);
    const nics = indexById(plan, TYPES.nic);
    const children = vmChildren(plan);
    const placed = plan.resources
        .filter((r) => r.type === TYPES.vm)
        .map((vm) => placeVm(sketch.index, vm, nics, children))
        .filter((vm): vm is PlacedVm => vm !== undefined);
    const protectedBy = protectionOf(plan);
    const proxies = drawProxies(sketch, placed);
    const groups = drawVmGroups(sketch, placed.filter((vm) => !proxies.some((proxy) => proxy.members.includes(vm))), protectedBy);
    const sources = [...groups, ...proxies];
    const fronted = drawLoadBalancers(sketch, sources, proxies);
    drawVaults(sketch, sources, protectedBy);
    drawRestoreDrills(sketch, sources);
    const tagPrefixes = readinessOptions(plan).serviceTagPrefixes;
    for (const source of sources) {
        const endpoints = source.members.map((vm) => vm.endpoint).filter((e): e is Endpoint => e !== undefined);
        if (endpoints.length > 0) {
            for (const spec of flowSpecs(sketch, source, proxies, fronted, tagPrefixes)) {
                sketch.edges.push(...flowEdges(source.id, endpoints, spec));
            }
            if (!proxies.includes(source)) {
                sketch.edges.push(...fronted.flatMap((lb) => frontedEdges(source, sketch.nodes.get(source.id)?.lines[0] ?? source.id, endpoints, lb)));
            }
        }
    }
    sketch.edges.push(...fronted.flatMap((lb) => probeEdges(sketch, lb)));
    return sketch.topology();
}

/** Protected VMs (by lower-cased id) and the vault (by lower-cased name) that protects each. */
function protectionOf(plan: Pick<Plan, "resources">): Map<string, string> {
    return new Map(
        plan.resources
            .filter((r) => r.type === TYPES.protectedItem)
            .map((item) => inputs<{ vaultName?: string; properties?: { sourceResourceId?: string } }>(item))
            .filter((props) => props.properties?.sourceResourceId !== undefined)
            .map((props) => [key(props.properties?.sourceResourceId), key(props.vaultName)]),
    );
}

// ---- What a change does to the picture ----

function sameLines(a: string[], b: string[]): boolean {
    return a.length === b.length && a.every((line, i) => line === b[i]);
}

/**
 * The new plan's picture with what changed since the old one marked: elements only in the new
 * one are added, only in the old one removed (and drawn, so a reader sees what goes away),
 * and in both changed when their label differs or a resource they stand for changes.
 */
export function markChanges(before: Topology, after: Topology, changes: readonly ResourceChange[]): Topology {
    const changedUrns = new Set(changes.map((change) => change.urn));
    const oldNodes = new Map(before.nodes.map((node) => [node.id, node]));
    const newIds = new Set(after.nodes.map((node) => node.id));
    const nodes: TopologyNode[] = after.nodes.map((node) => {
        const old = oldNodes.get(node.id);
        if (old === undefined) {
            return { ...node, mark: "added" };
        }
        const recount = old.count !== undefined && old.count !== node.count ? [`was ${formatCount(old.count)}`] : [];
        const changed = !sameLines(old.lines, node.lines) || node.urns.some((urn) => changedUrns.has(urn));
        return changed ? { ...node, lines: [...node.lines, ...recount], mark: "changed" } : node;
    });
    nodes.push(...before.nodes.filter((node) => !newIds.has(node.id)).map((node): TopologyNode => ({ ...node, mark: "removed" })));
    const oldEdges = new Map(before.edges.map((edge) => [edge.id, edge]));
    const newEdgeIds = new Set(after.edges.map((edge) => edge.id));
    const edges: TopologyEdge[] = after.edges.map((edge) => {
        const old = oldEdges.get(edge.id);
        if (old === undefined) {
            return { ...edge, mark: "added" };
        }
        return sameLines(old.lines, edge.lines) && old.kind === edge.kind ? edge : { ...edge, mark: "changed" };
    });
    edges.push(...before.edges.filter((edge) => !newEdgeIds.has(edge.id)).map((edge): TopologyEdge => ({ ...edge, mark: "removed" })));
    return { nodes, edges };
}

// ---- Drawing ----

const MARK_WORDS: Record<Mark, string> = { added: "NEW", changed: "CHANGED", removed: "REMOVED" };

/** Short ids for both notations, in a fixed order, and each node's children. */
function layout(topology: Topology): { ids: Map<string, string>; children: Map<string | undefined, TopologyNode[]> } {
    const ids = new Map(topology.nodes.map((node, i) => [node.id, `n${i}`]));
    const children = new Map<string | undefined, TopologyNode[]>();
    for (const node of topology.nodes) {
        const parent = node.parent !== undefined && ids.has(node.parent) ? node.parent : undefined;
        children.set(parent, [...(children.get(parent) ?? []), node]);
    }
    return { ids, children };
}

function labelLines(item: { lines: string[]; mark?: Mark }): string[] {
    return item.mark ? [MARK_WORDS[item.mark], ...item.lines] : item.lines;
}

/** Mermaid's entity codes keep quotes, angle brackets and `#` from ending or breaking a label. */
function mermaidText(lines: string[]): string {
    return lines.map((line) => line.replace(/#/g, "#35;").replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;")).join("<br/>");
}

const MERMAID_SHAPES: Record<NodeKind, [string, string]> = {
    vnet: ["[", "]"],
    subnet: ["[", "]"],
    nsg: ["{{", "}}"],
    proxy: ["(", ")"],
    loadBalancer: ["[/", "\\]"],
    vms: ["[[", "]]"],
    vault: ["[(", ")]"],
    internet: ["((", "))"],
    platform: ["([", "])"],
    serviceTag: ["([", "])"],
    drill: ["[/", "/]"],
};

const COLORS = {
    added: "#1a7f37",
    changed: "#bf8700",
    removed: "#cf222e",
    allowed: "#0969da",
    denied: "#cf222e",
    quiet: "#6e7781",
};

/** The picture as a Mermaid flowchart, which GitHub renders in comments and Markdown files. */
export function toMermaid(topology: Topology): string {
    const { ids, children } = layout(topology);
    const lines = ["flowchart LR"];
    const write = (parent: string | undefined, indent: string): void => {
        for (const node of children.get(parent) ?? []) {
            const id = ids.get(node.id) as string;
            if (node.kind === "vnet" || node.kind === "subnet") {
                // One line: Mermaid lays a subgraph's title over its first node when it has more.
                lines.push(`${indent}subgraph ${id}["${mermaidText([labelLines(node).join(" · ")])}"]`, `${indent}  direction TB`);
                write(node.id, `${indent}  `);
                lines.push(`${indent}end`);
            } else {
                const [open, close] = MERMAID_SHAPES[node.kind];
                lines.push(`${indent}${id}${open}"${mermaidText(labelLines(node))}"${close}`);
            }
        }
    };
    write(undefined, "  ");
    const linkStyles: string[] = [];
    topology.edges.forEach((edge, i) => {
        const arrow = edge.kind === "allowed" || edge.kind === "balances" ? "-->" : "-.->";
        lines.push(`  ${ids.get(edge.from)} ${arrow}|"${mermaidText(labelLines(edge))}"| ${ids.get(edge.to)}`);
        const color = edge.mark ? COLORS[edge.mark] : edge.kind === "denied" ? COLORS.denied : edge.kind === "protects" || edge.kind === "restores" ? COLORS.quiet : COLORS.allowed;
        linkStyles.push(`  linkStyle ${i} stroke:${color},stroke-width:${edge.mark ? 3 : 1.5}px${edge.mark === "removed" ? ",stroke-dasharray:6 4" : ""}`);
    });
    lines.push(...linkStyles);
    lines.push(
        `  classDef added stroke:${COLORS.added},stroke-width:3px`,
        `  classDef changed stroke:${COLORS.changed},stroke-width:3px`,
        `  classDef removed stroke:${COLORS.removed},stroke-width:3px,stroke-dasharray:6 4,color:${COLORS.quiet}`,
    );
    for (const mark of ["added", "changed", "removed"] as Mark[]) {
        const marked = topology.nodes.filter((node) => node.mark === mark).map((node) => ids.get(node.id));
        if (marked.length > 0) {
            lines.push(`  class ${marked.join(",")} ${mark}`);
        }
    }
    return lines.join("\n") + "\n";
}

/** An HTML-like label: the mark and the first line in bold; cluster titles left-aligned. */
function dotText(lines: string[], mark?: Mark, align = ""): string {
    const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    const [first, ...rest] = lines.map(escape);
    const head = mark ? [`<B>${MARK_WORDS[mark]}</B>`] : [];
    const br = align ? `<BR ALIGN="${align}"/>` : "<BR/>";
    return `<${[...head, `<B>${first}</B>`, ...rest].join(br)}${align ? br : ""}>`;
}

const DOT_NODE_STYLE: Record<NodeKind, string> = {
    vnet: "",
    subnet: "",
    nsg: 'shape=hexagon style=filled fillcolor="#fff8c5"',
    proxy: 'shape=box style="rounded,filled" fillcolor="#ddf4ff"',
    loadBalancer: 'shape=trapezium style=filled fillcolor="#ddf4ff"',
    vms: 'shape=box3d style=filled fillcolor="#f6f8fa"',
    vault: 'shape=cylinder style=filled fillcolor="#fbefff"',
    internet: 'shape=ellipse style=filled fillcolor="#ffffff"',
    platform: 'shape=box style="rounded,filled" fillcolor="#ffffff"',
    serviceTag: 'shape=box style="rounded,filled" fillcolor="#ffffff"',
    drill: 'shape=parallelogram style=filled fillcolor="#fff1e5"',
};

/**
 * Graphviz sizes boxes with its own metrics for the font named (it has DejaVu Sans's); DejaVu
 * is among the widest sans fonts, so a viewer falling back to Verdana, Helvetica or Arial still
 * fits every label in its box (see {@link toSvg}).
 */
const DOT_FONT = "DejaVu Sans";
const SVG_FONTS = `${DOT_FONT},Verdana,Helvetica,Arial,sans-serif`;

/** The picture as Graphviz DOT. */
export function toDot(topology: Topology): string {
    const { ids, children } = layout(topology);
    const font = `fontname="${DOT_FONT}" fontsize=11`;
    const lines = [
        "digraph topology {",
        `  graph [rankdir=LR ${font} nodesep=0.9 ranksep=1.6 pad=0.3 compound=true newrank=true]`,
        `  node [${font} margin="0.15,0.08"]`,
        `  edge [${font} fontsize=10 arrowsize=0.8]`,
    ];
    const write = (parent: string | undefined, indent: string): void => {
        for (const node of children.get(parent) ?? []) {
            const id = ids.get(node.id) as string;
            const markStyle = node.mark ? ` color="${COLORS[node.mark]}" penwidth=3${node.mark === "removed" ? ' fontcolor="#6e7781"' : ""}` : "";
            if (node.kind === "vnet" || node.kind === "subnet") {
                const fill = node.kind === "vnet" ? "#f6f8fa" : "#ffffff";
                const removed = node.mark === "removed" ? ' style="dashed,filled"' : ' style="rounded,filled"';
                lines.push(`${indent}subgraph cluster_${id} {`, `${indent}  label=${dotText(node.lines, node.mark, "LEFT")} labeljust=l${removed} fillcolor="${fill}"${markStyle || ' color="#8c959f"'}`);
                write(node.id, `${indent}  `);
                lines.push(`${indent}}`);
            } else {
                const dashed = node.mark === "removed" ? ' style="dashed"' : "";
                lines.push(`${indent}${id} [label=${dotText(node.lines, node.mark)} ${DOT_NODE_STYLE[node.kind]}${markStyle}${dashed}]`);
            }
        }
    };
    write(undefined, "  ");
    for (const edge of topology.edges) {
        const base = edge.kind === "denied" ? `style=dashed color="${COLORS.denied}" fontcolor="${COLORS.denied}"` : edge.kind === "protects" || edge.kind === "restores" ? `style=dotted color="${COLORS.quiet}" fontcolor="${COLORS.quiet}"` : `color="${COLORS.allowed}"`;
        const mark = edge.mark ? ` color="${COLORS[edge.mark]}" penwidth=2.5${edge.mark === "removed" ? " style=dashed" : ""}` : "";
        lines.push(`  ${ids.get(edge.from)} -> ${ids.get(edge.to)} [label=${dotText(edge.lines, edge.mark)} ${base}${mark}]`);
    }
    lines.push("}");
    return lines.join("\n") + "\n";
}

/** The picture as SVG, laid out by Graphviz (WebAssembly, no browser). */
export async function toSvg(topology: Topology): Promise<string> {
    const viz = await instance();
    const svg = viz.renderString(toDot(topology), { format: "svg", engine: "dot" });
    return svg.split(`font-family="${DOT_FONT}"`).join(`font-family="${SVG_FONTS}"`);
}

/** `out/topology.md`: the Mermaid picture, a legend, and the flows as a table for readers without Mermaid. */
export function topologyMarkdown(topology: Topology, svgName = "topology.svg"): string {
    const names = new Map(topology.nodes.map((node) => [node.id, node.lines[0]]));
    const cell = (text: string) => text.replace(/\|/g, "\\|");
    const flows = topology.edges
        .filter((edge) => edge.kind === "allowed" || edge.kind === "denied")
        .map((edge) => {
            const [head, ...rules] = edge.lines;
            const mark = edge.mark ? `**${MARK_WORDS[edge.mark]}** ` : "";
            return `| ${cell(names.get(edge.from) ?? edge.from)} | ${cell(names.get(edge.to) ?? edge.to)} | ${mark}${cell(head)} | ${cell(rules.join("; "))} |`;
        });
    const marked = topology.nodes.some((node) => node.mark) || topology.edges.some((edge) => edge.mark);
    return [
        "## Topology",
        "",
        "```mermaid",
        toMermaid(topology).trimEnd(),
        "```",
        "",
        `Solid arrows are flows the NSGs allow, labelled with the rule that decides at each NSG (out: the source's, in: the destination's); dashed red arrows are flows they deny; dotted arrows are what each vault protects, and restores into a restore drill's quarantine. VMs are grouped per subnet with a count.${marked ? " **NEW**, **CHANGED** and **REMOVED** mark what changes against the base plan." : ""} The same picture is in \`${svgName}\`.`,
        "",
        "<details><summary>The flows as a table</summary>",
        "",
        "| from | to | flow | decided by |",
        "| --- | --- | --- | --- |",
        ...flows,
        "",
        "</details>",
        "",
    ].join("\n");
}
