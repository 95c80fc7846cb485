import type { Severity } from './rule-types.ts';

/** A finding as users see it (the contract's JSON shape, plus what formatters need). */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Path relative to the working directory, `/` separators. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  service?: string;
  fixable: boolean;
  /** Absolute path of the file, for code frames and suppressions. */
  absolutePath: string;
}

export interface SuppressedFinding extends Finding {
  suppression: { kind: 'inline' | 'x-compose-lint'; reason?: string };
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function severityAtLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
