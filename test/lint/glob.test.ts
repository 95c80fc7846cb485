import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGitignore } from '../../src/lint/gitignore.ts';
import { mountGlob } from '../../src/lint/mount-glob.ts';
import { matchesGlob } from '../../src/lint/path-glob.ts';

// ---------------------------------------------------------------------------
// REFERENCE ORACLE: the RegExp translations the linear-time matchers replaced,
// copied verbatim (less caching). The matchers must agree with them everywhere.
// ---------------------------------------------------------------------------

/** Reference: the old src/lint/path-glob.ts `globToRegExp`. */
function referencePathGlob(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      if (pattern[i + 2] === '/') {
        out += '(?:.*/)?';
        i += 2;
      } else {
        out += '.*';
        i += 1;
      }
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) out += '\\[';
      else {
        const set = pattern.slice(i + 1, close).replace(/\\/g, '\\\\');
        out += `[${set.startsWith('!') ? `^${set.slice(1)}` : set}]`;
        i = close;
      }
    } else out += /[.+^${}()|\\]/.test(c) ? `\\${c}` : c;
  }
  return new RegExp(`^${out}$`);
}

/** Reference: the old src/lint/gitignore.ts `parseGitignore` (rules carried a `regex`). */
function referenceGitignore(text: string): { regex: RegExp; negate: boolean; directoryOnly: boolean }[] {
  const rules: { regex: RegExp; negate: boolean; directoryOnly: boolean }[] = [];
  for (let line of text.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue;
    line = line.replace(/(?<!\\)\s+$/, '');
    if (line === '') continue;
    let negate = false;
    if (line.startsWith('!')) {
      negate = true;
      line = line.slice(1);
    } else if (line.startsWith('\\!') || line.startsWith('\\#')) line = line.slice(1);
    let directoryOnly = false;
    if (line.endsWith('/')) {
      directoryOnly = true;
      line = line.slice(0, -1);
    }
    if (line === '') continue;
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    const body = referenceGitignoreBody(line);
    const regex = new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`);
    rules.push({ regex, negate, directoryOnly });
  }
  return rules;
}

/** Reference: the old src/lint/gitignore.ts `globToRegex`. */
function referenceGitignoreBody(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atStart && atEnd) {
          if (i + 2 === glob.length) out += '.*';
          else {
            out += '(?:.*/)?';
            i++;
          }
          i++;
          continue;
        }
      }
      out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const set = referenceBracketExpression(glob, i);
      if (set) {
        out += set.regex;
        i = set.end;
      } else out += '\\[';
    } else if (c === '\\' && i + 1 < glob.length) {
      out += referenceEscapeRegex(glob[++i]);
    } else out += referenceEscapeRegex(c);
  }
  return out;
}

/** Reference: the old src/lint/gitignore.ts `bracketExpression`. */
function referenceBracketExpression(glob: string, start: number): { regex: string; end: number } | undefined {
  let i = start + 1;
  let out = '';
  if (glob[i] === '!' || glob[i] === '^') {
    out += '^';
    i++;
  }
  const first = i;
  for (; i < glob.length; i++) {
    const c = glob[i];
    if (c === ']' && i > first) return { regex: `[${out}]`, end: i };
    if (c === '\\' && i + 1 < glob.length) {
      const escaped = glob[++i];
      out += /[A-Za-z0-9]/.test(escaped) ? escaped : `\\${escaped}`;
    } else if (c === ']' || c === '\\' || c === '[') out += `\\${c}`;
    else out += c;
  }
  return undefined;
}

/** Reference: the old src/lint/gitignore.ts `escapeRegex`. */
function referenceEscapeRegex(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

/** Reference: the old rules/read-only-mounts.ts `globRegex`. */
function referenceMountGlob(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      out += '.*';
      i++;
    } else if (c === '*') out += '[^/]*';
    else out += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}(?:/.*)?$`);
}

// ---------------------------------------------------------------------------

/** One .gitignore line's matcher (the line's `!` and trailing `/` are checked elsewhere). */
function gitignoreMatches(line: string, path: string): boolean {
  const rules = parseGitignore(line);
  expect(rules).toHaveLength(1);
  return rules[0].matches(path);
}

type Row = [pattern: string, path: string, expected: boolean];

