import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/azure-native/compute";
import * as recoveryservices from "@pulumi/azure-native/recoveryservices";
import { withoutTypeAliases } from "../lib/aliases";
import { readingOnly } from "../lib/outputs";
import { dailySchedulePolicy, parseVmId, POLICY_TYPE_VERSIONS, scheduleRunTime } from "../lib/backupNames";
import { protectedItemName, protectionContainerName } from "../policy/rulebook/backup";
import { DEFAULTS } from "../lib/defaults";
import { invalid, InvalidSettingError } from "../policy/rulebook/errors";
import { checkBackupPolicyType, checkPolicy } from "../lib/validation/backupPolicy";
import { checkRegion, checkSameRegion, checkVaultName } from "../lib/validation/names";

export interface ProtectedVmArgs {
    /** A stable key for this VM within the vault component; it names the protected item's Pulumi resource. */
    name: string;
    /** The VM's ARM id. */
    id: pulumi.Input<string>;
    /** The VM's region; read from Azure when absent. It must be the vault's: Azure Backup does not protect across regions. */
    location?: pulumi.Input<string>;
}

export interface BackupVaultArgs {
    /** The resource group of the vault. */
    resourceGroupName: pulumi.Input<string>;
    /** The vault's region: the region of every VM it protects. @default the region of the VMs */
    location?: string;
    /** @default "vm-backup-vault" */
    vaultName?: string;
    /** @default "daily-vm-backup" */
    policyName?: string;
    /** "Enhanced" (policy V2, which also protects Trusted Launch VMs) or "Standard" (V1). @default "Enhanced" */
    backupPolicyType?: string;
    /** Daily backup time, HH:MM on the hour or half hour. @default "02:00" */
    backupTime?: string;
    /** Windows time zone id of the backup time. @default "UTC" */
    timeZone?: string;
    /** Days to keep daily recovery points (7-9999). @default 30 */
    retentionDays?: number;
    /** Days to keep instant-restore snapshots (1-30 with Enhanced, 1-5 with Standard). @default 2 */
    instantRestoreDays?: number;
    /** VMs to protect with the policy, keyed by a name of your choosing. @default [] */
    virtualMachines?: ProtectedVmArgs[];
    /** Existing VMs to protect, by ARM id; their regions are read from Azure. @default [] */
    virtualMachineIds?: string[];
    /**
     * Protects the vault and the protected items from deletion by Pulumi (`protect`), so a
     * `pulumi destroy` or a replacement can never drop recovery points. @default true
     */
    protect?: boolean;
    /**
     * Soft delete: deleted backups are kept 14 days, and the vault cannot be deleted meanwhile.
     * Turn it off only for throwaway vaults, before they hold backups. @default true
     */
    softDelete?: boolean;
}

/**
 * A Recovery Services vault in the VMs' region, a daily VM backup policy, and one protected
 * item per VM, with the container and item names Azure expects.
 */
export class BackupVault extends pulumi.ComponentResource {
    public readonly vaultName: pulumi.Output<string>;
    public readonly vaultId: pulumi.Output<string>;
    public readonly policyId: pulumi.Output<string>;
    public readonly protectedItemIds: pulumi.Output<string[]>;

