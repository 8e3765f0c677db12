import { expect } from "chai";
import { diffPlans, ResourceChange } from "../plan/diff";
import { Plan } from "../plan/engine";
import { planReferenceEnvironment } from "./support/plan";

const VM = "azure-native:compute:VirtualMachine";
const ITEM = "azure-native:recoveryservices:ProtectedItem";
const RUN_COMMAND = "azure-native:compute:VirtualMachineRunCommandByVirtualMachine";

function byName(changes: ResourceChange[]): Record<string, ResourceChange> {
    return Object.fromEntries(changes.map((c) => [c.name, c]));
}

describe("changes that must never cost a backup", () => {
    let base: Plan;
    before(async () => {
        base = await planReferenceEnvironment({ appVmCount: "2" });
    });

    it("updates the policy in place and leaves every protected item alone when the policy settings change", async () => {
        const changed = await planReferenceEnvironment({
            appVmCount: "2",
            backupTime: "21:30",
            timeZone: "W. Europe Standard Time",
            retentionDays: "90",
            instantRestoreDays: "5",
        });
        const changes = diffPlans(base, changed);
        expect(changes.map((c) => [c.action, c.name])).to.deep.equal([["update", "backup-policy"]]);
        expect(changes[0].properties.map((p) => p.path)).to.have.members([
            "properties.instantRpRetentionRangeInDays",
            "properties.retentionPolicy.dailySchedule.retentionDuration.count",
            "properties.retentionPolicy.dailySchedule.retentionTimes[0]",
            "properties.schedulePolicy.dailySchedule.scheduleRunTimes[0]",
            "properties.timeZone",
        ]);
    });

    it("never replaces or updates an app VM when the proxy's address, port or domains change; the Run Command carries the change", async () => {
        const changed = await planReferenceEnvironment({
            appVmCount: "2",
            proxyIp: "10.0.0.20",
            proxyPort: "8080",
            allowedDomains: '[".blob.core.windows.net", ".example.org"]',
        });
        const changes = byName(diffPlans(base, changed));
        for (const name of ["app-vm-1-vm", "app-vm-2-vm", "backup-app-vm-1", "backup-app-vm-2"]) {
            expect(changes[name], name).to.equal(undefined);
        }
        for (const name of ["app-vm-1-proxy-client-run-command", "app-vm-2-proxy-client-run-command"]) {
            expect(changes[name]?.action, name).to.equal("update");
        }
        // The proxy VM stays: its Run Command carries the new configuration, its NIC the new address.
        expect(changes["backup-proxy-vm"]).to.equal(undefined);
        expect(changes["backup-proxy-config"].action).to.equal("update");
        expect(changes["lockdown-nsg"].action).to.equal("update");
        expect(changes["backup-proxy-nic"].action).to.equal("update");
    });

    for (const proxyCount of ["1", "2"]) {
        it(`applies a changed allowedDomains with ${proxyCount} prox${proxyCount === "1" ? "y" : "ies"} by updating the proxies' Run Commands only, never a VM`, async () => {
            const before = await planReferenceEnvironment({ proxyCount });
            const after = await planReferenceEnvironment({ proxyCount, allowedDomains: '[".blob.core.windows.net", ".example.org"]' });
            const changes = diffPlans(before, after);
            const configs = proxyCount === "1" ? ["backup-proxy-config"] : ["backup-proxy-config", "backup-proxy-2-config"];
            expect(changes.map((c) => [c.action, c.type, c.name])).to.have.deep.members(configs.map((name) => ["update", RUN_COMMAND, name]));
            for (const c of changes) {
                expect(c.properties.map((p) => p.path)).to.deep.equal(["source.script"]);
                expect(String(c.properties[0].new)).to.contain(".example.org");
            }
            if (proxyCount === "2") {
                // One proxy at a time: the second proxy's Run Command waits for the first's.
                const [first, second] = configs.map((name) => after.resources.find((r) => r.name === name)!);
                expect(second.dependencies).to.include(first.urn);
                expect(first.dependencies).to.not.include(second.urn);
            }
        });
    }

    it("says what going from one proxy to two changes: a second proxy joins the balancer's pool, nothing is replaced", async () => {
        const single = await planReferenceEnvironment({});
        const pair = await planReferenceEnvironment({ proxyCount: "2" });
        const changes = byName(diffPlans(single, pair));
        expect(Object.values(changes).filter((c) => c.action === "replace")).to.deep.equal([]);
        for (const name of ["backup-proxy-vm", "backup-proxy-nic", "backup-proxy-egress-ip", "backup-proxy-config"]) {
            expect(changes[name], name).to.equal(undefined);
        }
        expect(changes["backup-proxy-lb"].action).to.equal("update");
        expect(changes["backup-proxy-lb"].properties.map((p) => p.path)).to.deep.equal([
            "backendAddressPools[proxies].loadBalancerBackendAddresses[proxy-2].ipAddress",
            "backendAddressPools[proxies].loadBalancerBackendAddresses[proxy-2].name",
            "backendAddressPools[proxies].loadBalancerBackendAddresses[proxy-2].virtualNetwork.id",
        ]);
        expect(changes["backup-proxy-2-vm"].action).to.equal("create");
        // Nothing on the app VMs changes with proxyCount.
        for (const name of ["app-vm-1-vm", "app-vm-1-nic", "app-vm-1-proxy-client-run-command", "backup-app-vm-1"]) {
            expect(changes[name], name).to.equal(undefined);
        }
    });

    it("adds a VM without touching the ones that exist", async () => {
        const grown = await planReferenceEnvironment({ appVmCount: "3" });
        const changes = diffPlans(base, grown);
        expect(changes.every((c) => c.action === "create")).to.equal(true);
        expect(changes.map((c) => c.name)).to.include.members(["app-vm-3-vm", "backup-app-vm-3"]);
    });

    it("plans the same resources under the same names on every run", async () => {
        const again = await planReferenceEnvironment({ appVmCount: "2" });
        expect(JSON.stringify(again)).to.equal(JSON.stringify(base));
        expect(diffPlans(base, again)).to.deep.equal([]);
    });

    it("flags a region change as replacing the VMs and the vault", async () => {
        const moved = await planReferenceEnvironment({ appVmCount: "2", "azure-native:location": "northeurope" });
        const changes = byName(diffPlans(base, moved));
        expect(changes["backup-vault"].action).to.equal("replace");
        expect(changes["backup-vault"].protect).to.equal(true);
        for (const resource of moved.resources.filter((r) => r.type === VM || r.type === ITEM)) {
            expect(changes[resource.name]?.action, resource.name).to.equal("replace");
        }
    });
});
