/**
 * Keeps .github/workflows/preview.yml honest: the pieces the README promises and the security
 * boundaries it relies on, read from the parsed workflow (GitHub itself is not run here).
 */
import { expect } from "chai";
import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const WORKFLOW_FILE = path.join(ROOT, ".github", "workflows", "preview.yml");

interface Step {
    name?: string;
    uses?: string;
    run?: string;
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

describe("the pull-request workflow (.github/workflows/preview.yml)", () => {
    const text = fs.readFileSync(WORKFLOW_FILE, "utf8");
    // js-yaml reads YAML 1.2: `on` stays the string "on", not true.
    const workflow = yaml.load(text) as Workflow;
    const job = (id: string): Job => {
        expect(workflow.jobs, `job ${id}`).to.have.property(id);
        return workflow.jobs[id];
    };
    const uses = (j: Job, action: string): Step[] => j.steps.filter((s) => s.uses?.split("@")[0] === action);
    const runs = (j: Job): string => j.steps.map((s) => s.run ?? "").join("\n");
    const needs = (j: Job): string[] => (j.needs === undefined ? [] : ([] as string[]).concat(j.needs));

    it("runs on pull requests and never on pull_request_target", () => {
        expect(workflow.on).to.have.property("pull_request");
        expect(Object.keys(workflow.on)).to.not.include("pull_request_target");
        expect(text).to.not.match(/^\s*pull_request_target\s*:/m);
        expect(workflow.permissions).to.deep.equal({ contents: "read" });
    });

    it("test: runs .ci/run, which installs and runs npm test", () => {
        const test = job("test");
        expect(uses(test, "actions/checkout")).to.have.length(1);
        expect(uses(test, "actions/setup-node")[0].with).to.include({ "node-version": 20, cache: "npm" });
        const commands = runs(test);
        if (!/\bnpm test\b/.test(commands)) {
            expect(commands).to.match(/\bbash \.ci\/run\b/);
            const ciRun = fs.readFileSync(path.join(ROOT, ".ci", "run"), "utf8");
            expect(ciRun).to.match(/^apt-get install /m);
            expect(ciRun).to.match(/^npm ci\b/m);
            expect(ciRun).to.match(/^npm test$/m);
        }
    });

    it("offline-plan: plans the base, then the PR with --diff, for every PR and without write access", () => {
        const offline = job("offline-plan");
        expect(needs(offline)).to.include("test");
        expect(offline.if, "forks included").to.equal(undefined);
        expect(offline.permissions).to.deep.equal({ contents: "read" });
        const commands = runs(offline);
        expect(commands).to.match(/npm run plan -- --out base-plan/);
        expect(commands).to.match(/npm run plan -- --diff /);
        expect(commands.indexOf("--out base-plan")).to.be.lessThan(commands.indexOf("--diff"));
        expect(commands).to.match(/cat out\/plan-diff\.md >> "\$GITHUB_STEP_SUMMARY"/);
        const upload = uses(offline, "actions/upload-artifact");
        expect(upload).to.have.length(1);
        expect(upload[0].with?.name).to.equal("offline-plan-diff");
        expect(String(upload[0].with?.path)).to.contain("out/plan-diff.md");
    });

    it("offline-plan-comment: posts out/plan-diff.md as one comment, with no code from the PR", () => {
        const comment = job("offline-plan-comment");
        expect(needs(comment)).to.include("offline-plan");
        expect(comment.if).to.contain(SAME_REPO);
        expect(comment.permissions).to.deep.equal({ "pull-requests": "write" });
        // Holding a writable token, it checks nothing out and runs no command.
        expect(comment.steps.filter((s) => s.run !== undefined)).to.deep.equal([]);
        expect(uses(comment, "actions/checkout")).to.deep.equal([]);
        expect(uses(comment, "actions/download-artifact")[0].with?.name).to.equal("offline-plan-diff");
        const script = uses(comment, "actions/github-script")[0];
        expect(script.env?.DIFF_FILE).to.match(/plan-diff\.md$/);
        expect(String(script.with?.script)).to.match(/updateComment[\s\S]*createComment/);
    });

    it("preview: pulumi preview through pulumi/actions, commenting on the PR", () => {
        const preview = job("preview");
        expect(needs(preview)).to.include("test");
        const [pulumi, ...others] = uses(preview, "pulumi/actions");
        expect(others).to.deep.equal([]);
        expect(pulumi.with).to.include({ command: "preview", "comment-on-pr": true });
        expect(String(pulumi.with?.["stack-name"])).to.not.equal("");
        expect(String(pulumi.with?.["cloud-url"])).to.match(/^azblob:\/\/\$\{\{ vars\.\w+ \}\}\?storage_account=/);
        expect(preview.permissions?.["pull-requests"]).to.equal("write");
    });

    it("preview: logs in to Azure with OIDC, for same-repository PRs only", () => {
        const preview = job("preview");
        expect(preview.if).to.contain(SAME_REPO);
        expect(preview.permissions?.["id-token"]).to.equal("write");
        const [login] = uses(preview, "azure/login");
        expect(login.uses).to.equal("azure/login@v2");
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

    it("uses the current major version of each action", () => {
        const expected: Record<string, string> = {
            "actions/checkout": "v4",
            "actions/setup-node": "v4",
            "actions/upload-artifact": "v4",
            "actions/download-artifact": "v4",
            "actions/github-script": "v7",
            "azure/login": "v2",
            "pulumi/actions": "v6",
        };
        for (const j of Object.values(workflow.jobs)) {
            for (const step of j.steps.filter((s) => s.uses)) {
                const [action, version] = (step.uses as string).split("@");
                expect(expected, step.uses).to.have.property(action);
                expect(version, step.uses).to.equal(expected[action]);
            }
        }
    });
});

describe("the preview job's secrets", () => {
    const workflow = yaml.load(fs.readFileSync(WORKFLOW_FILE, "utf8")) as Workflow & { jobs: Record<string, Job & { environment?: string }> };

    it("runs in an environment that can require a maintainer's approval before the PR's code sees them", () => {
        expect(workflow.jobs.preview.environment).to.equal("preview");
    });
});

describe("the fork comment workflow (.github/workflows/offline-plan-comment.yml)", () => {
    const workflow = yaml.load(fs.readFileSync(path.join(ROOT, ".github", "workflows", "offline-plan-comment.yml"), "utf8")) as Workflow;
    const preview = yaml.load(fs.readFileSync(WORKFLOW_FILE, "utf8")) as Workflow;

    it("runs after the Preview workflow, only for pull requests from forks", () => {
        expect(workflow.on).to.deep.equal({ workflow_run: { workflows: [preview.name], types: ["completed"] } });
        expect(workflow.jobs.comment.if).to.contain("github.event.workflow_run.head_repository.full_name != github.repository");
    });

    it("runs none of the fork's code and writes only pull-request comments", () => {
        expect(workflow.permissions).to.deep.equal({});
        expect(workflow.jobs.comment.permissions).to.deep.equal({ actions: "read", "pull-requests": "write" });
        const steps = workflow.jobs.comment.steps;
        expect(steps.some((step) => step.uses?.startsWith("actions/checkout"))).to.equal(false);
        expect(steps.some((step) => step.run !== undefined)).to.equal(false);
        expect(steps[0]).to.deep.include({ uses: "actions/download-artifact@v4" });
        expect(steps[0].with).to.include({ name: "offline-plan-diff" });
        expect(String(steps[1].with?.script)).to.contain("pr.head.sha !== process.env.HEAD_SHA");
    });
});
