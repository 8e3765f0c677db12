/**
 * The documentation: what is generated from the code equals what is committed (docs/settings.md,
 * docs/components.md, the README's picture), and every relative link in the README, docs/ and the
 * examples' READMEs leads to a file and, with an anchor, to a heading of it.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as components from "../components";
import { generatedDocs } from "../docs/gen";
import { githubSlug, headingAnchors, linkTargets } from "../docs/gen/markdown";
import { readDeclarations, renderSettings } from "../docs/gen/settings";
import { brokenLinks, markdownFilesUnder } from "./support/markdownLinks";
import { PROJECT_DIR } from "./support/plan";

describe("generated documentation", function () {
    this.timeout(120_000);
    let generated: Record<string, string>;

    before(async () => {
        generated = await generatedDocs(PROJECT_DIR);
    });

    it("is committed as npm run docs writes it", () => {
        for (const [file, content] of Object.entries(generated)) {
            const committed = fs.readFileSync(path.join(PROJECT_DIR, file), "utf8");
            expect(committed, `${file} is not what its generator writes: run npm run docs`).to.equal(content);
        }
    });

    it("lists every setting Pulumi.yaml declares, with its default", () => {
        const settings = generated["docs/settings.md"];
        for (const [key, declaration] of Object.entries(readDeclarations(PROJECT_DIR))) {
            const row = settings.split("\n").find((line) => line.startsWith(`| \`${key}\` |`));
            expect(row, key).to.be.a("string");
            const value = "value" in declaration ? declaration.value : declaration.default;
            if (value !== undefined && value !== "") {
                expect(row, key).to.contain("`" + (typeof value === "string" ? value : JSON.stringify(value)) + "`");
            }
        }
    });

    it("stops, naming the key, when a topic names a setting Pulumi.yaml does not declare", () => {
        const declarations = readDeclarations(PROJECT_DIR);
        const { proxyPort, ...withoutProxyPort } = declarations;
        expect(proxyPort).to.be.an("object");
        expect(() => renderSettings(withoutProxyPort)).to.throw('names "proxyPort", which Pulumi.yaml does not declare');
        expect(() => renderSettings({ ...declarations, newKey: { type: "string", default: "", description: "new" } })).to.throw('"newKey" (declared in Pulumi.yaml) must be in exactly one topic');
    });

    it("documents every component the package exports, its arguments (inherited ones included) and its outputs", () => {
        const reference = generated["docs/components.md"];
        const exported = Object.entries(components).filter(([, value]) => typeof value === "function" && value.prototype instanceof pulumi.ComponentResource);
        expect(exported.length).to.be.greaterThan(5);
        for (const [name] of exported) {
            expect(reference, name).to.contain(`\n## ${name}\n`);
        }
        // A sample through inheritance: BackupFleet takes the vault settings and CommonArgs.
        const fleet = reference.slice(reference.indexOf("\n## BackupFleet\n"), reference.indexOf("\n## ", reference.indexOf("\n## BackupFleet\n") + 1));
        expect(fleet).to.contain("| `scope` |").and.contain("| `retentionDays` | `number` | 30 |").and.contain("| `tags` |").and.contain("| `vaultIds` | `pulumi.Output<string[]>` |");
    });
});

describe("GitHub's heading anchors", () => {
    it("lower-case the rendered text, drop punctuation, and make each space a hyphen", () => {
        expect(githubSlug("The two ways out, compared")).to.equal("the-two-ways-out-compared");
        expect(githubSlug("Settings (Settings > Environments > preview, or Secrets and variables > Actions)")).to.equal("settings-settings--environments--preview-or-secrets-and-variables--actions");
        expect(githubSlug("`npm run plan` and `out/plan.json`")).to.equal("npm-run-plan-and-outplanjson");
        expect(githubSlug("The lock and [`protectVault`](x.md)")).to.equal("the-lock-and-protectvault");
        expect(githubSlug("snake_case stays")).to.equal("snake_case-stays");
    });

    it("number a repeated heading", () => {
        expect([...headingAnchors("# A\n## Outputs\n```\n# not a heading\n```\n## Outputs\n")]).to.deep.equal(["a", "outputs", "outputs-1"]);
    });

    it("are found outside code only, as are links", () => {
        expect(linkTargets("[a](b.md) `[c](d.md)`\n```\n[e](f.md)\n```\n![g](h.svg \"title\")").map((link) => link.target)).to.deep.equal(["b.md", "h.svg"]);
    });
});

describe("relative links in README.md, docs/ and the examples' READMEs", () => {
    const files = [path.join(PROJECT_DIR, "README.md"), ...markdownFilesUnder(path.join(PROJECT_DIR, "docs")), ...markdownFilesUnder(path.join(PROJECT_DIR, "examples"))];

    it("cover the README, every page and every example", () => {
        const names = files.map((file) => path.relative(PROJECT_DIR, file));
        expect(names).to.include.members(["README.md", "docs/settings.md", "docs/components.md", "examples/02-fleet/README.md"]);
    });

    it("lead to a file that exists, and to a heading of it", () => {
        expect(brokenLinks(files, PROJECT_DIR)).to.deep.equal([]);
    });

    it("would report a missing file, a missing anchor and an anchor into code", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "links-"));
        try {
            fs.writeFileSync(path.join(dir, "a.md"), "# Top\n\n## The vault\n\n[ok](#the-vault) [ok](b.md#b) [x](c.md) [y](b.md#nope) [z](a.ts#L1) [web](https://example.com/#x)\n");
            fs.writeFileSync(path.join(dir, "b.md"), "# B\n");
            fs.writeFileSync(path.join(dir, "a.ts"), "");
            const found = brokenLinks([path.join(dir, "a.md")], dir).map((link) => `${link.target}: ${link.why}`);
            expect(found).to.deep.equal(["c.md: no file c.md", "b.md#nope: no heading of b.md has the anchor #nope", "a.ts#L1: an anchor into a file that is not Markdown"]);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});

/**
 * The settings a page sets: `key=value` spans, `pulumi config set key` and `--config key=`
 * (placeholders `KEY`/`key` and environment variables, in capitals, aside), with their line numbers.
 */
