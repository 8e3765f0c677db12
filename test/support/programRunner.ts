/**
 * The reference environment through the Pulumi Node.js runtime's own program runner, started as
 * `pulumi preview` starts it, against the fake engine (test/support/fakeEngine.ts).
 *
 * The language host (pulumi/pulumi sdk/nodejs/cmd/pulumi-language-nodejs/main.go) runs
 * `node <node args> <@pulumi/pulumi/cmd/run> <arguments> <entry point>` (execRuntime,
 * constructArguments) with the CLI's environment plus:
 * - PULUMI_CONFIG: the stack's configuration, Pulumi.yaml's defaults applied, as JSON keyed
 *   `namespace:config:name` (constructConfig keeps that old form for older SDKs; the SDK reads both);
 * - PULUMI_CONFIG_SECRET_KEYS: the secret keys as JSON (constructConfigSecretKeys);
 * - PULUMI_NODEJS_TYPESCRIPT=true with Pulumi.yaml's `runtime.options.typescript` (parseOptions),
 *   which makes cmd/run compile the program with ts-node and the project's tsconfig.json.
 * The arguments are --monitor, --engine, --organization, --project, --root-directory, --stack,
 * --pwd, --dry-run for a preview, --parallel and the entry point; with `main: index.ts` the
 * program directory is the project's and the entry point `index.ts` (getPwdMain in
 * pkg/engine/project.go). --parallel is the CLI's default, 4 × GOMAXPROCS (defaultParallel in
 * pkg/cmd/pulumi/operations/up.go). --sync, a directory of pipes for synchronous invokes, is left
 * out: this SDK only reads it in tryGetSyncInvokes, which nothing calls.
 *
 * The runner's exit code 32 is "already gave the user an actionable message": the host then
 * returns `Bail` and the CLI prints nothing more (nodeJSProcessExitedAfterShowingUserActionableMessage).
 */
