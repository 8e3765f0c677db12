/**
 * Loaded into the Pulumi program runner (`NODE_OPTIONS=--require`) by test/support/programRunner.ts,
 * before cmd/run itself. Two things a test cannot do from outside the process:
 *
 * - RUNNER_PROBE_ARM: sends the program's requests for https://management.azure.com (the VM size
 *   list, lib/vmSizeData.ts, and the locations list, lib/regionData.ts) to this loopback origin
 *   instead: there is no Azure here.
 * - RUNNER_PROBE_ERRORS: appends, for every uncaught error, what cmd/run/run.js receives in its
 *   own `uncaughtException` / `unhandledRejection` handler (this one is registered first, and Node
 *   calls each with the same error): the error's name, message and stack, and what run.js records
 *   of it with `defaultErrorMessage` (cmd/run/error.js) - the call that runs util.inspect.
 *
 * Plain JavaScript: it runs before the runner registers TypeScript.
 */
"use strict";
const fs = require("fs");

const arm = process.env.RUNNER_PROBE_ARM;
if (arm) {
    const AZURE = "https://management.azure.com/";
    const fetch = globalThis.fetch;
    globalThis.fetch = (input, init) => {
        const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
        if (!url.startsWith(AZURE)) {
            return fetch(input, init);
        }
        const local = `${arm}/${url.slice(AZURE.length)}`;
        return fetch(input instanceof Request ? new Request(local, input) : local, init);
    };
}

const errors = process.env.RUNNER_PROBE_ERRORS;
if (errors) {
    const record = (err) => {
        const { defaultErrorMessage } = require("@pulumi/pulumi/cmd/run/error");
        const entry = {
            name: err && err.name,
            message: err && err.message,
            stack: err && err.stack,
            recorded: defaultErrorMessage(err),
        };
        fs.appendFileSync(errors, JSON.stringify(entry) + "\n");
    };
    process.on("uncaughtException", record);
    process.on("unhandledRejection", record);
}
