import { RegionData } from "../../policy/rulebook/regions";
import { EnrolmentDefinition } from "../../policy/rulebook/fleet";
import { ImageReference } from "../../policy/rulebook/images";
/** At least one region, each an Azure region name, none twice (`West Europe` and `westeurope` are one). */
export declare function checkFleetRegions(setting: string, regions: readonly string[], known: RegionData): string[];
/** A subscription or resource group id: where the assignments enrol VMs. */
export declare function checkFleetScope(setting: string, scope: string): void;
export type Enrolment = "list" | "policy";
export declare function checkEnrolment(setting: string, value: string): Enrolment;
/** `name=value`, split at the first `=`, each part by Azure's tag limits. */
export declare function parseEnrolmentTag(setting: string, text: string): {
    name: string;
    value: string;
};
/** An image the tag definition enrols: Azure Policy would otherwise never back the VMs up. */
export declare function checkEnrolledImage(setting: string, image: ImageReference, definition?: EnrolmentDefinition): void;
