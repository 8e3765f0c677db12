import * as fs from "fs";
import * as path from "path";
import Mustache from "mustache";

/** Where the templates are, both from the sources and from the compiled package. */
export const TEMPLATE_DIR = [path.join(__dirname, "..", "templates"), path.join(__dirname, "..", "..", "templates")].find((dir) =>
    fs.existsSync(dir),
) as string;

/** Renders `templates/<name>.mustache` as plain text: values are inserted as they are, never HTML-escaped. */
export function render(name: string, view: object): string {
    const template = fs.readFileSync(path.join(TEMPLATE_DIR, `${name}.mustache`), "utf8");
    return Mustache.render(template, view, {}, { escape: (value: string) => value });
}

/** Indents every non-empty line, to place a rendered file inside a YAML block scalar. */
export function indent(text: string, spaces: number): string {
    const pad = " ".repeat(spaces);
    return text
        .replace(/\n$/, "")
        .split("\n")
        .map((line) => (line ? pad + line : line))
        .join("\n");
}

export function toBase64(text: string): string {
    return Buffer.from(text, "utf8").toString("base64");
}
