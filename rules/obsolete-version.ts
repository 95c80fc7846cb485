import { docsUrl } from '../src/lint/docs-url.ts';
import { defineRule } from '../src/lint/rule-types.ts';

export default defineRule({
  meta: {
    id: 'obsolete-version',
    description: 'The top-level `version` key, which compose ignores',
    severity: 'warning',
    tags: ['correctness'],
    messages: {
      obsolete:
        'The top-level version key is obsolete: compose ignores it (and warns on every run) and picks features from the Compose Specification instead; remove it.',
    },
    docs: docsUrl('obsolete-version'),
  },
  create(context) {
    return {
      project(project) {
        const pair = project.root.pairs.get('version');
        if (pair) context.report({ node: pair.key, messageId: 'obsolete', service: null });
      },
    };
  },
});
