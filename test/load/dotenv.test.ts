import { describe, expect, it } from 'vitest';
import { parseDotenv, type DotenvResult } from '../../src/load/dotenv.ts';

// Expected values are what docker compose v2 (compose-go v2's dotenv parser) reads.
const OUTSIDE: Record<string, string> = { HOME: '/home/me', OPTION_A: '5', EMPTY: '' };
const lookup = (name: string): string | undefined => (Object.hasOwn(OUTSIDE, name) ? OUTSIDE[name] : undefined);
const noLookup = (): undefined => undefined;

const parse = (text: string, look: (name: string) => string | undefined = noLookup): DotenvResult =>
  parseDotenv(text, look);
/** Entries as [name, value] pairs, in file order. */
const pairs = (result: DotenvResult): [string, string][] => result.entries.map((entry) => [entry.name, entry.value]);

describe('values', () => {
  it.each([
    // separators and whitespace
    ['FOO=bar', 'FOO', 'bar'],
    ['FOO =bar', 'FOO', 'bar'],
    ['FOO= bar', 'FOO', 'bar'],
    [' KEY =value', 'KEY', 'value'],
    ['\tKEY=value', 'KEY', 'value'],
    ['FOO=bar ', 'FOO', 'bar'],
    ['FOO=', 'FOO', ''],
    ['FOO=foobar=', 'FOO', 'foobar='],
    ['OPTION_A: 1', 'OPTION_A', '1'],
    ['OPTION_A:1', 'OPTION_A', '1'],
    ['OPTION_A: Foo=bar', 'OPTION_A', 'Foo=bar'],
    ['OPTION_A=1:B', 'OPTION_A', '1:B'],
    ['OPTION_A=postgres://localhost:5432/database?sslmode=disable', 'OPTION_A', 'postgres://localhost:5432/database?sslmode=disable'],
    // names
    ['FOO.BAR=foobar', 'FOO.BAR', 'foobar'],
    ['VAR-WITH-DASHES=dashes', 'VAR-WITH-DASHES', 'dashes'],
    ['arr[0]=x', 'arr[0]', 'x'],
    ['ÉTÉ=chaud', 'ÉTÉ', 'chaud'],
    ['="value"', '', 'value'],
    // export prefix
    ['export OPTION_A=2', 'OPTION_A', '2'],
    ['export\tOPTION_A=2', 'OPTION_A', '2'],
    ['  export OPTION_A=2', 'OPTION_A', '2'],
    ['export   OPTION_A: 2', 'OPTION_A', '2'],
    ['export exportFoo=2', 'exportFoo', '2'],
    ['exportFOO=2', 'exportFOO', '2'],
    ['export_FOO =2', 'export_FOO', '2'],
    ['export.FOO= 2', 'export.FOO', '2'],
    ['export=2', 'export', '2'],
    ['export OPTION_A="export A"', 'OPTION_A', 'export A'],
    // inline comments: only after a space, and never in quotes
    ['FOO=bar # this is foo', 'FOO', 'bar'],
    ['FOO=bar #this is foo', 'FOO', 'bar'],
    ['FOO=bar #', 'FOO', 'bar'],
    ['FOO=123#not-an-inline-comment', 'FOO', '123#not-an-inline-comment'],
    ['FOO=bar\t#tab', 'FOO', 'bar\t#tab'],
    ['FOO= #value', 'FOO', '#value'],
    ['FOO="bar#baz"', 'FOO', 'bar#baz'],
    ['FOO="bar#baz"#', 'FOO', 'bar#baz'],
    ['FOO="bar#baz" # comment', 'FOO', 'bar#baz'],
    ["FOO='bar#baz' # comment", 'FOO', 'bar#baz'],
    ['FOO="bar#baz#bang" # comment', 'FOO', 'bar#baz#bang'],
    // quotes
    ['FOO="bar"', 'FOO', 'bar'],
    ["FOO='bar'", 'FOO', 'bar'],
    ['FOO=""', 'FOO', ''],
    ["FOO=''", 'FOO', ''],
    [`FOO="'d'"`, 'FOO', `'d'`],
    [`FOO='"d"'`, 'FOO', `"d"`],
    ['FOO= "bar" ', 'FOO', 'bar'],
    ['FOO=a"b', 'FOO', 'a"b'],
    // double-quote escapes
    [String.raw`FOO="escaped\"bar"`, 'FOO', 'escaped"bar'],
    [String.raw`FOO="\"quoted\""`, 'FOO', '"quoted"'],
    [String.raw`FOO="bar\nbaz"`, 'FOO', 'bar\nbaz'],
    [String.raw`FOO="a\tb"`, 'FOO', 'a\tb'],
    [String.raw`KEY="Z\aZ\bZ\fZ\nZ\rZ\tZ\vZ\\Z\0123Z"`, 'KEY', 'Z\x07Z\bZ\fZ\nZ\rZ\tZ\vZ\\ZSZ'],
    [String.raw`KEY="\0123"`, 'KEY', 'S'],
    [String.raw`KEY="\0101\0102"`, 'KEY', 'AB'],
    [String.raw`FOO="bar\n\ b\az"`, 'FOO', 'bar\n\\ b\x07z'],
    [String.raw`FOO="bar\\\n\ b\az"`, 'FOO', 'bar\\\n\\ b\x07z'],
    [String.raw`FOO="bar\\r\ b\az"`, 'FOO', 'bar\\r\\ b\x07z'],
    [String.raw`FOO="bar\nbaz\\"`, 'FOO', 'bar\nbaz\\'],
    // backslash sequences compose does not know stay as written
    [String.raw`KEY="\x07"`, 'KEY', String.raw`\x07`],
    [String.raw`KEY="\u12e4"`, 'KEY', String.raw`\u12e4`],
    [String.raw`KEY="\U00101234"`, 'KEY', String.raw`\U00101234`],
    [String.raw`KEY="\c\'\0\01\0777\089"`, 'KEY', String.raw`\c\'\0\01\0777\089`],
    // single quotes: literal, except that \' is a quote
    [String.raw`FOO='it\'s'`, 'FOO', "it's"],
    [String.raw`FOO='a\nb\\c'`, 'FOO', String.raw`a\nb\\c`],
    [String.raw`export OPTION_B='\n'`, 'OPTION_B', String.raw`\n`],
    // unquoted: no escapes at all
    [String.raw`FOO=a\tb`, 'FOO', String.raw`a\tb`],
    [String.raw`FOO=a\"b`, 'FOO', String.raw`a\"b`],
  ])('%j', (text, name, value) => {
    const result = parse(text);
    expect(result.issues).toEqual([]);
    expect(pairs(result)).toEqual([[name, value]]);
  });

  it('reads quoted values over several lines', () => {
    const text = [
      'OPTION_J="first line',
      'second line',
      'third line',
      'and so on"',
      "OPTION_K='one",
      "two'",
      'TEST_URLS="stratum+tcp://a:3333\\nstratum+tcp://b:443"',
      'OPTION_Z=last value',
    ].join('\n');
    const result = parse(text);
    expect(result.issues).toEqual([]);
    expect(result.entries).toEqual([
      { name: 'OPTION_J', value: 'first line\nsecond line\nthird line\nand so on', line: 1 },
      { name: 'OPTION_K', value: 'one\ntwo', line: 5 },
      { name: 'TEST_URLS', value: 'stratum+tcp://a:3333\nstratum+tcp://b:443', line: 7 },
      { name: 'OPTION_Z', value: 'last value', line: 8 },
    ]);
  });

  it('skips blank lines and comments, and keeps every entry in order with its line', () => {
    const text = '# comment\n\n   \n\t # indented comment\nA=1\n\nexport B=2\n#C=3\nA=4\n';
    expect(parse(text).entries).toEqual([
      { name: 'A', value: '1', line: 5 },
      { name: 'B', value: '2', line: 7 },
      { name: 'A', value: '4', line: 9 },
    ]);
  });

  it('reads what follows a closing quote as the next statement, as compose does', () => {
    expect(pairs(parse('A="1" B=2'))).toEqual([
      ['A', '1'],
      ['B', '2'],
    ]);
  });
});

