/**
 * The policy's schedule and retention shapes, compared with the request bodies of Azure's own
 * examples for API 2024-10-01 (Azure/azure-rest-api-specs, specification/recoveryservicesbackup/
 * resource-manager/Microsoft.RecoveryServices/stable/2024-10-01/examples/AzureIaasVm/V2Policy/IaaS_v2_hourly.json),
 * and the ranges each setting is held to.
 */
import { expect } from "chai";
import { InvalidSettingError } from "../policy/rulebook/errors";
import { checkVaultPolicy, retentionPolicy, schedulePolicy, VAULT_POLICY_DEFAULTS, VaultPolicySettings } from "../lib/vaultPolicy";

const RUN_TIME = "2021-12-17T08:00:00Z";

const POLICY: VaultPolicySettings = {
    backupPolicyType: "Enhanced",
    backupTime: "08:00",
    timeZone: "India Standard Time",
    retentionDays: 180,
    instantRestoreDays: 30,
    ...VAULT_POLICY_DEFAULTS,
};

describe("vault policy shapes", () => {
    it("writes the hourly schedule and the four retention tiers of Azure's V2 hourly example", () => {
        const policy = { ...POLICY, backupFrequency: "Hourly" as const, hourlyInterval: 4, hourlyWindowHours: 16, weeklyRetentionWeeks: 12, monthlyRetentionMonths: 60, yearlyRetentionYears: 10 };
        // The example's request body, less its `"retentionScheduleDaily": null` (an absent property).
        expect(schedulePolicy(policy, RUN_TIME)).to.deep.equal({
            hourlySchedule: { interval: 4, scheduleWindowDuration: 16, scheduleWindowStartTime: "2021-12-17T08:00:00Z" },
            schedulePolicyType: "SimpleSchedulePolicyV2",
            scheduleRunFrequency: "Hourly",
        });
        expect(retentionPolicy(policy, RUN_TIME)).to.deep.equal({
            retentionPolicyType: "LongTermRetentionPolicy",
            dailySchedule: { retentionDuration: { count: 180, durationType: "Days" }, retentionTimes: [RUN_TIME] },
            weeklySchedule: { daysOfTheWeek: ["Sunday"], retentionDuration: { count: 12, durationType: "Weeks" }, retentionTimes: [RUN_TIME] },
            monthlySchedule: {
                retentionDuration: { count: 60, durationType: "Months" },
                retentionScheduleFormatType: "Weekly",
                retentionScheduleWeekly: { daysOfTheWeek: ["Sunday"], weeksOfTheMonth: ["First"] },
                retentionTimes: [RUN_TIME],
            },
            yearlySchedule: {
                monthsOfYear: ["January"],
                retentionDuration: { count: 10, durationType: "Years" },
                retentionScheduleFormatType: "Weekly",
                retentionScheduleWeekly: { daysOfTheWeek: ["Sunday"], weeksOfTheMonth: ["First"] },
                retentionTimes: [RUN_TIME],
            },
        });
    });

    it("keeps only the daily tier when the others are 0, and takes the configured day and month", () => {
        expect(Object.keys(retentionPolicy(POLICY, RUN_TIME))).to.deep.equal(["retentionPolicyType", "dailySchedule"]);
        const yearly = retentionPolicy({ ...POLICY, yearlyRetentionYears: 7, retentionDay: "Friday", yearlyRetentionMonth: "December" }, RUN_TIME).yearlySchedule;
        expect(yearly).to.deep.include({ monthsOfYear: ["December"], retentionScheduleWeekly: { daysOfTheWeek: ["Friday"], weeksOfTheMonth: ["First"] } });
    });

    it("writes a daily schedule in each policy type's own shape", () => {
        expect(schedulePolicy(POLICY, RUN_TIME)).to.deep.equal({ schedulePolicyType: "SimpleSchedulePolicyV2", scheduleRunFrequency: "Daily", dailySchedule: { scheduleRunTimes: [RUN_TIME] } });
        expect(schedulePolicy({ ...POLICY, backupPolicyType: "Standard" }, RUN_TIME)).to.deep.equal({
            schedulePolicyType: "SimpleSchedulePolicy",
            scheduleRunFrequency: "Daily",
            scheduleRunTimes: [RUN_TIME],
        });
    });
});

describe("vault policy ranges", () => {
    const refused = (change: Partial<VaultPolicySettings>) => () => checkVaultPolicy({ ...POLICY, ...change });

    it("accepts Azure's limits themselves", () => {
        for (const change of [
            { weeklyRetentionWeeks: 5163, monthlyRetentionMonths: 1188, yearlyRetentionYears: 99 },
            { weeklyRetentionWeeks: 1, monthlyRetentionMonths: 1, yearlyRetentionYears: 1 },
            { backupFrequency: "Hourly" as const, hourlyInterval: 12, hourlyWindowHours: 12 },
            { backupFrequency: "Hourly" as const, hourlyInterval: 4, hourlyWindowHours: 24 },
        ]) {
            expect(refused(change), JSON.stringify(change)).to.not.throw();
        }
    });

    it("refuses a value past each limit, naming the setting", () => {
        const cases: [Partial<VaultPolicySettings>, string][] = [
            [{ weeklyRetentionWeeks: 5164 }, "weeklyRetentionWeeks"],
            [{ monthlyRetentionMonths: 1189 }, "monthlyRetentionMonths"],
            [{ yearlyRetentionYears: 100 }, "yearlyRetentionYears"],
            [{ retentionDay: "sunday" }, "retentionDay"],
            [{ yearlyRetentionMonth: "Jan" }, "yearlyRetentionMonth"],
            [{ backupFrequency: "Weekly" as never }, "backupFrequency"],
            [{ backupFrequency: "Hourly", hourlyInterval: 5 }, "hourlyInterval"],
            [{ backupFrequency: "Hourly", hourlyWindowHours: 25 }, "hourlyWindowHours"],
            [{ backupFrequency: "Hourly", hourlyInterval: 12, hourlyWindowHours: 8 }, "hourlyWindowHours"],
            [{ backupFrequency: "Hourly", backupPolicyType: "Standard", instantRestoreDays: 2 }, "backupFrequency"],
        ];
        for (const [change, setting] of cases) {
            expect(refused(change), JSON.stringify(change)).to.throw(InvalidSettingError).with.property("setting", setting);
        }
    });

    it("checks the hourly settings only for hourly backups", () => {
        expect(refused({ hourlyInterval: 5 })).to.not.throw();
    });
});
