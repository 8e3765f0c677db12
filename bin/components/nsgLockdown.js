"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.NsgLockdown = void 0;
const pulumi = __importStar(require("@pulumi/pulumi"));
const network = __importStar(require("@pulumi/azure-native/network"));
const aliases_1 = require("../lib/aliases");
const armIds_1 = require("../lib/armIds");
const azureTypes_1 = require("../policy/rulebook/azureTypes");
const errors_1 = require("../policy/rulebook/errors");
const lockdownRules_1 = require("../lib/lockdownRules");
const serviceTagPrefixes_1 = require("../lib/serviceTagPrefixes");
const addresses_1 = require("../lib/validation/addresses");
const connectivity_1 = require("../lib/validation/connectivity");
const regions_1 = require("../policy/rulebook/regions");
const vaultSettings_1 = require("../lib/vaultSettings");
/**
 * The NSG of the source document, `NSG-lockdown`: its `allow-proxy` rule as written, plus what
 * makes the proxy topology work: the wire server, clients to the proxy port, no other Internet
 * egress, and the proxy port closed to everyone but the clients. It creates the NSG (attach it
 * to the app and proxy subnets through `networkSecurityGroupId`), or adds the same rules to an
 * NSG that exists already, named directly or as the one on an existing subnet.
 */
class NsgLockdown extends pulumi.ComponentResource {
    networkSecurityGroupId;
    constructor(name, args, opts) {
        super("backup-ready:index:NsgLockdown", name, {}, (0, aliases_1.withoutTypeAliases)(opts, args.keepTypeAliases));
        (0, addresses_1.checkClientAddressPrefixes)("clientAddressPrefixes", args.clientAddressPrefixes);
        const tags = (0, vaultSettings_1.checkedTags)(args.tags);
        const rules = [
            ...rulesFor(args),
            ...(args.allowWindowsActivation ? [(0, lockdownRules_1.windowsActivationRule)(args.clientAddressPrefixes)] : []),
        ];
        const existing = existingNsgId(args, { parent: this });
        if (existing) {
            // Azure takes one change to an NSG at a time: each rule waits for the one before.
            rules.reduce((previous, rule) => this.addRule(name, existing, rule, previous), undefined);
            this.networkSecurityGroupId = existing;
        }
        else {
            if (args.resourceGroupName === undefined || args.location === undefined) {
                throw new errors_1.InvalidSettingError("resourceGroupName and location", "must be set to create the NSG; to add the rules to an NSG that exists, give existingNetworkSecurityGroupId or existingSubnetId");
            }
            const nsg = new network.NetworkSecurityGroup(`${name}-nsg`, {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                networkSecurityGroupName: args.networkSecurityGroupName ?? "NSG-lockdown",
                securityRules: rules,
                tags,
            }, { parent: this });
            this.networkSecurityGroupId = nsg.id;
        }
        this.registerOutputs({ networkSecurityGroupId: this.networkSecurityGroupId });
    }
    addRule(name, nsgId, rule, after) {
        const nsg = nsgId.apply((id) => (0, armIds_1.parseResourceId)("networkSecurityGroupId", id, azureTypes_1.ARM_TYPES.networkSecurityGroup));
        const { name: securityRuleName, ...fields } = rule;
        return new network.SecurityRule(`${name}-${securityRuleName}`, {
            resourceGroupName: nsg.resourceGroupName,
            networkSecurityGroupName: nsg.names[0],
            securityRuleName,
            ...fields,
        }, { parent: this, dependsOn: after ? [after] : [] });
    }
}
exports.NsgLockdown = NsgLockdown;
/** The rules of the chosen connectivity, from checked arguments. */
function rulesFor(args) {
    const connectivity = (0, connectivity_1.checkConnectivity)("connectivity", args.connectivity ?? "proxy");
    if (connectivity === "serviceTags") {
        if (args.location === undefined) {
            throw new errors_1.InvalidSettingError("location", 'must be set with connectivity "serviceTags": it names the Storage.<region> service tag');
        }
        const region = (0, regions_1.normalizeRegion)(args.location);
        const layout = args.ipRangesFile === undefined ? undefined : (0, serviceTagPrefixes_1.prefixRulesFromFile)(args.ipRangesFile, region, [lockdownRules_1.ALLOW_AZURE_PLATFORM_RULE, lockdownRules_1.DENY_INTERNET_OUTBOUND_RULE]);
        const destinations = (0, lockdownRules_1.backupServiceDestinations)(region).map((destination) => ({
            ...destination,
            addressPrefixes: layout?.rules.find((rule) => rule.service === destination.service)?.destinationAddressPrefixes,
        }));
        return (0, lockdownRules_1.allowListRules)({ clientAddressPrefixes: args.clientAddressPrefixes, destinations });
    }
    if (args.proxyIp === undefined) {
        throw new errors_1.InvalidSettingError("proxyIp", 'must be set with connectivity "proxy": it is the only address allowed out');
    }
    if (args.sshSourceCidr !== undefined) {
        (0, addresses_1.cidr)("sshSourceCidr", args.sshSourceCidr);
    }
    return (0, lockdownRules_1.lockdownRules)({
        ...(0, addresses_1.checkProxyEndpoint)(args.proxyIp, args.proxyPort),
        clientAddressPrefixes: args.clientAddressPrefixes,
        sshSourceCidr: args.sshSourceCidr,
    });
}
/** The NSG to add the rules to when one exists already: given directly, or attached to the given subnet. */
function existingNsgId(args, opts) {
    if (args.existingNetworkSecurityGroupId !== undefined && args.existingSubnetId !== undefined) {
        (0, errors_1.invalid)("existingNetworkSecurityGroupId and existingSubnetId", "one or the other, not both", "both");
    }
    if (typeof args.existingNetworkSecurityGroupId === "string") {
        (0, armIds_1.parseResourceId)("existingNetworkSecurityGroupId", args.existingNetworkSecurityGroupId, azureTypes_1.ARM_TYPES.networkSecurityGroup);
    }
    if (typeof args.existingSubnetId === "string") {
        (0, armIds_1.parseResourceId)("existingSubnetId", args.existingSubnetId, azureTypes_1.ARM_TYPES.subnet);
    }
    if (args.existingNetworkSecurityGroupId !== undefined) {
        return pulumi.output(args.existingNetworkSecurityGroupId).apply((id) => {
            (0, armIds_1.parseResourceId)("existingNetworkSecurityGroupId", id, azureTypes_1.ARM_TYPES.networkSecurityGroup);
            return id;
        });
    }
    if (args.existingSubnetId === undefined) {
        return undefined;
    }
    return pulumi.output(args.existingSubnetId).apply((subnetId) => {
        const subnet = (0, armIds_1.parseResourceId)("existingSubnetId", subnetId, azureTypes_1.ARM_TYPES.subnet);
        return network
            .getSubnetOutput({ resourceGroupName: subnet.resourceGroupName, virtualNetworkName: subnet.names[0], subnetName: subnet.names[1] }, opts)
            .apply((found) => {
            if (!found.networkSecurityGroup?.id) {
                throw new errors_1.InvalidSettingError("existingSubnetId", `the subnet ${subnetId} has no NSG: leave existingSubnetId unset to create NSG-lockdown, then attach it to the subnet`);
            }
            return found.networkSecurityGroup.id;
        });
    });
}
