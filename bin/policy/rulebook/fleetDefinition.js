"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CUSTOM_DEFINITION_NAMES = exports.ADDED_IMAGES = exports.CUSTOM_DEFINITION_VERSION = exports.DERIVED_FROM_VERSION = exports.FLEET_DEFINITIONS = void 0;
exports.enrolmentDefinitionFor = enrolmentDefinitionFor;
exports.customEnrolmentDefinition = customEnrolmentDefinition;
exports.customDefinitionOf = customDefinitionOf;
exports.customDefinitionProperties = customDefinitionProperties;
/**
 * The project's custom enrolment definitions: Azure's built-in "Configure backup on virtual
 * machines with[out] a given tag to an existing recovery services vault in the same location"
 * (345fa903-145c-4fe1-8bcd-93ec2adccde8 and 09ce66bc-1220-4153-8104-e3f51c936913, version 9.5.0,
 * Azure/azure-policy built-in-policies/policyDefinitions/Backup/VirtualMachineWithTag_DINE.json and
 * VirtualMachineBackup_DINE.json) with the same parameters, roles and deployment, and an image
 * list the project keeps: the built-in's, plus the images Azure Backup's support matrix supports
 * that the built-in leaves out. "For Linux VM backups using the Linux Azure VM agent, Azure Backup
 * supports the list of Linux distributions endorsed by Azure" (learn.microsoft.com/azure/backup/backup-support-matrix-iaas),
 * and the endorsed list (learn.microsoft.com/azure/virtual-machines/linux/endorsed-distros) names
 * Ubuntu 22.04 and 24.04, RHEL, SLES 12 SP5 and 15 SP5-SP7, Debian 11 and 12, AlmaLinux and
 * Oracle Linux. Windows Server 2025 is in the matrix ("Windows Server 2025 (Datacenter,
 * Datacenter Core, and Standard)"). Marketplace offer and SKU names below follow the Marketplace's
 * naming (`az vm image list-skus`); CIQ's Rocky Linux is left out until its names are verified.
 */
const fleet_1 = require("./fleet");
/** "custom" (the default): the project's definition below; "builtIn": Azure's, whose image list is shorter. */
exports.FLEET_DEFINITIONS = ["custom", "builtIn"];
/** The definition an assignment of the mode uses. */
function enrolmentDefinitionFor(kind, mode) {
    return kind === "custom" ? customEnrolmentDefinition(mode) : fleet_1.ENROLMENT_DEFINITIONS[mode];
}
/** The built-in version the custom rule derives from. */
exports.DERIVED_FROM_VERSION = "9.5.0";
/** The custom definitions' own version: bumped whenever the image list changes. */
exports.CUSTOM_DEFINITION_VERSION = "1.0.0";
const WINDOWS_SERVER_2025_SKUS = [
    "2025-datacenter", "2025-datacenter-g2", "2025-datacenter-core", "2025-datacenter-core-g2", "2025-datacenter-smalldisk", "2025-datacenter-smalldisk-g2",
    "2025-datacenter-core-smalldisk", "2025-datacenter-core-smalldisk-g2", "2025-datacenter-azure-edition", "2025-datacenter-azure-edition-smalldisk",
    "2025-datacenter-azure-edition-core", "2025-datacenter-azure-edition-core-smalldisk",
];
/** What the custom list adds to the built-in's (version 9.1.0 as the rulebook reads it): 9.5.0's additions, and the endorsed distributions it lacks. */
exports.ADDED_IMAGES = [
    // New in 9.5.0: Windows Server 2025, Ubuntu 24.04 (`ubuntu-24_04-lts` / `server`) and its variants.
    { publisher: "MicrosoftWindowsServer", offer: { equals: "WindowsServer" }, sku: { in: WINDOWS_SERVER_2025_SKUS } },
    { publisher: "Canonical", offer: { contains: "ubuntu" }, sku: { like: ["ubuntu-pro*", "server*", "minimal*"] } },
    { publisher: "Canonical", offer: { contains: "ubuntu" }, sku: { in: ["cvm", "specialized-hardware"] } },
    // Endorsed, not in 9.5.0.
    { publisher: "RedHat", offer: { in: ["RHEL", "RHEL-SAP-HA", "RHEL-SAP-APPS", "rhel-raw"] }, sku: { like: ["8*", "9*"] } },
    { publisher: "SUSE", offer: { like: ["sles-15-sp*", "sles-12-sp5*"] } },
    { publisher: "SUSE", offer: { in: ["SLES", "SLES-SAP", "SLES-BYOS", "SLES-SAP-BYOS", "SLES-HPC"] }, sku: { like: ["15*"] } },
    { publisher: "Debian", offer: { in: ["debian-11", "debian-12"] } },
    { publisher: "almalinux", offer: { like: ["almalinux*"] }, sku: { like: ["8*", "9*"] } },
    { publisher: "Oracle", offer: { equals: "Oracle-Linux" }, sku: { like: ["ol8*", "ol9*", "8*", "9*"] } },
];
/** The custom definition's name for each mode (its `policyDefinitionName`, the last segment of its id). */
exports.CUSTOM_DEFINITION_NAMES = {
    include: "backup-ready-vm-backup-with-tag",
    exclude: "backup-ready-vm-backup-without-tag",
};
/**
 * The custom definition of a mode, as the rulebook's coverage rule reads it; its id is where the
 * deployment puts it, under any subscription. A function, read when called: fleet.ts reads this
 * module and this module fleet.ts's built-ins.
 */
