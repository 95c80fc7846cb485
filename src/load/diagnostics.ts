import type { Loc } from './nodes.ts';

/**
 * A problem found while loading (YAML syntax, duplicate keys, interpolation,
 * schema). The engine turns these into findings of the rule named by ruleId, so
 * severity, suppressions and output work exactly as for every other rule.
 */
export interface LoadDiagnostic {
  ruleId: string;
  message: string;
  loc: Loc;
  service?: string;
}
