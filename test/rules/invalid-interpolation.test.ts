import rule from '../../rules/invalid-interpolation.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    `services:
  web:
    image: "nginx:\${TAG:-1.27}"
    command: echo $$HOME $\${HOME} \${HOME:-x} \${USER-y}
    environment:
      URL: "postgres://\${DB_USER:?set DB_USER}@db/app"
`,
    {
      name: 'nested defaults',
      code: `services:
  web:
    image: "\${REGISTRY:-docker.io}/\${IMAGE:-nginx:\${TAG:-latest}}"
`,
    },
  ],
  invalid: [
    {
      name: 'an unclosed brace',
      code: `services:
  web:
    image: "nginx:\${TAG"
`,
      errors: [{ messageId: 'problem', line: 3, column: 19, endLine: 3, endColumn: 24 }],
    },
    {
      name: 'an empty modifier and a name that starts with a digit',
      code: `services:
  web:
    image: "nginx:\${TAG:}"
    command: echo \${1abc}
`,
      errors: [
        { messageId: 'problem', line: 3, column: 19, endLine: 3, endColumn: 26 },
        { messageId: 'problem', line: 4, column: 19, endLine: 4, endColumn: 26 },
      ],
    },
    {
      name: 'an empty name',
      code: `services:
  web:
    image: nginx
    environment:
      - "A=\${}"
`,
      errors: [{ messageId: 'problem', line: 5, column: 12, endLine: 5, endColumn: 15 }],
    },
  ],
});
