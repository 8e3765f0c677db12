/** The ways out to Azure Storage: the document's two, and none at all. */
import { invalid } from "../../policy/rulebook/errors";

/**
 * The document's two ways out to Azure Storage, a proxy or an allow-list of Azure's addresses,
 * and "none": Azure VM backup "doesn't require you to allow access to any IPs or FQDNs"
 * (https://learn.microsoft.com/azure/backup/backup-azure-private-endpoints-concept, scenario
 * table, row "Azure VM backup"), so the VMs need no way out at all.
 */
export const CONNECTIVITY_MODES = ["proxy", "serviceTags", "none"] as const;
export type Connectivity = (typeof CONNECTIVITY_MODES)[number];

export function checkConnectivity(setting: string, value: string): Connectivity {
    if (!(CONNECTIVITY_MODES as readonly string[]).includes(value)) {
        invalid(setting, `one of ${CONNECTIVITY_MODES.map((mode) => `"${mode}"`).join(", ")}`, value);
    }
    return value as Connectivity;
}

/**
 * Windows VMs activate against Azure's KMS, which "requires that the activation request come from
 * an Azure public IP address" (https://learn.microsoft.com/troubleshoot/azure/virtual-machines/windows/custom-routes-enable-kms-activation);
 * with "none" they have none (no NAT gateway, no public IP, private subnets), so they would never
 * activate (Azure-Samples/azuresandbox#145: 0xC004F074 once default outbound access was gone).
 */
export function checkWindowsWayOut(setting: string, connectivity: Connectivity, windowsVmCount: number): void {
    if (connectivity === "none" && windowsVmCount > 0) {
        invalid(
            setting,
            `"proxy" or "serviceTags" with Windows VMs: Azure's KMS activates Windows only from an Azure public IP address, which "none" leaves them without (set windowsAppVmCount to 0 to keep "none")`,
            connectivity,
        );
    }
}