import { spawn } from "child_process";
import * as fs from "fs";
import { createServer, Server } from "http";
import { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import * as yaml from "js-yaml";
import { loadProjectConfig } from "../../plan/projectConfig";
import OFFLINE_SKUS from "../../lib/vmSizes.offline.json";
import { ArmLocation, REGION_EXTRACT } from "../../policy/rulebook/regions";
import { CLIENT, FakeEngine } from "./fakeEngine";
import { PROJECT_DIR } from "./plan";
import { makeScratch, removeScratch } from "./scratch";

const RUN_PATH = require.resolve("@pulumi/pulumi/cmd/run");
const PROBE = path.join(__dirname, "runnerProbe.js");
const ORGANIZATION = "organization";
/** The runner exited after logging a message the user can act on (cmd/run/index.js). */
export const EXITED_AFTER_USER_ACTIONABLE_MESSAGE = 32;
const MAX_KEPT_OUTPUT = 64 * 1024;

/** An uncaught error as cmd/run/run.js received it (test/support/runnerProbe.js). */
export interface ProbedError {
    name?: string;
    message?: string;
    stack?: string;
    /** What run.js records of it: `defaultErrorMessage(err)`. */
    recorded: string;
}

export interface RunnerPreview {
    engine: FakeEngine;
    code: number | null;
    signal: NodeJS.Signals | null;
    timedOut: boolean;
    stdout: string;
    stderr: string;
    errors: ProbedError[];
    /** performance.now() at the spawn and at the exit; compare with the engine's firstRegistrationAt / firstErrorAt. */
    startedAt: number;
    exitedAt: number;
}

interface ProjectFile {
    main?: string;
    runtime?: { name: string; options?: { typescript?: boolean; tsconfig?: string; nodeargs?: string } };
}

/**
 * The extract's regions as Subscriptions - List Locations answers them (resources 2022-12-01,
 * subscriptions.json `Location`): Physical regions, a pair where the extract knows one, zone
 * mappings where it knows the region has zones.
 */
function extractAsArmLocations(): ArmLocation[] {
    const locationId = (name: string) => `/subscriptions/${CLIENT.subscriptionId}/locations/${name}`;
    return Object.entries(REGION_EXTRACT.regions).map(([name, region]) => ({
        id: locationId(name),
        name,
        type: "Region",
        displayName: region.displayName,
        metadata: { regionType: "Physical", regionCategory: "Recommended", pairedRegion: region.pair ? [{ name: region.pair, id: locationId(region.pair) }] : [] },
        ...(region.zones ? { availabilityZoneMappings: ["1", "2", "3"].map((zone) => ({ logicalZone: zone, physicalZone: `${name}-az${zone}` })) } : {}),
    }));
}

/**
 * A loopback stand-in for the two ARM lists the program reads before it creates anything, for the
 * bearer token and subscription the fake engine's identity hands out: the Resource SKUs list
 * (Microsoft.Compute/skus, api-version 2021-07-01, azure-rest-api-specs
 * compute/resource-manager/Microsoft.Compute/Skus/stable/2021-07-01/skus.json), the offline
 * extract's sizes each with the `locations` the list gives; and the subscription's locations list
 * (api-version 2022-12-01), the extract's regions.
 */
function startArm(): Promise<Server> {
    const server = createServer((request, response) => {
        const url = new URL(request.url ?? "/", "http://127.0.0.1");
        const location = /^location eq '([^']+)'$/.exec(url.searchParams.get("$filter") ?? "")?.[1];
        const subscription = `/subscriptions/${CLIENT.subscriptionId}`;
        const fail = (status: number, code: string, message: string) => {
            response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ error: { code, message } }));
        };
        const answer = (value: unknown[]) => response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ value }));
        if (request.headers.authorization !== `Bearer ${CLIENT.token}`) {
            fail(401, "InvalidAuthenticationToken", "The access token is invalid.");
        } else if (url.pathname === `${subscription}/providers/Microsoft.Compute/skus` && url.searchParams.get("api-version") === "2021-07-01" && location !== undefined) {
            answer(OFFLINE_SKUS.map((sku) => ({ ...sku, locations: [location] })));
        } else if (url.pathname === `${subscription}/locations` && url.searchParams.get("api-version") === "2022-12-01") {
            answer(extractAsArmLocations());
        } else {
            fail(404, "NotFound", `no route for ${request.url}`);
        }
    });
    return new Promise((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", () => resolve(server)));
}

/** The environment the language host adds to the CLI's (execRuntime). */
function hostEnvironment(config: Record<string, string>, options: NonNullable<ProjectFile["runtime"]>["options"]): NodeJS.ProcessEnv {
    const oldForm = Object.fromEntries(Object.entries(config).map(([key, value]) => [key.replace(/^([^:]+):/, "$1:config:"), value]));
    return {
        PULUMI_CONFIG: JSON.stringify(oldForm),
        PULUMI_CONFIG_SECRET_KEYS: "[]",
        ...(options?.typescript ? { PULUMI_NODEJS_TYPESCRIPT: "true" } : {}),
        ...(options?.tsconfig ? { PULUMI_NODEJS_TSCONFIG_PATH: options.tsconfig } : {}),
    };
}

/**
 * Previews the reference environment through cmd/run with the stack's configuration and the given
 * overrides (as {@link loadProjectConfig} takes them); `typeCheck: false` as with
 * PULUMI_NODEJS_TRANSPILE_ONLY=true; `probeErrors: false` leaves `errors` empty. The runner is
 * killed at `timeoutMs`; the engine and the ARM stand-in are stopped before this returns,
 * whatever happened.
 */
export async function previewThroughRunner(
    overrides: Record<string, string>,
    { stack = "test", timeoutMs = 60_000, typeCheck = true, probeErrors = true } = {},
): Promise<RunnerPreview> {
    const projectFile = yaml.load(fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), "utf8")) as ProjectFile;
    if (projectFile.runtime?.name !== "nodejs" || projectFile.runtime.options?.nodeargs) {
        throw new Error("Pulumi.yaml's runtime is not the one this helper starts (nodejs, without nodeargs)");
    }
    const { project, config } = loadProjectConfig(PROJECT_DIR, stack, overrides);
    const parallel = 4 * os.availableParallelism();
    const scratch = makeScratch("runner");
    const errorsFile = path.join(scratch, "errors.jsonl");
    let engine: FakeEngine | undefined;
    let arm: Server | undefined;
    try {
        engine = await FakeEngine.start({ project, stack, organization: ORGANIZATION, config, parallel });
        arm = await startArm();
        const args = [
            RUN_PATH,
            ...["--monitor", engine.address, "--engine", engine.address, "--organization", ORGANIZATION, "--project", project],
            ...["--root-directory", PROJECT_DIR, "--stack", stack, "--pwd", PROJECT_DIR, "--dry-run", "--parallel", String(parallel)],
            projectFile.main ?? ".",
        ];
        const env: NodeJS.ProcessEnv = {
            ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("TS_NODE_") && !key.startsWith("PULUMI_"))),
            ...hostEnvironment(config, projectFile.runtime.options),
            // A user's own switch, passed on with the CLI's environment: ts-node without its type check (cmd/run/run.js).
            ...(typeCheck ? {} : { PULUMI_NODEJS_TRANSPILE_ONLY: "true" }),
            NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${JSON.stringify(PROBE)}`].filter(Boolean).join(" "),
            RUNNER_PROBE_ARM: `http://127.0.0.1:${(arm.address() as AddressInfo).port}`,
            // The probe formats each error as run.js does, before run.js: off where the time to the user's message is measured.
            ...(probeErrors ? { RUNNER_PROBE_ERRORS: errorsFile } : {}),
        };
        const startedAt = performance.now();
        const child = spawn(process.execPath, args, { cwd: PROJECT_DIR, env, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout = (stdout + chunk).slice(-MAX_KEPT_OUTPUT)));
        child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-MAX_KEPT_OUTPUT)));
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill("SIGKILL");
        }, timeoutMs);
        const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
            child.once("error", reject);
            child.once("close", (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
        }).finally(() => {
            clearTimeout(timer);
            if (child.exitCode === null && child.signalCode === null) {
                child.kill("SIGKILL");
            }
        });
        const exitedAt = performance.now();
        const errors = fs.existsSync(errorsFile)
            ? fs.readFileSync(errorsFile, "utf8").trim().split("\n").filter(Boolean).map((line) => JSON.parse(line) as ProbedError)
            : [];
        return { engine, code, signal, timedOut, stdout, stderr, errors, startedAt, exitedAt };
    } finally {
        await engine?.stop();
        await new Promise((resolve) => (arm ? arm.close(resolve) : resolve(undefined)));
        removeScratch(scratch);
    }
}
