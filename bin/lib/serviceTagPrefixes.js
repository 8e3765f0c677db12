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
exports.readServiceTags = readServiceTags;
exports.prefixRulesFromFile = prefixRulesFromFile;
/**
 * Literal address prefixes instead of service tags, for users whose own firewalls need them:
 * Azure's published service tags file (the `ipRangesFile` setting), read from disk and laid out
 * as NSG rules by the rulebook (policy/rulebook/serviceTags.ts).
 */
const fs = __importStar(require("fs"));
const errors_1 = require("../policy/rulebook/errors");
const serviceTags_1 = require("../policy/rulebook/serviceTags");
const SETTING = "ipRangesFile";
/** Reads Azure's service tags file; an unreadable file or another format is an {@link InvalidSettingError} for `ipRangesFile`. */
function readServiceTags(path) {
    let text;
    try {
        text = fs.readFileSync(path, "utf8");
    }
    catch (err) {
        throw new errors_1.InvalidSettingError(SETTING, `cannot read ${path}: ${err.message}`);
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (err) {
        throw new errors_1.InvalidSettingError(SETTING, `${path} is not JSON (${err.message}); download Azure's ServiceTags_Public_YYYYMMDD.json`);
    }
    return (0, serviceTags_1.checkServiceTagFile)(path, parsed);
}
/** `ipRangesFile` to rules: the file read, the backup tags' prefixes for the region, laid out within the NSG's limits. */
function prefixRulesFromFile(ipRangesFile, region, otherRules = []) {
    return (0, serviceTags_1.fitInNsg)((0, serviceTags_1.prefixesForRegion)(readServiceTags(ipRangesFile), region), region, otherRules);
}
