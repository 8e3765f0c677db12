export { BackupProxy, BackupProxyArgs } from "./backupProxy";
export { BackupReadyLinuxVm, BackupReadyLinuxVmArgs } from "./linuxAppVm";
export { LinuxProxyClient, LinuxProxyClientArgs } from "./linuxProxyClient";
export { BackupVault, BackupVaultArgs, ProtectedVmArgs } from "./backupVault";
export { NsgLockdown, NsgLockdownArgs } from "./nsgLockdown";
