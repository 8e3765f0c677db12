/**
 * Every documented way to install the package, done for real from a fresh copy of the
 * repository into scratch consumers: by path, by git URL and from a packed tarball. Each consumer
 * then type-checks and plans the existing-stack example against what it installed, and holds one
 * copy of @pulumi/pulumi. npm reads the registry through its cache (`--prefer-offline`).
 *
 * What it costs: the peers (@pulumi/azure-native alone is 17,000 files) are installed once, into a
 * base consumer, and each consumer starts from a hard-linked copy of that node_modules, so that npm
 * itself installs the package by the way under test and only adds it (its own resolution still
 * decides the rest, and the assertions hold on what it left). The consumers install at once; the
 * example is type-checked once per distinct tree of files.
 */
import { expect } from "chai";
import * as crypto from "crypto";
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

/**
 * A Pulumi project of the user's, with the example's program, that depends on @pulumi/pulumi
 * itself; its node_modules a hard-linked copy of `base`'s without the package, when given.
 */
async function consumer(dir: string, base?: string): Promise<string> {
    fs.mkdirSync(dir, { recursive: true });
    const pulumiRange = PACKAGE.peerDependencies["@pulumi/pulumi"];
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, main: "index.ts", dependencies: { "@pulumi/pulumi": pulumiRange } }, null, 2));
    for (const file of ["index.ts", "tsconfig.json", "Pulumi.yaml"]) {
        fs.copyFileSync(path.join(EXISTING_STACK_DIR, file), path.join(dir, file));
    }
    if (base) {
        await runOk("cp", ["-al", path.join(base, "node_modules"), path.join(dir, "node_modules")], { timeoutMs: 60_000 });
        // npm rewrites its record of the tree in place, which would write through the link into every copy.
        for (const own of [PACKAGE.name, ".package-lock.json"]) {
            fs.rmSync(path.join(dir, "node_modules", own), { recursive: true, force: true });
        }
    }
    return dir;
}

/**
 * What each file under `dir`/`under` holds, by its path: a symbolic link's target, a hard-linked
 * file's inode when `inodes` (one inode is one content), or else the SHA-256 of its bytes.
 */
function fileIdentities(dir: string, under: string, inodes: boolean): Map<string, string> {
    const identities = new Map<string, string>();
    const walk = (relative: string) => {
        for (const entry of fs.readdirSync(path.join(dir, relative)).sort()) {
            const file = path.join(relative, entry);
            const stat = fs.lstatSync(path.join(dir, file));
            if (stat.isDirectory()) {
                walk(file);
            } else if (stat.isSymbolicLink()) {
                identities.set(file, `link ${fs.readlinkSync(path.join(dir, file))}`);
            } else if (inodes && stat.nlink > 1) {
                identities.set(file, `inode ${stat.dev}:${stat.ino}`);
            } else {
                identities.set(file, crypto.createHash("sha256").update(fs.readFileSync(path.join(dir, file))).digest("hex"));
            }
        }
    };
    walk(under);
    return identities;
}

/** The files of one identity map that the other lacks or holds otherwise. */
function differingFiles(a: Map<string, string>, b: Map<string, string>): string[] {
    return [...new Set([...a.keys(), ...b.keys()])].filter((file) => a.get(file) !== b.get(file)).sort();
}

const typeChecks = new Map<string, Promise<string>>();

/**
 * tsc over the consumer's example, run once per distinct set of what it can read: the program, its
 * tsconfig and node_modules (npm's own record of the tree, which names how the package came, aside).
 */
