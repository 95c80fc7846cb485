import rule from '../../rules/no-host-namespaces.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    'services:\n  app:\n    image: x\n    network_mode: bridge\n    ipc: shareable\n    pid: service:db\n  db:\n    image: y\n',
    'services:\n  app:\n    image: x\n    network_mode: service:vpn\n    cgroup: private\n  vpn:\n    image: y\n',
    { name: 'a network named host is not the host network mode', code: 'services:\n  app:\n    image: x\n    networks: [hostnet]\nnetworks:\n  hostnet:\n' },
  ],
  invalid: [
    {
      code: 'services:\n  exporter:\n    image: x\n    network_mode: host\n    pid: host\n',
      errors: [
        { messageId: 'network', line: 4, column: 19, endLine: 4, endColumn: 23, service: 'exporter' },
        { messageId: 'pid', line: 5, column: 10, endLine: 5, endColumn: 14 },
      ],
    },
    {
      name: 'every namespace key, quoted and flow style',
      code: 'services:\n  a:\n    image: x\n    ipc: "host"\n    uts: host\n    userns_mode: host\n    cgroup: host\n',
      errors: [
        { messageId: 'ipc', line: 4, column: 10, endLine: 4, endColumn: 16 },
        { messageId: 'uts', line: 5, column: 10, endLine: 5, endColumn: 14 },
        { messageId: 'userns', line: 6, column: 18, endLine: 6, endColumn: 22 },
        { messageId: 'cgroup', line: 7, column: 13, endLine: 7, endColumn: 17 },
      ],
    },
    {
      name: 'network mode from a variable',
      code: 'services:\n  a:\n    image: x\n    network_mode: ${NET_MODE:-host}\n',
      errors: [{ messageId: 'network', line: 4, column: 19, endLine: 4, endColumn: 36 }],
    },
  ],
});
