import { docsUrl } from '../src/lint/docs-url.ts';
import { reportLoadDiagnostics } from '../src/lint/load-diagnostic-rule.ts';
import { defineRule } from '../src/lint/rule-types.ts';

export default defineRule({
  meta: {
    id: 'env-file-syntax',
    description: 'A line of an env file (.env or --env-file) that compose cannot read',
    severity: 'error',
    tags: ['correctness'],
    messages: {
      problem: '{{message}}',
    },
    docs: docsUrl('env-file-syntax'),
  },
  create: reportLoadDiagnostics,
});
