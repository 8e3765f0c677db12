/** docs/settings.md, from the config declarations of Pulumi.yaml, grouped as settingsTopics.ts says. */
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { SETTINGS_NOTES, SETTINGS_TOPICS, SettingsTopic } from "./settingsTopics";
import { GENERATED_NOTICE, markdownCell } from "./markdown";
import { DEPRECATED_SETTINGS } from "../../settings";
import { applicabilityOf } from "../../applicability";

/** A key as Pulumi.yaml declares it: a schema (`type`, `default`, `description`) or, for a provider's key, a `value`. */
interface Declaration {
    type?: string;
    items?: { type: string };
    default?: unknown;
    value?: unknown;
    description?: string;
}

export function readDeclarations(projectDir: string): Record<string, Declaration> {
    const project = yaml.load(fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8")) as { config?: Record<string, Declaration> };
    return project.config ?? {};
}

/** Every declared key in one topic, and every key a topic or note names declared. */
function checkTopics(declared: string[], topics: SettingsTopic[], notes: Record<string, string>): void {
    const where = "docs/gen/settingsTopics.ts";
    const grouped = topics.flatMap((topic) => topic.keys);
    for (const key of [...grouped, ...Object.keys(notes)]) {
        if (!declared.includes(key)) {
            throw new Error(`${where} names "${key}", which Pulumi.yaml does not declare: rename it there or remove it`);
        }
    }
    for (const key of declared) {
        const count = grouped.filter((k) => k === key).length;
        if (count !== 1) {
            throw new Error(`${where}: "${key}" (declared in Pulumi.yaml) must be in exactly one topic; it is in ${count}`);
        }
    }
}

function typeOf(declaration: Declaration): string {
    if (declaration.type === "array") {
        return `array of ${declaration.items?.type ?? "values"}`;
    }
    return declaration.type ?? typeof declaration.value;
}

function defaultOf(declaration: Declaration): string {
    const value = "value" in declaration ? declaration.value : declaration.default;
    if (value === undefined) {
        return "required";
    }
    if (value === "") {
        return "(empty)";
    }
    return "`" + (typeof value === "string" ? value : JSON.stringify(value)) + "`";
}

export function renderSettings(
    declarations: Record<string, Declaration>,
    topics: SettingsTopic[] = SETTINGS_TOPICS,
    notes: Record<string, string> = SETTINGS_NOTES,
    renamed: Readonly<Record<string, string>> = DEPRECATED_SETTINGS,
): string {
    checkTopics(Object.keys(declarations), topics, notes);
    const lines = [
        "# Settings",
        "",
        GENERATED_NOTICE("Pulumi.yaml and docs/gen/settingsTopics.ts"),
        "",
        "Declared with types, defaults and descriptions in `Pulumi.yaml`; set them with",
        "`pulumi config set KEY VALUE` (or `--config KEY=VALUE` for the offline plan); a list item by item,",
        "`pulumi config set --path 'alertEmails[0]' ops@example.com` (`--config 'alertEmails[0]=ops@example.com'`),",
        "or as a YAML list in `Pulumi.<stack>.yaml`: `pulumi config set` stores a plain value as text, which",
        "a key declared `type: array` refuses. An empty default means what the description says. A key",
        "the project does not know stops the plan and the preview, naming the nearest known key. The",
        "stack outputs are in [the offline plan](plan.md#stack-outputs).",
        "",
        "A setting set where it has no effect (\"applies with\" below) stops the plan with one line naming",
        "it and the setting that makes it irrelevant. A value equal to the default counts as unset: the",
        "CLI gives the program every declared default, so the two cannot be told apart.",
        "",
        ...topics.map((topic) => `- [${topic.title}](#${topic.title.toLowerCase().replace(/ /g, "-")})`),
    ];
    for (const topic of topics) {
        lines.push("", `## ${topic.title}`, "", topic.intro, "", "| key | type | default | applies with | meaning |", "| --- | --- | --- | --- | --- |");
        for (const key of topic.keys) {
            const declaration = declarations[key];
            const meaning = [declaration.description ?? "", notes[key] ?? ""].filter((text) => text !== "").join(" ");
            lines.push(`| \`${key}\` | ${typeOf(declaration)} | ${markdownCell(defaultOf(declaration))} | ${markdownCell(applicabilityOf(key))} | ${markdownCell(meaning)} |`);
        }
    }
    lines.push(
        "",
        "## Renamed settings",
        "",
        "Each setting is named after the component argument it feeds (see [design](design.md#one-name-per-concept)). These",
        "old names are still read, with a deprecation warning; setting an old name and its new one",
        "together is refused.",
        "",
        "| old name | set instead |",
        "| --- | --- |",
        ...Object.entries(renamed).map(([old, current]) => `| \`${old}\` | \`${current}\` |`),
    );
    return lines.join("\n") + "\n";
}
