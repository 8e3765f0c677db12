/**
 * The KQL queries of the monitoring page (docs/monitoring.md), read by Kusto's own language service (@kusto/language-service-next,
 * the parser and analyzer behind Azure Data Explorer's and Log Analytics' editors), against the
 * tables the vault's diagnostic setting creates: an unknown table, column or function, or a
 * syntax error, is a diagnostic. The columns are Azure Backup's data model for the
 * resource-specific tables (learn.microsoft.com/azure/backup/backup-azure-reports-data-model),
 * plus what every Log Analytics table has (TimeGenerated, Type, _ResourceId).
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { BACKUP_LOG_CATEGORIES } from "../policy/rulebook/monitoring";
import { PROJECT_DIR } from "./support/plan";

// The package is Kusto.Language compiled to JavaScript by Bridge.NET: its runtime, then the
// library, each defining globals.
import { RECORD_COLUMNS } from "../drill/record";
import { RECORD_TABLE } from "../lib/restoreDrill/record";
require("@kusto/language-service-next/bridge.js");
require("@kusto/language-service-next/Kusto.Language.Bridge.js");
const Kusto = (globalThis as any).Kusto.Language;

const COMMON = "TimeGenerated:datetime, Type:string, _ResourceId:string, ResourceId:string, OperationName:string, Category:string, SchemaVersion:string, State:string, SourceSystem:string, VaultUniqueId:string";

/** The six resource-specific tables, by the data model. */
const TABLES: Record<(typeof BACKUP_LOG_CATEGORIES)[number], string> = {
    CoreAzureBackup:
        "BackupItemFriendlyName:string, BackupItemName:string, BackupItemProtectionState:string, BackupItemType:string, BackupItemUniqueId:string, BackupManagementType:string, LatestRecoveryPointTime:datetime, OldestRecoveryPointTime:datetime, PolicyUniqueId:string, ProtectedContainerUniqueId:string, VaultName:string",
    AddonAzureBackupJobs:
        "AdhocOrScheduledJob:string, BackupItemUniqueId:string, BackupManagementType:string, DataTransferredInMB:real, JobDurationInSecs:real, JobFailureCode:string, JobOperation:string, JobOperationSubType:string, JobStartDateTime:datetime, JobStatus:string, JobUniqueId:string, ProtectedContainerUniqueId:string",
    AddonAzureBackupPolicy: "BackupFrequency:string, BackupDaysOfTheWeek:string, BackupTimes:string, BackupItemUniqueId:string, PolicyName:string, PolicyUniqueId:string, DailyRetentionDuration:int",
    AddonAzureBackupStorage: "BackupItemUniqueId:string, ProtectedContainerUniqueId:string, StorageAllocatedInMBs:real, StorageConsumedInMBs:real, StorageName:string, StorageType:string, StorageUniqueId:string",
    AddonAzureBackupProtectedInstance: "BackupItemUniqueId:string, ProtectedContainerUniqueId:string, ProtectedInstanceCount:string",
    AddonAzureBackupAlerts: "AlertCode:string, AlertOccurrenceDateTime:datetime, AlertSeverity:string, AlertStatus:string, AlertType:string, AlertUniqueId:string, BackupItemUniqueId:string, RecommendedAction:string",
};

const globals = Kusto.GlobalState.Default.WithDatabase(
    new Kusto.Symbols.DatabaseSymbol.ctor(
        "workspace",
        Object.entries(TABLES).map(([name, columns]) => Kusto.Symbols.TableSymbol.From(`(${COMMON}, ${columns})`).WithName(name)),
    ),
);

interface Analysis {
    diagnostics: string[];
    tables: string[];
}

function analyze(query: string): Analysis {
    const code = Kusto.KustoCode.ParseAndAnalyze(query, globals);
    const found = code.GetDiagnostics();
    const diagnostics = Array.from({ length: found.Count }, (_, i) => found.getItem(i).Message as string);
    const elements = code.Syntax.GetDescendants(Kusto.Syntax.SyntaxElement, null);
    const tables = new Set<string>();
    for (let i = 0; i < elements.Count; i++) {
        const symbol = elements.getItem(i).ReferencedSymbol;
        if (symbol && Kusto.Symbols.TableSymbol.prototype.isPrototypeOf(symbol)) {
            tables.add(symbol.Name as string);
        }
    }
    return { diagnostics, tables: [...tables] };
}

/** The ```kusto blocks of the monitoring page. */
function monitoringQueries(): string[] {
    const page = fs.readFileSync(path.join(PROJECT_DIR, "docs", "monitoring.md"), "utf8");
    return [...page.matchAll(/```kusto\n([\s\S]*?)```/g)].map((match) => match[1]);
}

describe("the KQL queries of docs/monitoring.md", () => {
    const queries = monitoringQueries();

    it("are three", () => {
        expect(queries).to.have.length(3);
    });

    it("parse and analyze without a diagnostic against the Azure Backup tables", () => {
        for (const query of queries) {
            expect(analyze(query).diagnostics, query).to.deep.equal([]);
        }
    });

    it("read only tables the diagnostic setting creates: jobs, core and storage", () => {
        const used = queries.map((query) => analyze(query).tables.sort());
        expect(used).to.deep.equal([["AddonAzureBackupJobs", "CoreAzureBackup"], ["AddonAzureBackupJobs", "CoreAzureBackup"], ["AddonAzureBackupStorage"]]);
        for (const table of used.flat()) {
            expect(BACKUP_LOG_CATEGORIES as readonly string[]).to.include(table);
        }
    });

    it("would catch a mistake: a misspelt table, an unknown column, a broken pipe", () => {
        expect(analyze("AddonAzureBackupJob | take 1").diagnostics).to.have.length.greaterThan(0);
        expect(analyze("AddonAzureBackupJobs | where JobState == 'Failed'").diagnostics).to.have.length.greaterThan(0);
        expect(analyze("AddonAzureBackupJobs | where").diagnostics).to.have.length.greaterThan(0);
        expect(analyze("AzureDiagnostics | take 1").diagnostics, "the legacy table is not where Dedicated sends the logs").to.have.length.greaterThan(0);
    });
});

describe("the KQL queries of docs/restore-drills.md", () => {
    // The table as the drill writes it: drill/record.ts's columns (Kusto calls boolean "bool").
    const columns = RECORD_COLUMNS.map(({ name, type }) => `${name}:${type === "boolean" ? "bool" : type}`).join(", ");
    const drillGlobals = Kusto.GlobalState.Default.WithDatabase(
        new Kusto.Symbols.DatabaseSymbol.ctor("workspace", [Kusto.Symbols.TableSymbol.From(`(${columns})`).WithName(RECORD_TABLE)]),
    );
    const diagnosticsOf = (query: string): string[] => {
        const found = Kusto.KustoCode.ParseAndAnalyze(query, drillGlobals).GetDiagnostics();
        return Array.from({ length: found.Count }, (_, i) => found.getItem(i).Message as string);
    };
    const page = fs.readFileSync(path.join(PROJECT_DIR, "docs", "restore-drills.md"), "utf8");
    const queries = [...page.matchAll(/```kusto\n([\s\S]*?)```/g)].map((match) => match[1]);

    it("parse and analyze without a diagnostic against the drill's table, and would catch an unknown column", () => {
        expect(queries).to.have.length(2);
        for (const query of queries) {
            expect(diagnosticsOf(query), query).to.deep.equal([]);
        }
        expect(diagnosticsOf(`${RECORD_TABLE} | where Outcome == "failed"`)).to.have.length.greaterThan(0);
    });
});
