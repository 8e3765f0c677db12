/**
 * What `npm pack` ships is what a consumer's install gets: every module the compiled entry point
 * loads, the rulebook's among them, must be in it.
 */
import { expect } from "chai";
import { execFileSync } from "child_process";
import * as path from "path";
import { PROJECT_DIR } from "./support/plan";

describe("the package's files", () => {
    it("hold every project module the compiled entry point loads, and the templates it reads", function () {
        this.timeout(60_000);
        const packed = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: PROJECT_DIR, encoding: "utf8" })) as Array<{ files: { path: string }[] }>;
        const files = new Set(packed[0].files.map((file) => file.path));
        // Load the entry in a fresh process and list the project's own modules it required.
        const loaded = JSON.parse(
            execFileSync(
                process.execPath,
                ["-e", `require("./bin/components/index.js"); console.log(JSON.stringify(Object.keys(require.cache)))`],
                { cwd: PROJECT_DIR, encoding: "utf8" },
            ),
        ) as string[];
        const own = loaded.map((file) => path.relative(PROJECT_DIR, file)).filter((file) => !file.startsWith("node_modules") && !file.startsWith(".."));
        expect(own).to.include("bin/policy/rulebook/errors.js");
        expect(own.filter((file) => !files.has(file))).to.deep.equal([]);
        expect([...files].filter((file) => file.startsWith("templates/"))).to.not.be.empty;
    });
});
