/**
 * `npm run docs`: writes what the documentation generates from the code, so that renamed settings,
 * arguments and components reach it by running this again:
 *
 * - docs/settings.md from Pulumi.yaml (grouped by docs/gen/settingsTopics.ts),
 * - docs/components.md from the sources of components/ (the barrel and the JSDoc),
 * - the picture in README.md, from the reference environment's plan.
 *
 * `npm run docs -- --check` writes nothing and exits 1, naming the files, when any differs.
 * test/docs.test.ts holds the committed files equal to {@link generatedDocs}.
 */
import * as fs from "fs";
import * as path from "path";
import { renderComponents } from "./components";
import { readDeclarations, renderSettings } from "./settings";
import { renderTopology, withTopology } from "./topology";

export const PROJECT_DIR = path.resolve(__dirname, "..", "..");

/** Each generated file, by its path from the project's root, with the content it must have. */
export async function generatedDocs(projectDir = PROJECT_DIR): Promise<Record<string, string>> {
    const readme = fs.readFileSync(path.join(projectDir, "README.md"), "utf8");
    return {
        "docs/settings.md": renderSettings(readDeclarations(projectDir)),
        "docs/components.md": renderComponents(projectDir),
        "README.md": withTopology(readme, await renderTopology(projectDir)),
    };
}

async function main(): Promise<void> {
    const check = process.argv.includes("--check");
    const stale: string[] = [];
    for (const [file, content] of Object.entries(await generatedDocs())) {
        const target = path.join(PROJECT_DIR, file);
        if (fs.existsSync(target) && fs.readFileSync(target, "utf8") === content) {
            continue;
        }
        stale.push(file);
        if (!check) {
            fs.writeFileSync(target, content);
            console.log(`Wrote ${file}`);
        }
    }
    if (check && stale.length > 0) {
        console.error(`Out of date: ${stale.join(", ")}. Run npm run docs.`);
        process.exitCode = 1;
    }
}

if (require.main === module) {
    main().catch((err) => {
        console.error(err instanceof Error ? err.message : err);
        process.exitCode = 1;
    });
}
