import { existsSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from './input-error.ts';
import { displayPath } from './read-file.ts';

/** One compose project: its files in merge order and its project directory. */
export interface ProjectSpec {
  files: string[];
  workingDir: string;
}

// compose-go's order of preference.
export const DEFAULT_FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
export const OVERRIDE_FILE_NAMES = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

export interface DiscoverOptions {
  cwd: string;
  /** Positional paths (files or folders). */
  paths: string[];
  /** `-f` files: one merged project. */
  files: string[];
  /** COMPOSE_FILE from the environment, used when nothing else names files. */
  composeFileVariable?: string;
}

/** Turn a command line into the projects it names, the way docker compose would see them. */
export function discoverProjects(options: DiscoverOptions): ProjectSpec[] {
  const { cwd, paths, files } = options;
  if (files.length > 0) {
    if (paths.length > 0) throw new InputError('give either -f files or paths, not both');
    const absolute = files.map((file) => resolve(cwd, file));
    for (const file of absolute) requireFile(file);
    return [{ files: absolute, workingDir: dirname(absolute[0]) }];
  }
  if (paths.length === 0) return [discoverInCurrentFolder(cwd, options.composeFileVariable)];
  const projects: ProjectSpec[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let stat;
    try {
      stat = statSync(absolute);
    } catch {
      throw new InputError(`path not found: ${displayPath(absolute, cwd)}`);
    }
    if (stat.isDirectory()) {
      const found = discoverUnder(absolute);
      if (found.length === 0) throw new InputError(`no compose file found under ${displayPath(absolute, cwd)}`);
      projects.push(...found);
    } else {
      projects.push({ files: [absolute], workingDir: dirname(absolute) });
    }
  }
  return projects;
}

function requireFile(path: string): void {
  if (!existsSync(path)) throw new InputError(`file not found: ${displayPath(path)}`);
}

/** No path: like `docker compose`, look in the current folder, then its parents. */
function discoverInCurrentFolder(cwd: string, composeFile: string | undefined): ProjectSpec {
  if (composeFile) {
    const separator = process.platform === 'win32' ? ';' : ':';
    const files = composeFile.split(separator).filter(Boolean).map((file) => resolve(cwd, file));
    for (const file of files) requireFile(file);
    if (files.length > 0) return { files, workingDir: dirname(files[0]) };
  }
  for (let dir = cwd; ; dir = dirname(dir)) {
    const project = projectIn(dir, safeReaddir(dir));
    if (project) return project;
    if (dirname(dir) === dir) break;
  }
  throw new InputError(`no compose file found in ${displayPath(cwd, cwd)} or its parents (looked for ${DEFAULT_FILE_NAMES.join(', ')})`);
}

function projectIn(dir: string, entries: Dirent[]): ProjectSpec | undefined {
  const names = new Set(entries.filter((entry) => entry.isFile() || entry.isSymbolicLink()).map((entry) => entry.name));
  const main = DEFAULT_FILE_NAMES.find((name) => names.has(name));
  if (!main) return undefined;
  const override = OVERRIDE_FILE_NAMES.find((name) => names.has(name));
  const files = [join(dir, main)];
  if (override) files.push(join(dir, override));
  return { files, workingDir: dir };
}

/** Every project under a folder, depth first in name order; symlinked folders are not followed (no loops). */
function discoverUnder(root: string): ProjectSpec[] {
  const projects: ProjectSpec[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    const entries = safeReaddir(dir).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const project = projectIn(dir, entries);
    if (project) projects.push(project);
    const subfolders = entries.filter((entry) => entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name));
    for (let i = subfolders.length - 1; i >= 0; i--) stack.push(join(dir, subfolders[i].name));
  }
  return projects;
}

function safeReaddir(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    // An unreadable folder holds no project we can lint; skipping it is what a user expects.
    return [];
  }
}
