import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { document, envFile, render, rendering } from './arbitraries.ts';
import { expectSound, runPipeline } from './pipeline.ts';

const root = mkdtempSync(join(tmpdir(), 'compose-lint-property-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let runs = 0;

describe('random YAML documents through the whole pipeline and every format', () => {
  it('never throw; exit 0, 1 or 2; findings inside the file; reports parse and validate', async () => {
    await fc.assert(
      fc.asyncProperty(document, rendering, fc.option(envFile, { nil: undefined }), async (value, how, env) => {
        // A fresh folder per run (shrinking reruns too), so no file of an earlier run is read.
        const dir = join(root, String(runs++));
        mkdirSync(dir);
        writeFileSync(join(dir, 'compose.yaml'), render(value, how));
        if (env !== undefined) writeFileSync(join(dir, '.env'), env);
        expectSound(await runPipeline(dir, []), dir, JSON.stringify({ how, env }));
      }),
      { seed: Number(process.env.SEED ?? 8), numRuns: Number(process.env.RUNS ?? 150) },
    );
  }, 300_000);
});
