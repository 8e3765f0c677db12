/**
 * The Pulumi engine's side of a `pulumi preview`, on 127.0.0.1, for running a program through
 * the Node.js runtime's own program runner (@pulumi/pulumi cmd/run) without the CLI.
 *
 * It serves the two gRPC services the runner dials (the generated definitions in
 * @pulumi/pulumi/proto/*_grpc_pb.js, whose `@grpc/grpc-js` and `google-protobuf` it uses):
 * - pulumirpc.ResourceMonitor at `--monitor` (pkg/resource/deploy/source_eval.go, `resmon`):
 *   GetDeploymentInfo with the features the engine advertises (supportedMonitorFeatures; the
 *   SDK asks it first and falls back to SupportsFeature, runtime/settings.js
 *   awaitFeatureSupport), RegisterResource answered as a preview answers a create: the URN the
 *   engine makes (plan/engine.ts engineUrn), no ID yet (a create's state has none before it runs) and
 *   the inputs as the object (the provider's preview of a create echoes its checked inputs, the
 *   outputs it cannot know left out, which the SDK then treats as unknown), RegisterResourceOutputs,
 *   Invoke, SignalAndWaitForShutdown;
 * - pulumirpc.Engine at `--engine`: Log (what the user sees of the program's messages and
 *   errors), GetRootResource / SetRootResource.
 * Every other method answers UNIMPLEMENTED, as grpc-js does for a method without a handler.
 */
import { createRequire } from "module";
import { performance } from "perf_hooks";
import type * as grpc from "@grpc/grpc-js";
import type * as engineGrpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import type * as engineProto from "@pulumi/pulumi/proto/engine_pb";
import type * as resourceGrpc from "@pulumi/pulumi/proto/resource_grpc_pb";
import type * as resourceProto from "@pulumi/pulumi/proto/resource_pb";
import type * as emptyProto from "google-protobuf/google/protobuf/empty_pb";
import type * as structProto from "google-protobuf/google/protobuf/struct_pb";
import { engineUrn, toPlain } from "../../plan/engine";
import { mockInvoke } from "../../plan/mockInvokes";

// The SDK's own copies, so that messages and the server come from what its stubs were generated against.
const fromProto = createRequire(require.resolve("@pulumi/pulumi/proto/resource_grpc_pb"));
const grpcJs: typeof grpc = fromProto("@grpc/grpc-js");
const resourceServices: typeof resourceGrpc = fromProto("./resource_grpc_pb");
const resourceMessages: typeof resourceProto = fromProto("./resource_pb");
const engineServices: typeof engineGrpc = fromProto("./engine_grpc_pb");
const engineMessages: typeof engineProto = fromProto("./engine_pb");
const struct: typeof structProto = fromProto("google-protobuf/google/protobuf/struct_pb");
const empty: typeof emptyProto = fromProto("google-protobuf/google/protobuf/empty_pb");

const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";
const Feature = resourceMessages.ResourceMonitorFeature;
/** supportedMonitorFeatures in source_eval.go, for an engine run without options that disable any. */
const ENGINE_FEATURES = [
    Feature.RESOURCE_MONITOR_FEATURE_SECRETS,
    Feature.RESOURCE_MONITOR_FEATURE_RESOURCE_REFERENCES,
    Feature.RESOURCE_MONITOR_FEATURE_OUTPUT_VALUES,
    Feature.RESOURCE_MONITOR_FEATURE_ALIAS_SPECS,
    Feature.RESOURCE_MONITOR_FEATURE_REPLACEMENT_TRIGGER,
    Feature.RESOURCE_MONITOR_FEATURE_DELETED_WITH,
    Feature.RESOURCE_MONITOR_FEATURE_REPLACE_WITH,
    Feature.RESOURCE_MONITOR_FEATURE_TRANSFORMS,
    Feature.RESOURCE_MONITOR_FEATURE_INVOKE_TRANSFORMS,
    Feature.RESOURCE_MONITOR_FEATURE_PARAMETERIZATION,
    Feature.RESOURCE_MONITOR_FEATURE_RESOURCE_HOOKS,
    Feature.RESOURCE_MONITOR_FEATURE_ERROR_HOOKS,
    Feature.RESOURCE_MONITOR_FEATURE_SENDS_OPTIONS_TO_HOOKS,
    Feature.RESOURCE_MONITOR_FEATURE_BYTE_STRING,
    Feature.RESOURCE_MONITOR_FEATURE_INVOKE_DEPENDS_ON,
    Feature.RESOURCE_MONITOR_FEATURE_INVOKE_PARENT,
];

