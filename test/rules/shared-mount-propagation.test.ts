import rule from '../../rules/shared-mount-propagation.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    'services:\n  app:\n    image: x\n    volumes:\n      - ./data:/data:ro\n      - ./cache:/cache:rprivate\n',
    'services:\n  app:\n    image: x\n    volumes:\n      - type: bind\n        source: ./data\n        target: /data\n        bind:\n          propagation: private\n',
    { name: 'named volumes have no propagation', code: 'services:\n  app:\n    image: x\n    volumes:\n      - data:/data\nvolumes:\n  data:\n' },
  ],
  invalid: [
    {
      code: 'services:\n  agent:\n    image: x\n    volumes:\n      - /mnt/media:/media:ro,rshared\n',
      errors: [{ messageId: 'shared', line: 5, column: 30, endLine: 5, endColumn: 37, data: { propagation: 'rshared' }, service: 'agent' }],
    },
    {
      name: 'short slave and long shared',
      code: 'services:\n  a:\n    image: x\n    volumes:\n      - "/mnt:/mnt:rslave"\n      - type: bind\n        source: /srv\n        target: /srv\n        bind:\n          propagation: shared\n',
      errors: [
        { messageId: 'slave', line: 5, column: 20, endLine: 5, endColumn: 26, data: { propagation: 'rslave' } },
        { messageId: 'shared', line: 10, column: 24, endLine: 10, endColumn: 30 },
      ],
    },
    {
      name: 'interpolated entry points at the whole scalar',
      code: 'services:\n  a:\n    image: x\n    volumes:\n      - ${MEDIA:-/mnt}:/mnt:slave\n',
      errors: [{ messageId: 'slave', line: 5, column: 9, endLine: 5, endColumn: 34 }],
    },
  ],
});
