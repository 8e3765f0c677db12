/**
 * What the offline diff says about the network: a load balancer frontend whose zones change (which
 * Azure refuses), and a private address that changes hands in one `pulumi up`: a
 * NIC or a load balancer frontend whose `privateIPAddress` changes in place. Whatever sends to the
 * old address (a proxy's clients) has nothing to answer it from the change until the resource that
 * takes the address over answers, since Azure gives an address to one IP configuration at a time
 * and the new holder can only take it once the old one has let go.
 */
import type { Plan } from "./engine";
import type { ChangeNote, ChangeOfResource } from "./vaultChanges";

interface IpConfigurations {
    ipConfigurations?: Array<{ privateIPAddress?: unknown }>;
    frontendIPConfigurations?: Array<{ privateIPAddress?: unknown }>;
}

/** Every private address a NIC or load balancer frontend of the plan holds, and the name of the resource holding it. */
export function privateAddressHolders(plan: Pick<Plan, "resources">): Map<string, string[]> {
    const holders = new Map<string, string[]>();
    for (const resource of plan.resources) {
        const inputs = resource.inputs as IpConfigurations;
        for (const { privateIPAddress } of [...(inputs.ipConfigurations ?? []), ...(inputs.frontendIPConfigurations ?? [])]) {
            if (typeof privateIPAddress === "string") {
                holders.set(privateIPAddress, [...(holders.get(privateIPAddress) ?? []), resource.name]);
            }
        }
    }
    return holders;
}

const FRONTEND_ZONES = /^frontendIPConfigurations\[[^\]]+\]\.zones/;

/**
 * A load balancer frontend's zones are set when it is created: Azure refuses to change them in
 * place ("Existing frontend IP address can't be modified to support availability zones",
 * https://learn.microsoft.com/azure/reliability/migrate-load-balancer; "Zones can't be changed, updated, or created for the resource after creation").
 */
export function frontendZoneNotes(change: ChangeOfResource & { name: string }): ChangeNote[] {
    return change.action === "update" && change.type === "azure-native:network:LoadBalancer" && change.properties.some((p) => FRONTEND_ZONES.test(p.path))
        ? [{ kind: "refused", text: "a frontend's zones changed: Azure will refuse it, a frontend keeps the zones it was created with" }]
        : [];
}

/** The notes for one change: each private address it gives up, and who takes it over. */
export function addressNotes(after: Pick<Plan, "resources">, change: ChangeOfResource & { name: string }): ChangeNote[] {
    if (change.action !== "update") {
        return [];
    }
    const moves = change.properties.filter((p) => p.path.endsWith("privateIPAddress") && typeof p.old === "string" && p.old !== p.new);
    if (moves.length === 0) {
        return [];
    }
    const holders = privateAddressHolders(after);
    return moves.map(({ old, new: next }) => {
        const taker = (holders.get(old as string) ?? []).find((name) => name !== change.name);
        const text = taker
            ? `${old} moves to ${next}, and \`${taker}\` takes ${old} after it: what sends to ${old} has no answer from the move until \`${taker}\` answers (minutes; run this \`pulumi up\` outside the backup window)`
            : `${old} moves to ${next}: what sends to ${old} has no answer until it is pointed at ${next}`;
        return { kind: "pauses", text };
    });
}
