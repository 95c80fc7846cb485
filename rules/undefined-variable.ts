import { docsUrl } from '../src/lint/docs-url.ts';
import { reportLoadDiagnostics } from '../src/lint/load-diagnostic-rule.ts';
import { defineRule } from '../src/lint/rule-types.ts';

export default defineRule({
  meta: {
    id: 'undefined-variable',
    description: 'A `$VAR` or `${VAR}` with no default that neither the environment nor the env files set',
    severity: 'warning',
    tags: ['correctness'],
    messages: {
      problem: '{{message}}',
    },
    docs: docsUrl('undefined-variable'),
  },
  create: reportLoadDiagnostics,
});
