import { Log } from "./drill";
import { RawSettings } from "./main";
import { LogsTarget } from "./record";
export declare function rawSettingsOf(env: NodeJS.ProcessEnv): RawSettings;
export declare function logsTargetOf(env: NodeJS.ProcessEnv): LogsTarget;
export declare function runner(env: NodeJS.ProcessEnv, log?: Log): Promise<number>;
