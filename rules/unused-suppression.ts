import { docsUrl } from '../src/lint/docs-url.ts';
import { defineRule } from '../src/lint/rule-types.ts';

/** Reported by the suppression stage (src/lint/suppressions.ts), which alone knows what each suppression matched. */
export default defineRule({
  meta: {
    id: 'unused-suppression',
    description: 'An inline suppression that suppresses nothing',
    severity: 'info',
    tags: ['style'],
    messages: {
      unused: 'This suppression of {{rule}} suppresses nothing here; remove it.',
      unusedAll: 'This suppression of {{rule}} suppresses nothing here; remove it.',
      unknownRule: 'This suppression names {{rule}}, which is not a compose-lint rule; fix the id or remove it.',
    },
    docs: docsUrl('unused-suppression'),
  },
  create: () => ({}),
});
