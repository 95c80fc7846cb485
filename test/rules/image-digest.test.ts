import rule from '../../rules/image-digest.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

const DIGEST = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

testRule(rule, {
  valid: [
    `services:\n  app:\n    image: nginx:1.27@${DIGEST}\n`,
    `services:\n  app:\n    image: ghcr.io/org/app@${DIGEST}\n`,
    { name: 'no tag and latest are image-tag-pinned\'s', code: 'services:\n  a:\n    image: nginx\n  b:\n    image: redis:latest\n' },
    { name: 'the name of a built image', code: 'services:\n  app:\n    build: .\n    image: registry.example.com/app:1.0\n' },
  ],
  invalid: [
    {
      code: 'services:\n  app:\n    image: nginx:1.27-alpine\n',
      errors: [{ messageId: 'tagOnly', line: 3, column: 12, endLine: 3, endColumn: 29, data: { image: 'nginx:1.27-alpine' }, service: 'app' }],
    },
    {
      name: 'registry with a port, quoted, interpolated tag',
      code: 'services:\n  a:\n    image: "localhost:5000/team/model:v2"\n  b:\n    image: postgres:${PG_TAG:-16}\n',
      errors: [
        { messageId: 'tagOnly', line: 3, column: 12, endLine: 3, endColumn: 42, data: { image: 'localhost:5000/team/model:v2' } },
        { messageId: 'tagOnly', line: 5, column: 12, endLine: 5, endColumn: 34, data: { image: 'postgres:16' } },
      ],
    },
  ],
});
