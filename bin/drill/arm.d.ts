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
export declare const ARM_AUDIENCE = "https://management.azure.com/";
export declare class ArmError extends Error {
    readonly method: string;
    readonly url: string;
    readonly status: number;
    readonly code: string;
    constructor(method: string, url: string, status: number, code: string, detail: string);
}
/** ARM could not be reached at all (connection refused, DNS, TLS, timeout of a single request). */
export declare class ArmUnreachableError extends Error {
}
/** A step ran past its deadline. */
export declare class DeadlineError extends Error {
}
/** A write the drill must never make (outside the drill resource group, except the restore call). */
export declare class ForbiddenWriteError extends Error {
}
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
export declare class ArmClient {
    private readonly options;
    readonly origin: string;
    private readonly base;
    constructor(options: ArmClientOptions);
    url(path: string, apiVersion?: string, query?: Record<string, string>): string;
    /** One request with the retries every caller wants; non-2xx answers are returned, not thrown. */
    send(method: string, url: string, options: RequestOptions): Promise<ArmResponse>;
    /** A request whose non-2xx answer is an ArmError. */
    call(method: string, url: string, options: RequestOptions): Promise<ArmResponse>;
    get(path: string, apiVersion: string, deadline: number, query?: Record<string, string>): Promise<any>;
    /** GET that answers undefined for 404. */
    find(path: string, apiVersion: string, deadline: number): Promise<any | undefined>;
    /** Every item of a paged list, following nextLink. */
    list(path: string, apiVersion: string, deadline: number, query?: Record<string, string>): Promise<any[]>;
    /**
     * Follows a long-running operation to its end. Azure-AsyncOperation answers a status body
     * (`status` InProgress/Succeeded/Failed/Canceled, `error`); Location answers 202 while running
     * and 200/204 when done. Returns the final status body (or the Location result).
     */
    followOperation(response: ArmResponse, deadline: number, what: string): Promise<any>;
    private sleep;
}
export declare function toArmError(method: string, url: string, response: ArmResponse): ArmError;
/** Retry-After in seconds or as an HTTP date (RFC 9110 10.2.3). */
export declare function retryAfterMs(headers: Headers): number | undefined;
export declare function shortUrl(url: string): string;
/** https:// anywhere, plain http:// only to a loopback address. */
export declare function endpointProblem(raw: string): string | undefined;
export {};
