import rule from '../../rules/restart-policy.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    'services:\n  api:\n    image: acme/api:1.0\n    restart: unless-stopped\n',
    'services:\n  api:\n    image: acme/api:1.0\n    deploy:\n      restart_policy:\n        condition: on-failure\n',
    'services:\n  migrate:\n    image: acme/migrate:1.0\n    restart: "no"\n',
    [
      'services:',
      '  seed:',
      '    image: acme/seed:1.0',
      '  api:',
      '    image: acme/api:1.0',
      '    restart: always',
      '    depends_on:',
      '      seed:',
      '        condition: service_completed_successfully',
      '',
    ].join('\n'),
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    image: acme/api:1.0\n',
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6, data: { service: 'api' } }],
    },
    {
      name: 'empty restart and a deploy section without restart_policy',
      code: 'services:\n  a:\n    image: x:1\n    restart:\n  b:\n    image: x:1\n    deploy:\n      replicas: 2\n',
      errors: [
        { messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 4, service: 'a' },
        { messageId: 'missing', line: 5, column: 3, endLine: 5, endColumn: 4, service: 'b' },
      ],
    },
    {
      name: 'a service the one-shot job depends on is long-running',
      code: [
        'services:',
        '  db:',
        '    image: postgres:16',
        '  migrate:',
        '    image: acme/migrate:1.0',
        '    restart: "no"',
        '    depends_on: [db]',
        '',
      ].join('\n'),
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 5 }],
    },
  ],
});
