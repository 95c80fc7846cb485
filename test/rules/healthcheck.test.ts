import rule from '../../rules/healthcheck.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    'services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n',
    // Options only: the image's own test is kept.
    'services:\n  api:\n    image: acme/api:1.0\n    healthcheck:\n      interval: 10s\n',
    // One-shot jobs: restart "no", or gated by service_completed_successfully.
    'services:\n  migrate:\n    image: acme/migrate:1.0\n    restart: "no"\n',
    [
      'services:',
      '  seed:',
      '    image: acme/seed:1.0',
      '  api:',
      '    image: acme/api:1.0',
      '    healthcheck:',
      '      test: ["CMD", "true"]',
      '    depends_on:',
      '      seed:',
      '        condition: service_completed_successfully',
      '',
    ].join('\n'),
    // Images known to declare a HEALTHCHECK.
    'services:\n  vault:\n    image: vaultwarden/server:1.32.0\n',
    { code: 'services:\n  api:\n    image: registry.example.com/acme/api:1.0\n', options: { 'images-with-healthcheck': ['acme/api'] } },
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    image: acme/api:1.0\n',
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6, data: { service: 'api' } }],
    },
    {
      name: 'built service and an empty service body',
      code: 'services:\n  web:\n    build: .\n  worker:\n',
      errors: [
        { messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6, service: 'web' },
        { messageId: 'missing', line: 4, column: 3, endLine: 4, endColumn: 9, service: 'worker' },
      ],
    },
    {
      name: 'disable: true',
      code: 'services:\n  db:\n    image: postgres:16\n    healthcheck:\n      disable: true\n',
      errors: [{ messageId: 'disabled', line: 5, column: 16, endLine: 5, endColumn: 20 }],
    },
    {
      name: 'test NONE',
      code: 'services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["NONE"]\n',
      errors: [{ messageId: 'disabled', line: 5, column: 14, endLine: 5, endColumn: 20 }],
    },
    {
      name: 'the built-in list is replaced by the option',
      code: 'services:\n  vault:\n    image: vaultwarden/server:1.32.0\n',
      options: { 'images-with-healthcheck': [] },
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 8 }],
    },
    {
      name: 'restart on-failure is still long-running',
      code: 'services:\n  api:\n    image: acme/api:1.0\n    restart: on-failure\n',
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6 }],
    },
  ],
});
