/**
 * The runner's code, shipped without an image of our own and without a manual upload: the
 * compiled `bin/drill/*.js` files become Container Apps secrets, mounted as files into a stock
 * Node.js image (a volume of `storageType` "Secret" whose `secrets` map each secret to a `path`;
 * Microsoft.App 2025-02-02-preview, Jobs.json and CommonDefinitions.json `Volume`, `SecretVolumeItem`).
 * A change of a file changes the job's secrets, so `pulumi up` delivers it.
 */
import * as fs from "fs";
import * as path from "path";
import { invalid } from "../../policy/rulebook/errors";

/**
 * The largest secret: Container Apps runs on Kubernetes, whose secrets are "limited to 1MiB in
 * size" (kubernetes.io/docs/concepts/configuration/secret/#restriction-data-size).
 */
export const MAX_SECRET_BYTES = 1024 * 1024;
/** The runner's entry point, inside the folder. */
export const RUNNER_ENTRY = "runner.js";
/** Where the files are mounted in the container. */
export const RUNNER_MOUNT = "/opt/restore-drill";

export interface RunnerFile {
    /** Path inside the folder, with forward slashes. */
    path: string;
    /** The Container Apps secret that carries it: lowercase letters, digits and '-', at most 20 characters (the Azure CLI's limit). */
    secretName: string;
    content: string;
}

function listFiles(folder: string, under = ""): string[] {
    return fs
        .readdirSync(path.join(folder, under), { withFileTypes: true })
        .sort((a, b) => a.name.localeCompare(b.name))
        .flatMap((entry) => {
            const relative = under === "" ? entry.name : `${under}/${entry.name}`;
            if (entry.isDirectory()) return listFiles(folder, relative);
            return entry.isFile() && entry.name.endsWith(".js") ? [relative] : [];
        });
}

/**
 * The runner's files as secrets, listed from the folder (so what the drill build writes is what
 * ships), in a stable order; an error naming `setting` when the folder holds no runner or a file
 * too large to be a secret.
 */
export function packageRunner(setting: string, folder: string): RunnerFile[] {
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
        invalid(setting, `a folder that holds the compiled runner (${RUNNER_ENTRY}): run the build first`, folder);
    }
    const files = listFiles(folder);
    if (!files.includes(RUNNER_ENTRY)) {
        invalid(setting, `a folder that holds the compiled runner (${RUNNER_ENTRY}): run the build first`, folder);
    }
    return files.map((file, i) => {
        const content = fs.readFileSync(path.join(folder, file), "utf8");
        if (Buffer.byteLength(content, "utf8") > MAX_SECRET_BYTES) {
            invalid(setting, `a runner whose files are each at most ${MAX_SECRET_BYTES} bytes (a Container Apps secret's limit)`, file);
        }
        return { path: file, secretName: `drill-file-${i + 1}`, content };
    });
}
