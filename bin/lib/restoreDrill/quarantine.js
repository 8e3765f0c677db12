"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.QUARANTINE_SUBNET_NAME = exports.QUARANTINE_NSG_NAME = void 0;
exports.quarantineRules = quarantineRules;
/**
 * The quarantine subnet's NSG: a restored clone reaches nobody and nobody reaches it, but for the
 * platform's wire server, through which its VM agent, extensions and Run Command work. Azure's
 * default rules would let the VNet in and out and the Internet out (AllowVnetInBound,
 * AllowAzureLoadBalancerInBound, AllowVnetOutBound, AllowInternetOutBound, policy/rulebook/nsg.ts
 * DEFAULT_RULES): a deny of everything, each way, at the lowest priority a rule may take, decides
 * before any of them.
 */
const lockdownRules_1 = require("../lockdownRules");
const nsg_1 = require("../../policy/rulebook/nsg");
/** The NSG's name, next to the subnet it guards. */
exports.QUARANTINE_NSG_NAME = "NSG-restore-drill-quarantine";
/** The subnet's name in the VNet. */
exports.QUARANTINE_SUBNET_NAME = "restore-drill-quarantine";
function denyAll(direction) {
    return {
        name: `deny-all-${direction.toLowerCase()}`,
        description: `Restore drill quarantine: no ${direction.toLowerCase()} traffic, the virtual network's and the load balancer's included.`,
        priority: nsg_1.NSG_LIMITS.highestPriority,
        direction,
        access: "Deny",
        protocol: "*",
        sourceAddressPrefix: "*",
        sourcePortRange: "*",
        destinationAddressPrefix: "*",
        destinationPortRange: "*",
    };
}
/** The quarantine's rules: the wire server out (the lockdown's own rule), then nothing either way. */
function quarantineRules() {
    return [
        { ...lockdownRules_1.ALLOW_AZURE_PLATFORM_RULE, description: "Restore drill quarantine: the clone's VM agent, extensions and Run Command reach the host through the wire server." },
        denyAll("Inbound"),
        denyAll("Outbound"),
    ];
}
