import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastParse } from '../../src/load/fast-parse.ts';
import type { Node } from '../../src/load/nodes.ts';
import { parseWithYaml, parseYamlFile, type ParsedFile } from '../../src/load/parse.ts';
import { createSourceFile } from '../../src/load/source.ts';
import { CORPUS_DIR, HAVE_CORPUS } from '../helpers/corpus.ts';
import { REPO_ROOT } from '../helpers/cli.ts';

/**
 * The fast path must give exactly what the yaml package gives, or nothing. Every case here
 * compares the two whole results: the node tree (values, styles, positions, key order), the
 * comments and the diagnostics.
 */
function comparable(parsed: Pick<ParsedFile, 'root' | 'comments' | 'diagnostics'>): unknown {
  const node = (n: Node | null): unknown => {
    if (!n) return n;
    const where = [n.loc.start, n.loc.end, n.tag ?? null];
    if (n.kind === 'scalar') return ['scalar', n.value, n.written, n.style, ...where];
    if (n.kind === 'seq') return ['seq', ...where, n.items.map(node)];
    return ['map', ...where, [...n.pairs].map(([name, pair]) => [name, node(pair.key), node(pair.value)])];
  };
  return { root: node(parsed.root), comments: parsed.comments, diagnostics: parsed.diagnostics.map((d) => [d.ruleId, d.message, d.loc.start, d.loc.end]) };
}

/** Whether the fast path took the text; throws (fails the test) when it took it and got it wrong. */
function agrees(text: string): boolean {
  const file = createSourceFile('compose.yaml', text, '/');
  const fast = fastParse(file);
  if (!fast) return false;
  expect(comparable(fast), text).toEqual(comparable(parseWithYaml(file)));
  return true;
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(entry)) out.push(path);
  }
  return out.sort();
}

const FIXTURES = yamlFiles(join(REPO_ROOT, 'fixtures'));

