/** Every default of the components, defined once; the reference environment's settings start from them. */
export const DEFAULTS = {
    /** squid's own port. */
    proxyPort: 3128,
    /** The proxy's address: this many places after its subnet's network address (10.0.0.5). */
    proxyHostOffset: 5,
    allowedDomains: [".blob.core.windows.net"],
    /** 2 vCPUs and 4 GiB, enough for squid and for Windows Server, with Trusted Launch. */
    vmSize: "Standard_B2s",
    adminUsername: "azureuser",
    dataDiskCount: 0,
    dataDiskSizeGb: 32,
    connectivity: "proxy",
    networkSecurityGroupName: "NSG-lockdown",
    vaultName: "vm-backup-vault",
    policyName: "daily-vm-backup",
    backupPolicyType: "Enhanced",
    backupTime: "02:00",
    timeZone: "UTC",
    retentionDays: 30,
    instantRestoreDays: 2,
    protect: true,
    /** One proxy VM, behind its load balancer; more join its pool. */
    proxyCount: 1,
    /** When the proxies install updates and reboot (UTC); each further proxy an hour later. */
    patchWindow: "Sun 03:00",
} as const;
