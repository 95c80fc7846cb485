import rule from '../../rules/required-keys.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

const options = {
  keys: [{ path: 'logging' }, { path: 'deploy.resources.limits.memory', services: ['api', 'worker-*'] }],
};

testRule(rule, {
  valid: [
    {
      options,
      code: `services:
  api:
    image: acme/api:1.0
    logging:
      driver: json-file
    deploy:
      resources:
        limits:
          memory: 1g
  db:
    image: postgres:16
    logging:
      driver: local
`,
    },
    {
      name: 'not configured',
      code: `services:
  api:
    image: acme/api:1.0
`,
    },
  ],
  invalid: [
    {
      options,
      code: `services:
  api:
    image: acme/api:1.0
    logging:
      driver: json-file
    deploy:
      resources:
        limits:
          cpus: "1"
  worker-1:
    image: acme/worker:1.0
  db:
    image: postgres:16
`,
      errors: [
        { messageId: 'missing', line: 8, column: 9, endLine: 8, endColumn: 15, data: { service: 'api', path: 'deploy.resources.limits.memory' }, service: 'api' },
        { messageId: 'missing', line: 10, column: 3, endLine: 10, endColumn: 11, data: { service: 'worker-1', path: 'logging' } },
        { messageId: 'missing', line: 10, column: 3, endLine: 10, endColumn: 11, data: { service: 'worker-1', path: 'deploy.resources.limits.memory' } },
        { messageId: 'missing', line: 12, column: 3, endLine: 12, endColumn: 5, data: { service: 'db', path: 'logging' }, service: 'db' },
      ],
    },
    {
      name: 'a key written with no value is missing its setting',
      options: { keys: [{ path: 'healthcheck' }] },
      code: `services:
  api:
    image: acme/api:1.0
    healthcheck:
`,
      errors: [{ messageId: 'missing', line: 4, column: 5, endLine: 4, endColumn: 16, data: { service: 'api', path: 'healthcheck' } }],
    },
  ],
});
