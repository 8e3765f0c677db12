/** Scratch directories under the system's temporary directory, removed by the test that made them. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** A new directory that programs dropping root privileges (squid) can still traverse. */
export function makeScratch(label: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `backup-ready-${label}-`));
    fs.chmodSync(dir, 0o755);
    return dir;
}

export function removeScratch(dir: string | undefined): void {
    if (dir) {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