describe('the fast path', () => {
  it('takes the common shapes and gives what the yaml package gives', () => {
    const cases = [
      'services:\n  web:\n    image: "nginx:1.27" # pinned\n    ports:\n      - 80:80   \n      - \'443:443\'\n    command: ["npm", run, "it\'s"]\n\n  # own line\n  db:\n    image: x\nvolumes:\n  data:\n',
      'a:\n- 1\n- 2\nb:\n',
      'a:    \nb: # why\nc: ~\n',
      'a:\n  - b: 1\n    c: [ ]\n  - d\n  -\n    e: {}\n',
      'x-env: &env\n'.replace('&env', 'plain'),
      "a: 'it''s'\nb: \"\"\nc: ''\n",
      'a: yes\nb: 0x1F\nc: 1e3\nd: null\ne: 2024-01-01\nf: "3"\n',
      'services:\n  web:\n    image: x\n    # ports:\n    #   - 80\n  db:\n    image: y\n',
      'a: b#c\nd: e # f\ng: ${HOME}/x\nh: a{b}c\n',
      'dup: 1\nother: 2\ndup: 3\n',
      'a:\n  b: 1\n',
      // anchors, aliases and merge keys
      'x: &a\n  b: 1\ny: *a\n',
      'x: &a 1\ny: *a\nz: [*a, 2]\n',
      'x: &a\n  b: 1\ny:\n  <<: *a\n  c: 2\n',
      'x: &a\n  b: 1\nv: &v\n  b: 2\n  d: 3\ny:\n  b: 0\n  <<: [*a, *v]\n',
      'x: &a\n  - 1\ny:\n  <<: *a\n',
      'x: *nowhere\ny:\n  - *nowhere\n  - 1\n',
      'x: &a # c\n  b: 1\ny: *a # d\n',
      'x: &a\ny: *a\n',
      'x:\n  - &a one\n  - *a\n',
      'x: &a\n  y: *a\n',
      'a: &x [1, *x]\n',
      'a:\n  - &x [*x]\n',
    ];
    for (const text of cases) expect(agrees(text), text).toBe(true);
  });

  it('hands everything else to the yaml package', () => {
    const cases = [
      'a: &x *y\n',
      'a:\n  &k b: 1\n',
      'a: &x\n  - &x 1\n',
      '*a : 1\n',
      'a: !reset []\n',
      'a: |\n  text\n',
      'a: >-\n  text\n',
      'a: multi\n  line\n',
      'a: "multi\n  line"\n',
      'a: {b: 1}\n',
      'a: [1,\n  2]\n',
      'a:\tb\n',
      'a: b\r\nc: d\r\n',
      '---\na: 1\n',
      '? a\n: b\n',
      '- a\n- b\n',
      'a: "esc\\"aped"\n',
      '<<: {}\n',
      'a:\n  b: 1\n  # trailing, after the last item\n',
      'a:\n  b:\n    # after an empty value\n',
      '',
      '# only a comment\n',
      'a: b: c\n',
      'a:b\n',
      'a: [x,]\n',
    ];
    for (const text of cases) expect(agrees(text), JSON.stringify(text)).toBe(false);
  });

  it('is what parseYamlFile uses when it can', () => {
    const file = createSourceFile('compose.yaml', 'services:\n  web:\n    image: nginx\n', '/');
    expect(comparable(parseYamlFile(file))).toEqual(comparable(parseWithYaml(file)));
    // a control character is reported by the general path, never skipped by the fast one
    const control = createSourceFile('compose.yaml', 'services:\n  web:\n    image: "a\u0001b"\n', '/');
    expect(parseYamlFile(control).diagnostics.map((d) => d.ruleId)).toEqual(['yaml-syntax']);
  });

  it('agrees on every fixture, and takes the plain ones', () => {
    const taken = FIXTURES.filter((path) => agrees(readFileSync(path, 'utf8')));
    expect(taken).toContain(join(REPO_ROOT, 'fixtures/ml-stack/compose.override.yaml'));
  });

  it.skipIf(!HAVE_CORPUS)('agrees on every corpus file it takes, and takes most of them', () => {
    const files = yamlFiles(CORPUS_DIR);
    const taken = files.filter((path) => agrees(readFileSync(path, 'utf8')));
    expect(taken.length / files.length).toBeGreaterThan(0.7);
  });

  it('agrees on mutations of the fixtures: lines dropped, doubled, re-indented, commented, cut', () => {
    const texts = FIXTURES.map((path) => readFileSync(path, 'utf8'));
    const mutation = fc.record({
      file: fc.nat(texts.length - 1),
      line: fc.nat(400),
      kind: fc.constantFrom('drop', 'double', 'indent', 'dedent', 'comment', 'trailing-comment', 'blank', 'cut', 'spaces'),
      indent: fc.integer({ min: 0, max: 8 }),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        let lines = texts[mutations[0].file].split('\n');
        for (const { line, kind, indent } of mutations) {
          const at = line % Math.max(lines.length, 1);
          const text = lines[at] ?? '';
          if (kind === 'drop') lines.splice(at, 1);
          else if (kind === 'double') lines.splice(at, 0, text);
          else if (kind === 'indent') lines[at] = ` ${text}`;
          else if (kind === 'dedent') lines[at] = text.replace(/^ /, '');
          else if (kind === 'comment') lines.splice(at, 0, `${' '.repeat(indent)}# note`);
          else if (kind === 'trailing-comment') lines[at] = `${text} # note`;
          else if (kind === 'blank') lines.splice(at, 0, ' '.repeat(indent));
          else if (kind === 'cut') lines = lines.slice(0, at);
          else lines[at] = `${text}${' '.repeat(indent)}`;
        }
        agrees(lines.join('\n'));
      }),
      { numRuns: Number(process.env.FAST_PARSE_RUNS ?? 3000) },
    );
  });

  it('agrees on generated block documents', () => {
    const scalar = fc.oneof(
      fc.constantFrom('x', 'nginx:1.27', '80:80', 'true', 'no', '1.5', '0o17', '~', '${A:-b}', 'a b', '"q"', "'s'", '""', '[a, "b"]', '[]', '{}', 'a#b', '-x'),
      fc.stringMatching(/^[a-z0-9:/._-]{1,8}$/),
    );
    const key = fc.stringMatching(/^[a-z_][a-z0-9_.-]{0,6}$/);
    const tree: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('map'), tie('seq')),
      map: fc.array(fc.tuple(key, tie('node'), fc.constantFrom('', ' # c', '  ')), { minLength: 1, maxLength: 4 }),
      seq: fc.array(fc.tuple(tie('node'), fc.constantFrom('', ' # c')), { minLength: 1, maxLength: 3 }),
    })).map;
    const render = (value: unknown, indent: number, style: number): string[] => {
      const pad = ' '.repeat(indent);
      const entries = value as [unknown, unknown, string][];
      if (typeof entries[0][0] === 'string' && entries[0].length === 3) {
        return entries.flatMap(([k, v, after]) =>
          typeof v === 'string' ? [`${pad}${k}: ${v}${after}`] : [`${pad}${k}:${after}`, ...render(v, indent + 2 + (style % 2), style + 1)],
        );
      }
      return (value as [unknown, string][]).flatMap(([v, after]) => (typeof v === 'string' ? [`${pad}- ${v}${after}`] : [`${pad}-${after}`, ...render(v, indent + 2, style + 1)]));
    };
    fc.assert(
      fc.property(tree, fc.nat(3), fc.boolean(), (root, style, blankLines) => {
        const lines = render(root, 0, style);
        agrees(`${(blankLines ? lines.flatMap((line, i) => (i % 3 === 2 ? [line, ''] : [line])) : lines).join('\n')}\n`);
      }),
      { numRuns: Number(process.env.FAST_PARSE_RUNS ?? 2000) },
    );
  });
});
