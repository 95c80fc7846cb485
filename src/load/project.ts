import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { LoadDiagnostic } from './diagnostics.ts';
import { Environment } from './environment.ts';
import { resolveExtends } from './extends.ts';
import { resolveIncludes } from './include.ts';
import { interpolateTree, type VariableRef } from './interpolate-tree.ts';
import { mergeComposeFiles } from './merge.ts';
import { child, type MapNode, type Node } from './nodes.ts';
import { parseYamlFile, type ParsedFile } from './parse.ts';
import { applyProfiles } from './profiles.ts';
import { readTextFile } from './read-file.ts';
import { createSourceFile, type SourceFile } from './source.ts';
import { stageTimes } from '../perf/stage-times.ts';
import type { ProjectSpec } from './discover.ts';

export interface LoadOptions {
  /** `--env-file` paths (absolute); they replace the project's `.env`. */
  envFiles?: string[];
  /** `--profile` names; undefined means every profile is active (what a linter wants to see). */
  profiles?: string[];
  interpolate?: boolean;
  processEnv?: Readonly<Record<string, string | undefined>>;
}

export interface LoadedProject {
  name: string;
  workingDir: string;
  /** The files that make the project, in merge order. */
  configFiles: SourceFile[];
  /** Every file read (config, extended, included, env files), by absolute path. */
  sources: Map<string, ParsedFile>;
  /** The merged, interpolated model; null when no file could be read as a mapping. */
  root: MapNode | null;
  diagnostics: LoadDiagnostic[];
  variables: VariableRef[];
  env: Environment;
  /** The env files that were read, in order. */
  envFiles: string[];
  /** Active profiles, or undefined when all are. */
  profiles?: string[];
}

/** Shared state of one load: files read once, cycles of include detected. */
export interface LoadSession {
  sources: Map<string, ParsedFile>;
  diagnostics: LoadDiagnostic[];
  variables: VariableRef[];
  /** Include chain, for cycle detection. */
  including: string[];
  interpolate: boolean;
  processEnv: Readonly<Record<string, string | undefined>>;
}

export function loadProject(spec: ProjectSpec, options: LoadOptions = {}): LoadedProject {
  const session: LoadSession = {
    sources: new Map(),
    diagnostics: [],
    variables: [],
    including: [],
    interpolate: options.interpolate ?? true,
    processEnv: options.processEnv ?? process.env,
  };
  const { root, env, envFiles, configFiles } = loadProjectTree(spec, options.envFiles, session, true);
  let merged = root;
  const profiles = options.profiles ?? profilesFromEnv(env);
  if (merged) merged = applyProfiles(merged, profiles);
  const name = projectName(merged, env, spec.workingDir);
  return {
    name,
    workingDir: spec.workingDir,
    configFiles,
    sources: session.sources,
    root: merged,
    diagnostics: session.diagnostics,
    variables: session.variables,
    env,
    envFiles,
    profiles,
  };
}

function profilesFromEnv(env: Environment): string[] | undefined {
  const value = env.lookup('COMPOSE_PROFILES');
  return value ? value.split(',').map((p) => p.trim()).filter(Boolean) : undefined;
}

/** Load and merge one project's files (also used for every `include`d project). */
export function loadProjectTree(
  spec: ProjectSpec,
  envFilePaths: string[] | undefined,
  session: LoadSession,
  userNamed: boolean,
): { root: MapNode | null; env: Environment; envFiles: string[]; configFiles: SourceFile[] } {
  const env = new Environment(session.processEnv);
  const envFiles = envFilePaths ?? defaultEnvFile(spec.workingDir);
  for (const path of envFiles) readEnvFile(path, env, session);

  const fileCache = new Map<string, { root: Node | null; file: SourceFile } | undefined>();
  const loadFile = (path: string, baseDir: string, mustExist: boolean) => {
    const cached = fileCache.get(path);
    if (cached || fileCache.has(path)) return cached;
    let text: string;
    const readStart = stageTimes?.now();
    try {
      text = readTextFile(path, 'compose file');
    } catch (error) {
      if (mustExist) throw error;
      fileCache.set(path, undefined);
      return undefined;
    }
    if (readStart) stageTimes?.add('read', readStart);
    const parseStart = stageTimes?.now();
    const source = createSourceFile(path, text, baseDir);
    const parsed = text.length > MAX_COMPOSE_CHARS ? tooLargeToParse(source) : parseYamlFile(source);
    if (parseStart) stageTimes?.add('parse', parseStart);
    session.sources.set(path, parsed);
    session.diagnostics.push(...parsed.diagnostics);
    if (parsed.root) interpolateTree(parsed.root, env, session.diagnostics, session.variables, session.interpolate);
    const entry = { root: parsed.root, file: parsed.file };
    fileCache.set(path, entry);
    return entry;
  };

  const configFiles: SourceFile[] = [];
  let merged: MapNode | null = null;
  for (const path of spec.files) {
    const loaded = loadFile(path, spec.workingDir, userNamed)!;
    if (!loaded) continue;
    configFiles.push(loaded.file);
    let root = topLevelMapping(loaded.root, loaded.file, session.diagnostics, session.sources.get(path)!);
    if (!root) continue;
    root = resolveExtends(root, {
      // compose reads an extended file's relative paths from that file's own folder.
      loadFile: (absolute: string) => loadFile(absolute, dirname(absolute), false),
      diagnostics: session.diagnostics,
    });
    root = resolveIncludes(root, session);
    merged = merged ? mergeComposeFiles(merged, root) : root;
  }
  return { root: merged, env, envFiles, configFiles };
}

