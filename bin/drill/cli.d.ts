import { Log } from "./drill";
import { RawSettings } from "./main";
export interface CliArgs {
    raw: RawSettings;
    report?: string;
}
export declare function parseArgs(argv: string[]): CliArgs;
export declare function main(argv: string[], env: NodeJS.ProcessEnv, log?: Log): Promise<number>;
