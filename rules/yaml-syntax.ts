import { docsUrl } from '../src/lint/docs-url.ts';
import { reportLoadDiagnostics } from '../src/lint/load-diagnostic-rule.ts';
import { defineRule } from '../src/lint/rule-types.ts';

export default defineRule({
  meta: {
    id: 'yaml-syntax',
    description: 'YAML that does not parse, tabs, several documents',
    severity: 'error',
    tags: ['correctness'],
    messages: {
      problem: '{{message}}',
    },
    docs: docsUrl('yaml-syntax'),
  },
  create: reportLoadDiagnostics,
});
