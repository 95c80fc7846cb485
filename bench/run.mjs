#!/usr/bin/env node
// `npm run bench`: compose-lint against dclint (the existing compose linter, a devDependency:
// nothing is installed at run time), case by case, the two tools alternating run by run.
// Prints the results table, the per-stage breakdown and the issue's targets; a full run also
// writes them to bench/results/ with an SVG plot, and into BENCHMARKS.md.
//
//   node bench/run.mjs [--runs 5] [--only typical,corpus,...] [--skip-dclint] [--no-build] [--no-doc]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCases, corpusFiles } from './lib/cases.mjs';
import { measure, memorySource } from './lib/measure.mjs';
import { lineChartSvg } from './lib/plot.mjs';
import { checkTargets, outcomesTable, resultsTable, stageTable, summarize, targetsTable } from './lib/report.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'stage-runs': { type: 'string', default: '3' },
    only: { type: 'string' },
    'skip-dclint': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'no-doc': { type: 'boolean', default: false },
  },
});
const runs = Math.max(1, Number(opts.runs));
const only = opts.only ? new Set(opts.only.split(',')) : null;
const log = (text) => process.stderr.write(`${text}\n`);

if (!opts['no-build']) {
  log('bench: building dist/');
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const cli = join(root, 'dist/cli.cjs');
const dclint = join(root, 'node_modules/dclint/bin/dclint.cjs');
if (!opts['skip-dclint'] && !existsSync(dclint)) {
  log('bench: dclint is missing; it is a devDependency, so run `npm install` (the benchmark installs nothing)');
  process.exit(2);
}
const corpusDir = join(root, '../shared/corpus');
const corpus = existsSync(corpusDir) ? corpusDir : null;
if (!corpus) log(`bench: no corpus at ${corpusDir}; the corpus case and the stage breakdown are skipped`);

const scratch = mkdtempSync(join(tmpdir(), 'compose-lint-bench-'));
// An empty working folder: no config file or .env of this repository affects either tool.
const cwd = join(scratch, 'cwd');
mkdirSync(cwd);
const env = {
  NO_COLOR: '1',
  machine: `${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores`,
  node: process.version,
  dclint: JSON.parse(readFileSync(join(root, 'node_modules/dclint/package.json'), 'utf8')).version,
  memory: memorySource === 'gnu-time' ? '/usr/bin/time (max RSS)' : 'process.resourceUsage().maxRSS',
  loadStart: loadavg()[0].toFixed(1),
  date: new Date().toISOString(),
};

try {
  const cases = buildCases({ cli, dclint, scratch, corpus, runs }).filter((kase) => !only || only.has(kase.id));
  const results = [];
  // Cases of one group (the project sizes, the override counts) run interleaved, round by
  // round, so a change in the machine's load during the group hits every size alike.
  for (const group of groupsOf(cases)) {
    const samples = new Map(group.map((kase) => [kase, Object.fromEntries(toolNames(kase).map((name) => [name, []]))]));
    const warmup = Math.max(...group.map((kase) => kase.warmup ?? 0));
    const rounds = warmup + Math.max(...group.map((kase) => kase.runs));
    log(`bench: ${group.map((kase) => kase.title).join('; ')} (${rounds} round${rounds > 1 ? 's' : ''}${warmup ? `, the first ${warmup} discarded` : ''})`);
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? group : [...group].reverse();
      for (const kase of order) {
        if (round >= warmup + kase.runs) continue;
        for (const name of roundOrder(kase, round)) {
          const runsOf = samples.get(kase)[name];
          // A tool that timed out once is not made to time out again.
          if (runsOf.some((s) => s.timedOut)) continue;
          const sample = await measure(kase.tools[name], { cwd, env: { NO_COLOR: '1' }, timeoutMs: kase.timeoutMs, scratch });
          if (round >= warmup) runsOf.push(sample);
          log(`  ${kase.id.padEnd(14)} ${name.padEnd(13)} ${(sample.wallMs / 1000).toFixed(2)} s  cpu ${((sample.cpuMs ?? NaN) / 1000).toFixed(2)} s  ${sample.peakMB?.toFixed(0) ?? '?'} MB  exit ${sample.timedOut ? 'timeout' : (sample.signal ?? sample.code)}${round < warmup ? '  (warm-up)' : ''}`);
        }
      }
    }
    for (const kase of group) {
      const bySample = samples.get(kase);
      results.push({ kase, tools: Object.fromEntries(Object.keys(bySample).map((name) => [name, summarize(bySample[name])])) });
    }
  }

  /** COMPOSE_LINT_STAGE_TIMES=1 runs of compose-lint with these arguments: their stage lines. */
  const stageRuns = async (args, what) => {
    const lines = [];
    log(`bench: per-stage breakdown on ${what} (${opts['stage-runs']} runs)`);
    for (let run = 0; run < Number(opts['stage-runs']); run++) {
      const sample = await measure(args, { cwd, env: { NO_COLOR: '1', COMPOSE_LINT_STAGE_TIMES: '1' }, timeoutMs: 600_000, scratch });
      const line = sample.stderr.split('\n').find((text) => text.startsWith('{"stageTimesMs"'));
      if (line) lines.push(JSON.parse(line));
    }
    return lines;
  };
  let stages = null;
  let typicalStages = null;
  if (!only || only.has('stages')) {
    const typical = buildCases({ cli, dclint, scratch, corpus, runs }).find((kase) => kase.id === 'typical');
    typicalStages = await stageRuns(typical.tools['compose-lint'], 'the typical file');
    if (corpus) stages = await stageRuns([cli, 'check', ...corpusFiles(corpus)], 'the corpus');
  }
  env.loadEnd = loadavg()[0].toFixed(1);

  const targets = checkTargets(results);
  const scaling = results.filter((r) => r.kase.services);
  const sections = [
    `Machine: ${env.machine}; Node ${env.node}; dclint ${env.dclint}; peak memory from ${env.memory}; ` +
      `load average ${env.loadStart} at start, ${env.loadEnd} at end; ${env.date}.`,
    `Medians of ${runs} runs per tool (${runs * 3} for the typical file, after a discarded warm-up round; ${Math.min(runs, 3)} for the slow cases, with compose-lint run before and after each dclint run ` +
      'on the corpus; 1 for the 20 MB file). The tools alternate and the project sizes interleave, so load drift hits all alike. ' +
      'Wall time is what the targets use; the CPU-time ratio (user + system, all threads) is shown for context, being less sensitive to the machine\'s load.',
    resultsTable(results),
    ...(results.some((r) => ['huge', 'deep', 'alias-bomb'].includes(r.kase.id))
      ? ['What each tool reports for the hostile inputs:', outcomesTable(results, ['huge', 'deep', 'alias-bomb'])]
      : []),
    ...(typicalStages?.length ? [`compose-lint per stage on the typical file (\`COMPOSE_LINT_STAGE_TIMES=1\`, median of ${typicalStages.length} runs; startup counts from the process's start, Node's own included):`, stageTable(typicalStages)] : []),
    ...(stages?.length ? [`compose-lint per stage on the corpus (\`COMPOSE_LINT_STAGE_TIMES=1\`, median of ${stages.length} runs):`, stageTable(stages)] : []),
    'Targets (issue 7):',
    targetsTable(targets),
  ];
  const markdown = sections.join('\n\n');
  process.stdout.write(`\n${markdown}\n`);

  // Only a full run replaces the recorded results: a partial one would leave the table, the
  // plot and BENCHMARKS.md disagreeing. --no-doc keeps all three as they are.
  const full = !only && !opts['skip-dclint'] && corpus;
  if (full && !opts['no-doc']) {
    const out = join(root, 'bench/results');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'latest.md'), `${markdown}\n`);
    // Summaries only: the command lines (the corpus's 682 paths) stay out of the record.
    const record = results.map(({ kase, tools }) => ({ id: kase.id, title: kase.title, files: kase.files, runs: kase.runs, tools }));
    writeFileSync(join(out, 'latest.json'), `${JSON.stringify({ env, results: record, stages, typicalStages, targets }, null, 2)}\n`);
    const names = Object.keys(scaling[0].tools);
    const svg = lineChartSvg({
      title: 'Time against project size (one compose file)',
      xLabel: 'services in the compose file',
      series: names.map((name) => ({ name, points: scaling.map((r) => [r.kase.services, r.tools[name].wallMs]) })),
    });
    writeFileSync(join(out, 'scaling.svg'), svg);
    updateDoc(join(root, 'BENCHMARKS.md'), markdown);
    log('bench: wrote bench/results/ and BENCHMARKS.md');
  } else {
    log('bench: partial run (or --no-doc): bench/results/ and BENCHMARKS.md left as they are');
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

function toolNames(kase) {
  return Object.keys(kase.tools).filter((name) => !(opts['skip-dclint'] && name === 'dclint'));
}

/** Consecutive cases sharing a `group` run together; every other case on its own. */
function groupsOf(cases) {
  const groups = [];
  for (const kase of cases) {
    const last = groups[groups.length - 1];
    if (kase.group && last?.[0].group === kase.group) last.push(kase);
    else groups.push([kase]);
  }
  return groups;
}

/**
 * The tools in the order of this round: who goes first alternates, so drift in the machine's
 * load hits both alike. A case may `bracket` a fast tool around a slow one (fast, slow, fast):
 * more samples of the short runs, taken in the same minutes as the long one.
 */
function roundOrder(kase, round) {
  const names = toolNames(kase);
  if (kase.bracket && names.includes(kase.bracket)) return [kase.bracket, ...names.filter((name) => name !== kase.bracket), kase.bracket];
  return round % 2 === 0 ? names : [...names].reverse();
}

/** Replace the generated block of BENCHMARKS.md, keeping the prose around it. */
function updateDoc(path, markdown) {
  const start = '<!-- bench:results:start -->';
  const end = '<!-- bench:results:end -->';
  if (!existsSync(path)) return;
  const doc = readFileSync(path, 'utf8');
  const [i, j] = [doc.indexOf(start), doc.indexOf(end)];
  if (i < 0 || j < i) return log('bench: BENCHMARKS.md has no results markers; left as it is');
  writeFileSync(path, `${doc.slice(0, i + start.length)}\n${markdown}\n${doc.slice(j)}`);
}
