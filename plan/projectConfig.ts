/**
 * Reads configuration the way the Pulumi CLI hands it to a program: `Pulumi.yaml` defaults,
 * then `Pulumi.<stack>.yaml`, then `--config` overrides, all as strings keyed `namespace:key`.
 * The stack file's values and the CLI's `--config` are held to Pulumi.yaml's declared types as the
 * CLI holds them (plan/configTypes.ts), so the offline plan takes exactly what `pulumi preview` takes.
 */
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { InvalidSettingError } from "../policy/rulebook/errors";
import { checkConfigType, ConfigType } from "./configTypes";

interface ProjectFile {
    name: string;
    config?: Record<string, unknown>;
}

export interface ProjectConfig {
    project: string;
    config: Record<string, string>;
}

/**
 * `overrides` are values as the program receives them (lists as JSON), for tests and benchmarks;
 * `stackValues` are values as the stack stores them after `pulumi config set [--path]` (the plan
 * CLI's `--config`), type-checked like the stack file's.
 */
export function loadProjectConfig(projectDir: string, stack: string, overrides: Record<string, string>, stackValues: Record<string, unknown> = {}): ProjectConfig {
    const projectFile = yaml.load(fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8")) as ProjectFile;
    const project = projectFile.name;
    const qualify = (key: string) => (key.includes(":") ? key : `${project}:${key}`);

    const config: Record<string, string> = {};
    const required: string[] = [];
    const types: Record<string, ConfigType> = {};
    /** A stack's value is held to its key's declared type (project.go, ValidateStackConfigValue). */
    const typed = (key: string, value: unknown) => {
        const declared = types[qualify(key)];
        if (declared) {
            checkConfigType(key, declared, value);
        }
        return asConfigString(value);
    };
    for (const [key, declaration] of Object.entries(projectFile.config ?? {})) {
        const schema = typeof declaration === "object" && declaration !== null ? (declaration as Record<string, unknown>) : { value: declaration };
        if (typeof schema.type === "string") {
            types[qualify(key)] = schema as ConfigType;
        }
        const value = "value" in schema ? schema.value : schema.default;
        if (value === undefined) {
            required.push(qualify(key));
        } else {
            config[qualify(key)] = asConfigString(value);
        }
    }

    const stackPath = path.join(projectDir, `Pulumi.${stack}.yaml`);
    if (fs.existsSync(stackPath)) {
        const stackFile = (yaml.load(fs.readFileSync(stackPath, "utf8")) ?? {}) as { config?: Record<string, unknown> };
        for (const [key, value] of Object.entries(stackFile.config ?? {})) {
            if (value && typeof value === "object" && "secure" in value) {
                throw new InvalidSettingError(key, `is encrypted in ${path.basename(stackPath)} and cannot be read offline; pass it with --config ${key}=VALUE`);
            }
            config[qualify(key)] = typed(key, value);
        }
    }
    for (const [key, value] of Object.entries(stackValues)) {
        config[qualify(key)] = typed(key, value);
    }

    for (const [key, value] of Object.entries(overrides)) {
        config[qualify(key)] = value;
    }
    const missing = required.find((key) => config[key] === undefined);
    if (missing) {
        throw new InvalidSettingError(missing, "has no value: set it in the stack's config file or with --config");
    }
    return { project, config };
}

/** Pulumi passes scalars as their text and lists and objects as JSON. */
function asConfigString(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}
