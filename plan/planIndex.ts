/**
 * A plan's resources indexed once, and what the readiness report and the picture derive from them
 * remembered once: with 1,000 VMs, anything looked up or worked out per VM that is the same for
 * all of them (an NSG's rules, the proxies, a rule's verdict on the same flow) is the plan's cost
 * a thousand times over.
 */
import { decidingRule, Flow, NsgRule } from "../policy/rulebook";
import { Plan, PlannedResource } from "./engine";

export class PlanIndex {
    private readonly byType = new Map<string, PlannedResource[]>();
    private readonly byUrn = new Map<string, PlannedResource>();
    /** By type and lower-cased ARM id (ARM ids compare ignoring case); the first in the plan's order. */
    private readonly byId = new Map<string, PlannedResource>();
    private readonly memos = new Map<string, unknown>();

    constructor(readonly plan: Pick<Plan, "resources">) {
        for (const resource of plan.resources) {
            this.byType.set(resource.type, [...(this.byType.get(resource.type) ?? []), resource]);
            if (!this.byUrn.has(resource.urn)) {
                this.byUrn.set(resource.urn, resource);
            }
            const id = idKey(resource.type, resource.id);
            if (id !== undefined && !this.byId.has(id)) {
                this.byId.set(id, resource);
            }
        }
    }

    /** The resources of one type, in the plan's order. */
    ofType(type: string): readonly PlannedResource[] {
        return this.byType.get(type) ?? [];
    }

    urn(urn: string): PlannedResource | undefined {
        return this.byUrn.get(urn);
    }

    /** The resource of this type with this ARM id, ignoring case. */
    id(type: string, id: string | undefined): PlannedResource | undefined {
        const found = idKey(type, id);
        return found === undefined ? undefined : this.byId.get(found);
    }

    /**
     * The value `make` gives for this key, made once per index; a throw is remembered too and
     * thrown again, so every caller sees what the first one saw.
     */
    memo<T>(key: string, make: () => T): T {
        if (!this.memos.has(key)) {
            try {
                this.memos.set(key, { value: make() });
            } catch (err) {
                this.memos.set(key, { err });
            }
        }
        const memo = this.memos.get(key) as { value: T } | { err: unknown };
        if ("err" in memo) {
            throw memo.err;
        }
        return memo.value;
    }
}

function idKey(type: string, id: string | undefined): string | undefined {
    return id === undefined ? undefined : `${type}\n${id.toLowerCase()}`;
}

/** Verdicts already reached, per rule list (an NSG's, as built once per plan) and flow. */
const verdicts = new WeakMap<readonly NsgRule[], Map<string, NsgRule>>();
/** A number per list of service tag prefixes, so that a flow's key need not spell them out. */
const prefixLists = new WeakMap<readonly string[], number>();

let nextPrefixList = 0;

function flowKey(flow: Flow, vnetPrefixes: readonly string[]): string {
    const tagPrefixes = flow.destinationTag === undefined ? undefined : flow.destinationTagPrefixes;
    let prefixes: number | undefined;
    if (tagPrefixes !== undefined) {
        prefixes = prefixLists.get(tagPrefixes);
        if (prefixes === undefined) {
            prefixes = nextPrefixList++;
            prefixLists.set(tagPrefixes, prefixes);
        }
    }
    return [flow.direction, flow.protocol, flow.sourceIp, flow.destinationIp, flow.destinationTag, flow.destinationPort, prefixes, vnetPrefixes.join(",")].join("|");
}

/**
 * The rulebook's deciding rule, remembered per rule list and flow: VMs with a dynamic address
 * in one subnet send the same flows through the same NSGs. The rules must not change once
 * decided on (the lists the index's users build never do).
 */
export function decide(rules: readonly NsgRule[], flow: Flow, vnetPrefixes: readonly string[]): NsgRule {
    let known = verdicts.get(rules);
    if (known === undefined) {
        known = new Map();
        verdicts.set(rules, known);
    }
    const key = flowKey(flow, vnetPrefixes);
    let rule = known.get(key);
    if (rule === undefined) {
        rule = decidingRule(rules, flow, vnetPrefixes);
        known.set(key, rule);
    }
    return rule;
}
