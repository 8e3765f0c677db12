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
Object.defineProperty(exports, "__esModule", { value: true });
exports.dropApiVersionTypeAliases = void 0;
exports.isApiVersionTypeAlias = isApiVersionTypeAlias;
exports.withoutTypeAliases = withoutTypeAliases;
/**
 * Drops the type aliases the generated azure-native classes add to every resource: one
 * `{ type: "azure-native:<module>/v<api-version>:<Type>" }` per older API version, 25 to 60 of
 * them per class. The SDK turns each into an Output in every constructor, which makes a
 * thousand VMs cost gigabytes to plan. They only matter to a stack whose resources were
 * registered under an API-versioned type token; this project's components never do that.
 *
 * Every component takes `keepTypeAliases: true` to keep them (the reference environment's
 * `keepTypeAliases` setting).
 */
const pulumi = __importStar(require("@pulumi/pulumi"));
const PACKAGE = "azure-native";
const API_VERSION = /^v\d{8}[a-z0-9]*$/;
/**
 * True for an alias that names nothing but an API-versioned form of `resourceType`, as
 * azure-native adds: `azure-native:compute/v20230301:VirtualMachine` for
 * `azure-native:compute:VirtualMachine`. Aliases by URN, name, parent, stack or project, or to
 * another type, are someone's decision and are not touched.
 */
function isApiVersionTypeAlias(resourceType, alias) {
    if (typeof alias !== "object" || alias === null || pulumi.Output.isInstance(alias)) {
        return false;
    }
    const { type, ...others } = alias;
    if (typeof type !== "string" || Object.values(others).some((value) => value !== undefined)) {
        return false;
    }
    const [pkg, module, name] = resourceType.split(":");
    const [aliasPkg, aliasModule, aliasName] = type.split(":");
    const [moduleName, version, ...rest] = (aliasModule ?? "").split("/");
    return (pkg === PACKAGE &&
        aliasPkg === PACKAGE &&
        moduleName === module &&
        aliasName === name &&
        rest.length === 0 &&
        API_VERSION.test(version ?? ""));
}
/** A transformation that removes the API-versioned type aliases of every azure-native resource it sees. */
const dropApiVersionTypeAliases = ({ type, props, opts }) => {
    const aliases = opts.aliases ?? [];
    const kept = aliases.filter((alias) => !isApiVersionTypeAlias(type, alias));
    return kept.length === aliases.length ? undefined : { props, opts: { ...opts, aliases: kept } };
};
exports.dropApiVersionTypeAliases = dropApiVersionTypeAliases;
/**
 * A component's options with {@link dropApiVersionTypeAliases} applied to the component and
 * every resource under it, unless the component was told to keep them (its `keepTypeAliases`
 * argument). It runs before the caller's own transformations, so aliases those add are kept too.
 * A legacy `transformations` option, because it runs in the SDK before the aliases become
 * Outputs (see lib/outputs.ts); `transforms` run in the engine, after.
 */
function withoutTypeAliases(opts, keepTypeAliases = false) {
    if (keepTypeAliases) {
        return opts ?? {};
    }
    return { ...opts, transformations: [exports.dropApiVersionTypeAliases, ...(opts?.transformations ?? [])] };
}
