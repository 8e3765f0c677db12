/**
 * The backup-ready policy pack: holds any stack to what Azure Backup needs of its VMs and their
 * network. Run it with `pulumi preview --policy-pack policy`; the policies are in `policies.ts`, the rules they apply in `rulebook/`.
 */
import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

new PolicyPack("backup-ready", {
    description: "Azure VMs ready for Azure Backup: protected in their region, VM agent on, within the disk and OS limits, Internet egress only through the backup proxy.",
    provider: "azure",
    enforcementLevel: "mandatory",
    policies,
});
