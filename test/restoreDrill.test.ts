/**
 * Restore drills' decisions, without Pulumi: the schedule Container Apps jobs take and what
 * follows from it, the quarantine NSG evaluated the way Azure evaluates NSGs (policy/rulebook/nsg.ts),
 * the alerts' KQL read by Kusto's own parser against the record table, the runner's environment
 * and its packaging.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
    checkDrillSettings,
    cronKqlPredicate,
    failedDrillQuery,
    MAX_SECRET_BYTES,
    overdueDrillQuery,
    packageRunner,
    parseCron,
    quarantineRules,
    RECORD_COLUMNS,
    RECORD_TABLE,
    runnerEnvironment,
    scheduleGaps,
    stagingAccountName,
    streamColumns,
    tableColumns,
} from "../lib/restoreDrill";
import { InvalidSettingError } from "../policy/rulebook/errors";
import { logsTargetOf, rawSettingsOf } from "../drill/runner";
import { RECORD_STREAM } from "../lib/restoreDrill";
import { evaluateFlow, ruleProblems } from "../policy/rulebook/nsg";

require("@kusto/language-service-next/bridge.js");
require("@kusto/language-service-next/Kusto.Language.Bridge.js");
const Kusto = (globalThis as any).Kusto.Language;

/** The record table as Log Analytics holds it: its columns, plus what every table has. */
const globals = Kusto.GlobalState.Default.WithDatabase(
    new Kusto.Symbols.DatabaseSymbol.ctor("workspace", [
        Kusto.Symbols.TableSymbol.From(`(${[...RECORD_COLUMNS.map((c) => `${c.name}:${c.type}`), "Type:string", "_ResourceId:string"].join(", ")})`).WithName(RECORD_TABLE),
    ]),
);

function diagnostics(query: string): string[] {
    const found = Kusto.KustoCode.ParseAndAnalyze(query, globals).GetDiagnostics();
    return Array.from({ length: found.Count }, (_, i) => found.getItem(i).Message as string);
}

function refusal(run: () => unknown): InvalidSettingError {
    try {
        run();
    } catch (err) {
        expect(err).to.be.instanceOf(InvalidSettingError);
        expect((err as Error).message).to.not.contain("\n");
        return err as InvalidSettingError;
    }
    throw new Error("expected a refusal");
}

const DAY = 24 * 60;

describe("restore drill schedule", () => {
    it("takes the default weekly schedule: a run may take a day, two periods are fourteen days", () => {
        const settings = checkDrillSettings({});
        expect(settings.schedule.expression).to.equal("0 3 * * 6");
        expect(settings.runMinutes).to.equal(DAY);
        expect(settings.periodMinutes).to.equal(14 * DAY);
    });

    it("takes runs exactly timeoutMinutes apart, and refuses them a minute closer", () => {
        expect(checkDrillSettings({ schedule: "0 */2 * * *", timeoutMinutes: 120 }).runMinutes).to.equal(120);
        const err = refusal(() => checkDrillSettings({ schedule: "0 */2 * * *", timeoutMinutes: 121 }));
        expect(err.setting).to.equal("schedule");
        expect(err.message).to.contain("120 minutes apart");
    });

    it("reads lists, ranges, steps and Sunday as 7, as cron does", () => {
        const schedule = parseCron("schedule", "15,45 1-5/2 * * 7");
        expect(schedule.minutes).to.deep.equal([15, 45]);
        expect(schedule.hours).to.deep.equal([1, 3, 5]);
        expect(schedule.daysOfWeek).to.deep.equal([0]);
        expect(scheduleGaps("schedule", schedule)).to.deep.equal({ shortestMinutes: 30, longestMinutes: 7 * DAY - 4 * 60 - 30 });
    });

    it("matches a day by either day field when both are restricted (cron's rule)", () => {
        // The 1st of each month, and every Monday.
        const gaps = scheduleGaps("schedule", parseCron("schedule", "0 0 1 * 1"));
        expect(gaps.longestMinutes).to.equal(7 * DAY);
        expect(gaps.shortestMinutes).to.equal(DAY);
    });

    it("finds the four-year period of a leap-day schedule", () => {
        expect(scheduleGaps("schedule", parseCron("schedule", "0 0 29 2 *")).longestMinutes).to.equal(1461 * DAY);
    });

    for (const [expression, why] of [
        ["0 3 * *", "four fields"],
        ["0 0 3 * * 6", "six fields (seconds are not Container Apps')"],
        ["@weekly", "a macro"],
        ["60 3 * * 6", "minute 60"],
        ["0 24 * * 6", "hour 24"],
        ["0 3 * * SAT", "a day name"],
        ["0 3 0 * *", "day of month 0"],
        ["0 3 * 13 *", "month 13"],
        ["0 3 5-1 * *", "a backward range"],
        ["*/0 3 * * *", "a step of 0"],
        ["0 0 30 2 *", "a date that never comes"],
    ]) {
        it(`refuses ${why} in one line naming schedule`, () => {
            expect(refusal(() => checkDrillSettings({ schedule: expression })).setting).to.equal("schedule");
        });
    }

    it("refuses other arguments by name: timeout, parallelism, recovery point, its window, VM names", () => {
        expect(refusal(() => checkDrillSettings({ timeoutMinutes: 14 })).setting).to.equal("timeoutMinutes");
        expect(refusal(() => checkDrillSettings({ timeoutMinutes: DAY + 1 })).setting).to.equal("timeoutMinutes");
        expect(refusal(() => checkDrillSettings({ maxParallel: 0 })).setting).to.equal("maxParallel");
        expect(refusal(() => checkDrillSettings({ recoveryPoint: "oldest" })).setting).to.equal("recoveryPoint");
        expect(refusal(() => checkDrillSettings({ recoveryPointWindowDays: 3 })).setting).to.equal("recoveryPointWindowDays");
        expect(refusal(() => checkDrillSettings({ recoveryPoint: "random", recoveryPointWindowDays: 0 })).setting).to.equal("recoveryPointWindowDays");
        // A list's entry is named by its index, as the path form writes it.
        expect(refusal(() => checkDrillSettings({ vmNames: ["app-1", "app-1"] })).message).to.equal('vmNames[1]: must be each VM once; it repeats vmNames[0]; got "app-1"');
        expect(refusal(() => checkDrillSettings({ vmNames: ["bad name"] })).setting).to.equal("vmNames[0]");
        expect(refusal(() => checkDrillSettings({ checkScript: " " })).setting).to.equal("checkScript");
    });
});

