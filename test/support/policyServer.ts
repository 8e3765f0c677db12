/**
 * The policy pack run the way `pulumi preview --policy-pack policy` runs it, for tests.
 *
 * The CLI starts a Node.js pack through the `pulumi-analyzer-policy` shim, in the pack's folder:
 *   `node "$(require.resolve('@pulumi/pulumi/cmd/run-policy-pack'))" <engine-address> .`
 * (pulumi/pulumi sdk/nodejs/dist/pulumi-analyzer-policy; the arguments and the pack folder as
 * working directory are set by NewPolicyAnalyzer in sdk/go/common/resource/plugin/analyzer_plugin.go).
 * run-policy-pack drops the engine address, compiles the pack with ts-node and requires it; the
 * pack's `new PolicyPack(...)` serves `pulumirpc.Analyzer` on 127.0.0.1 and prints the port as
 * the first line of its standard output (pulumi/pulumi-policy sdk/nodejs/policy/server.ts), which
 * the engine reads (newPlugin in sdk/go/common/resource/plugin/plugin.go). The engine then calls
 * Handshake, ConfigureStack, GetAnalyzerInfo and Configure (every policy's schema defaults and
 * enforcement level: ReconcilePolicyPackConfig in pkg/resource/analyzer/config.go), and Analyze /
 * AnalyzeStack with properties marshalled by MarshalProperties(KeepUnknowns, KeepSecrets,
 * SkipInternalKeys): a value not known yet is the string UNKNOWN below.
 *
 * The pack is installed from a copy of `policy/` alone, as `pulumi policy publish` packs it, and
 * the client uses the pack's own `@pulumi/pulumi` generated gRPC modules.
 */
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import { createRequire } from "module";
import * as path from "path";
import type * as grpc from "@grpc/grpc-js";
import type * as analyzerGrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import type * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import type * as emptyProto from "google-protobuf/google/protobuf/empty_pb";
import type * as structProto from "google-protobuf/google/protobuf/struct_pb";
import { run, sleep } from "./processes";
import { makeScratch, removeScratch } from "./scratch";

/** The policy pack's source folder. */
export const POLICY_DIR = path.resolve(__dirname, "../../policy");

/**
 * The engine's sentinel for a value not known during preview. azure-native marks every unknown
 * output as a computed string (makeComputedValue in provider/pkg/convert/previewOutputs.go), and
 * the engine marshals a computed string as UnknownStringValue (sdk/go/common/resource/plugin/rpc.go).
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export type Props = Record<string, unknown>;

/** What the engine sends for one resource (pulumirpc.AnalyzeRequest / AnalyzerResource). */
export interface AnalyzedResource {
    urn: string;
    type: string;
    /** The Pulumi name (the URN's last part). */
    name: string;
    /** Analyze: the provider-checked inputs; AnalyzeStack: the outputs. */
    properties: Props;
    /** AnalyzeStack only: the parent's URN. */
    parent?: string;
    /** AnalyzeStack only: the URNs the resource depends on. */
    dependencies?: string[];
    /** AnalyzeStack only: for each input property, the URNs its value came from. */
    propertyDependencies?: Record<string, string[]>;
    protect?: boolean;
    ignoreChanges?: string[];
}

export type EnforcementLevel = "advisory" | "mandatory" | "disabled" | "remediate";

export interface PolicyDiagnostic {
    policyName: string;
    message: string;
    /** AnalyzeStack: the resource the policy reported against; empty when it named none. */
    urn: string;
    enforcementLevel: EnforcementLevel;
}

/** A policy's configuration as `--policy-pack-config` gives it. */
export type PolicyPackConfig = Record<string, { enforcementLevel?: EnforcementLevel } & Props>;

/** `npm ci` of the pack failed because the npm registry cannot be reached. */
export class RegistryUnavailableError extends Error {}

const INSTALL_TIMEOUT_MS = 240_000;
const START_TIMEOUT_MS = 90_000;
const CALL_TIMEOUT_MS = 30_000;
const MAX_KEPT_OUTPUT = 64 * 1024;
/** npm's words for a registry it cannot reach. */
const OFFLINE_ERRORS = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|network request|request to \S+ failed/;

/**
 * Copies `policy/` alone (without its node_modules) into a new scratch directory and installs it
 * there from its lock file; returns the pack's folder. The caller removes `path.dirname(result)`;
 * a failed install removes its own.
 */
