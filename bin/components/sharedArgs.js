"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BACKUP_READY_VM_ARGUMENTS = void 0;
const arguments_1 = require("../lib/arguments");
/** Every argument both app VMs take, once. */
exports.BACKUP_READY_VM_ARGUMENTS = (0, arguments_1.argumentNames)()([
    "resourceGroupName", "location", "subnetId", "proxyIp", "proxyPort", "vmName", "vmSize", "adminUsername", "dataDiskCount", "dataDiskSizeGb", "tags", "keepTypeAliases",
]);
