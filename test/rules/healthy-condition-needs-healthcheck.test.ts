import rule from '../../rules/healthy-condition-needs-healthcheck.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    `services:
  api:
    image: api
    depends_on:
      db:
        condition: service_healthy
      cache:
        condition: service_started
  db:
    image: postgres:16
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U postgres"]
      interval: 10s
  cache:
    image: redis
`,
    {
      name: 'a built image whose Dockerfile declares a HEALTHCHECK',
      code: `services:
  api:
    image: api
    depends_on:
      model:
        condition: service_healthy
  model:
    build: ./model
`,
      files: { 'model/Dockerfile': 'FROM python:3.12-slim\nHEALTHCHECK --interval=10s CMD curl -f http://localhost:8000/health || exit 1\n' },
    },
    {
      name: 'a healthcheck that only tunes the timings of the image test',
      code: `services:
  api:
    image: api
    depends_on:
      db: {condition: service_healthy}
  db:
    image: postgres
    healthcheck:
      interval: 5s
`,
    },
    {
      name: 'a well-known image that declares a HEALTHCHECK',
      code: `services:
  app:
    image: alpine
    depends_on:
      vpn: {condition: service_healthy}
  vpn:
    image: qmcgaw/gluetun:v3
`,
    },
    {
      name: 'an optional dependency (required: false) only makes compose warn',
      code: `services:
  api:
    image: api
    depends_on:
      tracing:
        condition: service_healthy
        required: false
  tracing:
    image: jaeger
`,
    },
    {
      name: 'an undefined dependency is left to undefined-reference',
      code: `services:
  api:
    image: api
    depends_on:
      ghost: {condition: service_healthy}
`,
    },
  ],
  invalid: [
    {
      code: `services:
  api:
    image: api
    depends_on:
      db:
        condition: service_healthy
  db:
    image: postgres
`,
      errors: [{ messageId: 'missing', line: 6, column: 20, endLine: 6, endColumn: 35, data: { service: 'api', name: 'db' }, service: 'api' }],
    },
    {
      name: 'healthcheck disabled with disable: true or test NONE',
      code: `services:
  api:
    image: api
    depends_on:
      db: {condition: service_healthy}
      cache: {condition: service_healthy}
  db:
    image: postgres
    healthcheck:
      disable: true
  cache:
    image: redis
    healthcheck:
      test: ["NONE"]
`,
      errors: [
        { messageId: 'disabled', line: 5, column: 23, endLine: 5, endColumn: 38, data: { service: 'api', name: 'db' } },
        { messageId: 'disabled', line: 6, column: 26, endLine: 6, endColumn: 41, data: { service: 'api', name: 'cache' } },
      ],
    },
    {
      name: 'a Dockerfile whose HEALTHCHECK is NONE',
      code: `services:
  api:
    image: api
    depends_on:
      model:
        condition: service_healthy
  model:
    build:
      context: model
`,
      files: { 'model/Dockerfile': 'FROM python:3.12-slim\nHEALTHCHECK NONE\n' },
      errors: [{ messageId: 'missing', line: 6, column: 20, endLine: 6, endColumn: 35 }],
    },
    {
      name: 'each waiting service is reported',
      code: `services:
  a:
    image: x
    depends_on: {db: {condition: service_healthy}}
  b:
    image: x
    depends_on: {db: {condition: service_healthy}}
  db:
    image: postgres
`,
      errors: [
        { messageId: 'missing', line: 4, column: 34, endLine: 4, endColumn: 49, service: 'a' },
        { messageId: 'missing', line: 7, column: 34, endLine: 7, endColumn: 49, service: 'b' },
      ],
    },
  ],
});
