import { describe, expect, it } from 'vitest';
import rule, { documentedNames } from '../../rules/env-example-complete.ts';
import { testRule } from '../../src/lint/rule-tester.ts';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

const STACK = lines(
  'services:',
  '  db:',
  '    image: postgres:${PG_VERSION:-16}',
  '    environment:',
  '      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it}',
  '      POSTGRES_USER: ${POSTGRES_USER}',
  '  api:',
  '    image: api',
  '    ports:',
  '      - "${API_PORT}:8000"',
  '    environment:',
  '      - DATABASE_URL=postgres://${POSTGRES_USER}:${POSTGRES_PASSWORD}@db/app',
  '      - HOME_DIR=${HOME}',
  '      - DEBUG=${DEBUG:+1}',
);

testRule(rule, {
  valid: [
    {
      name: 'no example file: nothing to compare with',
      code: STACK,
    },
    {
      name: 'every variable documented (assignments, export, bare names, commented-out)',
      code: STACK,
      files: {
        '.env.example': lines('# Database', 'POSTGRES_PASSWORD=changeme', 'export POSTGRES_USER=app', 'API_PORT'),
      },
    },
    {
      name: '.env.sample and .env.template count as the example file',
      code: 'services:\n  api:\n    image: "api:${TAG}"\n',
      files: { '.env.sample': 'TAG=latest\n' },
    },
    {
      name: 'a commented-out assignment in .env.template documents a variable',
      code: 'services:\n  api:\n    image: "api:${TAG}"\n',
      files: { '.env.template': '# TAG=1.0\n', '.env': 'TAG=2.0\n' },
    },
    {
      name: 'the ignore option',
      code: 'services:\n  api:\n    image: "api:${TAG}"\n    user: "${UID}:${GID}"\n',
      files: { '.env.example': 'TAG=\n' },
      options: { ignore: ['UID', 'GID'] },
    },
  ],
  invalid: [
    {
      name: 'undocumented variables, once each at their first use',
      code: STACK,
      files: { '.env.example': lines('POSTGRES_USER=app') },
      errors: [
        {
          messageId: 'undocumented',
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 54,
          data: { name: 'POSTGRES_PASSWORD', example: '.env.example' },
        },
        { messageId: 'undocumented', line: 10, column: 10, endLine: 10, endColumn: 21, data: { name: 'API_PORT', example: '.env.example' } },
      ],
    },
    {
      name: 'include-defaulted also reports variables that always have a default',
      code: STACK,
      files: { '.env.example': lines('POSTGRES_USER=app', 'POSTGRES_PASSWORD=', 'API_PORT=8000') },
      options: { 'include-defaulted': true },
      errors: [
        { messageId: 'undocumented', line: 3, column: 21, endLine: 3, endColumn: 38, data: { name: 'PG_VERSION', example: '.env.example' } },
        { messageId: 'undocumented', line: 14, column: 15, endLine: 14, endColumn: 26, data: { name: 'DEBUG', example: '.env.example' } },
      ],
    },
    {
      name: 'a variable the real .env sets still needs documenting',
      code: 'services:\n  api:\n    image: "api:${TAG}"\n',
      files: { '.env': 'TAG=2.0\n', '.env.example': 'OTHER=\n' },
      errors: [{ messageId: 'undocumented', line: 3, column: 17, endLine: 3, endColumn: 23, data: { name: 'TAG', example: '.env.example' } }],
    },
    {
      name: 'a variable used with and without a default is reported at its first use',
      code: lines('services:', '  a:', '    image: "a:${TAG:-1}"', '  b:', '    image: "b:$TAG"'),
      files: { '.env.sample': 'OTHER=1\n' },
      errors: [{ messageId: 'undocumented', line: 3, column: 15, endLine: 3, endColumn: 24, data: { name: 'TAG', example: '.env.sample' } }],
    },
  ],
});

describe('documentedNames', () => {
  it('reads assignments, exports, bare names and commented-out assignments', () => {
    const names = documentedNames(lines('# Settings', 'A=1', 'export B="x"', 'C', '# D=optional', '  E = 2', 'not a name', 'F: yaml-style'));
    expect([...names].sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
  });
});