export async function installPolicyPack(source = POLICY_DIR): Promise<string> {
    const packDir = path.join(makeScratch("policy-pack"), "policy");
    fs.cpSync(source, packDir, { recursive: true, filter: (file) => path.basename(file) !== "node_modules" });
    const result = await run("npm", ["--prefix", packDir, "ci", "--no-audit", "--no-fund", "--prefer-offline"], {
        timeoutMs: INSTALL_TIMEOUT_MS,
    }).catch((error: Error) => {
        removeScratch(path.dirname(packDir));
        throw error;
    });
    if (result.code !== 0) {
        removeScratch(path.dirname(packDir));
        const output = `${result.stderr}${result.stdout}`;
        const how = result.timedOut ? `timed out after ${INSTALL_TIMEOUT_MS} ms` : `exited with ${result.code ?? result.signal}`;
        const message = `npm ci of the policy pack in ${packDir} ${how}:\n${output.slice(-4000)}`;
        throw OFFLINE_ERRORS.test(output) ? new RegistryUnavailableError(message) : new Error(message);
    }
    return packDir;
}

/** The pack's own copies of the modules the engine's side of the protocol needs. */
interface PackModules {
    grpc: typeof grpc;
    analyzerGrpc: typeof analyzerGrpc;
    analyzer: typeof analyzerProto;
    struct: typeof structProto;
    empty: typeof emptyProto;
}

function loadPackModules(packDir: string): PackModules {
    const fromPack = createRequire(path.join(packDir, "package.json"));
    // Resolved from @pulumi/pulumi's generated module, so that messages and the client come from
    // the very google-protobuf and grpc-js it was generated against.
    const fromProto = createRequire(fromPack.resolve("@pulumi/pulumi/proto/analyzer_grpc_pb"));
    return {
        grpc: fromProto("@grpc/grpc-js"),
        analyzerGrpc: fromProto("./analyzer_grpc_pb"),
        analyzer: fromProto("./analyzer_pb"),
        struct: fromProto("google-protobuf/google/protobuf/struct_pb"),
        empty: fromProto("google-protobuf/google/protobuf/empty_pb"),
    };
}

const LEVELS: Record<number, EnforcementLevel> = { 0: "advisory", 1: "mandatory", 2: "disabled", 3: "remediate" };
const LEVEL_NUMBERS: Record<EnforcementLevel, number> = { advisory: 0, mandatory: 1, disabled: 2, remediate: 3 };

/** A plain copy without the keys the engine skips (`__` internal keys) and without undefined values. */
function marshalled(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.filter((item) => item !== undefined).map(marshalled);
    }
    if (typeof value === "object" && value !== null) {
        const entries = Object.entries(value).filter(([key, item]) => !key.startsWith("__") && item !== undefined);
        return Object.fromEntries(entries.map(([key, item]) => [key, marshalled(item)]));
    }
    return value;
}

export interface PolicyPackServerOptions {
    project?: string;
    stack?: string;
    organization?: string;
    /** `--policy-pack-config`: applied over every policy's schema defaults, as the engine does. */
    config?: PolicyPackConfig;
}

/** A running policy pack and the engine's side of its gRPC connection. */
export class PolicyPackServer {
    private stopped = false;

    private constructor(
        private readonly packDir: string,
        private readonly child: ChildProcess,
        private readonly exit: Promise<void>,
        private readonly output: () => string,
        private readonly modules: PackModules,
        private readonly client: analyzerGrpc.AnalyzerClient,
        /** The names of the pack's policies, from GetAnalyzerInfo. */
        readonly policyNames: string[],
    ) {}