describe('interpolation', () => {
  it.each([
    ['FOO=test\nBAR=$FOO', 'test'],
    ['FOO=test\nBAR=${FOO}bar', 'testbar'],
    ['BAR=$FOO', ''],
    ['FOO=test\nBAR="quote $FOO"', 'quote test'],
    ["FOO=test\nBAR='quote $FOO'", 'quote $FOO'],
    ['FOO=test\nBAR="foo\\$FOO"', 'foo$FOO'],
    ['FOO=test\nBAR="foo\\${FOO}"', 'foo${FOO}'],
    ['FOO=test\nBAR="foo\\${FOO} ${FOO}"', 'foo${FOO} test'],
    ['FOO=test\nBAR=$$FOO', '$FOO'],
    ['FOO=test\nBAR="$$FOO"', '$FOO'],
    ['FOO=test\nBAR=\\$FOO', '\\test'],
    ['BAR=${UNSET:-dflt}', 'dflt'],
    ['FOO=test\nBAR=${UNSET:-${FOO}}', 'test'],
    ['FOO=\nBAR=${FOO-set} ${FOO:-empty}', ' empty'],
    ['FOO=test\nBAR=${FOO:+alt}', 'alt'],
    ['BAR=${UNSET:?needed}', ''],
    ['BAR="a\\nb${UNSET:-c}"', 'a\nbc'],
    // later lines are not visible to earlier ones
    ['BAR=$FOO\nFOO=test', ''],
    // the latest earlier value wins
    ['FOO=one\nFOO=two\nBAR=$FOO', 'two'],
  ])('%j', (text, value) => {
    const result = parse(text);
    expect(result.issues).toEqual([]);
    expect(result.entries.find((entry) => entry.name === 'BAR')?.value).toBe(value);
  });

  it('uses the lookup for variables the file does not set', () => {
    expect(pairs(parse('URL=http://$HOME/x\nE="[${EMPTY:-d}]"', lookup))).toEqual([
      ['URL', 'http:///home/me/x'],
      ['E', '[d]'],
    ]);
  });

  it("lets the lookup win over the file's own earlier values, as compose does", () => {
    const text = 'OPTION_A=1\nOPTION_B=${OPTION_A}\nOPTION_C=$OPTION_A\nOPTION_D=${OPTION_A}_${OPTION_A}\nOPTION_E=${UNSET}';
    expect(pairs(parse(text, lookup))).toEqual([
      ['OPTION_A', '1'],
      ['OPTION_B', '5'],
      ['OPTION_C', '5'],
      ['OPTION_D', '5_5'],
      ['OPTION_E', ''],
    ]);
    expect(pairs(parse(text))).toEqual([
      ['OPTION_A', '1'],
      ['OPTION_B', '1'],
      ['OPTION_C', '1'],
      ['OPTION_D', '1_1'],
      ['OPTION_E', ''],
    ]);
  });

  it('reports an invalid `${` at its position in the file, without quoting it', () => {
    const result = parse('A=1\nX=${A:x}\nY="ab\\n${B"\nZ=\'${C\'');
    expect(result.issues).toEqual([
      { line: 2, column: 3, message: 'invalid interpolation format; write $$ for a literal $' },
      { line: 3, column: 8, message: 'invalid interpolation format; write $$ for a literal $' },
    ]);
    expect(pairs(result)).toEqual([
      ['A', '1'],
      ['X', '${A:x}'],
      ['Y', 'ab\n${B'],
      ['Z', '${C'],
    ]);
  });

  it('does not report unset or required variables (compose only warns, or fails at deploy time)', () => {
    expect(parse('A=$UNSET\nB=${UNSET:?must be set}').issues).toEqual([]);
  });
});

