/** Where the templates are, both from the sources and from the compiled package. */
export declare const TEMPLATE_DIR: string;
/** Renders `templates/<name>.mustache` as plain text: values are inserted as they are, never HTML-escaped. */
export declare function render(name: string, view: object): string;
/** Indents every non-empty line, to place a rendered file inside a YAML block scalar. */
export declare function indent(text: string, spaces: number): string;
export declare function toBase64(text: string): string;
