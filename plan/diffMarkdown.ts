/** Writes a plan diff as Markdown for a pull-request comment. */
import { Action, DATA_BEARING_TYPES, PropertyChange, ResourceChange } from "./diff";

const HEADINGS: Record<Action, string> = { replace: "Replace", delete: "Delete", update: "Update", create: "Create" };
const MAX_VALUE_LENGTH = 80;

export function formatDiffMarkdown(changes: ResourceChange[], beforeLabel: string): string {
    const released = changes.filter((c) => c.action === "delete" && c.retainOnDelete);
    const count = (action: Action) => changes.filter((c) => c.action === action && !released.includes(c)).length;
    const keptInAzure = released.length > 0 ? `, ${released.length} to leave the stack but keep in Azure` : "";
    const lines = [
        `## Offline plan: ${count("replace")} to replace, ${count("delete")} to delete, ${count("update")} to update, ${count("create")} to create${keptInAzure}`,
        "",
    ];
    // A resource Pulumi lets go of without deleting it (retainOnDelete) keeps its data in Azure.
    const atRisk = changes.filter((c) => (c.action === "replace" || c.action === "delete") && DATA_BEARING_TYPES.has(c.type) && !c.retainOnDelete);
    if (atRisk.length > 0) {
        lines.push(
            "> [!CAUTION]",
            `> **${atRisk.length} VM, vault or protected item${atRisk.length === 1 ? "" : "s"} would be replaced or deleted.** A replaced VM loses its disks; a deleted vault or protected item loses recovery points.`,
            ...atRisk.map((c) => `> - **${c.action.toUpperCase()}** \`${c.name}\` (${c.type})${c.protect ? ": protected, Pulumi will refuse until protection is lifted" : ""}${retireHint(c)}`),
            "",
        );
    }
    const noted = (kinds: string[]) => changes.flatMap((c) => (c.notes ?? []).filter((n) => kinds.includes(n.kind)).map((n) => ({ change: c, note: n })));
    const paused = noted(["pauses"]);
    if (paused.length > 0) {
        lines.push(
            "> [!IMPORTANT]",
            `> **${paused.length} private address${paused.length === 1 ? "" : "es"} change${paused.length === 1 ? "s" : ""} hands: traffic to ${paused.length === 1 ? "it" : "them"} pauses.**`,
            ...paused.map(({ change, note }) => `> - **${NOTE_LABELS[note.kind]}** \`${change.name}\`: ${note.text}`),
            "",
        );
    }
    const flagged = noted(["refused", "irreversible"]);
    if (flagged.length > 0) {
        lines.push(
            "> [!WARNING]",
            `> **${flagged.length} vault change${flagged.length === 1 ? "" : "s"} Azure will refuse or that cannot be undone.**`,
            ...flagged.map(({ change, note }) => `> - **${NOTE_LABELS[note.kind]}** \`${change.name}\`: ${note.text}`),
            "",
        );
    }
    lines.push(
        `> Compared with \`${beforeLabel}\`. This is the offline judgement of \`npm run plan -- --diff\`: a replacement is shown only where it is certain (a changed URN, region, name or a property Azure cannot change in place, listed in \`plan/diff.ts\`). \`pulumi preview\` against Azure has the final word.`,
        "",
    );
    if (changes.length === 0) {
        lines.push("No changes.");
    }
    for (const action of ["replace", "delete", "update", "create"] as Action[]) {
        const group = changes.filter((c) => c.action === action && !released.includes(c));
        if (group.length === 0) {
            continue;
        }
        lines.push(`### ${HEADINGS[action]}`, "");
        for (const change of group) {
            lines.push(...formatChange(change));
        }
    }
    if (released.length > 0) {
        lines.push("### Leave the stack, kept in Azure", "");
        for (const change of released) {
            lines.push(...formatChange(change));
        }
    }
    return lines.join("\n") + "\n";
}

/** A protected item about to go: how to keep its recovery points instead. */
function retireHint(change: ResourceChange): string {
    return change.type === "azure-native:recoveryservices:ProtectedItem" && change.action === "delete"
        ? "; to keep its recovery points, retire its VM instead (`retiredVms`, or a BackupVault's `retiredVirtualMachines`)"
        : "";
}

const NOTE_LABELS = { refused: "AZURE WILL REFUSE", irreversible: "IRREVERSIBLE", kept: "KEPT", pauses: "PAUSES TRAFFIC" } as const;

function formatChange(change: ResourceChange): string[] {
    const title = `- \`${change.name}\` (${change.type})${change.protect ? " [protected]" : ""}${change.retainOnDelete ? " [kept in Azure on delete]" : ""}`;
    const notes = (change.notes ?? []).map((note) => `  - **${NOTE_LABELS[note.kind]}**: ${note.text}`);
    if (change.properties.length === 0) {
        return [title, ...notes];
    }
    const lines = [title, ...notes, "", "  | property | before | after | |", "  | --- | --- | --- | --- |"];
    for (const property of change.properties) {
        lines.push(`  | \`${property.path}\` | ${cell(property.old)} | ${cell(property.new)} | ${property.replaces ? `**replaces** (${property.replaces})` : "in place"} |`);
    }
    for (const property of change.properties) {
        const textDiff = decodedTextDiff(property);
        if (textDiff) {
            lines.push("", `  <details><summary><code>${property.path}</code>, line by line</summary>`, "", "  ```diff", ...textDiff.map((l) => `  ${l}`), "  ```", "  </details>");
        }
    }
    lines.push("");
    return lines;
}

function cell(value: unknown): string {
    if (value === undefined) {
        return "-";
    }
    const text = JSON.stringify(value);
    const shown = text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}... (${text.length} chars)` : text;
    return `\`${shown.replace(/\|/g, "\\|").replace(/`/g, "'")}\``;
}

/** Scripts and cloud-init (which travels base64-encoded, decoded here), line by line. */
function decodedTextDiff(property: PropertyChange): string[] | undefined {
    const before = decodeText(property.old);
    const after = decodeText(property.new);
    return before !== undefined && after !== undefined ? lineDiff(before.split("\n"), after.split("\n")) : undefined;
}

const BASE64 = /^[A-Za-z0-9+/]{16,}={0,2}$/;

function decodeText(value: unknown): string | undefined {
    if (typeof value !== "string") {
        return undefined;
    }
    if (value.includes("\n")) {
        return value;
    }
    if (!BASE64.test(value)) {
        return undefined;
    }
    const text = Buffer.from(value, "base64").toString("utf8");
    return /^(#cloud-config|#!)/.test(text) ? text : undefined;
}

/** A unified-style line diff (longest common subsequence), changed lines only. */
export function lineDiff(before: string[], after: string[]): string[] {
    const lcs = Array.from({ length: before.length + 1 }, () => new Array<number>(after.length + 1).fill(0));
    for (let i = before.length - 1; i >= 0; i--) {
        for (let j = after.length - 1; j >= 0; j--) {
            lcs[i][j] = before[i] === after[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        }
    }
    const out: string[] = [];
    let i = 0;
    let j = 0;
    while (i < before.length || j < after.length) {
        if (i < before.length && j < after.length && before[i] === after[j]) {
            i++;
            j++;
        } else if (j < after.length && (i === before.length || lcs[i][j + 1] > lcs[i + 1][j])) {
            out.push(`+${after[j++]}`);
        } else {
            out.push(`-${before[i++]}`);
        }
    }
    return out;
}
