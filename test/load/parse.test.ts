import { describe, expect, it } from 'vitest';
import { parseYamlFile } from '../../src/load/parse.ts';
import { childAt, toPlain, type ScalarNode } from '../../src/load/nodes.ts';
import { createSourceFile, positionAt } from '../../src/load/source.ts';

function parse(text: string) {
  const file = createSourceFile('/project/compose.yaml', text, '/project');
  const parsed = parseYamlFile(file);
  const where = (offset: number) => positionAt(file, offset);
  return {
    ...parsed,
    plain: toPlain(parsed.root),
    found: parsed.diagnostics.map((d) => ({ ruleId: d.ruleId, message: d.message, ...where(d.loc.start) })),
  };
}

describe('parseYamlFile', () => {
  it('keeps the range of every value', () => {
    const { root, file } = parse('services:\n  web:\n    image: nginx:1.25\n');
    const image = childAt(root, 'services', 'web', 'image') as ScalarNode;
    expect(file.text.slice(image.loc.start, image.loc.end)).toBe('nginx:1.25');
    expect(positionAt(file, image.loc.start)).toEqual({ line: 3, column: 12 });
  });

  it('reports a duplicate key at the second occurrence', () => {
    const { found } = parse('services:\n  web:\n    image: a\n    image: b\n');
    expect(found).toEqual([
      {
        ruleId: 'duplicate-key',
        message: 'Key "image" is already defined on line 3; compose refuses a mapping with a duplicate key, so remove one of them.',
        line: 4,
        column: 5,
      },
    ]);
  });

  it('resolves merge keys: explicit keys win, values keep the anchor position', () => {
    const text = 'x-base: &base\n  image: nginx:1\n  restart: always\nservices:\n  web:\n    <<: *base\n    restart: "no"\n';
    const { plain, root, file } = parse(text);
    expect(plain).toEqual({
      'x-base': { image: 'nginx:1', restart: 'always' },
      services: { web: { restart: 'no', image: 'nginx:1' } },
    });
    const image = childAt(root, 'services', 'web', 'image') as ScalarNode;
    expect(positionAt(file, image.loc.start)).toEqual({ line: 2, column: 10 });
  });

  it('merges a list of mappings, the first listed winning', () => {
    const { plain } = parse('a: &a {x: 1}\nb: &b {x: 2, y: 2}\nc:\n  <<: [*a, *b]\n');
    expect((plain as Record<string, unknown>).c).toEqual({ x: 1, y: 2 });
  });

  it('registers !reset and !override tags on nodes', () => {
    const { root } = parse('services:\n  web:\n    ports: !reset []\n    environment: !override\n      A: "1"\n');
    expect(childAt(root, 'services', 'web', 'ports')?.tag).toBe('!reset');
    expect(childAt(root, 'services', 'web', 'environment')?.tag).toBe('!override');
  });

  it('reports YAML syntax errors with line and column', () => {
    const { found, root } = parse('services:\n  web:\n    image: "unterminated\n');
    expect(root).toBeNull();
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].ruleId).toBe('yaml-syntax');
  });

  it('reports tab indentation', () => {
    const { found } = parse('services:\n\tweb:\n    image: a\n');
    expect(found[0]).toMatchObject({ ruleId: 'yaml-syntax', line: 2 });
    expect(found[0].message).toMatch(/tab/i);
  });

  it('reports several documents', () => {
    const { found } = parse('services: {}\n---\nservices: {}\n');
    expect(found).toEqual([
      {
        ruleId: 'yaml-syntax',
        message: 'The file holds 2 YAML documents; compose reads one, so keep a single document per file.',
        line: 2,
        column: 1,
      },
    ]);
  });

  it('stops a billion-laughs alias bomb quickly with a finding', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const name = String.fromCharCode(97 + i);
      const prev = String.fromCharCode(96 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = performance.now();
    const { root, found } = parse(levels.join('\n'));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(root).toBeNull();
    expect(found).toEqual([
      {
        ruleId: 'yaml-syntax',
        message: 'Aliases in this file expand to more than 1,000,000 nodes (an alias bomb); the file was not read further.',
        line: 1,
        column: 1,
      },
    ]);
  });

  it('reports an alias cycle instead of recursing', () => {
    const { found } = parse('a: &x [1, *x]\n');
    expect(found).toEqual([
      { ruleId: 'yaml-syntax', message: 'Alias *x refers to the node that contains it (a cycle).', line: 1, column: 11 },
    ]);
  });

  it('survives 10,000 levels of nesting with a finding', () => {
    const { root, found } = parse(`a: ${'['.repeat(10000)}${']'.repeat(10000)}`);
    expect(root).toBeNull();
    expect(found[0].ruleId).toBe('yaml-syntax');
  });

  it('finds comments through the tokens, not inside quoted strings', () => {
    const { comments } = parse('a: "x # not a comment" # real\n# own line\n');
    expect(comments.map((c) => [c.text, c.ownLine])).toEqual([
      ['real', false],
      ['own line', true],
    ]);
  });

  it('types scalars like compose: yes stays a string, 0755 is octal', () => {
    const { plain } = parse('a: yes\nb: 0755\nc: "0755"\nd: 1_000\ne: on\n');
    expect(plain).toEqual({ a: 'yes', b: 493, c: '0755', d: 1000, e: 'on' });
  });

  it('counts CR-only and CRLF line endings for positions', () => {
    const crlf = parse('a: 1\r\nb: [\r\n');
    expect(crlf.found[0]).toMatchObject({ ruleId: 'yaml-syntax' });
    const file = createSourceFile('/p/c.yaml', 'a: 1\rb: 2\r\nc: 3', '/p');
    expect(positionAt(file, file.text.indexOf('c'))).toEqual({ line: 3, column: 1 });
    expect(positionAt(file, file.text.indexOf('b'))).toEqual({ line: 2, column: 1 });
  });
});
