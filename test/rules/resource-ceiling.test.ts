import { describe, expect, it } from 'vitest';
import rule from '../../rules/resource-ceiling.ts';
import { formatByteSize, parseByteSize } from '../../src/lint/model/byte-size.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

const options = { memory: '4g', cpus: 2, replicas: 4 };

testRule(rule, {
  valid: [
    {
      options,
      code: `services:
  api:
    image: acme/api:1.0
    mem_limit: 4096M
    cpus: 2
    deploy:
      replicas: 4
      resources:
        limits:
          memory: 4GB
          cpus: "1.5"
        reservations:
          memory: 512m
`,
    },
    {
      name: 'unreadable, zero and missing values are other rules\' business',
      options,
      code: `services:
  api:
    image: acme/api:1.0
    mem_limit: \${API_MEMORY}
    cpus: 0
  worker:
    image: acme/worker:1.0
`,
    },
    {
      name: 'not configured',
      code: `services:
  api:
    image: acme/api:1.0
    mem_limit: 64g
`,
    },
  ],
  invalid: [
    {
      options,
      code: `services:
  trainer:
    image: acme/trainer:1.0
    mem_limit: 8g
    cpus: 4
    deploy:
      replicas: 6
      resources:
        limits:
          memory: 5000000000
          cpus: "2.5"
`,
      errors: [
        { messageId: 'memory', line: 4, column: 16, endLine: 4, endColumn: 18, data: { setting: 'mem_limit', value: '8g', max: '4g' }, service: 'trainer' },
        { messageId: 'cpus', line: 5, column: 11, endLine: 5, endColumn: 12, data: { setting: 'cpus', value: '4', max: 2 } },
        { messageId: 'replicas', line: 7, column: 17, endLine: 7, endColumn: 18, data: { setting: 'deploy.replicas', value: '6', max: 4 } },
        { messageId: 'memory', line: 10, column: 19, endLine: 10, endColumn: 29, data: { setting: 'deploy.resources.limits.memory', value: '5000000000', max: '4g' } },
        { messageId: 'cpus', line: 11, column: 17, endLine: 11, endColumn: 22, data: { setting: 'deploy.resources.limits.cpus', value: '2.5', max: 2 } },
      ],
    },
    {
      name: 'scale and reservations; memory ceiling in bytes',
      options: { memory: 1073741824, replicas: 2 },
      code: `services:
  worker:
    image: acme/worker:1.0
    scale: 3
    deploy:
      resources:
        reservations:
          memory: 1.5Gb
`,
      errors: [
        { messageId: 'replicas', line: 4, column: 12, endLine: 4, endColumn: 13, data: { setting: 'scale', value: '3', max: 2 } },
        { messageId: 'memory', line: 8, column: 19, endLine: 8, endColumn: 24, data: { setting: 'deploy.resources.reservations.memory', value: '1.5Gb', max: '1g' } },
      ],
    },
  ],
});

describe('byte sizes', () => {
  it('read compose units', () => {
    expect(parseByteSize('512')).toBe(512);
    expect(parseByteSize('1k')).toBe(1024);
    expect(parseByteSize('1KB')).toBe(1024);
    expect(parseByteSize('2m')).toBe(2 * 1024 ** 2);
    expect(parseByteSize('1.5g')).toBe(1.5 * 1024 ** 3);
    expect(parseByteSize('1gib')).toBe(1024 ** 3);
    expect(parseByteSize('10b')).toBe(10);
    expect(parseByteSize('lots')).toBeUndefined();
    expect(parseByteSize('')).toBeUndefined();
    expect(formatByteSize(4 * 1024 ** 3)).toBe('4g');
    expect(formatByteSize(1536 * 1024 ** 2)).toBe('1.5g');
    expect(formatByteSize(100)).toBe('100b');
  });
});
