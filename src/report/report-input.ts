import type { EnabledRule, LintResult } from '../lint/engine.ts';
import type { Finding } from '../lint/finding.ts';

/** Everything a formatter may use; formatters only turn this into text. */
export interface ReportInput {
  results: LintResult[];
  /** Findings to show, across projects, sorted (after --quiet filtering). */
  findings: Finding[];
  suppressedCount: number;
  enabledRules: EnabledRule[];
  cwd: string;
  color: boolean;
}

export type Formatter = (input: ReportInput) => string;

export function countBySeverity(findings: Finding[]): { error: number; warning: number; info: number } {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
