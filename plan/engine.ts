/**
 * Runs a Pulumi program against the SDK's mock engine and records what it would ask the
 * providers for: no Pulumi CLI, no provider plugins, no cloud credentials.
 */
import * as pulumi from "@pulumi/pulumi";
import { uuidV5 } from "../lib/uuid";
import { azureName, mockArmId } from "./armIds";
import { mockInvoke } from "./mockInvokes";
import { offlineRegions, RegionSource, useRegionSource } from "../lib/regionData";
import { offlineVmSizes, useVmSizeSource, VmSizeSource } from "../lib/vmSizeData";

export interface PlannedResource {
    urn: string;
    type: string;
    name: string;
    /** The mock id, shaped like the ARM id Azure would return. */
    id?: string;
    parent?: string;
    /** False for component resources. */
    custom: boolean;
    /** The inputs as the provider would receive them; secrets as "[secret]". */
    inputs: Record<string, unknown>;
    /** URNs this resource waits for. */
    dependencies: string[];
    /** Resource options that change how Pulumi treats the resource. */
    options: { protect?: boolean; ignoreChanges?: string[]; replaceOnChanges?: string[]; deleteBeforeReplace?: boolean; retainOnDelete?: boolean };
}

/** A provider function the program called to read an existing resource; offline its answer is made up. */
export interface Lookup {
    token: string;
    inputs: Record<string, unknown>;
}

export interface Plan {
    project: string;
    stack: string;
    config: Record<string, string>;
    resources: PlannedResource[];
    outputs: Record<string, unknown>;
    lookups: Lookup[];
}

export interface PlanRequest {
    project: string;
    stack: string;
    /** Fully qualified keys (`project:key`, `azure-native:location`) to values as Pulumi passes them. */
    config: Record<string, string>;
    secretKeys?: string[];
    /** Loads the program; its exports become the stack outputs. */
    program: () => unknown;
    /** Answers a provider function differently from the offline plan's made-up resources (tests: a Windows VM, a VM elsewhere). */
    invoke?: (token: string, inputs: Record<string, any>) => Record<string, unknown> | undefined;
    /** Where the program reads Azure's regions and sizes; the offline extracts unless a test reads a fake Azure. */
    azure?: { regions: RegionSource; vmSizes: VmSizeSource };
}

export const SECRET = "[secret]";
export const UNKNOWN = "[unknown]";

const { specialSigKey, specialSecretSig, specialResourceSig, unknownValue } = pulumi.runtime;
const STACK_TYPE = "pulumi:pulumi:Stack";

/** Turns a wire value into plain JSON: secrets and unknowns become markers, resource references their URN. */
export function toPlain(value: unknown): unknown {
    if (value === unknownValue) {
        return UNKNOWN;
    }
    if (Array.isArray(value)) {
        return value.map(toPlain);
    }
    if (value && typeof value === "object") {
        const record = value as Record<string, unknown>;
        if (record[specialSigKey] === specialSecretSig) {
            return SECRET;
        }
        if (record[specialSigKey] === specialResourceSig) {
            return record.urn;
        }
        return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, toPlain(item)]));
    }
    return value;
}

/**
 * The URN the engine gives a registered resource: the parent's qualified type (its whole chain of
 * component types) joined to the type with `$`, except for the root stack (Deployment.generateURN
 * in pulumi/pulumi pkg/resource/deploy/deployment.go, urn.New in sdk/go/common/resource/urn/urn.go).
 */
export function engineUrn(stack: string, project: string, parent: string | undefined, type: string, name: string): string {
    const parentType = parent?.split("::")[2];
    const qualifiedType = parentType && parentType !== STACK_TYPE ? `${parentType}$${type}` : type;
    return `urn:pulumi:${stack}::${project}::${qualifiedType}::${name}`;
}

/** Values the mock provider returns beyond the inputs, where the program reads them. */
/** The tenant of the mock identities. */
const MOCK_TENANT = "00000000-0000-0000-0000-0000000000aa";

function computedOutputs(type: string, name: string, inputs: Record<string, unknown>, count: number): Record<string, unknown> {
    switch (type) {
        case "azure-native:network:PublicIPAddress":
            // A documentation address (RFC 5737): never a real host.
            return { ipAddress: `203.0.113.${count % 250}` };
        case "random:index/randomPassword:RandomPassword":
            return { result: `mock-password-${name}` };
        case "tls:index/privateKey:PrivateKey":
            return {
                publicKeyOpenssh: `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAACAQ-mock-${name}\n`,
                privateKeyOpenssh: `-----BEGIN OPENSSH PRIVATE KEY-----\nmock-${name}\n-----END OPENSSH PRIVATE KEY-----\n`,
                privateKeyPem: `-----BEGIN RSA PRIVATE KEY-----\nmock-${name}\n-----END RSA PRIVATE KEY-----\n`,
            };
        case "azure-native:authorization:PolicyAssignment": {
            // A system-assigned identity's principal, stable per assignment.
            const identity = inputs.identity as { type?: string } | undefined;
            const principalId = uuidV5(`mock-principal|${name}`);
            return { name: azureName(type, name, inputs), ...(identity?.type === "SystemAssigned" ? { identity: { ...identity, principalId, tenantId: MOCK_TENANT } } : {}) };
        }
        default:
            return { name: azureName(type, name, inputs) };
    }
}

