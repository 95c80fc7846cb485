import rule from '../../rules/depends-on-cycle.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    `services:
  web:
    image: nginx
    depends_on: [api]
  api:
    image: api
    depends_on:
      db: {condition: service_healthy}
      cache: {condition: service_started}
  db:
    image: postgres
  cache:
    image: redis
    depends_on: [db]
`,
    {
      name: 'a diamond is not a cycle',
      code: `services:
  a: {image: x, depends_on: [b, c]}
  b: {image: x, depends_on: [d]}
  c: {image: x, depends_on: [d], links: [d]}
  d: {image: x}
`,
    },
    {
      name: 'a dependency on an undefined service is not a cycle',
      code: `services:
  a: {image: x, depends_on: [ghost]}
`,
    },
  ],
  invalid: [
    {
      name: 'two services waiting for each other',
      code: `services:
  a:
    image: x
    depends_on: [b]
  b:
    image: x
    depends_on:
      a:
        condition: service_started
`,
      errors: [{ messageId: 'cycle', line: 8, column: 7, endLine: 8, endColumn: 8, data: { path: 'a -> b -> a' }, service: 'b' }],
    },
    {
      name: 'a service that depends on itself',
      code: `services:
  a:
    image: x
    depends_on: [a]
`,
      errors: [{ messageId: 'self', line: 4, column: 18, endLine: 4, endColumn: 19, data: { name: 'a' } }],
    },
    {
      name: 'a longer cycle through links, volumes_from and network_mode',
      code: `services:
  a:
    image: x
    links: ["b:bee"]
  b:
    image: x
    volumes_from: ["c:ro"]
  c:
    image: x
    network_mode: service:a
`,
      errors: [{ messageId: 'cycle', line: 10, column: 27, endLine: 10, endColumn: 28, data: { path: 'a -> b -> c -> a' }, service: 'c' }],
    },
    {
      name: 'two cycles sharing a service are each reported once',
      code: `services:
  a:
    image: x
    depends_on: [b]
  b:
    image: x
    depends_on: [a, c]
    links: [a]
  c:
    image: x
    depends_on: [b]
`,
      errors: [
        { messageId: 'cycle', line: 7, column: 18, endLine: 7, endColumn: 19, data: { path: 'a -> b -> a' }, service: 'b' },
        { messageId: 'cycle', line: 11, column: 18, endLine: 11, endColumn: 19, data: { path: 'b -> c -> b' }, service: 'c' },
      ],
    },
  ],
});
