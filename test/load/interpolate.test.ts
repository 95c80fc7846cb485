import { describe, expect, it, vi } from 'vitest';
import { interpolate, type InterpolationResult } from '../../src/load/interpolate.ts';

// Expected values are what docker compose v2 (compose-go v2's template package) produces.
const ENV: Record<string, string> = { FOO: 'first', BAR: '', SECRET: 'hunter2' };
const lookup = (name: string): string | undefined => (Object.hasOwn(ENV, name) ? ENV[name] : undefined);

const run = (template: string): InterpolationResult => interpolate(template, lookup);
/** Issues as `kind@start-end`, compact enough for tables. */
const issueKeys = (result: InterpolationResult): string[] =>
  result.issues.map((issue) => `${issue.kind}@${issue.start}-${issue.end}`);

describe('each operator against a set, an empty and an unset variable', () => {
  // [operator form, value when FOO=first, when BAR='', when UNSET, issue kind when BAR, when UNSET]
  const table: [string, string, string, string, string | null, string | null][] = [
    ['$X', 'first', '', '', null, 'undefined'],
    ['${X}', 'first', '', '', null, 'undefined'],
    ['${X:-d}', 'first', 'd', 'd', null, null],
    ['${X-d}', 'first', '', 'd', null, null],
    ['${X:?e}', 'first', '', '', 'required', 'required'],
    ['${X?e}', 'first', '', '', null, 'required'],
    ['${X:+a}', 'a', '', '', null, null],
    ['${X+a}', 'a', 'a', '', null, null],
  ];
  for (const [form, whenSet, whenEmpty, whenUnset, issueEmpty, issueUnset] of table) {
    it(`${form}`, () => {
      const cases: [string, string, string | null][] = [
        ['FOO', whenSet, null],
        ['BAR', whenEmpty, issueEmpty],
        ['UNSET', whenUnset, issueUnset],
      ];
      for (const [name, value, kind] of cases) {
        const template = `<${form.replace('X', name)}>`;
        const result = run(template);
        expect(result.value, template).toBe(`<${value}>`);
        expect(
          result.issues.map((issue) => issue.kind),
          template,
        ).toEqual(kind ? [kind] : []);
        for (const issue of result.issues) {
          expect(issue.variable).toBe(name);
          expect([issue.start, issue.end]).toEqual([1, template.length - 1]);
        }
      }
    });
  }
});

describe('values', () => {
  it.each([
    // plain text and literal dollars
    ['foo', 'foo'],
    ['', ''],
    ['a $ string', 'a $ string'],
    ['$ 5', '$ 5'],
    ['cost$', 'cost$'],
    ['^REGEX$', '^REGEX$'],
    ['$}', '$}'],
    ['$', '$'],
    ['$5', '$5'],
    ['$-x', '$-x'],
    ['$.x', '$.x'],
    ['${FOO}$', 'first$'],
    // $$ escapes
    ['$$', '$'],
    ['$$$$', '$$'],
    ['$${FOO}', '${FOO}'],
    ['$$FOO', '$FOO'],
    ['$$$FOO', '$first'],
    ['${UNSET:-$$}', '$'],
    ['${UNSET:-$}', '$'],
    // names: [_a-zA-Z][_a-zA-Z0-9]*, longest match
    ['$FOO-bar', 'first-bar'],
    ['$FOO.bar', 'first.bar'],
    ['${FOO}bar', 'firstbar'],
    ['This $FOO var', 'This first var'],
    ['This ${FOO} var', 'This first var'],
    ['This ${BAR} var', 'This  var'],
    // operators are decided by what follows the name
    ['ok ${BAR:-/non:-alphanumeric}', 'ok /non:-alphanumeric'],
    ['${UNSET_VAR-myerror?msg}', 'myerror?msg'],
    ['${FOO?bar-baz}', 'first'],
    ['${UNSET:-a:-b}', 'a:-b'],
    ['${UNSET:-a}b}', 'ab}'],
    ['-ok ${BAR:-defaultValue}', '-ok defaultValue'],
    [':-ok ${UNSET-defaultValue}', ':-ok defaultValue'],
    [':?ok ${BAR-defaultValue}', ':?ok '],
    ['+ok ${BAR-defaultValue}', '+ok '],
    ['?ok ${BAR:-defaultValue}', '?ok defaultValue'],
    // several expressions in one string
    ['${FOO:-a}-${UNSET:-b}/$FOO', 'first-b/first'],
    ['${UNSET:-x} ${UNSET:-y}', 'x y'],
    ['line1 $FOO\nline2 ${UNSET:-z}', 'line1 first\nline2 z'],
  ])('%j -> %j', (template, value) => {
    const result = run(template);
    expect(result.value).toBe(value);
    expect(issueKeys(result)).toEqual([]);
  });
});

