import rule from '../../rules/yaml-syntax.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    `services:
  web:
    image: nginx
    command: ["nginx", "-g", "daemon off;"]
`,
    {
      name: 'anchors, aliases and merge keys',
      code: `x-common: &common
  restart: unless-stopped
services:
  web:
    <<: *common
    image: nginx
`,
    },
    {
      name: 'a leading document marker and comments',
      code: `---
# the stack
services:
  web:
    image: nginx # pinned below
`,
    },
  ],
  invalid: [
    {
      name: 'an unclosed flow sequence',
      code: `services:
  web:
    image: [nginx
`,
      // At the end of the file, zero width: line 4 is empty, so column 2 would lie outside it.
      errors: [{ messageId: 'problem', line: 4, column: 1, endLine: 4, endColumn: 1 }],
    },
    {
      name: 'tab indentation',
      code: 'services:\n\tweb:\n    image: nginx\n',
      errors: [{ messageId: 'problem', line: 2, column: 1, endLine: 2, endColumn: 2 }],
    },
    {
      name: 'several documents',
      code: `services:
  web:
    image: nginx
---
services:
  api:
    image: api
`,
      errors: [{ messageId: 'problem', line: 4, column: 1, endLine: 4, endColumn: 4 }],
    },
    {
      name: 'a nested mapping in a compact value',
      code: `services:
  web:
    image: nginx
    command: echo: hi
`,
      errors: [{ messageId: 'problem', line: 4, column: 14, endLine: 4, endColumn: 15 }],
    },
    {
      name: 'an alias with no anchor',
      code: `services:
  web:
    image: nginx
    <<: *missing
`,
      errors: [{ messageId: 'problem', line: 4, column: 9, endLine: 4, endColumn: 17 }],
    },
  ],
});
