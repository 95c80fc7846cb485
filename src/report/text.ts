import { realpathSync } from 'node:fs';
import type { Finding } from '../lint/finding.ts';
import type { SourceFile } from '../load/source.ts';
import { lineText } from '../load/source.ts';
import { countBySeverity, type ReportInput } from './report-input.ts';
import { terminalSafe } from './terminal-safe.ts';
import { maskSecretsInLine } from './frame-secrets.ts';
import type { ParsedFile } from '../load/parse.ts';
import { pathUnder, repoRoot } from './repo-path.ts';

const SEVERITY_COLOR = { error: 31, warning: 33, info: 36 } as const;

/** Human output: findings grouped by file, `line:col severity message rule-id`, a code frame, a summary. */
export function formatText(input: ReportInput): string {
  const paint = (code: number, text: string) => (input.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const sources = sourceFiles(input);
  const masks = sensitiveRanges(input);
  const lines: string[] = [];
  let currentFile: string | undefined;
  for (const finding of input.findings) {
    if (finding.file !== currentFile) {
      if (currentFile !== undefined) lines.push('');
      currentFile = finding.file;
      lines.push(paint(4, terminalSafe(finding.file)));
    }
    const where = `${finding.line}:${finding.column}`.padEnd(7);
    const severity = paint(SEVERITY_COLOR[finding.severity], finding.severity.padEnd(7));
    lines.push(`  ${where} ${severity} ${terminalSafe(finding.message)}  ${paint(90, finding.ruleId)}`);
    const source = sources.get(finding.absolutePath);
    if (source) lines.push(...codeFrame(source.file, source.envFile === true, finding, masks.get(finding.absolutePath) ?? [], paint));
  }
  if (lines.length > 0) lines.push('');
  lines.push(summary(input, paint));
  return `${lines.join('\n')}\n`;
}

function summary(input: ReportInput, paint: (code: number, text: string) => string): string {
  const counts = countBySeverity(input.findings);
  const total = input.findings.length;
  const suppressed = input.suppressedCount > 0 ? `, ${input.suppressedCount} suppressed` : '';
  const projects = input.results.length === 1 ? '1 project' : `${input.results.length} projects`;
  if (total === 0) return paint(32, `No problems found in ${projects}${suppressed}.`);
  const parts = [
    `${counts.error} ${counts.error === 1 ? 'error' : 'errors'}`,
    `${counts.warning} ${counts.warning === 1 ? 'warning' : 'warnings'}`,
    `${counts.info} info`,
  ];
  const text = `${total} ${total === 1 ? 'problem' : 'problems'} (${parts.join(', ')}) in ${projects}${suppressed}.`;
  return paint(counts.error > 0 ? 31 : counts.warning > 0 ? 33 : 36, text);
}

/** The finding's first line with a caret underline; secret ranges are masked first. */
function codeFrame(source: SourceFile, envFile: boolean, finding: Finding, masks: Range[], paint: (code: number, text: string) => string): string[] {
  const raw = lineText(source, finding.line);
  if (raw.length > 400) return [];
  const text = maskSecretsInLine(maskLine(raw, finding.line, masks), envFile);
  const gutter = String(finding.line);
  const start = Math.max(finding.column - 1, 0);
  const end = finding.endLine === finding.line ? Math.max(finding.endColumn - 1, start + 1) : text.length;
  const prefix = visibleWidth(text.slice(0, start));
  const width = Math.max(visibleWidth(text.slice(start, Math.min(end, text.length))), 1);
  return [
    paint(90, `    ${gutter} | `) + terminalSafe(text),
    paint(90, `    ${' '.repeat(gutter.length)} | `) + ' '.repeat(prefix) + paint(31, '^'.repeat(width)),
  ];
}

/** Tabs keep their width; control characters are shown escaped, so count what terminalSafe prints. */
function visibleWidth(text: string): number {
  return terminalSafe(text).length;
}

interface Range {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

function maskLine(text: string, line: number, masks: Range[]): string {
  let out = text;
  for (const mask of masks) {
    if (line < mask.startLine || line > mask.endLine) continue;
    const from = line === mask.startLine ? mask.startColumn - 1 : 0;
    const to = line === mask.endLine ? mask.endColumn - 1 : out.length;
    if (to <= from) continue;
    out = out.slice(0, from) + '*'.repeat(Math.min(to - from, 8)).padEnd(to - from, '*') + out.slice(to);
  }
  return out;
}

/** Ranges that findings of sensitive rules (shown or suppressed) mark as secret values. */
function sensitiveRanges(input: ReportInput): Map<string, Range[]> {
  const sensitive = new Set(input.enabledRules.filter((entry) => entry.rule.meta.sensitive).map((entry) => entry.rule.meta.id));
  const out = new Map<string, Range[]>();
  for (const result of input.results) {
    for (const finding of [...result.findings, ...result.suppressed]) {
      if (!sensitive.has(finding.ruleId)) continue;
      const list = out.get(finding.absolutePath) ?? [];
      list.push({ startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn });
      out.set(finding.absolutePath, list);
    }
  }
  return out;
}

/**
 * Files whose lines a code frame may show: those inside the repository (or the working
 * folder outside one). An include, extends or symlink can name any file on the machine
 * (/etc/shadow, ~/.docker/config.json); its findings keep their message, not its text.
 */
function sourceFiles(input: ReportInput): Map<string, ParsedFile> {
  const root = realPath(repoRoot(input.cwd));
  const out = new Map<string, ParsedFile>();
  for (const result of input.results) {
    // Where the file really is: a symlink inside the repository may point anywhere.
    for (const [path, parsed] of result.project.sources) if (pathUnder(root, realPath(path)) !== undefined) out.set(path, parsed);
  }
  return out;
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
