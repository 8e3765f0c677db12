"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CREATE_WORKSPACE = void 0;
exports.checkAlertEmails = checkAlertEmails;
exports.checkWorkspaceId = checkWorkspaceId;
exports.checkWorkspaceChoice = checkWorkspaceChoice;
/**
 * Who hears of a failed backup and where the vault's logs go: the checks of the monitoring
 * settings, each naming its setting.
 */
const lists_1 = require("./validation/lists");
const azureTypes_1 = require("../policy/rulebook/azureTypes");
const errors_1 = require("../policy/rulebook/errors");
const limits_1 = require("../policy/rulebook/limits");
const armIds_1 = require("./armIds");
/** `logAnalyticsWorkspace`'s one value: create a workspace for the vault's logs. */
exports.CREATE_WORKSPACE = "create";
/**
 * An address Azure Monitor can mail: one `@`, a local part without spaces or another `@`, and a
 * domain of two labels or more. The action group's `emailAddress` is a plain string in the REST
 * API (actionGroups_API.json `EmailReceiver`), so the check is ours, before anything is created.
 */
const EMAIL = /^[^\s@"<>(),;:\\[\]]+@(?:(?!-)[A-Za-z0-9-]{1,63}(?<!-)\.)+[A-Za-z]{2,63}$/;
/** Action group receivers: e-mail addresses of up to EMAIL_ADDRESS_MAX_LENGTH characters (Azure Monitor's 64), each once, at most 1000. */
function checkAlertEmails(setting, emails) {
    const allowed = `a list of e-mail addresses such as ["ops@example.com"], each once and of up to ${limits_1.EMAIL_ADDRESS_MAX_LENGTH} characters`;
    if (!Array.isArray(emails)) {
        (0, errors_1.invalid)(setting, allowed, emails);
    }
    if (emails.length > limits_1.ACTION_GROUP_LIMITS.emailReceivers) {
        (0, errors_1.invalid)(setting, `at most ${limits_1.ACTION_GROUP_LIMITS.emailReceivers} addresses, an action group's limit of e-mail receivers`, `${emails.length} addresses`);
    }
    // Each address is named as the user wrote it in path form: `alertEmails[1]`.
    emails.forEach((email, i) => {
        if (typeof email !== "string" || email.length > limits_1.EMAIL_ADDRESS_MAX_LENGTH || !EMAIL.test(email)) {
            (0, errors_1.invalid)(`${setting}[${i}]`, allowed, email);
        }
    });
    (0, lists_1.checkEachOnce)(setting, emails, allowed, (email) => email.toLowerCase());
    return emails;
}
/** An existing Log Analytics workspace, by its ARM id. */
function checkWorkspaceId(setting, id) {
    (0, armIds_1.parseResourceId)(setting, id, azureTypes_1.ARM_TYPES.workspace);
    return id;
}
/** `logAnalyticsWorkspace` is empty or "create", and not together with an existing workspace's id. */
function checkWorkspaceChoice(createSetting, create, idSetting, id) {
    if (create !== undefined && create !== exports.CREATE_WORKSPACE) {
        (0, errors_1.invalid)(createSetting, `"${exports.CREATE_WORKSPACE}" to create a workspace for the vault's logs, or empty`, create);
    }
    if (create !== undefined && id !== undefined) {
        (0, errors_1.invalid)(createSetting, `empty when ${idSetting} names an existing workspace: the logs go to one workspace`, create);
    }
    if (id !== undefined) {
        checkWorkspaceId(idSetting, id);
    }
    return create === exports.CREATE_WORKSPACE;
}
