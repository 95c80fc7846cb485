import rule from '../../rules/undefined-variable.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    {
      name: 'variables set by .env, by the environment, or with defaults',
      code: `services:
  web:
    image: "nginx:\${TAG}"
    environment:
      REGION: \${REGION}
      MODE: \${MODE:-dev}
      LEVEL: \${LEVEL-info}
`,
      files: { '.env': 'TAG=1.27\n' },
      env: { REGION: 'eu' },
    },
    {
      name: 'required variables (${VAR:?msg}) are declared, not missing',
      code: `services:
  db:
    image: postgres
    environment:
      POSTGRES_PASSWORD: \${DB_PASSWORD:?set DB_PASSWORD}
      ESCAPED: $$NOT_A_VARIABLE
`,
    },
  ],
  invalid: [
    {
      code: `services:
  web:
    image: "nginx:\${TAG}"
`,
      errors: [{ messageId: 'problem', line: 3, column: 19, endLine: 3, endColumn: 25, service: 'web' }],
    },
    {
      name: 'the short $VAR form, once per use',
      code: `services:
  web:
    image: nginx:$TAG
    command: echo $GREETING $GREETING
`,
      errors: [
        { messageId: 'problem', line: 3, column: 18, endLine: 3, endColumn: 22 },
        { messageId: 'problem', line: 4, column: 19, endLine: 4, endColumn: 28 },
        { messageId: 'problem', line: 4, column: 29, endLine: 4, endColumn: 38 },
      ],
    },
  ],
});
