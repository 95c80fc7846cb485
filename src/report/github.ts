import { terminalSafe } from './terminal-safe.ts';
import { pathUnder, repoRoot } from './repo-path.ts';
import type { ReportInput } from './report-input.ts';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * GitHub Actions workflow commands, one annotation per finding:
 * `::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::MESSAGE`.
 * GitHub places annotations by repository-relative path, so a run from a sub-folder names
 * files from the checkout's root; a file outside the repository keeps its cwd-relative path.
 */
export function formatGithub(input: ReportInput): string {
  const root = repoRoot(input.cwd);
  return input.findings
    .map((finding) => {
      const properties = [
        `file=${escapeProperty(pathUnder(root, finding.absolutePath) ?? finding.file)}`,
        `line=${finding.line}`,
        `col=${finding.column}`,
        `endLine=${finding.endLine}`,
        `endColumn=${finding.endColumn}`,
        `title=${escapeProperty(finding.ruleId)}`,
      ].join(',');
      return `::${COMMAND[finding.severity]} ${properties}::${escapeData(finding.message)}\n`;
    })
    .join('');
}

// The runner decodes exactly these escapes (actions/runner ActionCommand, as @actions/core encodes them):
// `%`, CR and LF everywhere, plus `:` and `,` inside property values.
export function escapeData(text: string): string {
  // Other control characters (ANSI escapes) would be rendered by the Actions log viewer.
  return terminalSafe(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
