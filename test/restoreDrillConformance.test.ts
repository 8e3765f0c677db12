/**
 * The RestoreDrill's planned inputs against the REST examples of the API versions azure-native
 * 3.28 sends (node_modules/@pulumi/azure-native/<module>/<resource>.js, "Uses Azure REST API
 * version"): app Job 2025-02-02-preview, network NetworkSecurityGroup 2024-05-01, storage
 * StorageAccount 2024-01-01, monitor DataCollectionRule/DataCollectionEndpoint 2022-06-01,
 * monitor ScheduledQueryRule 2025-01-01-preview, operationalinsights Table 2023-09-01,
 * authorization RoleDefinition 2022-05-01-preview and RoleAssignment 2022-04-01.
 *
 * Each fixture under test/fixtures/drill/conformance/ is an excerpt of an example's request body,
 * its `source` naming the file in Azure/azure-rest-api-specs. The test turns the component's SDK
 * inputs into the request body the provider writes (URL parameters dropped; everything but
 * location/tags/sku/kind/identity under `properties`, as the spec's `x-ms-client-flatten` makes the
 * SDK take it; the renames each spec declares with `x-ms-client-name`) and asserts every property
 * path the component sets is one the example's body uses. Paths the example does not show are
 * listed per resource in DEFINITION_ONLY with the definition that declares them.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { RestoreDrill, RestoreDrillArgs } from "../components/restoreDrill";

const FIXTURES = path.join(__dirname, "fixtures", "drill", "conformance");
const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";
const SHARED = `${SUB}/resourceGroups/backup-ready-rg`;

interface Example {
    source: string;
    apiVersion: string;
    request: unknown;
}

function example(file: string): Example {
    return JSON.parse(fs.readFileSync(path.join(FIXTURES, `${file}.json`), "utf8")) as Example;
}

/** A map key that is an ARM id (userAssignedIdentities) or a stream name stands for any key. */
function key(name: string): string {
    if (name.startsWith("/subscriptions/")) return "{id}";
    if (/^(Custom|Microsoft)-/.test(name)) return "{stream}";
    return name;
}

/** Every property path of a JSON body, arrays as `[]`, map keys as key() names them. */
export function propertyPaths(value: unknown, prefix = ""): Set<string> {
    const paths = new Set<string>();
    const walk = (node: unknown, at: string) => {
        if (Array.isArray(node)) {
            node.forEach((item) => walk(item, `${at}[]`));
        } else if (node !== null && typeof node === "object") {
            const entries = Object.entries(node as Record<string, unknown>);
            for (const [name, child] of entries) {
                // Tag names are the user's, not the API's.
                const here = at === "tags" ? "tags.{tag}" : at ? `${at}.${key(name)}` : key(name);
                paths.add(here);
                walk(child, here);
            }
        }
    };
    walk(value, prefix);
    return paths;
}

interface Shape {
    /** SDK inputs that are URL parameters, not body. */
    url: string[];
    /** SDK input path → REST body path (after the `properties` nesting), from the spec's x-ms-client-name. */
    renames?: Record<string, string>;
}

const TOP_LEVEL = new Set(["location", "tags", "sku", "kind", "identity"]);

/** The request body azure-native writes for the SDK inputs (the parts this test relies on). */
function requestBody(inputs: Record<string, any>, shape: Shape): Record<string, unknown> {
    const body: Record<string, any> = { properties: {} };
    for (const [name, value] of Object.entries(inputs)) {
        if (shape.url.includes(name) || value === undefined) continue;
        if (TOP_LEVEL.has(name)) body[name] = value;
        else body.properties[name] = value;
    }
    // The SDK takes user-assigned identities as a list of ids; the body maps each id to {}.
    if (Array.isArray(body.identity?.userAssignedIdentities)) {
        body.identity = { ...body.identity, userAssignedIdentities: Object.fromEntries(body.identity.userAssignedIdentities.map((id: string) => [id, {}])) };
    }
    return body;
}

function restPaths(inputs: Record<string, any>, shape: Shape): string[] {
    const renames = Object.entries(shape.renames ?? {});
    return [...propertyPaths(requestBody(inputs, shape))].map((p) => {
        for (const [from, to] of renames) {
            if (p === from || p.startsWith(`${from}.`) || p.startsWith(`${from}[`)) return to + p.slice(from.length);
        }
        return p;
    });
}

/**
 * Paths the example's request does not show, each declared by the definition named beside it
 * (read from the same spec version's swagger; the component's doc comments cite the same files).
 */
