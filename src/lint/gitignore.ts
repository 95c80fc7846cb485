import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { GlobMatcher } from './glob.ts';
import { gitignoreGlob } from './gitignore-glob.ts';

interface IgnoreRule {
  /** Whether the pattern matches a path relative to the .gitignore's folder. */
  matches: GlobMatcher;
  negate: boolean;
  directoryOnly: boolean;
}

/**
 * Answers "would git ignore this file?" from the .gitignore files between the
 * file and its repository root, with git's semantics: later rules win, a rule
 * with a slash is anchored to its .gitignore's folder, a trailing slash matches
 * folders only, and nothing inside an ignored folder can be re-included.
 */
export class GitignoreIndex {
  private readonly rulesByDir = new Map<string, IgnoreRule[]>();
  private readonly rootByDir = new Map<string, string>();

  /**
   * @param readText reads a .gitignore (undefined when there is none)
   * @param isDirectory whether the queried path is a folder (folder-only patterns such as `build/` match only those)
   */
  constructor(
    private readonly readText: (path: string) => string | undefined,
    private readonly isDirectory: (path: string) => boolean = isDirectoryOnDisk,
  ) {}

  /** Whether git would ignore the file or folder; a path ending in a separator is a folder. */
  isIgnored(absolutePath: string): boolean {
    const root = this.repositoryRoot(dirname(absolutePath));
    const parts = relative(root, absolutePath).split(sep).filter(Boolean);
    if (parts.length === 0 || parts[0] === '..') return false;
    for (let i = 1; i <= parts.length; i++) {
      const isDirectory = i < parts.length || /[\\/]$/.test(absolutePath) || this.isDirectory(absolutePath);
      if (this.matches(root, parts.slice(0, i), isDirectory)) return true;
    }
    return false;
  }

  /** Status of one path (given as components under root) from every applicable .gitignore. */
  private matches(root: string, parts: string[], isDirectory: boolean): boolean {
    let ignored = false;
    // .gitignore files of root and each ancestor folder of the path, outermost first.
    for (let depth = 0; depth < parts.length; depth++) {
      const dir = join(root, ...parts.slice(0, depth));
      const rules = this.rulesIn(dir);
      if (rules.length === 0) continue;
      const relativePath = parts.slice(depth).join('/');
      for (const rule of rules) {
        if (rule.directoryOnly && !isDirectory) continue;
        if (rule.matches(relativePath)) ignored = !rule.negate;
      }
    }
    return ignored;
  }

  private rulesIn(dir: string): IgnoreRule[] {
    let rules = this.rulesByDir.get(dir);
    if (!rules) {
      const text = this.readText(join(dir, '.gitignore'));
      rules = text === undefined ? [] : parseGitignore(text);
      this.rulesByDir.set(dir, rules);
    }
    return rules;
  }

  /** The nearest folder holding `.git`; without one, the filesystem root (every .gitignore above counts). */
  private repositoryRoot(start: string): string {
    const cached = this.rootByDir.get(start);
    if (cached) return cached;
    let dir = start;
    while (!existsSync(join(dir, '.git')) && dirname(dir) !== dir) dir = dirname(dir);
    this.rootByDir.set(start, dir);
    return dir;
  }
}

function isDirectoryOnDisk(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function parseGitignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (let line of text.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue;
    line = withoutTrailingSpace(line);
    if (line === '') continue;
    let negate = false;
    if (line.startsWith('!')) {
      negate = true;
      line = line.slice(1);
    } else if (line.startsWith('\\!') || line.startsWith('\\#')) line = line.slice(1);
    let directoryOnly = false;
    if (line.endsWith('/')) {
      directoryOnly = true;
      line = line.slice(0, -1);
    }
    if (line === '') continue;
    // A slash anywhere but the end anchors the pattern to the .gitignore's folder.
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    rules.push({ matches: gitignoreGlob(line, anchored), negate, directoryOnly });
  }
  return rules;
}

/**
 * The line without its trailing whitespace, except one escaped with a backslash (git keeps
 * `\ `). A scan from the end: the equivalent regex, /(?<!\\)\s+$/, is quadratic on a long
 * run of spaces followed by text, and .gitignore files come from the linted repository.
 */
function withoutTrailingSpace(line: string): string {
  let end = line.length;
  while (end > 0 && /\s/.test(line[end - 1])) end--;
  if (end < line.length && line[end - 1] === '\\') end++;
  return line.slice(0, end);
}
