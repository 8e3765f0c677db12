export { BackupProxy, BackupProxyArgs } from "./backupProxy";
export { BackupReadyLinuxVm, BackupReadyLinuxVmArgs } from "./linuxAppVm";
export { BackupReadyWindowsVm, BackupReadyWindowsVmArgs } from "./windowsAppVm";
export { LinuxProxyClient, LinuxProxyClientArgs } from "./linuxProxyClient";
export { WindowsProxyClient, WindowsProxyClientArgs } from "./windowsProxyClient";
export { BackupVault, BackupVaultArgs, BackupVaultSettingsArgs, ProtectedVmArgs } from "./backupVault";
export { BackupFleet, BackupFleetArgs } from "./backupFleet";
export { NsgLockdown, NsgLockdownArgs } from "./nsgLockdown";
export { BackupMonitoring, BackupMonitoringArgs, MonitoredProxyArgs } from "./backupMonitoring";