const DEFINITION_ONLY: Record<string, Record<string, string>> = {
    job: {
        // Microsoft.App 2025-02-02-preview Jobs.json JobProperties.workloadProfileName,
        // JobConfiguration.scheduleTriggerConfig {cronExpression, parallelism, replicaCompletionCount}, JobConfiguration.secrets (CommonDefinitions.json Secret {name, value}).
        "properties.workloadProfileName": "Jobs.json JobProperties",
        "properties.configuration.scheduleTriggerConfig": "Jobs.json JobConfiguration",
        "properties.configuration.scheduleTriggerConfig.cronExpression": "Jobs.json JobConfiguration.scheduleTriggerConfig",
        "properties.configuration.scheduleTriggerConfig.parallelism": "Jobs.json JobConfiguration.scheduleTriggerConfig",
        "properties.configuration.scheduleTriggerConfig.replicaCompletionCount": "Jobs.json JobConfiguration.scheduleTriggerConfig",
        "properties.configuration.secrets": "Jobs.json JobConfiguration",
        "properties.configuration.secrets[].name": "CommonDefinitions.json Secret",
        "properties.configuration.secrets[].value": "CommonDefinitions.json Secret",
        // CommonDefinitions.json BaseContainer {command, env[] EnvironmentVar {name, value}, resources ContainerResources}, Volume.secrets[] SecretVolumeItem {secretRef, path}.
        "properties.template.containers[].command": "CommonDefinitions.json BaseContainer (the example shows it on initContainers[])",
        "properties.template.containers[].resources": "CommonDefinitions.json BaseContainer (the example shows it on initContainers[])",
        "properties.template.containers[].resources.cpu": "CommonDefinitions.json ContainerResources",
        "properties.template.containers[].resources.memory": "CommonDefinitions.json ContainerResources",
        "properties.template.containers[].env": "CommonDefinitions.json BaseContainer",
        "properties.template.containers[].env[].name": "CommonDefinitions.json EnvironmentVar",
        "properties.template.containers[].env[].value": "CommonDefinitions.json EnvironmentVar",
        "properties.template.volumes[].secrets": "CommonDefinitions.json Volume",
        "properties.template.volumes[].secrets[].secretRef": "CommonDefinitions.json SecretVolumeItem",
        "properties.template.volumes[].secrets[].path": "CommonDefinitions.json SecretVolumeItem",
        "tags": "Jobs.json Job (TrackedResource)",
    },
    storageAccount: {
        // storage 2024-01-01 storage.json StorageAccountPropertiesCreateParameters.
        "properties.allowCrossTenantReplication": "storage.json StorageAccountPropertiesCreateParameters",
        "properties.publicNetworkAccess": "storage.json StorageAccountPropertiesCreateParameters",
        "properties.networkAcls": "storage.json StorageAccountPropertiesCreateParameters (x-ms-client-name NetworkRuleSet)",
        "properties.networkAcls.defaultAction": "storage.json NetworkRuleSet",
        "properties.networkAcls.bypass": "storage.json NetworkRuleSet",
        "properties.networkAcls.ipRules": "storage.json NetworkRuleSet",
        "properties.networkAcls.virtualNetworkRules": "storage.json NetworkRuleSet",
    },
    dataCollectionRule: {
        // Microsoft.Insights 2022-06-01 dataCollectionRules_API.json DataCollectionRule, StreamDeclaration, ColumnDefinition, DataFlow.
        "properties.description": "dataCollectionRules_API.json DataCollectionRule",
        "properties.dataCollectionEndpointId": "dataCollectionRules_API.json DataCollectionRule",
        "properties.streamDeclarations": "dataCollectionRules_API.json DataCollectionRule",
        "properties.streamDeclarations.{stream}": "dataCollectionRules_API.json DataCollectionRule.streamDeclarations (additionalProperties StreamDeclaration)",
        "properties.streamDeclarations.{stream}.columns": "dataCollectionRules_API.json StreamDeclaration",
        "properties.streamDeclarations.{stream}.columns[].name": "dataCollectionRules_API.json ColumnDefinition",
        "properties.streamDeclarations.{stream}.columns[].type": "dataCollectionRules_API.json ColumnDefinition",
        "properties.dataFlows[].transformKql": "dataCollectionRules_API.json DataFlow",
        "properties.dataFlows[].outputStream": "dataCollectionRules_API.json DataFlow",
    },
    dataCollectionEndpoint: {
        "tags": "dataCollectionEndpoints_API.json DataCollectionEndpointResource (the example's response shows tags)",
    },
    scheduledQueryRule: {
        // Microsoft.Insights 2025-01-01-preview scheduledQueryRule_API.json ScheduledQueryRuleResource.kind, ScheduledQueryRuleProperties.autoMitigate.
        "kind": "scheduledQueryRule_API.json ScheduledQueryRuleResource",
        "properties.autoMitigate": "scheduledQueryRule_API.json ScheduledQueryRuleProperties",
    },
    networkSecurityGroup: {
        "tags": "network.json Resource (the NSG's TrackedResource base)",
    },
    table: {
        "properties.schema.columns[].description": "Tables.json Column",
    },
    roleAssignment: {
        "properties.description": "authorization-RoleAssignmentsCalls.json RoleAssignmentProperties",
    },
};

