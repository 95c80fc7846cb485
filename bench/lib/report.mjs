// Turns raw samples into the results table, the per-stage table and the target checks.

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** One tool's runs of one case, reduced to medians and an outcome line. */
export function summarize(samples) {
  const finished = samples.filter((s) => !s.timedOut);
  const peaks = samples.map((s) => s.peakMB).filter((p) => p !== null);
  const cpus = finished.map((s) => s.cpuMs).filter((c) => c !== null);
  const crashed = samples.some((s) => !s.timedOut && (s.signal !== null || ![0, 1, 2].includes(s.code)));
  return {
    runs: samples.length,
    wallMs: finished.length > 0 ? median(finished.map((s) => s.wallMs)) : NaN,
    timedOutAfterMs: finished.length === 0 ? Math.max(...samples.map((s) => s.wallMs)) : null,
    peakMB: peaks.length > 0 ? median(peaks) : null,
    cpuMs: cpus.length > 0 ? median(cpus) : NaN,
    codes: [...new Set(samples.map((s) => (s.timedOut ? 'timeout' : (s.signal ?? s.code))))],
    crashed,
    outcome: outcome(samples[samples.length - 1]),
  };
}

/** The first problem or error a run printed, for the rows where "what happened" matters. */
function outcome(sample) {
  if (!sample) return '';
  if (sample.timedOut) return 'timed out';
  const lines = `${sample.stdout}\n${sample.stderr}`.split('\n').map((line) => line.trim());
  const finding = lines.find((line) => /^\d+:\d+\s+(error|warning|info)\s/.test(line));
  if (finding) return finding.replace(/^\d+:\d+\s+/, '').replace(/\s+/g, ' ');
  const error = lines.find((line) => /error|refus|too|exceed|limit|invalid/i.test(line));
  return (error ?? lines.find(Boolean) ?? '').replace(/\s+/g, ' ');
}

export function fmtTime(ms) {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${ms.toFixed(ms >= 100 ? 0 : 1)} ms`;
}

const fmtMB = (mb) => (mb === null ? 'n/a' : `${mb.toFixed(0)} MB`);
const fmtRatio = (x) => (Number.isFinite(x) ? `${x.toFixed(x >= 10 ? 1 : 2)}x` : 'n/a');
const shorten = (text, max) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function wallCell(summary) {
  if (summary.timedOutAfterMs !== null) return `> ${fmtTime(summary.timedOutAfterMs)} (timeout)`;
  return fmtTime(summary.wallMs) + (summary.crashed ? ' (crashed)' : '');
}

/** The main table: one row per case, both tools side by side. */
export function resultsTable(results) {
  const rows = [
    '| Case | Files | compose-lint wall | per file | peak | dclint wall | per file | peak | dclint / compose-lint | same, CPU time |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const { kase, tools } of results) {
    const base = tools['node -e 0'];
    if (base) rows.push(`| Baseline: \`node -e 0\` | – | ${fmtTime(base.wallMs)} | – | ${fmtMB(base.peakMB)} | | | | | |`);
    const cl = tools['compose-lint'];
    const dc = tools.dclint;
    const perFile = (s) => (s && Number.isFinite(s.wallMs) ? fmtTime(s.wallMs / kase.files) : 'n/a');
    const ratio = dc && cl ? dc.wallMs / cl.wallMs : NaN;
    const ratioCell = dc?.timedOutAfterMs != null && cl ? `> ${fmtRatio(dc.timedOutAfterMs / cl.wallMs)}` : fmtRatio(ratio);
    const cpuRatio = dc && cl && dc.timedOutAfterMs === null ? fmtRatio(dc.cpuMs / cl.cpuMs) : '';
    rows.push(
      `| ${kase.title} | ${kase.files} | ${cl ? wallCell(cl) : 'n/a'} | ${perFile(cl)} | ${cl ? fmtMB(cl.peakMB) : 'n/a'} | ${dc ? wallCell(dc) : 'skipped'} | ${perFile(dc)} | ${dc ? fmtMB(dc.peakMB) : ''} | ${ratioCell} | ${cpuRatio} |`,
    );
  }
  return rows.join('\n');
}

/** What each tool said about the hostile inputs. */
export function outcomesTable(results, ids) {
  const rows = ['| Case | compose-lint says | dclint says |', '| --- | --- | --- |'];
  for (const { kase, tools } of results) {
    if (!ids.includes(kase.id)) continue;
    const cell = (s) => (s ? shorten(`exit ${s.codes.join('/')}: ${s.outcome}`, 110).replaceAll('|', '\\|') : 'skipped');
    rows.push(`| ${kase.title} | ${cell(tools['compose-lint'])} | ${cell(tools.dclint)} |`);
  }
  return rows.join('\n');
}

