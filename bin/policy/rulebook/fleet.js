"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ENROLMENT_DEFINITIONS = exports.ROLES = void 0;
exports.enrolmentDefinition = enrolmentDefinition;
exports.definitionCoversImage = definitionCoversImage;
exports.coveredLinuxImages = coveredLinuxImages;
exports.enrolmentParameters = enrolmentParameters;
exports.enrolmentView = enrolmentView;
exports.enrolmentLabel = enrolmentLabel;
exports.enrolmentTagLabel = enrolmentTagLabel;
exports.enrolmentGap = enrolmentGap;
exports.enrolments = enrolments;
exports.enrolmentOf = enrolmentOf;
/**
 * Fleets enrolled by Azure Policy: Azure's built-in DeployIfNotExists definitions that configure
 * backup on VMs to an existing Recovery Services vault in the same location, and the rule of
 * which VMs an assignment of one of them covers. Read once here for the component, the offline
 * plan's readiness report and the policy pack.
 *
 * Source: Azure/azure-policy, built-in-policies/policyDefinitions/Backup/
 * - VirtualMachineWithTag_Backup_Deploy.json (commit 0219ec5dfd8cd2146f21e9fa4d741884e5d06708,
 *   version 9.1.0): "Configure backup on virtual machines with a given tag to an existing
 *   recovery services vault in the same location", id 345fa903-145c-4fe1-8bcd-93ec2adccde8;
 * - VirtualMachineBackup_Backup_DeployIfNotExists.json (commit 0ab9883215e0a65d4df270865fe828ea0149d407,
 *   version 8.0.0): "Configure backup on virtual machines without a given tag to an existing
 *   recovery services vault in the same location", id 09ce66bc-1220-4153-8104-e3f51c936913.
 *
 * Both enrol a VM when (policyRule.if, allOf) its type is a VM, its `location` equals the
 * `vaultLocation` parameter, its id does not contain `/resourceGroups/databricks-rg-`, its tag
 * matches (with: `tags[inclusionTagName]` in `inclusionTagValue`; without: not in
 * `exclusionTagValue`, or either parameter empty), and its marketplace image is one of a list.
 * The deployment then writes the protected item `vm;iaasvmcontainerv2;<group>;<vm>` with the
 * `backupPolicyId` parameter's policy, in that policy's vault (then.details.deployment).
 */