/**
 * Compose files above this are reported, not parsed. Real ones are well under 1 MB (the
 * largest of the 682-file test corpus is under 20 KB); the YAML parser needs about 2 s and
 * 130 MB per MB, so a 20 MB file would take the better part of a minute and gigabytes.
 */
const MAX_COMPOSE_CHARS = 4 * 1024 * 1024;

function tooLargeToParse(file: SourceFile): ParsedFile {
  const size = `${(file.text.length / 1024 / 1024).toFixed(1)} MB`;
  const message = `The file is ${size}, larger than the ${MAX_COMPOSE_CHARS / 1024 / 1024} MB compose-lint reads (compose files are far smaller); it was not checked.`;
  return { file, root: null, comments: [], diagnostics: [{ ruleId: 'yaml-syntax', message, loc: { file, start: 0, end: 0 } }] };
}

function defaultEnvFile(workingDir: string): string[] {
  const path = join(workingDir, '.env');
  try {
    return existsSync(path) && statSync(path).isFile() ? [path] : [];
  } catch {
    return [];
  }
}

function readEnvFile(path: string, env: Environment, session: LoadSession): void {
  const readStart = stageTimes?.now();
  const text = readTextFile(path, 'env file', { lenientUtf8: true });
  if (readStart) stageTimes?.add('read', readStart);
  const source = createSourceFile(path, text, dirname(path));
  const issues = env.addEnvFile(path, source.text);
  const parsed: ParsedFile = { file: source, root: null, comments: [], diagnostics: [], envFile: true };
  // dotenv counts lines at LF only (as compose does); our line table also breaks at a lone CR.
  const lfStarts = issues.length > 0 ? lfLineStarts(source.text) : [];
  for (const issue of issues) {
    const start = Math.min((lfStarts[issue.line - 1] ?? source.text.length) + Math.max(issue.column - 1, 0), source.text.length);
    const reason = issue.message.replace(/\.$/, '');
    const diagnostic: LoadDiagnostic = {
      ruleId: 'env-file-syntax',
      message: `Compose cannot read this env file line: ${reason}; fix the line or quote its value.`,
      loc: { file: source, start, end: start + 1 },
    };
    parsed.diagnostics.push(diagnostic);
    session.diagnostics.push(diagnostic);
  }
  session.sources.set(path, parsed);
}

/** Offsets where lines start when only LF ends a line. */
function lfLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** A compose file must be a mapping at the top; compose refuses an empty one. */
function topLevelMapping(root: Node | null, file: SourceFile, diagnostics: LoadDiagnostic[], parsed: ParsedFile): MapNode | null {
  if (root?.kind === 'map') return root;
  if (parsed.diagnostics.some((d) => d.ruleId === 'yaml-syntax')) return null;
  const empty = root === null || (root.kind === 'scalar' && root.value === null);
  diagnostics.push({
    ruleId: 'schema',
    message: empty
      ? 'The compose file is empty; compose refuses it, so define at least one service under services:.'
      : 'The compose file must be a mapping of top-level keys (services, networks, volumes, ...), not a list or a single value.',
    loc: root && !empty ? root.loc : { file, start: 0, end: 0 },
  });
  return null;
}

/** `name:` in the model, else COMPOSE_PROJECT_NAME, else the folder's name, normalised as compose does. */
function projectName(root: MapNode | null, env: Environment, workingDir: string): string {
  const written = child(root, 'name');
  const raw = (written?.kind === 'scalar' && written.value !== null ? String(written.value) : undefined) ?? env.lookup('COMPOSE_PROJECT_NAME') ?? basename(resolve(workingDir));
  return raw.toLowerCase().replace(/[^a-z0-9_-]/g, '').replace(/^[^a-z0-9]+/, '');
}
