import rule from '../../rules/schema.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    `services:
  web:
    image: nginx
    ports: ["8080:80"]
    restart: unless-stopped
    deploy:
      replicas: 2
`,
    {
      name: 'extension fields and long syntaxes',
      code: `x-logging: &logging
  driver: json-file
services:
  api:
    build:
      context: .
      args: [MODE=prod]
    logging: *logging
    depends_on:
      db: {condition: service_healthy, restart: true}
    x-team: ml
  db:
    image: postgres
volumes:
  data: {}
`,
    },
  ],
  invalid: [
    {
      name: 'a misspelled service key',
      code: `services:
  web:
    imag: nginx
`,
      errors: [{ messageId: 'problem', line: 3, column: 5, endLine: 3, endColumn: 9, service: 'web' }],
    },
    {
      name: 'values of the wrong type or outside the allowed set',
      code: `services:
  web:
    image: nginx
    ports: 80
    restart: sometimes
    deploy:
      replicas: many
`,
      errors: [
        { messageId: 'problem', line: 4, column: 12, endLine: 4, endColumn: 14 },
        { messageId: 'problem', line: 5, column: 14, endLine: 5, endColumn: 23 },
        { messageId: 'problem', line: 7, column: 17, endLine: 7, endColumn: 21 },
      ],
    },
    {
      name: 'a misspelled top-level key',
      code: `servics:
  web:
    image: nginx
`,
      errors: [{ messageId: 'problem', line: 1, column: 1, endLine: 1, endColumn: 8 }],
    },
    {
      name: 'an empty file',
      code: '',
      errors: [{ messageId: 'problem', line: 1, column: 1, endLine: 1, endColumn: 1 }],
    },
  ],
});
