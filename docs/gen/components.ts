/**
 * docs/components.md, from the sources by the TypeScript parser: the components the barrel
 * (components/index.ts) exports, each with its arguments (the constructor's `args` interface,
 * inherited members included: name, type, `@default`, JSDoc) and its public outputs, then the
 * interfaces the barrel exports as types, which the arguments are made of.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { GENERATED_NOTICE, githubSlug, markdownCell } from "./markdown";

interface Documented {
    description: string;
    defaultValue?: string;
}

interface Member extends Documented {
    name: string;
    type: string;
    optional: boolean;
    /** The interface that declares it, when inherited. */
    from?: string;
}

interface InterfaceDoc extends Documented {
    name: string;
    file: string;
    bases: string[];
    members: Member[];
}

interface ComponentDoc extends Documented {
    name: string;
    file: string;
    argsType: string;
    outputs: Member[];
}

/** The JSDoc of a node (not a file's header comment, which a blank line parts from it): its text, and its `@default` tag. */
function jsDocOf(node: ts.Node): Documented {
    const text = node.getSourceFile().text;
    const attached = ((node as { jsDoc?: ts.JSDoc[] }).jsDoc ?? []).filter((doc) => !/\n\s*\n/.test(text.slice(doc.end, node.getStart())));
    const docs = attached.slice(-1);
    const description = docs.map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? "").join(" ");
    const tag = docs.flatMap((doc) => doc.tags ?? []).find((t) => t.tagName.text === "default");
    const defaultValue = tag ? ts.getTextOfJSDocComment(tag.comment)?.trim() : undefined;
    const deprecated = docs.flatMap((doc) => doc.tags ?? []).find((t) => t.tagName.text === "deprecated");
    const deprecation = deprecated ? `**Deprecated.** ${ts.getTextOfJSDocComment(deprecated.comment)?.trim() ?? ""}`.trim() : "";
    // Paragraphs stay paragraphs; lines within one are joined.
    const paragraphs = [deprecation, ...description.split(/\n\s*\n/)].map((paragraph) => paragraph.replace(/\s+/g, " ").trim());
    return { description: paragraphs.filter((p) => p !== "").join("\n\n"), defaultValue };
}

function parse(file: string): ts.SourceFile {
    return ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
}

function memberOf(member: ts.TypeElement | ts.ClassElement, source: ts.SourceFile): Member | undefined {
    if (!(ts.isPropertySignature(member) || ts.isPropertyDeclaration(member)) || !member.name || !ts.isIdentifier(member.name)) {
        return undefined;
    }
    return {
        name: member.name.text,
        type: member.type ? member.type.getText(source).replace(/\s+/g, " ") : "unknown",
        optional: member.questionToken !== undefined,
        ...jsDocOf(member),
    };
}

/** The barrel's exports, in its order: value exports (the component candidates) and type exports, each with the file it comes from. */
function barrelExports(barrel: string): { values: { name: string; file: string }[]; types: { name: string; file: string }[] } {
    const source = parse(barrel);
    const values: { name: string; file: string }[] = [];
    const types: { name: string; file: string }[] = [];
    for (const statement of source.statements) {
        if (!ts.isExportDeclaration(statement) || !statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) {
            continue;
        }
        if (!statement.exportClause || !ts.isNamedExports(statement.exportClause)) {
            continue;
        }
        const file = path.resolve(path.dirname(barrel), statement.moduleSpecifier.text + ".ts");
        for (const element of statement.exportClause.elements) {
            (statement.isTypeOnly || element.isTypeOnly ? types : values).push({ name: element.name.text, file });
        }
    }
    return { values, types };
}

/** Every interface declared in the given files, by name. */
function interfacesIn(files: string[]): Map<string, InterfaceDoc> {
    const found = new Map<string, InterfaceDoc>();
    for (const file of files) {
        const source = parse(file);
        for (const statement of source.statements) {
            if (ts.isInterfaceDeclaration(statement)) {
                const bases = (statement.heritageClauses ?? []).flatMap((clause) => clause.types.map((type) => type.expression.getText(source)));
                const members = statement.members.map((member) => memberOf(member, source)).filter((m): m is Member => m !== undefined);
                found.set(statement.name.text, { name: statement.name.text, file, bases, members, ...jsDocOf(statement) });
            }
        }
    }
    return found;
}

/** An interface's members, its own first, then those it inherits (each marked with the interface that declares it). */
function allMembers(name: string, interfaces: Map<string, InterfaceDoc>): Member[] {
    const declared = interfaces.get(name);
    if (!declared) {
        throw new Error(`docs/gen/components.ts: interface ${name} is not declared in the files components/index.ts exports from`);
    }
    const inherited = declared.bases.flatMap((base) => allMembers(base, interfaces).map((member) => ({ ...member, from: member.from ?? base })));
    const own = new Set(declared.members.map((member) => member.name));
    return [...declared.members, ...inherited.filter((member) => !own.has(member.name))];
}

