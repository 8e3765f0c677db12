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
exports.RUNNER_MOUNT = exports.RUNNER_ENTRY = exports.MAX_SECRET_BYTES = void 0;
exports.packageRunner = packageRunner;
/**
 * The runner's code, shipped without an image of our own and without a manual upload: the
 * compiled `bin/drill/*.js` files become Container Apps secrets, mounted as files into a stock
 * Node.js image (a volume of `storageType` "Secret" whose `secrets` map each secret to a `path`;
 * Microsoft.App 2025-02-02-preview, Jobs.json and CommonDefinitions.json `Volume`, `SecretVolumeItem`).
 * A change of a file changes the job's secrets, so `pulumi up` delivers it.
 */
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const errors_1 = require("../../policy/rulebook/errors");
/**
 * The largest secret: Container Apps runs on Kubernetes, whose secrets are "limited to 1MiB in
 * size" (kubernetes.io/docs/concepts/configuration/secret/#restriction-data-size).
 */
exports.MAX_SECRET_BYTES = 1024 * 1024;
/** The runner's entry point, inside the folder. */
exports.RUNNER_ENTRY = "runner.js";
/** Where the files are mounted in the container. */
exports.RUNNER_MOUNT = "/opt/restore-drill";
function listFiles(folder, under = "") {
    return fs
        .readdirSync(path.join(folder, under), { withFileTypes: true })
        .sort((a, b) => a.name.localeCompare(b.name))
        .flatMap((entry) => {
        const relative = under === "" ? entry.name : `${under}/${entry.name}`;
        if (entry.isDirectory())
            return listFiles(folder, relative);
        return entry.isFile() && entry.name.endsWith(".js") ? [relative] : [];
    });
}
/**
 * The runner's files as secrets, listed from the folder (so what the drill build writes is what
 * ships), in a stable order; an error naming `setting` when the folder holds no runner or a file
 * too large to be a secret.
 */
function packageRunner(setting, folder) {
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
        (0, errors_1.invalid)(setting, `a folder that holds the compiled runner (${exports.RUNNER_ENTRY}): run the build first`, folder);
    }
    const files = listFiles(folder);
    if (!files.includes(exports.RUNNER_ENTRY)) {
        (0, errors_1.invalid)(setting, `a folder that holds the compiled runner (${exports.RUNNER_ENTRY}): run the build first`, folder);
    }
    return files.map((file, i) => {
        const content = fs.readFileSync(path.join(folder, file), "utf8");
        if (Buffer.byteLength(content, "utf8") > exports.MAX_SECRET_BYTES) {
            (0, errors_1.invalid)(setting, `a runner whose files are each at most ${exports.MAX_SECRET_BYTES} bytes (a Container Apps secret's limit)`, file);
        }
        return { path: file, secretName: `drill-file-${i + 1}`, content };
    });
}
