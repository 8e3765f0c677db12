/**
 * The numbered examples (examples/NN-name), and planning a consumer example from the package's
 * sources: its `import ... from "backup-ready"` resolved to components/index.ts, as if the package
 * were linked, without building it (test/existingStack.test.ts and test/install.test.ts plan
 * 01-existing-stack against the built and the installed package).
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { Plan, runPlan } from "../../plan/engine";
import { loadProjectConfig } from "../../plan/projectConfig";
import { PROJECT_DIR } from "./plan";

export const EXAMPLES_DIR = path.join(PROJECT_DIR, "examples");
const PACKAGE_SOURCES = path.join(PROJECT_DIR, "components", "index.ts");
const PACKAGE_NAME = "backup-ready";

/** The example folders, in their order. */
export function exampleFolders(): string[] {
    return fs
        .readdirSync(EXAMPLES_DIR, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
}

/** Plans an example's program with its Pulumi.yaml, the stack's settings and the package's sources. */
export async function planExampleFromSource(dir: string, stack: string, settings: Record<string, string>): Promise<Plan> {
    const Module = require("module") as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
    const resolve = Module._resolveFilename;
    Module._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
        return resolve.call(this, request === PACKAGE_NAME ? PACKAGE_SOURCES : request, ...rest);
    };
    try {
        const { project, config } = loadProjectConfig(dir, stack, settings);
        const program = path.join(dir, "index.ts");
        return await runPlan({
            project,
            stack,
            config,
            program: () => {
                delete require.cache[require.resolve(program)];
                return require(program);
            },
        });
    } finally {
        Module._resolveFilename = resolve;
    }
}

/** The type errors of an example's program, with its own tsconfig and the package resolved to its sources. */
export function typeErrorsFromSource(dir: string): string[] {
    const configFile = path.join(dir, "tsconfig.json");
    const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(config, ts.sys, dir);
    const options = { ...parsed.options, noEmit: true, baseUrl: dir, paths: { [PACKAGE_NAME]: [PACKAGE_SOURCES] } };
    const program = ts.createProgram(parsed.fileNames, options);
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}