/** Runs the program under mocks and returns its plan; rejects with the program's own error. */
export async function runPlan(request: PlanRequest): Promise<Plan> {
    const resources: PlannedResource[] = [];
    const lookups: Lookup[] = [];
    const location = request.config["azure-native:location"] ?? "westeurope";
    let stackOutputs: Record<string, unknown> = {};
    let created = 0;

    useVmSizeSource(request.azure?.vmSizes ?? offlineVmSizes);
    useRegionSource(request.azure?.regions ?? offlineRegions);
    await pulumi.runtime.setMocks(
        {
            newResource: (args) => {
                created += 1;
                const state = { ...args.inputs, ...computedOutputs(args.type, args.name, args.inputs, created) };
                return { id: mockArmId(args.type, args.name, args.inputs), state };
            },
            call: (args) => {
                lookups.push({ token: args.token, inputs: toPlain(args.inputs) as Record<string, unknown> });
                return request.invoke?.(args.token, args.inputs) ?? mockInvoke(args.token, args.inputs, location);
            },
        },
        request.project,
        request.stack,
        false,
    );
    pulumi.runtime.setAllConfig(request.config, request.secretKeys ?? []);

    // The SDK's mock monitor neither reports parents and dependencies nor writes URNs the way
    // the engine does (it prefixes a child's type with its parent's own type only, the stack's
    // included): wrap it to do both.
    const monitor = pulumi.runtime.getMonitor() as any;
    monitor.newUrn = (parent: string | undefined, type: string, name: string) => engineUrn(request.stack, request.project, parent, type, name);
    const registerResource = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req: any, callback: (err: unknown, response: any) => void) =>
        registerResource(req, (err: unknown, response: any) => {
            if (!err) {
                markSecretOutputs(response, req.getAdditionalsecretoutputsList());
            }
            if (!err && req.getType() !== STACK_TYPE) {
                resources.push({
                    urn: response.getUrn(),
                    type: req.getType(),
                    name: req.getName(),
                    id: response.getId() || undefined,
                    parent: parentOf(req.getParent()),
                    custom: req.getCustom(),
                    inputs: toPlain(req.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>,
                    dependencies: [...new Set<string>(req.getDependenciesList())].filter((urn) => parentOf(urn) !== undefined).sort(),
                    options: options(req),
                });
            }
            callback(err, response);
        });
    const registerResourceOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req: any, callback: (err: unknown, response: unknown) => void) => {
        if (req.getUrn().split("::")[2] === STACK_TYPE) {
            stackOutputs = toPlain(req.getOutputs()?.toJavaScript() ?? {}) as Record<string, unknown>;
        }
        return registerResourceOutputs(req, callback);
    };

    const failures: unknown[] = [];
    const onRejection = (reason: unknown) => failures.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
        // A program may export its outputs or a function that returns them (as index.ts does);
        // Pulumi calls the function and awaits it (@pulumi/pulumi cmd/run/run.ts).
        await pulumi.runtime.runInPulumiStack(async () => {
            const exported: unknown = request.program();
            return exported instanceof Function ? exported() : exported;
        });
        await pulumi.runtime.disconnect();
        // A resource whose inputs failed never reaches the monitor: its error surfaces as an
        // unhandled rejection once the queue has drained. Give it the turns it needs.
        for (let turn = 0; turn < 10 && failures.length === 0; turn++) {
            await new Promise((resolve) => setImmediate(resolve));
        }
    } finally {
        process.off("unhandledRejection", onRejection);
    }
    if (failures.length > 0) {
        throw failures[0];
    }

    resources.sort((a, b) => a.urn.localeCompare(b.urn));
    return {
        project: request.project,
        stack: request.stack,
        config: request.config,
        resources,
        outputs: Object.fromEntries(Object.keys(stackOutputs).sort().map((key) => [key, stackOutputs[key]])),
        lookups: lookups.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    };
}

/** What the engine does with `additionalSecretOutputs` (random passwords, private keys): the mocks do not. */
function markSecretOutputs(response: any, keys: string[]): void {
    const state = response.getObject()?.toJavaScript() ?? {};
    const secretKeys = keys.filter((key) => key in state);
    if (secretKeys.length > 0) {
        for (const key of secretKeys) {
            state[key] = { [specialSigKey]: specialSecretSig, value: state[key] };
        }
        response.setObject(response.getObject().constructor.fromJavaScript(state));
    }
}

function parentOf(urn: string | undefined): string | undefined {
    return urn && urn.split("::")[2] !== STACK_TYPE ? urn : undefined;
}

function options(req: any): PlannedResource["options"] {
    const result: PlannedResource["options"] = {};
    if (req.getProtect()) {
        result.protect = true;
    }
    if (req.getIgnorechangesList().length > 0) {
        result.ignoreChanges = req.getIgnorechangesList();
    }
    if (req.getReplaceonchangesList().length > 0) {
        result.replaceOnChanges = req.getReplaceonchangesList();
    }
    if (req.getRetainondelete()) {
        result.retainOnDelete = true;
    }
    if (req.getDeletebeforereplace()) {
        result.deleteBeforeReplace = true;
    }
    return result;
}
