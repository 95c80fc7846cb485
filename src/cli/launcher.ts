// The executable, built to dist/cli.cjs. It runs the CLI bundle (dist/cli-bundle.js) from V8's
// code cache (dist/cli-bundle.code-cache), so a cold run deserialises the bytecode of the
// functions a check uses instead of parsing 0.7 MB of JavaScript and compiling each of those
// functions on first call. The cache is written by the build (scripts/build-code-cache.mjs),
// never at run time: compose-lint only reads. V8 accepts a cache made by its own version only;
// with any other Node the bundle is compiled from source, as without a cache.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';

export const BUNDLE_FILE = 'cli-bundle.js';
export const CODE_CACHE_FILE = 'cli-bundle.code-cache';

/** The first line of the cache file: which bundle and which V8 its bytecode belongs to. */
export interface CodeCacheHeader {
  bundleSha256: string;
  v8: string;
  arch: string;
}

type BundleFunction = (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;

export interface LoadedBundle {
  script: Script;
  bundleSha256: string;
  /** Whether V8 took the bytecode from the cache file. */
  cacheUsed: boolean;
  run(): void;
}

/**
 * Compile the bundle, with the cache when it was made from these very bytes by this V8.
 * V8 itself checks only the source's length, so the bundle's hash is compared here: a bundle
 * patched in place must never run the bytecode of its previous version.
 */
export function loadBundle(dir: string, options: { useCache: boolean }): LoadedBundle {
  const filename = join(dir, BUNDLE_FILE);
  const bytes = readFileSync(filename);
  const bundleSha256 = createHash('sha256').update(bytes).digest('hex');
  const cachedData = options.useCache ? readCodeCache(join(dir, CODE_CACHE_FILE), bundleSha256) : undefined;
  // The build checks that the bundle is ASCII, so latin1 is an exact decoding, and a cheap one.
  // The file is one function expression `(function (exports, require, ...) {...})`: no wrapper to concatenate.
  const script = new Script(bytes.toString('latin1'), { filename, cachedData });
  return {
    script,
    bundleSha256,
    cacheUsed: cachedData !== undefined && !script.cachedDataRejected,
    run() {
      const main = script.runInThisContext() as BundleFunction;
      const module = { exports: {} };
      main.call(module.exports, module.exports, require, module, filename, dir);
    },
  };
}

function readCodeCache(path: string, bundleSha256: string): Buffer | undefined {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return undefined;
  }
  const newline = file.indexOf(10);
  if (newline < 0) return undefined;
  let header: Partial<CodeCacheHeader>;
  try {
    header = JSON.parse(file.toString('latin1', 0, newline)) as Partial<CodeCacheHeader>;
  } catch {
    return undefined;
  }
  const usable = header.bundleSha256 === bundleSha256 && header.v8 === process.versions.v8 && header.arch === process.arch;
  return usable ? file.subarray(newline + 1) : undefined;
}

export function codeCacheHeader(bundleSha256: string): CodeCacheHeader {
  return { bundleSha256, v8: process.versions.v8, arch: process.arch };
}

if (require.main === module) {
  // NODE_DISABLE_COMPILE_CACHE is Node's own switch for its compile cache (Node 22+).
  loadBundle(__dirname, { useCache: !process.env.NODE_DISABLE_COMPILE_CACHE }).run();
}
