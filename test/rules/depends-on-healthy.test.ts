import rule from '../../rules/depends-on-healthy.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

const db = '  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready"]\n';

testRule(rule, {
  valid: [
    `services:\n${db}  api:\n    image: acme/api:1.0\n    depends_on:\n      db:\n        condition: service_healthy\n`,
    // One-shot dependencies are gated by completion.
    'services:\n  migrate:\n    image: acme/migrate:1.0\n    restart: "no"\n  api:\n    image: acme/api:1.0\n    depends_on: [migrate]\n',
    [
      'services:',
      '  seed:',
      '    image: acme/seed:1.0',
      '  api:',
      '    image: acme/api:1.0',
      '    depends_on:',
      '      seed:',
      '        condition: service_completed_successfully',
      '  worker:',
      '    image: acme/worker:1.0',
      '    depends_on:',
      '      - seed',
      '',
    ].join('\n'),
    // An undefined dependency is undefined-reference's business.
    'services:\n  api:\n    image: acme/api:1.0\n    depends_on: [nothing]\n',
    'services:\n  api:\n    image: acme/api:1.0\n',
  ],
  invalid: [
    {
      name: 'short form on a service with a healthcheck',
      code: `services:\n${db}  api:\n    image: acme/api:1.0\n    depends_on:\n      - db\n`,
      errors: [
        {
          messageId: 'shortForm',
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 11,
          data: { dependency: 'db', advice: 'use `condition: service_healthy`' },
        },
      ],
    },
    {
      name: 'explicit service_started on a service without a healthcheck',
      code: 'services:\n  redis:\n    image: redis:7\n  api:\n    image: acme/api:1.0\n    depends_on:\n      redis:\n        condition: service_started\n',
      errors: [
        {
          messageId: 'started',
          line: 8,
          column: 20,
          endLine: 8,
          endColumn: 35,
          data: { dependency: 'redis', advice: "give 'redis' a healthcheck and use `condition: service_healthy`" },
        },
      ],
    },
    {
      name: 'long form without a condition is reported at the key',
      code: `services:\n${db}  api:\n    image: acme/api:1.0\n    depends_on:\n      db:\n        restart: true\n`,
      errors: [{ messageId: 'shortForm', line: 9, column: 7, endLine: 9, endColumn: 9 }],
    },
    {
      name: 'flow list, several dependencies',
      code: 'services:\n  a:\n    image: x:1\n  b:\n    image: x:1\n  c:\n    image: x:1\n    depends_on: [a, b]\n',
      errors: [
        { messageId: 'shortForm', line: 8, column: 18, endLine: 8, endColumn: 19 },
        { messageId: 'shortForm', line: 8, column: 21, endLine: 8, endColumn: 22 },
      ],
    },
    {
      name: 'an image known to declare a HEALTHCHECK',
      code: 'services:\n  vault:\n    image: vaultwarden/server:1.32.0\n  backup:\n    image: x:1\n    depends_on: [vault]\n',
      errors: [{ messageId: 'shortForm', line: 6, column: 18, endLine: 6, endColumn: 23, data: { dependency: 'vault', advice: 'use `condition: service_healthy`' } }],
    },
    {
      name: 'a disabled healthcheck counts as none',
      code: 'services:\n  a:\n    image: x:1\n    healthcheck:\n      disable: true\n  c:\n    image: x:1\n    depends_on: [a]\n',
      errors: [{ messageId: 'shortForm', line: 8, column: 18, endLine: 8, endColumn: 19, data: { dependency: 'a', advice: "give 'a' a healthcheck and use `condition: service_healthy`" } }],
    },
  ],
});
