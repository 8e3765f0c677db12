"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
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
 * for this list, so the program asks ARM itself with the provider's own credentials
 * (`azure-native:authorization:getClientToken` and `getClientConfig`).
 *
 * The offline plan has no Azure: it answers from `vmSizes.offline.json`, an extract in the same
 * format for the sizes the README documents (their `MaxDataDiskCount` and `HyperVGenerations`
 * from Microsoft's size pages). A size outside the extract is then planned with a note that it
 * was not checked, never as if it had been.
 */
const authorization = __importStar(require("@pulumi/azure-native/authorization"));
const vmSizes_1 = require("../policy/rulebook/vmSizes");
const vmSizes_offline_json_1 = __importDefault(require("./vmSizes.offline.json"));
const ARM = "https://management.azure.com";
const SKUS_API_VERSION = "2021-07-01";
/** The sizes Azure offers in the region, from ARM. */
const azureVmSizes = async (location) => {
    const [{ token }, { subscriptionId }] = await Promise.all([authorization.getClientToken(), authorization.getClientConfig()]);
    const skus = [];
    let url = `${ARM}/subscriptions/${subscriptionId}/providers/Microsoft.Compute/skus?api-version=${SKUS_API_VERSION}&$filter=${encodeURIComponent(`location eq '${location}'`)}`;
    for (let page = 0; url !== undefined && page < 100; page++) {
        const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
        if (!response.ok) {
            throw new Error(`reading Azure's VM sizes for ${location}: HTTP ${response.status} ${await response.text()}`);
        }
        const body = (await response.json());
        skus.push(...(body.value ?? []));
        url = body.nextLink;
    }
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