interface Planned {
    type: string;
    name: string;
    inputs: Record<string, any>;
}

async function planDrill(args: RestoreDrillArgs): Promise<Planned[]> {
    const planned: Planned[] = [];
    await pulumi.runtime.setMocks(
        {
            newResource: (req) => {
                planned.push({ type: req.type, name: req.name, inputs: req.inputs });
                const extra: Record<string, unknown> =
                    req.type === "azure-native:managedidentity:UserAssignedIdentity"
                        ? { principalId: "11111111-1111-1111-1111-111111111111", clientId: "22222222-2222-2222-2222-222222222222" }
                        : req.type === "azure-native:monitor:DataCollectionEndpoint"
                          ? { logsIngestion: { endpoint: "https://drill-abcd.westeurope-1.ingest.monitor.azure.com" } }
                          : req.type === "azure-native:monitor:DataCollectionRule"
                            ? { immutableId: "dcr-00000000000000000000000000000001" }
                            : {};
                const id =
                    req.type === "azure-native:resources:ResourceGroup"
                        ? `${SUB}/resourceGroups/${req.inputs.resourceGroupName}`
                        : `${SHARED}/providers/Test.Provider/${req.type.split(":").pop()}/${req.name}`;
                return { id, state: { ...req.inputs, ...extra } };
            },
            call: () => ({}),
        },
        "test",
        "test",
        false,
    );
    await pulumi.runtime.runInPulumiStack(async () => {
        new RestoreDrill("drill", args);
        return {};
    });
    await pulumi.runtime.disconnect();
    for (let turn = 0; turn < 10; turn++) {
        await new Promise((resolve) => setImmediate(resolve));
    }
    return planned;
}

/** Each resource type the drill creates, its example, and how its SDK inputs become the body. */
const CASES: Array<{ type: string; fixture: string; shape: Shape; minimum: number }> = [
    // JobEnvelope; identity.userAssignedIdentities a map keyed by id in the body.
    { type: "azure-native:app:Job", fixture: "job", shape: { url: ["resourceGroupName", "jobName"] }, minimum: 20 },
    // securityRules[] is SecurityRule {name, properties: SecurityRulePropertiesFormat}: the SDK flattens the rule's properties.
    { type: "azure-native:network:NetworkSecurityGroup", fixture: "networkSecurityGroup", shape: { url: ["resourceGroupName", "networkSecurityGroupName"] }, minimum: 8 },
    // storage.json: supportsHttpsTrafficOnly has x-ms-client-name EnableHttpsTrafficOnly; networkAcls has x-ms-client-name NetworkRuleSet.
    {
        type: "azure-native:storage:StorageAccount",
        fixture: "storageAccount",
        shape: { url: ["resourceGroupName", "accountName"], renames: { "properties.enableHttpsTrafficOnly": "properties.supportsHttpsTrafficOnly", "properties.networkRuleSet": "properties.networkAcls" } },
        minimum: 10,
    },
    { type: "azure-native:monitor:DataCollectionRule", fixture: "dataCollectionRule", shape: { url: ["resourceGroupName", "dataCollectionRuleName"] }, minimum: 10 },
    { type: "azure-native:monitor:DataCollectionEndpoint", fixture: "dataCollectionEndpoint", shape: { url: ["resourceGroupName", "dataCollectionEndpointName"] }, minimum: 2 },
    { type: "azure-native:monitor:ScheduledQueryRule", fixture: "scheduledQueryRule", shape: { url: ["resourceGroupName", "ruleName"] }, minimum: 15 },
    { type: "azure-native:operationalinsights:Table", fixture: "table", shape: { url: ["resourceGroupName", "workspaceName", "tableName"] }, minimum: 5 },
    { type: "azure-native:authorization:RoleDefinition", fixture: "roleDefinition", shape: { url: ["scope", "roleDefinitionId"] }, minimum: 4 },
    { type: "azure-native:authorization:RoleAssignment", fixture: "roleAssignment", shape: { url: ["scope", "roleAssignmentName"] }, minimum: 3 },
];

/** NSG rules: SDK {name, ...rest} → body {name, properties: {...rest}}. */
function nestRuleProperties(inputs: Record<string, any>): Record<string, any> {
    if (!Array.isArray(inputs.securityRules)) return inputs;
    return { ...inputs, securityRules: inputs.securityRules.map(({ name, ...properties }: Record<string, unknown>) => ({ name, properties })) };
}

