import { ImageReference } from "../../policy/rulebook/images";
/** The settings every app VM shares, checked, with their defaults. */
export interface AppVmSettings {
    proxy?: {
        proxyIp: string;
        proxyPort: number;
    };
    vmSize: string;
    adminUsername: string;
    dataDiskCount: number;
}
/** Checks what every app VM takes, Linux or Windows, and applies the defaults. */
export declare function checkAppVm(args: {
    proxyIp?: string;
    proxyPort?: number;
    vmSize?: string;
    image?: ImageReference;
    adminUsername?: string;
    dataDiskCount?: number;
}): AppVmSettings;
