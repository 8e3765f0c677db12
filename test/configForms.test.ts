/**
 * Every documented way to set a setting works: the `pulumi config set` commands and the
 * `npm run plan -- --config …` commands of the README, the docs and the examples' READMEs are read
 * as a shell reads them and run through the rules they meet for real: the CLI's type rules
 * (plan/configTypes.ts, from pulumi/pulumi config/map.go and workspace/project.go) against the
 * Pulumi.yaml they are for, and the offline plan's own argument parsing and config loading
 * (plan/cliArgs.ts, plan/projectConfig.ts), which take exactly the same forms.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { parseArgs } from "../plan/cliArgs";
import { checkConfigType, ConfigType, setConfig } from "../plan/configTypes";
import { loadProjectConfig } from "../plan/projectConfig";
import { PROJECT_DIR } from "./support/plan";

/** A stack without a stack file: a documented command is checked on its own. */
const NO_STACK_FILE = "no-such-stack";

/**
 * The words of a shell command line as the shell hands them over: '…' taken literally, "…" with
 * its backslash escapes, a backslash outside quotes escaping the next character, $(…) kept as one
 * word, touching parts joined into one word (`key='["a"]'` is `key=["a"]`), and a `#` that starts a
 * word a comment to the end of the line.
 */
export function shellWords(line: string): string[] {
    const words: string[] = [];
    let word: string | undefined;
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (/\s/.test(c)) {
            if (word !== undefined) {
                words.push(word);
            }
            word = undefined;
        } else if (c === "#" && word === undefined) {
            break;
        } else if (c === "'") {
            const end = line.indexOf("'", i + 1);
            if (end < 0) {
                throw new Error(`unterminated ' in: ${line}`);
            }
            word = (word ?? "") + line.slice(i + 1, end);
            i = end;
        } else if (c === '"') {
            let text = "";
            for (i++; i < line.length && line[i] !== '"'; i++) {
                text += line[i] === "\\" && i + 1 < line.length && '"\\$`'.includes(line[i + 1]) ? line[++i] : line[i];
            }
            if (i >= line.length) {
                throw new Error(`unterminated " in: ${line}`);
            }
            word = (word ?? "") + text;
        } else if (c === "\\" && i + 1 < line.length) {
            word = (word ?? "") + line[++i];
        } else if (c === "$" && line[i + 1] === "(") {
            const end = line.indexOf(")", i);
            word = (word ?? "") + line.slice(i, end < 0 ? line.length : end + 1);
            i = end < 0 ? line.length : end;
        } else {
            word = (word ?? "") + c;
        }
    }
    return word === undefined ? words : [...words, word];
}

/**
 * The command lines a Markdown document shows: each line of a fenced block (a line ending in `\`
 * continued by the next), and each inline code span, its line breaks read as spaces.
 */
function commandLines(markdown: string): string[] {
    const lines: string[] = [];
    const prose = markdown.replace(/^```[^\n]*\n([\s\S]*?)^```[^\n]*$/gm, (_, block: string) => {
        lines.push(...block.replace(/\\\n/g, " ").split("\n"));
        return "";
    });
    lines.push(...[...prose.matchAll(/`([^`]+)`/g)].map((match) => match[1].replace(/\s*\n\s*/g, " ")));
    return lines;
}

interface DocumentedCommand {
    file: string;
    line: string;
    /** `npm run plan -- ARGS` (or a span of plan arguments, `--config KEY=VALUE`), or `pulumi config set ARGS`. */
    kind: "plan" | "set";
    args: string[];
}

const CONTROL = new Set(["&&", "||", ";", "|"]);

/** The plan and `config set` commands of one command line, each with its arguments up to a control operator. */
function commandsOf(file: string, line: string): DocumentedCommand[] {
    if (!/npm run plan|pulumi config set|^\s*--config\b/.test(line)) {
        return [];
    }
    const words = shellWords(line);
    const commands: DocumentedCommand[] = [];
    const argsFrom = (start: number) => {
        const end = words.findIndex((word, i) => i >= start && CONTROL.has(word));
        return words.slice(start, end < 0 ? words.length : end);
    };
    words.forEach((word, i) => {
        if (word === "npm" && words[i + 1] === "run" && words[i + 2] === "plan") {
            const args = argsFrom(i + 3);
            commands.push({ file, line, kind: "plan", args: args[0] === "--" ? args.slice(1) : args });
        } else if (word === "pulumi" && words[i + 1] === "config" && words[i + 2] === "set") {
            commands.push({ file, line, kind: "set", args: argsFrom(i + 3) });
        }
    });
    return words[0] === "--config" ? [{ file, line, kind: "plan", args: argsFrom(0) }] : commands;
}

/** README.md, docs/*.md and every README.md under examples/ (bounded in depth). */
function documents(): string[] {
    const readmes = (dir: string, depth: number): string[] =>
        depth > 4
            ? []
            : fs.readdirSync(path.join(PROJECT_DIR, dir), { withFileTypes: true }).flatMap((entry) => {
                  const file = `${dir}/${entry.name}`;
                  return entry.isDirectory() && entry.name !== "node_modules" ? readmes(file, depth + 1) : entry.name === "README.md" ? [file] : [];
              });
    const docs = fs.readdirSync(path.join(PROJECT_DIR, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`);
    return ["README.md", ...docs, ...readmes("examples", 0)];
}

