/** RFC 4122 appendix C's namespace for URLs; the names hashed here are ARM ids and paths. */
export declare const URL_NAMESPACE = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";
/** The version 5 UUID of `name` in `namespace`: the same name always gives the same UUID. */
export declare function uuidV5(name: string, namespace?: string): string;