describe("restore drill runner environment", () => {
    it("is the contract drill/runner.ts reads, each value as the runner parses it", () => {
        const settings = checkDrillSettings({ vmNames: ["app-1", "app-2"], recoveryPoint: "random", recoveryPointWindowDays: 10, checkScript: "systemctl is-system-running", maxParallel: 3 });
        const env = runnerEnvironment(settings, {
            vaultId: "vault",
            targetResourceGroupId: "group",
            quarantineSubnetId: "subnet",
            stagingAccountId: "staging",
            clientId: "client",
            logsEndpoint: "https://dce.example",
            logsRuleId: "dcr-immutable",
            logsStream: "Custom-RestoreDrill_CL",
        });
        expect(Object.fromEntries(env.map(({ name, value }) => [name, value]))).to.deep.equal({
            DRILL_VAULT_ID: "vault",
            DRILL_TARGET_RESOURCE_GROUP_ID: "group",
            DRILL_QUARANTINE_SUBNET_ID: "subnet",
            DRILL_STAGING_ACCOUNT_ID: "staging",
            DRILL_VMS: '["app-1","app-2"]',
            DRILL_MAX_PARALLEL: "3",
            DRILL_RECOVERY_POINT: "random:10",
            DRILL_TIMEOUT_MINUTES: "120",
            DRILL_CHECK_SCRIPT: Buffer.from("systemctl is-system-running").toString("base64"),
            DRILL_POLL_SECONDS: "30",
            AZURE_CLIENT_ID: "client",
            DRILL_LOGS_ENDPOINT: "https://dce.example",
            DRILL_LOGS_RULE_ID: "dcr-immutable",
            DRILL_LOGS_STREAM: "Custom-RestoreDrill_CL",
        });
        expect(runnerEnvironment(checkDrillSettings({}), { vaultId: "", targetResourceGroupId: "", quarantineSubnetId: "", stagingAccountId: "", clientId: "", logsEndpoint: "", logsRuleId: "", logsStream: "" }).find((v) => v.name === "DRILL_CHECK_SCRIPT")).to.equal(undefined);
    });

    it("is read by the runner itself: drill/runner.ts takes every value as given", () => {
        const settings = checkDrillSettings({ vmNames: ["app-1"], recoveryPoint: "random", recoveryPointWindowDays: 5, checkScript: "test -f /etc/hostname" });
        const subnet = "/subscriptions/s/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/v/subnets/restore-drill-quarantine";
        const env = Object.fromEntries(
            runnerEnvironment(settings, {
                vaultId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v",
                targetResourceGroupId: "/subscriptions/s/resourceGroups/drill-rg",
                quarantineSubnetId: subnet,
                stagingAccountId: "/subscriptions/s/resourceGroups/drill-rg/providers/Microsoft.Storage/storageAccounts/drillabc",
                clientId: "00000000-0000-0000-0000-0000000000c1",
                logsEndpoint: "https://drill-abcd.westeurope-1.ingest.monitor.azure.com",
                logsRuleId: "dcr-00000000000000000000000000000001",
                logsStream: RECORD_STREAM,
            }).map(({ name, value }) => [name, value]),
        );
        expect(rawSettingsOf(env)).to.deep.include({ subnet, vms: ["app-1"], recoveryPoint: "random:5", checkScript: "test -f /etc/hostname", timeout: "120", maxParallel: "2", poll: "30" });
        expect(logsTargetOf(env)).to.deep.equal({ endpoint: "https://drill-abcd.westeurope-1.ingest.monitor.azure.com", ruleId: "dcr-00000000000000000000000000000001", stream: "Custom-RestoreDrill_CL" });
    });

    it("names the staging account within Azure's rules, the same every time", () => {
        const name = stagingAccountName("/subscriptions/x/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v", "drill");
        expect(name).to.match(/^[a-z0-9]{3,24}$/);
        expect(stagingAccountName("/subscriptions/X/resourceGroups/RG/providers/Microsoft.RecoveryServices/vaults/V", "drill")).to.equal(name);
        expect(stagingAccountName("/subscriptions/x/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/w", "drill")).to.not.equal(name);
    });
});