    /** Starts the installed pack in `packDir` as the CLI does and configures it; stops it again if that fails. */
    static async start(packDir: string, options: PolicyPackServerOptions = {}): Promise<PolicyPackServer> {
        const modules = loadPackModules(packDir);
        const runPolicyPack = createRequire(path.join(packDir, "package.json")).resolve("@pulumi/pulumi/cmd/run-policy-pack");
        const project = options.project ?? "backup-ready";
        const stack = options.stack ?? "dev";
        // constructEnv in analyzer_plugin.go: the CLI's environment plus the stack's identity.
        const env: NodeJS.ProcessEnv = {
            ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("TS_NODE_"))),
            PULUMI_NODEJS_PROJECT: project,
            PULUMI_NODEJS_STACK: stack,
            PULUMI_NODEJS_DRY_RUN: "true",
            PULUMI_PROJECT: project,
            PULUMI_STACK: stack,
            PULUMI_DRY_RUN: "true",
        };
        // The engine's address is the first argument; run-policy-pack discards it, and nothing listens there.
        const child = spawn(process.execPath, [runPolicyPack, "127.0.0.1:1", "."], { cwd: packDir, env, stdio: ["pipe", "pipe", "pipe"] });
        let kept = "";
        const keep = (chunk: string) => (kept = (kept + chunk).slice(-MAX_KEPT_OUTPUT));
        const exit = new Promise<void>((resolve) => child.on("close", () => resolve()));
        child.on("error", (error) => keep(`\n${error.message}\n`));
        child.stderr?.setEncoding("utf8").on("data", keep);
        let server: PolicyPackServer | undefined;
        try {
            const port = await readPort(child, exit, () => kept);
            const address = `127.0.0.1:${port}`;
            const client = new modules.analyzerGrpc.AnalyzerClient(address, modules.grpc.credentials.createInsecure());
            server = new PolicyPackServer(packDir, child, exit, () => kept, modules, client, []);
            const names = await server.handshake(project, stack, options);
            server.policyNames.push(...names);
            return server;
        } catch (error) {
            if (server) {
                await server.stop();
            } else {
                await stopProcess(child, exit);
            }
            throw error;
        }
    }

    /** Analyze: one resource before it is created or updated, with its inputs. */
    async analyze(resource: AnalyzedResource): Promise<PolicyDiagnostic[]> {
        const { analyzer } = this.modules;
        const request = new analyzer.AnalyzeRequest()
            .setUrn(resource.urn)
            .setType(resource.type)
            .setName(resource.name)
            .setProperties(this.struct(resource.properties))
            .setOptions(this.options(resource));
        const response = await this.call<analyzerProto.AnalyzeResponse>("analyze", request);
        return this.diagnostics(response.getDiagnosticsList());
    }

    /** AnalyzeStack: every resource of the stack at the end of a preview or update, with its outputs. */
    async analyzeStack(resources: AnalyzedResource[]): Promise<PolicyDiagnostic[]> {
        const { analyzer } = this.modules;
        const request = new analyzer.AnalyzeStackRequest().setResourcesList(
            resources.map((resource) => {
                const message = new analyzer.AnalyzerResource()
                    .setUrn(resource.urn)
                    .setType(resource.type)
                    .setName(resource.name)
                    .setProperties(this.struct(resource.properties))
                    .setOptions(this.options(resource))
                    .setParent(resource.parent ?? "")
                    .setDependenciesList(resource.dependencies ?? []);
                for (const [key, urns] of Object.entries(resource.propertyDependencies ?? {})) {
                    if (urns.length > 0) {
                        message.getPropertydependenciesMap().set(key, new analyzer.AnalyzerPropertyDependencies().setUrnsList(urns));
                    }
                }
                return message;
            }),
        );
        const response = await this.call<analyzerProto.AnalyzeResponse>("analyzeStack", request);
        return this.diagnostics(response.getDiagnosticsList());
    }

    /** Closes the connection and ends the pack's process (SIGTERM, then SIGKILL). */
    async stop(): Promise<void> {
        if (this.stopped) {
            return;
        }
        this.stopped = true;
        this.client.close();
        await stopProcess(this.child, this.exit);
    }

    /** What the engine does after reading the port, in NewPolicyAnalyzer and the plugin host. */
    private async handshake(project: string, stack: string, options: PolicyPackServerOptions): Promise<string[]> {
        const { analyzer, empty } = this.modules;
        // The pack's folder is both root and program directory; a pack without Handshake is fine.
        const handshake = new analyzer.AnalyzerHandshakeRequest()
            .setEngineAddress("127.0.0.1:1")
            .setRootDirectory(this.packDir)
            .setProgramDirectory(this.packDir);
        try {
            await this.call("handshake", handshake);
        } catch (error) {
            if ((error as grpc.ServiceError).code !== this.modules.grpc.status.UNIMPLEMENTED) {
                throw error;
            }
        }
        const stackRequest = new analyzer.AnalyzerStackConfigureRequest()
            .setProject(project)
            .setStack(stack)
            .setOrganization(options.organization ?? "organization")
            .setDryRun(true);
        await this.call("configureStack", stackRequest);
        const info = await this.call<analyzerProto.AnalyzerInfo>("getAnalyzerInfo", new empty.Empty());
        const policies = info.getPoliciesList();
        const configure = new analyzer.ConfigureAnalyzerRequest();
        for (const policy of policies) {
            // createConfigWithDefaults + applyConfig (pkg/resource/analyzer/config.go).
            const schema = (policy.getConfigschema()?.getProperties()?.toJavaScript() ?? {}) as Record<string, Props>;
            const defaults = Object.fromEntries(
                Object.entries(schema)
                    .filter(([, property]) => "default" in property)
                    .map(([key, property]) => [key, property.default]),
            );
            const { enforcementLevel, ...given } = options.config?.[policy.getName()] ?? {};
            const level = enforcementLevel ? LEVEL_NUMBERS[enforcementLevel] : policy.getEnforcementlevel();
            configure.getPolicyconfigMap().set(
                policy.getName(),
                new analyzer.PolicyConfig().setEnforcementlevel(level).setProperties(this.struct({ ...defaults, ...given })),
            );
        }
        await this.call("configure", configure);
        return policies.map((policy) => policy.getName());
    }

    private struct(props: Props): structProto.Struct {
        return this.modules.struct.Struct.fromJavaScript(marshalled(props) as Record<string, structProto.JavaScriptValue>);
    }

    private options(resource: AnalyzedResource): analyzerProto.AnalyzerResourceOptions {
        return new this.modules.analyzer.AnalyzerResourceOptions()
            .setProtect(resource.protect ?? false)
            .setIgnorechangesList(resource.ignoreChanges ?? [])
            .setParent(resource.parent ?? "");
    }

    private diagnostics(list: analyzerProto.AnalyzeDiagnostic[]): PolicyDiagnostic[] {
        return list.map((diagnostic) => ({
            policyName: diagnostic.getPolicyname(),
            message: diagnostic.getMessage(),
            urn: diagnostic.getUrn(),
            enforcementLevel: LEVELS[diagnostic.getEnforcementlevel()],
        }));
    }

    /** One unary call with a deadline; a failure carries the pack's standard error. */
    private call<T>(method: string, request: unknown): Promise<T> {
        const client = this.client as unknown as Record<string, Function>;
        return new Promise((resolve, reject) => {
            const deadline = new Date(Date.now() + CALL_TIMEOUT_MS);
            client[method].call(this.client, request, new this.modules.grpc.Metadata(), { deadline }, (error: grpc.ServiceError | null, response: T) => {
                if (error) {
                    error.message = `${method}: ${error.message}\n--- policy pack output ---\n${this.output()}`;
                    reject(error);
                } else {
                    resolve(response);
                }
            });
        });
    }
}

