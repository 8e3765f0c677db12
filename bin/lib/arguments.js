"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.argumentNames = argumentNames;
function argumentNames() {
    return (names) => names;
}