describe('nesting and lazy defaults', () => {
  it.each([
    ['ok ${UNSET_VAR-$FOO}', 'ok first', []],
    ['ok ${UNSET_VAR-${FOO}}', 'ok first', []],
    ['ok ${UNSET_VAR-${FOO} ${FOO}}', 'ok first first', []],
    ['ok ${BAR:-${FOO} ${FOO}}', 'ok first first', []],
    ['ok ${BAR+$FOO ${FOO:+second}}', 'ok first second', []],
    ['+ok ${UNSET:-${BAR-defaultValue}}', '+ok ', []],
    ['${UNSET:-${UNSET2:-x}}', 'x', []],
    ['${A:-${B:-${C:-${FOO}}}}', 'first', []],
    // unused defaults are never evaluated: nothing inside them is reported
    ['${FOO:-${UNSET2}}', 'first', []],
    ['${FOO:-${UNSET2:?boom}}', 'first', []],
    ['${FOO-$UNSET2}', 'first', []],
    ['${UNSET:+${UNSET2}}', '', []],
    ['${FOO:?${UNSET2}}', 'first', []],
    // used ones are
    ['${UNSET:-${UNSET2}}', '', ['undefined@9-18']],
    ['${UNSET:-$UNSET2}', '', ['undefined@9-16']],
    ['${FOO:+${UNSET2}}', '', ['undefined@7-16']],
    ['${UNSET:-${UNSET2:?boom}}', '', ['required@9-24']],
  ] as [string, string, string[]][])('%j -> %j', (template, value, issues) => {
    const result = run(template);
    expect(result.value).toBe(value);
    expect(issueKeys(result)).toEqual(issues);
  });

  it('does not look up variables inside a default that is not used', () => {
    const spy = vi.fn(lookup);
    interpolate('${FOO:-${LAZY}} ${FOO:-$LAZY2}', spy);
    expect(spy.mock.calls.map(([name]) => name)).toEqual(['FOO', 'FOO']);
  });

  it('lists uses inside unused defaults too, outer before inner', () => {
    const result = run('${FOO:-${INNER:-x}}');
    expect(result.uses).toEqual([
      { name: 'FOO', start: 0, end: 19, operator: ':-', defaultText: '${INNER:-x}', required: false },
      { name: 'INNER', start: 7, end: 18, operator: ':-', defaultText: 'x', required: false },
    ]);
  });
});

describe('required variables', () => {
  it.each([
    ['not ok ${UNSET_VAR:?Mandatory Variable Unset}', 'required variable UNSET_VAR is missing a value: Mandatory Variable Unset'],
    ['not ok ${BAR:?Mandatory Variable Empty}', 'required variable BAR is missing a value: Mandatory Variable Empty'],
    ['not ok ${UNSET_VAR:?}', 'required variable UNSET_VAR is missing a value'],
    ['not ok ${UNSET_VAR?Mandatory Variable Unset}', 'required variable UNSET_VAR is missing a value: Mandatory Variable Unset'],
    ['not ok ${UNSET_VAR?}', 'required variable UNSET_VAR is missing a value'],
    ['${UNSET_VAR?bar-baz}', 'required variable UNSET_VAR is missing a value: bar-baz'],
    // the message is quoted as written, so it can never carry a value
    ['${UNSET:?need $SECRET}', 'required variable UNSET is missing a value: need $SECRET'],
  ])('%j', (template, message) => {
    const result = run(template);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ kind: 'required', message, variable: template.match(/\$\{(\w+)/)![1] });
    expect(result.value).toBe(template.slice(0, template.indexOf('$')));
  });

  it('substitutes an empty string and goes on', () => {
    const result = run('a${UNSET:?x}b$FOO');
    expect(result.value).toBe('abfirst');
    expect(issueKeys(result)).toEqual(['required@1-12']);
  });
});