function customEnrolmentDefinition(mode) {
    const builtIn = fleet_1.ENROLMENT_DEFINITIONS[mode];
    return {
        ...builtIn,
        id: `/providers/Microsoft.Authorization/policyDefinitions/${exports.CUSTOM_DEFINITION_NAMES[mode]}`,
        displayName: `${builtIn.displayName} (backup-ready: every image Azure Backup supports)`,
        version: exports.CUSTOM_DEFINITION_VERSION,
        images: [...builtIn.images, ...exports.ADDED_IMAGES],
    };
}
/** Whether an id names a custom definition of this project, at any subscription or management group. */
function customDefinitionOf(id) {
    const name = id === undefined ? undefined : /\/providers\/Microsoft\.Authorization\/policyDefinitions\/([^/]+)$/i.exec(id)?.[1];
    const mode = Object.keys(exports.CUSTOM_DEFINITION_NAMES).find((key) => name !== undefined && exports.CUSTOM_DEFINITION_NAMES[key].toLowerCase() === name.toLowerCase());
    return mode === undefined ? undefined : customEnrolmentDefinition(mode);
}
// ---- The policy rule, written as the built-in writes it ----
const IMAGE_FIELDS = { publisher: "Microsoft.Compute/imagePublisher", offer: "Microsoft.Compute/imageOffer", sku: "Microsoft.Compute/imageSKU" };
/** One field's condition as Azure Policy JSON: several `like` patterns become an `anyOf`. */
function fieldRule(field, condition) {
    const rules = [];
    if (condition.equals !== undefined)
        rules.push({ field, equals: condition.equals });
    if (condition.in !== undefined)
        rules.push({ field, in: condition.in });
    if (condition.contains !== undefined)
        rules.push({ field, contains: condition.contains });
    if (condition.like !== undefined)
        rules.push(condition.like.length === 1 ? { field, like: condition.like[0] } : { anyOf: condition.like.map((like) => ({ field, like })) });
    return rules;
}
function imageRule(image) {
    return {
        allOf: [
            { field: IMAGE_FIELDS.publisher, equals: image.publisher },
            ...(image.offer ? fieldRule(IMAGE_FIELDS.offer, image.offer) : []),
            ...(image.sku ? fieldRule(IMAGE_FIELDS.sku, image.sku) : []),
        ],
    };
}
/**
 * The tag condition, verbatim from the built-ins' 9.5.0 rules (VirtualMachineWithTag_DINE.json;
 * VirtualMachineBackup_DINE.json: every VM but those whose tag is listed, or every VM when no
 * exclusion tag is given).
 */
