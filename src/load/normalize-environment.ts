import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LoadDiagnostic } from './diagnostics.ts';
import { parseDotenv } from './dotenv.ts';
import { isMap, isScalar, isSeq, setOwn, type Node, type ScalarNode } from './nodes.ts';
import { decodeText, readFileBytes } from './read-file.ts';
import { resolveHostPath } from './normalize-volumes.ts';
import { createSourceFile } from './source.ts';

/**
 * Key=value collections (environment, build args, labels, ...) as the mappings
 * compose prints, and a service's environment with its env files folded in the
 * way `docker compose config` does it (env file values first, `environment:`
 * over them, the env_file list itself dropped).
 */

export type KeyValues = Record<string, string | null>;

/**
 * A list (`KEY=VALUE`, `KEY`) or mapping as a mapping of strings. `missing`
 * gives the value of an entry written without one (`KEY`, or `KEY:` with
 * nothing): environment and args look it up, labels take "".
 */
export function keyValues(node: Node | undefined, missing: (key: string) => string | null): KeyValues | undefined {
  if (!node) return undefined;
  const out: KeyValues = {};
  if (isSeq(node)) {
    for (const item of node.items) {
      if (!isScalar(item) || item.value === null) continue;
      const text = String(item.value);
      const eq = text.indexOf('=');
      if (eq < 0) setOwn(out, text, missing(text));
      else setOwn(out, text.slice(0, eq), text.slice(eq + 1));
    }
    return out;
  }
  if (isMap(node)) {
    for (const [key, pair] of node.pairs) {
      const value = pair.value;
      if (isScalar(value)) setOwn(out, key, value.value === null ? missing(key) : String(value.value));
    }
    return out;
  }
  return undefined;
}

export interface EnvFileEntry {
  path: string;
  required: boolean;
  format?: string;
  /** Where the path was written, for a finding when the file is missing. */
  node: ScalarNode;
}

/** `env_file: path`, a list of paths, or `{path, required, format}` entries, with absolute paths. */
export function envFileEntries(node: Node | undefined, home: string): EnvFileEntry[] {
  const items = isSeq(node) ? node.items : node ? [node] : [];
  const out: EnvFileEntry[] = [];
  for (const item of items) {
    const pathNode = isMap(item) ? item.pairs.get('path')?.value : item;
    if (!isScalar(pathNode) || pathNode.value === null) continue;
    const required = isMap(item) ? item.pairs.get('required')?.value : undefined;
    const format = isMap(item) ? item.pairs.get('format')?.value : undefined;
    const entry: EnvFileEntry = {
      path: resolveHostPath(String(pathNode.value), pathNode.loc.file.baseDir, home),
      required: !(isScalar(required) && (required.value === false || required.value === 'false')),
      node: pathNode,
    };
    if (isScalar(format) && format.value !== null) entry.format = String(format.value);
    out.push(entry);
  }
  return out;
}

export interface ServiceEnvironmentInput {
  environment: Node | undefined;
  envFiles: EnvFileEntry[];
  lookup: (name: string) => string | undefined;
  diagnostics: LoadDiagnostic[];
  service: string;
}

/** The environment compose gives the container: env files in order, then `environment:` over them. */
export function serviceEnvironment(input: ServiceEnvironmentInput): KeyValues | undefined {
  const own = keyValues(input.environment, (key) => input.lookup(key) ?? null) ?? {};
  // Inside env files, the project's variables come first, then the service's own environment.
  const lookup = (name: string) => input.lookup(name) ?? (Object.hasOwn(own, name) ? own[name] : undefined) ?? undefined;
  let fromFiles: KeyValues = {};
  for (const entry of input.envFiles) {
    const values = readEnvFile(entry, lookup, input);
    // A spread, not Object.assign: it copies a `__proto__` variable as a key.
    if (values) fromFiles = { ...fromFiles, ...values };
  }
  const merged = { ...fromFiles, ...own };
  return input.environment || input.envFiles.length > 0 ? merged : undefined;
}

/** A required env file that does not exist makes compose refuse the project, whatever is printed. */
export function checkEnvFiles(entries: EnvFileEntry[], service: string, diagnostics: LoadDiagnostic[]): void {
  for (const entry of entries) {
    if (!entry.required || existsSync(entry.path)) continue;
    diagnostics.push({
      ruleId: 'missing-file',
      message: `env_file "${String(entry.node.value)}" does not exist, so compose refuses to start the service; create it, fix the path, or mark it \`required: false\`.`,
      loc: entry.node.loc,
      service,
    });
  }
}

function readEnvFile(entry: EnvFileEntry, lookup: (name: string) => string | undefined, input: ServiceEnvironmentInput): KeyValues | undefined {
  // A missing file is checkEnvFiles' to report.
  if (!existsSync(entry.path)) return undefined;
  let text: string;
  try {
    // readFileBytes refuses a FIFO or device (it would hang the run); that lands in the catch below.
    text = decodeText(readFileBytes(entry.path, 'env file'), entry.path);
  } catch {
    input.diagnostics.push({
      ruleId: 'missing-file',
      message: `env_file "${String(entry.node.value)}" cannot be read as a text file, so compose refuses to start the service; fix the path or the file.`,
      loc: entry.node.loc,
      service: input.service,
    });
    return undefined;
  }
  // `format: raw` takes each line as it is; compose reads every other format as a dotenv file.
  if (entry.format === 'raw') return rawEnvFile(text);
  const parsed = parseDotenv(text, lookup);
  if (parsed.issues.length > 0) {
    const source = createSourceFile(entry.path, text, dirname(entry.path));
    // dotenv counts lines at LF only, as compose does.
    const lineStarts = [0];
    for (let i = source.text.indexOf('\n'); i !== -1; i = source.text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    for (const issue of parsed.issues) {
      const start = Math.min((lineStarts[issue.line - 1] ?? source.text.length) + Math.max(issue.column - 1, 0), source.text.length);
      input.diagnostics.push({ ruleId: 'env-file-syntax', message: issue.message, loc: { file: source, start, end: start + 1 } });
    }
    return undefined;
  }
  const out: KeyValues = {};
  for (const variable of parsed.entries) setOwn(out, variable.name, variable.value);
  return out;
}

function rawEnvFile(text: string): KeyValues {
  const out: KeyValues = {};
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq > 0) setOwn(out, line.slice(0, eq), line.slice(eq + 1));
  }
  return out;
}
