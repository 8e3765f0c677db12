/**
 * The shape of the deployment a plan asks Azure for: the longest chain of resources that must
 * be created one after another (the critical path), weighted by typical provisioning times, and
 * how long the whole deployment takes once Azure Resource Manager's write throttling is counted.
 *
 * A resource waits for its dependencies and its parent. Components are created by Pulumi
 * alone, in no time, and so are keys and passwords generated locally: they weigh nothing and
 * disappear from the path.
 */
import { PlannedResource, SECRET } from "../plan/engine";

export interface Seconds {
    typical: number;
    low: number;
    high: number;
}

/**
 * How long Azure takes to create one resource of each type, in seconds: estimates from
 * experience of ARM deployments (the `duration` of each operation in
 * `az deployment operation group list`, Pulumi's per-resource timings), not guarantees.
 */
export const PROVISIONING_SECONDS: Record<string, Seconds> = {
    "azure-native:resources:ResourceGroup": { typical: 2, low: 1, high: 5 },
    "azure-native:network:VirtualNetwork": { typical: 8, low: 5, high: 15 },
    "azure-native:network:Subnet": { typical: 5, low: 3, high: 10 },
    "azure-native:network:NetworkSecurityGroup": { typical: 5, low: 2, high: 10 },
    "azure-native:network:SecurityRule": { typical: 5, low: 2, high: 10 },
    "azure-native:network:PublicIPAddress": { typical: 5, low: 3, high: 10 },
    "azure-native:network:NetworkInterface": { typical: 5, low: 2, high: 10 },
    "azure-native:compute:VirtualMachine": { typical: 90, low: 60, high: 180 },
    "azure-native:compute:VirtualMachineRunCommandByVirtualMachine": { typical: 60, low: 30, high: 120 },
    "azure-native:network:NatGateway": { typical: 10, low: 5, high: 20 },
    "azure-native:network:LoadBalancer": { typical: 15, low: 5, high: 60 },
    "azure-native:compute:AvailabilitySet": { typical: 5, low: 2, high: 15 },
    "azure-native:recoveryservices:Vault": { typical: 20, low: 10, high: 30 },
    "azure-native:recoveryservices:ProtectionPolicy": { typical: 5, low: 3, high: 10 },
    "azure-native:recoveryservices:ProtectedItem": { typical: 90, low: 60, high: 120 },
    "azure-native:authorization:ManagementLockByScope": { typical: 3, low: 1, high: 10 },
    "azure-native:monitor:MetricAlert": { typical: 10, low: 5, high: 30 },
    "azure-native:monitor:ActionGroup": { typical: 5, low: 2, high: 15 },
    "azure-native:alertsmanagement:AlertProcessingRuleByName": { typical: 5, low: 2, high: 15 },
    "azure-native:monitor:DiagnosticSetting": { typical: 5, low: 2, high: 15 },
    "azure-native:operationalinsights:Workspace": { typical: 15, low: 5, high: 30 },
    "azure-native:monitor:DataCollectionRule": { typical: 5, low: 2, high: 15 },
    "azure-native:monitor:DataCollectionRuleAssociation": { typical: 5, low: 2, high: 15 },
    "azure-native:compute:VirtualMachineExtension": { typical: 60, low: 30, high: 180 },
    "azure-native:monitor:ScheduledQueryRule": { typical: 10, low: 5, high: 30 },
};

const LOCAL: Seconds = { typical: 0, low: 0, high: 0 };
const AZURE = "azure-native:";

/** Whether creating the resource is a call to Azure (one ARM write), rather than Pulumi's own work. */
export function isAzureCreate(resource: PlannedResource): boolean {
    return resource.custom && resource.type.startsWith(AZURE);
}

/** The provisioning time of a resource; an Azure type without a figure is an error, so none is silently free. */
export function provisioningSeconds(resource: PlannedResource): Seconds {
    if (!isAzureCreate(resource)) {
        return LOCAL;
    }
    const seconds = PROVISIONING_SECONDS[resource.type];
    if (!seconds) {
        throw new Error(`no provisioning time for ${resource.type}: add it to PROVISIONING_SECONDS`);
    }
    return seconds;
}

/** What a resource waits for before it is created: its dependencies and its parent. */
export function predecessors(resource: PlannedResource): string[] {
    return resource.parent ? [...resource.dependencies, resource.parent] : resource.dependencies;
}

interface Graph {
    byUrn: Map<string, PlannedResource>;
    /** The predecessors of each resource that are in the plan. */
    waitsFor: Map<string, string[]>;
    dependents: Map<string, string[]>;
}

