/** One of a list of allowed values, or an error that names the setting and lists them. */
export declare function oneOf<T extends string | number>(setting: string, value: unknown, allowed: readonly T[], why?: string): T;
