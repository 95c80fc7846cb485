import { displayPath } from '../load/read-file.ts';
import { TOOL_NAME, TOOL_VERSION } from '../version.ts';
import { countBySeverity, type ReportInput } from './report-input.ts';

/** The contract's `--format json` document. */
export function formatJson(input: ReportInput): string {
  const document = {
    version: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    projects: input.results.map((result) => ({
      files: result.project.configFiles.map((file) => displayPath(file.path, input.cwd)),
    })),
    findings: input.findings.map((finding) => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      file: finding.file,
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      ...(finding.service !== undefined ? { service: finding.service } : {}),
      fixable: finding.fixable,
    })),
    summary: { ...countBySeverity(input.findings), suppressed: input.suppressedCount },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
