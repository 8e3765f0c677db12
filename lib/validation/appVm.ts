/** What every app VM takes, Linux or Windows, checked with its defaults. */
import { dataDiskLimit } from "../../policy/rulebook/backup";
import { ImageReference } from "../../policy/rulebook/images";
import { findVmSize, VmSizeData } from "../../policy/rulebook/vmSizes";
import { DEFAULTS } from "../defaults";
import * as pulumi from "@pulumi/pulumi";
import { ProxyEndpoint, proxyEndpointInput } from "./addresses";
import { checkTrustedLaunch } from "./images";
import { checkAdminUsername, checkVmSize } from "./names";
import { wholeNumber } from "./numbers";

/** The settings every app VM shares, checked, with their defaults. */
export interface AppVmSettings {
    proxy?: ProxyEndpoint | pulumi.Output<ProxyEndpoint>;
    vmSize: string;
    adminUsername: string;
    dataDiskCount: number;
}

/** Checks what every app VM takes, Linux or Windows, and applies the defaults. */
export function checkAppVm(args: {
    proxyIp?: pulumi.Input<string>;
    proxyPort?: pulumi.Input<number>;
    vmSize?: string;
    image?: ImageReference;
    adminUsername?: string;
    dataDiskCount?: number;
}): AppVmSettings {
    const settings: AppVmSettings = {
        vmSize: args.vmSize ?? DEFAULTS.vmSize,
        adminUsername: args.adminUsername ?? DEFAULTS.adminUsername,
        dataDiskCount: wholeNumber("dataDiskCount", args.dataDiskCount ?? DEFAULTS.dataDiskCount, { min: 0, ...dataDiskLimit({}) }),
    };
    if (args.proxyIp !== undefined) {
        settings.proxy = proxyEndpointInput(args.proxyIp, args.proxyPort);
    }
    checkVmSize("vmSize", settings.vmSize);
    checkTrustedLaunch("image", args.image, "vmSize", settings.vmSize);
    checkAdminUsername("adminUsername", settings.adminUsername);
    return settings;
}
