import { expect } from "chai";
import * as path from "path";
import { NsgRule } from "../policy/rulebook/nsg";
import { readServiceTags } from "../lib/serviceTagPrefixes";
import { offlineVmSizeData } from "../lib/vmSizeData";
import { prefixesForRegion } from "../policy/rulebook/serviceTags";
import { Plan, PlannedResource } from "../plan/engine";
import { admitsBlobHost, checkReadiness, formatReadiness, isReady, parseSquidConf, readinessReport, squidConfOf, VmReadiness } from "../plan/readiness";
import { planReferenceEnvironment } from "./support/plan";

const VM_TYPE = "azure-native:compute:VirtualMachine";
const NSG_TYPE = "azure-native:network:NetworkSecurityGroup";
const PROXY_CHECKS = ["VM to the proxy 10.0.0.5:3128", "proxy to the Internet on 443", "no other Internet access from the VM", "VM to the platform 168.63.129.16", "proxy admits blob storage"];
const NOTIFIED = "a failed backup reaches someone";
/** The last line: whether a scheduled restore drill restores the VM, into a quarantine that holds. */
const DRILLED = "restore drill";
const VM_CHECKS = ["vault in the VM's region", NOTIFIED, "VM agent provisioned", "OS supported by Azure Backup", "data disks within the limit", "NSG rules Azure accepts"];

/** A deep copy to break: the reference plan stays as planned. */
function copy(plan: Plan): Plan {
    return JSON.parse(JSON.stringify(plan)) as Plan;
}

/** A planned resource whose inputs the test edits freely. */
type Editable = PlannedResource & { inputs: Record<string, any> };

function find(plan: Plan, type: string, name: string): Editable {
    const found = plan.resources.find((resource) => resource.type === type && resource.name === name);
    if (!found) {
        throw new Error(`no ${type} ${name} in the plan`);
    }
    return found;
}

function appVm(plan: Plan): Record<string, any> {
    return find(plan, VM_TYPE, "app-vm-1-vm").inputs;
}

function lockdownRules(plan: Plan): NsgRule[] {
    return find(plan, NSG_TYPE, "lockdown-nsg").inputs.securityRules as NsgRule[];
}

function checksOf(report: VmReadiness[], vm = "app-vm-1") {
    const entry = report.find((item) => item.vm === vm);
    if (!entry) {
        throw new Error(`no report for ${vm}`);
    }
    return entry.checks;
}

/** The lines of app-vm-1 that fail the plan (warnings aside), by check. */
function failing(plan: Plan, options = {}): string[] {
    return checksOf(readinessReport(plan, options))
        .filter((check) => !check.pass && check.level !== "warn")
        .map((check) => check.check);
}

function why(plan: Plan, check: string, options = {}): string {
    const line = checksOf(readinessReport(plan, options)).find((item) => item.check === check);
    if (!line) {
        throw new Error(`no line "${check}"`);
    }
    return line.why;
}

const DENY_ALL: NsgRule = {
    name: "deny-all",
    priority: 100,
    direction: "Inbound",
    access: "Deny",
    protocol: "*",
    sourceAddressPrefix: "*",
    destinationAddressPrefix: "*",
    destinationPortRange: "*",
};

/** The allow-list layout, as the allow-list mode writes it: HTTPS to the backup's service tags, the wire server, no other Internet. */
function allowListRules(destinations: Array<{ name: string; prefix: string | string[] }>): NsgRule[] {
    const platform = { name: "allow-azure-platform", priority: 100, direction: "Outbound", access: "Allow", protocol: "*", sourceAddressPrefix: "*", destinationAddressPrefix: "168.63.129.16/32", destinationPortRange: "*" } as const;
    const services = destinations.map(({ name, prefix }, i): NsgRule => ({
        name,
        priority: 200 + 10 * i,
        direction: "Outbound",
        access: "Allow",
        protocol: "Tcp",
        sourceAddressPrefixes: ["10.0.0.0/16"],
        ...(Array.isArray(prefix) ? { destinationAddressPrefixes: prefix } : { destinationAddressPrefix: prefix }),
        destinationPortRanges: ["443", "8443"],
    }));
    const deny = { name: "deny-internet-outbound", priority: 4096, direction: "Outbound", access: "Deny", protocol: "*", sourceAddressPrefix: "*", destinationAddressPrefix: "Internet", destinationPortRange: "*" } as const;
    return [platform, ...services, deny];
}

