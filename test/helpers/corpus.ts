import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { REPO_ROOT } from './cli.ts';

/** The shared corpus of real compose files; tests skip with a message when it is absent. */
export const CORPUS_DIR = resolve(REPO_ROOT, '../shared/corpus');
export const HAVE_CORPUS = existsSync(CORPUS_DIR);
export const SKIP_CORPUS_MESSAGE = `corpus not found at ${CORPUS_DIR}: corpus tests skipped`;

export function corpusFiles(subfolder = ''): string[] {
  const root = join(CORPUS_DIR, subfolder);
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) stack.push(path);
      else if (/\.ya?ml$/.test(entry.name)) out.push(path);
    }
  }
  return out.sort();
}

export function corpusName(path: string): string {
  return relative(CORPUS_DIR, path);
}
