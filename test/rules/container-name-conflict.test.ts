import rule from '../../rules/container-name-conflict.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    `services:
  web:
    image: nginx
    container_name: web
  api:
    image: api
    container_name: api
  worker:
    image: api
`,
    {
      name: 'alternatives in disjoint profiles',
      code: `services:
  ollama-cpu:
    image: ollama/ollama
    container_name: ollama
    profiles: [cpu]
  ollama-gpu:
    image: ollama/ollama
    container_name: ollama
    profiles: [gpu]
`,
    },
  ],
  invalid: [
    {
      code: `services:
  web:
    image: nginx
    container_name: app
  api:
    image: api
    container_name: app
`,
      errors: [{ messageId: 'duplicate', line: 7, column: 21, endLine: 7, endColumn: 24, data: { name: 'app', other: 'web' }, service: 'api' }],
    },
    {
      name: 'a third service, and a service with no profile next to profiled ones',
      code: `services:
  a:
    image: x
    container_name: db
    profiles: [cpu]
  b:
    image: x
    container_name: db
    profiles: [gpu]
  c:
    image: x
    container_name: "db"
`,
      errors: [{ messageId: 'duplicate', line: 12, column: 21, endLine: 12, endColumn: 25, data: { name: 'db', other: 'a' }, service: 'c' }],
    },
  ],
});
