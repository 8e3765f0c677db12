/**
 * A small Azure Resource Manager client on Node's fetch: bearer token, api-version per call,
 * CloudError bodies, 429/409 retries that honour Retry-After, long-running operations followed
 * through Azure-AsyncOperation or Location, and every wait bounded by a deadline.
 *
 * Shapes it relies on (Azure/azure-rest-api-specs):
 * - errors: `{"error":{"code","message"}}` (CloudError, e.g.
 *   specification/compute/resource-manager/Microsoft.Compute/ComputeRP/stable/2024-11-01/computeRPCommon.json);
 * - 202 + Location / Azure-AsyncOperation + Retry-After (e.g.
 *   specification/recoveryservicesbackup/resource-manager/Microsoft.RecoveryServices/stable/2024-10-01/examples/AzureIaasVm/TriggerRestore_ALR_IaasVMRestoreRequest.json,
 *   specification/compute/resource-manager/Microsoft.Compute/ComputeRP/stable/2024-11-01/examples/virtualMachineExamples/VirtualMachine_Delete_Force.json);
 * - lists `{ value: [...], nextLink }`.
 */

export const ARM_AUDIENCE = "https://management.azure.com/";

export class ArmError extends Error {
    constructor(
        readonly method: string,
        readonly url: string,
        readonly status: number,
        readonly code: string,
        detail: string,
    ) {
        super(`${method} ${shortUrl(url)} answered ${status} ${code}: ${detail}`);
    }
}

/** ARM could not be reached at all (connection refused, DNS, TLS, timeout of a single request). */
export class ArmUnreachableError extends Error {}

/** A step ran past its deadline. */
export class DeadlineError extends Error {}

/** A write the drill must never make (outside the drill resource group, except the restore call). */
export class ForbiddenWriteError extends Error {}

export interface ArmResponse {
    status: number;
    headers: Headers;
    body: any;
}

export interface ArmClientOptions {
    endpoint: string;
    token: () => Promise<string>;
    /** The wait between polls when the service names none. */
    pollMs: number;
    /** Throws ForbiddenWriteError for a write the caller must never make. */
    checkWrite: (method: string, path: string) => void;
    requestTimeoutMs?: number;
}

interface RequestOptions {
    body?: unknown;
    deadline: number;
    /** Retry 409 Conflict (deletes of disks and NICs while their VM is still going away). */
    retryConflict?: boolean;
}

const MAX_ATTEMPTS = 30;
const MAX_TRANSIENT_ATTEMPTS = 4;
const MAX_PAGES = 200;
const MAX_POLLS = 100_000;

export class ArmClient {
    readonly origin: string;
    private readonly base: string;

    constructor(private readonly options: ArmClientOptions) {
        const url = new URL(options.endpoint);
        this.origin = url.origin;
        this.base = url.href.replace(/\/+$/, "");
    }

    url(path: string, apiVersion?: string, query: Record<string, string> = {}): string {
        const url = new URL(path.startsWith("http") ? path : `${this.base}${path}`);
        if (apiVersion) {
            url.searchParams.set("api-version", apiVersion);
        }
        for (const [key, value] of Object.entries(query)) {
            url.searchParams.set(key, value);
        }
        return url.href;
    }

    /** One request with the retries every caller wants; non-2xx answers are returned, not thrown. */
    async send(method: string, url: string, options: RequestOptions): Promise<ArmResponse> {
        const target = new URL(url);
        if (target.origin !== this.origin) {
            // A Location or nextLink on another origin would receive our token.
            throw new ArmError(method, url, 0, "ForeignOrigin", `refusing to send the token to ${target.origin}`);
        }
        if (method !== "GET") {
            this.options.checkWrite(method, target.pathname);
        }
        let transient = 0;
        for (let attempt = 1; ; attempt++) {
            const remaining = options.deadline - Date.now();
            if (remaining <= 0) {
                throw new DeadlineError(`${method} ${shortUrl(url)}: out of time`);
            }
            let response: Response;
            try {
                response = await fetch(url, {
                    method,
                    headers: {
                        authorization: `Bearer ${await this.options.token()}`,
                        ...(options.body === undefined ? {} : { "content-type": "application/json" }),
                    },
                    body: options.body === undefined ? undefined : JSON.stringify(options.body),
                    signal: AbortSignal.timeout(Math.min(remaining, this.options.requestTimeoutMs ?? 60_000)),
                });
            } catch (error) {
                transient++;
                const idempotent = method === "GET" || method === "DELETE";
                if (!idempotent || transient >= MAX_TRANSIENT_ATTEMPTS) {
                    throw new ArmUnreachableError(`${method} ${shortUrl(url)}: ${describeFetchError(error)}`);
                }
                await this.sleep(this.options.pollMs, options.deadline, url);
                continue;
            }
            const body = await readBody(response);
            const retryable =
                response.status === 429 ||
                (response.status === 409 && options.retryConflict === true) ||
                (response.status >= 500 && (method === "GET" || method === "DELETE") && ++transient < MAX_TRANSIENT_ATTEMPTS);
            if (retryable && attempt < MAX_ATTEMPTS) {
                await this.sleep(retryAfterMs(response.headers) ?? this.options.pollMs, options.deadline, url);
                continue;
            }
            return { status: response.status, headers: response.headers, body };
        }
    }

