import { docsUrl } from '../src/lint/docs-url.ts';
import { reportLoadDiagnostics } from '../src/lint/load-diagnostic-rule.ts';
import { defineRule } from '../src/lint/rule-types.ts';

export default defineRule({
  meta: {
    id: 'invalid-interpolation',
    description: 'Interpolation forms (`${...}`) that compose rejects',
    severity: 'error',
    tags: ['correctness'],
    messages: {
      problem: '{{message}}',
    },
    docs: docsUrl('invalid-interpolation'),
  },
  create: reportLoadDiagnostics,
});
