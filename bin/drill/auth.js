"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TokenError = exports.MONITOR_AUDIENCE = void 0;
exports.tokenSource = tokenSource;
/**
 * Access tokens without an SDK: ARM_ACCESS_TOKEN for ARM when set, otherwise the managed identity
 * that Azure Container Apps (and App Service) expose through IDENTITY_ENDPOINT + IDENTITY_HEADER
 * (GET ?resource=…&api-version=2019-08-01[&client_id=…] with header X-IDENTITY-HEADER, answering
 * { access_token, expires_on }; Learn: "Managed identities in Azure Container Apps", REST endpoint
 * reference), otherwise the Azure CLI (`az account get-access-token --resource …`, answering
 * { accessToken, expires_on }).
 */
const child_process_1 = require("child_process");
const arm_1 = require("./arm");
exports.MONITOR_AUDIENCE = "https://monitor.azure.com/";
class TokenError extends Error {
}
exports.TokenError = TokenError;
const REFRESH_MARGIN_MS = 5 * 60_000;
const TOKEN_TIMEOUT_MS = 30_000;
function tokenSource(env, armAudience) {
    const cache = new Map();
    return async (audience) => {
        if (audience === armAudience && env.ARM_ACCESS_TOKEN) {
            return env.ARM_ACCESS_TOKEN;
        }
        const hit = cache.get(audience);
        if (hit && hit.expiresAt - REFRESH_MARGIN_MS > Date.now()) {
            return hit.token;
        }
        const fresh = env.IDENTITY_ENDPOINT && env.IDENTITY_HEADER
            ? await managedIdentityToken(env.IDENTITY_ENDPOINT, env.IDENTITY_HEADER, audience, env.AZURE_CLIENT_ID)
            : await azureCliToken(audience);
        cache.set(audience, fresh);
        return fresh.token;
    };
}
async function managedIdentityToken(endpoint, header, audience, clientId) {
    const problem = (0, arm_1.endpointProblem)(endpoint);
    if (problem) {
        throw new TokenError(`IDENTITY_ENDPOINT ${problem}`);
    }
    const url = new URL(endpoint);
    url.searchParams.set("resource", audience);
    url.searchParams.set("api-version", "2019-08-01");
    if (clientId) {
        url.searchParams.set("client_id", clientId);
    }
    let response;
    try {
        response = await fetch(url, { headers: { "X-IDENTITY-HEADER": header }, signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS) });
    }
    catch (error) {
        throw new TokenError(`managed identity endpoint unreachable: ${error.message}`);
    }
    const body = await response.json().catch(() => undefined);
    if (!response.ok || typeof body?.access_token !== "string") {
        throw new TokenError(`managed identity answered ${response.status} for ${audience}${body?.error_description ? `: ${body.error_description}` : ""}`);
    }
    return { token: body.access_token, expiresAt: expiry(body.expires_on) };
}
function azureCliToken(audience) {
    return new Promise((resolve, reject) => {
        (0, child_process_1.execFile)("az", ["account", "get-access-token", "--resource", audience, "--output", "json"], { timeout: TOKEN_TIMEOUT_MS }, (error, stdout, stderr) => {
            if (error) {
                const reason = error.code === "ENOENT" ? "the Azure CLI (az) is not installed" : String(stderr).trim().split("\n")[0] || error.message;
                reject(new TokenError(`no credentials: ARM_ACCESS_TOKEN is unset, no managed identity (IDENTITY_ENDPOINT) and ${reason}`));
                return;
            }
            try {
                const body = JSON.parse(stdout);
                resolve({ token: body.accessToken, expiresAt: expiry(body.expires_on ?? body.expiresOn) });
            }
            catch {
                reject(new TokenError("az account get-access-token printed no JSON"));
            }
        });
    });
}
/** expires_on is epoch seconds (as a number or string) or, from older CLIs, a local date string. */
function expiry(value) {
    if (typeof value === "number" || (typeof value === "string" && /^\d+$/.test(value))) {
        return Number(value) * 1000;
    }
    const parsed = typeof value === "string" ? Date.parse(value) : NaN;
    return Number.isNaN(parsed) ? Date.now() + 10 * 60_000 : parsed;
}
