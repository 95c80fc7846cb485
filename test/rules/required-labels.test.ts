import { expect, it } from 'vitest';
import rule from '../../rules/required-labels.ts';
import { runRule, testRule } from '../../src/lint/rule-tester.ts';

const options = {
  labels: [
    { name: 'com.example.team', pattern: '^[a-z-]+$' },
    { name: 'com.example.tier', services: ['api*'] },
  ],
};

testRule(rule, {
  valid: [
    {
      options,
      code: `services:
  api:
    image: acme/api:1.0
    labels:
      com.example.team: payments
      com.example.tier: backend
  db:
    image: postgres:16
    labels:
      - com.example.team=data
`,
    },
    {
      name: 'not configured',
      code: `services:
  api:
    image: acme/api:1.0
`,
    },
  ],
  invalid: [
    {
      options,
      code: `services:
  api-v2:
    image: acme/api:2.0
    labels:
      com.example.team: Payments
  db:
    image: postgres:16
`,
      errors: [
        { messageId: 'missing', line: 4, column: 5, endLine: 4, endColumn: 11, data: { service: 'api-v2', label: 'com.example.tier' }, service: 'api-v2' },
        { messageId: 'mismatch', line: 5, column: 25, endLine: 5, endColumn: 33, data: { label: 'com.example.team', value: 'Payments', pattern: '^[a-z-]+$' } },
        { messageId: 'missing', line: 6, column: 3, endLine: 6, endColumn: 5, data: { service: 'db', label: 'com.example.team' }, service: 'db' },
      ],
    },
    {
      name: 'list form, and a label with no value',
      options,
      code: `services:
  api:
    image: acme/api:1.0
    labels:
      - com.example.tier=backend
      - com.example.team=Core_Team
  worker:
    image: acme/worker:1.0
    labels:
      - com.example.team
`,
      errors: [
        { messageId: 'mismatch', line: 6, column: 26, endLine: 6, endColumn: 35, data: { label: 'com.example.team', value: 'Core_Team', pattern: '^[a-z-]+$' } },
        { messageId: 'mismatch', line: 10, column: 9, endLine: 10, endColumn: 25, data: { label: 'com.example.team', value: '', pattern: '^[a-z-]+$' } },
      ],
    },
  ],
});

it('required-labels: an invalid pattern is named, not silently ignored', () => {
  expect(() => rule.create({ options: { labels: [{ name: 'a', pattern: '(' }] } } as never)).toThrow(/labels\[0\]\.pattern/);
  expect(runRule(rule, { options: { labels: [{ name: 'a', pattern: '(' }] }, code: 'services:\n  a:\n    image: x:1\n' })).toEqual([]);
});
