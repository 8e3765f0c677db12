/**
 * What the guest tests need from the machine. A missing program skips the test and names the
 * Debian package that provides it; under CI (`CI` set) it fails the test instead.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export interface Requirement {
    /** What is missing and how to get it, e.g. `squid (Debian package squid)`. */
    description: string;
    present(): boolean;
}

/** Where programs live on Debian, also when the caller's PATH lacks the sbin directories. */
const SEARCH_PATH = [...(process.env.PATH ?? "").split(path.delimiter), "/usr/local/sbin", "/usr/sbin", "/sbin", "/usr/bin", "/bin"];

/** The absolute path of an executable program, or undefined. */
export function findProgram(name: string): string | undefined {
    if (path.isAbsolute(name)) {
        return isExecutable(name) ? name : undefined;
    }
    return SEARCH_PATH.filter((dir) => dir !== "").map((dir) => path.join(dir, name)).find(isExecutable);
}

/** The absolute path of a program a requirement has already checked. */
export function programPath(name: string): string {
    const found = findProgram(name);
    if (!found) {
        throw new Error(`${name} is not installed`);
    }
    return found;
}

function isExecutable(file: string): boolean {
    try {
        fs.accessSync(file, fs.constants.X_OK);
        return fs.statSync(file).isFile();
    } catch {
        return false;
    }
}

export function program(name: string, debianPackage: string): Requirement {
    return { description: `${name} (Debian package ${debianPackage})`, present: () => findProgram(name) !== undefined };
}

export function file(filePath: string, debianPackage: string): Requirement {
    return { description: `${filePath} (Debian package ${debianPackage})`, present: () => fs.existsSync(filePath) };
}

export const ROOT: Requirement = {
    description: "root privileges (network and mount namespaces)",
    present: () => process.getuid?.() === 0,
};

/** `ip netns` works: iproute2 is installed and the kernel and privileges allow named namespaces. */
export const NETNS: Requirement = {
    description: "ip netns (Debian package iproute2, run as root)",
    present: () => {
        const ip = findProgram("ip");
        return ip !== undefined && process.getuid?.() === 0 && spawnSync(ip, ["netns", "list"], { timeout: 5000 }).status === 0;
    },
};

export const SQUID = program("squid", "squid");
export const CURL = program("curl", "curl");
export const NFT = program("nft", "nftables");
export const UNSHARE = program("unshare", "util-linux");

/**
 * Skips the running test or hook (all tests of a suite, from a `before` hook) when a requirement
 * is missing; under CI the missing requirement is an error instead.
 */
export function requireAll(context: Mocha.Context, requirements: Requirement[]): void {
    const missing = requirements.filter((requirement) => !requirement.present());
    if (missing.length === 0) {
        return;
    }
    const message = `missing ${missing.map((requirement) => requirement.description).join(", ")}`;
    if (process.env.CI !== undefined) {
        throw new Error(`${message}: CI must run every guest test`);
    }
    console.log(`      skipped: ${message}`);
    context.skip();
}
