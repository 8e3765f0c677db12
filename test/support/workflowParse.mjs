// Parses GitHub Actions workflows with GitHub's own parser, @actions/workflow-parser: the files
// named on the command line, one JSON line each on stdout ({ file, errors, jobs }). The package
// imports its JSON schemas without import attributes (it is built for bundlers); a loader hook
// adds `type: "json"` so that Node can load it as it is.
import { readFileSync } from "node:fs";
import { register } from "node:module";

register("data:text/javascript," + encodeURIComponent(`
export async function load(url, context, nextLoad) {
    if (url.endsWith(".json") && context.importAttributes?.type !== "json") {
        return nextLoad(url, { ...context, importAttributes: { ...context.importAttributes, type: "json" } });
    }
    return nextLoad(url, context);
}`));
const { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } = await import("@actions/workflow-parser");

for (const file of process.argv.slice(2)) {
    const parsed = parseWorkflow({ name: file, content: readFileSync(file, "utf8") }, new NoOperationTraceWriter());
    const errors = parsed.context.errors.getErrors().map((error) => error.message);
    const template = parsed.value ? await convertWorkflowTemplate(parsed.context, parsed.value) : undefined;
    errors.push(...(template?.errors ?? []).map((error) => error.Message ?? String(error)));
    console.log(JSON.stringify({ file, errors: [...new Set(errors)], jobs: (template?.jobs ?? []).map((job) => job.id?.value) }));
}
