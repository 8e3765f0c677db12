/**
 * Reads configuration the way the Pulumi CLI hands it to a program: `Pulumi.yaml` defaults,
 * then `Pulumi.<stack>.yaml`, then `--config` overrides, all as strings keyed `namespace:key`.
 */
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { InvalidSettingError } from "../policy/rulebook/errors";

interface ProjectFile {
    name: string;
    config?: Record<string, unknown>;
}

export interface ProjectConfig {
    project: string;
    config: Record<string, string>;
}

export function loadProjectConfig(projectDir: string, stack: string, overrides: Record<string, string>): ProjectConfig {
    const projectFile = yaml.load(fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8")) as ProjectFile;
    const project = projectFile.name;
    const qualify = (key: string) => (key.includes(":") ? key : `${project}:${key}`);

    const config: Record<string, string> = {};
    const required: string[] = [];
    for (const [key, declaration] of Object.entries(projectFile.config ?? {})) {
        const schema = typeof declaration === "object" && declaration !== null ? (declaration as Record<string, unknown>) : { value: declaration };
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
            config[qualify(key)] = asConfigString(value);
        }
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
