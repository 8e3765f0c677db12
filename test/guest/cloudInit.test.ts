import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { Plan } from "../../plan/engine";
import { cloudConfigOf, LAYOUTS, linuxVms, planOf } from "../support/guest";
import { decodedCustomData } from "../support/plan";
import { program, programPath, requireAll } from "../support/programs";
import { run } from "../support/processes";
import { makeScratch, removeScratch } from "../support/scratch";

const CLOUD_INIT = program("cloud-init", "cloud-init");

describe("guest configuration: cloud-init validates every Linux VM's user data", () => {
    for (const layout of LAYOUTS) {
        describe(layout.name, () => {
            let plan: Plan;
            let dir: string;

            before(async function () {
                requireAll(this, [CLOUD_INIT]);
                plan = await planOf(layout);
                dir = makeScratch("cloud-init");
            });

            after(() => removeScratch(dir));

            it("passes `cloud-init schema --config-file` for the proxy and every app VM", async () => {
                const vms = linuxVms(plan);
                const appVmCount = Number(layout.overrides.appVmCount ?? 1);
                expect(vms.map((vm) => vm.name).sort()).to.deep.equal(
                    ["backup-proxy-vm", ...Array.from({ length: appVmCount }, (_, i) => `app-vm-${i + 1}-vm`)].sort(),
                );
                for (const vm of vms) {
                    // The YAML cloud-init will parse: a mapping that writes files.
                    expect(cloudConfigOf(vm).write_files, vm.name).to.be.an("array").that.is.not.empty;
                    const userData = path.join(dir, `${vm.name}.user-data`);
                    fs.writeFileSync(userData, decodedCustomData(vm));
                    const result = await run(programPath("cloud-init"), ["schema", "--config-file", userData]);
                    expect(result.code, `${vm.name}: ${result.stdout}${result.stderr}`).to.equal(0);
                    expect(result.stdout).to.include("Valid cloud-config");
                }
            });
        });
    }
});
