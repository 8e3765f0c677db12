/**
 * The Pulumi CLI's own rules for configuration, so that the offline plan takes exactly the forms
 * a real `pulumi preview` takes:
 * - `pulumi config set KEY VALUE` stores VALUE as text; with `--path` a path such as
 *   `alertEmails[0]` builds a list or object, its leaf "true"/"false" a boolean and an integer
 *   without a leading 0 a number (sdk/go/common/resource/config/map.go, adjustObjectValue);
 * - a key Pulumi.yaml declares with a `type` takes only a value of that type
 *   (sdk/go/common/workspace/project.go, ValidateConfigValue: text is an integer if it parses as
 *   one, a boolean if it is "true" or "false"; an array must be a list whose items match), and the
 *   CLI stops with "Stack 'dev' with configuration key 'alertEmails' must be of type
 *   'array<string>'" (ValidateStackConfigValue; pkg/workspace/config_project_test.go).
 */
import { InvalidSettingError } from "../policy/rulebook/errors";

export interface ConfigType {
    type?: string;
    items?: ConfigType;
}

/** A path's segments: `a.b`, `a[0]`, `a["b.c"]` (sdk/go/common/resource/properties_path.go, ParsePropertyPath). */
export function parseConfigPath(path: string): (string | number)[] {
    const segments: (string | number)[] = [];
    const token = /^(?:\.?([^.[\]"]+)|\[(\d+)\]|\["([^"]*)"\])/;
    let rest = path;
    while (rest !== "") {
        const match = token.exec(rest);
        if (!match || (segments.length === 0 && match[1] === undefined)) {
            throw new InvalidSettingError(path, "is not a config path such as alertEmails[0] or tags.env");
        }
        segments.push(match[1] ?? (match[2] !== undefined ? Number(match[2]) : match[3]));
        rest = rest.slice(match[0].length);
    }
    return segments;
}

/** A `--path` leaf as the CLI stores it (config/map.go, adjustObjectValue). */
function pathLeaf(value: string): unknown {
    if (value === "true" || value === "false") {
        return value === "true";
    }
    return (value.length > 1 && value.startsWith("0")) || !/^[-+]?\d+$/.test(value) ? value : Number(value);
}

/**
 * The stack's configuration after `pulumi config set [--path] KEY VALUE`: a plain key takes the
 * text, a path sets one item of a list or object, an index equal to the list's length appends.
 */
export function setConfig(config: Record<string, unknown>, key: string, value: string, path: boolean): void {
    const segments = path ? parseConfigPath(key) : [key];
    if (segments.length === 1) {
        config[segments[0] as string] = value;
        return;
    }
    let container = config as Record<string | number, unknown>;
    segments.slice(0, -1).forEach((segment, i) => {
        const next = segments[i + 1];
        if (container[segment] === undefined || typeof container[segment] !== "object") {
            container[segment] = typeof next === "number" ? [] : {};
        }
        container = container[segment] as Record<string | number, unknown>;
    });
    const last = segments[segments.length - 1];
    if (typeof last === "number" && Array.isArray(container) && last > container.length) {
        throw new InvalidSettingError(key, `is out of range: the list has ${container.length} items, set [${container.length}] first`);
    }
    container[last] = pathLeaf(value);
}

/** ValidateConfigValue of project.go: whether a stack's value has the declared type. */
export function matchesType(declared: ConfigType, value: unknown): boolean {
    switch (declared.type) {
        case "string":
            return typeof value === "string";
        case "integer":
            return (typeof value === "number" && Number.isInteger(value)) || (typeof value === "string" && /^[-+]?\d+$/.test(value));
        case "boolean":
            return typeof value === "boolean" || value === "true" || value === "false";
        case "object":
            return typeof value === "object" && value !== null && !Array.isArray(value);
        default:
            return Array.isArray(value) && declared.items !== undefined && value.every((item) => matchesType(declared.items as ConfigType, item));
    }
}

/** InferFullTypeName of project.go: `array<string>`. */
export function typeName(declared: ConfigType): string {
    return declared.items ? `array<${typeName(declared.items)}>` : (declared.type as string);
}

/** The CLI's refusal of a value of another type than Pulumi.yaml declares, as one line naming the key. */
export function checkConfigType(key: string, declared: ConfigType, value: unknown): void {
    if (declared.type !== undefined && !matchesType(declared, value)) {
        const hint = declared.type === "array" ? `; set it item by item, pulumi config set --path '${key}[0]' VALUE (--config '${key}[0]=VALUE' offline), or as a YAML list in the stack file` : "";
        throw new InvalidSettingError(key, `must be of type '${typeName(declared)}' as Pulumi.yaml declares it (the Pulumi CLI refuses any other)${hint}; got ${JSON.stringify(value)}`);
    }
}
