/**
 * Stops with what to do when the package's dependencies cannot be found from where it lies.
 * `npm install <folder>` links a folder outside the project and installs none of its
 * dependencies (https://docs.npmjs.com/cli/commands/npm-install, `<folder>`; `--install-links`
 * installs a copy, its dependencies in the project), and Node resolves a linked package's
 * dependencies from the folder itself, where a fresh clone has none.
 */
import * as fs from "fs";
import * as path from "path";

/** The folder of the package's package.json: the clone, or the installed copy. */
function packageRoot(dir: string): string {
    const parent = path.dirname(dir);
    return fs.existsSync(path.join(dir, "package.json")) || parent === dir ? dir : packageRoot(parent);
}

function checkDependenciesFound(): void {
    try {
        require.resolve("@pulumi/pulumi");
    } catch {
        const root = packageRoot(__dirname);
        throw new Error(
            `backup-ready: @pulumi/pulumi cannot be found from ${root}, so its dependencies are not installed there. ` +
                `npm install <folder> links a folder outside your project and installs none of its dependencies: ` +
                `install a copy instead, npm install --install-links ${root}`,
        );
    }
}

checkDependenciesFound();
