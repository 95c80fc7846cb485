import { readFileSync, statSync, type Stats } from 'node:fs';
import { builtin } from '../lazy-builtin.ts';
import { isAbsolute, resolve } from 'node:path';
import type { Loc, Node } from '../load/nodes.ts';
import { GitignoreIndex } from './gitignore.ts';
import type { FileFacts } from './rule-types.ts';

const MAX_READ_BYTES = 1024 * 1024;

/** Disk facts for rules, cached for the run: each path is looked at once. */
export function createFileFacts(): FileFacts {
  const stats = new Map<string, Stats | null>();
  const texts = new Map<string, string | undefined>();
  const stat = (path: string): Stats | null => {
    if (!stats.has(path)) {
      try {
        // Most probes are for files that are not there; no ENOENT exception to build for them.
        stats.set(path, statSync(path, { throwIfNoEntry: false }) ?? null);
      } catch {
        stats.set(path, null);
      }
    }
    return stats.get(path)!;
  };
  // The folder test goes through the same cache: a run asks about the same paths many times.
  const gitignore = new GitignoreIndex(
    // Only a regular file is read: a .gitignore that is a FIFO or device would hang the run.
    (path) => {
      const info = stat(path);
      return info?.isFile() && info.size <= MAX_READ_BYTES ? readSmall(path) : undefined;
    },
    (path) => stat(path)?.isDirectory() ?? false,
  );
  return {
    resolve(writtenIn: Node | Loc, path: string): string {
      const loc = 'loc' in writtenIn ? writtenIn.loc : writtenIn;
      if (path === '~' || path.startsWith('~/')) return resolve(builtin<typeof import('node:os')>('node:os').homedir(), path.slice(2));
      return isAbsolute(path) ? path : resolve(loc.file.baseDir, path);
    },
    exists: (path) => stat(path) !== null,
    isDirectory: (path) => stat(path)?.isDirectory() ?? false,
    isGitIgnored: (path) => gitignore.isIgnored(path),
    readText(path) {
      if (!texts.has(path)) {
        const info = stat(path);
        texts.set(path, info?.isFile() && info.size <= MAX_READ_BYTES ? readSmall(path) : undefined);
      }
      return texts.get(path);
    },
  };
}

function readSmall(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
