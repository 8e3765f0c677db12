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
Object.defineProperty(exports, "__esModule", { value: true });
exports.ARM = void 0;
exports.readArmList = readArmList;
/**
 * Reads a list from Azure Resource Manager with the provider's own credentials, for data
 * azure-native has no function for: `azure-native:authorization:getClientToken` and
 * `getClientConfig` give the token and subscription the provider itself uses.
 */
const authorization = __importStar(require("@pulumi/azure-native/authorization"));
const errors_1 = require("../policy/rulebook/errors");
exports.ARM = "https://management.azure.com";
/** More pages than any list read here has: a nextLink that never ends stops here. */
const MAX_PAGES = 100;
/**
 * The `value` entries of an ARM list, across its `nextLink` pages; `path` is the subscription's
 * path and query (`/locations?api-version=...`), `what` names the data in an error.
 */
async function readArmList(what, path) {
    const [{ token }, { subscriptionId }] = await Promise.all([authorization.getClientToken(), authorization.getClientConfig()]);
    const entries = [];
    let url = `${exports.ARM}/subscriptions/${subscriptionId}${path}`;
    for (let page = 0; url !== undefined && page < MAX_PAGES; page++) {
        const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
        if (!response.ok) {
            throw new errors_1.OneLineError(`reading ${what}: HTTP ${response.status} ${await response.text()}`, "AzureReadError");
        }
        const body = (await response.json());
        entries.push(...(body.value ?? []));
        url = body.nextLink ?? undefined;
    }
    return entries;
}
