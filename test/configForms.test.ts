/**
 * Every documented way to set a setting works in a real `pulumi preview`: the `pulumi config set`
 * commands of the README, the docs and the examples' READMEs are run through the CLI's own rules
 * (plan/configTypes.ts, from pulumi/pulumi config/map.go and workspace/project.go) against the
 * Pulumi.yaml they are for, and the offline plan's `--config` takes exactly the same forms.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { checkConfigType, ConfigType, setConfig } from "../plan/configTypes";
import { loadProjectConfig } from "../plan/projectConfig";
import { PROJECT_DIR } from "./support/plan";

/** The words of a shell command line, with '…' and "…" quoting (a "$(…)" stays one word). */
function words(line: string): string[] {
    return [...line.matchAll(/'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

interface SetCommand {
    file: string;
    key: string;
    value: string;
    path: boolean;
}

/** `pulumi config set [--path] [--secret] KEY VALUE`, wherever a document shows one. */
function setCommands(file: string): SetCommand[] {
    const text = fs.readFileSync(file, "utf8");
    return [...text.matchAll(/pulumi config set ([^`\n#]+)/g)].flatMap((match) => {
        const args = words(match[1].trim());
        const flags = args.filter((arg) => arg.startsWith("--"));
        const [key, value] = args.filter((arg) => !arg.startsWith("--"));
        return key === "KEY" || value === undefined ? [] : [{ file, key, value, path: flags.includes("--path") }];
    });
}

function declaredTypes(projectDir: string): Record<string, ConfigType> {
    const project = yaml.load(fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8")) as { config?: Record<string, ConfigType> };
    return project.config ?? {};
}

const DOCUMENTS = [
    { projectDir: PROJECT_DIR, files: ["README.md", ...fs.readdirSync(path.join(PROJECT_DIR, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)] },
    ...fs
        .readdirSync(path.join(PROJECT_DIR, "examples"))
        .filter((dir) => fs.existsSync(path.join(PROJECT_DIR, "examples", dir, "Pulumi.yaml")) && fs.existsSync(path.join(PROJECT_DIR, "examples", dir, "README.md")))
        .map((dir) => ({ projectDir: path.join(PROJECT_DIR, "examples", dir), files: ["README.md"] })),
];

describe("documented config commands, under the Pulumi CLI's type rules", () => {
    it("every `pulumi config set` of the README, the docs and the examples stores a value of the declared type", () => {
        let count = 0;
        for (const { projectDir, files } of DOCUMENTS) {
            const types = declaredTypes(projectDir);
            const stack: Record<string, unknown> = {};
            for (const command of files.flatMap((file) => setCommands(path.join(projectDir, file)))) {
                setConfig(stack, command.key, command.value, command.path);
                count++;
            }
            for (const [key, value] of Object.entries(stack)) {
                const declared = types[key];
                expect(() => declared && checkConfigType(key, declared, value), `${projectDir}: ${key}`).not.to.throw();
            }
        }
        expect(count, "commands found").to.be.greaterThan(15);
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
        const stack: Record<string, unknown> = {};
        setConfig(stack, "alertEmails[0]", "ops@example.com", true);
        setConfig(stack, "alertEmails[1]", "oncall@example.com", true);
        const { config } = loadProjectConfig(PROJECT_DIR, "no-such-stack", {}, stack);
        expect(config["backup-ready:alertEmails"]).to.equal('["ops@example.com","oncall@example.com"]');
        expect(() => loadProjectConfig(PROJECT_DIR, "no-such-stack", {}, { alertEmails: '["ops@example.com"]' })).to.throw(/^alertEmails: must be of type 'array<string>'/);
    });
});
