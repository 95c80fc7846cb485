import rule from '../../rules/published-datastore-port.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    'services:\n  db:\n    image: postgres:16\n    expose: ["5432"]\n',
    'services:\n  web:\n    image: nginx:1.27\n    ports: ["80:80"]\n',
    // Loopback bindings are accepted by default.
    'services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"\n      - "[::1]:5433:5432"\n',
    'services:\n  db:\n    image: redis:7\n    ports:\n      - target: 6379\n        published: 6379\n        host_ip: 127.0.0.1\n',
    'services:\n  admin:\n    image: dpage/pgadmin4:8\n    ports: ["5050:80"]\n',
    // A one-shot job on a datastore image.
    'services:\n  seed:\n    image: mongo:7\n    restart: "no"\n    ports: ["27018:27017"]\n',
  ],
  invalid: [
    {
      code: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n',
      errors: [
        {
          messageId: 'published',
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 14,
          data: { kind: 'postgres', target: '5432', where: 'every host interface' },
        },
      ],
    },
    {
      name: 'ephemeral host port, a specific address, and the long form',
      code: [
        'services:',
        '  cache:',
        '    image: bitnami/redis:7.2',
        '    ports:',
        '      - "6379"',
        '      - 10.0.0.5:16379:6379',
        '      - target: 6380',
        '        published: "6380"',
        '',
      ].join('\n'),
      errors: [
        { messageId: 'published', line: 5, column: 9, endLine: 5, endColumn: 15, data: { kind: 'redis', target: '6379', where: 'every host interface' } },
        { messageId: 'published', line: 6, column: 18, endLine: 6, endColumn: 23, data: { kind: 'redis', target: '6379', where: 'host address 10.0.0.5' } },
        { messageId: 'published', line: 8, column: 20, endLine: 8, endColumn: 26, data: { kind: 'redis', target: '6380', where: 'every host interface' } },
      ],
    },
    {
      name: 'loopback when not allowed',
      code: 'services:\n  db:\n    image: mongo:7\n    ports: ["127.0.0.1:27017:27017"]\n',
      options: { 'allow-loopback': false },
      errors: [{ messageId: 'loopback', line: 4, column: 24, endLine: 4, endColumn: 29, data: { kind: 'mongodb', target: '27017' } }],
    },
    {
      name: 'extra datastore, port range',
      code: 'services:\n  q:\n    image: acme/queue:2\n    ports: ["4222-4223:4222-4223"]\n',
      options: { datastores: ['queue'] },
      errors: [{ messageId: 'published', line: 4, column: 14, endLine: 4, endColumn: 23, data: { kind: 'queue', target: '4222-4223', where: 'every host interface' } }],
    },
  ],
});