const armIds_1 = require("./armIds");
const azureTypes_1 = require("./azureTypes");
const fleetDefinition_1 = require("./fleetDefinition");
const regions_1 = require("./regions");
const resources_1 = require("./resources");
/** Built-in roles by id (learn.microsoft.com/azure/role-based-access-control/built-in-roles). */
exports.ROLES = {
    /** Virtual Machine Contributor. */
    virtualMachineContributor: "9980e02c-c2be-4d73-94e8-173b1dc7cf3c",
    /** Backup Contributor. */
    backupContributor: "5e467623-bb1f-42f4-a55d-6e525e11384b",
};
const WINDOWS_SERVER_SKUS = [
    "2008-R2-SP1", "2008-R2-SP1-smalldisk", "2012-Datacenter", "2012-Datacenter-smalldisk", "2012-R2-Datacenter", "2012-R2-Datacenter-smalldisk",
    "2016-Datacenter", "2016-datacenter-gensecond", "2016-Datacenter-Server-Core", "2016-Datacenter-Server-Core-smalldisk", "2016-Datacenter-smalldisk",
    "2016-Datacenter-with-Containers", "2016-Datacenter-with-RDSH", "2019-Datacenter", "2019-Datacenter-Core", "2019-Datacenter-Core-smalldisk",
    "2019-Datacenter-Core-with-Containers", "2019-Datacenter-Core-with-Containers-smalldisk", "2019-Datacenter-smalldisk", "2019-Datacenter-with-Containers",
    "2019-Datacenter-with-Containers-smalldisk", "2019-Datacenter-zhcn", "2019-datacenter-gensecond", "2022-datacenter-g2", "2022-datacenter",
    "2022-datacenter-azure-edition", "2022-datacenter-azure-edition-smalldisk", "2022-datacenter-azure-edition-core", "2022-datacenter-azure-edition-core-smalldisk",
    "2022-datacenter-smalldisk-g2", "2022-datacenter-smalldisk", "2022-datacenter-core-g2", "2022-datacenter-core", "2022-datacenter-core-smalldisk-g2",
    "2022-datacenter-core-smalldisk",
];
/** The image list both definitions share, with the RHEL and Ubuntu SKU patterns that differ between them. */
function imageList(options) {
    return [
        { publisher: "MicrosoftWindowsServer", offer: { equals: "WindowsServer" }, sku: { in: WINDOWS_SERVER_SKUS } },
        {
            publisher: "MicrosoftWindowsServer",
            offer: { equals: "WindowsServerSemiAnnual" },
            sku: { in: ["Datacenter-Core-1709-smalldisk", "Datacenter-Core-1709-with-Containers-smalldisk", "Datacenter-Core-1803-with-Containers-smalldisk"] },
        },
        { publisher: "MicrosoftWindowsServerHPCPack", offer: { equals: "WindowsServerHPCPack" } },
        { publisher: "MicrosoftSQLServer", offer: { like: ["*-WS2019", "*-WS2016", "*-WS2016-BYOL", "*-WS2012R2", "*-WS2012R2-BYOL"] } },
        { publisher: "MicrosoftRServer", offer: { equals: "MLServer-WS2016" } },
        { publisher: "MicrosoftVisualStudio", offer: { in: ["VisualStudio", "Windows"] } },
        { publisher: "MicrosoftDynamicsAX", offer: { equals: "Dynamics" }, sku: { equals: "Pre-Req-AX7-Onebox-U8" } },
        { publisher: "microsoft-ads", offer: { equals: "windows-data-science-vm" } },
        { publisher: "MicrosoftWindowsDesktop", offer: { equals: "Windows-10" } },
        ...(options.windows11 ? [{ publisher: "MicrosoftWindowsDesktop", offer: { equals: "Windows-11" } }] : []),
        { publisher: "RedHat", offer: { in: ["RHEL", "RHEL-SAP-HANA"] }, sku: { like: options.rhelSkus } },
        {
            publisher: "SUSE",
            offer: { in: ["SLES", "SLES-HPC", "SLES-HPC-Priority", "SLES-SAP", "SLES-SAP-BYOS", "SLES-Priority", "SLES-BYOS", "SLES-SAPCAL", "SLES-Standard"] },
            sku: { like: ["12*"] },
        },
        { publisher: "Canonical", offer: { contains: "ubuntu" }, sku: { like: options.ubuntuSkus } },
        { publisher: "Oracle", offer: { equals: "Oracle-Linux" }, sku: { like: ["6.*", "7.*"] } },
        { publisher: "OpenLogic", offer: { in: ["CentOS", "Centos-LVM", "CentOS-SRIOV"] }, sku: { like: ["6.*", "7*"] } },
        { publisher: "cloudera", offer: { equals: "cloudera-centos-os" }, sku: { like: ["7*"] } },
    ];
}
const UBUNTU_TO_20_04 = ["14.04*LTS", "16.04*LTS", "18.04*LTS", "*20_04-lts", "20_04-lts*"];
/** Both definitions' `roleDefinitionIds`, in their order. */
const ROLE_DEFINITION_IDS = [exports.ROLES.virtualMachineContributor, exports.ROLES.backupContributor].map((guid) => `/providers/Microsoft.Authorization/roleDefinitions/${guid}`);
exports.ENROLMENT_DEFINITIONS = {
    include: {
        mode: "include",
        id: "/providers/Microsoft.Authorization/policyDefinitions/345fa903-145c-4fe1-8bcd-93ec2adccde8",
        displayName: "Configure backup on virtual machines with a given tag to an existing recovery services vault in the same location",
        version: "9.1.0",
        tagNameParameter: "inclusionTagName",
        tagValueParameter: "inclusionTagValue",
        roleDefinitionIds: ROLE_DEFINITION_IDS,
        images: imageList({ rhelSkus: ["6.*", "7*", "8*"], ubuntuSkus: [...UBUNTU_TO_20_04, "22_04-lts*"], windows11: true }),
    },
    exclude: {
        mode: "exclude",
        id: "/providers/Microsoft.Authorization/policyDefinitions/09ce66bc-1220-4153-8104-e3f51c936913",
        displayName: "Configure backup on virtual machines without a given tag to an existing recovery services vault in the same location",
        version: "8.0.0",
        tagNameParameter: "exclusionTagName",
        tagValueParameter: "exclusionTagValue",
        roleDefinitionIds: ROLE_DEFINITION_IDS,
        images: imageList({ rhelSkus: ["6.*", "7*", "8.*"], ubuntuSkus: UBUNTU_TO_20_04, windows11: false }),
    },
};
/** The definition with that id (ignoring case, as ARM does), if it is one of the two built-ins or the project's custom ones (fleetDefinition.ts). */
function enrolmentDefinition(id) {
    return Object.values(exports.ENROLMENT_DEFINITIONS).find((definition) => (0, resources_1.sameName)(definition.id, id)) ?? (0, fleetDefinition_1.customDefinitionOf)(id);
}
// ---- Conditions, evaluated as Azure Policy does ----
/**
 * Azure Policy compares strings ignoring case in every condition but `match`; `like` takes `*`
 * as a wildcard (learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#conditions).
 */
