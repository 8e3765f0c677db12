/** What Azure accepts of a VM's OS profile. */

/**
 * A Linux login name every distribution's `useradd` accepts: a lower-case letter, then up to 31
 * lower-case letters, digits, "_" and "-" (Azure allows 64: `OSProfile.adminUsername` "**Max-length
 * (Linux):** 64 characters", Microsoft.Compute 2024-11-01; Linux tools 32, a limit not
 * re-checked in 2026-12: the project's choice, stricter than Azure).
 */
const LINUX_ADMIN_USERNAME = /^[a-z][a-z0-9_-]{0,31}$/;
export const LINUX_ADMIN_USERNAME_RULE = 'a Linux user name: a lower-case letter, then up to 31 lower-case letters, digits, "_" and "-"';

/**
 * Windows admin names: at most 20 characters, and none of `\/"[]:|<>+=;,?*@&` or a trailing
 * period (OSProfile.adminUsername, Microsoft.Compute 2024-11-01: "Max-length (Windows): 20
 * characters").
 */
export const MAX_WINDOWS_ADMIN_USERNAME_LENGTH = 20;
const WINDOWS_ADMIN_USERNAME_FORBIDDEN = /[\\/"[\]:|<>+=;,?*@&\s]|\.$/;

/** The admin user names Azure refuses (OSProfile.adminUsername, Microsoft.Compute 2024-11-01). */
export const RESERVED_ADMIN_USERNAMES: readonly string[] = [
    "administrator", "admin", "user", "user1", "test", "user2", "test1", "user3", "admin1", "1", "123", "a", "actuser", "adm",
    "admin2", "aspnet", "backup", "console", "david", "guest", "john", "owner", "root", "server", "sql", "support",
    "support_388945a0", "sys", "test2", "test3", "user4", "user5",
];

/** What is wrong with an admin user name for the OSes given, or undefined. */
export function adminUsernameProblem(name: string, os: { linux: boolean; windows: boolean }): string | undefined {
    if (os.linux && !LINUX_ADMIN_USERNAME.test(name)) {
        return LINUX_ADMIN_USERNAME_RULE;
    }
    if (os.windows && name.length > MAX_WINDOWS_ADMIN_USERNAME_LENGTH) {
        return `at most ${MAX_WINDOWS_ADMIN_USERNAME_LENGTH} characters, Azure's limit for a Windows admin name`;
    }
    if (os.windows && (name === "" || WINDOWS_ADMIN_USERNAME_FORBIDDEN.test(name))) {
        return 'a Windows admin name: 1 to 20 characters, none of \\ / " [ ] : | < > + = ; , ? * @ & or white space, not ending in "."';
    }
    if (RESERVED_ADMIN_USERNAMES.includes(name.toLowerCase())) {
        return `a name Azure allows for the admin user, none of ${RESERVED_ADMIN_USERNAMES.join(", ")}`;
    }
    return undefined;
}

/** Windows limits a computer name to 15 characters (`OSProfile.computerName` "**Max-length (Windows):** 15 characters", Microsoft.Compute 2024-11-01): letters, digits and hyphens, not only digits. */
const WINDOWS_COMPUTER_NAME = /^(?![0-9]+$)[A-Za-z0-9][A-Za-z0-9-]{0,14}$/;
export const WINDOWS_COMPUTER_NAME_RULE = "a Windows computer name: 1 to 15 letters, digits and hyphens, not only digits";

export function isWindowsComputerName(name: string): boolean {
    return WINDOWS_COMPUTER_NAME.test(name);
}

/** Sizes without Trusted Launch by family, for when Azure's size data is not at hand: Basic and the A-series. */
const NO_TRUSTED_LAUNCH_SIZE = /^(?:Basic_|Standard_A\d)/i;

export function familyLacksTrustedLaunch(size: string): boolean {
    return NO_TRUSTED_LAUNCH_SIZE.test(size);
}
