/**
 * Bad input, caught before any resource is registered, with a message that names the setting and
 * says what is allowed. The table holds every kind of mistake the project guards against: raw
 * configuration as `index.ts` passes it to `resolveSettings`, and component arguments, each
 * component constructed under the SDK's mocks. `npm run plan` and `pulumi preview` print the
 * same message after "error: " (see planCli.test.ts).
 */
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import {
    BackupFleet,
    BackupFleetArgs,
    BackupMonitoring,
    BackupMonitoringArgs,
    BackupProxy,
    BackupProxyArgs,
    BackupReadyLinuxVm,
    BackupReadyLinuxVmArgs,
    BackupReadyWindowsVm,
    BackupReadyWindowsVmArgs,
    BackupVault,
    BackupVaultArgs,
    NsgLockdown,
    NsgLockdownArgs,
} from "../components";
import { InvalidSettingError } from "../policy/rulebook/errors";
import { UBUNTU_LTS_IMAGE } from "../lib/vmArgs";
import { RawConfig, resolveSettings } from "../settings";
import { WINDOWS_TIME_ZONES } from "../lib/timeZones";
import { checkProxyIpFree } from "../lib/validation/addresses";
import { checkTimeZone } from "../lib/validation/backupPolicy";
import { checkImage, checkLinuxImage, parseImageUrn } from "../lib/validation/images";
import { checkDomains, checkVmSize } from "../lib/validation/names";
import { checkSshPublicKey } from "../lib/validation/sshKeys";
import { ECDSA_KEY, ED25519_KEY, RSA_1024_KEY, RSA_2048_KEY } from "./support/sshKeys";

interface ComponentArgs {
    BackupVault: BackupVaultArgs;
    BackupFleet: BackupFleetArgs;
    BackupMonitoring: BackupMonitoringArgs;
    BackupProxy: BackupProxyArgs;
    BackupReadyLinuxVm: BackupReadyLinuxVmArgs;
    BackupReadyWindowsVm: BackupReadyWindowsVmArgs;
    NsgLockdown: NsgLockdownArgs;
}

const COMPONENTS: { [K in keyof ComponentArgs]: new (name: string, args: ComponentArgs[K]) => pulumi.ComponentResource } = {
    BackupVault,
    BackupFleet,
    BackupMonitoring,
    BackupProxy,
    BackupReadyLinuxVm,
    BackupReadyWindowsVm,
    NsgLockdown,
};