/** The first line of the pack's standard output: the port it serves on. */
function readPort(child: ChildProcess, exit: Promise<void>, output: () => string): Promise<number> {
    return new Promise((resolve, reject) => {
        let stdout = "";
        const timer = setTimeout(() => fail(`printed no port within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
        const fail = (why: string) => {
            clearTimeout(timer);
            reject(new Error(`the policy pack ${why}:\n${stdout}${output()}`));
        };
        child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
            stdout += chunk;
            const newline = stdout.indexOf("\n");
            if (newline >= 0) {
                clearTimeout(timer);
                const port = Number(stdout.slice(0, newline).trim());
                if (Number.isInteger(port) && port > 0 && port < 65536) {
                    resolve(port);
                } else {
                    fail(`wrote an invalid port to stdout`);
                }
            }
        });
        void exit.then(() => fail(`ended with ${child.exitCode ?? child.signalCode} before printing its port`));
    });
}

async function stopProcess(child: ChildProcess, exit: Promise<void>): Promise<void> {
    for (const [signal, graceMs] of [["SIGTERM", 3000], ["SIGKILL", 2000]] as const) {
        if (child.exitCode !== null || child.signalCode !== null) {
            return;
        }
        child.kill(signal);
        await Promise.race([exit, sleep(graceMs)]);
    }
    if (child.exitCode === null && child.signalCode === null) {
        throw new Error(`the policy pack (pid ${child.pid}) did not end`);
    }
}
