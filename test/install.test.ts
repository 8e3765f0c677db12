/**
 * Every documented way to install the package, done for real from a fresh copy of the
 * repository into scratch consumers: by path, by git URL and from a packed tarball. Each consumer
 * then type-checks and plans the existing-stack example against what it installed, and holds one
 * copy of @pulumi/pulumi. npm reads the registry through its cache (`--prefer-offline`).
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import type { Plan } from "../plan/engine";
import { loadProjectConfig } from "../plan/projectConfig";
import { EXISTING_STACK_CONFIG, EXISTING_STACK_DIR, VM_IDS } from "./support/existingStack";
import { PROJECT_DIR } from "./support/plan";
import { run, runOk } from "./support/processes";
import { makeScratch, removeScratch } from "./support/scratch";

const NPM_TIMEOUT_MS = 180_000;
const NPM_FLAGS = ["--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"];
const PACKAGE = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "package.json"), "utf8")) as {
    name: string;
    version: string;
    scripts: Record<string, string>;
    peerDependencies: Record<string, string>;
};

/** What the repository would hold if the working tree were committed: tracked and new files, not the ignored ones. */
async function freshRepository(dir: string): Promise<string> {
    const listed = await runOk("git", ["-C", PROJECT_DIR, "ls-files", "-z", "--cached", "--others", "--exclude-standard"]);
    for (const file of new Set(listed.split("\0").filter((file) => file !== "" && fs.existsSync(path.join(PROJECT_DIR, file))))) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.copyFileSync(path.join(PROJECT_DIR, file), path.join(dir, file));
    }
    const git = (...args: string[]) => runOk("git", ["-C", dir, "-c", "user.name=test", "-c", "user.email=test@example.com", ...args]);
    await git("init", "-q", "-b", "main");
    await git("add", "-A");
    await git("commit", "-q", "-m", "snapshot");
    return dir;
}

/** A Pulumi project of the user's, with the example's program, that depends on @pulumi/pulumi itself. */
function consumer(dir: string): string {
    fs.mkdirSync(dir, { recursive: true });
    const pulumiRange = PACKAGE.peerDependencies["@pulumi/pulumi"];
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, main: "index.ts", dependencies: { "@pulumi/pulumi": pulumiRange } }, null, 2));
    for (const file of ["index.ts", "tsconfig.json", "Pulumi.yaml"]) {
        fs.copyFileSync(path.join(EXISTING_STACK_DIR, file), path.join(dir, file));
    }
    return dir;
}

function npm(dir: string, ...args: string[]): Promise<string> {
    return runOk("npm", [...args, ...NPM_FLAGS], { cwd: dir, timeoutMs: NPM_TIMEOUT_MS });
}

/** Every @pulumi/pulumi npm placed in the consumer. */
function pulumiCopies(dir: string): string[] {
    const found: string[] = [];
    const walk = (modules: string) => {
        if (!fs.existsSync(modules)) {
            return;
        }
        for (const entry of fs.readdirSync(modules)) {
            const scoped = entry.startsWith("@") ? fs.readdirSync(path.join(modules, entry)).map((name) => `${entry}/${name}`) : [entry];
            for (const name of scoped) {
                const packageDir = path.join(modules, name);
                if (name === "@pulumi/pulumi") {
                    found.push(path.relative(dir, packageDir));
                }
                walk(path.join(packageDir, "node_modules"));
            }
        }
    };
    walk(path.join(dir, "node_modules"));
    return found;
}

/**
 * Plans the consumer's program in its own process, with its own @pulumi/pulumi: the offline
 * engine is copied into the consumer, so every module it loads resolves from there.
 */
async function planConsumer(dir: string): Promise<{ plan: Plan; sdks: string[] }> {
    const planner = path.join(dir, "planner");
    for (const part of ["plan", "lib", path.join("policy", "rulebook")]) {
        fs.cpSync(path.join(PROJECT_DIR, part), path.join(planner, part), { recursive: true });
    }
    const { project, config } = loadProjectConfig(dir, "test", EXISTING_STACK_CONFIG);
    const script = [
        `const { runPlan } = require("./plan/engine");`,
        `runPlan({ project: ${JSON.stringify(project)}, stack: "test", config: ${JSON.stringify(config)}, program: () => require(${JSON.stringify(dir)}) })`,
        `  .then((plan) => console.log(JSON.stringify({ plan, sdks: Object.keys(require.cache).filter((file) => file.endsWith("@pulumi/pulumi/index.js")) })))`,
        `  .catch((err) => { console.error(err); process.exit(1); });`,
    ].join("\n");
    fs.writeFileSync(path.join(planner, "run.js"), script);
    const env = { ...process.env, TS_NODE_COMPILER: require.resolve("typescript"), TS_NODE_PROJECT: path.join(dir, "tsconfig.json") };
    const output = await runOk(process.execPath, ["-r", require.resolve("ts-node/register/transpile-only"), path.join(planner, "run.js")], { env, timeoutMs: 120_000 });
    return JSON.parse(output.trim().split("\n").pop() as string);
}