function likePattern(pattern) {
    const escaped = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
    return new RegExp(`^${escaped.join(".*")}$`, "i");
}
function fieldMatches(value, condition) {
    if (condition === undefined) {
        return true;
    }
    if (value === undefined) {
        return false;
    }
    return ((condition.equals === undefined || (0, resources_1.sameName)(value, condition.equals)) &&
        (condition.in === undefined || condition.in.some((item) => (0, resources_1.sameName)(value, item))) &&
        (condition.like === undefined || condition.like.some((pattern) => likePattern(pattern).test(value))) &&
        (condition.contains === undefined || value.toLowerCase().includes(condition.contains.toLowerCase())));
}
/** Whether the definition enrols VMs of this marketplace image. */
function definitionCoversImage(definition, image) {
    return definition.images.some((condition) => (0, resources_1.sameName)(image.publisher, condition.publisher) && fieldMatches(image.offer, condition.offer) && fieldMatches(image.sku, condition.sku));
}
/** The Ubuntu and RHEL releases the definition enrols, for messages. */
function coveredLinuxImages(definition) {
    const skus = (publisher) => definition.images
        .filter((condition) => condition.publisher === publisher)
        .flatMap((condition) => condition.sku?.like ?? [])
        .join(", ");
    return `Canonical offers containing "ubuntu" with SKUs like ${skus("Canonical")}; RedHat RHEL SKUs like ${skus("RedHat")}`;
}
/** The assignment parameters of an enrolment, in the definition's own names (`{ name: { value } }`, as the REST API takes them). */
function enrolmentParameters(definition, values) {
    return {
        vaultLocation: { value: (0, regions_1.normalizeRegion)(values.vaultLocation) },
        backupPolicyId: { value: values.backupPolicyId },
        [definition.tagNameParameter]: { value: values.tagName },
        [definition.tagValueParameter]: { value: values.tagValues },
        effect: { value: "DeployIfNotExists" },
    };
}
/** The policy assignment as an enrolment, in input or output shape; undefined for any other assignment. */
function enrolmentView(resource) {
    const props = resource.props;
    const definition = enrolmentDefinition(props.policyDefinitionId);
    if (definition === undefined) {
        return undefined;
    }
    const parameter = (key) => props.parameters?.[key]?.value;
    const text = (key) => ((0, resources_1.isText)(parameter(key)) ? parameter(key) : undefined);
    const values = parameter(definition.tagValueParameter);
    const backupPolicyId = text("backupPolicyId");
    const policy = backupPolicyId ? (0, armIds_1.parseResourceId)(backupPolicyId, azureTypes_1.ARM_TYPES.backupPolicy) : undefined;
    return {
        resource,
        definition,
        name: [props.policyAssignmentName, props.name].find(resources_1.isText),
        scope: (0, resources_1.isText)(props.scope) ? props.scope : undefined,
        vaultLocation: text("vaultLocation"),
        tagName: text(definition.tagNameParameter),
        tagValues: Array.isArray(values) ? values.filter(resources_1.isText) : undefined,
        backupPolicyId,
        vault: policy && { resourceGroupName: policy.resourceGroupName, name: policy.names[0] },
    };
}
/** How an assignment is named in messages: its Azure name, or its Pulumi name when that is not known. */
function enrolmentLabel(enrolment) {
    return enrolment.name !== undefined ? `policy assignment "${enrolment.name}"` : `policy assignment "${enrolment.resource.name}" (Pulumi name)`;
}
/** How an enrolment's tag reads in messages: `tag backup=daily`, `no tag backup=skip`. */
function enrolmentTagLabel(enrolment) {
    const tag = `${enrolment.tagName ?? "(unknown)"}=${(enrolment.tagValues ?? ["(unknown)"]).join("|")}`;
    return enrolment.definition.mode === "include" ? `tag ${tag}` : `no tag ${tag}`;
}
/** The VM's value of a tag; Azure's tag names ignore case (learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations). */
function tagValue(vm, name) {
    const tags = vm.props.tags ?? {};
    const key = Object.keys(tags).find((candidate) => (0, resources_1.sameName)(candidate, name));
    return key === undefined ? undefined : tags[key];
}
/** Whether the VM lies in the assignment's scope, a subscription or a resource group, where both are known. */
function inScope(vm, scope) {
    const group = scope === undefined ? undefined : (0, armIds_1.parseScopeId)(scope)?.resourceGroupName;
    return group === undefined || vm.resourceGroupName === undefined || (0, resources_1.sameName)(group, vm.resourceGroupName);
}
/** Why the assignment does not enrol the VM, or undefined when it does (what is unknown is given the benefit of the doubt). */
function enrolmentGap(vm, enrolment) {
    const { definition } = enrolment;
    if (vm.location !== undefined && enrolment.vaultLocation !== undefined && !(0, regions_1.sameRegion)(vm.location, enrolment.vaultLocation)) {
        return `it covers ${enrolment.vaultLocation}, the VM is in ${vm.location}`;
    }
    if (!inScope(vm, enrolment.scope)) {
        return `its scope ${enrolment.scope} does not hold resource group ${vm.resourceGroupName}`;
    }
    if (vm.resourceGroupName !== undefined && /^databricks-rg-/i.test(vm.resourceGroupName)) {
        return "it leaves out Databricks resource groups (databricks-rg-*)";
    }
    if (enrolment.tagName !== undefined && enrolment.tagValues !== undefined) {
        const value = tagValue(vm, enrolment.tagName);
        const listed = value !== undefined && enrolment.tagValues.some((allowed) => (0, resources_1.sameName)(allowed, value));
        const emptyParameters = enrolment.tagName === "" || enrolment.tagValues.length === 0;
        if (definition.mode === "include" && !listed) {
            return `the VM does not carry the ${enrolmentTagLabel(enrolment)} (${value === undefined ? "no such tag" : `${enrolment.tagName}=${value}`})`;
        }
        if (definition.mode === "exclude" && listed && !emptyParameters) {
            return `the VM carries the exclusion tag ${enrolment.tagName}=${value}`;
        }
    }
    const image = vm.props.storageProfile?.imageReference;
    if (image !== undefined && (0, resources_1.isText)(image.publisher) && !definitionCoversImage(definition, image)) {
        return `its definition (${definition.version}) enrols none of the VM's image ${[image.publisher, image.offer, image.sku].join(":")}: it covers ${coveredLinuxImages(definition)}, and listed Windows images`;
    }
    return undefined;
}
/** The assignments of the stack that enrol VMs into vaults. */
function enrolments(resources) {
    return resources
        .filter((resource) => resource.type === azureTypes_1.AZURE_TYPES.policyAssignment)
        .map(enrolmentView)
        .filter((enrolment) => enrolment !== undefined);
}
/** What the report and the pack say about a VM and the stack's enrolments: the one that enrols it, or why none does. */
function enrolmentOf(vm, all) {
    const enrolment = all.find((candidate) => enrolmentGap(vm, candidate) === undefined);
    if (enrolment) {
        return { enrolment, gaps: [] };
    }
    const regions = [...new Set(all.map((candidate) => candidate.vaultLocation).filter(resources_1.isText))];
    const inRegion = all.filter((candidate) => vm.location === undefined || candidate.vaultLocation === undefined || (0, regions_1.sameRegion)(candidate.vaultLocation, vm.location));
    if (inRegion.length === 0 && vm.location !== undefined) {
        return { gaps: [`no policy assignment enrols VMs in ${vm.location}, a region with no vault of the fleet (${regions.join(", ")})`] };
    }
    return { gaps: inRegion.map((candidate) => `${enrolmentLabel(candidate)}: ${enrolmentGap(vm, candidate)}`) };
}
