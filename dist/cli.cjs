#!/usr/bin/env -S node --
"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/cli/launcher.ts
var launcher_exports = {};
__export(launcher_exports, {
  BUNDLE_FILE: () => BUNDLE_FILE,
  CODE_CACHE_FILE: () => CODE_CACHE_FILE,
  codeCacheHeader: () => codeCacheHeader,
  loadBundle: () => loadBundle
});
module.exports = __toCommonJS(launcher_exports);
var import_node_crypto = require("node:crypto");
var import_node_fs = require("node:fs");
var import_node_path = require("node:path");
var import_node_vm = require("node:vm");
var BUNDLE_FILE = "cli-bundle.js";
var CODE_CACHE_FILE = "cli-bundle.code-cache";
function loadBundle(dir, options) {
  const filename = (0, import_node_path.join)(dir, BUNDLE_FILE);
  const bytes = (0, import_node_fs.readFileSync)(filename);
  const bundleSha256 = (0, import_node_crypto.createHash)("sha256").update(bytes).digest("hex");
  const cachedData = options.useCache ? readCodeCache((0, import_node_path.join)(dir, CODE_CACHE_FILE), bundleSha256) : void 0;
  const script = new import_node_vm.Script(bytes.toString("latin1"), { filename, cachedData });
  return {
    script,
    bundleSha256,
    cacheUsed: cachedData !== void 0 && !script.cachedDataRejected,
    run() {
      const main = script.runInThisContext();
      const module2 = { exports: {} };
      main.call(module2.exports, module2.exports, require, module2, filename, dir);
    }
  };
}
function readCodeCache(path, bundleSha256) {
  let file;
  try {
    file = (0, import_node_fs.readFileSync)(path);
  } catch {
    return void 0;
  }
  const newline = file.indexOf(10);
  if (newline < 0) return void 0;
  let header;
  try {
    header = JSON.parse(file.toString("latin1", 0, newline));
  } catch {
    return void 0;
  }
  const usable = header.bundleSha256 === bundleSha256 && header.v8 === process.versions.v8 && header.arch === process.arch;
  return usable ? file.subarray(newline + 1) : void 0;
}
function codeCacheHeader(bundleSha256) {
  return { bundleSha256, v8: process.versions.v8, arch: process.arch };
}
if (require.main === module) {
  loadBundle(__dirname, { useCache: !process.env.NODE_DISABLE_COMPILE_CACHE }).run();
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  BUNDLE_FILE,
  CODE_CACHE_FILE,
  codeCacheHeader,
  loadBundle
});
