import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LoadDiagnostic } from '../../src/load/diagnostics.ts';
import { resolveExtends, type ExtendsHost } from '../../src/load/extends.ts';
import { childAt, isMap, keyNode, toPlain, type MapNode, type Node } from '../../src/load/nodes.ts';
import { parseYamlFile } from '../../src/load/parse.ts';
import { createSourceFile, type SourceFile } from '../../src/load/source.ts';

const root = mkdtempSync(join(tmpdir(), 'compose-lint-extends-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let caseNumber = 0;

/** Writes `files` (relative path -> text) into a fresh folder and returns that folder. */
function project(files: Record<string, string>): string {
  const dir = join(root, `case-${++caseNumber}`);
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return dir;
}

interface Host extends ExtendsHost {
  loads: string[];
}

/** A host like the project loader's: parses from disk, caches, undefined when unreadable. */
function host(): Host {
  const cache = new Map<string, { root: Node | null; file: SourceFile } | undefined>();
  const diagnostics: LoadDiagnostic[] = [];
  const loads: string[] = [];
  return {
    diagnostics,
    loads,
    loadFile(path) {
      if (cache.has(path)) return cache.get(path);
      loads.push(path);
      let entry: { root: Node | null; file: SourceFile } | undefined;
      try {
        const parsed = parseYamlFile(createSourceFile(path, readFileSync(path, 'utf8'), dirname(path)));
        entry = { root: parsed.root, file: parsed.file };
      } catch {
        entry = undefined;
      }
      cache.set(path, entry);
      return entry;
    },
  };
}

function loadMain(path: string): MapNode {
  const parsed = parseYamlFile(createSourceFile(path, readFileSync(path, 'utf8'), dirname(path)));
  expect(parsed.diagnostics).toEqual([]);
  if (!isMap(parsed.root)) throw new Error('not a mapping');
  return parsed.root;
}

function resolveIn(dir: string, main = 'compose.yaml'): { result: MapNode; host: Host; input: MapNode } {
  const input = loadMain(join(dir, main));
  const h = host();
  return { result: resolveExtends(input, h), host: h, input };
}

function services(result: MapNode): Record<string, unknown> {
  return (toPlain(result) as { services: Record<string, unknown> }).services;
}

function textOf(node: Node | undefined): string {
  if (!node) throw new Error('no node');
  return node.loc.file.text.slice(node.loc.start, node.loc.end);
}

describe('resolveExtends', () => {
  it('extends a service of the same file and drops the extends key', () => {
    const dir = project({
      'compose.yaml': `
services:
  base:
    image: app:1
    environment: {A: "1", B: "2"}
    ports: ["80:80"]
    depends_on: [db]
  web:
    extends: base
    environment: {B: "3"}
    ports: ["80:80/tcp", "443:443"]
    depends_on: {cache: {condition: service_healthy}}
  db: {image: postgres}
  cache: {image: redis}
`,
    });
    const { result, host: h } = resolveIn(dir);
    expect(h.diagnostics).toEqual([]);
    expect(services(result).web).toEqual({
      image: 'app:1',
      environment: { A: '1', B: '3' },
      ports: ['80:80/tcp', '443:443'],
      // compose v2 inherits depends_on too, merged by name.
      depends_on: {
        db: { condition: 'service_started', required: true },
        cache: { condition: 'service_healthy' },
      },
    });
    expect(services(result).base).toEqual({
      image: 'app:1',
      environment: { A: '1', B: '2' },
      ports: ['80:80'],
      depends_on: ['db'],
    });
  });

  it('accepts the long form without file and returns the input untouched when nothing extends', () => {
    const dir = project({
      'compose.yaml': 'services:\n  a: {image: x}\n  b:\n    extends: {service: a}\n    user: app\n',
      'plain.yaml': 'services:\n  a: {image: x}\n',
    });
    const { result } = resolveIn(dir);
    expect(services(result).b).toEqual({ image: 'x', user: 'app' });
    const plain = loadMain(join(dir, 'plain.yaml'));
    expect(resolveExtends(plain, host())).toBe(plain);
  });

  it('reads file: relative to the extending file, with nested files relative to theirs', () => {
    const dir = project({
      'app/compose.yaml': `
services:
  web:
    extends:
      file: ../common/base.yaml
      service: webapp
    command: [serve]
`,
      'common/base.yaml': `
services:
  webapp:
    extends:
      file: deeper/root.yaml
      service: root
    build: ./src
    volumes: ["./data:/data"]
`,
      'common/deeper/root.yaml': `
services:
  root:
    image: base:1
    env_file: .env
    command: [idle]
`,
    });
    const { result, host: h } = resolveIn(join(dir, 'app'));
    expect(h.diagnostics).toEqual([]);
    expect(services(result).web).toEqual({
      image: 'base:1',
      env_file: '.env',
      command: ['serve'],
      build: './src',
      volumes: ['./data:/data'],
    });
    // Each inherited value still points at the file (and so the folder) that wrote it.
    const web = childAt(result, 'services', 'web');
    const build = childAt(web, 'build')!;
    expect(build.loc.file.path).toBe(join(dir, 'common/base.yaml'));
    expect(build.loc.file.baseDir).toBe(join(dir, 'common'));
    expect(textOf(build)).toBe('./src');
    const envFile = childAt(web, 'env_file')!;
    expect(envFile.loc.file.path).toBe(join(dir, 'common/deeper/root.yaml'));
    expect(envFile.loc.file.baseDir).toBe(join(dir, 'common/deeper'));
    expect(childAt(web, 'command')!.loc.file.path).toBe(join(dir, 'app/compose.yaml'));
    expect(keyNode(web, 'command')!.loc.file.path).toBe(join(dir, 'app/compose.yaml'));
  });

  it('resolves chains A -> B -> C, each link overriding the one below', () => {
    const dir = project({
      'compose.yaml': `
services:
  a:
    extends: b
    environment: [LEVEL=a]
  b:
    extends: c
    environment: [LEVEL=b, B=1]
    restart: always
  c:
    image: c
    environment: [LEVEL=c, C=1]
`,
    });
    const { result, host: h } = resolveIn(dir);
    expect(h.diagnostics).toEqual([]);
    expect(services(result).a).toEqual({ image: 'c', environment: ['LEVEL=a', 'C=1', 'B=1'], restart: 'always' });
    expect(services(result).b).toEqual({ image: 'c', environment: ['LEVEL=b', 'C=1', 'B=1'], restart: 'always' });
  });

  it('applies !reset and !override of the extending service to the base', () => {
    const dir = project({
      'compose.yaml': `
services:
  base:
    image: app
    ports: ["80:80"]
    environment: {A: "1", B: "2"}
  web:
    extends: base
    ports: !reset []
    environment: !override {C: "3"}
`,
    });
    const { result } = resolveIn(dir);
    expect(services(result).web).toEqual({ image: 'app', environment: { C: '3' } });
  });

  it('loads each extended file once and resolves each base once', () => {
    const dir = project({
      'compose.yaml': `
services:
  a: {extends: {file: common.yaml, service: base}}
  b: {extends: {file: common.yaml, service: base}}
  c: {extends: {file: ./common.yaml, service: other}}
`,
      'common.yaml': 'services:\n  base: {image: x}\n  other: {extends: base, user: app}\n',
    });
    const { result, host: h } = resolveIn(dir);
    expect(h.loads).toEqual([join(dir, 'common.yaml')]);
    expect(services(result)).toEqual({ a: { image: 'x' }, b: { image: 'x' }, c: { image: 'x', user: 'app' } });
    const a = childAt(result, 'services', 'a');
    const b = childAt(result, 'services', 'b');
    expect(childAt(a, 'image')).toBe(childAt(b, 'image'));
  });

  it('reports a cycle once, at the extends that closes it', () => {
    const dir = project({
      'compose.yaml': `
services:
  a:
    extends: b
    image: a
  b:
    extends: a
    user: b
  self:
    extends: self
`,
    });
    const { result, host: h } = resolveIn(dir);
    expect(h.diagnostics.map((d) => [d.ruleId, d.service, d.message, textOf({ loc: d.loc } as Node)])).toEqual([
      ['undefined-reference', 'b', 'Service "b" extends itself through b -> a -> b; remove one of these extends.', 'a'],
      ['undefined-reference', 'self', 'Service "self" extends itself; remove the extends or name another service.', 'self'],
    ]);
    const cycleLoc = h.diagnostics[0].loc;
    expect(cycleLoc.file.path).toBe(join(dir, 'compose.yaml'));
    expect(services(result)).toEqual({ a: { image: 'a', user: 'b' }, b: { user: 'b' }, self: {} });
  });

  it('reports a cycle that runs through another file', () => {
    const dir = project({
      'compose.yaml': 'services:\n  a:\n    extends: {file: other.yaml, service: b}\n',
      'other.yaml': 'services:\n  b:\n    extends: {file: compose.yaml, service: a}\n',
    });
    const { host: h } = resolveIn(dir);
    expect(h.diagnostics).toHaveLength(1);
    expect(h.diagnostics[0].message).toMatch(/^Service "b" extends itself through b -> a \(compose\.yaml\) -> b/);
    expect(h.diagnostics[0].loc.file.path).toBe(join(dir, 'other.yaml'));
  });

  it('reports a missing service, in the same file or another', () => {
    const dir = project({
      'compose.yaml': `
services:
  api:
    extends: base
  worker:
    extends:
      file: other.yaml
      service: nope
`,
      'other.yaml': 'services:\n  base: {image: x}\n',
    });
    const { result, host: h } = resolveIn(dir);
    expect(h.diagnostics.map((d) => [d.ruleId, d.service, d.message, textOf({ loc: d.loc } as Node)])).toEqual([
      ['undefined-reference', 'api', 'Service "api" extends "base", which does not exist in compose.yaml; name a service defined there.', 'base'],
      ['undefined-reference', 'worker', 'Service "worker" extends "nope", which does not exist in other.yaml; name a service defined there.', 'nope'],
    ]);
    expect(services(result)).toEqual({ api: {}, worker: {} });
  });

  it('reports a file that cannot be read, at its file: value', () => {
    const dir = project({
      'compose.yaml': `
services:
  api:
    extends:
      file: missing/base.yaml
      service: base
    image: api
  other:
    extends: {file: missing/base.yaml, service: base}
`,
    });
    const { result, host: h } = resolveIn(dir);
    expect(h.diagnostics.map((d) => [d.ruleId, d.service, d.message, textOf({ loc: d.loc } as Node)])).toEqual([
      ['undefined-reference', 'api', 'Service "api" extends "base" from "missing/base.yaml", which cannot be read; check the path.', 'missing/base.yaml'],
      ['undefined-reference', 'other', 'Service "other" extends "base" from "missing/base.yaml", which cannot be read; check the path.', 'missing/base.yaml'],
    ]);
    expect(h.loads).toEqual([join(dir, 'missing/base.yaml')]);
    expect(services(result)).toEqual({ api: { image: 'api' }, other: {} });
  });

  it('leaves a malformed extends for schema validation', () => {
    const dir = project({ 'compose.yaml': 'services:\n  a:\n    extends: {file: x.yaml}\n    image: a\n' });
    const { result, host: h } = resolveIn(dir);
    expect(h.diagnostics).toEqual([]);
    expect(services(result).a).toEqual({ extends: { file: 'x.yaml' }, image: 'a' });
  });

  it('does not mutate the input tree', () => {
    const dir = project({
      'compose.yaml': 'x-base: &base {image: x, environment: {A: "1"}}\nservices:\n  base: *base\n  a: {extends: base, environment: {B: "2"}}\n',
    });
    const { result, input } = resolveIn(dir);
    expect(services(result).a).toEqual({ image: 'x', environment: { A: '1', B: '2' } });
    expect((toPlain(input) as { services: Record<string, unknown> }).services.a).toEqual({ extends: 'base', environment: { B: '2' } });
    expect(toPlain(childAt(input, 'x-base'))).toEqual({ image: 'x', environment: { A: '1' } });
  });
});