/** A class of the file that extends `pulumi.ComponentResource`, with its args interface and public readonly outputs. */
function componentIn(name: string, file: string): ComponentDoc | undefined {
    const source = parse(file);
    const declaration = source.statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === name);
    const extendsComponent = declaration?.heritageClauses?.some((clause) => clause.types.some((type) => type.expression.getText(source).endsWith("ComponentResource")));
    if (!declaration || !extendsComponent) {
        return undefined;
    }
    const constructor = declaration.members.find(ts.isConstructorDeclaration);
    const argsType = constructor?.parameters[1]?.type?.getText(source);
    if (!argsType) {
        throw new Error(`docs/gen/components.ts: ${name}'s constructor takes no typed args`);
    }
    const isPublic = (member: ts.ClassElement) =>
        !ts.getModifiers(member as ts.PropertyDeclaration)?.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword || m.kind === ts.SyntaxKind.StaticKeyword) &&
        !(member.name && ts.isPrivateIdentifier(member.name));
    const outputs = declaration.members
        .filter((member) => ts.isPropertyDeclaration(member) && isPublic(member))
        .map((member) => memberOf(member, source))
        .filter((m): m is Member => m !== undefined);
    return { name, file, argsType, outputs, ...jsDocOf(declaration) };
}

const code = (text: string) => "`" + text + "`";

function argumentsTable(members: Member[], column = "argument"): string[] {
    return [
        `| ${column} | type | default | description |`,
        "| --- | --- | --- | --- |",
        ...members.map((member) => {
            const defaultValue = member.defaultValue ?? (member.optional ? "" : "required");
            const description = member.from ? `${member.description} (from ${code(member.from)})`.trim() : member.description;
            return `| ${code(member.name)} | ${markdownCell(code(member.type))} | ${markdownCell(defaultValue)} | ${markdownCell(description)} |`;
        }),
    ];
}

function relative(projectDir: string, file: string): string {
    return path.relative(projectDir, file).split(path.sep).join("/");
}

export function renderComponents(projectDir: string): string {
    const barrel = path.join(projectDir, "components", "index.ts");
    const { values, types } = barrelExports(barrel);
    const files = [...new Set([barrel, ...values.map((v) => v.file), ...types.map((t) => t.file), ...fs.readdirSync(path.dirname(barrel)).map((f) => path.join(path.dirname(barrel), f))])].filter((f) => f.endsWith(".ts") && fs.existsSync(f));
    const interfaces = interfacesIn(files);
    const components = values.map(({ name, file }) => componentIn(name, file)).filter((c): c is ComponentDoc => c !== undefined);
    const argsTypes = new Set(components.map((component) => component.argsType));
    const argumentTypes = types.filter(({ name }) => interfaces.has(name) && !argsTypes.has(name));

    const lines = [
        "# Components reference",
        "",
        GENERATED_NOTICE("the sources in components/ (JSDoc and `@default` tags)"),
        "",
        "Every component `components/index.ts` exports, in its order: what it creates, its arguments",
        "(inherited ones marked with the interface they come from) and its outputs; then the types the",
        "arguments are made of. Every component is a `pulumi.ComponentResource` taking",
        "`(name, args, opts?)`; an argument it refuses raises `InvalidSettingError`, naming the argument.",
        "How they fit together: [use the components in your own stack](using-components.md).",
        "",
        ...components.map((component) => `- [${component.name}](#${githubSlug(component.name)})`),
        `- [Argument types](#argument-types)`,
    ];
    for (const component of components) {
        lines.push("", `## ${component.name}`, "", `\`import { ${component.name} } from "backup-ready"\` (${code(relative(projectDir, component.file))})`, "");
        if (component.description) {
            lines.push(component.description, "");
        }
        lines.push(`### Arguments (${code(component.argsType)})`, "", ...argumentsTable(allMembers(component.argsType, interfaces)), "");
        lines.push("### Outputs", "");
        if (component.outputs.length === 0) {
            lines.push("None: its resources are its children.");
        } else {
            lines.push("| output | type | description |", "| --- | --- | --- |");
            for (const output of component.outputs) {
                lines.push(`| ${code(output.name)} | ${markdownCell(code(output.type))} | ${markdownCell(output.description)} |`);
            }
        }
    }
    lines.push("", "## Argument types", "", "The interfaces the barrel exports as types, beyond each component's own arguments.");
    for (const { name } of argumentTypes) {
        const declared = interfaces.get(name) as InterfaceDoc;
        lines.push("", `### ${name}`, "", `(${code(relative(projectDir, declared.file))})`, "");
        if (declared.description) {
            lines.push(declared.description, "");
        }
        lines.push(...argumentsTable(allMembers(name, interfaces), "member"));
    }
    return lines.join("\n") + "\n";
}
