// Parses Mermaid diagrams with Mermaid itself: the text of each file named on the command line,
// one JSON line per file on stdout ({ file, type } or { file, error }). Mermaid's parser runs
// DOMPurify on labels, which needs a DOM: jsdom provides one. It runs in a process of its own
// so that jsdom's globals never leak into the tests.
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";

const { window } = new JSDOM("");
globalThis.window = window;
globalThis.document = window.document;
const { default: mermaid } = await import("mermaid");

for (const file of process.argv.slice(2)) {
    try {
        const result = await mermaid.parse(readFileSync(file, "utf8"));
        console.log(JSON.stringify({ file, type: result.diagramType }));
    } catch (err) {
        console.log(JSON.stringify({ file, error: String(err?.message ?? err) }));
    }
}
