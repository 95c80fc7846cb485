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
var import_node_fs = require("node:fs");
var import_node_path = require("node:path");
var import_node_vm = require("node:vm");
var BUNDLE_FILE = "cli-bundle.js";
var CODE_CACHE_FILE = "cli-bundle.code-cache";
var BUILD_ID = /\n\/\/# sha256=([0-9a-f]{64})\n$/;
function loadBundle(dir, options) {
  const filename = (0, import_node_path.join)(dir, BUNDLE_FILE);
  const bundle = (0, import_node_fs.openSync)(filename, "r");
  const cache = options.useCache ? openOptional((0, import_node_path.join)(dir, CODE_CACHE_FILE)) : void 0;
  const bundleSize = (0, import_node_fs.fstatSync)(bundle).size;
  const cacheSize = cache === void 0 ? 0 : (0, import_node_fs.fstatSync)(cache).size;
  const buffer = Buffer.allocUnsafeSlow(Math.max(bundleSize, cacheSize));
  readWhole(bundle, buffer, bundleSize);
  const source = buffer.toString("latin1", 0, bundleSize);
  const bundleSha256 = BUILD_ID.exec(source.slice(-100))?.[1] ?? "";
  let cachedData;
  if (cache !== void 0) {
    if (bundleSha256) cachedData = codeCacheFor(bundleSha256, buffer.subarray(0, readWhole(cache, buffer, cacheSize)));
    (0, import_node_fs.closeSync)(cache);
  }
  (0, import_node_fs.closeSync)(bundle);
  const script = new import_node_vm.Script(source, { filename, cachedData });
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
function openOptional(path) {
  try {
    return (0, import_node_fs.openSync)(path, "r");
  } catch {
    return void 0;
  }
}
function readWhole(fd, buffer, size) {
  let done = 0;
  while (done < size) {
    const read = (0, import_node_fs.readSync)(fd, buffer, done, size - done, done);
    if (read === 0) break;
    done += read;
  }
  return done;
}
function codeCacheFor(bundleSha256, file) {
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
