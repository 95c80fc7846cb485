import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The root of the git checkout holding `cwd`, or `cwd` itself outside one.
 * GitHub resolves SARIF locations and annotations against the repository root,
 * so a run from a sub-folder must still name files from the root.
 */
export function repoRoot(cwd: string): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    // `.git` is a file in worktrees and submodules.
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return cwd;
  }
}

/** `absolutePath` relative to `root` with `/` separators, or undefined when it lies outside. */
export function pathUnder(root: string, absolutePath: string): string | undefined {
  const rel = relative(root, absolutePath);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split('\\').join('/');
}

/** A relative path as a URI reference: segments percent-encoded, `?`, `#` and `:` too. */
export function relativeUri(path: string): string {
  return encodeURI(path).replace(/[?#:]/g, (c) => encodeURIComponent(c));
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** A folder as an absolute `file:` URI ending in `/`, as SARIF's originalUriBaseIds require. */
export function folderUri(dir: string): string {
  const href = fileUri(dir);
  return href.endsWith('/') ? href : `${href}/`;
}
