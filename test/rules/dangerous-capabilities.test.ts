import rule from '../../rules/dangerous-capabilities.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    'services:\n  app:\n    image: x\n    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE, CHOWN]\n',
    { name: 'NET_RAW is in the default set', code: 'services:\n  app:\n    image: x\n    cap_add:\n      - NET_RAW\n      - SYS_NICE\n' },
    { name: 'allowed by option', code: 'services:\n  vpn:\n    image: x\n    cap_add: [NET_ADMIN, cap_sys_module]\n', options: { allow: ['CAP_NET_ADMIN', 'sys_module'] } },
    { name: 'dropping is fine', code: 'services:\n  app:\n    image: x\n    cap_drop: [SYS_ADMIN]\n' },
  ],
  invalid: [
    {
      code: 'services:\n  vpn:\n    image: x\n    cap_add:\n      - NET_ADMIN\n      - SYS_MODULE\n',
      errors: [
        { messageId: 'capability', line: 5, column: 9, endLine: 5, endColumn: 18, service: 'vpn' },
        { messageId: 'capability', line: 6, column: 9, endLine: 6, endColumn: 19 },
      ],
    },
    {
      name: 'CAP_ prefix, lower case, ALL, flow list',
      code: 'services:\n  a:\n    image: x\n    cap_add: [cap_sys_admin, "ALL", CHOWN, SYS_PTRACE]\n',
      errors: [
        {
          messageId: 'capability',
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 28,
          data: { capability: 'SYS_ADMIN', why: 'allows mounting filesystems and many other administrative operations that lead out of the container' },
        },
        { messageId: 'capability', line: 4, column: 30, endLine: 4, endColumn: 35, data: { capability: 'ALL', why: 'grants every capability, nearly as much as privileged mode' } },
        { messageId: 'capability', line: 4, column: 44, endLine: 4, endColumn: 54 },
      ],
    },
    {
      name: 'allow leaves the others',
      code: 'services:\n  a:\n    image: x\n    cap_add: [NET_ADMIN, BPF]\n',
      options: { allow: ['NET_ADMIN'] },
      errors: [{ messageId: 'capability', line: 4, column: 26, endLine: 4, endColumn: 29 }],
    },
  ],
});
