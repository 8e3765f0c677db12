import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { allowListRules, backupServiceDestinations, lockdownRules, windowsActivationRule } from "../lib/lockdownRules";
import { CURRENT_SETTING_KEYS, DEFAULTS, DEPRECATED_SETTINGS, SETTING_KEYS } from "../settings";
import { EXISTING_STACK_DIR } from "./support/existingStack";
import { PROJECT_DIR } from "./support/plan";

type Declaration = { type?: string; default?: unknown; description?: string; value?: unknown };

describe("Pulumi.yaml", () => {
    const project = yaml.load(fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), "utf8")) as { name: string; config: Record<string, Declaration> };

    it("declares every project key with a type, a default and a description", () => {
        for (const [key, declaration] of Object.entries(project.config)) {
            if (key.includes(":")) {
                continue;
            }
            expect(declaration.type, key).to.be.oneOf(["string", "integer", "boolean", "array"]);
            expect(declaration.description, key).to.be.a("string").that.is.not.empty;
            expect(declaration, key).to.have.property("default");
        }
    });

    it("states the same defaults as the code", () => {
        const { location, ...projectDefaults } = DEFAULTS;
        expect(project.config["azure-native:location"].value).to.equal(location);
        for (const [key, value] of Object.entries(projectDefaults)) {
            expect(project.config[key]?.default, key).to.deep.equal(value);
        }
    });

    it("declares exactly the keys the program reads", () => {
        const declared = Object.keys(project.config).filter((key) => !key.includes(":"));
        expect(CURRENT_SETTING_KEYS).to.have.members(declared);
        // The deprecated names are read too, undeclared: declared without a default Pulumi would require them.
        expect(SETTING_KEYS).to.have.members([...declared, ...Object.keys(DEPRECATED_SETTINGS)]);
        expect(Object.keys(project.config)).to.not.include.members(Object.keys(DEPRECATED_SETTINGS));
        expect(fs.readFileSync(path.join(PROJECT_DIR, "index.ts"), "utf8")).to.contain("SETTING_KEYS.map((key) => [key, project.get(key)])");
    });
});

/** The page on using the components, which holds the lockdown rules' table and the consumer program. */
const USING_COMPONENTS = path.join(PROJECT_DIR, "docs", "using-components.md");

describe("docs/using-components.md's table of the lockdown rules", () => {
    it("lists every rule the code writes, in both modes, with its direction and priority", () => {
        const page = fs.readFileSync(USING_COMPONENTS, "utf8");
        const rows = [...page.matchAll(/^\| `([a-z<>-]+)` \| (Inbound|Outbound) \| (\d+) \|/gm)].map(([, name, direction, priority]) => `${name} ${direction} ${priority}`);
        const proxy = lockdownRules({
            proxyIp: "10.0.0.5",
            proxyPort: 3128,
            clientAddressPrefixes: ["10.0.0.0/16"],
            sshSourceCidr: "203.0.113.0/24",
            backendIps: ["10.0.0.6", "10.0.0.7"],
        });
        const tags = allowListRules({ clientAddressPrefixes: ["10.0.0.0/16"], destinations: backupServiceDestinations("<region>") });
        const written = [...proxy, ...tags, windowsActivationRule(["10.0.0.0/16"])].map((rule) => `${rule.name} ${rule.direction} ${rule.priority}`);
        expect(rows).to.have.members([...new Set(written)]);
    });
});

describe("docs/using-components.md's consumer program", () => {
    it("is examples/01-existing-stack/index.ts, as the file is", () => {
        const page = fs.readFileSync(USING_COMPONENTS, "utf8");
        const example = fs.readFileSync(path.join(EXISTING_STACK_DIR, "index.ts"), "utf8");
        const program = example.slice(example.indexOf("import * as pulumi"));
        expect(page).to.contain("```ts\n" + program + "```\n");
    });
});
