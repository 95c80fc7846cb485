import { resolve } from 'node:path';
import { pathUnder, repoRoot } from '../report/repo-path.ts';

/** The parts of the `--format json` report (the contract's shape) the summary shows. */
export interface JsonReport {
  projects: unknown[];
  findings: { ruleId: string; severity: 'error' | 'warning' | 'info'; message: string; file: string; line: number; column: number }[];
  summary: { error: number; warning: number; info: number; suppressed: number };
}

// GitHub caps a step summary at 1 MiB; past this many rows the log and SARIF have the rest.
const MAX_ROWS = 500;

/** The step summary: counts, then one table row per finding with its repository-relative place. */
export function summaryMarkdown(report: JsonReport, cwd: string): string {
  const { error, warning, info, suppressed } = report.summary;
  const projects = report.projects.length === 1 ? '1 project' : `${report.projects.length} projects`;
  const lines = ['## compose-lint', ''];
  if (report.findings.length === 0) {
    lines.push(`No problems found in ${projects}${suppressed > 0 ? ` (${suppressed} suppressed)` : ''}.`, '');
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    `${plural(error, 'error')}, ${plural(warning, 'warning')}, ${info} info in ${projects}${suppressed > 0 ? `, ${suppressed} suppressed` : ''}.`,
    '',
    '| Severity | Rule | Location | Message |',
    '| --- | --- | --- | --- |',
  );
  const root = repoRoot(cwd);
  for (const finding of report.findings.slice(0, MAX_ROWS)) {
    const path = pathUnder(root, resolve(cwd, finding.file)) ?? finding.file;
    const cells = [finding.severity, finding.ruleId, `${path}:${finding.line}:${finding.column}`, finding.message];
    lines.push(`| ${cells.map(cell).join(' | ')} |`);
  }
  if (report.findings.length > MAX_ROWS) {
    lines.push('', `Showing the first ${MAX_ROWS} of ${report.findings.length} findings; the log and the SARIF file have them all.`);
  }
  return `${lines.join('\n')}\n\n`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Table cells hold text from compose files (service names, values): no HTML, no breaking the row. */
function cell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\s*[\r\n]+\s*/g, ' ');
}