    /** A request whose non-2xx answer is an ArmError. */
    async call(method: string, url: string, options: RequestOptions): Promise<ArmResponse> {
        const response = await this.send(method, url, options);
        if (response.status >= 300) {
            throw toArmError(method, url, response);
        }
        return response;
    }

    async get(path: string, apiVersion: string, deadline: number, query: Record<string, string> = {}): Promise<any> {
        return (await this.call("GET", this.url(path, apiVersion, query), { deadline })).body;
    }

    /** GET that answers undefined for 404. */
    async find(path: string, apiVersion: string, deadline: number): Promise<any | undefined> {
        const url = this.url(path, apiVersion);
        const response = await this.send("GET", url, { deadline });
        if (response.status === 404) {
            return undefined;
        }
        if (response.status >= 300) {
            throw toArmError("GET", url, response);
        }
        return response.body;
    }

    /** Every item of a paged list, following nextLink. */
    async list(path: string, apiVersion: string, deadline: number, query: Record<string, string> = {}): Promise<any[]> {
        const items: any[] = [];
        let url: string | undefined = this.url(path, apiVersion, query);
        for (let page = 0; url && page < MAX_PAGES; page++) {
            const body: any = (await this.call("GET", url, { deadline })).body;
            items.push(...(Array.isArray(body?.value) ? body.value : []));
            url = typeof body?.nextLink === "string" && body.nextLink !== "" ? body.nextLink : undefined;
        }
        return items;
    }

    /**
     * Follows a long-running operation to its end. Azure-AsyncOperation answers a status body
     * (`status` InProgress/Succeeded/Failed/Canceled, `error`); Location answers 202 while running
     * and 200/204 when done. Returns the final status body (or the Location result).
     */
    async followOperation(response: ArmResponse, deadline: number, what: string): Promise<any> {
        const asyncUrl = response.headers.get("azure-asyncoperation");
        const locationUrl = response.headers.get("location");
        if (response.status !== 201 && response.status !== 202) {
            return response.body;
        }
        let wait = retryAfterMs(response.headers) ?? this.options.pollMs;
        for (let poll = 0; poll < MAX_POLLS; poll++) {
            await this.sleep(wait, deadline, what);
            if (asyncUrl) {
                const status = await this.call("GET", asyncUrl, { deadline });
                const state = String(status.body?.status ?? "");
                if (/^(succeeded|failed|canceled|cancelled)$/i.test(state)) {
                    if (!/^succeeded$/i.test(state)) {
                        const error = status.body?.error ?? {};
                        throw new ArmError("GET", asyncUrl, status.status, String(error.code ?? state), String(error.message ?? `${what} ${state}`));
                    }
                    return status.body;
                }
                wait = retryAfterMs(status.headers) ?? this.options.pollMs;
            } else if (locationUrl) {
                const result = await this.call("GET", locationUrl, { deadline });
                if (result.status !== 202) {
                    return result.body;
                }
                wait = retryAfterMs(result.headers) ?? this.options.pollMs;
            } else {
                return response.body;
            }
        }
        throw new DeadlineError(`${what}: too many polls`);
    }

    private async sleep(ms: number, deadline: number, what: string): Promise<void> {
        const wait = Math.max(0, ms);
        if (Date.now() + wait > deadline) {
            throw new DeadlineError(`${shortUrl(what)}: out of time`);
        }
        await new Promise((resolve) => setTimeout(resolve, wait));
    }
}

async function readBody(response: Response): Promise<any> {
    const text = await response.text();
    if (text === "") {
        return undefined;
    }
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
}

export function toArmError(method: string, url: string, response: ArmResponse): ArmError {
    const error = response.body?.error ?? {};
    const code = typeof error.code === "string" ? error.code : String(response.status);
    const message = typeof error.message === "string" ? error.message : typeof response.body === "string" ? response.body.slice(0, 200) : "";
    return new ArmError(method, url, response.status, code, message);
}

/** Retry-After in seconds or as an HTTP date (RFC 9110 10.2.3). */
export function retryAfterMs(headers: Headers): number | undefined {
    const value = headers.get("retry-after");
    if (value === null || value.trim() === "") {
        return undefined;
    }
    if (/^\d+$/.test(value.trim())) {
        return Number(value.trim()) * 1000;
    }
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function describeFetchError(error: unknown): string {
    const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
    if (cause?.code) {
        return cause.code;
    }
    return error instanceof Error ? error.message : String(error);
}

export function shortUrl(url: string): string {
    try {
        const parsed = new URL(url);
        return parsed.pathname;
    } catch {
        return url;
    }
}

/** https:// anywhere, plain http:// only to a loopback address. */
export function endpointProblem(raw: string): string | undefined {
    let url: URL;
    try {
        url = new URL(raw);
    } catch {
        return "is not a URL";
    }
    if (url.protocol === "https:") {
        return undefined;
    }
    if (url.protocol === "http:" && isLoopback(url.hostname)) {
        return undefined;
    }
    if (url.protocol === "http:") {
        return `uses plain http:// on ${url.hostname}, which is not a loopback address: a bearer token is only sent in clear to 127.0.0.0/8, ::1 or localhost`;
    }
    return `has the scheme ${url.protocol}; only https:// (or http:// on a loopback address) is allowed`;
}

function isLoopback(hostname: string): boolean {
    const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
    return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
