/**
 * backup-ready: Pulumi components that make Azure VMs ready for Azure Backup.
 *
 * ```ts
 * import { BackupProxy, BackupVault, LinuxProxyClient, NsgLockdown } from "backup-ready";
 * ```
 *
 * Everything a program needs is exported here, and nothing else: the components and their
 * arguments, every type those arguments use, the error a mistake raises, and the helpers and
 * data that check a value the way the components do. Anything under `bin/` not named here is
 * internal and may change.
 *
 * @packageDocumentation
 */

// First: a folder linked without its dependencies fails here with what to do, not at a require below.
import "../lib/installCheck";

// The components: one per file, each a `pulumi.ComponentResource` taking `tags` and `keepTypeAliases`.

/** A Recovery Services vault in the VMs' region, its backup policy and one protected item per VM. */
export { BackupVault } from "./backupVault";
export type { BackupVaultArgs, BackupVaultSettingsArgs, ProtectedVmArgs, RetiredVmArgs } from "./backupVault";

/** A vault in every region and Azure Policy's built-in enrolment of the tagged VMs, with its identity, roles and remediation. */
export { BackupFleet } from "./backupFleet";
export type { BackupFleetArgs } from "./backupFleet";

/** A failed backup reaches people: the vault's alerts routed to e-mail, its logs to a workspace, the proxies watched. */
export { BackupMonitoring } from "./backupMonitoring";
export type { BackupMonitoringArgs, MonitoredProxyArgs } from "./backupMonitoring";

/** An allow-list HTTPS proxy VM (squid) to Azure Storage, the VMs' only way out. */
export { BackupProxy } from "./backupProxy";
export type { BackupProxyArgs } from "./backupProxy";

/** `NSG-lockdown`: the document's `allow-proxy` rule and the rules around it, on a new or an existing NSG. */
export { NsgLockdown } from "./nsgLockdown";
export type { NsgLockdownArgs } from "./nsgLockdown";

/** Linux and Windows VMs ready for backup: the VM agent provisioned, the proxy configured. */
export { BackupReadyLinuxVm } from "./backupReadyLinuxVm";
export type { BackupReadyLinuxVmArgs } from "./backupReadyLinuxVm";
export { BackupReadyWindowsVm } from "./backupReadyWindowsVm";
export type { BackupReadyWindowsVmArgs } from "./backupReadyWindowsVm";

/** Restore drills: every protected VM restored on a schedule into a quarantine subnet, checked, removed, and a failed or missed drill alerted. */
export { RestoreDrill } from "./restoreDrill";
export type { RestoreDrillArgs } from "./restoreDrill";

/** The proxy configuration of any existing VM, kept by a managed Run Command. */
export { LinuxProxyClient } from "./linuxProxyClient";
export type { LinuxProxyClientArgs } from "./linuxProxyClient";
export { WindowsProxyClient } from "./windowsProxyClient";
export type { WindowsProxyClientArgs } from "./windowsProxyClient";

// The types the arguments are made of.

/** What every component takes (`tags`, `keepTypeAliases`), what both app VMs take, what both proxy clients take. */
export type { BackupReadyVmArgs, CommonArgs, ProxyClientArgs } from "./sharedArgs";
/** A marketplace image: publisher, offer, SKU and version. */
export type { ImageReference } from "../policy/rulebook/images";

// Mistakes: every argument a component refuses raises InvalidSettingError, naming the argument and what is allowed;
// it and a failed read of Azure's regions or sizes are OneLineErrors, which Pulumi prints as their one line.

export { InvalidSettingError, OneLineError } from "../policy/rulebook/errors";

// Checking values the way the components do.

/**
 * ARM ids read as the components read them: `parseResourceId(setting, id, ARM_TYPES.subnet)`
 * returns the id's resource group and names, or throws an {@link InvalidSettingError} naming `setting`.
 */
export { parseResourceId, parseVmId } from "../lib/armIds";
export type { ResourceIdParts } from "../policy/rulebook/armIds";
export type { VmReference } from "../policy/rulebook/backup";
/** The Azure type paths `parseResourceId` takes (`Microsoft.Network/virtualNetworks/subnets`, ...). */
export { ARM_TYPES } from "../policy/rulebook/azureTypes";
/** The Windows time zone ids a backup policy's `timeZone` accepts (`BackupVaultArgs.timeZone`). */
export { WINDOWS_TIME_ZONES } from "../lib/timeZones";
/**
 * Azure's regions, zones and pairs as the components check a region against them: await
 * `lookUpRegions()` before creating components and they take every region the subscription's
 * locations list has; until then they check against the extract in the rulebook (its date in the error).
 */
export { lookUpRegions } from "../lib/regionData";
export type { AzureRegion, RegionData } from "../policy/rulebook/regions";