describe('path globs', () => {
  const rows: Row[] = [
    ['**/*.yml', 'a.yml', true],
    ['**/*.yml', 'x/y/a.yml', true],
    ['**/*.yml', 'x/a.txt', false],
    ['src/**', 'src/a/b', true],
    ['src/**', 'src/', true],
    ['src/**', 'src', false],
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['a/**/b', 'a/xb', false],
    ['a**b', 'a/x/b', true],
    ['*.env', 'prod.env', true],
    ['*.env', 'x/prod.env', false],
    ['web-*', 'web-1', true],
    ['?.txt', 'a.txt', true],
    ['?.txt', '/.txt', false],
    ['?.txt', 'ab.txt', false],
    ['[ab].txt', 'a.txt', true],
    ['[ab].txt', 'c.txt', false],
    ['[!ab].txt', 'c.txt', true],
    ['[!ab].txt', 'a.txt', false],
    ['[^ab].txt', 'c.txt', true],
    ['[^ab].txt', 'b.txt', false],
    ['[a-c]x', 'bx', true],
    ['[a-c]x', 'dx', false],
    ['[a-]x', '-x', true],
    ['x[/]y', 'x/y', true],
    ['[]a]', 'a]', false], // `[]` is an empty set
    ['[!]x', '/x', true], // `[!]` is any character
    ['a[b', 'a[b', true],
    ['a[b', 'ab', false],
    ['a\\*', 'a\\b', true], // `\` is literal
    ['a\\*', 'a*', false],
    ['[\\]', '\\', true],
    ['a.b+(c)|$^{1}', 'a.b+(c)|$^{1}', true],
    ['a.b', 'axb', false],
    ['a+', 'aa', false],
    ['', '', true],
    ['', 'a', false],
    ['*', 'a\nb', true], // as `[^/]*` did
    ['**', 'a\nb', false], // as `.*` did
  ];
  it.each(rows)('%j on %j is %s', (pattern, path, expected) => {
    expect(matchesGlob(path, pattern)).toBe(expected);
    expect(referencePathGlob(pattern).test(path)).toBe(expected);
  });

  it('reads a range whose end is below its start as empty (git wildmatch), where RegExp threw', () => {
    expect(matchesGlob('b', '[c-a]')).toBe(false);
    expect(matchesGlob('b', '[c-ab]')).toBe(true);
    expect(matchesGlob('c', '[!c-a]')).toBe(true);
  });
});

describe('gitignore globs', () => {
  const rows: Row[] = [
    ['*.env', 'prod.env', true],
    ['*.env', 'a/b/prod.env', true],
    ['/a.env', 'a.env', true],
    ['/a.env', 'x/a.env', false],
    ['a/b', 'a/b', true],
    ['a/b', 'x/a/b', false],
    ['**/logs', 'logs', true],
    ['**/logs', 'x/y/logs', true],
    ['logs/**', 'logs/a/b', true],
    ['logs/**', 'logs', false],
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['a/**/b', 'a/xb', false],
    ['a**b', 'axyb', true], // `**` inside a segment is `*`
    ['a**b', 'a/b', false],
    ['foo**', 'x/foobar', true],
    ['?', 'x/a', true],
    ['a?', 'a/', false],
    ['[ab]', 'x/b', true],
    ['[!a]x', 'bx', true],
    ['[^a]x', 'ax', false],
    ['[]a]x', ']x', true],
    ['[]a]x', 'ax', true],
    ['[!]a]x', ']x', false],
    ['[!]a]x', 'bx', true],
    ['[\\]]', ']', true],
    ['[a-c]', 'b', true],
    ['[a\\-c]', '-', true],
    ['[a\\-c]', 'b', false],
    ['\\*', '*', true],
    ['\\*', 'a', false],
    ['\\[a]', '[a]', true],
    ['a[b', 'a[b', true],
    ['[!]', '[!]', true], // unclosed: `]` right after the negation is a member
    ['a\\', 'a\\', true],
    ['\\!x', '!x', true],
    ['a.b+(c)|$^{1}', 'a.b+(c)|$^{1}', true],
    ['a.b', 'axb', false],
  ];
  it.each(rows)('%j on %j is %s', (line, path, expected) => {
    expect(gitignoreMatches(line, path)).toBe(expected);
    expect(referenceGitignore(line)[0].regex.test(path)).toBe(expected);
  });

  it('keeps negation and folder-only flags next to the matcher', () => {
    const [rule] = parseGitignore('!build/\n');
    expect(rule).toMatchObject({ negate: true, directoryOnly: true });
    expect(rule.matches('x/build')).toBe(true);
  });
});

