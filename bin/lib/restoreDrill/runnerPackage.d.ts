/**
 * The largest secret: Container Apps runs on Kubernetes, whose secrets are "limited to 1MiB in
 * size" (kubernetes.io/docs/concepts/configuration/secret/#restriction-data-size).
 */
export declare const MAX_SECRET_BYTES: number;
/** The runner's entry point, inside the folder. */
export declare const RUNNER_ENTRY = "runner.js";
/** Where the files are mounted in the container. */
export declare const RUNNER_MOUNT = "/opt/restore-drill";
export interface RunnerFile {
    /** Path inside the folder, with forward slashes. */
    path: string;
    /** The Container Apps secret that carries it: lowercase letters, digits and '-', at most 20 characters (the Azure CLI's limit). */
    secretName: string;
    content: string;
}
/**
 * The runner's files as secrets, listed from the folder (so what the drill build writes is what
 * ships), in a stable order; an error naming `setting` when the folder holds no runner or a file
 * too large to be a secret.
 */
export declare function packageRunner(setting: string, folder: string): RunnerFile[];