function graph(resources: PlannedResource[]): Graph {
    const byUrn = new Map(resources.map((resource) => [resource.urn, resource]));
    const waitsFor = new Map(resources.map((resource) => [resource.urn, predecessors(resource).filter((urn) => byUrn.has(urn))]));
    const dependents = new Map<string, string[]>(resources.map((resource) => [resource.urn, []]));
    for (const [urn, before] of waitsFor) {
        before.forEach((predecessor) => dependents.get(predecessor)?.push(urn));
    }
    return { byUrn, waitsFor, dependents };
}

/** Resources in an order where each comes after everything it waits for; a cycle is an error. */
export function topologicalOrder(resources: PlannedResource[]): PlannedResource[] {
    const { byUrn, waitsFor, dependents } = graph(resources);
    const left = new Map([...waitsFor].map(([urn, before]) => [urn, before.length]));
    const order = resources.filter((resource) => left.get(resource.urn) === 0);
    for (let i = 0; i < order.length; i++) {
        for (const dependent of dependents.get(order[i].urn) ?? []) {
            left.set(dependent, (left.get(dependent) as number) - 1);
            if (left.get(dependent) === 0) {
                order.push(byUrn.get(dependent) as PlannedResource);
            }
        }
    }
    if (order.length !== resources.length) {
        throw new Error("the plan's dependencies form a cycle");
    }
    return order;
}

export interface Step {
    resource: PlannedResource;
    start: number;
    finish: number;
}

export interface CriticalPath {
    /** The Azure creates on the path, first to last, with their earliest start and finish. */
    steps: Step[];
    seconds: number;
}

/**
 * The longest chain of creates, with unlimited parallelism: each resource starts when the last
 * of its predecessors has finished. Ties go to the predecessor listed first and the resource
 * planned first, so the path is reproducible.
 */
export function criticalPath(resources: PlannedResource[], estimate: keyof Seconds = "typical"): CriticalPath {
    const { byUrn, waitsFor } = graph(resources);
    const timing = new Map<string, { start: number; finish: number; after?: string }>();
    for (const resource of topologicalOrder(resources)) {
        const before = waitsFor.get(resource.urn) as string[];
        const start = Math.max(0, ...before.map((urn) => timing.get(urn)?.finish ?? 0));
        const after = before.find((urn) => timing.get(urn)?.finish === start);
        timing.set(resource.urn, { start, finish: start + provisioningSeconds(resource)[estimate], after });
    }
    let last = resources.reduce<string | undefined>(
        (best, { urn }) => (best === undefined || (timing.get(urn)?.finish ?? 0) > (timing.get(best)?.finish ?? 0) ? urn : best),
        undefined,
    );
    const steps: Step[] = [];
    for (; last !== undefined; last = timing.get(last)?.after) {
        const resource = byUrn.get(last) as PlannedResource;
        const { start, finish } = timing.get(last) as { start: number; finish: number };
        if (isAzureCreate(resource)) {
            steps.unshift({ resource, start, finish });
        }
    }
    return { steps, seconds: steps.length > 0 ? steps[steps.length - 1].finish : 0 };
}

/**
 * How a resource's inputs show that it uses another: its ARM id, its Azure name, a value
 * carrying its name, or a secret input, which offline cannot be looked into.
 */
export type Usage = "id" | "name" | "value" | "secret" | "serialized" | "locked" | "address" | "one at a time";

/** Every string in a value, however deeply nested. */
export function strings(value: unknown): string[] {
    if (typeof value === "string") {
        return [value];
    }
    if (Array.isArray(value)) {
        return value.flatMap(strings);
    }
    if (value && typeof value === "object") {
        return Object.values(value).flatMap(strings);
    }
    return [];
}

const RUN_COMMAND = "azure-native:compute:VirtualMachineRunCommandByVirtualMachine";
const LOAD_BALANCER = "azure-native:network:LoadBalancer";
const NIC = "azure-native:network:NetworkInterface";

/** Azure takes one change at a time to a VNet's subnets and to an NSG's rules. */
const SERIALIZED_CHILD_TYPES = new Set(["azure-native:network:Subnet", "azure-native:network:SecurityRule"]);

/** Two children of one ARM parent that Azure changes one at a time: their order is a real dependency. */
function serializedByAzure(dependent: PlannedResource, dependency: PlannedResource): boolean {
    const parentId = (resource: PlannedResource) => resource.id?.split("/").slice(0, -2).join("/");
    return dependent.type === dependency.type && SERIALIZED_CHILD_TYPES.has(dependent.type) && parentId(dependent) === parentId(dependency);
}

/**
 * How `dependent` uses `dependency`, judged from the plan alone: one of its inputs is the
 * dependency's ARM id or its Azure name (the last segment of that id), or, for what has no ARM
 * id (a generated key or password), holds a value that names it or is a secret. Undefined when
 * no input shows a use: the dependency is then suspect, a resource waiting for one it does not
 * need.
 */
