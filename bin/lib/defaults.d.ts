/** Every default of the components, defined once; the reference environment's settings start from them. */
export declare const DEFAULTS: {
    /** squid's own port. */
    readonly proxyPort: 3128;
    /** The proxy's address: this many places after its subnet's network address (10.0.0.5). */
    readonly proxyHostOffset: 5;
    readonly allowedDomains: readonly [".blob.core.windows.net"];
    /** 2 vCPUs and 4 GiB, enough for squid and for Windows Server, with Trusted Launch. */
    readonly vmSize: "Standard_B2s";
    readonly adminUsername: "azureuser";
    readonly dataDiskCount: 0;
    readonly dataDiskSizeGb: 32;
    readonly connectivity: "proxy";
    readonly networkSecurityGroupName: "NSG-lockdown";
    readonly vaultName: "vm-backup-vault";
    readonly policyName: "daily-vm-backup";
    readonly backupPolicyType: "Enhanced";
    readonly backupTime: "02:00";
    readonly timeZone: "UTC";
    readonly retentionDays: 30;
    readonly instantRestoreDays: 2;
    readonly protect: true;
    /** One proxy VM, behind its load balancer; more join its pool. */
    readonly proxyCount: 1;
    /** When the proxies install updates and reboot (UTC); each further proxy an hour later. */
    readonly patchWindow: "Sun 03:00";
};
