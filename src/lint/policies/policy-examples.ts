import { readdirSync, type Dirent } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { loadProject, type LoadedProject } from '../../load/project.ts';
import { positionAt } from '../../load/source.ts';
import { lintProject, type EnabledRule } from '../engine.ts';
import { createFileFacts } from '../file-facts.ts';

/** `pass/` examples must give no finding of the policy; `fail/` examples at least one. */
export type ExampleKind = 'pass' | 'fail';

export interface PolicyExample {
  kind: ExampleKind;
  /** Absolute path. */
  path: string;
}

export interface ExampleResult {
  ok: boolean;
  /** Lines of the policy's findings in the example file. */
  lines: number[];
  /** Why it failed, one sentence. */
  reason?: string;
}

/**
 * A comment `# expect-finding` on a line of a fail example states that the
 * policy reports something on that line; with such markers the policy's
 * findings must be exactly on the marked lines. Comments move with the code they
 * sit on, so examples stay right when lines are added above them.
 */
const MARKER = /^expect-finding(\s|$)/;
const EXAMPLE_FILE = /\.ya?ml$/;
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

/** `<dir>/<policy-id>/pass/*.yaml` and `fail/*.yaml`, sorted; the id's `/` are folders. */
export function findExamples(dir: string, policyId: string): PolicyExample[] {
  const base = join(dir, ...policyId.split('/'));
  const out: PolicyExample[] = [];
  for (const kind of ['pass', 'fail'] as const) {
    const files = entries(join(base, kind))
      .filter((entry) => entry.isFile() && EXAMPLE_FILE.test(entry.name))
      .map((entry) => entry.name)
      .sort();
    out.push(...files.map((name) => ({ kind, path: join(base, kind, name) })));
  }
  return out;
}

/**
 * Folders under `dir` holding `pass/` or `fail/` examples, as the policy ids
 * they stand for: examples of a policy that no longer exists (or a misspelt
 * folder) would otherwise never run.
 */
export function exampleFolderIds(dir: string): string[] {
  const ids = new Set<string>();
  const visit = (folder: string) => {
    for (const entry of entries(folder)) {
      if (!entry.isDirectory() || SKIPPED_FOLDERS.has(entry.name)) continue;
      const path = join(folder, entry.name);
      if (entry.name === 'pass' || entry.name === 'fail') {
        if (folder !== dir) ids.add(relative(dir, folder).split(sep).join('/'));
        continue;
      }
      visit(path);
    }
  };
  visit(dir);
  return [...ids].sort();
}

/** Lint one example as its own project with only the policy on, and judge the result. */
export function runExample(example: PolicyExample, entry: EnabledRule, cwd: string): ExampleResult {
  // An empty environment: an example means the same on every machine.
  const project = loadProject({ files: [example.path], workingDir: dirname(example.path) }, { processEnv: {} });
  const broken = project.diagnostics.find((diagnostic) => diagnostic.ruleId === 'yaml-syntax');
  if (broken) {
    const line = positionAt(broken.loc.file, broken.loc.start).line;
    return { ok: false, lines: [], reason: `the example does not parse (line ${line}: ${broken.message})` };
  }
  const result = lintProject(project, [entry], {
    cwd,
    inlineSuppressions: true,
    knownRuleIds: new Set([entry.rule.meta.id]),
    files: createFileFacts(),
  });
  const lines = [
    ...new Set(result.findings.filter((finding) => finding.ruleId === entry.rule.meta.id && finding.absolutePath === example.path).map((f) => f.line)),
  ].sort((a, b) => a - b);
  const elsewhere = result.findings.filter((finding) => finding.ruleId === entry.rule.meta.id && finding.absolutePath !== example.path).length;
  const total = lines.length + elsewhere;
  const marked = markedLines(project, example.path);

  if (example.kind === 'pass') {
    if (marked.length > 0) return { ok: false, lines, reason: 'a pass example takes no expect-finding markers' };
    if (total > 0) return { ok: false, lines, reason: `expected no finding, got ${describeLines(lines, elsewhere)}` };
    return { ok: true, lines };
  }
  if (total === 0) return { ok: false, lines, reason: 'expected a finding, got none' };
  if (marked.length === 0) return { ok: true, lines };
  const missing = marked.filter((line) => !lines.includes(line));
  const unexpected = lines.filter((line) => !marked.includes(line));
  if (missing.length === 0 && unexpected.length === 0 && elsewhere === 0) return { ok: true, lines };
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`no finding on marked ${plural(missing.length, 'line')} ${missing.join(', ')}`);
  if (unexpected.length > 0) problems.push(`unexpected finding on ${plural(unexpected.length, 'line')} ${unexpected.join(', ')}`);
  if (elsewhere > 0) problems.push(`${elsewhere} in other files`);
  return { ok: false, lines, reason: problems.join('; ') };
}

/** Lines of the example file that carry an `# expect-finding` comment (read from the YAML tokens). */
function markedLines(project: LoadedProject, path: string): number[] {
  const parsed = project.sources.get(path);
  if (!parsed) return [];
  return parsed.comments.filter((comment) => MARKER.test(comment.text)).map((comment) => positionAt(parsed.file, comment.start).line);
}

function describeLines(lines: number[], elsewhere: number): string {
  const parts = lines.length > 0 ? [`findings on ${plural(lines.length, 'line')} ${lines.join(', ')}`] : [];
  if (elsewhere > 0) parts.push(`${elsewhere} in other files`);
  return parts.join(' and ');
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

function entries(folder: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}
