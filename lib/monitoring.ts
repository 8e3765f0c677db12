/**
 * Who hears of a failed backup and where the vault's logs go: the checks of the monitoring
 * settings, each naming its setting.
 */
import { ARM_TYPES } from "../policy/rulebook/azureTypes";
import { invalid } from "../policy/rulebook/errors";
import { parseResourceId } from "./armIds";

/** `logAnalyticsWorkspace`'s one value: create a workspace for the vault's logs. */
export const CREATE_WORKSPACE = "create";

/**
 * An address Azure Monitor can mail: one `@`, a local part without spaces or another `@`, and a
 * domain of two labels or more. The action group's `emailAddress` is a plain string in the REST
 * API (actionGroups_API.json `EmailReceiver`), so the check is ours, before anything is created.
 */
const EMAIL = /^[^\s@"<>(),;:\\[\]]+@(?:(?!-)[A-Za-z0-9-]{1,63}(?<!-)\.)+[A-Za-z]{2,63}$/;
const MAX_EMAIL_LENGTH = 254;

/** Action group receivers: e-mail addresses, each once. */
export function checkAlertEmails(setting: string, emails: unknown): string[] {
    const allowed = 'a list of e-mail addresses such as ["ops@example.com"], each once';
    if (!Array.isArray(emails)) {
        invalid(setting, allowed, emails);
    }
    emails.forEach((email, i) => {
        if (typeof email !== "string" || email.length > MAX_EMAIL_LENGTH || !EMAIL.test(email) || emails.findIndex((other) => String(other).toLowerCase() === email.toLowerCase()) !== i) {
            invalid(setting, allowed, email);
        }
    });
    return emails as string[];
}

/** An existing Log Analytics workspace, by its ARM id. */
export function checkWorkspaceId(setting: string, id: string): string {
    parseResourceId(setting, id, ARM_TYPES.workspace);
    return id;
}

/** `logAnalyticsWorkspace` is empty or "create", and not together with an existing workspace's id. */
export function checkWorkspaceChoice(createSetting: string, create: string | undefined, idSetting: string, id: string | undefined): boolean {
    if (create !== undefined && create !== CREATE_WORKSPACE) {
        invalid(createSetting, `"${CREATE_WORKSPACE}" to create a workspace for the vault's logs, or empty`, create);
    }
    if (create !== undefined && id !== undefined) {
        invalid(createSetting, `empty when ${idSetting} names an existing workspace: the logs go to one workspace`, create);
    }
    if (id !== undefined) {
        checkWorkspaceId(idSetting, id);
    }
    return create === CREATE_WORKSPACE;
}