describe('invalid forms', () => {
  it.each([
    // [template, value (left as written), issue, quoted expression]
    ['${', '${', 'invalid@0-2', '${'],
    ['${}', '${}', 'invalid@0-3', '${}'],
    ['${ }', '${ }', 'invalid@0-4', '${ }'],
    ['${ foo}', '${ foo}', 'invalid@0-7', '${ foo}'],
    ['${foo }', '${foo }', 'invalid@0-7', '${foo }'],
    ['${foo!}', '${foo!}', 'invalid@0-7', '${foo!}'],
    ['${VAR!}', '${VAR!}', 'invalid@0-7', '${VAR!}'],
    ['${1abc}', '${1abc}', 'invalid@0-7', '${1abc}'],
    ['${VAR:x}', '${VAR:x}', 'invalid@0-8', '${VAR:x}'],
    ['${VAR:}', '${VAR:}', 'invalid@0-7', '${VAR:}'],
    ['${VAR.x}', '${VAR.x}', 'invalid@0-8', '${VAR.x}'],
    ['${VAR', '${VAR', 'invalid@0-5', '${VAR'],
    ['${VAR:-x', '${VAR:-x', 'invalid@0-8', '${VAR:-x'],
    ['${FOO/foo/bar}', '${FOO/foo/bar}', 'invalid@0-14', '${FOO/foo/bar}'],
    // a ${...} never spans lines in compose
    ['${UNSET:-x\n}', '${UNSET:-x\n}', 'invalid@0-10', '${UNSET:-x'],
    ['a ${VAR:x} $FOO', 'a ${VAR:x} first', 'invalid@2-10', '${VAR:x}'],
    // without a matching `}` the rest of the line stays as written, the next lines are read
    ['a ${VAR $FOO\n$FOO', 'a ${VAR $FOO\nfirst', 'invalid@2-12', '${VAR $FOO'],
  ])('%j', (template, value, issue, expression) => {
    const result = run(template);
    expect(result.value).toBe(value);
    expect(issueKeys(result)).toEqual([issue]);
    expect(result.issues[0].message).toBe(
      `invalid interpolation format ${JSON.stringify(expression)}; write $$ for a literal $`,
    );
  });

  it('reports an invalid form in a default even when the default is not used', () => {
    const result = run('${FOO:-${1x}}');
    expect(result.value).toBe('first');
    expect(issueKeys(result)).toEqual(['invalid@7-12']);
  });

  it('keeps an invalid form inside a used default as written', () => {
    const result = run('${UNSET:-a${ x}b}');
    expect(result.value).toBe('a${ x}b');
    expect(issueKeys(result)).toEqual(['invalid@10-15']);
  });

  it('quotes only the expression, never the rest of the string or any value', () => {
    const result = run('password=hunter2 ${SECRET} ${SECRET:x}');
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0].message).not.toContain('hunter2');
    expect(result.issues[0].message).toContain('"${SECRET:x}"');
  });

  it('shortens a long expression in the message', () => {
    const result = run(`\${VAR ${'x'.repeat(500)}`);
    expect(result.issues[0].message.length).toBeLessThan(120);
  });
});

describe("compose's brace matching inside defaults", () => {
  it.each([
    // balanced braces belong to the default
    ['${UNSET:-{"a":1}}', '{"a":1}', []],
    ['${UNSET:-{x}}', '{x}', []],
    ['${FOO:-{x}}', 'first', []],
    // compose does not count the `}` right after a `{`, so `{}` leaves the expression
    // open and it ends at the last `}` on the line
    ['${UNSET:-{}}', '{}', []],
    ['${UNSET:-{}} x', '{} x', []],
    ['${UNSET:-{}} ${BAR}', '{}} ${BAR', ['invalid@13-18']],
    ['${FOO:-{}} ${BAR}', 'first', ['invalid@11-16']],
    // an expression left open ends at the last `}` of its line
    ['${UNSET:-${FOO}', '${FOO', ['invalid@9-14']],
    ['${FOO:-${UNSET}', 'first', ['invalid@7-14']],
  ] as [string, string, string[]][])('%j -> %j', (template, value, issues) => {
    const result = run(template);
    expect(result.value).toBe(value);
    expect(issueKeys(result)).toEqual(issues);
  });
});

