import rule from '../../rules/no-privileged.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    'services:\n  app:\n    image: nginx:1.27\n',
    'services:\n  app:\n    image: nginx:1.27\n    privileged: false\n',
    { name: 'interpolated false', code: 'services:\n  app:\n    image: nginx:1.27\n    privileged: ${PRIV:-false}\n' },
    { name: 'service with no body', code: 'services:\n  app:\n' },
  ],
  invalid: [
    {
      code: 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n',
      errors: [{ messageId: 'privileged', line: 4, column: 17, endLine: 4, endColumn: 21, data: { service: 'app' }, service: 'app' }],
    },
    {
      name: 'quoted string cast to true',
      code: 'services:\n  a:\n    image: x\n  b:\n    image: y\n    privileged: "true"\n',
      errors: [{ messageId: 'privileged', line: 6, column: 17, endLine: 6, endColumn: 23, service: 'b' }],
    },
    {
      name: 'set through an interpolated variable',
      code: 'services:\n  gpu:\n    image: x\n    privileged: ${PRIVILEGED}\n',
      env: { PRIVILEGED: 'true' },
      errors: [{ messageId: 'privileged', line: 4, column: 17, endLine: 4, endColumn: 30 }],
    },
  ],
});
