/**
 * Restore drills as the plan and a stack show them: a Container Apps job whose runner's
 * environment names a vault (`DRILL_VAULT_ID`), the VMs it drills (`DRILL_VMS`, a JSON list; empty
 * for every protected VM) and the quarantine subnet (`DRILL_QUARANTINE_SUBNET_ID`), on a cron
 * schedule (Microsoft.App 2025-02-02-preview, Jobs.json `scheduleTriggerConfig.cronExpression`,
 * `template.containers[].env`). Read alike from a plan's inputs and a stack's outputs, which
 * carry the same `configuration` and `template`; the RestoreDrill component writes them.
 */
import { AZURE_TYPES } from "./azureTypes";
import { Finding } from "./checks";
import { isText, list, ResourceLike, sameName } from "./resources";

/** The runner's environment variables the rules read. */
export const DRILL_ENV = { vault: "DRILL_VAULT_ID", vms: "DRILL_VMS", subnet: "DRILL_QUARANTINE_SUBNET_ID" } as const;

interface JobProps {
    id?: string;
    configuration?: { triggerType?: string; scheduleTriggerConfig?: { cronExpression?: string } };
    template?: { containers?: Array<{ env?: Array<{ name?: string; value?: string }> }> };
}

export interface DrillJobView {
    resource: ResourceLike;
    /** The vault drilled; undefined while unknown (a preview). */
    vaultId?: string;
    /** The VMs drilled by name; empty for every VM the vault protects; undefined while unknown. */
    vmNames?: string[];
    /** The cron expression, UTC; undefined when the job runs on no schedule. */
    schedule?: string;
    quarantineSubnetId?: string;
}

function envOf(props: JobProps): Map<string, string> {
    const entries = list(props.template?.containers).flatMap((container) => list(container.env));
    return new Map(entries.filter((entry) => isText(entry.name) && isText(entry.value)).map((entry) => [entry.name as string, entry.value as string]));
}

function parseNames(text: string | undefined): string[] | undefined {
    if (text === undefined) {
        return undefined;
    }
    try {
        const names: unknown = JSON.parse(text);
        return Array.isArray(names) && names.every(isText) ? names : undefined;
    } catch {
        return undefined;
    }
}

export function drillJobView(job: ResourceLike): DrillJobView {
    const props = job.props as JobProps;
    const env = envOf(props);
    const scheduled = props.configuration?.triggerType === "Schedule";
    return {
        resource: job,
        vaultId: env.get(DRILL_ENV.vault),
        vmNames: parseNames(env.get(DRILL_ENV.vms)),
        schedule: scheduled ? props.configuration?.scheduleTriggerConfig?.cronExpression : undefined,
        quarantineSubnetId: env.get(DRILL_ENV.subnet),
    };
}

/** The restore drills of a plan or stack: Container Apps jobs whose runner names a vault. */
export function drillJobs(resources: readonly ResourceLike[]): DrillJobView[] {
    return resources
        .filter((resource) => resource.type === AZURE_TYPES.containerAppJob)
        .map(drillJobView)
        .filter((drill) => drill.vaultId !== undefined);
}

/**
 * The scheduled drills of a vault, for one of its VMs or any: the job names the vault's id
 * (ARM ids ignore case), or, in a preview where the id is not known yet, depends on the vault.
 */
export function drillsOfVault(vault: ResourceLike, resources: readonly ResourceLike[], vmName?: string): DrillJobView[] {
    const vaultId = vault.props.id;
    return resources
        .filter((resource) => resource.type === AZURE_TYPES.containerAppJob)
        .map(drillJobView)
        .filter((drill) => drill.schedule !== undefined)
        .filter((drill) =>
            drill.vaultId !== undefined ? isText(vaultId) && sameName(drill.vaultId, vaultId) : list(drill.resource.dependencies).includes(vault.urn),
        )
        .filter((drill) => vmName === undefined || drill.vmNames === undefined || drill.vmNames.length === 0 || drill.vmNames.some((name) => sameName(name, vmName)));
}

function vaultLabel(vault: ResourceLike): string {
    const name = [vault.props.vaultName, vault.props.name].find(isText) ?? vault.name;
    return `vault "${name}"`;
}

/**
 * Whether a vault's backups are proved by restoring them: a scheduled restore drill covers it
 * (and, given a VM, that VM). Failing, it is advice: the backups run, only nobody knows they restore.
 */
export function restoreDrillFinding(vault: ResourceLike, resources: readonly ResourceLike[], vmName?: string): Finding {
    const drills = drillsOfVault(vault, resources, vmName);
    const what = vmName === undefined ? vaultLabel(vault) : `VM "${vmName}" of ${vaultLabel(vault)}`;
    if (drills.length === 0) {
        return { pass: false, why: `no restore drill: no scheduled job restores ${what}, so nobody learns whether its recovery points restore until one is needed (add a RestoreDrill; in the reference environment with enrolment "list", set restoreDrill)` };
    }
    return { pass: true, why: drills.map((drill) => `scheduled "${drill.schedule}" (UTC) by job ${drill.resource.name}`).join("; ") };
}
