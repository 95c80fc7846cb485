import rule from '../../rules/resource-limits.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

testRule(rule, {
  valid: [
    'services:\n  api:\n    image: x:1\n    deploy:\n      resources:\n        limits:\n          cpus: "1.0"\n          memory: 1G\n',
    'services:\n  api:\n    image: x:1\n    mem_limit: 512m\n    cpus: 0.5\n',
    // Mixed: the service-level memory limit with a deploy cpu limit.
    'services:\n  api:\n    image: x:1\n    mem_limit: 512m\n    deploy:\n      resources:\n        limits:\n          cpus: "2"\n',
    // cpu_quota is a CPU limit too.
    'services:\n  api:\n    image: x:1\n    mem_limit: 1g\n    cpu_quota: 50000\n',
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    image: x:1\n',
      errors: [{ messageId: 'missingBoth', line: 2, column: 3, endLine: 2, endColumn: 6, data: { service: 'api' } }],
    },
    {
      name: 'memory only, as mem_limit',
      code: 'services:\n  api:\n    image: x:1\n    mem_limit: 512m\n',
      errors: [{ messageId: 'missingCpu', line: 2, column: 3, endLine: 2, endColumn: 6, data: { service: 'api' } }],
    },
    {
      name: 'cpus only',
      code: 'services:\n  api:\n    image: x:1\n    cpus: 2\n',
      errors: [{ messageId: 'missingMemory', line: 2, column: 3, endLine: 2, endColumn: 6 }],
    },
    {
      name: 'partial deploy limits are reported at the limits key',
      code: 'services:\n  api:\n    image: x:1\n    deploy:\n      resources:\n        limits:\n          memory: 1G\n',
      errors: [{ messageId: 'limitsMissingCpu', line: 6, column: 9, endLine: 6, endColumn: 15 }],
    },
    {
      name: 'limits with pids only',
      code: 'services:\n  api:\n    image: x:1\n    deploy:\n      resources:\n        limits:\n          pids: 100\n',
      errors: [{ messageId: 'limitsMissingBoth', line: 6, column: 9, endLine: 6, endColumn: 15 }],
    },
    {
      name: 'reservations are not limits; a zero limit is no limit',
      code: 'services:\n  api:\n    image: x:1\n    mem_limit: 0\n    deploy:\n      resources:\n        reservations:\n          cpus: "1"\n',
      errors: [{ messageId: 'missingBoth', line: 2, column: 3, endLine: 2, endColumn: 6 }],
    },
    {
      name: 'limits from a shared anchor are reported once where written',
      code: [
        'x-limits: &limits',
        '  deploy:',
        '    resources:',
        '      limits:',
        '        cpus: "1"',
        'services:',
        '  a:',
        '    image: x:1',
        '    <<: *limits',
        '  b:',
        '    image: x:1',
        '    <<: *limits',
        '',
      ].join('\n'),
      errors: [{ messageId: 'limitsMissingMemory', line: 4, column: 7, endLine: 4, endColumn: 13 }],
    },
  ],
});