describe("RestoreDrill conformance with the REST examples of the API versions azure-native 3.28 sends (Azure/azure-rest-api-specs)", function () {
    this.timeout(60_000);
    let resources: Planned[];
    let runnerFolder: string;

    before(async () => {
        runnerFolder = fs.mkdtempSync(path.join(os.tmpdir(), "drill-conformance-"));
        fs.writeFileSync(path.join(runnerFolder, "runner.js"), "module.exports = {};\n");
        resources = await planDrill({
            vaultId: `${SHARED}/providers/Microsoft.RecoveryServices/vaults/backup-vault`,
            location: "westeurope",
            virtualNetworkId: `${SHARED}/providers/Microsoft.Network/virtualNetworks/backup-ready-vnet`,
            quarantineSubnetPrefix: "10.0.250.0/24",
            actionGroupId: `${SHARED}/providers/Microsoft.Insights/actionGroups/backup-alerts`,
            logAnalyticsWorkspaceId: `${SHARED}/providers/Microsoft.OperationalInsights/workspaces/backup-logs`,
            sourceVmIds: [`${SHARED}/providers/Microsoft.Compute/virtualMachines/app-1`],
            vmNames: ["app-1"],
            runnerFolder,
            tags: { env: "test" },
        } as RestoreDrillArgs);
    });
    after(() => fs.rmSync(runnerFolder, { recursive: true, force: true }));

    it("collects an example's paths with arrays as [] and ids as map keys", () => {
        expect([...propertyPaths({ a: [{ b: 1 }], identity: { userAssignedIdentities: { "/subscriptions/x": {} } } })]).to.deep.equal([
            "a",
            "a[].b",
            "identity",
            "identity.userAssignedIdentities",
            "identity.userAssignedIdentities.{id}",
        ]);
    });

    for (const { type, fixture, shape, minimum } of CASES) {
        const source = example(fixture);
        it(`${type}: every property it sets is named and nested as in ${source.source.split(" ")[1].split("/").pop()} (${source.apiVersion})`, () => {
            const planned = resources.filter((r) => r.type === type);
            expect(planned, type).to.not.be.empty;
            const known = propertyPaths(source.request);
            const declared = DEFINITION_ONLY[fixture] ?? {};
            for (const resource of planned) {
                const inputs = type === "azure-native:network:NetworkSecurityGroup" ? nestRuleProperties(resource.inputs) : resource.inputs;
                const paths = restPaths(inputs, shape).filter((p) => p !== "properties");
                expect(paths.length, `${resource.name} sets the properties this test reads`).to.be.at.least(minimum);
                const allowed = (p: string) => known.has(p) || p in declared || (p === "tags.{tag}" && (known.has("tags") || "tags" in declared));
                const unknown = paths.filter((p) => !allowed(p));
                expect(unknown, `${resource.name}: paths neither in ${source.source} nor in a cited definition`).to.deep.equal([]);
            }
        });
    }

    it("nests the job's schedule, limits, containers and Secret volume as Job_CreateorUpdate.json and Jobs.json do", () => {
        const job = resources.find((r) => r.type === "azure-native:app:Job") as Planned;
        const paths = restPaths(job.inputs, { url: ["resourceGroupName", "jobName"] });
        for (const expected of [
            "properties.configuration.triggerType",
            "properties.configuration.replicaTimeout",
            "properties.configuration.replicaRetryLimit",
            "properties.configuration.scheduleTriggerConfig.cronExpression",
            "properties.template.containers[].image",
            "properties.template.containers[].command",
            "properties.template.containers[].env[].name",
            "properties.template.containers[].volumeMounts[].volumeName",
            "properties.template.containers[].volumeMounts[].mountPath",
            "properties.template.volumes[].storageType",
            "properties.template.volumes[].secrets[].secretRef",
            "identity.userAssignedIdentities.{id}",
        ]) {
            expect(paths, expected).to.include(expected);
        }
        expect(job.inputs.template.volumes[0].storageType).to.equal("Secret");
    });

    it("nests the alerts' criteria, timing and action groups as createOrUpdateScheduledQueryRule.json does", () => {
        for (const alert of resources.filter((r) => r.type === "azure-native:monitor:ScheduledQueryRule")) {
            const paths = restPaths(alert.inputs, { url: ["resourceGroupName", "ruleName"] });
            expect(paths).to.include.members([
                "properties.criteria.allOf[].query",
                "properties.criteria.allOf[].timeAggregation",
                "properties.criteria.allOf[].operator",
                "properties.criteria.allOf[].threshold",
                "properties.evaluationFrequency",
                "properties.windowSize",
                "properties.actions.actionGroups",
            ]);
        }
    });
});
