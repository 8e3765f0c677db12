/**
 * What the package's sources compile to (`tsc -p tsconfig.build.json`, as `npm run compile`), made
 * once per content and shared: by every test file that needs it, in any mocha worker, and by the
 * next run while the sources stay the same. Kept under the system's temporary directory, keyed by
 * a hash of everything the build reads; made aside and renamed, so that a build in parallel never
 * shows half a directory. Tests read it and never rebuild bin/ in place, which would change the
 * working tree under the tests that read bin/ at the same time.
 */
import { execFileSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PROJECT_DIR } from "./plan";

/**
 * What the build reads: the folders tsconfig.build.json includes and the rulebook, which they
 * import; its configs and the compiler. Read from the config, so a folder added to the build
 * (drill/ was) also renews the cached build.
 */
const BUILD_INCLUDES = (JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "tsconfig.build.json"), "utf8")) as { include: string[] }).include;
const INPUT_DIRS = [...new Set([...BUILD_INCLUDES.map((pattern) => pattern.split("/")[0]), path.join("policy", "rulebook")])];
const INPUT_FILES = ["tsconfig.json", "tsconfig.build.json", path.join("node_modules", "typescript", "package.json")];

/** Every file under `dir`, relative to it, sorted. */
export function filesUnder(dir: string): string[] {
    return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((file) => fs.statSync(path.join(dir, file)).isFile()).sort();
}

function inputsHash(): string {
    const hash = crypto.createHash("sha256");
    const files = [...INPUT_DIRS.flatMap((dir) => filesUnder(path.join(PROJECT_DIR, dir)).map((file) => path.join(dir, file))), ...INPUT_FILES];
    for (const file of files) {
        hash.update(file).update("\0").update(fs.readFileSync(path.join(PROJECT_DIR, file))).update("\0");
    }
    return hash.digest("hex").slice(0, 16);
}

/** The directory of the fresh build of the current sources (its layout is bin/'s). */
export function freshBuild(): string {
    const dir = path.join(os.tmpdir(), `backup-ready-build-${inputsHash()}`);
    if (!fs.existsSync(dir)) {
        const aside = `${dir}.${process.pid}.tmp`;
        fs.rmSync(aside, { recursive: true, force: true });
        execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", aside], { cwd: PROJECT_DIR, timeout: 120_000 });
        try {
            fs.renameSync(aside, dir);
        } catch (err) {
            // Another process finished the same build first: theirs is as good.
            fs.rmSync(aside, { recursive: true, force: true });
            if (!fs.existsSync(dir)) {
                throw err;
            }
        }
    }
    return dir;
}

/** How the committed bin/ differs from the fresh build: files missing or extra on either side, and files whose content differs. */
export function binDifferences(): { missing: string[]; extra: string[]; stale: string[] } {
    const built = freshBuild();
    const bin = path.join(PROJECT_DIR, "bin");
    const [want, have] = [filesUnder(built), filesUnder(bin)];
    return {
        missing: want.filter((file) => !have.includes(file)),
        extra: have.filter((file) => !want.includes(file)),
        stale: want.filter((file) => have.includes(file) && !fs.readFileSync(path.join(built, file)).equals(fs.readFileSync(path.join(bin, file)))),
    };
}
