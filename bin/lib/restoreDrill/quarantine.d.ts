/**
 * The quarantine subnet's NSG: a restored clone reaches nobody and nobody reaches it, but for the
 * platform's wire server, through which its VM agent, extensions and Run Command work. Azure's
 * default rules would let the VNet in and out and the Internet out (AllowVnetInBound,
 * AllowAzureLoadBalancerInBound, AllowVnetOutBound, AllowInternetOutBound, policy/rulebook/nsg.ts
 * DEFAULT_RULES): a deny of everything, each way, at the lowest priority a rule may take, decides
 * before any of them.
 */
import { SecurityRuleSpec } from "../lockdownRules";
/** The NSG's name, next to the subnet it guards. */
export declare const QUARANTINE_NSG_NAME = "NSG-restore-drill-quarantine";
/** The subnet's name in the VNet. */
export declare const QUARANTINE_SUBNET_NAME = "restore-drill-quarantine";
/** The quarantine's rules: the wire server out (the lockdown's own rule), then nothing either way. */
export declare function quarantineRules(): SecurityRuleSpec[];
