import { docsUrl } from '../src/lint/docs-url.ts';
import { reportLoadDiagnostics } from '../src/lint/load-diagnostic-rule.ts';
import { defineRule } from '../src/lint/rule-types.ts';

export default defineRule({
  meta: {
    id: 'duplicate-key',
    description: 'A mapping key written twice',
    severity: 'error',
    tags: ['correctness'],
    messages: {
      problem: '{{message}}',
    },
    docs: docsUrl('duplicate-key'),
  },
  create: reportLoadDiagnostics,
});
