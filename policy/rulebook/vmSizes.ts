/**
 * What a VM size allows, read from Azure's own data: the Resource SKUs list
 * (`GET /subscriptions/{id}/providers/Microsoft.Compute/skus`, api-version 2021-07-01, which
 * `az vm list-skus --resource-type virtualMachines -o json` prints). Each entry's
 * `capabilities` are name/value strings: `MaxDataDiskCount` ("4"), `HyperVGenerations`
 * ("V1,V2") and `TrustedLaunchDisabled` ("True" where the size cannot run Trusted Launch).
 * https://learn.microsoft.com/rest/api/compute/resource-skus/list
 * https://learn.microsoft.com/azure/virtual-machines/trusted-launch#virtual-machines-sizes
 */
import { sameRegion } from "./regions";
import { SkuZoneInfo, skuZones } from "./zones";

/** One entry of the Resource SKUs list, as far as it is read here. */
export interface ResourceSku extends SkuZoneInfo {
    resourceType?: string;
    name: string;
    locations?: string[];
    capabilities?: Array<{ name: string; value: string }>;
    /** `{ type: "Location", reasonCode: "NotAvailableForSubscription", values: [...] }` where the size is not offered. */
    restrictions?: Array<{ type?: string; reasonCode?: string; values?: string[]; restrictionInfo?: { locations?: string[]; zones?: string[] } }>;
}

/** What the rules need to know of a size. */
export interface VmSizeFacts {
    name: string;
    maxDataDiskCount: number;
    /** Whether the size runs Trusted Launch (Generation 2, and not disabled for the size). */
    trustedLaunch: boolean;
    /** The availability zones the size is offered in within the region, where Azure's data says (never in the offline extract). */
    zones?: string[];
}

/** The sizes Azure's data knows, and whether that data is the whole list of the region (from Azure) or an offline extract. */
export interface VmSizeData {
    location: string;
    sizes: ReadonlyMap<string, VmSizeFacts>;
    /** True when read from Azure: a size missing from it is not offered in the region. False for the offline extract. */
    complete: boolean;
}

function capability(sku: ResourceSku, name: string): string | undefined {
    return sku.capabilities?.find((entry) => entry.name === name)?.value;
}

/** The facts of one VM size entry. */
export function vmSizeFacts(sku: ResourceSku): VmSizeFacts {
    const generations = (capability(sku, "HyperVGenerations") ?? "V1").split(",").map((generation) => generation.trim().toUpperCase());
    return {
        name: sku.name,
        maxDataDiskCount: Number(capability(sku, "MaxDataDiskCount") ?? 0),
        trustedLaunch: generations.includes("V2") && capability(sku, "TrustedLaunchDisabled")?.toLowerCase() !== "true",
    };
}

/** Whether the SKU is a VM size offered to the subscription in the location. */
function offeredIn(sku: ResourceSku, location: string): boolean {
    const inLocation = (sku.locations ?? []).some((name) => sameRegion(name, location));
    const restricted = (sku.restrictions ?? []).some((restriction) => restriction.type === "Location" && (restriction.values ?? []).some((name) => sameRegion(name, location)));
    return (sku.resourceType ?? "virtualMachines") === "virtualMachines" && inLocation && !restricted;
}

/**
 * The VM sizes of a Resource SKUs list offered in the location. An extract (not `complete`) may
 * leave out `locations`: its facts then hold in every region.
 */
export function vmSizeData(skus: readonly ResourceSku[], location: string, complete: boolean): VmSizeData {
    const sizes = new Map<string, VmSizeFacts>();
    for (const sku of skus.filter((entry) => (!complete && entry.locations === undefined) || offeredIn(entry, location))) {
        const zones = complete ? skuZones(sku, location) : undefined;
        sizes.set(sku.name.toLowerCase(), zones === undefined ? vmSizeFacts(sku) : { ...vmSizeFacts(sku), zones });
    }
    return { location, sizes, complete };
}

/** A size's facts; sizes compare ignoring case, as Azure's do. */
export function findVmSize(data: VmSizeData | undefined, size: string): VmSizeFacts | undefined {
    return data?.sizes.get(size.toLowerCase());
}
