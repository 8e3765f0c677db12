"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkAppVm = checkAppVm;
/** What every app VM takes, Linux or Windows, checked with its defaults. */
const backup_1 = require("../../policy/rulebook/backup");
const defaults_1 = require("../defaults");
const addresses_1 = require("./addresses");
const images_1 = require("./images");
const names_1 = require("./names");
const numbers_1 = require("./numbers");
/** Checks what every app VM takes, Linux or Windows, and applies the defaults. */
function checkAppVm(args) {
    const settings = {
        vmSize: args.vmSize ?? defaults_1.DEFAULTS.vmSize,
        adminUsername: args.adminUsername ?? defaults_1.DEFAULTS.adminUsername,
        dataDiskCount: (0, numbers_1.wholeNumber)("dataDiskCount", args.dataDiskCount ?? defaults_1.DEFAULTS.dataDiskCount, { min: 0, ...(0, backup_1.dataDiskLimit)({}) }),
    };
    if (args.proxyIp !== undefined) {
        settings.proxy = (0, addresses_1.proxyEndpointInput)(args.proxyIp, args.proxyPort);
    }
    (0, names_1.checkVmSize)("vmSize", settings.vmSize);
    (0, images_1.checkTrustedLaunch)("image", args.image, "vmSize", settings.vmSize);
    (0, names_1.checkAdminUsername)("adminUsername", settings.adminUsername);
    return settings;
}
