import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { DEFAULTS, SETTING_KEYS } from "../settings";
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
        expect(SETTING_KEYS).to.have.members(declared);
        expect(fs.readFileSync(path.join(PROJECT_DIR, "index.ts"), "utf8")).to.contain("SETTING_KEYS.map((key) => [key, project.get(key)])");
    });
});
