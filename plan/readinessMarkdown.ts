/** The readiness report for a pull-request comment: what fails first and unmissable, every line below. */
import { formatReadiness, isFailing, isReady, VmReadiness } from "./readiness";

/** Failing lines listed before the rest is only counted. */
const FAILURES_LISTED = 20;
/** Longer reports (over some 30 VMs) stay out of the comment: `readiness.txt` holds them. */
const REPORT_LINES_SHOWN = 300;

/** Markdown passes HTML through: `<account>` would vanish as an unknown tag. */
function escapeHtml(text: string): string {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function readinessMarkdown(report: readonly VmReadiness[]): string {
    const failures = report.flatMap(({ vm, checks }) => checks.filter(isFailing).map((check) => ({ vm, ...check })));
    const warnings = report.flatMap(({ vm, checks }) => checks.filter((check) => !check.pass && !isFailing(check)).map((check) => ({ vm, ...check })));
    const total = report.reduce((sum, vm) => sum + vm.checks.length, 0);
    const vms = `${report.length} protected VM${report.length === 1 ? "" : "s"}`;
    const lines: string[] = [];
    if (report.length === 0) {
        lines.push("## Backup readiness: no protected VMs", "", "> [!WARNING]", "> The plan protects no VM: there is nothing to check.", "");
    } else if (isReady(report)) {
        lines.push(`## Backup readiness: ready`, "", `${total - warnings.length} of ${total} checks pass for ${vms}${warnings.length > 0 ? `, ${warnings.length} warn` : ""}.`, "");
    } else {
        lines.push(
            `## Backup readiness: NOT READY, ${failures.length} of ${total} checks fail`,
            "",
            "> [!CAUTION]",
            `> **Backups would not work as planned** (${vms}). Each line names the check and the rule or setting that decided it:`,
            ...failures.slice(0, FAILURES_LISTED).map((f) => `> - **${escapeHtml(f.vm)}**: ${escapeHtml(`${f.check}: ${f.why}`).replace(/\n/g, " ")}`),
            ...(failures.length > FAILURES_LISTED ? [`> - ... and ${failures.length - FAILURES_LISTED} more failing lines, in the full report below.`] : []),
            "",
        );
    }
    if (warnings.length > 0) {
        lines.push(
            "> [!WARNING]",
            "> Backups run, but:",
            ...warnings.slice(0, FAILURES_LISTED).map((w) => `> - **${escapeHtml(w.vm)}**: ${escapeHtml(`${w.check}: ${w.why}`).replace(/\n/g, " ")}`),
            "",
        );
    }
    const text = formatReadiness(report);
    if (report.length > 0 && total <= REPORT_LINES_SHOWN) {
        lines.push("<details><summary>The full readiness report</summary>", "", "```text", text, "```", "", "</details>", "");
    } else if (report.length > 0) {
        lines.push(`The full report (${total} lines) is \`readiness.txt\` in the run's artifact.`, "");
    }
    return lines.join("\n");
}