describe("restore drill runner package", () => {
    let folder: string;
    beforeEach(() => {
        folder = fs.mkdtempSync(path.join(os.tmpdir(), "drill-runner-"));
    });
    afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

    it("ships every .js file of the folder, subfolders included, each as a secret mounted at its path", () => {
        fs.writeFileSync(path.join(folder, "runner.js"), "require('./arm');");
        fs.writeFileSync(path.join(folder, "arm.js"), "module.exports = {};");
        fs.writeFileSync(path.join(folder, "runner.d.ts"), "export {};");
        fs.mkdirSync(path.join(folder, "checks"));
        fs.writeFileSync(path.join(folder, "checks", "boot.js"), "module.exports = 1;");
        const files = packageRunner("runnerFolder", folder);
        expect(files.map((f) => f.path)).to.deep.equal(["arm.js", "checks/boot.js", "runner.js"]);
        expect(files.find((f) => f.path === "runner.js")?.content).to.equal("require('./arm');");
        for (const file of files) {
            expect(file.secretName).to.match(/^[a-z0-9][a-z0-9-]{0,18}[a-z0-9]$/);
        }
        expect(new Set(files.map((f) => f.secretName)).size).to.equal(files.length);
    });

    it("refuses a folder without runner.js and a file too large for a secret", () => {
        expect(refusal(() => packageRunner("runnerFolder", path.join(folder, "missing"))).setting).to.equal("runnerFolder");
        fs.writeFileSync(path.join(folder, "arm.js"), "");
        expect(refusal(() => packageRunner("runnerFolder", folder)).setting).to.equal("runnerFolder");
        fs.writeFileSync(path.join(folder, "runner.js"), "x".repeat(MAX_SECRET_BYTES + 1));
        expect(refusal(() => packageRunner("runnerFolder", folder)).message).to.contain("runner.js");
    });
});

describe("restore drill quarantine NSG, evaluated as Azure does", () => {
    const VNET = ["10.0.0.0/16"];
    const rules = quarantineRules();

    it("has rules Azure accepts", () => {
        for (const rule of rules) {
            expect(ruleProblems(rule), rule.name).to.deep.equal([]);
        }
    });

    it("admits nothing: not the VNet, not the load balancer's probes, not the Internet", () => {
        for (const sourceIp of ["10.0.1.4", "168.63.129.16", "203.0.113.9"]) {
            for (const [protocol, port] of [["Tcp", 22], ["Tcp", 3389], ["Tcp", 443], ["Udp", 53]] as const) {
                expect(evaluateFlow(rules, { direction: "Inbound", protocol, sourceIp, destinationIp: "10.0.250.4", destinationPort: port }, VNET), `${sourceIp}:${port}`).to.deep.equal({ access: "Deny", rule: "deny-all-inbound" });
            }
        }
    });

    it("lets out only the wire server: not the VNet, not the Internet, not Azure's own services", () => {
        const out = (destinationIp: string, destinationPort: number, protocol: "Tcp" | "Udp" = "Tcp") =>
            evaluateFlow(rules, { direction: "Outbound", protocol, sourceIp: "10.0.250.4", destinationIp, destinationPort }, VNET);
        for (const port of [80, 32526]) {
            expect(out("168.63.129.16", port)).to.deep.equal({ access: "Allow", rule: "allow-azure-platform" });
        }
        for (const [ip, port] of [["10.0.1.4", 22], ["10.0.1.5", 3128], ["20.38.0.1", 443], ["8.8.8.8", 53]] as const) {
            expect(out(ip, port), `${ip}:${port}`).to.deep.equal({ access: "Deny", rule: "deny-all-outbound" });
        }
        expect(evaluateFlow(rules, { direction: "Outbound", protocol: "Tcp", sourceIp: "10.0.250.4", destinationTag: "Storage.WestEurope", destinationPort: 443 }, VNET).access).to.equal("Deny");
    });
});

