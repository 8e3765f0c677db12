import { ImageReference } from "../../policy/rulebook/images";
import * as pulumi from "@pulumi/pulumi";
import { ProxyEndpoint } from "./addresses";
/** The settings every app VM shares, checked, with their defaults. */
export interface AppVmSettings {
    proxy?: ProxyEndpoint | pulumi.Output<ProxyEndpoint>;
    vmSize: string;
    adminUsername: string;
    dataDiskCount: number;
}
/** Checks what every app VM takes, Linux or Windows, and applies the defaults. */
export declare function checkAppVm(args: {
    proxyIp?: pulumi.Input<string>;
    proxyPort?: pulumi.Input<number>;
    vmSize?: string;
    image?: ImageReference;
    adminUsername?: string;
    dataDiskCount?: number;
}): AppVmSettings;
