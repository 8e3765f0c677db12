"use strict";
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
Object.defineProperty(exports, "__esModule", { value: true });
exports.lookUpRegions = exports.WINDOWS_TIME_ZONES = exports.ARM_TYPES = exports.parseVmId = exports.parseResourceId = exports.OneLineError = exports.InvalidSettingError = exports.WindowsProxyClient = exports.LinuxProxyClient = exports.RestoreDrill = exports.BackupReadyWindowsVm = exports.BackupReadyLinuxVm = exports.NsgLockdown = exports.BackupProxy = exports.BackupMonitoring = exports.BackupFleet = exports.BackupVault = void 0;
// First: a folder linked without its dependencies fails here with what to do, not at a require below.
require("../lib/installCheck");
// The components: one per file, each a `pulumi.ComponentResource` taking `tags` and `keepTypeAliases`.
/** A Recovery Services vault in the VMs' region, its backup policy and one protected item per VM. */
var backupVault_1 = require("./backupVault");
Object.defineProperty(exports, "BackupVault", { enumerable: true, get: function () { return backupVault_1.BackupVault; } });
/** A vault in every region and Azure Policy's built-in enrolment of the tagged VMs, with its identity, roles and remediation. */
var backupFleet_1 = require("./backupFleet");
Object.defineProperty(exports, "BackupFleet", { enumerable: true, get: function () { return backupFleet_1.BackupFleet; } });
/** A failed backup reaches people: the vault's alerts routed to e-mail, its logs to a workspace, the proxies watched. */
var backupMonitoring_1 = require("./backupMonitoring");
Object.defineProperty(exports, "BackupMonitoring", { enumerable: true, get: function () { return backupMonitoring_1.BackupMonitoring; } });
/** An allow-list HTTPS proxy VM (squid) to Azure Storage, the VMs' only way out. */
var backupProxy_1 = require("./backupProxy");
Object.defineProperty(exports, "BackupProxy", { enumerable: true, get: function () { return backupProxy_1.BackupProxy; } });
/** `NSG-lockdown`: the document's `allow-proxy` rule and the rules around it, on a new or an existing NSG. */
var nsgLockdown_1 = require("./nsgLockdown");
Object.defineProperty(exports, "NsgLockdown", { enumerable: true, get: function () { return nsgLockdown_1.NsgLockdown; } });
/** Linux and Windows VMs ready for backup: the VM agent provisioned, the proxy configured. */
var backupReadyLinuxVm_1 = require("./backupReadyLinuxVm");
Object.defineProperty(exports, "BackupReadyLinuxVm", { enumerable: true, get: function () { return backupReadyLinuxVm_1.BackupReadyLinuxVm; } });
var backupReadyWindowsVm_1 = require("./backupReadyWindowsVm");
Object.defineProperty(exports, "BackupReadyWindowsVm", { enumerable: true, get: function () { return backupReadyWindowsVm_1.BackupReadyWindowsVm; } });
/** Restore drills: every protected VM restored on a schedule into a quarantine subnet, checked, removed, and a failed or missed drill alerted. */
var restoreDrill_1 = require("./restoreDrill");
Object.defineProperty(exports, "RestoreDrill", { enumerable: true, get: function () { return restoreDrill_1.RestoreDrill; } });
/** The proxy configuration of any existing VM, kept by a managed Run Command. */
var linuxProxyClient_1 = require("./linuxProxyClient");
Object.defineProperty(exports, "LinuxProxyClient", { enumerable: true, get: function () { return linuxProxyClient_1.LinuxProxyClient; } });
var windowsProxyClient_1 = require("./windowsProxyClient");
Object.defineProperty(exports, "WindowsProxyClient", { enumerable: true, get: function () { return windowsProxyClient_1.WindowsProxyClient; } });
// Mistakes: every argument a component refuses raises InvalidSettingError, naming the argument and what is allowed;
// it and a failed read of Azure's regions or sizes are OneLineErrors, which Pulumi prints as their one line.
var errors_1 = require("../policy/rulebook/errors");
Object.defineProperty(exports, "InvalidSettingError", { enumerable: true, get: function () { return errors_1.InvalidSettingError; } });
Object.defineProperty(exports, "OneLineError", { enumerable: true, get: function () { return errors_1.OneLineError; } });
// Checking values the way the components do.
/**
 * ARM ids read as the components read them: `parseResourceId(setting, id, ARM_TYPES.subnet)`
 * returns the id's resource group and names, or throws an {@link InvalidSettingError} naming `setting`.
 */
var armIds_1 = require("../lib/armIds");
Object.defineProperty(exports, "parseResourceId", { enumerable: true, get: function () { return armIds_1.parseResourceId; } });
Object.defineProperty(exports, "parseVmId", { enumerable: true, get: function () { return armIds_1.parseVmId; } });
/** The Azure type paths `parseResourceId` takes (`Microsoft.Network/virtualNetworks/subnets`, ...). */
var azureTypes_1 = require("../policy/rulebook/azureTypes");
Object.defineProperty(exports, "ARM_TYPES", { enumerable: true, get: function () { return azureTypes_1.ARM_TYPES; } });
/** The Windows time zone ids a backup policy's `timeZone` accepts (`BackupVaultArgs.timeZone`). */
var timeZones_1 = require("../lib/timeZones");
Object.defineProperty(exports, "WINDOWS_TIME_ZONES", { enumerable: true, get: function () { return timeZones_1.WINDOWS_TIME_ZONES; } });
/**
 * Azure's regions, zones and pairs as the components check a region against them: await
 * `lookUpRegions()` before creating components and they take every region the subscription's
 * locations list has; until then they check against the extract in the rulebook (its date in the error).
 */
var regionData_1 = require("../lib/regionData");
Object.defineProperty(exports, "lookUpRegions", { enumerable: true, get: function () { return regionData_1.lookUpRegions; } });
