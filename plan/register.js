/**
 * `node -r ./plan/register.js plan/cli.ts`: TypeScript for the offline tools (`npm run plan`,
 * `npm run bench`) the way ts-node --transpile-only compiles it (TypeScript's transpileModule with
 * the project's tsconfig.json), with two differences that make a plan of 1,000 VMs take less than
 * half the CPU:
 *
 * - Each file's JavaScript is kept under node_modules/.cache/backup-ready/ts, keyed by the file's
 *   path and checked against a hash of its source, the tsconfig and the TypeScript version: a
 *   run loads the compiler only for files that changed (ts-node compiles every file every run).
 * - No source-map support is installed. The SDK reads `new Error().stack` for every promise it
 *   makes (@pulumi/pulumi runtime/debuggable.ts), and ts-node's support maps each of those stacks
 *   frame by frame: most of the CPU of a large plan. Stack traces therefore show the compiled
 *   lines; the JavaScript carries inline source maps, so `NODE_OPTIONS=--enable-source-maps`
 *   shows the TypeScript ones, at that cost.
 *
 * Plain JavaScript, so that plain node can load it before any TypeScript.
 */
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const PROJECT_DIR = path.resolve(__dirname, "..");
const TSCONFIG = path.join(PROJECT_DIR, "tsconfig.json");
const CACHE_DIR = path.join(PROJECT_DIR, "node_modules", ".cache", "backup-ready", "ts");

let compiler;

/** TypeScript and the project's compiler options, loaded on the first file that needs compiling. */
function loadCompiler() {
    if (compiler === undefined) {
        const ts = require("typescript");
        const { config, error } = ts.readConfigFile(TSCONFIG, ts.sys.readFile);
        if (error) {
            throw new Error(`${TSCONFIG}: ${ts.flattenDiagnosticMessageText(error.messageText, "\n")}`);
        }
        const { options } = ts.parseJsonConfigFileContent(config, ts.sys, PROJECT_DIR);
        compiler = { ts, options: { ...options, sourceMap: false, inlineSourceMap: true, inlineSources: true, declaration: false, noEmit: false } };
    }
    return compiler;
}

/** What the compiled output depends on besides the source: the tsconfig and TypeScript's version. */
const setup = crypto
    .createHash("sha256")
    .update(fs.readFileSync(TSCONFIG))
    .update(require("typescript/package.json").version)
    .digest("hex");

function compiled(filename, source) {
    const stamp = `// ${crypto.createHash("sha256").update(setup).update(source).digest("hex")}\n`;
    const cached = path.join(CACHE_DIR, `${crypto.createHash("sha256").update(filename).digest("hex")}.js`);
    try {
        const text = fs.readFileSync(cached, "utf8");
        if (text.startsWith(stamp)) {
            return text.slice(stamp.length);
        }
    } catch {
        // Not compiled yet.
    }
    const { ts, options } = loadCompiler();
    const output = ts.transpileModule(source, { compilerOptions: options, fileName: filename, reportDiagnostics: false }).outputText;
    try {
        fs.mkdirSync(CACHE_DIR, { recursive: true });
        // Written aside and renamed, so that a run in parallel never reads half a file.
        const temporary = `${cached}.${process.pid}.tmp`;
        fs.writeFileSync(temporary, stamp + output);
        fs.renameSync(temporary, cached);
    } catch {
        // A read-only node_modules: compile every run, as ts-node does.
    }
    return output;
}

require.extensions[".ts"] = function (module, filename) {
    module._compile(compiled(filename, fs.readFileSync(filename, "utf8")), filename);
};