/** Arguments each component accepts; a case overrides some of them. */
const VALID_ARGS: ComponentArgs = {
    BackupVault: { resourceGroupName: "rg", location: "westeurope" },
    BackupFleet: { resourceGroupName: "rg", regions: ["westeurope"], scope: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg" },
    BackupMonitoring: {
        resourceGroupName: "rg",
        location: "westeurope",
        vaultId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/vault1",
        alertEmails: ["ops@example.com"],
        createWorkspace: true,
        proxies: [{ name: "proxy1", vmId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/proxy1", proxyIp: "10.0.0.5" }],
    },
    BackupProxy: {
        resourceGroupName: "rg",
        location: "westeurope",
        subnetId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/proxy",
        subnetAddressPrefix: "10.0.0.0/24",
        clientAddressPrefixes: ["10.0.0.0/16"],
        sshPublicKey: ED25519_KEY,
    },
    BackupReadyLinuxVm: { resourceGroupName: "rg", location: "westeurope", subnetId: "app-subnet-id", proxyIp: "10.0.0.5", sshPublicKey: ED25519_KEY },
    BackupReadyWindowsVm: { resourceGroupName: "rg", location: "westeurope", subnetId: "app-subnet-id", proxyIp: "10.0.0.5", vmName: "win-vm", adminPassword: "a-Secret-1" },
    NsgLockdown: { resourceGroupName: "rg", location: "westeurope", proxyIp: "10.0.0.5", clientAddressPrefixes: ["10.0.0.0/16"] },
};

type ComponentInput = { [K in keyof ComponentArgs]: { component: K; args: Partial<ComponentArgs[K]> } }[keyof ComponentArgs];

interface Case {
    description: string;
    /** Raw configuration overrides (keys as in Pulumi.yaml; `location` is azure-native:location), or a component's arguments. */
    input: { config: RawConfig } | ComponentInput;
    /** The whole message, or a pattern for it where a component words part of it itself. */
    message: string | RegExp;
}

const VM_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1";
const EMAILS_ALLOWED = 'a list of e-mail addresses such as ["ops@example.com"], each once and of up to 64 characters';
const WORKSPACE_ID_ALLOWED = "an ARM id of the form /subscriptions/<guid>/resourceGroups/<group>/providers/Microsoft.OperationalInsights/workspaces/<name>";
const DOMAINS_ALLOWED =
    'domain names such as .blob.core.windows.net or acct1.blob.core.windows.net (a leading dot admits subdomains; no scheme, path, port, address or other "*" pattern)';
const CIDR_ALLOWED = "an IPv4 CIDR with its host bits zero, such as 10.0.0.0/24";
const IMAGES_ALLOWED =
    "an image Azure Backup supports: an Azure-endorsed Linux distribution other than CoreOS and Flatcar, or Windows Server 2008 R2 or newer";
const TIME_ZONES_ALLOWED = 'a Windows time zone id as "tzutil /l" lists them, such as "UTC", "W. Europe Standard Time" or "Pacific Standard Time"';
const SSH_KEY_ALLOWED = 'one line of an OpenSSH public key, "ssh-ed25519 AAAA... [comment]" or "ssh-rsa AAAA... [comment]" of 2048 bits or more';
const VM_SIZE_ALLOWED = 'an Azure VM size such as "Standard_B2s" or "Standard_D4s_v5"';
const TAGS_ALLOWED = 'an object of up to 50 tags such as {"env":"prod","owner":"platform"}: names of 1 to 512 characters without <>%&\\?/, values of text up to 256';
const USER_NAME_ALLOWED = 'a Linux user name: a lower-case letter, then up to 31 lower-case letters, digits, "_" and "-"';

const CASES: Case[] = [
    // Regions: the vault protects VMs in its own region only.
    {
        description: "a vault in another region than the VMs (cross-region protection)",
        input: { config: { vaultLocation: "eastus" } },
        message: `vaultLocation: must be the VMs' region "westeurope": a vault backs up VMs in its own region only (no cross-region backup); got "eastus"`,
    },
    {
        description: "a vault region in display form that names another region",
        input: { config: { location: "West Europe", vaultLocation: "North Europe" } },
        message: `vaultLocation: must be the VMs' region "West Europe": a vault backs up VMs in its own region only (no cross-region backup); got "North Europe"`,
    },
    {
        description: "a region with shell metacharacters",
        input: { config: { location: "westeurope; rm -rf /" } },
        message: `azure-native:location: must be an Azure region such as "westeurope" or "West Europe"; got "westeurope; rm -rf /"`,
    },
    {
        description: "a component asked to protect a VM of another region",
        input: { component: "BackupVault", args: { virtualMachines: [{ name: "vm1", id: VM_ID, location: "eastus" }] } },
        message: /^virtualMachines\[vm1\]\.location \(vm vm1\) of BackupVault "bad-BackupVault": must be the vault's region "westeurope": a vault backs up VMs in its own region only \(no cross-region backup\); got "eastus"$/,
    },

    // Data disks: 32 managed disks today, not the document's 16.
    {
        description: "33 data disks per app VM",
        input: { config: { appVmDataDiskCount: "33" } },
        message: `appVmDataDiskCount: must be a whole number from 0 to 32 (Azure Backup's limit for managed disks); got 33`,
    },
    {
        description: "a negative data disk count",
        input: { config: { appVmDataDiskCount: "-1" } },
        message: `appVmDataDiskCount: must be a whole number from 0 to 32 (Azure Backup's limit for managed disks); got "-1"`,
    },
    {
        description: "33 data disks on a BackupReadyLinuxVm",
        input: { component: "BackupReadyLinuxVm", args: { dataDiskCount: 33 } },
        message: `dataDiskCount: must be a whole number from 0 to 32 (Azure Backup's limit for managed disks); got 33`,
    },
    {
        description: "a fractional data disk count on a BackupReadyLinuxVm",
        input: { component: "BackupReadyLinuxVm", args: { dataDiskCount: 2.5 } },
        message: `dataDiskCount: must be a whole number from 0 to 32 (Azure Backup's limit for managed disks); got 2.5`,
    },

    // Images Azure Backup does not support.
    {
        description: "a CoreOS image",
        input: { config: { appVmImage: "CoreOS:CoreOS:Stable:latest" } },
        message: `appVmImage: must be ${IMAGES_ALLOWED}; got "CoreOS:CoreOS:Stable:latest"`,
    },
    {
        description: "a Flatcar image",
        input: { config: { appVmImage: "kinvolk:flatcar-container-linux-free:stable:latest" } },
        message: `appVmImage: must be ${IMAGES_ALLOWED}; got "kinvolk:flatcar-container-linux-free:stable:latest"`,
    },
    {
        description: "Windows Server 2008 without R2",
        input: { config: { appVmImage: "MicrosoftWindowsServer:WindowsServer:2008-SP2:latest" } },
        message: `appVmImage: must be ${IMAGES_ALLOWED}; got "MicrosoftWindowsServer:WindowsServer:2008-SP2:latest"`,
    },
    {
        description: "Windows Server 2003",
        input: { config: { appVmImage: "MicrosoftWindowsServer:WindowsServer:2003-Datacenter:latest" } },
        message: `appVmImage: must be ${IMAGES_ALLOWED}; got "MicrosoftWindowsServer:WindowsServer:2003-Datacenter:latest"`,
    },
    {
        description: "a supported Windows image for the Linux app VMs",
        input: { config: { appVmImage: "MicrosoftWindowsServer:WindowsServer:2022-datacenter-azure-edition:latest" } },
        message: `appVmImage: must be a Linux image: these VMs are Linux VMs set up by cloud-init; got "MicrosoftWindowsServer:WindowsServer:2022-datacenter-azure-edition:latest"`,
    },
    {
        description: "an image URN with three parts",
        input: { config: { appVmImage: "Canonical:ubuntu-24_04-lts:server" } },
        message: `appVmImage: must be an image URN "publisher:offer:sku:version" such as "Canonical:ubuntu-24_04-lts:server:latest"; got "Canonical:ubuntu-24_04-lts:server"`,
    },

    // The address plan.
    {
        description: "a malformed address space",
        input: { config: { addressSpace: "10.0.0.0/33" } },
        message: `addressSpace: must be ${CIDR_ALLOWED}; got "10.0.0.0/33"`,
    },
    {
        description: "an address space with host bits set",
        input: { config: { addressSpace: "10.0.0.1/16" } },
        message: `addressSpace: must be ${CIDR_ALLOWED}; got "10.0.0.1/16"`,
    },
    {
        description: "an address space Azure refuses (link-local)",
        input: { config: { addressSpace: "169.254.0.0/16" } },
        message: `addressSpace: must be clear of 169.254.0.0/16 (link-local), which Azure refuses in a virtual network; got "169.254.0.0/16"`,
    },
    {
        description: "an address space too small for the default subnets",
        input: { config: { addressSpace: "10.0.0.0/24" } },
        message: `addressSpace: must be large enough for two /24 subnets (a /23 or larger), or set proxySubnet and appSubnet; got "10.0.0.0/24"`,
    },
    {
        description: "a subnet outside the address space",
        input: { config: { proxySubnet: "10.1.0.0/24" } },
        message: `proxySubnet: must be inside addressSpace 10.0.0.0/16; got "10.1.0.0/24"`,
    },
    {
        description: "overlapping subnets",
        input: { config: { proxySubnet: "10.0.0.0/24", appSubnet: "10.0.0.128/25" } },
        message: `appSubnet: must be apart from proxySubnet 10.0.0.0/24; got "10.0.0.128/25"`,
    },
    {
        description: "a subnet smaller than Azure allows",
        input: { config: { proxySubnet: "10.0.0.0/30" } },
        message: `proxySubnet: must be a /29 or larger (Azure's smallest subnet); got "10.0.0.0/30"`,
    },
    {
        description: "an app subnet too small for the app VMs",
        input: { config: { appSubnet: "10.0.1.0/29", appVmCount: "4" } },
        message: `appSubnet: must be large enough for appVmCount (4) VMs: 9 addresses or more, as Azure keeps 5 of every subnet; got "10.0.1.0/29"`,
    },
    {
        description: "an SSH source range that is not a CIDR",
        input: { config: { sshSourceCidr: "0.0.0.0/0; reboot" } },
        message: `sshSourceCidr: must be ${CIDR_ALLOWED}; got "0.0.0.0/0; reboot"`,
    },
    {
        description: "a client prefix with a newline on NsgLockdown",
        input: { component: "NsgLockdown", args: { clientAddressPrefixes: ["10.0.0.0/16\nallow all"] } },
        message: `clientAddressPrefixes[0]: must be ${CIDR_ALLOWED}; got "10.0.0.0/16\\nallow all"`,
    },
    {
        description: "an SSH source prefix with host bits on NsgLockdown",
        input: { component: "NsgLockdown", args: { sshSourceCidr: "203.0.113.7/24" } },
        message: `sshSourceCidr: must be ${CIDR_ALLOWED}; got "203.0.113.7/24"`,
    },
    {
        description: "no client prefix at all on BackupProxy (squid and nft would get an empty list)",
        input: { component: "BackupProxy", args: { clientAddressPrefixes: [] } },
        message: "clientAddressPrefixes: must be at least one CIDR: the virtual network's address space; got []",
    },
    {
        description: "no client prefix at all on NsgLockdown",
        input: { component: "NsgLockdown", args: { clientAddressPrefixes: [] } },
        message: "clientAddressPrefixes: must be at least one CIDR: the virtual network's address space; got []",
    },
    {
        description: "a malformed client prefix on BackupProxy",
        input: { component: "BackupProxy", args: { clientAddressPrefixes: ["10.0.0.0/16", "10.0.0.0/8x"] } },
        message: `clientAddressPrefixes[1]: must be ${CIDR_ALLOWED}; got "10.0.0.0/8x"`,
    },

    // The proxy's address.
    {
        description: "a proxy IP outside its subnet",
        input: { config: { proxyIp: "10.0.5.10" } },
        message: `proxyIp: must be an address inside proxySubnet 10.0.0.0/24; got "10.0.5.10"`,
    },
    {
        description: "a proxy IP on an address Azure keeps (.3)",
        input: { config: { proxyIp: "10.0.0.3" } },
        message: `proxyIp: must be a usable address of proxySubnet 10.0.0.0/24: Azure keeps the first four (10.0.0.0-10.0.0.3) and the last (10.0.0.255); got "10.0.0.3"`,
    },
    {
        description: "a proxy IP on the broadcast address",
        input: { config: { proxyIp: "10.0.0.255" } },
        message: `proxyIp: must be a usable address of proxySubnet 10.0.0.0/24: Azure keeps the first four (10.0.0.0-10.0.0.3) and the last (10.0.0.255); got "10.0.0.255"`,
    },
    {
        description: "a proxy IP where the app VMs take their dynamic addresses",
        input: { config: { proxyIp: "10.0.1.10" } },
        message: `proxyIp: must be outside appSubnet 10.0.1.0/24, where Azure gives other VMs dynamic addresses; got "10.0.1.10"`,
    },
    {
        description: "a proxy URL with credentials (authenticated proxy)",
        input: { config: { proxyIp: "http://backup:s3cret@10.0.0.5:3128" } },
        message: `proxyIp: must be the proxy's IPv4 address alone, such as 10.0.0.5: an authenticated proxy is not supported by Azure Backup (the VM agent cannot send credentials); got "http://***@10.0.0.5:3128"`,
    },
    {
        description: "a proxy URL instead of an address",
        input: { config: { proxyIp: "http://10.0.0.5:3128" } },
        message: `proxyIp: must be the proxy's IPv4 address alone, such as 10.0.0.5, without scheme or port (the port is proxyPort); got "http://10.0.0.5:3128"`,
    },
    {
        description: "a proxy IP outside the subnet given to BackupProxy",
        input: { component: "BackupProxy", args: { proxyIp: "10.0.1.5" } },
        message: /^proxyIp: must be an address inside \w+ 10\.0\.0\.0\/24; got "10\.0\.1\.5"$/,
    },
    {
        description: "a proxy IP on the gateway address given to BackupProxy",
        input: { component: "BackupProxy", args: { proxyIp: "10.0.0.1" } },
        message: /^proxyIp: must be a usable address of \w+ 10\.0\.0\.0\/24: Azure keeps the first four \(10\.0\.0\.0-10\.0\.0\.3\) and the last \(10\.0\.0\.255\); got "10\.0\.0\.1"$/,
    },

    // Ports.
    {
        description: "proxy port 0",
        input: { config: { proxyPort: "0" } },
        message: `proxyPort: must be a whole number from 1 to 65535; got 0`,
    },
    {
        description: "proxy port 65536",
        input: { config: { proxyPort: "65536" } },
        message: `proxyPort: must be a whole number from 1 to 65535; got 65536`,
    },
    {
        description: "a proxy port with a shell command",
        input: { config: { proxyPort: "3128; reboot" } },
        message: `proxyPort: must be a whole number from 1 to 65535; got "3128; reboot"`,
    },
    {
        description: "the proxy on the SSH port",
        input: { config: { proxyPort: "22" } },
        message: `proxyPort: must be a port from 1 to 65535 other than 22, where the proxy VM's SSH server listens; got 22`,
    },
    {
        description: "proxy port 70000 on a BackupReadyLinuxVm",
        input: { component: "BackupReadyLinuxVm", args: { proxyPort: 70000 } },
        message: `proxyPort: must be a whole number from 1 to 65535; got 70000`,
    },
    {
        description: "proxy port 0 on NsgLockdown",
        input: { component: "NsgLockdown", args: { proxyPort: 0 } },
        message: `proxyPort: must be a whole number from 1 to 65535; got 0`,
    },

    // Allowed domains: squid dstdomain entries, nothing else.
    {
        description: "a domain with a scheme",
        input: { config: { allowedDomains: '["https://example.org"]' } },
        message: `allowedDomains: must be ${DOMAINS_ALLOWED}; got "https://example.org"`,
    },
    {
        description: "a domain with a path",
        input: { config: { allowedDomains: '["example.org/backup"]' } },
        message: `allowedDomains: must be ${DOMAINS_ALLOWED}; got "example.org/backup"`,
    },
    {
        description: "a * pattern",
        input: { config: { allowedDomains: '["*.blob.core.windows.net"]' } },
        message: `allowedDomains: must be ${DOMAINS_ALLOWED}; got "*.blob.core.windows.net"`,
    },
    {
        description: "an empty domain",
        input: { config: { allowedDomains: '[""]' } },
        message: `allowedDomains: must be ${DOMAINS_ALLOWED}; got ""`,
    },
    {
        description: "an IP address as a domain",
        input: { config: { allowedDomains: '["203.0.113.7"]' } },
        message: `allowedDomains: must be ${DOMAINS_ALLOWED}; got "203.0.113.7"`,
    },
    {
        description: "a domain that smuggles a squid directive on a new line",
        input: { config: { allowedDomains: '[".example.org\\nhttp_access allow all"]' } },
        message: `allowedDomains: must be ${DOMAINS_ALLOWED}; got ".example.org\\nhttp_access allow all"`,
    },
    {
        description: "no domain at all",
        input: { config: { allowedDomains: "[]" } },
        message: `allowedDomains: must be at least one domain, e.g. .blob.core.windows.net; got []`,
    },
    {
        description: "allowed domains that are not a JSON list",
        input: { config: { allowedDomains: ".example.org" } },
        message: `allowedDomains: must be a list of strings, e.g. [".blob.core.windows.net"]; got ".example.org"`,
    },
    {
        description: "a domain that another entry covers",
        input: { config: { allowedDomains: '[".example.org", "www.example.org"]' } },
        message: `allowedDomains: must be free of entries that another already covers (.example.org covers www.example.org; squid refuses both); got [".example.org","www.example.org"]`,
    },
    {
        description: "a * pattern given to BackupProxy",
        input: { component: "BackupProxy", args: { allowedDomains: ["*"] } },
        message: `allowedDomains: must be ${DOMAINS_ALLOWED}; got "*"`,
    },
    {
        description: "a storage account with a YAML comment",
        input: { config: { storageAccount: "acct1 #x" } },
        message: `storageAccount: must be a storage account name: 3 to 24 lower-case letters and digits; got "acct1 #x"`,
    },
    {
        description: "a storage account with upper case given to BackupProxy",
        input: { component: "BackupProxy", args: { storageAccount: "Acct1" } },
        message: `storageAccount: must be a storage account name: 3 to 24 lower-case letters and digits; got "Acct1"`,
    },

    // Names Azure would refuse, or that would break out of a template.
    {
        description: "a vault name with a space",
        input: { config: { vaultName: "backup vault" } },
        message: `vaultName: must be 2 to 50 letters, digits and hyphens, starting with a letter (Azure's rule for vault names); got "backup vault"`,
    },
    {
        description: "a vault name of 51 characters",
        input: { config: { vaultName: `v${"a".repeat(50)}` } },
        message: `vaultName: must be 2 to 50 letters, digits and hyphens, starting with a letter (Azure's rule for vault names); got "v${"a".repeat(50)}"`,
    },
    {
        description: "a vault name starting with a digit given to BackupVault",
        input: { component: "BackupVault", args: { vaultName: "1vault" } },
        message: `vaultName: must be 2 to 50 letters, digits and hyphens, starting with a letter (Azure's rule for vault names); got "1vault"`,
    },
    {
        description: "a VM size with a YAML line break",
        input: { config: { appVmSize: "Standard_B2s\nruncmd: [reboot]" } },
        message: `appVmSize: must be ${VM_SIZE_ALLOWED}; got "Standard_B2s\\nruncmd: [reboot]"`,
    },
    {
        description: "no proxy at all",
        input: { config: { proxyCount: "0" } },
        message: 'proxyCount: must be a whole number from 1 to 10 (one to ten proxies, each with its own hour-long patch window); got 0',
    },
    {
        description: "more proxies than patch windows",
        input: { component: "BackupProxy", args: { count: 11 } },
        message: 'count: must be a whole number from 1 to 10 (one to ten proxies, each with its own hour-long patch window); got 11',
    },
    {
        description: "proxies that do not fit after proxyIp in the proxy subnet",
        input: { config: { proxyIp: "10.0.0.250", proxyCount: "5" } },
        message: 'proxyIp: must be an address with room for 5 proxies after it (proxyCount): they take 10.0.0.251-10.0.0.255, and the last usable address of proxySubnet 10.0.0.0/24 is 10.0.0.254; got "10.0.0.250"',
    },
    {
        description: "two proxies in a /29 with the default proxyIp: the error names the count the user set",
        input: { config: { proxySubnet: "10.0.0.0/29", proxyCount: "2" } },
        message: "proxyCount: must be at most 1 here: the proxies take the addresses after proxyIp 10.0.0.5 (its default, 5 after the network address), and the last usable address of proxySubnet 10.0.0.0/29 is 10.0.0.6; got 2",
    },
    {
        description: "the last usable address as the balancer's frontend, with no room for the proxy after it",
        input: { config: { proxyIp: "10.0.0.254" } },
        message: 'proxyIp: must be an address with room for 1 proxy after it (proxyCount): it takes 10.0.0.255, and the last usable address of proxySubnet 10.0.0.0/24 is 10.0.0.254; got "10.0.0.254"',
    },
    {
        description: "a patch window without a weekday",
        input: { config: { proxyPatchWindow: "03:00" } },
        message: 'proxyPatchWindow: must be a weekday and a UTC time, e.g. "Sun 03:00" (Mon, Tue, Wed, Thu, Fri, Sat or Sun, then HH:MM); got "03:00"',
    },
    {
        description: "a patch window at an hour that does not exist, given to BackupProxy",
        input: { component: "BackupProxy", args: { patchWindow: "Sun 24:00" } },
        message: 'patchWindow: must be a weekday and a UTC time, e.g. "Sun 03:00" (Mon, Tue, Wed, Thu, Fri, Sat or Sun, then HH:MM); got "Sun 24:00"',
    },
    {
        description: "a VM size without its tier",
        input: { config: { proxyVmSize: "B2s" } },
        message: `proxyVmSize: must be ${VM_SIZE_ALLOWED}; got "B2s"`,
    },
    {
        description: "an admin user name Azure reserves",
        input: { config: { adminUsername: "root" } },
        message:
            "adminUsername: must be a name Azure allows for the admin user, none of administrator, admin, user, user1, test, user2, test1, user3, " +
            "admin1, 1, 123, a, actuser, adm, admin2, aspnet, backup, console, david, guest, john, owner, root, server, sql, support, " +
            'support_388945a0, sys, test2, test3, user4, user5; got "root"',
    },
    {
        description: "an admin user name with a command substitution",
        input: { config: { adminUsername: "ops$(id)" } },
        message: `adminUsername: must be ${USER_NAME_ALLOWED}; got "ops$(id)"`,
    },
    {
        description: "an admin user name of 33 characters",
        input: { config: { adminUsername: "a".repeat(33) } },
        message: `adminUsername: must be ${USER_NAME_ALLOWED}; got "${"a".repeat(33)}"`,
    },
    {
        description: "an RSA key of 1024 bits",
        input: { config: { sshPublicKey: RSA_1024_KEY } },
        message: `sshPublicKey: must be an RSA key of 2048 bits or more (Azure refuses shorter ones), or an Ed25519 key; got ${JSON.stringify(RSA_1024_KEY)}`,
    },
    {
        description: "an ECDSA key",
        input: { config: { sshPublicKey: ECDSA_KEY } },
        message: `sshPublicKey: must be ${SSH_KEY_ALLOWED}; got ${JSON.stringify(ECDSA_KEY)}`,
    },
    {
        description: "two keys on two lines",
        input: { config: { sshPublicKey: `${ED25519_KEY}\n${RSA_2048_KEY}` } },
        message: `sshPublicKey: must be ${SSH_KEY_ALLOWED}; got ${JSON.stringify(`${ED25519_KEY}\n${RSA_2048_KEY}`)}`,
    },
    {
        description: "a key whose type does not match its blob",
        input: { config: { sshPublicKey: RSA_2048_KEY.replace("ssh-rsa", "ssh-ed25519") } },
        message: `sshPublicKey: must be ${SSH_KEY_ALLOWED}; got ${JSON.stringify(RSA_2048_KEY.replace("ssh-rsa", "ssh-ed25519"))}`,
    },
    {
        description: "a key comment with a quote",
        input: { config: { sshPublicKey: `${ED25519_KEY}'"` } },
        message: `sshPublicKey: must be ${SSH_KEY_ALLOWED}; got ${JSON.stringify(`${ED25519_KEY}'"`)}`,
    },

    // The backup policy.
    {
        description: "a backup time not on the half hour",
        input: { config: { backupTime: "02:15" } },
        message: `backupTime: must be a time of day on the hour or half hour, as HH:MM (e.g. 02:00 or 21:30); got "02:15"`,
    },
    {
        description: "a backup time of 24:00",
        input: { config: { backupTime: "24:00" } },
        message: `backupTime: must be a time of day on the hour or half hour, as HH:MM (e.g. 02:00 or 21:30); got "24:00"`,
    },
    {
        description: "an IANA time zone",
        input: { config: { timeZone: "Europe/Berlin" } },
        message: `timeZone: must be ${TIME_ZONES_ALLOWED}; got "Europe/Berlin"`,
    },
    {
        description: "a time zone with a quote",
        input: { config: { timeZone: 'UTC"; reboot' } },
        message: `timeZone: must be ${TIME_ZONES_ALLOWED}; got "UTC\\"; reboot"`,
    },
    {
        description: "6 days of retention",
        input: { config: { retentionDays: "6" } },
        message: `retentionDays: must be a whole number from 7 to 9999 (Azure's range for daily recovery points); got 6`,
    },
    {
        description: "10000 days of retention",
        input: { config: { retentionDays: "10000" } },
        message: `retentionDays: must be a whole number from 7 to 9999 (Azure's range for daily recovery points); got 10000`,
    },
    {
        description: "6 days of instant restore with the Standard policy",
        input: { config: { backupPolicyType: "Standard", instantRestoreDays: "6" } },
        message: `instantRestoreDays: must be a whole number from 1 to 5 (Azure's range for a standard daily policy); got 6`,
    },
    {
        description: "31 days of instant restore with the Enhanced policy",
        input: { config: { instantRestoreDays: "31" } },
        message: `instantRestoreDays: must be a whole number from 1 to 30 (Azure's range for an enhanced policy); got 31`,
    },
    {
        description: "the Standard policy for this project's VMs, which are Trusted Launch",
        input: { config: { backupPolicyType: "Standard" } },
        message: `backupPolicyType: must be "Enhanced" while this project creates VMs: they are Trusted Launch, which a Standard policy cannot protect; got "Standard"`,
    },
    {
        description: "daily recovery points kept shorter than their snapshots",
        input: { config: { retentionDays: "7", instantRestoreDays: "14" } },
        message: `retentionDays: must be at least instantRestoreDays (14): a recovery point outlives its snapshot; got 7`,
    },
    {
        description: "a Generation 1 image for the Trusted Launch app VMs",
        input: { config: { appVmImage: "Canonical:ubuntu-24_04-lts:server-gen1:latest" } },
        message: `appVmImage: must be a Generation 2 image: the VMs are Trusted Launch (Secure Boot, vTPM); got "Canonical:ubuntu-24_04-lts:server-gen1:latest"`,
    },
    {
        description: "a size without Trusted Launch for the proxy",
        input: { config: { proxyVmSize: "Basic_A1" } },
        message: `proxyVmSize: must be a size that supports Trusted Launch (Generation 2, not Basic or A-series); got "Basic_A1"`,
    },
    {
        description: "a Windows Server 2012 image given to BackupReadyWindowsVm, which is Trusted Launch",
        input: { component: "BackupReadyWindowsVm", args: { image: { publisher: "MicrosoftWindowsServer", offer: "WindowsServer", sku: "2012-R2-Datacenter", version: "latest" } } },
        message: `image: must be a Generation 2 image: the VMs are Trusted Launch (Secure Boot, vTPM); got "MicrosoftWindowsServer:WindowsServer:2012-R2-Datacenter:latest"`,
    },
    {
        description: "a policy type Azure does not have",
        input: { config: { backupPolicyType: "V2" } },
        message: `backupPolicyType: must be one of "Enhanced", "Standard" (Enhanced also protects Trusted Launch VMs); got "V2"`,
    },
    {
        description: "a backup time not on the half hour given to BackupVault",
        input: { component: "BackupVault", args: { backupTime: "02:45" } },
        message: `backupTime: must be a time of day on the hour or half hour, as HH:MM (e.g. 02:00 or 21:30); got "02:45"`,
    },
    {
        description: "an abbreviation as time zone given to BackupVault",
        input: { component: "BackupVault", args: { timeZone: "CET" } },
        message: `timeZone: must be ${TIME_ZONES_ALLOWED}; got "CET"`,
    },
    {
        description: "3 days of retention given to BackupVault",
        input: { component: "BackupVault", args: { retentionDays: 3 } },
        message: `retentionDays: must be a whole number from 7 to 9999 (Azure's range for daily recovery points); got 3`,
    },
    {
        description: "0 days of instant restore given to BackupVault",
        input: { component: "BackupVault", args: { instantRestoreDays: 0 } },
        message: `instantRestoreDays: must be a whole number from 1 to 30 (Azure's range for an enhanced policy); got 0`,
    },

    // Counts and switches.
    {
        description: "more app VMs than a vault protects",
        input: { config: { appVmCount: "1001" } },
        message: `appVmCount: must be a whole number from 0 to 1000 (a Recovery Services vault protects up to 1000 Azure VMs); got 1001`,
    },
    {
        description: "a yes/no switch spelt yes",
        input: { config: { vaultProtect: "yes" } },
        message: `vaultProtect: must be true or false; got "yes"`,
    },
    // The vault, its policy's tiers and schedule, tags and retired VMs.
    {
        description: "a weekly retention past Azure's 5163 weeks",
        input: { config: { weeklyRetentionWeeks: "5164" } },
        message: "weeklyRetentionWeeks: must be a whole number from 0 to 5163 (0 turns it off; Azure keeps weekly points up to 5163 weeks); got 5164",
    },
    {
        description: "a monthly retention past Azure's 1188 months",
        input: { config: { monthlyRetentionMonths: "1189" } },
        message: "monthlyRetentionMonths: must be a whole number from 0 to 1188 (0 turns it off; Azure keeps monthly points up to 1188 months); got 1189",
    },
    {
        description: "a yearly retention past Azure's 99 years",
        input: { config: { yearlyRetentionYears: "100" } },
        message: "yearlyRetentionYears: must be a whole number from 0 to 99 (0 turns it off; Azure keeps yearly points up to 99 years); got 100",
    },
    {
        description: "a negative yearly retention",
        input: { config: { yearlyRetentionYears: "-1" } },
        message: "yearlyRetentionYears: must be a whole number from 0 to 99 (0 turns it off; Azure keeps yearly points up to 99 years); got \"-1\"",
    },
    {
        description: "a retention day in lower case",
        input: { config: { weeklyRetentionWeeks: "4", retentionDay: "sunday" } },
        message: "retentionDay: must be one of \"Sunday\", \"Monday\", \"Tuesday\", \"Wednesday\", \"Thursday\", \"Friday\", \"Saturday\"; got \"sunday\"",
    },
    {
        description: "an abbreviated yearly retention month",
        input: { config: { yearlyRetentionYears: "1", yearlyRetentionMonth: "Jan" } },
        message: "yearlyRetentionMonth: must be one of \"January\", \"February\", \"March\", \"April\", \"May\", \"June\", \"July\", \"August\", \"September\", \"October\", \"November\", \"December\"; got \"Jan\"",
    },
    {
        description: "a weekly backup frequency",
        input: { config: { backupFrequency: "Weekly" } },
        message: "backupFrequency: must be one of \"Daily\", \"Hourly\"; got \"Weekly\"",
    },
    {
        description: "an hourly interval Azure does not offer",
        input: { config: { backupFrequency: "Hourly", hourlyInterval: "5" } },
        message: "hourlyInterval: must be one of 4, 6, 8, 12 (hours between backups); got 5",
    },
    {
        description: "an hourly interval in words",
        input: { config: { backupFrequency: "Hourly", hourlyInterval: "four" } },
        message: "hourlyInterval: must be one of 4, 6, 8, 12 (hours between backups); got \"four\"",
    },
    {
        description: "an hourly window longer than a day",
        input: { config: { hourlyWindowHours: "25" } },
        message: "hourlyWindowHours: must be a whole number from 4 to 24 (Azure's backup window for hourly backups); got 25",
    },
    {
        description: "an hourly window shorter than the interval",
        input: { config: { backupFrequency: "Hourly", hourlyInterval: "12", hourlyWindowHours: "8" } },
        message: "hourlyWindowHours: must be at least hourlyInterval (12): the window must hold a backup; got 8",
    },
    {
        description: "hourly backups with the Standard policy",
        input: { config: { backupFrequency: "Hourly", backupPolicyType: "Standard", appVmCount: "0", instantRestoreDays: "2" } },
        message: "backupFrequency: must be \"Daily\" with a Standard policy: hourly backups are a feature of the Enhanced policy (V2); got \"Hourly\"",
    },
    {
        description: "a storage redundancy by its abbreviation",
        input: { config: { storageRedundancy: "GRS" } },
        message: "storageRedundancy: must be one of \"GeoRedundant\", \"ZoneRedundant\", \"LocallyRedundant\" (Azure refuses a change once the vault protects items); got \"GRS\"",
    },
    {
        description: "Cross Region Restore without geo-redundant storage",
        input: { config: { crossRegionRestore: "true", storageRedundancy: "ZoneRedundant", vaultPublicNetworkAccess: "Enabled" } },
        message: "crossRegionRestore: must be false with storageRedundancy \"ZoneRedundant\": Cross Region Restore restores from the paired region's copy, which only GeoRedundant keeps; got true",
    },
    {
        description: "Cross Region Restore on a vault closed to public networks",
        input: { config: { crossRegionRestore: "true" } },
        message: "crossRegionRestore: must be false with vaultPublicNetworkAccess \"Disabled\": Azure does not deny public access to a vault with Cross Region Restore; got true",
    },
    {
        description: "Cross Region Restore as yes",
        input: { config: { crossRegionRestore: "yes" } },
        message: "crossRegionRestore: must be true or false; got \"yes\"",
    },
    {
        description: "soft delete turned off, which Azure no longer honours",
        input: { config: { vaultSoftDelete: "false" } },
        message: "vaultSoftDelete: must be \"Enabled\" or \"AlwaysOn\": Azure enforces soft delete on every Recovery Services vault since its 2025 secure-by-default change, so it cannot be turned off (see the README for tearing down a throwaway stack); got \"false\"",
    },
    {
        description: "soft delete as the old boolean true",
        input: { config: { vaultSoftDelete: "true" } },
        message: "vaultSoftDelete: must be one of \"Enabled\", \"AlwaysOn\" (AlwaysOn is irreversible: soft delete can then never be turned back to Enabled); got \"true\"",
    },
    {
        description: "13 days of soft delete",
        input: { config: { softDeleteDays: "13" } },
        message: "softDeleteDays: must be a whole number from 14 to 180 (Azure's soft-delete retention); got 13",
    },
    {
        description: "181 days of soft delete",
        input: { config: { softDeleteDays: "181" } },
        message: "softDeleteDays: must be a whole number from 14 to 180 (Azure's soft-delete retention); got 181",
    },
    {
        description: "a Locked vault without vaultAllowIrreversibleSettings",
        input: { config: { vaultImmutability: "Locked" } },
        message: "vaultImmutability: must be \"Disabled\" or \"Unlocked\" unless vaultAllowIrreversibleSettings is true: \"Locked\" is irreversible, no one can unlock the vault or shorten a retention afterwards; got \"Locked\"",
    },
    {
        description: "an immutability state Azure does not have",
        input: { config: { vaultImmutability: "Enabled" } },
        message: "vaultImmutability: must be one of \"Disabled\", \"Unlocked\", \"Locked\"; got \"Enabled\"",
    },
    {
        description: "vaultAllowIrreversibleSettings as yes",
        input: { config: { vaultAllowIrreversibleSettings: "yes" } },
        message: "vaultAllowIrreversibleSettings: must be true or false; got \"yes\"",
    },
    {
        description: "public network access as Deny",
        input: { config: { vaultPublicNetworkAccess: "Deny" } },
        message: "vaultPublicNetworkAccess: must be one of \"Enabled\", \"Disabled\"; got \"Deny\"",
    },
    {
        description: "a vault lock as 1",
        input: { config: { vaultLock: "1" } },
        message: "vaultLock: must be true or false; got \"1\"",
    },
    {
        description: "tags as key=value text",
        input: { config: { tags: "env=prod" } },
        message: `tags: must be ${TAGS_ALLOWED}; got "env=prod"`,
    },
    {
        description: "a tag name with a slash",
        input: { config: { tags: "{\"a/b\":\"x\"}" } },
        message: `tags: must be ${TAGS_ALLOWED}; got {"a/b":"x"}`,
    },
    {
        description: "tags as a list",
        input: { config: { tags: "[\"env\"]" } },
        message: `tags: must be ${TAGS_ALLOWED}; got ["env"]`,
    },
    {
        description: "a retired VM that is still counted",
        input: { config: { retiredVms: "[\"app-vm-1\"]" } },
        message: "retiredVms[0]: must be the name of a VM above appVmCount (1) or windowsAppVmCount (0): app-vm-1 is still backed up; got \"app-vm-1\"",
    },
    {
        description: "a retired VM that is not one of this environment's",
        input: { config: { retiredVms: "[\"app-vm-0\"]" } },
        message: "retiredVms[0]: must be an app VM name such as \"app-vm-3\" or \"win-vm-2\"; got \"app-vm-0\"",
    },
    {
        description: "a retired VM named twice",
        input: { config: { retiredVms: "[\"app-vm-2\",\"app-vm-2\"]" } },
        message: "retiredVms[1]: must be each VM once; it repeats retiredVms[0]; got \"app-vm-2\"",
    },
    {
        description: "retired VMs as plain text",
        input: { config: { retiredVms: "app-vm-2" } },
        message: "retiredVms: must be a list of strings, e.g. [\"app-vm-3\"]; got \"app-vm-2\"",
    },
    // Monitoring: who is told, and where the logs go.
    {
        description: "an alert e-mail address without a domain",
        input: { config: { alertEmails: '["ops"]' } },
        message: `alertEmails[0]: must be ${EMAILS_ALLOWED}; got "ops"`,
    },
    {
        description: "an alert e-mail address with a display name",
        input: { config: { alertEmails: '["Ops <ops@example.com>"]' } },
        message: `alertEmails[0]: must be ${EMAILS_ALLOWED}; got "Ops <ops@example.com>"`,
    },
    {
        description: "an alert e-mail address twice, in two cases",
        input: { config: { alertEmails: '["ops@example.com","OPS@example.com"]' } },
        message: `alertEmails[1]: must be ${EMAILS_ALLOWED}; it repeats alertEmails[0]; got "OPS@example.com"`,
    },
    {
        description: "alert e-mail addresses as plain text",
        input: { config: { alertEmails: "ops@example.com" } },
        message: 'alertEmails: must be a list of strings, e.g. ["ops@example.com"]; got "ops@example.com"',
    },
    {
        description: "a workspace's customer id (a GUID) instead of its ARM id",
        input: { config: { logAnalyticsWorkspaceId: "5b3a4e6c-0e2d-4c7f-9a41-2f4c1d9e8b7a" } },
        message: `logAnalyticsWorkspaceId: must be ${WORKSPACE_ID_ALLOWED}; got "5b3a4e6c-0e2d-4c7f-9a41-2f4c1d9e8b7a"`,
    },
    {
        description: "a storage account's id as the workspace",
        input: { config: { logAnalyticsWorkspaceId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/logs1" } },
        message: `logAnalyticsWorkspaceId: must be ${WORKSPACE_ID_ALLOWED}; got "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/logs1"`,
    },
    {
        description: "logAnalyticsWorkspace other than create",
        input: { config: { logAnalyticsWorkspace: "yes" } },
        message: 'logAnalyticsWorkspace: must be "create" to create a workspace for the vault\'s logs, or empty; got "yes"',
    },
    {
        description: "a workspace both created and given",
        input: { config: { logAnalyticsWorkspace: "create", logAnalyticsWorkspaceId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/ws1" } },
        message: 'logAnalyticsWorkspace: must be empty when logAnalyticsWorkspaceId names an existing workspace: the logs go to one workspace; got "create"',
    },
    {
        description: "an alert e-mail address with two @ on BackupMonitoring",
        input: { component: "BackupMonitoring", args: { alertEmails: ["ops@@example.com"] } },
        message: `alertEmails[0]: must be ${EMAILS_ALLOWED}; got "ops@@example.com"`,
    },
    {
        description: "a VM's id as the workspace on BackupMonitoring",
        input: { component: "BackupMonitoring", args: { logAnalyticsWorkspaceId: VM_ID, createWorkspace: false } },
        message: `logAnalyticsWorkspaceId: must be ${WORKSPACE_ID_ALLOWED}; got "${VM_ID}"`,
    },
    {
        description: "two proxies under one key on BackupMonitoring",
        input: { component: "BackupMonitoring", args: { proxies: [{ name: "p", vmId: VM_ID, proxyIp: "10.0.0.5" }, { name: "p", vmId: VM_ID, proxyIp: "10.0.0.6" }] } },
        message: "proxies[].name: must be a unique key of letters, digits, '-', '_' and '.' for each proxy; got \"p\"",
    },
    {
        description: "an enrolment that is neither list nor policy",
        input: { config: { enrolment: "tags" } },
        message: 'enrolment: must be "list" (a protected item per VM) or "policy" (Azure Policy enrols tagged VMs into a vault per region); got "tags"',
    },
    {
        description: "a fleet region with a hyphen",
        input: { config: { enrolment: "policy", fleetRegions: '["westeurope","north-europe"]' } },
        message: 'fleetRegions[1]: must be an Azure region such as "westeurope" or "West Europe"; got "north-europe"',
    },
    {
        description: "a fleet region twice, in both spellings",
        input: { config: { enrolment: "policy", fleetRegions: '["westeurope","West Europe"]' } },
        message: 'fleetRegions[1]: must be each region once: a fleet has one vault per region; it repeats fleetRegions[0]; got "West Europe"',
    },
    {
        description: "fleet regions without enrolment=policy",
        input: { config: { fleetRegions: '["northeurope"]' } },
        message: 'fleetRegions: applies only with enrolment "policy"; unset it, or set enrolment to "policy"',
    },
    {
        description: "the built-in fleet definition without enrolment=policy",
        input: { config: { fleetDefinition: "builtIn" } },
        message: 'fleetDefinition: applies only with enrolment "policy"; unset it, or set enrolment to "policy"',
    },
    {
        description: "a fleet scope that is a VM, not a subscription or group",
        input: { config: { enrolment: "policy", fleetScope: VM_ID } },
        message: `fleetScope: must be a subscription id /subscriptions/<guid> or a resource group id /subscriptions/<guid>/resourceGroups/<group>; got "${VM_ID}"`,
    },
    {
        description: "a fleet scope whose subscription is a name",
        input: { config: { enrolment: "policy", fleetScope: "/subscriptions/production" } },
        message: 'fleetScope: must be a subscription id /subscriptions/<guid> or a resource group id /subscriptions/<guid>/resourceGroups/<group>; got "/subscriptions/production"',
    },
    {
        description: "an enrolment tag without a value",
        input: { config: { enrolment: "policy", enrolmentTag: "backup" } },
        message: 'enrolmentTag: must be a tag "name=value" such as "backup=daily"; got "backup"',
    },
    {
        description: "an enrolment tag name with a slash",
        input: { config: { enrolment: "policy", enrolmentTag: "backup/tier=daily" } },
        message: 'enrolmentTag: must be a tag "name=value" such as "backup=daily": a name of 1 to 512 characters without <>%&\\?/ or surrounding spaces, a value up to 256; got "backup/tier=daily"',
    },
    {
        description: "tags whose names differ only in case",
        input: { config: { tags: '{"Backup":"weekly","backup":"daily"}' } },
        message: 'tags: must be tag names that differ in more than case: Azure\'s tag names ignore case, so "Backup" and "backup" are one tag; got {"Backup":"weekly","backup":"daily"}',
    },
    {
        description: "a tag the enrolment tag would replace on the app VMs",
        input: { config: { enrolment: "policy", enrolmentTag: "env=dev", tags: '{"ENV":"prod"}' } },
        message: 'tags: must be tag names other than enrolmentTag\'s "env" in any case: the app VMs carry both, and Azure\'s tag names ignore case, so one would replace the other; got "ENV"',
    },
    {
        description: "an app image the built-in enrolment definition does not list",
        input: { config: { enrolment: "policy", fleetDefinition: "builtIn", appVmImage: "Canonical:ubuntu-24_04-lts:server:latest" } },
        message: /^appVmImage: must be an image Azure's enrolment definition 345fa903-145c-4fe1-8bcd-93ec2adccde8 \(9\.1\.0\) lists, or it never enrols the VMs: .*22_04-lts\*.*; got "Canonical:ubuntu-24_04-lts:server:latest"$/,
    },
    {
        description: "an app image the project's enrolment definition does not list (Rocky Linux, whose Marketplace names are not verified)",
        input: { config: { enrolment: "policy", appVmImage: "resf:rockylinux-x86_64:9-base:latest" } },
        message: /^appVmImage: must be an image the project's enrolment definition backup-ready-vm-backup-with-tag \(1\.0\.0\) lists, or it never enrols the VMs: .*server\*.*9\*.*; got "resf:rockylinux-x86_64:9-base:latest"$/,
    },
    {
        description: "retired VMs with enrolment=policy",
        input: { config: { enrolment: "policy", appVmCount: "1", retiredVms: '["app-vm-2"]' } },
        message: 'retiredVms: applies only with enrolment "list"; unset it, or set enrolment to "list"',
    },
    {
        description: "a BackupFleet without regions",
        input: { component: "BackupFleet", args: { regions: [] } },
        message: 'regions: must be at least one region, e.g. ["westeurope","northeurope"]; got []',
    },
    {
        description: "a BackupFleet scoped to a management group",
        input: { component: "BackupFleet", args: { scope: "/providers/Microsoft.Management/managementGroups/platform" } },
        message: 'scope: must be a subscription id /subscriptions/<guid> or a resource group id /subscriptions/<guid>/resourceGroups/<group>; got "/providers/Microsoft.Management/managementGroups/platform"',
    },
    {
        description: "a BackupFleet tag name with an ampersand",
        input: { component: "BackupFleet", args: { tagName: "backup&tier" } },
        message: 'tagName=tagValue: must be a tag "name=value" such as "backup=daily": a name of 1 to 512 characters without <>%&\\?/ or surrounding spaces, a value up to 256; got "backup&tier=daily"',
    },
    {
        description: "hourly backups on a Standard BackupVault",
        input: { component: "BackupVault", args: { backupPolicyType: "Standard", backupFrequency: "Hourly" } },
        message: "backupFrequency: must be \"Daily\" with a Standard policy: hourly backups are a feature of the Enhanced policy (V2); got \"Hourly\"",
    },
    {
        description: "soft delete turned off on a BackupVault",
        input: { component: "BackupVault", args: { softDelete: "false" } },
        message: "softDelete: must be \"Enabled\" or \"AlwaysOn\": Azure enforces soft delete on every Recovery Services vault since its 2025 secure-by-default change, so it cannot be turned off (see the README for tearing down a throwaway stack); got \"false\"",
    },
    {
        description: "a yearly retention of 100 years on a BackupVault",
        input: { component: "BackupVault", args: { yearlyRetentionYears: 100 } },
        message: "yearlyRetentionYears: must be a whole number from 0 to 99 (0 turns it off; Azure keeps yearly points up to 99 years); got 100",
    },
    {
        description: "a retired VM under the key of a protected one on a BackupVault",
        input: { component: "BackupVault", args: { virtualMachines: [{ name: "vm1", id: VM_ID, location: "westeurope" }], retiredVirtualMachines: [{ name: "vm1", id: VM_ID }] } },
        message: "virtualMachines[].name: must be a unique key of letters, digits, '-', '_' and '.' for each VM; got \"vm1\"",
    },
    {
        description: "a tag name with a question mark on a BackupReadyLinuxVm",
        input: { component: "BackupReadyLinuxVm", args: { tags: { "why?": "x" } } },
        message: `tags: must be ${TAGS_ALLOWED}; got {"why?":"x"}`,
    },
    {
        description: "a tag value of 257 characters on NsgLockdown",
        input: { component: "NsgLockdown", args: { tags: { env: "x".repeat(257) } } },
        message: `tags: must be ${TAGS_ALLOWED}; got {"env":"${"x".repeat(257)}"}`,
    },

    // Issue 23's classes of mistakes that planned cleanly before: each once here, every rule at its
    // edge in limitsAtTheEdges.test.ts.
    {
        description: "a region Azure does not have (one letter short)",
        input: { config: { location: "westeurop", vaultLocation: "westeurop" } },
        message: `azure-native:location: must be a public Azure region in Microsoft's region list (policy/rulebook/regions.ts, 2026-12); did you mean "westeurope"?; got "westeurop"`,
    },
    {
        description: "zone-redundant storage where the region has no zones",
        input: { config: { location: "ukwest", vaultLocation: "ukwest", storageRedundancy: "ZoneRedundant" } },
        message: `storageRedundancy: must be "GeoRedundant" or "LocallyRedundant" in vaultLocation "ukwest": UK West has no availability zones, so Azure Backup offers no ZoneRedundant storage there; got "ZoneRedundant"`,
    },
    {
        description: "the default geo-redundant storage where the region has no pair",
        input: { config: { location: "qatarcentral", vaultLocation: "qatarcentral" } },
        message: `storageRedundancy: must be "ZoneRedundant" or "LocallyRedundant" in vaultLocation "qatarcentral": Qatar Central has no paired region, so Azure Backup offers no GeoRedundant storage there; got "GeoRedundant"`,
    },
    {
        description: "more e-mail receivers than an action group takes",
        input: { config: { alertEmails: JSON.stringify(Array.from({ length: 1001 }, (_, i) => `ops${i}@example.com`)) } },
        message: `alertEmails: must be at most 1000 addresses, an action group's limit of e-mail receivers; got "1001 addresses"`,
    },
    {
        description: "an e-mail address longer than Azure Monitor's 64 characters",
        input: { config: { alertEmails: JSON.stringify([`${"a".repeat(53)}@example.com`]) } },
        message: `alertEmails[0]: must be ${EMAILS_ALLOWED}; got "${"a".repeat(53)}@example.com"`,
    },
    {
        description: "a Resource Guard id whose subscription is a name",
        input: { config: { resourceGuardId: "/subscriptions/production/resourceGroups/sec/providers/Microsoft.DataProtection/resourceGuards/guard" } },
        message: `resourceGuardId: must be an ARM id of the form /subscriptions/<guid>/resourceGroups/<group>/providers/Microsoft.DataProtection/resourceGuards/<name>; got "/subscriptions/production/resourceGroups/sec/providers/Microsoft.DataProtection/resourceGuards/guard"`,
    },
    {
        description: "a retired VM the stack could never have created",
        input: { config: { retiredVms: '["app-vm-1001"]' } },
        message: `retiredVms[0]: must be a name this stack could have created: app-vm-N or win-vm-N with N up to 1000 (a Recovery Services vault protects up to 1000 Azure VMs); got "app-vm-1001"`,
    },
    {
        description: "a private endpoint subnet smaller than the endpoint needs",
        input: { config: { vaultPrivateEndpoint: "true", vaultPrivateEndpointSubnet: "10.0.2.0/27" } },
        message: `vaultPrivateEndpointSubnet: must be a /26 or larger: a backup private endpoint uses 10 or more private IPs, and Microsoft suggests a /26; got "10.0.2.0/27"`,
    },
    {
        description: "restore drill VMs without a restore drill",
        input: { config: { restoreDrillVms: '["app-vm-1"]' } },
        message: "restoreDrillVms: applies only with restoreDrill true; unset it, or set restoreDrill to true",
    },
    {
        description: "an archive wait longer than the longest retention allows",
        input: { config: { archiveTier: "AfterDays", archiveAfterDays: "35956", yearlyRetentionYears: "99" } },
        message: "archiveAfterDays: must be a whole number from 90 to 35955 (a recovery point stays 3 months in the standard tier before it can move to archive, and must have 6 months left when it does); got 35956",
    },
];

/** Runs the case's input and returns what it threw. */
function errorOf(input: Case["input"]): unknown {
    try {
        if ("config" in input) {
            resolveSettings(input.config);
        } else {
            construct(input.component, input.args);
        }
    } catch (err) {
        return err;
    }
    return undefined;
}

/** Lets pending registrations reach the mocks. */
function settle(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 10));
}

function construct<K extends keyof ComponentArgs>(component: K, args: Partial<ComponentArgs[K]>): pulumi.ComponentResource {
    return new COMPONENTS[component](`bad-${component}`, { ...VALID_ARGS[component], ...args });
}

describe("bad input", () => {
    /** Custom resources the mocks were asked to create. */
    const created: string[] = [];

    before(async () => {
        await pulumi.runtime.setMocks(
            {
                newResource: (args) => {
                    if (args.custom) {
                        created.push(`${args.type} ${args.name}`);
                    }
                    return { id: `${args.name}-id`, state: args.inputs };
                },
                call: (args) => args.inputs,
            },
            "backup-ready",
            "validation",
            false,
        );
    });

    beforeEach(() => {
        created.length = 0;
    });

    it("has a case for every kind of mistake (40 or more)", () => {
        expect(CASES.length).to.be.at.least(40);
        expect(CASES.filter((c) => "component" in c.input).length).to.be.at.least(8);
        expect(new Set(CASES.map((c) => c.description)).size, "descriptions are unique").to.equal(CASES.length);
    });

    for (const { description, input, message } of CASES) {
        it(`rejects ${description}`, async () => {
            const err = errorOf(input);
            expect(err, "an InvalidSettingError").to.be.instanceOf(InvalidSettingError);
            const { message: actual, setting } = err as InvalidSettingError;
            if (typeof message === "string") {
                expect(actual).to.equal(message);
            } else {
                expect(actual).to.match(message);
            }
            // What is allowed, or (applicability.ts) what the setting needs to have an effect.
            expect(actual.startsWith(`${setting}: must be `) || actual.startsWith(`${setting}: applies only with `), "the message starts with the setting's name").to.equal(true);
            expect(pulumi.RunError.isInstance(err), "a RunError, so Pulumi prints no stack trace").to.equal(true);
            await settle();
            expect(created, "custom resources registered").to.deep.equal([]);
        });
    }

    it("constructs every component from the cases' valid arguments, so each case fails for its own reason", async () => {
        for (const component of Object.keys(COMPONENTS) as (keyof ComponentArgs)[]) {
            expect(() => construct(component, {}), component).to.not.throw();
        }
        await settle();
        expect(created, "the mocks see the children of valid components").to.not.be.empty;
        expect(() => resolveSettings({})).to.not.throw();
    });
});

/** Template safety: characters that end a YAML scalar, a squid line or a shell word, in every string setting. */
describe("template metacharacters in string settings", () => {
    const PAYLOADS = ["\n", "\r", '"', "'", "$", "`", ";", "#", "{", "}", " ", "\\"];
    const VALID: Partial<Record<keyof RawConfig, string>> = {
        location: "westeurope",
        addressSpace: "10.0.0.0/16",
        proxySubnet: "10.0.0.0/24",
        appSubnet: "10.0.1.0/24",
        proxyIp: "10.0.0.5",
        proxyPort: "3128",
        storageAccount: "acct1",
        appVmSize: "Standard_B2s",
        appVmImage: "Canonical:ubuntu-24_04-lts:server:latest",
        proxyVmSize: "Standard_B2s",
        adminUsername: "azureuser",
        sshPublicKey: ED25519_KEY,
        sshSourceCidr: "203.0.113.0/24",
        vaultName: "vm-backup-vault",
        vaultLocation: "westeurope",
        backupTime: "02:00",
        timeZone: "UTC",
    };

    for (const [key, value] of Object.entries(VALID) as [keyof RawConfig, string][]) {
        const setting = key === "location" ? "azure-native:location" : key;
        // A region may hold single spaces ("West Europe"), as may a key's comment; nothing else may.
        const payloads = ["location", "vaultLocation", "sshPublicKey"].includes(key) ? PAYLOADS.filter((p) => p !== " ") : PAYLOADS;
        it(`rejects each of them after the first or before the last character of ${setting}, naming ${setting}`, () => {
            expect(() => resolveSettings({ [key]: value }), "the valid value").to.not.throw();
            for (const payload of payloads) {
                for (const at of [1, value.length - 1]) {
                    const bad = `${value.slice(0, at)}${payload}${value.slice(at)}`;
                    expect(() => resolveSettings({ [key]: bad }), JSON.stringify(bad)).to.throw(InvalidSettingError).with.property("setting", setting);
                }
            }
        });
    }

    it("rejects each of them inside an allowed domain", () => {
        for (const payload of PAYLOADS) {
            const allowedDomains = JSON.stringify([`.exa${payload}mple.org`]);
            expect(() => resolveSettings({ allowedDomains }), allowedDomains).to.throw(InvalidSettingError).with.property("setting", "allowedDomains");
        }
    });
});

describe("what Azure accepts passes", () => {
    it("the defaults, with Ubuntu 24.04 LTS for the app VMs", () => {
        const settings = resolveSettings({});
        expect(settings.appVmImage).to.deep.equal(UBUNTU_LTS_IMAGE);
        expect(settings.proxyIp).to.equal("10.0.0.5");
    });

    it("a vault region in the other spelling of the VMs' region", () => {
        expect(resolveSettings({ location: "westeurope", vaultLocation: "West Europe" }).vaultLocation).to.equal("West Europe");
    });

    it("the limits themselves: 32 disks, ports 1 and 65535, 7 and 9999 days, 1 and 5 days, 1000 VMs", () => {
        for (const raw of [
            { appVmDataDiskCount: "32" },
            { proxyPort: "1" },
            { proxyPort: "65535" },
            { retentionDays: "7", instantRestoreDays: "1" },
            { retentionDays: "9999", instantRestoreDays: "5" },
            { appVmCount: "1000", appSubnet: "10.0.4.0/22" },
        ]) {
            expect(() => resolveSettings(raw), JSON.stringify(raw)).to.not.throw();
        }
    });

    it("the first and last proxy addresses with room for the proxies after them, and a /29 app subnet for three VMs", () => {
        const limits = [{ proxyIp: "10.0.0.4" }, { proxyIp: "10.0.0.253" }, { proxyIp: "10.0.0.244", proxyCount: "10" }, { appSubnet: "10.0.1.0/29", appVmCount: "3" }];
        for (const raw of limits) {
            expect(() => resolveSettings(raw), JSON.stringify(raw)).to.not.throw();
        }
    });

    it("every Windows time zone id, once each", () => {
        expect(new Set(WINDOWS_TIME_ZONES).size).to.equal(WINDOWS_TIME_ZONES.length);
        expect(WINDOWS_TIME_ZONES.length).to.be.within(135, 145);
        for (const timeZone of WINDOWS_TIME_ZONES) {
            expect(() => checkTimeZone("timeZone", timeZone), timeZone).to.not.throw();
        }
    });

    it("RSA keys of 2048 bits and Ed25519 keys, with or without a comment", () => {
        for (const key of [RSA_2048_KEY, ED25519_KEY, ED25519_KEY.replace(/ \S+$/, "")]) {
            expect(() => checkSshPublicKey("sshPublicKey", key), key).to.not.throw();
        }
    });

    it("VM sizes with versions and constrained cores", () => {
        for (const size of ["Standard_B2s", "Standard_D4s_v5", "Standard_E4-2s_v5", "Standard_NC24ads_A100_v4", "Basic_A1"]) {
            expect(() => checkVmSize("vmSize", size), size).to.not.throw();
        }
    });

    it("Windows Server 2008 R2 and newer, and endorsed Linux distributions", () => {
        for (const urn of [
            "MicrosoftWindowsServer:WindowsServer:2008-R2-SP1:latest",
            "MicrosoftWindowsServer:WindowsServer:2012-R2-Datacenter:latest",
            "MicrosoftWindowsServer:WindowsServer:2025-datacenter-azure-edition:26100.2605.241207",
        ]) {
            expect(() => checkImage("image", parseImageUrn("image", urn)), urn).to.not.throw();
        }
        for (const urn of ["Canonical:ubuntu-24_04-lts:server:latest", "RedHat:RHEL:9-lvm-gen2:latest", "Debian:debian-12:12-gen2:0.20240717.1"]) {
            expect(() => checkLinuxImage("image", parseImageUrn("image", urn)), urn).to.not.throw();
        }
    });

    it("e-mail addresses with plus tags, subdomains and capitals, and workspace ids in any case", () => {
        const emails = '["ops+backup@example.com","Platform.Team@mail.example.co.uk"]';
        expect(resolveSettings({ alertEmails: emails }).alertEmails).to.deep.equal(["ops+backup@example.com", "Platform.Team@mail.example.co.uk"]);
        const workspaceId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg/providers/microsoft.operationalinsights/workspaces/ws1";
        expect(resolveSettings({ logAnalyticsWorkspaceId: workspaceId }).logAnalyticsWorkspaceId).to.equal(workspaceId);
        expect(resolveSettings({ logAnalyticsWorkspace: "create" }).logAnalyticsWorkspace).to.equal("create");
    });

    it("host names and leading-dot domains for squid", () => {
        expect(() => checkDomains("allowedDomains", [".blob.core.windows.net", "acct1.web.core.windows.net", ".Example.ORG", "xn--bcher-kva.example"])).to.not.throw();
    });
});

describe("checkProxyIpFree", () => {
    it("rejects the address of another VM given explicitly, naming where it is taken", () => {
        expect(() => checkProxyIpFree("proxyIp", "10.0.0.6", { staticIps: { "appVms[0].privateIp": "10.0.0.6" } })).to.throw(
            InvalidSettingError,
            'proxyIp: must be an address no other VM holds (appVms[0].privateIp is 10.0.0.6); got "10.0.0.6"',
        );
    });

    it("rejects a subnet of dynamic addresses under the name it is given", () => {
        expect(() => checkProxyIpFree("proxyIp", "10.0.8.9", { dynamicSubnets: { appSubnetPrefix: "10.0.8.0/24" } })).to.throw(
            InvalidSettingError,
            'proxyIp: must be outside appSubnetPrefix 10.0.8.0/24, where Azure gives other VMs dynamic addresses; got "10.0.8.9"',
        );
    });

    it("accepts an address no other VM holds or may get", () => {
        expect(() =>
            checkProxyIpFree("proxyIp", "10.0.0.5", { dynamicSubnets: { appSubnet: "10.0.1.0/24" }, staticIps: { "appVms[0].privateIp": "10.0.0.6" } }),
        ).to.not.throw();
    });
});
