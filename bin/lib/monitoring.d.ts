/** `logAnalyticsWorkspace`'s one value: create a workspace for the vault's logs. */
export declare const CREATE_WORKSPACE = "create";
/** Action group receivers: e-mail addresses of up to EMAIL_ADDRESS_MAX_LENGTH characters (Azure Monitor's 64), each once, at most 1000. */
export declare function checkAlertEmails(setting: string, emails: unknown): string[];
/** An existing Log Analytics workspace, by its ARM id. */
export declare function checkWorkspaceId(setting: string, id: string): string;
/** `logAnalyticsWorkspace` is empty or "create", and not together with an existing workspace's id. */
export declare function checkWorkspaceChoice(createSetting: string, create: string | undefined, idSetting: string, id: string | undefined): boolean;
