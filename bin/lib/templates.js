"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.TEMPLATE_DIR = void 0;
exports.render = render;
exports.indent = indent;
exports.toBase64 = toBase64;
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const mustache_1 = __importDefault(require("mustache"));
/** Where the templates are, both from the sources and from the compiled package. */
exports.TEMPLATE_DIR = [path.join(__dirname, "..", "templates"), path.join(__dirname, "..", "..", "templates")].find((dir) => fs.existsSync(dir));
/** Renders `templates/<name>.mustache` as plain text: values are inserted as they are, never HTML-escaped. */
function render(name, view) {
    const template = fs.readFileSync(path.join(exports.TEMPLATE_DIR, `${name}.mustache`), "utf8");
    return mustache_1.default.render(template, view, {}, { escape: (value) => value });
}
/** Indents every non-empty line, to place a rendered file inside a YAML block scalar. */
function indent(text, spaces) {
    const pad = " ".repeat(spaces);
    return text
        .replace(/\n$/, "")
        .split("\n")
        .map((line) => (line ? pad + line : line))
        .join("\n");
}
function toBase64(text) {
    return Buffer.from(text, "utf8").toString("base64");
}