/** The identity azure-native reads from its credentials (GetClientConfigResult, GetClientTokenResult in @pulumi/azure-native/authorization). */
export const CLIENT = {
    clientId: "00000000-0000-0000-0000-0000000000c1",
    objectId: "00000000-0000-0000-0000-0000000000c2",
    subscriptionId: "00000000-0000-0000-0000-000000000000",
    tenantId: "00000000-0000-0000-0000-0000000000aa",
    token: "fake-engine-arm-token",
};

export interface Registration {
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    /** Absent for children of the stack, as in the offline plan's PlannedResource. */
    parent?: string;
    inputs: Record<string, unknown>;
}

export interface LogEntry {
    severity: "debug" | "info" | "warning" | "error";
    message: string;
    urn: string;
}

export interface FakeEngineOptions {
    project: string;
    stack: string;
    organization: string;
    /** Fully qualified keys to values, as the engine holds them. */
    config: Record<string, string>;
    parallel: number;
}

const SEVERITIES: Record<number, LogEntry["severity"]> = { 0: "debug", 1: "info", 2: "warning", 3: "error" };

/** What the engine's step for a provider function answers: the provider's identity, otherwise the offline plan's made-up resource. */
function invokeResult(token: string, args: Record<string, any>, location: string): Record<string, unknown> {
    switch (token) {
        case "azure-native:authorization:getClientConfig": {
            const { token: _token, ...config } = CLIENT;
            return config;
        }
        case "azure-native:authorization:getClientToken":
            return { token: CLIENT.token };
        default:
            return mockInvoke(token, args, location);
    }
}

type Callback<T> = (error: grpc.ServiceError | null, value?: T) => void;
type Call<T> = { request: T };

/** A running fake engine; `stop` it in `after`, whatever happened. */
export class FakeEngine {
    readonly registrations: Registration[] = [];
    readonly logs: LogEntry[] = [];
    readonly invokes: { token: string; args: Record<string, unknown> }[] = [];
    stackOutputs: Record<string, unknown> = {};
    /** performance.now() of the first registration after the stack's, and of the first error logged. */
    firstRegistrationAt?: number;
    firstErrorAt?: number;
    private rootUrn = "";

    private constructor(
        private readonly server: grpc.Server,
        readonly address: string,
        private readonly options: FakeEngineOptions,
    ) {}

