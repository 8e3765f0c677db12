/** Relative links in Markdown files that do not resolve: a missing file, or an anchor no heading of the target has. */
import * as fs from "fs";
import * as path from "path";
import { headingAnchors, linkTargets } from "../../docs/gen/markdown";

export interface BrokenLink {
    file: string;
    line: number;
    target: string;
    why: string;
}

/** Markdown files under a folder, recursively, skipping node_modules. */
export function markdownFilesUnder(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            return entry.name === "node_modules" ? [] : markdownFilesUnder(full);
        }
        return entry.name.endsWith(".md") ? [full] : [];
    });
}

const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i;

export function brokenLinks(files: string[], projectDir: string): BrokenLink[] {
    const broken: BrokenLink[] = [];
    for (const file of files) {
        const markdown = fs.readFileSync(file, "utf8");
        for (const { line, target } of linkTargets(markdown)) {
            if (EXTERNAL.test(target)) {
                continue;
            }
            const report = (why: string) => broken.push({ file: path.relative(projectDir, file), line, target, why });
            const hash = target.indexOf("#");
            const filePart = decodeURIComponent(hash < 0 ? target : target.slice(0, hash));
            const anchor = hash < 0 ? undefined : decodeURIComponent(target.slice(hash + 1));
            const resolved = filePart === "" ? file : path.resolve(path.dirname(file), filePart);
            if (!fs.existsSync(resolved)) {
                report(`no file ${path.relative(projectDir, resolved)}`);
                continue;
            }
            if (anchor === undefined) {
                continue;
            }
            if (!resolved.endsWith(".md")) {
                report("an anchor into a file that is not Markdown");
            } else if (!headingAnchors(fs.readFileSync(resolved, "utf8")).has(anchor)) {
                report(`no heading of ${path.relative(projectDir, resolved)} has the anchor #${anchor}`);
            }
        }
    }
    return broken;
}
