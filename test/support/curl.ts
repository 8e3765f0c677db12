/** curl as a test client: what the proxy answered to CONNECT, the HTTP status, the body. */
import { Host } from "./netns";
import { programPath } from "./programs";
import { SYSTEM_PATH } from "./processes";

export interface CurlRequest {
    url: string;
    /** Use this proxy (`--proxy`); absent, the environment decides. */
    proxy?: string;
    /** Open the connection directly, whatever the environment says (`--noproxy '*'`). */
    direct?: boolean;
    /** Tunnel even plain HTTP through the proxy with CONNECT (`--proxytunnel`). */
    tunnel?: boolean;
    /** The source address (`--interface`). */
    source?: string;
    /** The only variables besides PATH that curl sees. */
    env?: Record<string, string>;
    /** Seconds to wait for a TCP connection; a dropped SYN shows as exit code 28 after it. */
    connectTimeout?: number;
}

export interface CurlResult {
    exitCode: number | null;
    /** The proxy's answer to CONNECT, 0 when there was none. */
    connectCode: number;
    /** The HTTP status, 0 when there was none. */
    httpCode: number;
    body: string;
    stderr: string;
}

/** curl's exit code for a timeout: no answer at all, as when a filter drops the packets. */
export const CURL_TIMED_OUT = 28;

const MARK = "\n@@curl ";

export function curlArgs(request: CurlRequest): string[] {
    return [
        "--silent",
        "--show-error",
        "--connect-timeout",
        String(request.connectTimeout ?? 3),
        "--max-time",
        "8",
        "--write-out",
        `${MARK}%{http_connect} %{http_code}`,
        ...(request.proxy ? ["--proxy", request.proxy] : []),
        ...(request.direct ? ["--noproxy", "*"] : []),
        ...(request.tunnel ? ["--proxytunnel"] : []),
        ...(request.source ? ["--interface", request.source] : []),
        request.url,
    ];
}

export function parseCurlOutput(stdout: string): Pick<CurlResult, "connectCode" | "httpCode" | "body"> {
    const at = stdout.lastIndexOf(MARK);
    if (at < 0) {
        throw new Error(`curl wrote no status line:\n${stdout}`);
    }
    const [connectCode, httpCode] = stdout.slice(at + MARK.length).trim().split(" ").map(Number);
    return { connectCode, httpCode, body: stdout.slice(0, at) };
}

export async function curl(host: Host, request: CurlRequest): Promise<CurlResult> {
    const result = await host.run(programPath("curl"), curlArgs(request), { env: { PATH: SYSTEM_PATH, ...request.env }, timeoutMs: 15_000 });
    return { exitCode: result.code, stderr: result.stderr, ...parseCurlOutput(result.stdout) };
}
