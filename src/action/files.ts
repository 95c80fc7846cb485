import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { matchesGlob } from '../lint/path-glob.ts';
import { InputError } from '../load/input-error.ts';

const GLOB_CHARS = /[*?[]/;
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

export interface ExpandedFiles {
  /** Paths for `compose-lint check`, relative to the working directory; empty means discover. */
  paths: string[];
  /** Globs that matched no file, worth a warning. */
  unmatched: string[];
}

/**
 * The `files` input: paths and globs separated by whitespace or newlines, `!glob` to leave
 * files out. Plain paths pass through (a missing one fails the run like it does on the
 * command line); globs match files under the working directory.
 */
export function expandFiles(spec: string, cwd: string): ExpandedFiles {
  const tokens = spec.split(/\s+/).filter(Boolean).map(normalize);
  const includes = tokens.filter((token) => !token.startsWith('!'));
  const excludes = tokens.filter((token) => token.startsWith('!')).map((token) => normalize(token.slice(1)));
  if (includes.length === 0) return { paths: [], unmatched: [] };

  let listing: string[] | undefined;
  const found: string[] = [];
  const unmatched: string[] = [];
  for (const token of includes) {
    if (!GLOB_CHARS.test(token)) {
      found.push(token);
      continue;
    }
    listing ??= listFiles(cwd);
    const matched = listing.filter((path) => matchesGlob(path, token));
    if (matched.length === 0) unmatched.push(token);
    found.push(...matched);
  }
  const excluded = (path: string) => excludes.some((pattern) => path === pattern || matchesGlob(path, pattern));
  const paths = [...new Set(found)].filter((path) => !excluded(path));
  if (paths.length === 0) throw new InputError(`input files matched no file: ${spec.trim().split(/\s+/).join(' ')}`);
  return { paths, unmatched };
}

function normalize(token: string): string {
  return token.replace(/\\/g, '/').replace(/^(!?)(?:\.\/)+/, '$1');
}

/** Every file under `root` as a `/`-separated relative path, in name order; symlinked folders are not followed. */
function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // An unreadable folder holds nothing we could lint.
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const rel = prefix + entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(join(dir, entry.name), `${rel}/`);
      } else if (entry.isFile() || entry.isSymbolicLink()) out.push(rel);
    }
  };
  walk(root, '');
  return out;
}
