import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { corpusFiles, corpusName, HAVE_CORPUS, SKIP_CORPUS_MESSAGE } from '../helpers/corpus.ts';
import { expectSound, runPipeline } from './pipeline.ts';

if (!HAVE_CORPUS) console.warn(SKIP_CORPUS_MESSAGE);

/** Fragments that break YAML, interpolation or terminals when dropped anywhere. */
const FRAGMENTS = [': ', '- ', '&a ', '*a', '*nowhere', '<<: *a', '${', '${A:-', '}', '$$', '\t', '"', "'", '{', '[', ']', '}', '#', '|', '>-', '!!int ', '!reset ', '? ', '---\n', '\r', '\r\n', '\u001b[2J', '\u0000', '\ufeff', '\u2028', 'é', '😀', '\n  x: 1\n'];

type Mutation =
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate-line' | 'delete-line' | 'indent-line'; at: number }
  | { kind: 'insert'; at: number; fragment: string };

const at = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at, byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at }),
  fc.record({ kind: fc.constantFrom('duplicate-line' as const, 'delete-line' as const, 'indent-line' as const), at }),
  fc.record({ kind: fc.constant('insert' as const), at, fragment: fc.constantFrom(...FRAGMENTS) }),
);

/** Apply one mutation to the bytes; positions are fractions of the length, so any file takes any mutation. */
function mutate(bytes: Buffer, m: Mutation): Buffer {
  const offset = Math.floor(m.at * bytes.length);
  switch (m.kind) {
    case 'flip': {
      const out = Buffer.from(bytes);
      if (out.length > 0) out[offset] = m.byte;
      return out;
    }
    case 'truncate':
      return bytes.subarray(0, offset);
    case 'insert':
      return Buffer.concat([bytes.subarray(0, offset), Buffer.from(m.fragment), bytes.subarray(offset)]);
    default: {
      const lines = bytes.toString('latin1').split('\n');
      const line = Math.floor(m.at * lines.length);
      if (m.kind === 'duplicate-line') lines.splice(line, 0, lines[line]);
      else if (m.kind === 'delete-line') lines.splice(line, 1);
      else lines[line] = `  ${lines[line]}`;
      return Buffer.from(lines.join('\n'), 'latin1');
    }
  }
}

const files = corpusFiles();
const root = mkdtempSync(join(tmpdir(), 'compose-lint-mutations-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let runs = 0;

describe.skipIf(!HAVE_CORPUS)('mutated corpus files through the whole pipeline and every format', () => {
  it('never throw; exit 0, 1 or 2; findings inside the file; reports parse and validate', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: files.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (index, mutations) => {
        const bytes = mutations.reduce(mutate, readFileSync(files[index]));
        // A copy in a fresh folder: the corpus is never written, and its relative paths simply go missing.
        const dir = join(root, String(runs++));
        mkdirSync(dir);
        writeFileSync(join(dir, 'compose.yaml'), bytes);
        expectSound(await runPipeline(dir, ['compose.yaml']), dir, `${corpusName(files[index])} ${JSON.stringify(mutations)}`);
      }),
      { seed: Number(process.env.SEED ?? 88), numRuns: Number(process.env.RUNS ?? 250) },
    );
  }, 300_000);
});