const TAG_DESTINATIONS = [
    { name: "allow-storage-westeurope", prefix: "Storage.westeurope" },
    { name: "allow-azurebackup", prefix: "AzureBackup" },
    { name: "allow-azureactivedirectory", prefix: "AzureActiveDirectory" },
];
const TAG_CHECKS = ["VM to Storage.westeurope on 443", "VM to AzureBackup.westeurope on 443", "VM to AzureActiveDirectory on 443"];

/** The reference plan without its proxy, its NSG holding the allow-list's rules instead. */
function withoutProxy(plan: Plan, rules: NsgRule[]): Plan {
    const broken = copy(plan);
    broken.resources = broken.resources.filter((resource) => resource.name !== "backup-proxy-vm");
    find(broken, NSG_TYPE, "lockdown-nsg").inputs.securityRules = rules;
    return broken;
}

describe("backup-readiness report", () => {
    /** The reference environment with someone to tell of a failed backup, and restore drills: every line passes. */
    let plan: Plan;
    before(async () => {
        plan = await planReferenceEnvironment({ alertEmails: '["ops@example.com"]', restoreDrill: "true" });
    });

    it("fails every VM on a resource beyond Azure's limits, as the policy pack does, naming it; no line while everything fits", () => {
        expect(checksOf(readinessReport(plan)).map((check) => check.check)).to.not.include("resources within Azure's limits");
        // A lock whose notes a user's own program made too long (locks.json: at most 512 characters).
        const resources = plan.resources.map((resource) =>
            resource.type === "azure-native:authorization:ManagementLockByScope" ? { ...resource, inputs: { ...resource.inputs, notes: "x".repeat(513) } } : resource,
        );
        const report = readinessReport({ resources });
        for (const vm of report) {
            expect(vm.checks.find((check) => check.check === "resources within Azure's limits"), vm.vm).to.deep.equal({
                check: "resources within Azure's limits",
                pass: false,
                why: 'lock "backup-ready-vault-lock": notes is 513 characters; Azure takes at most 512',
            });
        }
        expect(isReady(report)).to.equal(false);
    });

    it("passes every line for the reference environment", () => {
        const report = readinessReport(plan);
        expect(report.map((vm) => vm.vm)).to.include("app-vm-1");
        expect(checksOf(report).map((check) => check.check)).to.deep.equal([...VM_CHECKS, ...PROXY_CHECKS, DRILLED]);
        expect(report.flatMap((vm) => vm.checks).filter((check) => !check.pass)).to.deep.equal([]);
        expect(isReady(report)).to.equal(true);
        expect(formatReadiness(report)).to.match(/\n {2}app-vm-1 +PASS {2}vault in the VM's region: vault "vm-backup-vault" is in westeurope, as the VM\n/);
        expect(formatReadiness(report)).to.match(/\nReady: \d+ protected VMs?, all \d+ checks pass\.$/);
    });

    it("names the rules that decide each path, and says when the VM's address is assumed", () => {
        expect(why(plan, "VM to the proxy 10.0.0.5:3128")).to.equal(
            // Each hop as Azure evaluates it: the VM's outbound rule sees the frontend, the proxy's inbound rule the VM -> the proxy's own address.
            `10.0.1.4 (dynamic, assumed: app-subnet's first usable address) -> 10.0.0.5:3128 (load balancer "backup-proxy-lb", rule "proxy-port"): allowed by rule "allow-clients-to-proxy" (priority 210) of NSG "NSG-lockdown" (outbound, subnet app-subnet); ` +
                `on to healthy backend backup-proxy 10.0.0.6:3128 (10.0.1.4 -> 10.0.0.6:3128 allowed by rule "allow-clients-to-proxy-inbound" (priority 200) of NSG "NSG-lockdown" (inbound, subnet proxy-subnet); ` +
                `probe "proxy-port" 168.63.129.16 -> backup-proxy 10.0.0.6:3128: allowed by rule "allow-load-balancer-probe" (priority 220) of NSG "NSG-lockdown" (inbound, subnet proxy-subnet), and the host firewall's \`ip saddr 168.63.129.16 tcp dport 3128 accept\`)`,
        );
        expect(why(plan, "no other Internet access from the VM")).to.match(/-> 203\.0\.113\.10:443 \(the Internet\): denied by rule "deny-internet-outbound" \(priority 4096\)/);
        expect(why(plan, "proxy to the Internet on 443")).to.match(/^10\.0\.0\.6 -> 203\.0\.113\.10:443 \(the Internet\): allowed by rule "allow-proxy" \(priority 200\)/);
    });

    it("fails the vault line when the vault is in another region", () => {
        const broken = copy(plan);
        find(broken, "azure-native:recoveryservices:Vault", "backup-vault").inputs.location = "North Europe";
        expect(failing(broken)).to.deep.equal(["vault in the VM's region"]);
        expect(why(broken, "vault in the VM's region")).to.equal('vault "vm-backup-vault" is in North Europe, the VM in westeurope: a vault backs up VMs in its own region only');
    });

    it("accepts the region written either way", () => {
        const respelt = copy(plan);
        find(respelt, "azure-native:recoveryservices:Vault", "backup-vault").inputs.location = "West Europe";
        expect(failing(respelt)).to.deep.equal([]);
    });

    it("fails the agent line when the VM agent is not provisioned", () => {
        const broken = copy(plan);
        appVm(broken).osProfile.linuxConfiguration.provisionVMAgent = false;
        expect(failing(broken)).to.deep.equal(["VM agent provisioned"]);
        expect(why(broken, "VM agent provisioned")).to.match(/^osProfile\.linuxConfiguration\.provisionVMAgent is false/);
    });

    it("fails the disk line with 33 data disks", () => {
        const broken = copy(plan);
        appVm(broken).storageProfile.dataDisks = Array.from({ length: 33 }, (_, lun) => ({ lun, createOption: "Empty", diskSizeGB: 32 }));
        expect(failing(broken)).to.deep.equal(["data disks within the limit"]);
        expect(why(broken, "data disks within the limit")).to.equal(
            "33 data disks; 32 at most (Azure Backup's limit for managed disks; size Standard_B2s was not checked against Azure's size data offline)",
        );
        const sizes = { sizes: offlineVmSizeData("westeurope") };
        expect(why(broken, "data disks within the limit", sizes)).to.equal("33 data disks; 4 at most (what size Standard_B2s takes, by Azure's size data)");
    });

    it("fails the OS line for a CoreOS image", () => {
        const broken = copy(plan);
        appVm(broken).storageProfile.imageReference = { publisher: "CoreOS", offer: "CoreOS", sku: "Stable", version: "latest" };
        expect(failing(broken)).to.deep.equal(["OS supported by Azure Backup"]);
        expect(why(broken, "OS supported by Azure Backup")).to.match(/other than CoreOS and Flatcar.*; got "CoreOS:CoreOS:Stable:latest"$/);
    });

    it("fails the proxy-port line for a deny rule at priority 100, naming the rule", () => {
        const broken = copy(plan);
        lockdownRules(broken).push(DENY_ALL);
        expect(failing(broken)).to.deep.equal(["VM to the proxy 10.0.0.5:3128"]);
        expect(why(broken, "VM to the proxy 10.0.0.5:3128")).to.match(/: denied by rule "deny-all" \(priority 100\) of NSG "NSG-lockdown" \(inbound, subnet proxy-subnet\)$/);
        expect(formatReadiness(readinessReport(broken))).to.match(/\n {2}app-vm-1 +FAIL {2}VM to the proxy 10\.0\.0\.5:3128: .*"deny-all"/);
        expect(formatReadiness(readinessReport(broken))).to.match(/\nNOT READY: 1 of \d+ checks fail/);
        expect(isReady(readinessReport(broken))).to.equal(false);
    });

    it("fails every outbound line an outbound deny-all at priority 100 blocks, and only those", () => {
        const broken = copy(plan);
        const rules = lockdownRules(broken).filter((rule) => rule.name !== "allow-azure-platform");
        find(broken, NSG_TYPE, "lockdown-nsg").inputs.securityRules = [...rules, { ...DENY_ALL, direction: "Outbound" }];
        expect(failing(broken)).to.deep.equal(["VM to the proxy 10.0.0.5:3128", "proxy to the Internet on 443", "VM to the platform 168.63.129.16"]);
        expect(why(broken, "VM to the platform 168.63.129.16")).to.match(/-> 168\.63\.129\.16:80: denied by rule "deny-all" \(priority 100\) of NSG "NSG-lockdown" \(outbound, subnet app-subnet\)$/);
    });

    it("fails the proxy's Internet line when allow-proxy is removed", () => {
        const broken = copy(plan);
        find(broken, NSG_TYPE, "lockdown-nsg").inputs.securityRules = lockdownRules(broken).filter((rule) => rule.name !== "allow-proxy");
        expect(failing(broken)).to.deep.equal(["proxy to the Internet on 443"]);
        expect(why(broken, "proxy to the Internet on 443")).to.match(/denied by rule "deny-internet-outbound" \(priority 4096\) of NSG "NSG-lockdown" \(outbound, subnet proxy-subnet\)$/);
    });

    it("fails the direct-Internet line when the app VM may reach the Internet itself", () => {
        const broken = copy(plan);
        lockdownRules(broken).push({ ...DENY_ALL, name: "allow-https-anywhere", priority: 300, direction: "Outbound", access: "Allow", protocol: "Tcp", destinationAddressPrefix: "Internet", destinationPortRange: "443" });
        expect(failing(broken)).to.deep.equal(["no other Internet access from the VM"]);
        expect(why(broken, "no other Internet access from the VM")).to.match(/allowed by rule "allow-https-anywhere" \(priority 300\)/);
    });

    it("fails the blob line when squid admits no blob storage host", () => {
        const broken = copy(plan);
        const proxy = find(broken, VM_TYPE, "backup-proxy-vm");
        const cloudInit = Buffer.from(proxy.inputs.osProfile.customData, "base64").toString("utf8");
        expect(cloudInit).to.include("dstdomain .blob.core.windows.net\n");
        proxy.inputs.osProfile.customData = Buffer.from(cloudInit.replace("dstdomain .blob.core.windows.net", "dstdomain .example.com"), "utf8").toString("base64");
        expect(failing(broken)).to.deep.equal(["proxy admits blob storage"]);
        expect(why(broken, "proxy admits blob storage")).to.equal("squid on backup-proxy admits .example.com, no <account>.blob.core.windows.net host");
    });

    it("reads rules declared as SecurityRule resources of the NSG", () => {
        const broken = copy(plan);
        broken.resources.push({
            urn: "urn:pulumi:test::backup-ready::azure-native:network:SecurityRule::deny-proxy-port",
            type: "azure-native:network:SecurityRule",
            name: "deny-proxy-port",
            custom: true,
            inputs: { ...DENY_ALL, direction: "Outbound", priority: 150, securityRuleName: "deny-proxy-port", networkSecurityGroupName: "NSG-lockdown", resourceGroupName: "backup-ready" },
            dependencies: [],
            options: {},
        });
        expect(failing(broken)).to.deep.equal(["VM to the proxy 10.0.0.5:3128", "proxy to the Internet on 443"]);
        expect(why(broken, "VM to the proxy 10.0.0.5:3128")).to.match(/denied by rule "deny-proxy-port" \(priority 150\)/);
    });

    it("evaluates a NIC's NSG before the subnet's on the way out, and takes a static address as it is", () => {
        const broken = copy(plan);
        const nsg = find(broken, NSG_TYPE, "lockdown-nsg");
        const nicNsgId = nsg.id!.replace("NSG-lockdown", "app-nic-nsg");
        const platform = lockdownRules(broken).find((rule) => rule.name === "allow-azure-platform")!;
        broken.resources.push({ ...nsg, name: "app-nic-nsg", id: nicNsgId, inputs: { ...nsg.inputs, networkSecurityGroupName: "app-nic-nsg", securityRules: [platform, { ...DENY_ALL, name: "nic-deny-all-out", priority: 200, direction: "Outbound" }] } });
        const nic = find(broken, "azure-native:network:NetworkInterface", "app-vm-1-nic");
        nic.inputs.networkSecurityGroup = { id: nicNsgId };
        Object.assign((nic.inputs.ipConfigurations as any[])[0], { privateIPAllocationMethod: "Static", privateIPAddress: "10.0.1.20" });
        expect(failing(broken)).to.deep.equal(["VM to the proxy 10.0.0.5:3128"]);
        expect(why(broken, "VM to the proxy 10.0.0.5:3128")).to.equal(
            '10.0.1.20 -> 10.0.0.5:3128 (load balancer "backup-proxy-lb", rule "proxy-port"): denied by rule "nic-deny-all-out" (priority 200) of NSG "app-nic-nsg" (outbound, NIC app-vm-1-nic)',
        );
        expect(why(broken, "no other Internet access from the VM")).to.match(/^10\.0\.1\.20 -> .*denied by rule "nic-deny-all-out"/);
    });

    it("fails a network line when the plan lacks what the path needs", () => {
        const broken = copy(plan);
        broken.resources = broken.resources.filter((resource) => resource.name !== "app-subnet");
        const checks = checksOf(readinessReport(broken));
        expect(checks.filter((check) => !check.pass)).to.deep.equal([
            { check: "network path", pass: false, why: `subnet ${find(plan, "azure-native:network:Subnet", "app-subnet").id} is not in the plan` },
        ]);
    });

    it("fails a protected VM the plan does not declare", () => {
        const broken = copy(plan);
        const item = find(broken, "azure-native:recoveryservices:ProtectedItem", "backup-app-vm-1");
        item.inputs.properties.sourceResourceId = item.inputs.properties.sourceResourceId.replace("app-vm-1", "legacy-vm");
        const report = readinessReport(broken);
        expect(checksOf(report, "legacy-vm")).to.deep.equal([
            { check: "VM in the plan", pass: false, why: `${item.inputs.properties.sourceResourceId} is not in the plan: its readiness cannot be derived from the planned resources` },
        ]);
        expect(isReady(report)).to.equal(false);
    });

    describe("without a proxy: the allow-list of service tags", () => {
        it("passes with HTTPS to the backup's service tags ahead of the Internet deny", () => {
            const allowList = withoutProxy(plan, allowListRules(TAG_DESTINATIONS));
            expect(checksOf(readinessReport(allowList)).map((check) => check.check)).to.deep.equal([
                ...VM_CHECKS,
                ...TAG_CHECKS,
                "no other Internet access from the VM",
                "VM to the platform 168.63.129.16",
                DRILLED,
            ]);
            expect(failing(allowList)).to.deep.equal([]);
            expect(why(allowList, "VM to AzureBackup.westeurope on 443")).to.match(/allowed by rule "allow-azurebackup" \(priority 210\)/);
        });

        it("fails the line of a tag without its rule, or with another region's, naming the rule that denies it", () => {
            const noBackup = withoutProxy(plan, allowListRules(TAG_DESTINATIONS.filter((tag) => tag.prefix !== "AzureBackup")));
            expect(failing(noBackup)).to.deep.equal(["VM to AzureBackup.westeurope on 443"]);
            expect(why(noBackup, "VM to AzureBackup.westeurope on 443")).to.match(/denied by rule "deny-internet-outbound" \(priority 4096\)/);

            const otherRegion = withoutProxy(plan, allowListRules([{ name: "allow-storage", prefix: "Storage.NorthEurope" }, ...TAG_DESTINATIONS.slice(1)]));
            expect(failing(otherRegion)).to.deep.equal(["VM to Storage.westeurope on 443"]);
        });

        it("matches rules of literal prefixes from the service tags file when given the file's prefixes", () => {
            const groups = prefixesForRegion(readServiceTags(path.join(__dirname, "fixtures", "ServiceTags_Public_fixture.json")), "westeurope");
            const literal = withoutProxy(plan, allowListRules(groups.map((group) => ({ name: `allow-${group.service.toLowerCase()}`, prefix: group.prefixes }))));
            expect(failing(literal), "without the prefixes, literal rules cannot be told apart").to.deep.equal(TAG_CHECKS);
            expect(failing(literal, { serviceTagPrefixes: groups })).to.deep.equal([]);
            expect(why(literal, "VM to Storage.westeurope on 443", { serviceTagPrefixes: groups })).to.match(/allowed by rule "allow-storage" \(priority 200\)/);
        });
    });

    describe("squid configuration", () => {
        it("reads squid.conf from the proxy's cloud-init, and nothing from other VMs", () => {
            expect(squidConfOf(find(plan, VM_TYPE, "backup-proxy-vm"))).to.match(/^# Backup proxy/);
            expect(squidConfOf(find(plan, VM_TYPE, "app-vm-1-vm"))).to.equal(undefined);
        });

        it("parses the port, with or without an address, and the domains of the ACLs that allow rules use", () => {
            const conf = [
                "http_port 10.0.0.5:8080 # the proxy",
                "acl storage dstdomain .blob.core.windows.net",
                "acl storage dstdomain acct1.blob.core.windows.net",
                "acl unused dstdomain .example.com",
                "# acl commented dstdomain .commented.example",
                "http_access allow vnet CONNECT storage",
                "http_access deny unused",
                "http_access deny all",
            ].join("\n");
            expect(parseSquidConf(conf)).to.deep.equal({ port: 8080, allowedDomains: [".blob.core.windows.net", "acct1.blob.core.windows.net"] });
            expect(parseSquidConf("acl a dstdomain .blob.core.windows.net\nhttp_access allow a\n")).to.deep.equal({ port: undefined, allowedDomains: [".blob.core.windows.net"] });
        });

        it("knows which dstdomain entries admit blob storage hosts", () => {
            for (const domain of [".blob.core.windows.net", ".BLOB.core.windows.net", "acct1.blob.core.windows.net", ".acct1.blob.core.windows.net", ".core.windows.net"]) {
                expect(admitsBlobHost(domain), domain).to.equal(true);
            }
            for (const domain of ["blob.core.windows.net", ".queue.core.windows.net", ".example.com", "core.windows.net", ".windows.net.example.com"]) {
                expect(admitsBlobHost(domain), domain).to.equal(false);
            }
        });
    });

    describe("a failed backup reaches someone", () => {
        const VAULT_TYPE = "azure-native:recoveryservices:Vault";
        const RULE_TYPE = "azure-native:alertsmanagement:AlertProcessingRuleByName";
        const GROUP_TYPE = "azure-native:monitor:ActionGroup";

        it("passes when the vault's job-failure alerts are routed to an action group with a receiver, naming them", () => {
            expect(why(plan, NOTIFIED)).to.equal(
                'vault "vm-backup-vault" alerts on every failed job; alert processing rule "monitoring-vault-alerts" routes them to action group "monitoring-action-group": ops@example.com',
            );
        });

        it("warns without alertEmails, and the plan stays ready", async () => {
            const report = readinessReport(await planReferenceEnvironment({ restoreDrill: "true" }));
            const line = checksOf(report).find((check) => check.check === NOTIFIED);
            expect(line).to.deep.include({ pass: false, level: "warn" });
            expect(line?.why).to.match(/raises an alert in Azure Monitor for every failed job, but no alert processing rule routes it .*: nobody is notified \(set alertEmails\)$/);
            expect(checksOf(report).filter((check) => !check.pass)).to.have.length(1);
            expect(isReady(report)).to.equal(true);
            const text = formatReadiness(report);
            expect(text).to.match(/\n {2}app-vm-1 +WARN {2}a failed backup reaches someone: /);
            expect(text).to.not.match(/FAIL/);
            expect(text).to.match(/\nReady: 1 protected VM, 11 of 12 checks pass\. 1 warning \(WARN: backups run, but see the line\)\.$/);
        });

        it("warns when the vault's built-in alerts for failed jobs are off", () => {
            const broken = copy(plan);
            delete find(broken, VAULT_TYPE, "backup-vault").inputs.properties.monitoringSettings;
            expect(failing(broken)).to.deep.equal([]);
            expect(why(broken, NOTIFIED)).to.match(/^vault "vm-backup-vault" has no built-in alerts for failed jobs .*: a failed backup raises no alert$/);
        });

        it("warns when the rule covers another vault, is off, or its action group notifies nobody", () => {
            const elsewhere = copy(plan);
            find(elsewhere, RULE_TYPE, "monitoring-vault-alerts").inputs.properties.scopes = [
                "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/other/providers/Microsoft.RecoveryServices/vaults/other-vault",
            ];
            const off = copy(plan);
            find(off, RULE_TYPE, "monitoring-vault-alerts").inputs.properties.enabled = false;
            const nobody = copy(plan);
            find(nobody, GROUP_TYPE, "monitoring-action-group").inputs.emailReceivers = [];
            for (const broken of [elsewhere, off, nobody]) {
                expect(checksOf(readinessReport(broken)).find((check) => check.check === NOTIFIED)).to.deep.include({ pass: false, level: "warn" });
                expect(isReady(readinessReport(broken))).to.equal(true);
            }
        });

        it("passes for a rule scoped to the vault's resource group, as Azure applies it to every resource below", () => {
            const group = copy(plan);
            const vaultId = find(group, VAULT_TYPE, "backup-vault").id as string;
            find(group, RULE_TYPE, "monitoring-vault-alerts").inputs.properties.scopes = [vaultId.replace(/\/providers\/.*$/, "")];
            expect(checksOf(readinessReport(group)).find((check) => check.check === NOTIFIED)?.pass).to.equal(true);
        });

        it("counts a failing line and a warning apart", () => {
            const broken = copy(plan);
            appVm(broken).osProfile.linuxConfiguration.provisionVMAgent = false;
            find(broken, GROUP_TYPE, "monitoring-action-group").inputs.emailReceivers = [];
            const report = readinessReport(broken);
            expect(isReady(report)).to.equal(false);
            expect(formatReadiness(report)).to.match(/\nNOT READY: 1 of 12 checks fail \(1 protected VM\)\. 1 warning \(WARN: backups run, but see the line\)\.$/);
        });
    });

    it("formats an empty report plainly", () => {
        expect(formatReadiness([])).to.equal("Backup readiness, derived from the planned resources:\n  no protected VMs in the plan");
        expect(isReady([])).to.equal(true);
    });
});

describe("npm run plan's readiness verdict", () => {
    it("passes the reference environment in both connectivity modes, literal prefixes included", async () => {
        const layouts: Record<string, string>[] = [
            { windowsAppVmCount: "1" },
            { connectivity: "serviceTags", windowsAppVmCount: "1" },
            { connectivity: "serviceTags", ipRangesFile: "test/fixtures/ServiceTags_Public_fixture.json" },
        ];
        for (const overrides of layouts) {
            const verdict = checkReadiness(await planReferenceEnvironment(overrides));
            expect(verdict.ready, JSON.stringify(overrides)).to.equal(true);
            expect(verdict.text).to.match(/^Ready: /m);
        }
    });

    it("fails a deliberately broken layout, naming the rule: a deny at priority 100", async () => {
        const plan = await planReferenceEnvironment();
        const nsg = plan.resources.find((r) => r.type === "azure-native:network:NetworkSecurityGroup")!;
        (nsg.inputs.securityRules as Record<string, unknown>[]).push({
            name: "deny-everything-early",
            priority: 100,
            direction: "Inbound",
            access: "Deny",
            protocol: "*",
            sourceAddressPrefix: "*",
            sourcePortRange: "*",
            destinationAddressPrefix: "*",
            destinationPortRange: "*",
        });
        const verdict = checkReadiness(plan);
        expect(verdict.ready).to.equal(false);
        expect(verdict.text).to.match(/FAIL .*denied by rule "deny-everything-early" \(priority 100\)/);
        expect(verdict.text).to.match(/^NOT READY: /m);
    });
});
