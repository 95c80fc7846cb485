import type { RuleContext, RuleVisitors } from './rule-types.ts';

/**
 * Visitors for the rules whose problems the loader finds (YAML syntax, duplicate
 * keys, schema, interpolation): they report what the loader recorded, so these
 * problems get severities, suppressions and output like any other finding.
 */
export function reportLoadDiagnostics(context: RuleContext): RuleVisitors {
  return {
    project() {
      for (const diagnostic of context.loadDiagnostics) {
        context.report({
          node: diagnostic.loc,
          messageId: 'problem',
          data: { message: diagnostic.message },
          service: diagnostic.service ?? null,
        });
      }
    },
  };
}