const WAYS: { way: string; install: (source: string, scratch: string) => string[] }[] = [
    { way: "by path", install: (source) => ["--install-links", source] },
    { way: "by git URL", install: (source, scratch) => [`git+file://${path.join(scratch, "backup-ready.git")}`] },
    { way: "from a packed tarball", install: (source, scratch) => [path.join(scratch, `${PACKAGE.name}-${PACKAGE.version}.tgz`)] },
];

describe("installing the package from a fresh copy of the repository", function () {
    this.timeout(15 * 60_000);
    let scratch: string;
    let source: string;

    before(async () => {
        scratch = makeScratch("install");
        source = await freshRepository(path.join(scratch, "backup-ready"));
        await runOk("git", ["clone", "-q", "--bare", source, path.join(scratch, "backup-ready.git")]);
        await npm(source, "pack", "--pack-destination", scratch);
    });

    after(() => removeScratch(scratch));

    it("runs no script of its own at install, so --ignore-scripts and npm's script approval change nothing", () => {
        const installTime = ["preinstall", "install", "postinstall", "prepare", "prepack", "postpack"];
        expect(Object.keys(PACKAGE.scripts).filter((script) => installTime.includes(script))).to.deep.equal([]);
    });

    it("linked by path without --install-links, stops at the first require and says how to install it", async () => {
        const dir = consumer(path.join(scratch, "consumer-linked"));
        await npm(dir, "install", "--ignore-scripts", source);
        expect(fs.lstatSync(path.join(dir, "node_modules", PACKAGE.name)).isSymbolicLink()).to.equal(true);
        const loaded = await run(process.execPath, ["-e", `require(${JSON.stringify(PACKAGE.name)})`], { cwd: dir });
        expect(loaded.code).to.equal(1);
        expect(loaded.stderr).to.contain(`backup-ready: @pulumi/pulumi cannot be found from ${source}`);
        expect(loaded.stderr).to.contain(`npm install --install-links ${source}`);
    });

    for (const { way, install } of WAYS) {
        describe(way, () => {
            let dir: string;

            before(async () => {
                dir = consumer(path.join(scratch, `consumer-${way.replace(/\W+/g, "-")}`));
                await npm(dir, "install", "--ignore-scripts", ...install(source, scratch));
            });

            it("installs a copy with the compiled entry point, and one @pulumi/pulumi", async () => {
                const installed = path.join(dir, "node_modules", PACKAGE.name);
                expect(fs.lstatSync(installed).isSymbolicLink()).to.equal(false);
                const resolved = await runOk(process.execPath, ["-p", `require.resolve(${JSON.stringify(PACKAGE.name)})`], { cwd: dir });
                expect(resolved.trim()).to.equal(path.join(installed, "bin", "components", "index.js"));
                expect(pulumiCopies(dir)).to.deep.equal([path.join("node_modules", "@pulumi", "pulumi")]);
                const listed = await runOk("npm", ["ls", "@pulumi/pulumi", "--all", "--parseable"], { cwd: dir });
                expect([...new Set(listed.trim().split("\n"))]).to.deep.equal([path.join(dir, "node_modules", "@pulumi", "pulumi")]);
            });

            it("type-checks the example program against the installed declarations", async () => {
                await runOk(process.execPath, [require.resolve("typescript/bin/tsc"), "--noEmit", "-p", dir], { timeoutMs: 120_000 });
            });

            it("plans the example program with the consumer's own @pulumi/pulumi", async () => {
                const { plan, sdks } = await planConsumer(dir);
                expect(sdks).to.deep.equal([path.join(dir, "node_modules", "@pulumi", "pulumi", "index.js")]);
                const items = plan.resources.filter((r) => r.type === "azure-native:recoveryservices:ProtectedItem");
                expect(items.map((item) => (item.inputs.properties as { sourceResourceId: string }).sourceResourceId).sort()).to.deep.equal([...VM_IDS].sort());
                expect(plan.resources.map((r) => r.type)).to.include.members(["backup-ready:index:BackupProxy", "backup-ready:index:NsgLockdown", "azure-native:network:SecurityRule"]);
            });
        });
    }
});
