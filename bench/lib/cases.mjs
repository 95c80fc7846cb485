// The benchmark cases. Each names the same inputs for both tools; compose-lint runs its
// executable (`node dist/cli.cjs check ...`), dclint its bin from node_modules.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeAliasBomb, writeDeep, writeHuge, writeOverrides, writeProject } from './generate.mjs';

export const SCALING_SIZES = [250, 500, 1000, 2000];
export const OVERRIDE_LAYERS = [10, 20];
const OVERRIDE_SERVICES = 200;
/** The corpus file used as the typical one (58 lines, three services). */
const TYPICAL = 'awesome-compose/react-java-mysql/compose.yaml';

/** Every YAML file under the corpus, sorted, so both tools get the identical list. */
export function corpusFiles(dir) {
  const out = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry.name)) out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * @param {{ cli: string, dclint: string, scratch: string, corpus: string | null, runs: number }} ctx
 */
export function buildCases(ctx) {
  const cl = (...args) => [ctx.cli, 'check', ...args];
  const dc = (...args) => [ctx.dclint, ...args];
  const cases = [];
  const slowRuns = Math.max(1, Math.min(ctx.runs, 3));

  const typical = ctx.corpus ? join(ctx.corpus, TYPICAL) : writeProject(join(ctx.scratch, 'typical'), 3);
  cases.push({
    id: 'typical',
    title: `One typical file (${lineCount(typical)} lines), cold process`,
    files: 1,
    // A fraction of a second a run, and the noisiest case: three times the runs, after one
    // discarded round (first reads of each tool's files).
    runs: ctx.runs * 3,
    warmup: 1,
    timeoutMs: 60_000,
    tools: { 'node -e 0': ['-e', '0'], 'compose-lint': cl(typical), dclint: dc(typical) },
  });

  if (ctx.corpus) {
    const files = corpusFiles(ctx.corpus);
    cases.push({
      id: 'corpus',
      title: `Corpus: ${files.length} files in one process`,
      files: files.length,
      runs: slowRuns,
      timeoutMs: 600_000,
      // compose-lint runs before and after each dclint run: its short runs sample the same minutes.
      bracket: 'compose-lint',
      tools: { 'compose-lint': cl(...files), dclint: dc(...files) },
    });
  }

  for (const services of SCALING_SIZES) {
    const file = writeProject(join(ctx.scratch, `project-${services}`), services);
    cases.push({
      id: `services-${services}`,
      title: `Generated project, ${services} services (${mb(file)} MB)`,
      files: 1,
      services,
      group: 'services',
      runs: slowRuns,
      timeoutMs: 300_000,
      tools: { 'compose-lint': cl(file), dclint: dc(file) },
    });
  }

  for (const layers of OVERRIDE_LAYERS) {
    const files = writeOverrides(join(ctx.scratch, `overrides-${layers}`), OVERRIDE_SERVICES, layers);
    cases.push({
      id: `overrides-${layers}`,
      title: `${OVERRIDE_SERVICES} services + ${layers} override files, merged`,
      files: files.length,
      layers,
      group: 'overrides',
      runs: slowRuns,
      timeoutMs: 300_000,
      // dclint has no merging: it lints each file on its own.
      tools: { 'compose-lint': cl(...files.flatMap((file) => ['-f', file])), dclint: dc(...files) },
    });
  }

  const huge = writeHuge(join(ctx.scratch, 'huge'), 20 * 1024 * 1024);
  cases.push({
    id: 'huge',
    title: `A ${mb(huge)} MB compose file`,
    files: 1,
    runs: 1,
    timeoutMs: 120_000,
    tools: { 'compose-lint': cl(huge), dclint: dc(huge) },
  });

  const deep = writeDeep(join(ctx.scratch, 'deep'), 10_000);
  cases.push({
    id: 'deep',
    title: '10,000 levels of nesting',
    files: 1,
    runs: slowRuns,
    timeoutMs: 120_000,
    tools: { 'compose-lint': cl(deep), dclint: dc(deep) },
  });

  const bomb = writeAliasBomb(join(ctx.scratch, 'alias-bomb'));
  cases.push({
    id: 'alias-bomb',
    title: 'Alias bomb (9 levels of 9 aliases)',
    files: 1,
    runs: slowRuns,
    timeoutMs: 120_000,
    tools: { 'compose-lint': cl(bomb), dclint: dc(bomb) },
  });
  return cases;
}

function lineCount(file) {
  const text = readFileSync(file, 'utf8');
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

function mb(file) {
  return (statSync(file).size / 1024 / 1024).toFixed(1);
}
