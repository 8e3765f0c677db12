/** The service tag NSG rules use for the load balancer's probes. */
export declare const LOAD_BALANCER_SERVICE_TAG = "AzureLoadBalancer";
/** Where every health probe comes from. */
export declare const LOAD_BALANCER_PROBE_SOURCE = "168.63.129.16";
/** Whether an NSG source prefix stands for the probes: the tag, or the address itself. */
export declare function isProbeSourcePrefix(prefix: string): boolean;