describe('bare names', () => {
  it('take their value from the lookup, and are left out when it has none', () => {
    const result = parse('HOME\nNOT_SET\n  EMPTY  \nOPTION_A', lookup);
    expect(result.issues).toEqual([]);
    expect(result.entries).toEqual([
      { name: 'HOME', value: '/home/me', line: 1 },
      { name: 'EMPTY', value: '', line: 3 },
      { name: 'OPTION_A', value: '5', line: 4 },
    ]);
  });

  it('are visible to later lines', () => {
    expect(pairs(parse('HOME\nX=$HOME/x', (name) => (name === 'HOME' ? '/h' : undefined)))).toEqual([
      ['HOME', '/h'],
      ['X', '/h/x'],
    ]);
  });
});

describe('line endings', () => {
  it('reads CRLF files like LF files', () => {
    const text = '# c\r\nA=1\r\nB="two"\r\nC=\'3\'\r\nD=x # y\r\nHOME\r\n\r\nE=$A\r\nexport F=6\r\n';
    const result = parse(text, lookup);
    expect(result.issues).toEqual([]);
    expect(result.entries).toEqual([
      { name: 'A', value: '1', line: 2 },
      { name: 'B', value: 'two', line: 3 },
      { name: 'C', value: '3', line: 4 },
      { name: 'D', value: 'x', line: 5 },
      { name: 'HOME', value: '/home/me', line: 6 },
      { name: 'E', value: '1', line: 8 },
      { name: 'F', value: '6', line: 9 },
    ]);
  });

  it('keeps a CRLF inside a multi-line quoted value, as compose does', () => {
    expect(pairs(parse('A="x\r\ny"\r\n'))).toEqual([['A', 'x\r\ny']]);
  });

  it('ignores a byte order mark', () => {
    const result = parse('\uFEFFA=1\nbad key=2');
    expect(pairs(result)).toEqual([['A', '1']]);
    expect(parse('\uFEFFbad key=1').issues).toEqual([
      { line: 1, column: 4, message: 'a variable name cannot contain a space' },
    ]);
  });
});