describe('read-only-mounts writable globs', () => {
  const rows: Row[] = [
    ['/srv/app', '/srv/app', true],
    ['/srv/app', '/srv/app/x/y', true], // a path covers everything below it
    ['/srv/app', '/srv/apple', false],
    ['/srv/*', '/srv/a', true],
    ['/srv/*', '/srv/a/b', true],
    ['/srv/*/x', '/srv/a/b/x', false],
    ['/srv/**/x', '/srv/a/b/x', true],
    ['/srv/**', '/srv/a/b', true],
    ['data.+?', 'data.+?', true],
    ['a.b', 'axb', false],
    ['[ab]', '[ab]', true],
    ['[ab]', 'a', false],
    ['?', 'a', false],
    ['a\\b', 'a\\b', true],
    ['/a', '/a/\n', false], // as `(?:/.*)?` did
    ['', '/x', true],
    ['', '', true],
    ['', 'x', false],
  ];
  it.each(rows)('%j on %j is %s', (pattern, path, expected) => {
    expect(mountGlob(pattern)(path)).toBe(expected);
    expect(referenceMountGlob(pattern).test(path)).toBe(expected);
  });
});

describe('agreement with the reference RegExp translations', () => {
  const alphabet = ['a', 'b', '/', '.', '*', '?', '[', ']', '!', '\\'];
  /** Adds ranges and `^` negation to patterns, line terminators to paths. */
  const wider = [...alphabet, '-', '^'];
  const text = (chars: string[], maxLength: number) => fc.string({ unit: fc.constantFrom(...chars), maxLength });
  /** Random paths, plus the pattern itself and its plain characters, which match far more often. */
  const cases = (chars: readonly string[], pathChars: readonly string[]) =>
    fc.tuple(text([...chars], 12), fc.array(text([...pathChars], 12), { maxLength: 8 })).map(([pattern, paths]) => ({
      pattern,
      paths: [...paths, pattern, pattern.replace(/[*?[\]!\\^-]/g, ''), pattern.replace(/\*\*?/g, 'ab/a')],
    }));

  /** The outcome, a thrown SyntaxError counting as one. */
  const outcome = (f: () => boolean): boolean | 'throws' => {
    try {
      return f();
    } catch (error) {
      if (error instanceof SyntaxError) return 'throws';
      throw error;
    }
  };
  /** Ours agrees with the reference; where the reference threw (a range out of order), ours gives an answer. */
  const agrees = (ours: () => boolean, reference: () => boolean) => {
    const expected = outcome(reference);
    const actual = outcome(ours);
    if (expected === 'throws') expect(typeof actual).toBe('boolean');
    else expect(actual).toBe(expected);
  };

  for (const [name, chars, pathChars] of [
    ['narrow', alphabet, alphabet],
    ['wide', wider, [...wider, '\n']],
  ] as const) {
    it(`path globs (${name} alphabet)`, () => {
      fc.assert(
        fc.property(cases(chars, pathChars), ({ pattern, paths }) => {
          for (const path of paths) agrees(() => matchesGlob(path, pattern), () => referencePathGlob(pattern).test(path));
        }),
        { numRuns: 2000 },
      );
    });

    it(`gitignore globs (${name} alphabet)`, () => {
      fc.assert(
        fc.property(cases(chars, pathChars), ({ pattern, paths }) => {
          const reference = outcome(() => referenceGitignore(pattern).length > 0);
          const ours = outcome(() => parseGitignore(pattern).length > 0);
          agrees(() => parseGitignore(pattern).length > 0, () => referenceGitignore(pattern).length > 0);
          if (ours !== true || reference !== true) return;
          const [rule] = parseGitignore(pattern);
          const [oracle] = referenceGitignore(pattern);
          expect([rule.negate, rule.directoryOnly]).toEqual([oracle.negate, oracle.directoryOnly]);
          for (const path of paths) expect(rule.matches(path)).toBe(oracle.regex.test(path));
        }),
        { numRuns: 2000 },
      );
    });

    it(`read-only-mounts globs (${name} alphabet)`, () => {
      fc.assert(
        fc.property(cases(chars, pathChars), ({ pattern, paths }) => {
          for (const path of paths) expect(mountGlob(pattern)(path)).toBe(referenceMountGlob(pattern).test(path));
        }),
        { numRuns: 2000 },
      );
    });
  }
});

describe('pathological patterns finish in linear time', () => {
  const pattern = `${'*a'.repeat(30)}b`;
  const long = 'a'.repeat(5000);

  it('path globs', () => {
    expect(matchesGlob(long, pattern)).toBe(false);
    expect(matchesGlob(long, `${'**a'.repeat(30)}b`)).toBe(false);
    expect(matchesGlob('a/'.repeat(2500), `${'**/a/'.repeat(30)}b`)).toBe(false);
  });

  it('gitignore globs', () => {
    expect(gitignoreMatches(pattern, long)).toBe(false);
    expect(gitignoreMatches(`${'**/a/'.repeat(30)}b`, 'a/'.repeat(2500))).toBe(false);
  });

  it('read-only-mounts globs', () => {
    expect(mountGlob(pattern)(long)).toBe(false);
    expect(mountGlob(`${'**a'.repeat(30)}b`)(`${long}/x`)).toBe(false);
  });
});
