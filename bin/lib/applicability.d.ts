import type { RawConfig, SettingKey, Settings } from "../settings";
type Resolved = Omit<Settings, "topology">;
/** A condition a setting needs to have an effect, and how a user meets it. */
export interface Condition {
    /** What it applies with, as the error and the reference say it: `backupFrequency "Hourly"`. */
    when: string;
    /** The way to meet it: `set backupFrequency to "Hourly"`. */
    fix: string;
    holds(s: Resolved): boolean;
}
/** Every setting, and what it needs to have an effect; none means always. */
export declare const APPLICABILITY: Record<SettingKey, Condition[]>;
/** Whether the user set the key: a value other than none and other than its declared default. */
export declare function isSet(raw: RawConfig, key: SettingKey, defaults: Readonly<Partial<Record<SettingKey, unknown>>>): boolean;
/** Stops at the first setting set where it has no effect, naming it and what it needs. */
export declare function checkApplicability(raw: RawConfig, s: Resolved, defaults: Readonly<Partial<Record<SettingKey, unknown>>>): void;
/** The reference's words for where a setting applies: "always", or its conditions. */
export declare function applicabilityOf(key: string): string;
export {};
