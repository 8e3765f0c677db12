/** What Azure accepts of a VM's OS profile. */
export declare const LINUX_ADMIN_USERNAME_RULE = "a Linux user name: a lower-case letter, then up to 31 lower-case letters, digits, \"_\" and \"-\"";
/**
 * Windows admin names: at most 20 characters, and none of `\/"[]:|<>+=;,?*@&` or a trailing
 * period (OSProfile.adminUsername, Microsoft.Compute 2024-11-01: "Max-length (Windows): 20
 * characters").
 */
export declare const MAX_WINDOWS_ADMIN_USERNAME_LENGTH = 20;
/** The admin user names Azure refuses (OSProfile.adminUsername, Microsoft.Compute 2024-11-01). */
export declare const RESERVED_ADMIN_USERNAMES: readonly string[];
/** What is wrong with an admin user name for the OSes given, or undefined. */
export declare function adminUsernameProblem(name: string, os: {
    linux: boolean;
    windows: boolean;
}): string | undefined;
export declare const WINDOWS_COMPUTER_NAME_RULE = "a Windows computer name: 1 to 15 letters, digits and hyphens, not only digits";
export declare function isWindowsComputerName(name: string): boolean;
export declare function familyLacksTrustedLaunch(size: string): boolean;
