/** The proxies' patch windows: one an hour, never two proxies at once, as systemd reads them. */
import { expect } from "chai";
import { formatPatchWindow, onCalendar, parsePatchWindow, proxyPatchWindows } from "../lib/patchWindow";
import { programPath, findProgram } from "./support/programs";
import { runOk } from "./support/processes";

describe("proxy patch windows", () => {
    it("gives each proxy the hour after the one before, wrapping past midnight and the week's end", () => {
        const windows = proxyPatchWindows(parsePatchWindow("proxyPatchWindow", "Sun 22:30"), 3);
        expect(windows.map(formatPatchWindow)).to.deep.equal(["Sun 22:30", "Sun 23:30", "Mon 00:30"]);
        expect(windows.map(onCalendar)).to.deep.equal(["Sun *-*-* 22:30:00", "Sun *-*-* 23:30:00", "Mon *-*-* 00:30:00"]);
        expect(new Set(proxyPatchWindows(parsePatchWindow("w", "Mon 00:00"), 10).map(formatPatchWindow)).size).to.equal(10);
    });

    it("writes calendar events systemd itself accepts and places on that weekday and time", async function () {
        if (findProgram("systemd-analyze") === undefined) {
            this.skip();
        }
        const output = await runOk(programPath("systemd-analyze"), ["calendar", onCalendar(parsePatchWindow("w", "Sun 03:00"))]);
        expect(output).to.match(/Normalized form: Sun \*-\*-\* 03:00:00/);
        expect(output).to.match(/Next elapse: Sun \d{4}-\d{2}-\d{2} 03:00:00/);
    });
});
