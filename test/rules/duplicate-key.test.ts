import rule from '../../rules/duplicate-key.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    `services:
  web:
    image: nginx
  api:
    image: nginx
`,
    {
      name: 'a merge key overridden by an explicit key',
      code: `x-base: &base
  image: nginx
  restart: always
services:
  web:
    <<: *base
    image: nginx:1.27
`,
    },
    {
      name: 'the same key in different mappings',
      code: `services:
  web:
    environment:
      MODE: prod
    labels:
      MODE: prod
`,
    },
  ],
  invalid: [
    {
      code: `services:
  web:
    image: nginx
    image: redis
`,
      errors: [{ messageId: 'problem', line: 4, column: 5, endLine: 4, endColumn: 10 }],
    },
    {
      name: 'a service defined twice',
      code: `services:
  web:
    image: nginx
  web:
    image: redis
`,
      errors: [{ messageId: 'problem', line: 4, column: 3, endLine: 4, endColumn: 6 }],
    },
    {
      name: 'a quoted key equal to a plain one',
      code: `services:
  web:
    image: nginx
    environment:
      MODE: dev
      "MODE": prod
`,
      errors: [{ messageId: 'problem', line: 6, column: 7, endLine: 6, endColumn: 13 }],
    },
  ],
});