function typeCheck(dir: string): Promise<string> {
    const inputs = [...fileIdentities(dir, "node_modules", true)].filter(([file]) => file !== path.join("node_modules", ".package-lock.json"));
    const hash = crypto.createHash("sha256");
    for (const [file, identity] of [...inputs, ...["index.ts", "tsconfig.json"].map((file) => [file, fs.readFileSync(path.join(dir, file), "utf8")])]) {
        hash.update(file).update("\0").update(identity).update("\0");
    }
    const key = hash.digest("hex");
    let checked = typeChecks.get(key);
    if (!checked) {
        checked = runOk(process.execPath, [require.resolve("typescript/bin/tsc"), "--noEmit", "-p", dir], { timeoutMs: 120_000 });
        typeChecks.set(key, checked);
    }
    return checked;
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

const LINKED = { way: "linked by path", install: (source: string) => [source] };
const WAYS: { way: string; install: (source: string, scratch: string) => string[] }[] = [
    { way: "by path", install: (source) => ["--install-links", source] },
    { way: "by git URL", install: (source, scratch) => [`git+file://${path.join(scratch, "backup-ready.git")}`] },
    { way: "from a packed tarball", install: (source, scratch) => [tarball(scratch)] },
];

function tarball(scratch: string): string {
    return path.join(scratch, `${PACKAGE.name}-${PACKAGE.version}.tgz`);
}

describe("installing the package from a fresh copy of the repository", function () {
    this.timeout(15 * 60_000);
    let scratch: string;
    let source: string;
    /** Each way's consumer, once npm has installed the package into it. */
    const installs = new Map<string, Promise<string>>();
    const consumerOf = (way: string): Promise<string> => installs.get(way) ?? Promise.reject(new Error(`no consumer was started for ${way}`));

    before(async () => {
        scratch = makeScratch("install");
        source = await freshRepository(path.join(scratch, "backup-ready"));
        await runOk("git", ["clone", "-q", "--bare", source, path.join(scratch, "backup-ready.git")]);
        await npm(source, "pack", "--pack-destination", scratch);
        const base = await consumer(path.join(scratch, "base"));
        await npm(base, "install", "--ignore-scripts", tarball(scratch));
        for (const { way, install } of [LINKED, ...WAYS]) {
            const done = consumer(path.join(scratch, `consumer-${way.replace(/\W+/g, "-")}`), base).then(async (dir) => {
                await npm(dir, "install", "--ignore-scripts", ...install(source, scratch));
                return dir;
            });
            // Awaited, and so reported, by the way's own tests.
            done.catch(() => undefined);
            installs.set(way, done);
        }
    });

    after(async () => {
        await Promise.allSettled(installs.values());
        removeScratch(scratch);
    });

    it("runs no script of its own at install, so --ignore-scripts and npm's script approval change nothing", () => {
        // npm's git fetcher prepares a clone (installs every devDependency and packs it) when any of
        // these scripts exists, `build` among them, whatever --ignore-scripts says (pacote lib/git.js, #prepareDir).
        const installTime = ["preinstall", "install", "postinstall", "prepare", "prepack", "postpack", "build"];
        expect(Object.keys(PACKAGE.scripts).filter((script) => installTime.includes(script))).to.deep.equal([]);
    });

    it("linked by path without --install-links, stops at the first require and says how to install it", async () => {
        const dir = await consumerOf(LINKED.way);
        expect(fs.lstatSync(path.join(dir, "node_modules", PACKAGE.name)).isSymbolicLink()).to.equal(true);
        const loaded = await run(process.execPath, ["-e", `require(${JSON.stringify(PACKAGE.name)})`], { cwd: dir });
        expect(loaded.code).to.equal(1);
        expect(loaded.stderr).to.contain(`backup-ready: @pulumi/pulumi cannot be found from ${source}`);
        expect(loaded.stderr).to.contain(`npm install --install-links ${source}`);
    });

    it("installs the same files by path, by git URL and from the tarball", async () => {
        const trees = await Promise.all(WAYS.map(async ({ way }) => fileIdentities(path.join(await consumerOf(way), "node_modules"), PACKAGE.name, false)));
        expect(trees[0].has(path.join(PACKAGE.name, "bin", "components", "index.d.ts"))).to.equal(true);
        for (const [i, tree] of trees.entries()) {
            expect(differingFiles(trees[0], tree), `${WAYS[0].way} and ${WAYS[i].way}`).to.deep.equal([]);
        }
    });

    for (const { way } of WAYS) {
        describe(way, () => {
            let dir: string;

            before(async () => {
                dir = await consumerOf(way);
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
                await typeCheck(dir);
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
