"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.offlineVmSizes = exports.azureVmSizes = void 0;
exports.offlineVmSizeData = offlineVmSizeData;
exports.useVmSizeSource = useVmSizeSource;
exports.lookUpVmSizes = lookUpVmSizes;
/**
 * Azure's size data for the VMs' region, read before anything is created: the Resource SKUs
 * list (`GET /subscriptions/{id}/providers/Microsoft.Compute/skus?api-version=2021-07-01&$filter=location eq '<region>'`,
 * https://learn.microsoft.com/rest/api/compute/resource-skus/list). azure-native has no function
 * for this list, so the program asks ARM itself with the provider's own credentials (lib/armRead.ts).
 *
 * The offline plan has no Azure: it answers from `vmSizes.offline.json`, an extract in the same
 * format for the sizes the README documents (their `MaxDataDiskCount` and `HyperVGenerations`
 * from Microsoft's size pages). A size outside the extract is then planned with a note that it
 * was not checked, never as if it had been.
 */
const vmSizes_1 = require("../policy/rulebook/vmSizes");
const armRead_1 = require("./armRead");
const vmSizes_offline_json_1 = __importDefault(require("./vmSizes.offline.json"));
const SKUS_API_VERSION = "2021-07-01";
/** The sizes Azure offers in the region, from ARM. */
const azureVmSizes = async (location) => {
    const filter = encodeURIComponent(`location eq '${location}'`);
    const skus = await (0, armRead_1.readArmList)(`Azure's VM sizes for ${location}`, `/providers/Microsoft.Compute/skus?api-version=${SKUS_API_VERSION}&$filter=${filter}`);
    return (0, vmSizes_1.vmSizeData)(skus, location, true);
};
exports.azureVmSizes = azureVmSizes;
/** The offline extract's size data, for the offline plan, its readiness report and tests. */
function offlineVmSizeData(location) {
    return (0, vmSizes_1.vmSizeData)(vmSizes_offline_json_1.default, location, false);
}
const offlineVmSizes = async (location) => offlineVmSizeData(location);
exports.offlineVmSizes = offlineVmSizes;
let source = exports.azureVmSizes;
/** The size data of each region, read once per region and source. */
const read = new Map();
/** Where {@link lookUpVmSizes} reads from: Azure by default; the offline plan sets {@link offlineVmSizes}. */
function useVmSizeSource(next) {
    source = next;
    read.clear();
}
function lookUpVmSizes(location) {
    const key = location.replace(/\s+/g, "").toLowerCase();
    const found = read.get(key) ?? source(location);
    read.set(key, found);
    return found;
}