function tagRule(mode) {
    return mode === "include"
        ? { field: "[concat('tags[', parameters('inclusionTagName'), ']')]", in: "[parameters('inclusionTagValue')]" }
        : {
            anyOf: [
                { not: { field: "[concat('tags[', parameters('exclusionTagName'), ']')]", in: "[parameters('exclusionTagValue')]" } },
                { value: "[empty(parameters('exclusionTagValue'))]", equals: "true" },
                { value: "[empty(parameters('exclusionTagName'))]", equals: "true" },
            ],
        };
}
const stringParameter = (displayName, extra = {}) => ({ type: "String", metadata: { displayName, description: displayName }, ...extra });
/** The definition's parameters, by the built-in's names and types. */
function parameters(mode) {
    const tag = mode === "include" ? "inclusion" : "exclusion";
    return {
        vaultLocation: stringParameter("Location of the VMs and the vault", { metadata: { displayName: "Location", description: "The VMs' and the vault's location", strongType: "location" } }),
        [`${tag}TagName`]: stringParameter(`${tag} tag name`, { defaultValue: "" }),
        [`${tag}TagValue`]: { type: "Array", metadata: { displayName: `${tag} tag values`, description: `${tag} tag values` } },
        backupPolicyId: stringParameter("Backup policy", { metadata: { displayName: "Backup policy", description: "An Azure VM backup policy of a vault in the location", strongType: "Microsoft.RecoveryServices/vaults/backupPolicies" } }),
        effect: stringParameter("Effect", { allowedValues: ["auditIfNotExists", "AuditIfNotExists", "deployIfNotExists", "DeployIfNotExists", "disabled", "Disabled"], defaultValue: "DeployIfNotExists" }),
    };
}
const PARAM = (name) => ({ type: "String", name });
const TEMPLATE_PARAMETERS = Object.fromEntries(["backupPolicyId", "fabricName", "protectionContainers", "protectedItems", "sourceResourceId"].map((name) => [name, { type: PARAM(name).type }]));
const PASS_THROUGH = Object.fromEntries(Object.keys(TEMPLATE_PARAMETERS).map((name) => [name, { value: `[parameters('${name}')]` }]));
/** `then`, the built-in's: a nested deployment into the policy's vault that writes the protected item. */
function thenRule(definition) {
    return {
        effect: "[parameters('effect')]",
        details: {
            roleDefinitionIds: definition.roleDefinitionIds,
            type: "Microsoft.RecoveryServices/backupprotecteditems",
            deployment: {
                properties: {
                    mode: "incremental",
                    template: {
                        $schema: "http://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#",
                        contentVersion: "1.0.0.0",
                        parameters: TEMPLATE_PARAMETERS,
                        resources: [
                            {
                                apiVersion: "2017-05-10",
                                name: "[concat('DeployProtection-',uniqueString(parameters('protectedItems')))]",
                                type: "Microsoft.Resources/deployments",
                                resourceGroup: "[first(skip(split(parameters('backupPolicyId'), '/'), 4))]",
                                subscriptionId: "[first(skip(split(parameters('backupPolicyId'), '/'), 2))]",
                                properties: {
                                    mode: "Incremental",
                                    template: {
                                        $schema: "https://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#",
                                        contentVersion: "1.0.0.0",
                                        parameters: TEMPLATE_PARAMETERS,
                                        resources: [
                                            {
                                                type: "Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems",
                                                name: "[concat(first(skip(split(parameters('backupPolicyId'), '/'), 8)), '/', parameters('fabricName'), '/',parameters('protectionContainers'), '/', parameters('protectedItems'))]",
                                                apiVersion: "2016-06-01",
                                                properties: {
                                                    protectedItemType: "Microsoft.Compute/virtualMachines",
                                                    policyId: "[parameters('backupPolicyId')]",
                                                    sourceResourceId: "[parameters('sourceResourceId')]",
                                                },
                                            },
                                        ],
                                    },
                                    parameters: PASS_THROUGH,
                                },
                            },
                        ],
                    },
                    parameters: {
                        backupPolicyId: { value: "[parameters('backupPolicyId')]" },
                        fabricName: { value: "Azure" },
                        protectionContainers: { value: "[concat('iaasvmcontainer;iaasvmcontainerv2;', resourceGroup().name, ';' ,field('name'))]" },
                        protectedItems: { value: "[concat('vm;iaasvmcontainerv2;', resourceGroup().name, ';' ,field('name'))]" },
                        sourceResourceId: {
                            value: "[concat('/subscriptions/', subscription().subscriptionId, '/resourceGroups/', resourceGroup().name, '/providers/Microsoft.Compute/virtualMachines/',field('name'))]",
                        },
                    },
                },
            },
        },
    };
}
/** The custom definition's properties, as `authorization.PolicyDefinition` (Microsoft.Authorization 2025-01-01) takes them. */
function customDefinitionProperties(mode) {
    const definition = customEnrolmentDefinition(mode);
    const builtIn = fleet_1.ENROLMENT_DEFINITIONS[mode];
    return {
        policyDefinitionName: exports.CUSTOM_DEFINITION_NAMES[mode],
        policyType: "Custom",
        mode: "Indexed",
        displayName: definition.displayName,
        description: `${builtIn.displayName}, with the images Azure Backup supports. Derived from the built-in ${builtIn.id.split("/").pop()} version ${exports.DERIVED_FROM_VERSION}.`,
        version: definition.version,
        metadata: { category: "Backup", version: definition.version, derivedFrom: { id: builtIn.id, version: exports.DERIVED_FROM_VERSION } },
        parameters: parameters(mode),
        policyRule: {
            if: {
                allOf: [
                    { field: "type", equals: "Microsoft.Compute/virtualMachines" },
                    { field: "id", notContains: "/resourceGroups/databricks-rg-" },
                    { field: IMAGE_FIELDS.publisher, notEquals: "azureopenshift" },
                    { field: IMAGE_FIELDS.publisher, notEquals: "AzureDatabricks" },
                    { field: "location", equals: "[parameters('vaultLocation')]" },
                    tagRule(mode),
                    { anyOf: definition.images.map(imageRule) },
                ],
            },
            then: thenRule(definition),
        },
    };
}
