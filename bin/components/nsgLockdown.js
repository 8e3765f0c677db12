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
exports.NsgLockdown = exports.NSG_LOCKDOWN_ARGUMENTS = void 0;
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
const numbers_1 = require("../lib/validation/numbers");
const inputs_1 = require("../lib/inputs");
const arguments_1 = require("../lib/arguments");
const defaults_1 = require("../lib/defaults");
const nsg_1 = require("../policy/rulebook/nsg");
const regions_1 = require("../policy/rulebook/regions");
const vaultSettings_1 = require("../lib/vaultSettings");
/** Every argument of `NsgLockdown`, once. */
exports.NSG_LOCKDOWN_ARGUMENTS = (0, arguments_1.argumentNames)()([
    "resourceGroupName", "location", "networkSecurityGroupName", "existingNetworkSecurityGroupId", "existingSubnetId", "connectivity", "proxyIp", "proxyPort",
    "clientAddressPrefixes", "ipRangesFile", "allowWindowsActivation", "sshSourceCidr", "priorityBase", "outboundOnly", "backendIps", "proxyBackendAddresses",
    "tags", "keepTypeAliases",
]);
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
        const tags = (0, vaultSettings_1.checkedTags)(args.tags);
        const backendIps = renamedArgument(args, "proxyBackendAddresses", "backendIps", this);
        const layout = checkLayout(args);
        const rules = (0, inputs_1.whenAllKnown)([args.proxyIp, args.proxyPort, args.clientAddressPrefixes, args.sshSourceCidr, args.location, backendIps], ([proxyIp, proxyPort, clientAddressPrefixes, sshSourceCidr, location, backendIps]) => layout(rulesFor({ ...args, proxyIp, proxyPort, clientAddressPrefixes, sshSourceCidr, location, backendIps })));
        const existing = existingNsgId(args, { parent: this });
        if (existing) {
            if (pulumi.Output.isInstance(args.existingNetworkSecurityGroupId)) {
                pulumi.log.warn("existingNetworkSecurityGroupId is an Output: if it is an NSG of this stack that declares securityRules inline, each pulumi up removes these rules and the next adds them back; declare that NSG without inline rules (see README, rules it does not own)", this);
            }
            // Azure takes one change to an NSG at a time: each rule waits for the one before. The
            // rules' names must be known now (they name the resources): Outputs give the values.
            ruleNamesOf({ ...args, backendIps }, layout).reduce((previous, ruleName) => this.addRule(name, existing, ruleName, (0, inputs_1.whenKnown)(rules, (known) => known.find((rule) => rule.name === ruleName)), previous), undefined);
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
    addRule(name, nsgId, securityRuleName, rule, after) {
        const nsg = nsgId.apply((id) => (0, armIds_1.parseResourceId)("networkSecurityGroupId", id, azureTypes_1.ARM_TYPES.networkSecurityGroup));
        const fields = (spec) => {
            const { name: _, ...rest } = spec;
            return rest;
        };
        return new network.SecurityRule(`${name}-${securityRuleName}`, {
            resourceGroupName: nsg.resourceGroupName,
            networkSecurityGroupName: nsg.names[0],
            securityRuleName,
            ...(pulumi.Output.isInstance(rule) ? ruleFieldsOf(rule) : fields(rule)),
        }, { parent: this, dependsOn: after ? [after] : [] });
    }
}
exports.NsgLockdown = NsgLockdown;
/** An argument under its new name, or its old one with a deprecation warning; both is an error naming both. */
function renamedArgument(args, old, name, resource) {
    if (args[old] === undefined) {
        return args[name];
    }
    if (args[name] !== undefined) {
        throw new errors_1.InvalidSettingError(`${old} and ${name}`, `${old} is the deprecated name of ${name}: set ${name} only`);
    }
    pulumi.log.warn(`NsgLockdown: ${old} is deprecated; set ${name} instead`, resource);
    return args[old];
}
/** The rules of the chosen connectivity, from checked arguments. */
function rulesFor(args) {
    (0, addresses_1.checkClientAddressPrefixes)("clientAddressPrefixes", args.clientAddressPrefixes);
    const windows = args.allowWindowsActivation ? [(0, lockdownRules_1.windowsActivationRule)(args.clientAddressPrefixes)] : [];
    return [...connectivityRules(args), ...windows];
}
function connectivityRules(args) {
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
        backendIps: args.backendIps?.map((address, i) => ((0, addresses_1.ip)(`backendIps[${i}]`, address), address)),
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
/** Where the rules go in the NSG: `priorityBase` shifts the allow rules, `outboundOnly` keeps the outbound ones. */
function checkLayout(args) {
    const base = (0, numbers_1.wholeNumber)("priorityBase", args.priorityBase ?? nsg_1.NSG_LIMITS.lowestPriority, {
        min: nsg_1.NSG_LIMITS.lowestPriority,
        max: DENY_PRIORITY_FLOOR - 1 - ALLOW_RULES_SPAN,
        reason: `the allow rules take priorityBase to priorityBase+${ALLOW_RULES_SPAN}, above the denies at ${DENY_PRIORITY_FLOOR} and ${nsg_1.NSG_LIMITS.highestPriority}`,
    });
    return (rules) => rules
        .filter((rule) => !args.outboundOnly || rule.direction === "Outbound")
        .map((rule) => (rule.priority < DENY_PRIORITY_FLOOR ? { ...rule, priority: rule.priority - nsg_1.NSG_LIMITS.lowestPriority + base } : rule));
}
/** The allow rules' priorities run from 100 to 300 (lib/lockdownRules.ts); the denies from 4000. */
const ALLOW_RULES_SPAN = 200;
const DENY_PRIORITY_FLOOR = 4000;
/**
 * The names of the rules, known before their values: the rules' set depends on which arguments
 * are given, not on their values (but for the region, which names the storage rule, and so must
 * be plain with `serviceTags`).
 */
function ruleNamesOf(args, layout) {
    if (args.location !== undefined && !(0, inputs_1.isPlain)(args.location) && (args.connectivity ?? "proxy") === "serviceTags") {
        throw new errors_1.InvalidSettingError("location", 'must be a plain string with connectivity "serviceTags" and an existing NSG: it names the storage rule');
    }
    const placeholder = (value, example) => (value === undefined ? undefined : (0, inputs_1.isPlain)(value) ? value : example);
    const shape = {
        ...args,
        proxyIp: placeholder(args.proxyIp, "10.0.0.4"),
        proxyPort: placeholder(args.proxyPort, defaults_1.DEFAULTS.proxyPort),
        clientAddressPrefixes: (0, inputs_1.isPlain)(args.clientAddressPrefixes) && args.clientAddressPrefixes.every((prefix) => (0, inputs_1.isPlain)(prefix)) ? args.clientAddressPrefixes : ["10.0.0.0/16"],
        sshSourceCidr: placeholder(args.sshSourceCidr, "10.0.0.0/24"),
        location: args.location,
        backendIps: placeholder(args.backendIps, ["10.0.0.6", "10.0.0.7"]),
    };
    return layout(rulesFor(shape)).map((rule) => rule.name);
}
/** A rule's fields as resource inputs, from a rule that is an Output. */
function ruleFieldsOf(rule) {
    return {
        description: rule.description,
        priority: rule.priority,
        direction: rule.direction,
        access: rule.access,
        protocol: rule.protocol,
        sourceAddressPrefix: rule.sourceAddressPrefix,
        sourceAddressPrefixes: rule.sourceAddressPrefixes,
        sourcePortRange: rule.sourcePortRange,
        destinationAddressPrefix: rule.destinationAddressPrefix,
        destinationAddressPrefixes: rule.destinationAddressPrefixes,
        destinationPortRange: rule.destinationPortRange,
        destinationPortRanges: rule.destinationPortRanges,
    };
}
