import { ImageReference } from "./images";
import { ResourceLike, VmView } from "./resources";
/** Built-in roles by id (learn.microsoft.com/azure/role-based-access-control/built-in-roles). */
export declare const ROLES: {
    /** Virtual Machine Contributor. */
    readonly virtualMachineContributor: "9980e02c-c2be-4d73-94e8-173b1dc7cf3c";
    /** Backup Contributor. */
    readonly backupContributor: "5e467623-bb1f-42f4-a55d-6e525e11384b";
};
/** A condition on one image field, as the definitions write them: `equals`, `in`, `like` (`*` wildcards; any of several), `contains`. */
export interface FieldCondition {
    equals?: string;
    in?: readonly string[];
    like?: readonly string[];
    contains?: string;
}
/** One alternative of the definitions' image list (`Microsoft.Compute/imagePublisher`, `imageOffer`, `imageSKU`). */
export interface ImageCondition {
    publisher: string;
    offer?: FieldCondition;
    sku?: FieldCondition;
}
/** Whether to enrol VMs that carry the tag, or every VM but those that carry it. */
export type EnrolmentMode = "include" | "exclude";
/** A built-in definition, with what this project relies on. */
export interface EnrolmentDefinition {
    mode: EnrolmentMode;
    /** `/providers/Microsoft.Authorization/policyDefinitions/<guid>`. */
    id: string;
    displayName: string;
    version: string;
    /** The definition's own parameter names for the tag. */
    tagNameParameter: "inclusionTagName" | "exclusionTagName";
    tagValueParameter: "inclusionTagValue" | "exclusionTagValue";
    /** `then.details.roleDefinitionIds`: what its managed identity must hold. */
    roleDefinitionIds: readonly string[];
    /** The marketplace images it enrols (`anyOf` of its `if`). */
    images: readonly ImageCondition[];
}
export declare const ENROLMENT_DEFINITIONS: Record<EnrolmentMode, EnrolmentDefinition>;
/** The definition with that id (ignoring case, as ARM does), if it is one of the two built-ins or the project's custom ones (fleetDefinition.ts). */
export declare function enrolmentDefinition(id: string | undefined): EnrolmentDefinition | undefined;
/** Whether the definition enrols VMs of this marketplace image. */
export declare function definitionCoversImage(definition: EnrolmentDefinition, image: Partial<ImageReference>): boolean;
/** The Ubuntu and RHEL releases the definition enrols, for messages. */
export declare function coveredLinuxImages(definition: EnrolmentDefinition): string;
/** What a policy assignment of one of the definitions says, where known. */
export interface Enrolment {
    resource: ResourceLike;
    definition: EnrolmentDefinition;
    /** Its Azure name (`policyAssignmentName` input, `name` output), where known. */
    name?: string;
    scope?: string;
    vaultLocation?: string;
    tagName?: string;
    tagValues?: string[];
    backupPolicyId?: string;
    /** The vault of `backupPolicyId`. */
    vault?: {
        resourceGroupName: string;
        name: string;
    };
}
/** The assignment parameters of an enrolment, in the definition's own names (`{ name: { value } }`, as the REST API takes them). */
export declare function enrolmentParameters(definition: EnrolmentDefinition, values: {
    vaultLocation: string;
    backupPolicyId: string;
    tagName: string;
    tagValues: string[];
}): Record<string, {
    value: unknown;
}>;
/** The policy assignment as an enrolment, in input or output shape; undefined for any other assignment. */
export declare function enrolmentView(resource: ResourceLike): Enrolment | undefined;
/** How an assignment is named in messages: its Azure name, or its Pulumi name when that is not known. */
export declare function enrolmentLabel(enrolment: Pick<Enrolment, "name" | "resource">): string;
/** How an enrolment's tag reads in messages: `tag backup=daily`, `no tag backup=skip`. */
export declare function enrolmentTagLabel(enrolment: Pick<Enrolment, "definition" | "tagName" | "tagValues">): string;
/** Why the assignment does not enrol the VM, or undefined when it does (what is unknown is given the benefit of the doubt). */
export declare function enrolmentGap(vm: VmView, enrolment: Enrolment): string | undefined;
/** The assignments of the stack that enrol VMs into vaults. */
export declare function enrolments(resources: readonly ResourceLike[]): Enrolment[];
/** What the report and the pack say about a VM and the stack's enrolments: the one that enrols it, or why none does. */
export declare function enrolmentOf(vm: VmView, all: readonly Enrolment[]): {
    enrolment?: Enrolment;
    gaps: string[];
};
