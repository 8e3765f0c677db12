/**
 * Access tokens without an SDK: ARM_ACCESS_TOKEN for ARM when set, otherwise the managed identity
 * that Azure Container Apps (and App Service) expose through IDENTITY_ENDPOINT + IDENTITY_HEADER
 * (GET ?resource=…&api-version=2019-08-01[&client_id=…] with header X-IDENTITY-HEADER, answering
 * { access_token, expires_on }; Learn: "Managed identities in Azure Container Apps", REST endpoint
 * reference), otherwise the Azure CLI (`az account get-access-token --resource …`, answering
 * { accessToken, expires_on }).
 */
import { execFile } from "child_process";
import { endpointProblem } from "./arm";

export const MONITOR_AUDIENCE = "https://monitor.azure.com/";

export class TokenError extends Error {}

export type TokenSource = (audience: string) => Promise<string>;

interface Cached {
    token: string;
    expiresAt: number;
}

const REFRESH_MARGIN_MS = 5 * 60_000;
const TOKEN_TIMEOUT_MS = 30_000;

export function tokenSource(env: NodeJS.ProcessEnv, armAudience: string): TokenSource {
    const cache = new Map<string, Cached>();
    return async (audience) => {
        if (audience === armAudience && env.ARM_ACCESS_TOKEN) {
            return env.ARM_ACCESS_TOKEN;
        }
        const hit = cache.get(audience);
        if (hit && hit.expiresAt - REFRESH_MARGIN_MS > Date.now()) {
            return hit.token;
        }
        const fresh =
            env.IDENTITY_ENDPOINT && env.IDENTITY_HEADER
                ? await managedIdentityToken(env.IDENTITY_ENDPOINT, env.IDENTITY_HEADER, audience, env.AZURE_CLIENT_ID)
                : await azureCliToken(audience);
        cache.set(audience, fresh);
        return fresh.token;
    };
}

async function managedIdentityToken(endpoint: string, header: string, audience: string, clientId?: string): Promise<Cached> {
    const problem = endpointProblem(endpoint);
    if (problem) {
        throw new TokenError(`IDENTITY_ENDPOINT ${problem}`);
    }
    const url = new URL(endpoint);
    url.searchParams.set("resource", audience);
    url.searchParams.set("api-version", "2019-08-01");
    if (clientId) {
        url.searchParams.set("client_id", clientId);
    }
    let response: Response;
    try {
        response = await fetch(url, { headers: { "X-IDENTITY-HEADER": header }, signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS) });
    } catch (error) {
        throw new TokenError(`managed identity endpoint unreachable: ${(error as Error).message}`);
    }
    const body: any = await response.json().catch(() => undefined);
    if (!response.ok || typeof body?.access_token !== "string") {
        throw new TokenError(`managed identity answered ${response.status} for ${audience}${body?.error_description ? `: ${body.error_description}` : ""}`);
    }
    return { token: body.access_token, expiresAt: expiry(body.expires_on) };
}

function azureCliToken(audience: string): Promise<Cached> {
    return new Promise((resolve, reject) => {
        execFile(
            "az",
            ["account", "get-access-token", "--resource", audience, "--output", "json"],
            { timeout: TOKEN_TIMEOUT_MS },
            (error, stdout, stderr) => {
                if (error) {
                    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "the Azure CLI (az) is not installed" : String(stderr).trim().split("\n")[0] || error.message;
                    reject(new TokenError(`no credentials: ARM_ACCESS_TOKEN is unset, no managed identity (IDENTITY_ENDPOINT) and ${reason}`));
                    return;
                }
                try {
                    const body = JSON.parse(stdout);
                    resolve({ token: body.accessToken, expiresAt: expiry(body.expires_on ?? body.expiresOn) });
                } catch {
                    reject(new TokenError("az account get-access-token printed no JSON"));
                }
            },
        );
    });
}

/** expires_on is epoch seconds (as a number or string) or, from older CLIs, a local date string. */
function expiry(value: unknown): number {
    if (typeof value === "number" || (typeof value === "string" && /^\d+$/.test(value))) {
        return Number(value) * 1000;
    }
    const parsed = typeof value === "string" ? Date.parse(value) : NaN;
    return Number.isNaN(parsed) ? Date.now() + 10 * 60_000 : parsed;
}
