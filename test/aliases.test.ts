import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/azure-native/compute";
import { dropApiVersionTypeAliases, isApiVersionTypeAlias, withoutTypeAliases } from "../lib/aliases";
import { runPlan } from "../plan/engine";
import { loadProjectConfig } from "../plan/projectConfig";
import { PROJECT_DIR } from "./support/plan";

const VM = "azure-native:compute:VirtualMachine";

class Holder extends pulumi.ComponentResource {
    constructor(name: string, opts?: pulumi.ComponentResourceOptions, keepTypeAliases?: boolean) {
        super("test:index:Holder", name, {}, withoutTypeAliases(opts, keepTypeAliases));
    }
}

interface Registration {
    type: string;
    inComponent: boolean;
    aliases: pulumi.Input<pulumi.URN | pulumi.Alias>[];
}

/** What every resource registers with, by name, as the last transformation sees it. */
async function registrations(config: Record<string, string>, program: () => unknown): Promise<Map<string, Registration>> {
    const seen = new Map<string, Registration>();
    await runPlan({
        // The reference environment reads its settings from the project's namespace.
        project: "backup-ready",
        stack: "test",
        config,
        program: () => {
            pulumi.runtime.registerStackTransformation(({ name, type, opts }) => {
                seen.set(name, { type, inComponent: opts.parent !== undefined, aliases: [...(opts.aliases ?? [])] });
                return undefined;
            });
            return program();
        },
    });
    return seen;
}

async function registeredAliases(config: Record<string, string>, program: () => unknown): Promise<Map<string, unknown[]>> {
    const seen = await registrations(config, program);
    return new Map([...seen].map(([name, { aliases }]) => [name, aliases]));
}

function holderWithVm(keepTypeAliases?: boolean): void {
    const holder = new Holder("holder", { aliases: [{ name: "old-holder" }] }, keepTypeAliases);
    new compute.VirtualMachine(
        "vm",
        { resourceGroupName: "rg" },
        { parent: holder, aliases: [{ name: "old-vm" }, { type: "azure-native:compute:LegacyMachine" }, "urn:pulumi:test::backup-ready::azure-native:compute:VirtualMachine::older"] },
    );
}

describe("type aliases", () => {
    it("recognises the API-versioned aliases azure-native adds, and nothing else", () => {
        expect(isApiVersionTypeAlias(VM, { type: "azure-native:compute/v20230301:VirtualMachine" })).to.equal(true);
        expect(isApiVersionTypeAlias(VM, { type: "azure-native:compute/v20160430preview:VirtualMachine" })).to.equal(true);
        for (const alias of [
            { type: "azure-native:compute:VirtualMachine" },
            { type: "azure-native:network/v20230301:VirtualMachine" },
            { type: "azure-native:compute/v20230301:VirtualMachineExtension" },
            { type: "azure-native:compute/latest:VirtualMachine" },
            { type: "azure-native:compute/v20230301:VirtualMachine", name: "old" },
            { type: "azure-native:compute/v20230301:VirtualMachine", parent: "urn:pulumi:s::p::t::n" },
            { name: "old" },
            "urn:pulumi:s::p::azure-native:compute/v20230301:VirtualMachine::vm",
            pulumi.output({ type: "azure-native:compute/v20230301:VirtualMachine" }),
        ]) {
            expect(isApiVersionTypeAlias(VM, alias), JSON.stringify(alias)).to.equal(false);
        }
        expect(isApiVersionTypeAlias("azure:compute/virtualMachine:VirtualMachine", { type: "azure:compute/v20230301:VirtualMachine" })).to.equal(false);
    });

    it("leaves a resource without such aliases alone", () => {
        const args = { resource: undefined as never, type: VM, name: "vm", props: {}, opts: { aliases: [{ name: "old" }] } };
        expect(dropApiVersionTypeAliases(args)).to.equal(undefined);
        expect(dropApiVersionTypeAliases({ ...args, opts: {} })).to.equal(undefined);
    });

    it("drops the aliases azure-native adds to a component's children and keeps every alias the caller gave", async () => {
        const aliases = await registeredAliases({}, () => holderWithVm());
        expect(aliases.get("holder")).to.deep.equal([{ name: "old-holder" }]);
        expect(aliases.get("vm")).to.deep.equal([
            { name: "old-vm" },
            { type: "azure-native:compute:LegacyMachine" },
            "urn:pulumi:test::backup-ready::azure-native:compute:VirtualMachine::older",
        ]);
    });

    it("keeps them all when the component is given keepTypeAliases", async () => {
        const aliases = await registeredAliases({}, () => holderWithVm(true));
        const vm = aliases.get("vm") ?? [];
        expect(vm.slice(0, 3)).to.deep.equal([
            { name: "old-vm" },
            { type: "azure-native:compute:LegacyMachine" },
            "urn:pulumi:test::backup-ready::azure-native:compute:VirtualMachine::older",
        ]);
        expect(vm.filter((alias) => isApiVersionTypeAlias(VM, alias as pulumi.Alias)).length).to.be.greaterThan(20);
    });

    it("runs before the caller's own transformations, so aliases those add stay", async () => {
        const added: pulumi.ResourceTransformation = ({ props, opts }) => ({
            props,
            opts: { ...opts, aliases: [...(opts.aliases ?? []), { type: "azure-native:compute/v20230301:VirtualMachine" }] },
        });
        const aliases = await registeredAliases({}, () => {
            const holder = new Holder("holder", { transformations: [added] });
            new compute.VirtualMachine("vm", { resourceGroupName: "rg" }, { parent: holder });
        });
        expect(aliases.get("vm")).to.deep.equal([{ type: "azure-native:compute/v20230301:VirtualMachine" }]);
    });

    it("leaves no API-versioned alias on any resource of the reference environment's components", async () => {
        const { config } = loadProjectConfig(PROJECT_DIR, "test", { appVmCount: "2", windowsAppVmCount: "1" });
        const seen = await registrations(config, () => {
            delete require.cache[require.resolve("../index")];
            return require("../index");
        });
        const children = [...seen].filter(([, r]) => r.inComponent && r.type.startsWith("azure-native:"));
        expect(children.map(([name]) => name)).to.include.members(["app-vm-2-vm", "app-vm-2-nic", "backup-app-vm-2", "win-vm-1-vm", "backup-vault", "lockdown-nsg"]);
        for (const [name, { type, aliases }] of children) {
            expect(aliases.filter((alias) => isApiVersionTypeAlias(type, alias)), name).to.deep.equal([]);
        }
    });

    it("keeps them on every resource of the reference environment with its keepTypeAliases setting", async () => {
        const { config } = loadProjectConfig(PROJECT_DIR, "test", { appVmCount: "1", windowsAppVmCount: "1", keepTypeAliases: "true" });
        const seen = await registrations(config, () => {
            delete require.cache[require.resolve("../index")];
            return require("../index");
        });
        const children = [...seen].filter(([, r]) => r.inComponent && r.type.startsWith("azure-native:"));
        expect(children.length).to.be.greaterThan(10);
        for (const [name, { type, aliases }] of children) {
            expect(aliases.filter((alias) => isApiVersionTypeAlias(type, alias)).length, name).to.be.greaterThan(0);
        }
    });
});
