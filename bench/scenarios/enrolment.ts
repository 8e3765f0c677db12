/** Enrolling existing VMs, by id only, in a vault: BackupVault's `virtualMachineIds`. */
import { BENCH_PROJECT, BENCH_STACK, LOCATION, Scenario } from "./scenario";

const SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
const BACKUP_VAULT = require.resolve("../../components/backupVault");

/** The ARM ids of `count` existing VMs, spread over ten resource groups as a subscription's would be. */
export function existingVmIds(count: number): string[] {
    return Array.from(
        { length: count },
        (_, i) => `/subscriptions/${SUBSCRIPTION}/resourceGroups/workload-${i % 10}/providers/Microsoft.Compute/virtualMachines/vm-${i + 1}`,
    );
}

export const enrolment: Scenario = {
    description: "BackupVault enrolling N existing VMs by id (virtualMachineIds)",
    modules: [BACKUP_VAULT],
    request(count) {
        return {
            project: BENCH_PROJECT,
            stack: BENCH_STACK,
            config: { "azure-native:location": LOCATION },
            program: () => {
                const { BackupVault } = require(BACKUP_VAULT) as typeof import("../../components/backupVault");
                new BackupVault("backup", { resourceGroupName: "backup-rg", location: LOCATION, virtualMachineIds: existingVmIds(count) });
                return {};
            },
        };
    },
};