function documentedCommands(file: string, markdown = fs.readFileSync(path.join(PROJECT_DIR, file), "utf8")): DocumentedCommand[] {
    return commandLines(markdown).flatMap((line) => commandsOf(file, line));
}

/** The Pulumi project a document's `pulumi config set` is for: the nearest folder up with a Pulumi.yaml. */
function projectOf(file: string): string {
    let dir = path.dirname(path.join(PROJECT_DIR, file));
    while (!fs.existsSync(path.join(dir, "Pulumi.yaml")) && dir.startsWith(PROJECT_DIR) && dir !== PROJECT_DIR) {
        dir = path.dirname(dir);
    }
    return dir;
}

function declaredTypes(projectDir: string): Record<string, ConfigType> {
    const project = yaml.load(fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8")) as { config?: Record<string, ConfigType> };
    return project.config ?? {};
}

/** What `npm run plan` does with its arguments before planning: parse them, then load the config (plan/cli.ts main). */
function runPlanArguments(args: string[]): void {
    const options = parseArgs(args);
    loadProjectConfig(PROJECT_DIR, NO_STACK_FILE, {}, options.config);
}

/** `pulumi config set [--path] [--secret] KEY VALUE` into a stack, held to the key's declared type. */
function runConfigSet(stack: Record<string, unknown>, types: Record<string, ConfigType>, args: string[]): boolean {
    const [key, value] = args.filter((arg) => !arg.startsWith("--"));
    if (key === "KEY" || value === undefined) {
        return false;
    }
    setConfig(stack, key, value, args.includes("--path"));
    const root = args.includes("--path") ? key.split(/[.[]/)[0] : key;
    const declared = types[root];
    if (declared) {
        checkConfigType(root, declared, stack[root]);
    }
    return true;
}

const ALL = documents().flatMap((file) => documentedCommands(file));

describe("documented config commands, under the rules they meet for real", () => {
    it("reads the shell's quoting: quotes joined into a word, $(…) one word, comments dropped", () => {
        expect(shellWords(`npm run plan -- --config alertEmails='["ops@example.com"]'`)).to.deep.equal(["npm", "run", "plan", "--", "--config", 'alertEmails=["ops@example.com"]']);
        expect(shellWords(`pulumi config set sshPublicKey "$(cat ~/.ssh/id_ed25519.pub)"   # optional`)).to.deep.equal(["pulumi", "config", "set", "sshPublicKey", "$(cat ~/.ssh/id_ed25519.pub)"]);
        expect(shellWords(`pulumi config set --path 'fleetRegions[0]' west\\ europe "a \\"b\\""`)).to.deep.equal(["pulumi", "config", "set", "--path", "fleetRegions[0]", "west europe", 'a "b"']);
    });

    it("finds the commands in fenced blocks, across a `\\` line break, and in inline spans across a line break", () => {
        const markdown = "```sh\nnpm ci && npm run plan -- --config proxyCount=2 \\\n  --config 'alertEmails[0]=a@example.com'\n```\nor `npm run plan -- --config\n'fleetRegions[0]=westeurope'`, and `--config vaultLock=false`.\n";
        expect(documentedCommands("x.md", markdown).map(({ kind, args }) => ({ kind, args }))).to.deep.equal([
            { kind: "plan", args: ["--config", "proxyCount=2", "--config", "alertEmails[0]=a@example.com"] },
            { kind: "plan", args: ["--config", "fleetRegions[0]=westeurope"] },
            { kind: "plan", args: ["--config", "vaultLock=false"] },
        ]);
    });

    it("every `pulumi config set` of the README, the docs and the examples stores a value of the declared type", () => {
        let count = 0;
        for (const file of documents()) {
            const types = declaredTypes(projectOf(file));
            const stack: Record<string, unknown> = {};
            for (const command of ALL.filter((c) => c.file === file && c.kind === "set")) {
                try {
                    count += runConfigSet(stack, types, command.args) ? 1 : 0;
                } catch (err) {
                    expect.fail(`${file}: \`${command.line.trim()}\`: ${(err as Error).message}`);
                }
            }
        }
        expect(count, "commands found").to.be.greaterThan(15);
    });

    it("every `npm run plan -- --config …` of the README, the docs and the examples is taken by the offline plan", () => {
        const plans = ALL.filter((c) => c.kind === "plan" && c.args.includes("--config"));
        for (const command of plans) {
            expect(() => runPlanArguments(command.args), `${command.file}: \`${command.line.trim()}\``).not.to.throw();
        }
        expect(plans.map((c) => c.file)).to.include.members(["examples/00-reference/README.md", "docs/fleets.md", "docs/plan.md", "docs/tests.md"]);
        expect(plans.length, "commands found").to.be.greaterThan(6);
    });

    it("refuses a list given as JSON text, as the old 00-reference README showed it", () => {
        const old = "```sh\nnpm run plan -- --config proxyCount=2 --config alertEmails='[\"ops@example.com\"]'\n```\n";
        const [command] = documentedCommands("examples/00-reference/README.md", old);
        expect(() => runPlanArguments(command.args)).to.throw(/^alertEmails: must be of type 'array<string>'.*--config 'alertEmails\[0\]=VALUE'/);
        const stack: Record<string, unknown> = {};
        const [set] = documentedCommands("README.md", "`pulumi config set alertEmails '[\"ops@example.com\"]'`");
        expect(() => runConfigSet(stack, declaredTypes(PROJECT_DIR), set.args)).to.throw(/^alertEmails: must be of type 'array<string>'/);
    });

    it("refuses what the CLI refuses: a list as JSON text (config_project_test.go), a word for an integer", () => {
        const types = declaredTypes(PROJECT_DIR);
        const stack: Record<string, unknown> = {};
        setConfig(stack, "alertEmails", '["ops@example.com"]', false);
        expect(() => checkConfigType("alertEmails", types.alertEmails, stack.alertEmails)).to.throw(/^alertEmails: must be of type 'array<string>'.*--path 'alertEmails\[0\]'/);
        expect(() => checkConfigType("appVmCount", types.appVmCount, "two")).to.throw("appVmCount: must be of type 'integer'");
        // What the CLI takes: text that parses as an integer or a boolean, and a list built by paths.
        expect(() => checkConfigType("appVmCount", types.appVmCount, "2")).not.to.throw();
        expect(() => checkConfigType("vaultLock", types.vaultLock, "false")).not.to.throw();
        setConfig(stack, "fleetRegions[0]", "westeurope", true);
        setConfig(stack, "fleetRegions[1]", "northeurope", true);
        expect(stack.fleetRegions).to.deep.equal(["westeurope", "northeurope"]);
        // A path's leaf that reads as an integer is stored as one (config/map.go adjustObjectValue), and refused in a list of strings.
        setConfig(stack, "retiredVms[0]", "3", true);
        expect(() => checkConfigType("retiredVms", types.retiredVms, stack.retiredVms)).to.throw("retiredVms: must be of type 'array<string>'");
    });

    it("the offline plan's --config and stack file take the same forms, and the program gets JSON", () => {
        const options = parseArgs(["--config", "alertEmails[0]=ops@example.com", "--config", "alertEmails[1]=oncall@example.com"]);
        const { config } = loadProjectConfig(PROJECT_DIR, NO_STACK_FILE, {}, options.config);
        expect(config["backup-ready:alertEmails"]).to.equal('["ops@example.com","oncall@example.com"]');
        expect(() => loadProjectConfig(PROJECT_DIR, NO_STACK_FILE, {}, { alertEmails: '["ops@example.com"]' })).to.throw(/^alertEmails: must be of type 'array<string>'/);
    });
});