describe("restore drill record and alerts", () => {
    it("declares the same columns in the table and in the rule's stream, in each API's type names", () => {
        expect(tableColumns().map((c) => c.name)).to.deep.equal(streamColumns().map((c) => c.name));
        expect(tableColumns().find((c) => c.name === "TimeGenerated")?.type).to.equal("dateTime");
        expect(streamColumns().find((c) => c.name === "TimeGenerated")?.type).to.equal("datetime");
        expect(streamColumns().map((c) => `${c.name}:${c.type}`)).to.deep.equal([
            "TimeGenerated:datetime",
            "Vault:string",
            "Vm:string",
            "VmName:string",
            "Result:string",
            "RecoveryPointId:string",
            "RecoveryPointTime:datetime",
            "RestoreJobId:string",
            "RestoredVmId:string",
            "DurationSeconds:real",
            "Checks:dynamic",
            "CleanupOk:boolean",
            "Leftover:dynamic",
        ]);
    });

    it("declares the stream the runner posts (the drill's contract fixture)", () => {
        const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", "drill", "restoreDrillStream.json"), "utf8"));
        expect(RECORD_STREAM).to.equal(fixture.stream);
        expect(streamColumns()).to.deep.equal(fixture.columns);
    });

    it("writes KQL Kusto's parser reads without a diagnostic against the table", () => {
        const schedule = parseCron("schedule", "30 2 1,15 * 1-5");
        expect(diagnostics(failedDrillQuery())).to.deep.equal([]);
        expect(diagnostics(overdueDrillQuery({ schedule, runMinutes: 600, vmNames: ["app-1", "app-2"], periodMinutes: 2 * 7 * DAY }))).to.deep.equal([]);
        expect(diagnostics(overdueDrillQuery({ schedule: parseCron("schedule", "* * * * *"), runMinutes: 15, vmNames: [], periodMinutes: 2 }))).to.deep.equal([]);
    });

    it("would catch a mistake: a column the table does not have", () => {
        expect(diagnostics(failedDrillQuery().replace("VmName", "Vmname"))).to.have.length.greaterThan(0);
        expect(diagnostics(`${RECORD_TABLE} | where Outcome == "failed"`)).to.have.length.greaterThan(0);
    });

    it("finds the due run from the schedule's own fields, both day fields as either", () => {
        expect(cronKqlPredicate(parseCron("schedule", "0 3 * * 6"), "t")).to.equal('datetime_part("minute", t) in (0) and datetime_part("hour", t) in (3) and toint(dayofweek(t) / 1d) in (6)');
        expect(cronKqlPredicate(parseCron("schedule", "0 0 1 * 1"), "t")).to.contain("(dayofmonth(t) in (1) or toint(dayofweek(t) / 1d) in (1))");
        expect(cronKqlPredicate(parseCron("schedule", "* * * * *"), "t")).to.equal("true");
    });

    it("derives its windows from the schedule: a run's length to settle, and two periods where they fit in two days", () => {
        const everyTwoHours = checkDrillSettings({ schedule: "0 */2 * * *" });
        const query = overdueDrillQuery({ ...everyTwoHours, vmNames: [] });
        expect(query).to.contain("to bin(now() - 150m, 1m)");
        expect(query).to.contain(`${RECORD_TABLE} | where TimeGenerated > now() - 240m`);
        expect(query).to.contain('countif(Result == "passed")');
        expect(diagnostics(query)).to.deep.equal([]);
        const weekly = checkDrillSettings({});
        expect(overdueDrillQuery({ ...weekly, vmNames: [] }), "fourteen days exceed what an alert can read").to.not.contain("unproven");
    });

    it("looks back no further than the two days Azure lets an alert read, and settles a run's full length first", () => {
        const query = overdueDrillQuery({ schedule: parseCron("schedule", "0 3 * * 6"), runMinutes: DAY, vmNames: [], periodMinutes: 14 * DAY });
        expect(query).to.contain("bin(now() - 2880m, 1m) to bin(now() - 1470m, 1m)");
        expect(query).to.contain(`${RECORD_TABLE} | where TimeGenerated > now() - 2880m`);
    });
});
