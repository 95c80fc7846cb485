import rule from '../../rules/unconfined-security-profile.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    'services:\n  app:\n    image: x\n    security_opt:\n      - no-new-privileges:true\n      - seccomp:./seccomp.json\n      - apparmor:docker-default\n',
    'services:\n  app:\n    image: x\n    security_opt: ["label:type:container_t", "label=level:s0:c100,c200"]\n',
    'services:\n  app:\n    image: x\n',
  ],
  invalid: [
    {
      code: 'services:\n  app:\n    image: x\n    security_opt:\n      - seccomp:unconfined\n      - apparmor=unconfined\n',
      errors: [
        { messageId: 'seccomp', line: 5, column: 9, endLine: 5, endColumn: 27, data: { option: 'seccomp:unconfined' }, service: 'app' },
        { messageId: 'apparmor', line: 6, column: 9, endLine: 6, endColumn: 28, data: { option: 'apparmor=unconfined' } },
      ],
    },
    {
      name: 'label and systempaths, both separators, upper case',
      code: 'services:\n  a:\n    image: x\n    security_opt: [label:disable, "label=type:spc_t", systempaths=unconfined, SECCOMP=Unconfined]\n',
      errors: [
        { messageId: 'label', line: 4, column: 20, endLine: 4, endColumn: 33 },
        { messageId: 'label', line: 4, column: 35, endLine: 4, endColumn: 53, data: { option: 'label=type:spc_t' } },
        { messageId: 'systempaths', line: 4, column: 55, endLine: 4, endColumn: 77 },
        { messageId: 'seccomp', line: 4, column: 79, endLine: 4, endColumn: 97 },
      ],
    },
  ],
});
