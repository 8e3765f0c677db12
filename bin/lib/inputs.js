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
exports.isPlain = isPlain;
exports.whenKnown = whenKnown;
exports.whenAllKnown = whenAllKnown;
/**
 * Arguments a user may hold as Outputs (addresses, ports, ids, regions, prefixes): checked at
 * once when they are plain values, and when they resolve otherwise, with the same check and so
 * the same message (as pulumi-eks's `validatedInput` does). A check's error inside an Output
 * keeps its one line (see policy/rulebook/errors.ts).
 */
const pulumi = __importStar(require("@pulumi/pulumi"));
/** Whether a value is known now: neither an Output nor a promise. */
function isPlain(value) {
    return !pulumi.Output.isInstance(value) && !(value instanceof Promise);
}
/** `use(value)` now when the value is plain, when it resolves otherwise. */
function whenKnown(value, use) {
    return isPlain(value) ? use(value) : pulumi.output(value).apply((resolved) => use(resolved));
}
/** Like {@link whenKnown} for several values: plain when all are. */
function whenAllKnown(values, use) {
    return values.every((value) => isPlain(value)) ? use(values) : pulumi.all(values).apply((resolved) => use(resolved));
}
