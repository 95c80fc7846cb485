import rule from '../../rules/denied-images.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

const options = {
  images: [
    { pattern: '*:latest', reason: 'pin a version' },
    { pattern: 'docker.io/library/mysql:5.*', reason: 'MySQL 5 is end of life.' },
    { pattern: 'ghcr.io/legacy/**' },
  ],
};

testRule(rule, {
  valid: [
    {
      options,
      code: `services:
  db:
    image: mysql:8.4
  api:
    image: ghcr.io/acme/api:1.2
  pinned:
    image: redis@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
`,
    },
    {
      name: 'built images and unconfigured rule',
      options,
      code: `services:
  web:
    build: .
    image: acme/web:latest
`,
    },
    `services:
  web:
    image: nginx
`,
  ],
  invalid: [
    {
      options,
      code: `services:
  web:
    image: nginx
  db:
    image: mysql:5.7
  tool:
    image: ghcr.io/acme/tool:latest
  old:
    image: ghcr.io/legacy/team/app:3
`,
      errors: [
        { messageId: 'deniedWithReason', line: 3, column: 12, endLine: 3, endColumn: 17, data: { image: 'nginx', pattern: '*:latest', reason: 'pin a version' }, service: 'web' },
        { messageId: 'deniedWithReason', line: 5, column: 12, endLine: 5, endColumn: 21, data: { image: 'mysql:5.7', pattern: 'docker.io/library/mysql:5.*', reason: 'MySQL 5 is end of life' } },
        { messageId: 'deniedWithReason', line: 7, column: 12, endLine: 7, endColumn: 36, data: { image: 'ghcr.io/acme/tool:latest', pattern: '*:latest', reason: 'pin a version' } },
        { messageId: 'denied', line: 9, column: 12, endLine: 9, endColumn: 37, data: { image: 'ghcr.io/legacy/team/app:3', pattern: 'ghcr.io/legacy/**' } },
      ],
    },
    {
      name: 'a name without a slash matches the last path component under any registry',
      options: { images: [{ pattern: 'mysql:5.*' }, { pattern: 'bitnami/*' }] },
      code: `services:
  a:
    image: registry.example.com/mirror/mysql:5.6
  b:
    image: bitnami/redis:7.2
`,
      errors: [
        { messageId: 'denied', line: 3, column: 12, endLine: 3, endColumn: 49, data: { image: 'registry.example.com/mirror/mysql:5.6', pattern: 'mysql:5.*' } },
        { messageId: 'denied', line: 5, column: 12, endLine: 5, endColumn: 29, data: { image: 'bitnami/redis:7.2', pattern: 'bitnami/*' } },
      ],
    },
  ],
});