    constructor(name: string, args: BackupVaultArgs, opts?: pulumi.ComponentResourceOptions) {
        super("backup-ready:index:BackupVault", name, {}, withoutTypeAliases(opts));

        const vaultName = args.vaultName ?? DEFAULTS.vaultName;
        const policy = {
            backupPolicyType: checkBackupPolicyType("backupPolicyType", args.backupPolicyType ?? DEFAULTS.backupPolicyType),
            backupTime: args.backupTime ?? DEFAULTS.backupTime,
            timeZone: args.timeZone ?? DEFAULTS.timeZone,
            retentionDays: args.retentionDays ?? DEFAULTS.retentionDays,
            instantRestoreDays: args.instantRestoreDays ?? DEFAULTS.instantRestoreDays,
        };
        const protect = args.protect ?? DEFAULTS.protectVault;
        const virtualMachines = [...(args.virtualMachines ?? []), ...(args.virtualMachineIds ?? []).map(existingVm)];
        checkVaultName("vaultName", vaultName);
        checkPolicy(policy);
        checkUniqueKeys(virtualMachines);
        if (args.location !== undefined) {
            checkRegion("location", args.location);
            virtualMachines.forEach((vm) => checkVmRegion(vm.name, vm.location, args.location as string));
        }
        const vms = virtualMachines.map((vm) => ({ ...vm, location: vm.location ?? this.lookUpLocation(vm.id) }));
        const location = args.location ?? regionOfAll(vms);

        const vault = new recoveryservices.Vault(
            `${name}-vault`,
            {
                resourceGroupName: args.resourceGroupName,
                vaultName,
                location,
                sku: { name: "Standard" },
                properties: {
                    publicNetworkAccess: "Enabled",
                    securitySettings: {
                        softDeleteSettings:
                            (args.softDelete ?? DEFAULTS.vaultSoftDelete) ? { softDeleteState: "Enabled", softDeleteRetentionPeriodInDays: 14 } : { softDeleteState: "Disabled" },
                    },
                    redundancySettings: { standardTierStorageRedundancy: "GeoRedundant", crossRegionRestore: "Disabled" },
                },
            },
            { parent: this, protect },
        );

        const runTime = scheduleRunTime(policy.backupTime);
        const backupPolicy = new recoveryservices.ProtectionPolicy(
            `${name}-policy`,
            {
                resourceGroupName: args.resourceGroupName,
                vaultName: vault.name,
                policyName: args.policyName ?? DEFAULTS.policyName,
                properties: {
                    backupManagementType: "AzureIaasVM",
                    policyType: POLICY_TYPE_VERSIONS[policy.backupPolicyType],
                    instantRpRetentionRangeInDays: policy.instantRestoreDays,
                    timeZone: policy.timeZone,
                    schedulePolicy: dailySchedulePolicy(policy.backupPolicyType, runTime),
                    retentionPolicy: {
                        retentionPolicyType: "LongTermRetentionPolicy",
                        dailySchedule: {
                            retentionTimes: [runTime],
                            retentionDuration: { count: policy.retentionDays, durationType: "Days" },
                        },
                    },
                },
            },
            { parent: this },
        );

        const protectedItems = vms.map((vm) => {
            const reference = pulumi
                .all([vm.id, vm.location, location])
                .apply(([id, vmLocation, vaultLocation]) => {
                    checkVmRegion(vm.name, vmLocation, vaultLocation);
                    return parseVmId(`virtualMachines[${vm.name}].id`, id);
                });
            return new recoveryservices.ProtectedItem(
                `${name}-${vm.name}`,
                {
                    resourceGroupName: args.resourceGroupName,
                    vaultName: vault.name,
                    fabricName: "Azure",
                    containerName: reference.apply(protectionContainerName),
                    protectedItemName: reference.apply(protectedItemName),
                    properties: {
                        protectedItemType: "Microsoft.Compute/virtualMachines",
                        sourceResourceId: vm.id,
                        policyId: backupPolicy.id,
                    },
                },
                { parent: this, protect, ...readingOnly() },
            );
        });

        this.vaultName = vault.name;
        this.vaultId = vault.id;
        this.policyId = backupPolicy.id;
        this.protectedItemIds = pulumi.all(protectedItems.map((item) => item.id));
        this.registerOutputs({
            vaultName: this.vaultName,
            vaultId: this.vaultId,
            policyId: this.policyId,
            protectedItemIds: this.protectedItemIds,
        });
    }

    /** Reads an existing VM's region from Azure. */
    private lookUpLocation(vmId: pulumi.Input<string>): pulumi.Output<string> {
        return pulumi.output(vmId).apply((id) => {
            const vm = parseVmId("virtualMachineIds[]", id);
            return compute.getVirtualMachineOutput({ resourceGroupName: vm.resourceGroupName, vmName: vm.vmName }, { parent: this }).location;
        });
    }
}

/** An existing VM given by id, keyed by its group and name. */
function existingVm(id: string): ProtectedVmArgs {
    const vm = parseVmId("virtualMachineIds[]", id);
    return { name: `${vm.resourceGroupName}-${vm.vmName}`.toLowerCase(), id };
}

/** The one region all the VMs share; an error when they differ or there are none to read it from. */
function regionOfAll(vms: { name: string; location: pulumi.Input<string> }[]): pulumi.Output<string> {
    if (vms.length === 0) {
        throw new InvalidSettingError("location", "must be set when the vault protects no VM yet (otherwise it is read from the VMs)");
    }
    return pulumi.all(vms.map((vm) => vm.location)).apply((locations) => {
        vms.forEach((vm, i) => checkVmRegion(vm.name, locations[i], locations[0]));
        return locations[0];
    });
}

/** A VM's region, where known, must be the vault's. */
function checkVmRegion(vmKey: string, vmLocation: pulumi.Input<string> | undefined, vaultLocation: string): void {
    if (typeof vmLocation === "string") {
        checkSameRegion(`virtualMachines[${vmKey}].location`, vmLocation, vaultLocation, "the vault's region");
    }
}

function checkUniqueKeys(vms: ProtectedVmArgs[]): void {
    const seen = new Set<string>();
    for (const vm of vms) {
        if (!/^[A-Za-z0-9][A-Za-z0-9-_.]*$/.test(vm.name) || seen.has(vm.name)) {
            invalid("virtualMachines[].name", "a unique key of letters, digits, '-', '_' and '.' for each VM", vm.name);
        }
        seen.add(vm.name);
    }
}