describe('uses and offsets', () => {
  it('reports every reference with its operator, default text and span', () => {
    const template = 'a $FOO b ${UNSET:-x} ${BAR} ${R:?msg} ${P+alt} $$NOT';
    const result = run(template);
    expect(result.uses).toEqual([
      { name: 'FOO', start: 2, end: 6, operator: '', required: false },
      { name: 'UNSET', start: 9, end: 20, operator: ':-', defaultText: 'x', required: false },
      { name: 'BAR', start: 21, end: 27, operator: '', required: false },
      { name: 'R', start: 28, end: 37, operator: ':?', defaultText: 'msg', required: true },
      { name: 'P', start: 38, end: 46, operator: '+', defaultText: 'alt', required: false },
    ]);
    for (const use of result.uses) expect(template[use.start]).toBe('$');
    expect(template.slice(result.uses[1].start, result.uses[1].end)).toBe('${UNSET:-x}');
  });

  it('reports undefined variables with their span and compose warning', () => {
    const result = run('x ${UNSET} y $UNSET2');
    expect(result.issues).toEqual([
      {
        kind: 'undefined',
        message: 'The "UNSET" variable is not set. Defaulting to a blank string.',
        variable: 'UNSET',
        start: 2,
        end: 10,
      },
      {
        kind: 'undefined',
        message: 'The "UNSET2" variable is not set. Defaulting to a blank string.',
        variable: 'UNSET2',
        start: 13,
        end: 20,
      },
    ]);
    expect(result.value).toBe('x  y ');
  });

  it('orders issues by position', () => {
    const result = run('${UNSET:?m $U1} ${ $U2');
    expect(issueKeys(result)).toEqual(['required@0-15', 'undefined@11-14', 'invalid@16-22']);
  });
});

describe('hostile input', () => {
  it('handles `${` nested 10,000 deep', () => {
    const depth = 10_000;
    const template = '${A:-'.repeat(depth) + 'x' + '}'.repeat(depth);
    const unset = run(template);
    expect(unset.value).toBe('x');
    expect(unset.uses).toHaveLength(depth);
    expect(unset.issues).toEqual([]);
    const set = interpolate(template, (name) => (name === 'A' ? 'a' : undefined));
    expect(set.value).toBe('a');
  });

  it('handles 10,000 unclosed `${`', () => {
    const template = '${'.repeat(10_000);
    const result = run(template);
    expect(result.value).toBe(template);
    expect(issueKeys(result)).toEqual([`invalid@0-${template.length}`]);
    const withOperators = '${A:-'.repeat(10_000);
    expect(issueKeys(run(withOperators))).toEqual([`invalid@0-${withOperators.length}`]);
  });

  it('handles 10,000 `${` that all end at one `}`', () => {
    const template = '${A:-'.repeat(10_000) + 'x}';
    const result = run(template);
    expect(result.uses).toHaveLength(1);
    expect(issueKeys(result)).toEqual([`invalid@5-${template.length - 1}`]);
  });

  it('stays linear on the inputs that make compose search backwards', () => {
    const start = performance.now();
    const result = run('${A:-{}} '.repeat(100_000));
    expect(result.issues.length).toBeGreaterThan(0);
    expect(performance.now() - start).toBeLessThan(10_000);
  });

  it('handles a 20 MB string', () => {
    const chunk = 'x'.repeat(1000) + ' ${UNSET:-${FOO}} $$ cost$ ';
    const template = chunk.repeat(Math.ceil(20_000_000 / chunk.length));
    const result = run(template);
    expect(result.value.length).toBe(template.length - (Math.ceil(20_000_000 / chunk.length) * (16 - 5 + 1)));
    expect(result.issues).toEqual([]);
  });
});
