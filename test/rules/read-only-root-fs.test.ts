import rule from '../../rules/read-only-root-fs.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    'services:\n  app:\n    image: x\n    read_only: true\n    tmpfs: [/tmp]\n',
    'services:\n  app:\n    image: x\n    read_only: "true"\n',
    { name: 'through a variable', code: 'services:\n  app:\n    image: x\n    read_only: ${RO:-true}\n' },
  ],
  invalid: [
    {
      code: 'services:\n  app:\n    image: x\n',
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6, data: { service: 'app' }, service: 'app' }],
    },
    {
      name: 'explicitly false, and a one-shot job',
      code: 'services:\n  api:\n    image: x\n    read_only: false\n  migrate:\n    image: x\n    restart: "no"\n',
      errors: [
        { messageId: 'disabled', line: 4, column: 16, endLine: 4, endColumn: 21, data: { service: 'api' } },
        { messageId: 'missing', line: 5, column: 3, endLine: 5, endColumn: 10, service: 'migrate' },
      ],
    },
    {
      name: 'empty value points at the key',
      code: 'services:\n  api:\n    image: x\n    read_only:\n',
      errors: [{ messageId: 'disabled', line: 4, column: 5, endLine: 4, endColumn: 14 }],
    },
  ],
});
