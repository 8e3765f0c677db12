"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkSshPublicKey = checkSshPublicKey;
/** OpenSSH public keys Azure accepts for the admin user. */
const errors_1 = require("../../policy/rulebook/errors");
/** One line of an OpenSSH public key of a type Azure accepts: type, base64 blob, optional comment. */
const SSH_PUBLIC_KEY = /^(ssh-rsa|ssh-ed25519) (AAAA[A-Za-z0-9+/]+={0,2})(?: [\w@.+:=-]+)*$/;
/** How many length-prefixed fields each key type's blob holds: the type, then e and n for RSA, the point for Ed25519. */
const SSH_KEY_FIELD_COUNT = { "ssh-rsa": 3, "ssh-ed25519": 2 };
/** Azure refuses RSA keys shorter than this. */
const MIN_RSA_BITS = 2048;
/** An OpenSSH public key for the admin user: RSA of 2048 bits or more, or Ed25519. */
function checkSshPublicKey(setting, key) {
    const match = SSH_PUBLIC_KEY.exec(key);
    const fields = match ? sshBlobFields(Buffer.from(match[2], "base64")) : undefined;
    if (!match || !fields || fields[0]?.toString("latin1") !== match[1] || fields.length !== SSH_KEY_FIELD_COUNT[match[1]]) {
        (0, errors_1.invalid)(setting, `one line of an OpenSSH public key, "ssh-ed25519 AAAA... [comment]" or "ssh-rsa AAAA... [comment]" of ${MIN_RSA_BITS} bits or more`, key);
    }
    if (match[1] === "ssh-rsa" && unsignedBitLength(fields[2]) < MIN_RSA_BITS) {
        (0, errors_1.invalid)(setting, `an RSA key of ${MIN_RSA_BITS} bits or more (Azure refuses shorter ones), or an Ed25519 key`, key);
    }
}
/** Splits an SSH key blob into its length-prefixed fields (RFC 4253, section 6.6); undefined when it is not such a blob. */
function sshBlobFields(blob) {
    const fields = [];
    let offset = 0;
    while (offset < blob.length) {
        if (offset + 4 > blob.length) {
            return undefined;
        }
        const end = offset + 4 + blob.readUInt32BE(offset);
        if (end > blob.length) {
            return undefined;
        }
        fields.push(blob.subarray(offset + 4, end));
        offset = end;
    }
    return fields;
}
/** The bit length of an unsigned big-endian integer (an SSH `mpint` that is not negative). */
function unsignedBitLength(bytes) {
    const first = bytes.findIndex((byte) => byte !== 0);
    return first < 0 ? 0 : (bytes.length - first - 1) * 8 + bytes[first].toString(2).length;
}
