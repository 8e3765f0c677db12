/**
 * Azure Load Balancer facts the proxy's high availability rests on.
 *
 * Health probes come from the platform address 168.63.129.16, which NSGs name by the
 * `AzureLoadBalancer` service tag; they must reach every backend through the NSGs and the
 * backend's own firewall, or the backend is marked down
 * (https://learn.microsoft.com/azure/load-balancer/load-balancer-custom-probe-overview#probe-source-ip-address,
 * https://learn.microsoft.com/azure/virtual-network/what-is-ip-address-168-63-129-16).
 * A load balancer rule (floating IP off, the default) hands a flow to a healthy backend with the
 * destination rewritten to the backend's own address and the client's source kept, so the
 * backend's NSGs see client -> backend address on the backend port
 * (https://learn.microsoft.com/azure/load-balancer/load-balancer-floating-ip,
 * https://learn.microsoft.com/azure/load-balancer/components#load-balancer-rules). That the
 * client's own outbound rules see the frontend address is an inference, not a sentence of
 * Microsoft's: the packet leaves the client addressed to the frontend, and NSGs filter each NIC's
 * and subnet's own traffic, outbound at the source, inbound at the destination
 * (https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works).
 * It decides nothing the project writes: `allow-clients-to-proxy` names the frontend, and Azure's
 * `AllowVnetOutBound` admits the backend too, so only a user's own outbound deny of one and not
 * the other would make readiness read it wrong. test/guest/topology.test.ts plays the path with a
 * real nftables DNAT in place of the balancer.
 */
import { AZURE_PLATFORM_ADDRESS } from "./platform";

/** The service tag NSG rules use for the load balancer's probes. */
export const LOAD_BALANCER_SERVICE_TAG = "AzureLoadBalancer";

/** Where every health probe comes from. */
export const LOAD_BALANCER_PROBE_SOURCE = AZURE_PLATFORM_ADDRESS;

/** Whether an NSG source prefix stands for the probes: the tag, or the address itself. */
export function isProbeSourcePrefix(prefix: string): boolean {
    return prefix.toLowerCase() === LOAD_BALANCER_SERVICE_TAG.toLowerCase() || prefix === LOAD_BALANCER_PROBE_SOURCE || prefix === `${LOAD_BALANCER_PROBE_SOURCE}/32`;
}
