export declare const MONITOR_AUDIENCE = "https://monitor.azure.com/";
export declare class TokenError extends Error {
}
export type TokenSource = (audience: string) => Promise<string>;
export declare function tokenSource(env: NodeJS.ProcessEnv, armAudience: string): TokenSource;
