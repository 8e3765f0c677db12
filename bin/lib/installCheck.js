"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Stops with what to do when the package's dependencies cannot be found from where it lies.
 * `npm install <folder>` links a folder outside the project and installs none of its
 * dependencies (https://docs.npmjs.com/cli/commands/npm-install, `<folder>`; `--install-links`
 * installs a copy, its dependencies in the project), and Node resolves a linked package's
 * dependencies from the folder itself, where a fresh clone has none.
 */
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
/** The folder of the package's package.json: the clone, or the installed copy. */
function packageRoot(dir) {
    const parent = path.dirname(dir);
    return fs.existsSync(path.join(dir, "package.json")) || parent === dir ? dir : packageRoot(parent);
}
function checkDependenciesFound() {
    try {
        require.resolve("@pulumi/pulumi");
    }
    catch {
        const root = packageRoot(__dirname);
        throw new Error(`backup-ready: @pulumi/pulumi cannot be found from ${root}, so its dependencies are not installed there. ` +
            `npm install <folder> links a folder outside your project and installs none of its dependencies: ` +
            `install a copy instead, npm install --install-links ${root}`);
    }
}
checkDependenciesFound();
