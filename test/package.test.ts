/**
 * What `npm pack` ships is what a consumer's install gets: every module the compiled entry point
 * loads, the rulebook's among them, must be in it.
 */
import { expect } from "chai";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { binDifferences } from "./support/build";
import { PROJECT_DIR } from "./support/plan";

describe("the package's files", () => {
    it("hold every project module the compiled entry point loads, and the templates it reads", function () {
        this.timeout(60_000);
        const packed = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: PROJECT_DIR, encoding: "utf8" })) as Array<{ files: { path: string }[] }>;
        const files = new Set(packed[0].files.map((file) => file.path));
        // Load the entry in a fresh process and list the project's own modules it required.
        const loaded = JSON.parse(
            execFileSync(
                process.execPath,
                ["-e", `require("./bin/components/index.js"); console.log(JSON.stringify(Object.keys(require.cache)))`],
                { cwd: PROJECT_DIR, encoding: "utf8" },
            ),
        ) as string[];
        const own = loaded.map((file) => path.relative(PROJECT_DIR, file)).filter((file) => !file.startsWith("node_modules") && !file.startsWith(".."));
        expect(own).to.include("bin/policy/rulebook/errors.js");
        expect(own.filter((file) => !files.has(file))).to.deep.equal([]);
        expect([...files].filter((file) => file.startsWith("templates/"))).to.not.be.empty;
    });
});

describe("the committed build (bin/)", () => {
    it("is what the sources compile to: run `npm run compile` and commit bin/ when this fails", function () {
        this.timeout(120_000);
        expect(binDifferences()).to.deep.equal({ missing: [], extra: [], stale: [] });
    });
});

describe("the package's public API (bin/components/index.d.ts)", () => {
    const entry = path.join(PROJECT_DIR, "bin", "components", "index.d.ts");
    let checker: ts.TypeChecker;
    let exported: Map<string, ts.Symbol>;

    before(function () {
        this.timeout(60_000);
        const program = ts.createProgram([entry], { strict: true, skipLibCheck: true, noEmit: true, types: [] });
        checker = program.getTypeChecker();
        const module = checker.getSymbolAtLocation(program.getSourceFile(entry) as ts.SourceFile) as ts.Symbol;
        exported = new Map(checker.getExportsOfModule(module).map((symbol) => [symbol.name, symbol]));
    });

    /** The classes and interfaces components/*.ts declare for export. */
    function declaredByComponents(): string[] {
        return fs
            .readdirSync(path.join(PROJECT_DIR, "components"))
            .filter((file) => file.endsWith(".ts") && file !== "index.ts")
            .flatMap((file) => {
                const source = ts.createSourceFile(file, fs.readFileSync(path.join(PROJECT_DIR, "components", file), "utf8"), ts.ScriptTarget.ES2022);
                return source.statements
                    .filter((s): s is ts.ClassDeclaration | ts.InterfaceDeclaration => (ts.isClassDeclaration(s) || ts.isInterfaceDeclaration(s)) && !!s.name)
                    .filter((s) => ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
                    .map((s) => (s.name as ts.Identifier).text);
            });
    }

    it("exports every component and every interface its file exports", () => {
        const declared = declaredByComponents();
        expect(declared).to.include.members(["BackupVault", "BackupVaultArgs", "ProtectedVmArgs", "RetiredVmArgs", "CommonArgs"]);
        expect(declared.filter((name) => !exported.has(name))).to.deep.equal([]);
    });

    it("exports the error class, the ARM id helpers and the time zone list", () => {
        expect([...exported.keys()]).to.include.members(["InvalidSettingError", "parseResourceId", "parseVmId", "ARM_TYPES", "WINDOWS_TIME_ZONES"]);
    });

    it("exports every type of the project that a public argument or helper uses", () => {
        const own = (declaration: ts.Declaration) => !declaration.getSourceFile().fileName.includes("node_modules");
        const missing = new Set<string>();
        const visit = (node: ts.Node) => {
            if (ts.isTypeReferenceNode(node) || ts.isExpressionWithTypeArguments(node)) {
                let symbol = checker.getSymbolAtLocation(ts.isTypeReferenceNode(node) ? node.typeName : node.expression);
                if (symbol && symbol.flags & ts.SymbolFlags.Alias) {
                    symbol = checker.getAliasedSymbol(symbol);
                }
                if (symbol?.declarations?.some(own) && !exported.has(symbol.name) && !(symbol.flags & ts.SymbolFlags.TypeParameter)) {
                    missing.add(symbol.name);
                }
            }
            ts.forEachChild(node, visit);
        };
        for (const symbol of exported.values()) {
            const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
            for (const declaration of target.declarations ?? []) {
                // The public face only: argument interfaces, constructors and function signatures, not private members.
                if (ts.isClassDeclaration(declaration)) {
                    declaration.members.filter((m) => !(ts.getCombinedModifierFlags(m as ts.Declaration) & ts.ModifierFlags.Private)).forEach(visit);
                    declaration.heritageClauses?.forEach(visit);
                } else {
                    visit(declaration);
                }
            }
        }
        expect([...missing]).to.deep.equal([]);
    });
});
