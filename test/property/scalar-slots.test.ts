import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Document, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { afterAll, describe, it } from 'vitest';
import { expectSound, runPipeline } from './pipeline.ts';
import { placed, slotsOf, TOP_LEVEL_KEYS, type Slot } from './slots.ts';

/** One value as written in YAML: its text form decides the type (plain, quoted, block, tagged). */
interface Written {
  name: string;
  node: () => unknown;
}

const scalar = (name: string, value: unknown, type?: Scalar.Type, tag?: string): Written => ({
  name,
  node: () => {
    const node = new Scalar(value);
    if (type) node.type = type;
    if (tag) node.tag = tag;
    return node;
  },
});

/** Every scalar type YAML 1.1 and 1.2 tools disagree on, in every style, plus empty and nested collections. */
const WRITTEN: Written[] = [
  scalar('plain string', 'text', 'PLAIN'),
  scalar('empty (null)', null),
  scalar('tilde', '~', 'PLAIN'),
  scalar('null word', 'null', 'PLAIN'),
  scalar('true', true),
  scalar('false', false),
  scalar('yes', 'yes', 'PLAIN'),
  scalar('off', 'off', 'PLAIN'),
  scalar('zero', 0),
  scalar('negative', -1),
  scalar('big integer', '9223372036854775808', 'PLAIN'),
  scalar('float', 1.5),
  scalar('exponent', '1e3', 'PLAIN'),
  scalar('infinity', '.inf', 'PLAIN'),
  scalar('not a number', '.nan', 'PLAIN'),
  scalar('octal 1.1', '0777', 'PLAIN'),
  scalar('octal 1.2', '0o17', 'PLAIN'),
  scalar('hex', '0x1F', 'PLAIN'),
  scalar('sexagesimal', '22:22', 'PLAIN'),
  scalar('date', '2024-01-01', 'PLAIN'),
  scalar('timestamp', '2001-12-14t21:59:43.10-05:00', 'PLAIN'),
  scalar('double quoted', 'quoted text', 'QUOTE_DOUBLE'),
  scalar('single quoted', 'it is', 'QUOTE_SINGLE'),
  scalar('empty string', '', 'QUOTE_DOUBLE'),
  scalar('quoted yes', 'yes', 'QUOTE_DOUBLE'),
  scalar('block literal', 'line one\nline two\n', 'BLOCK_LITERAL'),
  scalar('block folded', 'folded\ntext', 'BLOCK_FOLDED'),
  scalar('escape sequence', '\u001b[2J\u0007', 'QUOTE_DOUBLE'),
  scalar('unicode', 'ünï😀\u2028', 'QUOTE_DOUBLE'),
  scalar('tag str', '1', 'PLAIN', 'tag:yaml.org,2002:str'),
  scalar('tag int on text', 'three', 'QUOTE_DOUBLE', 'tag:yaml.org,2002:int'),
  scalar('tag bool', 'yes', 'PLAIN', 'tag:yaml.org,2002:bool'),
  scalar('tag null', 'x', 'PLAIN', 'tag:yaml.org,2002:null'),
  scalar('tag binary', 'aGVsbG8=', 'PLAIN', 'tag:yaml.org,2002:binary'),
  scalar('local tag reset', 'x', 'PLAIN', '!reset'),
  scalar('local tag override', 'x', 'PLAIN', '!override'),
  scalar('unknown local tag', 'x', 'PLAIN', '!custom'),
  scalar('variable', '${VALUE}', 'PLAIN'),
  scalar('variable with default', '${VALUE:-1}', 'QUOTE_DOUBLE'),
  scalar('required variable', '${VALUE:?set it}', 'QUOTE_DOUBLE'),
  scalar('invalid interpolation', '${', 'QUOTE_DOUBLE'),
  scalar('dollar escape', '$$', 'QUOTE_DOUBLE'),
  scalar('long', 'x'.repeat(5000), 'PLAIN'),
  { name: 'empty list', node: () => new YAMLSeq() },
  { name: 'empty mapping', node: () => new YAMLMap() },
  { name: 'nested', node: () => ({ a: [1, { b: null }], c: 'd' }) },
];

// Three levels cover every key rules read; the random property below also reaches the fourth.
const SERVICE_SLOTS = slotsOf('service', 3);
const DEEP_SERVICE_SLOTS = slotsOf('service', 4);
const RESOURCE_SLOTS: [section: string, definition: string][] = [
  ['networks', 'network'],
  ['volumes', 'volume'],
  ['secrets', 'secret'],
  ['configs', 'config'],
  ['models', 'model'],
];

/** One document filling every slot with `written`: each service (or resource) fills one slot, so one run covers them all. */
function everySlot(written: Written): Document[] {
  const services: Record<string, unknown> = {};
  SERVICE_SLOTS.forEach((slot, i) => (services[`s${i}`] = { image: 'nginx:1.27', ...(placed(slot, written.node()) as object) }));
  const resources: Record<string, unknown> = { services: { web: { image: 'nginx:1.27' } } };
  for (const [section, definition] of RESOURCE_SLOTS) {
    const named: Record<string, unknown> = {};
    slotsOf(definition, 4).forEach((slot: Slot, i) => (named[`r${i}`] = placed(slot, written.node())));
    named.whole = written.node();
    resources[section] = named;
  }
  const topLevel: Record<string, unknown> = { services: { web: { image: 'nginx:1.27' } } };
  for (const key of TOP_LEVEL_KEYS) if (key !== 'services') topLevel[key] = written.node();
  topLevel['x-extension'] = written.node();
  return [
    new Document({ services }),
    new Document(resources),
    new Document(topLevel),
    new Document({ services: written.node() }),
    new Document({ services: { web: written.node() } }),
    new Document({ include: [written.node(), { path: written.node(), env_file: written.node(), project_directory: written.node() }], services: {} }),
  ];
}

const root = mkdtempSync(join(tmpdir(), 'compose-lint-slots-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let runs = 0;

async function lintDocument(doc: Document, label: string): Promise<void> {
  const dir = join(root, String(runs++));
  mkdirSync(dir);
  writeFileSync(join(dir, 'compose.yaml'), doc.toString({ lineWidth: 0 }));
  expectSound(await runPipeline(dir, ['compose.yaml']), dir, label);
}

describe('every scalar type in every slot', () => {
  it(`${WRITTEN.length} written forms x ${SERVICE_SLOTS.length} service slots, resources and top-level keys`, async () => {
    for (const written of WRITTEN) {
      for (const [i, doc] of everySlot(written).entries()) await lintDocument(doc, `${written.name}, document ${i}`);
    }
  }, 600_000);

  it('random forms in random slots, with random neighbours', async () => {
    const slot = fc.constantFrom(...DEEP_SERVICE_SLOTS);
    const form = fc.constantFrom(...WRITTEN);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(slot, form), { minLength: 1, maxLength: 6 }), async (fills) => {
        const service: Record<string, unknown> = { image: 'nginx:1.27' };
        // Later fills overwrite earlier ones at the same top key: what remains is a random mix.
        for (const [where, written] of fills) Object.assign(service, placed(where, written.node()));
        await lintDocument(new Document({ services: { web: service, db: { image: 'postgres:16', depends_on: ['web'] } } }), JSON.stringify(fills.map(([s, w]) => [s.join('.'), w.name])));
      }),
      { seed: 888, numRuns: 100 },
    );
  }, 300_000);
});
