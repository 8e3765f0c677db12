"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.URL_NAMESPACE = void 0;
exports.uuidV5 = uuidV5;
/** Name-based UUIDs (RFC 4122 section 4.3, version 5: SHA-1), for resource names Azure wants as GUIDs. */
const crypto_1 = require("crypto");
/** RFC 4122 appendix C's namespace for URLs; the names hashed here are ARM ids and paths. */
exports.URL_NAMESPACE = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";
/** The version 5 UUID of `name` in `namespace`: the same name always gives the same UUID. */
function uuidV5(name, namespace = exports.URL_NAMESPACE) {
    const hash = (0, crypto_1.createHash)("sha1").update(Buffer.from(namespace.replace(/-/g, ""), "hex")).update(name, "utf8").digest();
    hash[6] = (hash[6] & 0x0f) | 0x50;
    hash[8] = (hash[8] & 0x3f) | 0x80;
    const hex = hash.subarray(0, 16).toString("hex");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
