/** An OpenSSH public key for the admin user: RSA of 2048 bits or more, or Ed25519. */
export declare function checkSshPublicKey(setting: string, key: string): void;
