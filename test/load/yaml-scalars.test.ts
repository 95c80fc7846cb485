import { describe, expect, it } from 'vitest';
import { ambiguousPlainScalar, resolvePlainScalar } from '../../src/load/yaml-scalars.ts';

describe('plain scalars typed as compose (go-yaml v3) reads them', () => {
  const table: [string, unknown][] = [
    ['', null],
    ['~', null],
    ['null', null],
    ['NULL', null],
    ['true', true],
    ['False', false],
    ['yes', 'yes'],
    ['on', 'on'],
    ['off', 'off'],
    ['y', 'y'],
    ['0755', 493],
    ['0o17', 15],
    ['0x1F', 31],
    ['0b101', 5],
    ['1_000', 1000],
    ['-42', -42],
    ['+7', 7],
    ['3.5', 3.5],
    ['1e3', 1000],
    ['.5', 0.5],
    ['0.5G', '0.5G'],
    ['08', 8], // not an octal literal, but go-yaml's float pattern accepts it
    ['2024-01-01', '2024-01-01'],
    ['22:22', '22:22'],
    ['1.2.3', '1.2.3'],
    ['.inf', Number.POSITIVE_INFINITY],
    ['-.inf', Number.NEGATIVE_INFINITY],
    ['99999999999999999999', 1e20],
    ['nginx:1.25', 'nginx:1.25'],
  ];
  for (const [text, expected] of table) {
    it(`${JSON.stringify(text)} -> ${String(expected)}`, () => {
      expect(resolvePlainScalar(text)).toEqual(expected);
    });
  }
  it('.nan is NaN', () => expect(resolvePlainScalar('.nan')).toBeNaN());
});

describe('scalars YAML 1.1 tools read differently', () => {
  it.each([
    ['yes', 'boolean'],
    ['Off', 'boolean'],
    ['0755', 'octal'],
    ['1:30', 'sexagesimal'],
    ['22:22', 'sexagesimal'],
    ['2024-01-01', 'date'],
  ])('%s is %s', (text, kind) => expect(ambiguousPlainScalar(text)).toBe(kind));
  it.each(['nginx', '80', '1.5', 'true', '8080:80/udp'])('%s is not ambiguous', (text) => expect(ambiguousPlainScalar(text)).toBeUndefined());
});