const STAGES = ['startup', 'read', 'parse', 'interpolate-merge', 'validate', 'rules', 'format'];

/** Median of each stage over the stage-timing runs. */
export function stageTable(stageRuns) {
  // Minor page faults: first touches of fresh memory, each costing microseconds on a virtual machine.
  const rows = ['| Stage | median time | share | minor page faults |', '| --- | ---: | ---: | ---: |'];
  const medians = Object.fromEntries(STAGES.map((stage) => [stage, median(stageRuns.map((run) => run.stageTimesMs[stage]))]));
  const faults = Object.fromEntries(STAGES.map((stage) => [stage, median(stageRuns.map((run) => run.minorFaults?.[stage] ?? NaN))]));
  const total = median(stageRuns.map((run) => run.totalMs));
  const totalFaults = median(stageRuns.map((run) => run.totalMinorFaults ?? NaN));
  const count = (n) => (Number.isFinite(n) ? String(Math.round(n)) : '–');
  for (const stage of STAGES) rows.push(`| ${stage} | ${fmtTime(medians[stage])} | ${((100 * medians[stage]) / total).toFixed(0)}% | ${count(faults[stage])} |`);
  rows.push(`| total (in process) | ${fmtTime(total)} | 100% | ${count(totalFaults)} |`);
  return rows.join('\n');
}

/** The targets, checked against this run's medians. */
export function checkTargets(results) {
  const byId = Object.fromEntries(results.map((r) => [r.kase.id, r]));
  const out = [];
  const add = (target, measured, pass) => out.push({ target, measured, pass });
  const t = byId.typical?.tools;
  if (t) {
    const cl = t['compose-lint'].wallMs;
    const cpu = t['compose-lint'].cpuMs;
    add('Typical file, cold: ≤ 2x `node -e 0`', `${fmtRatio(cl / t['node -e 0'].wallMs)} (CPU ${fmtRatio(cpu / t['node -e 0'].cpuMs)})`, cl <= 2 * t['node -e 0'].wallMs);
    if (t.dclint) add('Typical file, cold: ≥ 4x faster than dclint', `${fmtRatio(t.dclint.wallMs / cl)} (CPU ${fmtRatio(t.dclint.cpuMs / cpu)})`, t.dclint.wallMs >= 4 * cl);
  }
  const c = byId.corpus;
  if (c) {
    const cl = c.tools['compose-lint'];
    const dc = c.tools.dclint;
    if (dc) add('Corpus: ≥ 20x faster per file than dclint', `${fmtRatio(dc.wallMs / cl.wallMs)} (CPU ${fmtRatio(dc.cpuMs / cl.cpuMs)})`, dc.wallMs >= 20 * cl.wallMs);
    add('Corpus: peak memory < 150 MB', fmtMB(cl.peakMB), cl.peakMB !== null && cl.peakMB < 150);
  }
  const pairs = [];
  for (let i = 1; i < results.length; i++) {
    const [a, b] = [results[i - 1].kase, results[i].kase];
    if (a.services && b.services === 2 * a.services) pairs.push([results[i - 1], results[i], `${a.services} → ${b.services} services`]);
    if (a.layers && b.layers === 2 * a.layers) pairs.push([results[i - 1], results[i], `${a.layers} → ${b.layers} override files`]);
  }
  for (const [small, large, label] of pairs) {
    const [a, b] = [small.tools['compose-lint'], large.tools['compose-lint']];
    const ratio = b.wallMs / a.wallMs;
    add(`Linear: ${label} takes ≤ 2.2x the time`, `${fmtRatio(ratio)} (CPU ${fmtRatio(b.cpuMs / a.cpuMs)})`, ratio <= 2.2);
  }
  for (const id of ['huge', 'deep']) {
    const r = byId[id];
    if (!r) continue;
    const s = r.tools['compose-lint'];
    const ok = !s.crashed && s.timedOutAfterMs === null && s.codes.every((code) => code === 1 || code === 2) && s.outcome !== '';
    add(`${r.kase.title}: a finding or clear error within 10 s`, `${fmtTime(s.wallMs)}, exit ${s.codes.join('/')}`, ok && s.wallMs <= 10_000);
  }
  const bomb = byId['alias-bomb'];
  if (bomb) {
    const s = bomb.tools['compose-lint'];
    add('Alias bomb: bounded (≤ 10 s, < 150 MB)', `${fmtTime(s.wallMs)}, ${fmtMB(s.peakMB)}`, !s.crashed && s.wallMs <= 10_000 && s.peakMB !== null && s.peakMB < 150);
  }
  return out;
}

export function targetsTable(targets) {
  return ['| Target | Measured | Met |', '| --- | ---: | :---: |', ...targets.map((t) => `| ${t.target} | ${t.measured} | ${t.pass ? 'yes' : '**no**'} |`)].join('\n');
}
