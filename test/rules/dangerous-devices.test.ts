import rule from '../../rules/dangerous-devices.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    'services:\n  app:\n    image: x\n    devices:\n      - /dev/dri:/dev/dri\n      - /dev/nvidia0\n      - /dev/nvidiactl:/dev/nvidiactl:rwm\n',
    'services:\n  app:\n    image: x\n    devices: [/dev/kvm, /dev/fuse, /dev/net/tun, /dev/ttyUSB0:/dev/zigbee, /dev/snd]\n',
    { name: 'narrow cgroup rules', code: "services:\n  app:\n    image: x\n    device_cgroup_rules:\n      - 'c 189:* rmw'\n      - 'c 116:* rw'\n      - 'c 1:3 rwm'\n" },
  ],
  invalid: [
    {
      code: 'services:\n  app:\n    image: x\n    devices:\n      - /dev/mem:/dev/mem\n      - /dev/sda\n      - /dev/nvme0n1p2:/dev/disk0:r\n',
      errors: [
        { messageId: 'device', line: 5, column: 9, endLine: 5, endColumn: 17, data: { device: '/dev/mem', what: 'the host physical memory' }, service: 'app' },
        { messageId: 'device', line: 6, column: 9, endLine: 6, endColumn: 17, data: { device: '/dev/sda', what: 'a raw host disk' } },
        { messageId: 'device', line: 7, column: 9, endLine: 7, endColumn: 23 },
      ],
    },
    {
      name: 'the whole /dev, by-id links, kmem, long syntax',
      code: 'services:\n  a:\n    image: x\n    devices:\n      - "/dev:/dev"\n      - /dev/disk/by-id/ata-X:/dev/x\n      - source: /dev/kmem\n        target: /dev/kmem\n',
      errors: [
        { messageId: 'device', line: 5, column: 10, endLine: 5, endColumn: 14, data: { device: '/dev', what: 'every host device' } },
        { messageId: 'device', line: 6, column: 9, endLine: 6, endColumn: 30 },
        { messageId: 'device', line: 7, column: 17, endLine: 7, endColumn: 26 },
      ],
    },
    {
      name: 'cgroup rules granting all, block or memory devices',
      code: "services:\n  a:\n    image: x\n    device_cgroup_rules:\n      - 'a *:* rwm'\n      - 'c *:* rmw'\n      - 'b 8:* rmw'\n      - 'c 1:1 r'\n",
      errors: [
        { messageId: 'cgroupRule', line: 5, column: 9, endLine: 5, endColumn: 20, data: { rule: 'a *:* rwm', what: 'every host device' } },
        { messageId: 'cgroupRule', line: 6, column: 9, endLine: 6, endColumn: 20, data: { rule: 'c *:* rmw', what: 'every host character device, including /dev/mem' } },
        { messageId: 'cgroupRule', line: 7, column: 9, endLine: 7, endColumn: 20, data: { rule: 'b 8:* rmw', what: 'host block devices (disks)' } },
        { messageId: 'cgroupRule', line: 8, column: 9, endLine: 8, endColumn: 18 },
      ],
    },
  ],
});