function settingsSet(markdown: string): { line: number; key: string; text: string }[] {
    const found: { line: number; key: string; text: string }[] = [];
    markdown.split("\n").forEach((text, i) => {
        const patterns = [/`([A-Za-z][\w-]*(?::[\w-]+)?)=[^`]*`/g, /pulumi config set (?:--path )?'?([A-Za-z][\w-]*(?::[\w-]+)?)/g, /--config ([A-Za-z][\w-]*(?::[\w-]+)?)=/g];
        for (const pattern of patterns) {
            for (const match of text.matchAll(pattern)) {
                if (match[1] !== "key" && !/^[A-Z][A-Z0-9_]*$/.test(match[1])) {
                    found.push({ line: i + 1, key: match[1], text: match[0] });
                }
            }
        }
    });
    return found;
}

describe("settings named in README.md, docs/ and the examples' READMEs", () => {
    /** A page's project: an example's own Pulumi.yaml, or the root's. */
    const projectOf = (file: string) => (fs.existsSync(path.join(path.dirname(file), "Pulumi.yaml")) ? path.dirname(file) : PROJECT_DIR);
    const pages = [path.join(PROJECT_DIR, "README.md"), ...markdownFilesUnder(path.join(PROJECT_DIR, "docs")), ...markdownFilesUnder(path.join(PROJECT_DIR, "examples"))].filter(
        (file) => !file.endsWith(path.join("docs", "components.md")),
    );

    it("are settings the page's project declares (or, like backup=daily, a setting's value), so a renamed setting shows here", () => {
        const stale: string[] = [];
        for (const file of pages) {
            const declarations = readDeclarations(projectOf(file));
            const values = new Set(Object.values(declarations).map((d) => String("value" in d ? d.value : d.default)));
            for (const { line, key, text } of settingsSet(fs.readFileSync(file, "utf8"))) {
                if (!(key in declarations) && !values.has(text.replace(/`/g, ""))) {
                    stale.push(`${path.relative(PROJECT_DIR, file)}:${line}: ${text}`);
                }
            }
        }
        expect(stale).to.deep.equal([]);
    });

    it("are found in spans, commands and --config flags", () => {
        const found = settingsSet("set `protectVault=false`, then\n`pulumi config set --path 'regions[0]' westeurope` and `npm run plan -- --config proxyPort=8080` or --config KEY=VALUE, `PULUMI_NODEJS_TRANSPILE_ONLY=true`");
        expect(found.map((f) => f.key)).to.deep.equal(["protectVault", "regions", "proxyPort"]);
    });
});

