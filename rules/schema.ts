import { docsUrl } from '../src/lint/docs-url.ts';
import { reportLoadDiagnostics } from '../src/lint/load-diagnostic-rule.ts';
import { defineRule } from '../src/lint/rule-types.ts';

export default defineRule({
  meta: {
    id: 'schema',
    description: 'A violation of the compose-spec JSON schema, with a did-you-mean hint for misspelled keys',
    severity: 'error',
    tags: ['correctness'],
    messages: {
      problem: '{{message}}',
    },
    docs: docsUrl('schema'),
  },
  create: reportLoadDiagnostics,
});