describe('invalid lines', () => {
  it.each([
    ['MY KEY=1', [1, 3, 'a variable name cannot contain a space']],
    ['MY KEY', [1, 3, 'a variable name cannot contain a space']],
    ['lol$wut', [1, 4, 'unexpected character "$" in a variable name']],
    ['FOO BAR baz!=1', [1, 12, 'unexpected character "!" in a variable name']],
    ['"QUOTED"=1', [1, 1, 'unexpected character "\\"" in a variable name']],
    ['A=1\n  B/C=2', [2, 4, 'unexpected character "/" in a variable name']],
    ['KEY="', [1, 5, 'unterminated quoted value']],
    ['KEY="value', [1, 5, 'unterminated quoted value']],
    ['KEY="value\\"', [1, 5, 'unterminated quoted value']],
    ["KEY=\"value'", [1, 5, 'unterminated quoted value']],
    ["KEY='", [1, 5, 'unterminated quoted value']],
    ["KEY='value", [1, 5, 'unterminated quoted value']],
    ["KEY='value\\'", [1, 5, 'unterminated quoted value']],
    ["KEY='value\"", [1, 5, 'unterminated quoted value']],
    ['KEY="value\\', [1, 5, 'unterminated quoted value']],
    ['A=1\r\nKEY: "x', [2, 6, 'unterminated quoted value']],
  ] as [string, [number, number, string]][])('%j', (text, [line, column, message]) => {
    const result = parse(text);
    expect(result.issues).toEqual([{ line, column, message }]);
    expect(result.entries.filter((entry) => entry.name !== 'A')).toEqual([]);
  });

  it('goes on after a bad line', () => {
    const text = 'BAD KEY="multi\nline"\nlol$wut=1\nOK=1\nK="never closed\nAFTER=2';
    const result = parse(text);
    expect(result.issues.map((issue) => [issue.line, issue.message])).toEqual([
      [1, 'a variable name cannot contain a space'],
      [3, 'unexpected character "$" in a variable name'],
      [5, 'unterminated quoted value'],
    ]);
    expect(pairs(result)).toEqual([
      ['OK', '1'],
      ['AFTER', '2'],
    ]);
  });

  it('never puts a value in a message', () => {
    const texts = [
      'MY KEY=sekrit',
      'MY KEY="sekrit',
      'K="sekrit',
      "K='sekrit",
      'K=sekrit${',
      'K="sekrit${X:x}"',
      'sekrit!',
      'MY KEY',
    ];
    for (const text of texts) {
      const result = parse(text, () => 'sekrit');
      expect(result.issues.length, text).toBeGreaterThan(0);
      for (const issue of result.issues) expect(issue.message, text).not.toMatch(/sekrit|KEY/);
    }
  });

  it('never throws on arbitrary input', () => {
    const alphabet = ['A', '=', ':', '"', "'", '\\', '$', '{', '}', '#', ' ', '\n', '\r', 'export ', '-', '0', '\t'];
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (let round = 0; round < 2000; round++) {
      let text = '';
      const length = Math.floor(random() * 40);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const result = parse(text, lookup);
      for (const issue of result.issues) {
        expect(issue.line).toBeGreaterThanOrEqual(1);
        expect(issue.column).toBeGreaterThanOrEqual(1);
      }
    }
  });
});
