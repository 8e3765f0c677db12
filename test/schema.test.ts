import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as ts from "typescript";
import * as yaml from "js-yaml";
import { AnalyzeResult, Analyzer } from "@pulumi/pulumi/provider/experimental/analyzer";
import { generateSchema } from "@pulumi/pulumi/provider/experimental/schema";
import * as components from "../components";
import { PROJECT_DIR } from "./support/plan";

/** The component classes the package exports, the way Pulumi's Node.js plugin host finds them. */
const exportedComponents = Object.entries(components)
    .filter(([, value]) => typeof value === "function" && value.prototype instanceof pulumi.ComponentResource)
    .map(([name]) => name)
    .sort();

/** The members of every args interface in components/, inherited ones included, read from the sources by the TypeScript parser. */
function argsInterfaces(): Map<string, string[]> {
    const declared = new Map<string, { members: string[]; bases: string[] }>();
    for (const file of fs.readdirSync(path.join(PROJECT_DIR, "components"))) {
        const text = fs.readFileSync(path.join(PROJECT_DIR, "components", file), "utf8");
        const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022);
        for (const statement of source.statements) {
            if (ts.isInterfaceDeclaration(statement) && statement.name.text.endsWith("Args")) {
                const bases = (statement.heritageClauses ?? []).flatMap((clause) => clause.types.map((type) => type.expression.getText(source)));
                declared.set(statement.name.text, { members: statement.members.map((member) => (member.name as ts.Identifier).text), bases });
            }
        }
    }
    const membersOf = (name: string): string[] => {
        const found = declared.get(name);
        return found ? [...found.bases.flatMap(membersOf), ...found.members] : [];
    };
    return new Map([...declared.keys()].map((name) => [name, [...new Set(membersOf(name))].sort()]));
}

describe("schema for other languages (PulumiPlugin.yaml)", () => {
    const packageJson = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "package.json"), "utf8"));
    let analyzed: AnalyzeResult;
    before(function () {
        this.timeout(120_000);
        analyzed = new Analyzer(PROJECT_DIR, packageJson.name, packageJson, new Set(exportedComponents)).analyze();
    });

    it("declares a Node.js plugin whose entry point is the component barrel", () => {
        expect(yaml.load(fs.readFileSync(path.join(PROJECT_DIR, "PulumiPlugin.yaml"), "utf8"))).to.deep.equal({ runtime: "nodejs" });
        // The plugin host requires the package's folder (@pulumi/pulumi cmd/run-plugin: `require(program)`),
        // which Node resolves by `main`; a program importing the package resolves it by `exports`.
        // Both must reach the same compiled barrel.
        const barrel = path.join(PROJECT_DIR, "bin", "components", "index.js");
        expect(packageJson.main).to.equal("bin/components/index.js");
        expect(require.resolve(PROJECT_DIR)).to.equal(barrel);
        expect(require.resolve(packageJson.name, { paths: [PROJECT_DIR] })).to.equal(barrel);
        expect(packageJson.exports["."]).to.include({ require: `./${packageJson.main}`, import: `./${packageJson.main}` });
    });

    it("analyzes the TypeScript sources of components/, which the exports' default condition names", () => {
        // The analyzer reads `exports["."].default` first, a .js path turned into its .ts
        // (@pulumi/pulumi provider/experimental/analyzer.js, findProgramEntryPoint); Node never
        // reaches `default`, taking `require` or `import` before it.
        const analyzer = new Analyzer(PROJECT_DIR, packageJson.name, packageJson, new Set(exportedComponents)) as unknown as { findProgramEntryPoint(): { fileName: string } };
        expect(path.resolve(analyzer.findProgramEntryPoint().fileName)).to.equal(path.join(PROJECT_DIR, "components", "index.ts"));
        expect(packageJson.exports["."].default).to.equal("./components/index.ts");
    });

    it("lists every exported component", () => {
        expect(exportedComponents).to.include.members(["BackupProxy", "BackupReadyLinuxVm", "BackupVault", "LinuxProxyClient", "NsgLockdown"]);
        expect(Object.keys(analyzed.components).sort()).to.deep.equal(exportedComponents);
    });

    it("lists every argument of every component", () => {
        const interfaces = argsInterfaces();
        for (const component of exportedComponents) {
            expect(Object.keys(analyzed.components[component].inputs).sort(), component).to.deep.equal(interfaces.get(`${component}Args`));
        }
    });

    it("generates a package schema with each component under the package's type token", () => {
        const schema = generateSchema(packageJson.name, packageJson.version, packageJson.description, analyzed.components, analyzed.typeDefinitions, analyzed.dependencies) as {
            name: string;
            resources: Record<string, { isComponent: boolean; inputProperties: Record<string, unknown> }>;
        };
        expect(schema.name).to.equal("backup-ready");
        for (const component of exportedComponents) {
            const resource = schema.resources[`backup-ready:index:${component}`];
            expect(resource?.isComponent, component).to.equal(true);
        }
        expect(schema.resources["backup-ready:index:BackupVault"].inputProperties).to.include.keys(["virtualMachineIds", "virtualMachines", "protect"]);
    });
});
