import rule from '../../rules/obsolete-version.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    `services:
  web:
    image: nginx
`,
    `name: shop
services:
  web:
    image: nginx
    labels:
      version: "3.8"
`,
  ],
  invalid: [
    {
      code: `version: "3.8"
services:
  web:
    image: nginx
`,
      errors: [{ messageId: 'obsolete', line: 1, column: 1, endLine: 1, endColumn: 8 }],
    },
    {
      name: 'after other keys, with a number value',
      code: `name: shop
version: 2.4
services:
  web:
    image: nginx
`,
      errors: [{ messageId: 'obsolete', line: 2, column: 1, endLine: 2, endColumn: 8 }],
    },
  ],
});
