import rule from '../../rules/service-order.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    `services:
  api:
    image: acme/api:1.0
  Auth:
    image: acme/auth:1.0
  db:
    image: postgres:16
`,
    {
      name: 'configured order with a glob; unlisted services last in any order',
      options: { order: ['db', 'worker-*', 'api'] },
      code: `services:
  db:
    image: postgres:16
  worker-b:
    image: acme/worker:1.0
  worker-a:
    image: acme/worker:1.0
  api:
    image: acme/api:1.0
  zeta:
    image: busybox:1.36
  alpha:
    image: busybox:1.36
`,
    },
    {
      name: 'each file is checked on its own',
      code: `include:
  - extra.yaml
services:
  db:
    image: postgres:16
  web:
    image: nginx:1.27
`,
      files: { 'extra.yaml': 'services:\n  cache:\n    image: redis:7\n  zeta:\n    image: busybox:1.36\n' },
    },
  ],
  invalid: [
    {
      code: `services:
  db:
    image: postgres:16
  api:
    image: acme/api:1.0
  web:
    image: nginx:1.27
  cache:
    image: redis:7
`,
      errors: [
        { messageId: 'outOfOrder', line: 4, column: 3, endLine: 4, endColumn: 6, data: { service: 'api', before: 'db', order: 'alphabetical order' }, service: 'api' },
      ],
    },
    {
      name: 'the service is placed before the first one that sorts after it',
      code: `services:
  a:
    image: busybox:1.36
  c:
    image: busybox:1.36
  d:
    image: busybox:1.36
  b:
    image: busybox:1.36
`,
      errors: [{ messageId: 'outOfOrder', line: 8, column: 3, endLine: 8, endColumn: 4, data: { service: 'b', before: 'c', order: 'alphabetical order' } }],
    },
    {
      name: 'configured order',
      options: { order: ['db', 'api', 'web'] },
      code: `services:
  db:
    image: postgres:16
  web:
    image: nginx:1.27
  api:
    image: acme/api:1.0
`,
      errors: [{ messageId: 'outOfOrder', line: 6, column: 3, endLine: 6, endColumn: 6, data: { service: 'api', before: 'web', order: 'the configured order' } }],
    },
    {
      name: 'an included file has its own order',
      code: `include:
  - extra.yaml
services:
  web:
    image: nginx:1.27
`,
      files: { 'extra.yaml': 'services:\n  db:\n    image: postgres:16\n  cache:\n    image: redis:7\n' },
      errors: [{ messageId: 'outOfOrder', line: 4, column: 3, endLine: 4, endColumn: 8, data: { service: 'cache', before: 'db', order: 'alphabetical order' } }],
    },
  ],
});
