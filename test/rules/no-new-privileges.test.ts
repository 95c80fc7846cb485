import rule from '../../rules/no-new-privileges.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    'services:\n  app:\n    image: x\n    security_opt:\n      - no-new-privileges:true\n',
    'services:\n  app:\n    image: x\n    security_opt: ["no-new-privileges=true", "seccomp:default.json"]\n',
    { name: 'bare option', code: 'services:\n  app:\n    image: x\n    security_opt: [no-new-privileges]\n' },
    { name: 'shared through an anchor', code: 'x-hardening: &hardening\n  security_opt: [no-new-privileges:true]\nservices:\n  a:\n    <<: *hardening\n    image: x\n  b:\n    <<: *hardening\n    image: y\n' },
  ],
  invalid: [
    {
      code: 'services:\n  app:\n    image: x\n',
      errors: [{ messageId: 'missing', line: 2, column: 3, endLine: 2, endColumn: 6, data: { service: 'app' }, service: 'app' }],
    },
    {
      name: 'security_opt without it: points at the key',
      code: 'services:\n  app:\n    image: x\n    security_opt:\n      - apparmor:docker-default\n  db:\n    image: y\n',
      errors: [
        { messageId: 'missing', line: 4, column: 5, endLine: 4, endColumn: 17, service: 'app' },
        { messageId: 'missing', line: 6, column: 3, endLine: 6, endColumn: 5, service: 'db' },
      ],
    },
    {
      name: 'explicitly false',
      code: 'services:\n  app:\n    image: x\n    security_opt:\n      - "no-new-privileges:false"\n',
      errors: [{ messageId: 'disabled', line: 5, column: 9, endLine: 5, endColumn: 34, data: { option: 'no-new-privileges:false' } }],
    },
  ],
});