export function usage(dependent: PlannedResource, dependency: PlannedResource): Usage | undefined {
    const values = strings(dependent.inputs);
    const id = dependency.id ?? "";
    if (serializedByAzure(dependent, dependency)) {
        return "serialized";
    }
    // Run Commands of one name on several VMs (the proxies') roll out one VM after the other.
    if (dependent.type === RUN_COMMAND && dependency.type === RUN_COMMAND && dependent.inputs.runCommandName === dependency.inputs.runCommandName) {
        return "one at a time";
    }
    // A load balancer whose pool names a NIC's address waits for the NIC: Azure refuses an address in use twice.
    const nicAddresses = strings((dependency.inputs as { ipConfigurations?: unknown }).ipConfigurations).filter((value) => /^\d+\.\d+\.\d+\.\d+$/.test(value));
    if (dependent.type === LOAD_BALANCER && dependency.type === NIC && nicAddresses.some((address) => values.includes(address))) {
        return "address";
    }
    // A lock covers what lives under its scope; waiting for it makes a teardown lift the lock first.
    if (dependent.type === "azure-native:authorization:ManagementLockByScope" && id.startsWith(`${String(dependent.inputs.scope)}/`)) {
        return "locked";
    }
    if (id.startsWith("/subscriptions/")) {
        if (values.includes(id)) {
            return "id";
        }
        const azureName = id.split("/").pop() as string;
        return values.includes(azureName) ? "name" : undefined;
    }
    if (values.some((value) => value.includes(dependency.name))) {
        return "value";
    }
    return values.includes(SECRET) ? "secret" : undefined;
}

export interface Edge {
    dependent: PlannedResource;
    dependency: PlannedResource;
    usage: Usage | undefined;
}

/** Every dependency between two Azure creates, with how the dependent uses it. */
export function dependencyEdges(resources: PlannedResource[]): Edge[] {
    const byUrn = new Map(resources.map((resource) => [resource.urn, resource]));
    return resources.flatMap((dependent) =>
        dependent.dependencies
            .map((urn) => byUrn.get(urn))
            .filter((dependency): dependency is PlannedResource => dependency !== undefined && dependency.custom)
            .map((dependency) => ({ dependent, dependency, usage: usage(dependent, dependency) })),
    );
}

/** The dependencies between consecutive steps of a path, with how each is used. */
export function pathEdges(path: CriticalPath): Edge[] {
    return path.steps.slice(1).map((step, i) => {
        const dependency = path.steps[i].resource;
        return { dependent: step.resource, dependency, usage: usage(step.resource, dependency) };
    });
}

/**
 * Azure Resource Manager's write throttling: a token bucket per subscription, region and
 * principal that holds 200 writes and refills 10 a second.
 * https://learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling
 */
export interface WriteThrottle {
    bucket: number;
    refillPerSecond: number;
}

export const ARM_WRITE_THROTTLE: WriteThrottle = { bucket: 200, refillPerSecond: 10 };

/**
 * When the last resource is created if Pulumi starts every create as soon as its predecessors
 * are done (its default parallelism is unbounded) and each Azure create spends one write token,
 * waiting for one when the bucket is empty. Creates are issued in the order they become ready.
 */
export function throttledDeployment(resources: PlannedResource[], throttle: WriteThrottle = ARM_WRITE_THROTTLE, estimate: keyof Seconds = "typical"): number {
    const { byUrn, waitsFor, dependents } = graph(resources);
    const left = new Map([...waitsFor].map(([urn, before]) => [urn, before.length]));
    const readyAt = new Map<string, number>();
    const ready = new Map(resources.filter((resource) => left.get(resource.urn) === 0).map((resource) => [resource.urn, 0]));
    let tokens = throttle.bucket;
    let clock = 0;
    let end = 0;
    while (ready.size > 0) {
        // Ready times never decrease from one pick to the next: a dependent is ready after its predecessor started.
        const [urn, readyTime] = [...ready].reduce((first, next) => (next[1] < first[1] ? next : first));
        ready.delete(urn);
        const resource = byUrn.get(urn) as PlannedResource;
        let start = readyTime;
        if (isAzureCreate(resource)) {
            start = Math.max(readyTime, clock);
            tokens = Math.min(throttle.bucket, tokens + (start - clock) * throttle.refillPerSecond);
            if (tokens < 1) {
                start += (1 - tokens) / throttle.refillPerSecond;
                tokens = 1;
            }
            tokens -= 1;
            clock = start;
        }
        const finish = start + provisioningSeconds(resource)[estimate];
        end = Math.max(end, finish);
        for (const dependent of dependents.get(urn) ?? []) {
            readyAt.set(dependent, Math.max(readyAt.get(dependent) ?? 0, finish));
            left.set(dependent, (left.get(dependent) as number) - 1);
            if (left.get(dependent) === 0) {
                ready.set(dependent, readyAt.get(dependent) as number);
            }
        }
    }
    return end;
}
