"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CONNECTIVITY_MODES = void 0;
exports.checkConnectivity = checkConnectivity;
exports.checkWindowsWayOut = checkWindowsWayOut;
/** The ways out to Azure Storage: the document's two, and none at all. */
const errors_1 = require("../../policy/rulebook/errors");
/**
 * The document's two ways out to Azure Storage, a proxy or an allow-list of Azure's addresses,
 * and "none": Azure VM backup "doesn't require you to allow access to any IPs or FQDNs"
 * (https://learn.microsoft.com/azure/backup/backup-azure-private-endpoints-concept, scenario
 * table, row "Azure VM backup"), so the VMs need no way out at all.
 */
exports.CONNECTIVITY_MODES = ["proxy", "serviceTags", "none"];
function checkConnectivity(setting, value) {
    if (!exports.CONNECTIVITY_MODES.includes(value)) {
        (0, errors_1.invalid)(setting, `one of ${exports.CONNECTIVITY_MODES.map((mode) => `"${mode}"`).join(", ")}`, value);
    }
    return value;
}
/**
 * Windows VMs activate against Azure's KMS, which "requires that the activation request come from
 * an Azure public IP address" (https://learn.microsoft.com/troubleshoot/azure/virtual-machines/windows/custom-routes-enable-kms-activation);
 * with "none" they have none (no NAT gateway, no public IP, private subnets), so they would never
 * activate (Azure-Samples/azuresandbox#145: 0xC004F074 once default outbound access was gone).
 */
function checkWindowsWayOut(setting, connectivity, windowsVmCount) {
    if (connectivity === "none" && windowsVmCount > 0) {
        (0, errors_1.invalid)(setting, `"proxy" or "serviceTags" with Windows VMs: Azure's KMS activates Windows only from an Azure public IP address, which "none" leaves them without (set windowsAppVmCount to 0 to keep "none")`, connectivity);
    }
}