    /** Serves both services on one loopback port (the engine uses two; the runner only dials each address). */
    static async start(options: FakeEngineOptions): Promise<FakeEngine> {
        const server = new grpcJs.Server();
        const port = await new Promise<number>((resolve, reject) =>
            server.bindAsync("127.0.0.1:0", grpcJs.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
        );
        const engine = new FakeEngine(server, `127.0.0.1:${port}`, options);
        server.addService(resourceServices.ResourceMonitorService, engine.monitorHandlers() as unknown as grpc.UntypedServiceImplementation);
        server.addService(engineServices.EngineService, engine.engineHandlers() as unknown as grpc.UntypedServiceImplementation);
        return engine;
    }

    /** The messages the user would see at `severity`, in order. */
    messages(severity: LogEntry["severity"]): string[] {
        return this.logs.filter((entry) => entry.severity === severity).map((entry) => entry.message);
    }

    /** Closes every connection at once: the runner has exited or been killed by then. */
    async stop(): Promise<void> {
        this.server.forceShutdown();
    }

    private monitorHandlers() {
        const { project, stack, organization, config, parallel } = this.options;
        const location = config["azure-native:location"] ?? "westeurope";
        return {
            getDeploymentInfo: (_call: unknown, callback: Callback<resourceProto.DeploymentInfo>) => {
                const info = new resourceMessages.DeploymentInfo()
                    .setProject(project)
                    .setStack(stack)
                    .setOrganization(organization)
                    .setDryrun(true)
                    .setParallel(parallel)
                    .setSupportedfeaturesList(ENGINE_FEATURES);
                const map = info.getConfigMap();
                for (const [key, value] of Object.entries(config)) {
                    map.set(key, value);
                }
                callback(null, info);
            },
            supportsFeature: (call: Call<resourceProto.SupportsFeatureRequest>, callback: Callback<resourceProto.SupportsFeatureResponse>) => {
                const known = ["secrets", "resourceReferences", "outputValues", "aliasSpecs", "replacementTrigger", "deletedWith", "replaceWith", "transforms", "invokeTransforms", "parameterization", "resourceHooks", "errorHooks", "sendsOptionsToHooks"];
                callback(null, new resourceMessages.SupportsFeatureResponse().setHassupport(known.includes(call.request.getId())));
            },
            registerResource: (call: Call<resourceProto.RegisterResourceRequest>, callback: Callback<resourceProto.RegisterResourceResponse>) => {
                const request = call.request;
                const parent = request.getParent();
                const type = request.getType();
                const urn = engineUrn(stack, project, parent, type, request.getName());
                if (type !== ROOT_STACK_TYPE) {
                    this.firstRegistrationAt ??= performance.now();
                    this.registrations.push({
                        urn,
                        type,
                        name: request.getName(),
                        custom: request.getCustom(),
                        parent: parent && parent.split("::")[2] !== ROOT_STACK_TYPE ? parent : undefined,
                        inputs: toPlain(request.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>,
                    });
                }
                const response = new resourceMessages.RegisterResourceResponse().setUrn(urn).setId("").setResult(resourceMessages.Result.SUCCESS);
                response.setObject(request.getObject() ?? new struct.Struct());
                callback(null, response);
            },
            registerResourceOutputs: (call: Call<resourceProto.RegisterResourceOutputsRequest>, callback: Callback<emptyProto.Empty>) => {
                if (call.request.getUrn().split("::")[2] === ROOT_STACK_TYPE) {
                    this.stackOutputs = toPlain(call.request.getOutputs()?.toJavaScript() ?? {}) as Record<string, unknown>;
                }
                callback(null, new empty.Empty());
            },
            invoke: (call: Call<resourceProto.ResourceInvokeRequest>, callback: Callback<resourceProto.ResourceInvokeResponse>) => {
                const token = call.request.getTok();
                const args = (call.request.getArgs()?.toJavaScript() ?? {}) as Record<string, any>;
                this.invokes.push({ token, args: toPlain(args) as Record<string, unknown> });
                const response = new resourceMessages.ResourceInvokeResponse();
                response.setReturn(struct.Struct.fromJavaScript(invokeResult(token, args, location) as Record<string, structProto.JavaScriptValue>));
                callback(null, response);
            },
            signalAndWaitForShutdown: (_call: unknown, callback: Callback<emptyProto.Empty>) => callback(null, new empty.Empty()),
        };
    }

    private engineHandlers() {
        return {
            log: (call: Call<engineProto.LogRequest>, callback: Callback<emptyProto.Empty>) => {
                const severity = SEVERITIES[call.request.getSeverity()] ?? "info";
                if (severity === "error") {
                    this.firstErrorAt ??= performance.now();
                }
                this.logs.push({ severity, message: call.request.getMessage(), urn: call.request.getUrn() });
                callback(null, new empty.Empty());
            },
            getRootResource: (_call: unknown, callback: Callback<engineProto.GetRootResourceResponse>) =>
                callback(null, new engineMessages.GetRootResourceResponse().setUrn(this.rootUrn)),
            setRootResource: (call: Call<engineProto.SetRootResourceRequest>, callback: Callback<engineProto.SetRootResourceResponse>) => {
                this.rootUrn = call.request.getUrn();
                callback(null, new engineMessages.SetRootResourceResponse());
            },
        };
    }
}
