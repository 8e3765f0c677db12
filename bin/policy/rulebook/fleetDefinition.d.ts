/**
 * The project's custom enrolment definitions: Azure's built-in "Configure backup on virtual
 * machines with[out] a given tag to an existing recovery services vault in the same location"
 * (345fa903-145c-4fe1-8bcd-93ec2adccde8 and 09ce66bc-1220-4153-8104-e3f51c936913, version 9.5.0,
 * Azure/azure-policy built-in-policies/policyDefinitions/Backup/VirtualMachineWithTag_DINE.json and
 * VirtualMachineBackup_DINE.json) with the same parameters, roles and deployment, and an image
 * list the project keeps: the built-in's, plus the images Azure Backup's support matrix supports
 * that the built-in leaves out. "For Linux VM backups using the Linux Azure VM agent, Azure Backup
 * supports the list of Linux distributions endorsed by Azure" (learn.microsoft.com/azure/backup/backup-support-matrix-iaas),
 * and the endorsed list (learn.microsoft.com/azure/virtual-machines/linux/endorsed-distros) names
 * Ubuntu 22.04 and 24.04, RHEL, SLES 12 SP5 and 15 SP5-SP7, Debian 11 and 12, AlmaLinux and
 * Oracle Linux. Windows Server 2025 is in the matrix ("Windows Server 2025 (Datacenter,
 * Datacenter Core, and Standard)"). Marketplace offer and SKU names below follow the Marketplace's
 * naming (`az vm image list-skus`); CIQ's Rocky Linux is left out until its names are verified.
 */
import { EnrolmentDefinition, EnrolmentMode, ImageCondition } from "./fleet";
/** "custom" (the default): the project's definition below; "builtIn": Azure's, whose image list is shorter. */
export declare const FLEET_DEFINITIONS: readonly ["custom", "builtIn"];
export type FleetDefinition = (typeof FLEET_DEFINITIONS)[number];
/** The definition an assignment of the mode uses. */
export declare function enrolmentDefinitionFor(kind: FleetDefinition, mode: EnrolmentMode): EnrolmentDefinition;
/** The built-in version the custom rule derives from. */
export declare const DERIVED_FROM_VERSION = "9.5.0";
/** The custom definitions' own version: bumped whenever the image list changes. */
export declare const CUSTOM_DEFINITION_VERSION = "1.0.0";
/** What the custom list adds to the built-in's (version 9.1.0 as the rulebook reads it): 9.5.0's additions, and the endorsed distributions it lacks. */
export declare const ADDED_IMAGES: readonly ImageCondition[];
/** The custom definition's name for each mode (its `policyDefinitionName`, the last segment of its id). */
export declare const CUSTOM_DEFINITION_NAMES: Record<EnrolmentMode, string>;
/**
 * The custom definition of a mode, as the rulebook's coverage rule reads it; its id is where the
 * deployment puts it, under any subscription. A function, read when called: fleet.ts reads this
 * module and this module fleet.ts's built-ins.
 */
export declare function customEnrolmentDefinition(mode: EnrolmentMode): EnrolmentDefinition;
/** Whether an id names a custom definition of this project, at any subscription or management group. */
export declare function customDefinitionOf(id: string | undefined): EnrolmentDefinition | undefined;
/** The custom definition's properties, as `authorization.PolicyDefinition` (Microsoft.Authorization 2025-01-01) takes them. */
export declare function customDefinitionProperties(mode: EnrolmentMode): {
    policyDefinitionName: string;
    policyType: string;
    mode: string;
    displayName: string;
    description: string;
    version: string;
    metadata: {
        category: string;
        version: string;
        derivedFrom: {
            id: string;
            version: string;
        };
    };
    parameters: Record<string, object>;
    policyRule: {
        if: {
            allOf: object[];
        };
        then: object;
    };
};
