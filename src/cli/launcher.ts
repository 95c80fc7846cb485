// The executable, built to dist/cli.cjs. It runs the CLI bundle (dist/cli-bundle.js) from V8's
// code cache (dist/cli-bundle.code-cache), so a cold run deserialises the bytecode of the
// functions a check uses instead of parsing 0.7 MB of JavaScript and compiling each of those
// functions on first call. The cache is written by the build (scripts/build-code-cache.mjs),
// never at run time: compose-lint only reads. V8 accepts a cache made by its own version only;
// with any other Node the bundle is compiled from source, as without a cache.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
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

/**
 * The bundle's last line: the sha256 of everything before it, written by the build. Hashing
 * 0.7 MB at run time would cost more than a millisecond, and node:crypto several more.
 */
const BUILD_ID = /\n\/\/# sha256=([0-9a-f]{64})\n$/;

type BundleFunction = (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;

export interface LoadedBundle {
  script: Script;
  bundleSha256: string;
  /** Whether V8 took the bytecode from the cache file. */
  cacheUsed: boolean;
  run(): void;
}

/**
 * Compile the bundle, with the cache when it was made for this build of the bundle by this V8.
 * V8 itself checks only the source's length, so the build ids are compared here: a rebuilt
 * bundle must never run the bytecode of its previous version. (Editing the bundle in place
 * keeps its id: delete the cache file, or set NODE_DISABLE_COMPILE_CACHE, after doing that.)
 */
export function loadBundle(dir: string, options: { useCache: boolean }): LoadedBundle {
  const filename = join(dir, BUNDLE_FILE);
  const bundle = openSync(filename, 'r');
  const cache = options.useCache ? openOptional(join(dir, CODE_CACHE_FILE)) : undefined;
  // One buffer for both files, the bundle first, then the cache: fresh memory costs a page
  // fault per 4 KB, and those are a real share of a cold run.
  const bundleSize = fstatSync(bundle).size;
  const cacheSize = cache === undefined ? 0 : fstatSync(cache).size;
  const buffer = Buffer.allocUnsafeSlow(Math.max(bundleSize, cacheSize));
  readWhole(bundle, buffer, bundleSize);
  // The build checks that the bundle is ASCII, so latin1 is an exact decoding, and a cheap one.
  const source = buffer.toString('latin1', 0, bundleSize);
  const bundleSha256 = BUILD_ID.exec(source.slice(-100))?.[1] ?? '';
  let cachedData: Buffer | undefined;
  if (cache !== undefined) {
    if (bundleSha256) cachedData = codeCacheFor(bundleSha256, buffer.subarray(0, readWhole(cache, buffer, cacheSize)));
    closeSync(cache);
  }
  closeSync(bundle);
  // The file is one function expression `(function (exports, require, ...) {...})`: no wrapper to concatenate.
  const script = new Script(source, { filename, cachedData });
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

function openOptional(path: string): number | undefined {
  try {
    return openSync(path, 'r');
  } catch {
    return undefined;
  }
}

/** Fill the buffer from the file's start; returns the bytes read (fewer if the file shrank). */
function readWhole(fd: number, buffer: Buffer, size: number): number {
  let done = 0;
  while (done < size) {
    const read = readSync(fd, buffer, done, size - done, done);
    if (read === 0) break;
    done += read;
  }
  return done;
}

/** The bytecode of a cache file whose header names this bundle and this V8, else undefined. */
function codeCacheFor(bundleSha256: string, file: Buffer): Buffer | undefined {
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
